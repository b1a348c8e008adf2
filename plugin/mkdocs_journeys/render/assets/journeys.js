/* mkdocs-journeys: the map's controls (whole map / full screen), and filters and sorting for
   the opportunity index. The full map and the full table are in the HTML; this only switches
   the map's layout and hides and reorders rows and board cards.
   Started through Material's document$ so it also runs after instant navigation. */
(function () {
  "use strict";

  var FILTERS = ["status", "owner", "journey", "priority"];

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

    FILTERS.forEach(function (name) {
      var select = form.querySelector('[data-filter="' + name + '"]');
      if (select && params.get(name)) select.value = params.get(name);
    });
    if (params.get("sort")) sortSelect.value = params.get("sort");
    var overdueOnly = form.querySelector("[data-filter-overdue]");
    if (overdueOnly && params.get("overdue")) overdueOnly.checked = true;

    function apply() {
      var active = {};
      var query = new URLSearchParams();
      FILTERS.forEach(function (name) {
        var select = form.querySelector('[data-filter="' + name + '"]');
        if (select && select.value) {
          active[name] = select.value;
          query.set(name, select.value);
        }
      });
      var overdue = overdueOnly && overdueOnly.checked;
      if (overdue) query.set("overdue", "1");
      var shown = 0;
      rows.concat(cards).forEach(function (element) {
        var match = Object.keys(active).every(function (name) {
          return element.dataset[name] === active[name];
        }) && (!overdue || element.classList.contains("journeys-row--overdue"));
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
      if (count) count.textContent = shown + " / " + rows.length + " " + (count.dataset.label || "");
      var search = query.toString();
      var url = window.location.pathname + (search ? "?" + search : "") + window.location.hash;
      window.history.replaceState(window.history.state, "", url);
    }

    form.addEventListener("change", apply);
    form.addEventListener("submit", function (event) { event.preventDefault(); });
    form.hidden = false;
    apply();
  }

  function init() {
    Array.prototype.forEach.call(document.querySelectorAll("[data-journey-map]"), setupMap);
    Array.prototype.forEach.call(document.querySelectorAll("[data-journeys-index]"), setup);
  }

  if (typeof window.document$ !== "undefined" && window.document$.subscribe) {
    window.document$.subscribe(init);
  } else if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", init);
  } else {
    init();
  }
})();
