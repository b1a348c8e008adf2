/* mkdocs-journeys: the map's controls (whole map / full screen), filters and sorting for the
   opportunity index, filters for the journey overview. The full map and every row and card
   are in the HTML; this only switches the map's layout and hides and reorders rows and cards.
   Filters are the form's <select data-filter="name"> (data-multiple: the item's attribute
   is a space-separated list); their state is kept in the URL's query.
   Started through Material's document$ so it also runs after instant navigation. */
(function () {
  "use strict";

  /* The filter form's state: {name: value} of the selects set, read from the URL first. */
  function filterControls(form) {
    return Array.prototype.slice.call(form.querySelectorAll("select[data-filter]"));
  }

  function restoreFilters(form, params) {
    filterControls(form).forEach(function (select) {
      var value = params.get(select.dataset.filter);
      if (value) select.value = value;
    });
  }

  function activeFilters(form, query) {
    var active = [];
    filterControls(form).forEach(function (select) {
      if (select.value) {
        active.push({name: select.dataset.filter, value: select.value, multiple: select.hasAttribute("data-multiple")});
        query.set(select.dataset.filter, select.value);
      }
    });
    return active;
  }

  function matches(element, active) {
    return active.every(function (filter) {
      var own = element.dataset[filter.name] || "";
      return filter.multiple ? own.split(" ").indexOf(filter.value) >= 0 : own === filter.value;
    });
  }

  function keepInUrl(query) {
    var search = query.toString();
    var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
    window.history.replaceState(window.history.state, "", url);
  }

  function showCount(count, shown, total) {
    if (count) count.textContent = shown + " / " + total + " " + (count.dataset.label || "");
  }

  function startForm(form, apply) {
    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  /* A map's two buttons: "whole map" (the overview: every step in the window's width) and
     full screen (Esc, or the button again, leaves it). Hidden in the HTML, shown here. */
  function setupMap(figure) {
    if (figure.dataset.journeysReady) return;
    figure.dataset.journeysReady = "true";
    var tools = figure.querySelector("[data-journey-map-tools]");
    if (!tools) return;
    var overview = tools.querySelector("[data-journey-map-overview]");
    var fullscreen = tools.querySelector("[data-journey-map-fullscreen]");
    overview.addEventListener("click", function () {
      var on = !figure.classList.contains("journey-map--overview");
      figure.classList.toggle("journey-map--overview", on);
      overview.setAttribute("aria-pressed", String(on));
    });
    if (fullscreen && document.fullscreenEnabled && figure.requestFullscreen) {
      var enter = fullscreen.textContent;
      var exit = fullscreen.dataset.labelExit || enter;
      fullscreen.addEventListener("click", function () {
        if (document.fullscreenElement === figure) {
          document.exitFullscreen();
        } else {
          figure.requestFullscreen().catch(function () { /* refused: the map stays in the page */ });
        }
      });
      // Browsers leave full screen on Esc themselves; where one leaves the key to the page
      // (a kiosk, a headless browser), the map does it.
      figure.addEventListener("keydown", function (event) {
        if (event.key === "Escape" && document.fullscreenElement === figure) document.exitFullscreen();
      });
      document.addEventListener("fullscreenchange", function () {
        var on = document.fullscreenElement === figure;
        fullscreen.setAttribute("aria-pressed", String(on));
        fullscreen.textContent = on ? exit : enter;
      });
    } else if (fullscreen) {
      fullscreen.hidden = true;
    }
    tools.hidden = false;
  }

  function compare(key) {
    return function (a, b) {
      var x, y;
      if (key === "value-effort") {
        // highest value for the effort first; opportunities without both scores last
        x = a.dataset.valueEffort ? Number(a.dataset.valueEffort) : -1;
        y = b.dataset.valueEffort ? Number(b.dataset.valueEffort) : -1;
        if (x !== y) return y - x;
      }
      if (key === "due" || key === "priority") {
        if (key === "priority") {
          x = Number(a.dataset.priorityRank);
          y = Number(b.dataset.priorityRank);
          if (x !== y) return x - y;
        }
        x = a.dataset.due || "9999-99-99";
        y = b.dataset.due || "9999-99-99";
        if (x !== y) return x < y ? -1 : 1;
      }
      return Number(a.dataset.order) - Number(b.dataset.order);
    };
  }

  function setup(root) {
    if (root.dataset.journeysReady) return;
    root.dataset.journeysReady = "true";
    var form = root.querySelector("[data-journeys-filters]");
    if (!form) return;
    var rows = Array.prototype.slice.call(root.querySelectorAll(".journeys-index__row"));
    var cards = Array.prototype.slice.call(root.querySelectorAll(".journeys-board__card"));
    var count = form.querySelector("[data-count]");
    var sortSelect = form.querySelector("[data-sort]");
    var params = new URLSearchParams(window.location.search);
    restoreFilters(form, params);
    if (params.get("sort")) sortSelect.value = params.get("sort");
    var overdueOnly = form.querySelector("[data-filter-overdue]");
    if (overdueOnly && params.get("overdue")) overdueOnly.checked = true;

    function apply() {
      var query = new URLSearchParams();
      var active = activeFilters(form, query);
      var overdue = overdueOnly && overdueOnly.checked;
      if (overdue) query.set("overdue", "1");
      var shown = 0;
      rows.concat(cards).forEach(function (element) {
        var match = matches(element, active) && (!overdue || element.classList.contains("journeys-row--overdue"));
        element.hidden = !match;
        if (match && element.tagName === "TR") shown += 1;
      });
      var sortKey = sortSelect.value;
      if (sortKey) query.set("sort", sortKey);
      var order = compare(sortKey);
      if (rows.length) {
        rows.slice().sort(order).forEach(function (row) { row.parentNode.appendChild(row); });
      }
      Array.prototype.forEach.call(root.querySelectorAll(".journeys-board__cards"), function (list) {
        Array.prototype.slice.call(list.children).sort(order).forEach(function (card) { list.appendChild(card); });
      });
      Array.prototype.forEach.call(root.querySelectorAll(".journeys-board__column"), function (column) {
        var counter = column.querySelector(".journeys-count");
        if (counter) counter.textContent = column.querySelectorAll(".journeys-board__card:not([hidden])").length;
      });
      showCount(count, shown, rows.length);
      keepInUrl(query);
    }

    startForm(form, apply);
  }

  /* The overview: a card stays when it or a card nested in it (a sub-journey) matches; one
     kept only for what it holds is outlined (dashed). Pairs and phases without a card shown are hidden. */
  function setupOverview(root) {
    if (root.dataset.journeysReady) return;
    root.dataset.journeysReady = "true";
    var form = root.querySelector("[data-journeys-filters]");
    if (!form) return;
    var items = Array.prototype.slice.call(root.querySelectorAll("[data-filter-item]"));
    var groups = Array.prototype.slice.call(root.querySelectorAll("[data-filter-group]"));
    var count = form.querySelector("[data-count]");
    restoreFilters(form, new URLSearchParams(window.location.search));

    function apply() {
      var query = new URLSearchParams();
      var active = activeFilters(form, query);
      var matched = items.filter(function (item) { return matches(item, active); });
      // the cards that hold a matching card: each match marks its ancestors (no pairwise search)
      var holding = new Set();
      matched.forEach(function (item) {
        var above = item.parentElement && item.parentElement.closest("[data-filter-item]");
        while (above && !holding.has(above)) {
          holding.add(above);
          above = above.parentElement && above.parentElement.closest("[data-filter-item]");
        }
      });
      items.forEach(function (item) {
        var self = matched.indexOf(item) >= 0;
        var holds = !self && holding.has(item);
        item.hidden = !self && !holds;
        item.classList.toggle("journeys-overview__card--context", holds);
      });
      groups.forEach(function (group) {
        group.hidden = active.length > 0 && !group.querySelector("[data-filter-item]:not([hidden])");
      });
      showCount(count, matched.length, items.length);
      keepInUrl(query);
    }

    startForm(form, apply);
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-journey-map]"), setupMap);
    Array.prototype.forEach.call(document.querySelectorAll("[data-journeys-index]"), setup);
    Array.prototype.forEach.call(document.querySelectorAll("[data-journeys-overview]"), setupOverview);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
