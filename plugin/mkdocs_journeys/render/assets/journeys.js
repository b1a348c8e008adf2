/* mkdocs-journeys: the map's controls (whole map / full screen), filters, sorting and pages
   for the opportunity index, filters for the journey overview. The full map is in the HTML;
   the index draws its rows and board from its data file (without one, every row and card is
   in the HTML and this hides and reorders them).
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
    if (root.dataset.journeysData) return setupIndexFromData(root, form);
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

  /* The index with its data file (index-data.json): the table's rows, the pager and the
     board's cards are drawn from the data for the filters, sort and page in the URL. The
     HTML holds the first page; this takes over once the data has arrived. A change of
     filter or page is a new history entry, so back and forward walk through the views. */
  var INDEX_FILTERS = ["status", "owner", "journey", "priority"];

  /* An element with attributes (null ones left out) and children (text is text, never
     markup: every title comes from an author). */
  function el(tag, attributes, children) {
    var element = document.createElement(tag);
    Object.keys(attributes || {}).forEach(function (name) {
      if (attributes[name] !== null && attributes[name] !== undefined) element.setAttribute(name, attributes[name]);
    });
    (children || []).forEach(function (child) {
      if (child === null || child === undefined || child === "") return;
      element.appendChild(typeof child === "string" ? document.createTextNode(child) : child);
    });
    return element;
  }

  function indexItems(data, base) {
    var at = {};
    data.columns.forEach(function (name, i) { at[name] = i; });
    function absolute(url) { return url ? new URL(url, base).href : null; }
    var journeys = data.journeys.map(function (j) { return {title: j[0], url: absolute(j[1]), path: j[2]}; });
    var owners = data.owners.map(function (o) { return {id: o[0], name: o[1], url: absolute(o[2])}; });
    return data.rows.map(function (row, order) {
      var ratio = row[at.value_effort];
      return {
        id: row[at.id], title: row[at.title], status: row[at.status], due: row[at.due] || "",
        overdue: row[at.overdue] === 1, journey: journeys[row[at.journey]],
        owner: row[at.owner] === null ? null : owners[row[at.owner]],
        priority: data.priorities ? data.priorities[row[at.priority]] : null, priorityRank: row[at.priority],
        kpi: row[at.kpi] || "", valueEffort: ratio === null || ratio === undefined ? "" : ratio.toFixed(3),
        places: row[at.places].map(function (p) {
          var journey = journeys[p[0]];
          return {journey: journey, text: p[1], url: journey.url ? journey.url.split("#")[0] + "#" + p[2] : null};
        }),
        order: order
      };
    });
  }

  function itemMatches(item, state) {
    if (state.status && item.status !== state.status) return false;
    if (state.owner && (item.owner ? item.owner.id : "") !== state.owner) return false;
    if (state.journey && item.journey.path !== state.journey) return false;
    if (state.priority && item.priority !== state.priority) return false;
    return !state.overdue || item.overdue;
  }

  function compareItems(key) {
    return function (a, b) {
      if (key === "value-effort") {
        var x = a.valueEffort ? Number(a.valueEffort) : -1, y = b.valueEffort ? Number(b.valueEffort) : -1;
        if (x !== y) return y - x;
      }
      if (key === "priority" && a.priorityRank !== b.priorityRank) return a.priorityRank - b.priorityRank;
      if (key === "due" || key === "priority") {
        var p = a.due || "9999-99-99", q = b.due || "9999-99-99";
        if (p !== q) return p < q ? -1 : 1;
      }
      return a.order - b.order;
    };
  }

  /* Bring an element to the top of the window, below a header that stays in view
     (Material's) rather than under it. */
  function scrollBelowHeader(element) {
    var header = document.querySelector(".md-header");
    var position = header ? window.getComputedStyle(header).position : "";
    var offset = position === "fixed" || position === "sticky" ? header.getBoundingClientRect().bottom : 0;
    window.scrollBy(0, element.getBoundingClientRect().top - offset - 8);
  }

  function setupIndexFromData(root, form) {
    var labels = JSON.parse(root.dataset.labels || "{}");
    var pageSize = Number(root.dataset.pageSize) || 50;
    var dataUrl = new URL(root.dataset.journeysData, window.location.href);
    var body = root.querySelector("[data-rows]");
    var pager = root.querySelector("[data-pager]");
    var board = root.querySelector("[data-board]");
    var boardOpen = root.querySelector("[data-board-open]");
    var count = form.querySelector("[data-count]");
    var sortSelect = form.querySelector("[data-sort]");
    var overdueOnly = form.querySelector("[data-filter-overdue]");
    var items = null;
    var page = 1;
    var boardShown = false;
    var BOARD_CARDS = 100;  // per column: a column of thousands is a list no reader scans

    function label(key) { return labels[key] || key; }

    function statusTag(status) {
      return el("span", {"class": "journeys-status journeys-status--" + status}, [label("status." + status)]);
    }

    function dueCell(item) {
      return el("td", {"class": "journeys-table__due"}, [
        item.due ? el("time", {datetime: item.due}, [item.due]) : null,
        item.overdue ? " " : null,
        item.overdue ? el("span", {"class": "journeys-badge journeys-badge--overdue"}, [label("overdue")]) : null
      ]);
    }

    function ownerTag(owner) {
      if (!owner) return null;
      return owner.url ? el("a", {"class": "journeys-department", href: owner.url}, [owner.name])
        : el("span", {"class": "journeys-department"}, [owner.name]);
    }

    /* The same row as the template's (opportunities.html), from the data. */
    function row(item) {
      var places = [];
      item.places.forEach(function (p, number) {
        if (number) places.push(el("br"));
        places.push(el("a", {href: p.url}, [(p.journey !== item.journey ? p.journey.title + ": " : "") + p.text]));
      });
      if (!places.length) places.push(label("whole_journey"));
      return el("tr", {
        id: item.id, "class": "journeys-index__row" + (item.overdue ? " journeys-row--overdue" : ""),
        "data-status": item.status, "data-owner": item.owner ? item.owner.id : "", "data-journey": item.journey.path,
        "data-priority": item.priority || "", "data-priority-rank": String(item.priorityRank), "data-due": item.due,
        "data-order": String(item.order), "data-value-effort": item.valueEffort
      }, [
        el("td", {"class": "journeys-table__title"}, [
          el("a", {"class": "journeys-anchor", href: "#" + item.id, "aria-hidden": "true", tabindex: "-1"}, ["#"]), " ",
          el("strong", {}, [item.title])]),
        el("td", {"class": "journeys-table__status"}, [statusTag(item.status)]),
        dueCell(item),
        el("td", {}, [el("a", {href: item.journey.url}, [item.journey.title])]),
        el("td", {}, places),
        el("td", {}, [ownerTag(item.owner)]),
        el("td", {}, [label("priority." + item.priority)]),
        el("td", {}, [item.kpi])
      ]);
    }

    function card(item) {
      var due = dueCell(item);
      return el("li", {
        "class": "journeys-board__card" + (item.overdue ? " journeys-row--overdue" : ""), "data-status": item.status,
        "data-owner": item.owner ? item.owner.id : "", "data-priority-rank": String(item.priorityRank), "data-due": item.due
      }, [
        el("a", {href: "#" + item.id}, [item.title]),
        el("span", {"class": "journeys-board__meta"}, [item.journey.title + " · " + label("priority." + item.priority)
          + (item.owner ? " · " + item.owner.name : "")]),
        item.due || item.overdue ? el("span", {"class": "journeys-board__meta"},
          [label("due") + " "].concat(Array.prototype.slice.call(due.childNodes))) : null
      ]);
    }

    function fill(parent, children) {
      var fragment = document.createDocumentFragment();
      children.forEach(function (child) { fragment.appendChild(child); });
      parent.replaceChildren(fragment);
    }

    function readState(params) {
      var state = {sort: params.get("sort") || "", overdue: !!params.get("overdue")};
      INDEX_FILTERS.forEach(function (name) { state[name] = params.get(name) || ""; });
      page = Math.max(1, parseInt(params.get("page"), 10) || 1);
      boardShown = boardShown || params.get("board") === "1";
      return state;
    }

    function showState(state) {
      filterControls(form).forEach(function (select) { select.value = state[select.dataset.filter] || ""; });
      sortSelect.value = state.sort;
      if (overdueOnly) overdueOnly.checked = state.overdue;
    }

    function formState() {
      var state = {sort: sortSelect.value, overdue: !!(overdueOnly && overdueOnly.checked)};
      filterControls(form).forEach(function (select) { state[select.dataset.filter] = select.value; });
      return state;
    }

    function query(state) {
      var params = new URLSearchParams();
      INDEX_FILTERS.forEach(function (name) { if (state[name]) params.set(name, state[name]); });
      if (state.overdue) params.set("overdue", "1");
      if (state.sort) params.set("sort", state.sort);
      if (page > 1) params.set("page", String(page));
      if (boardShown && items.length > pageSize) params.set("board", "1");
      var search = params.toString();
      return window.location.pathname + (search ? "?" + search : "");
    }

    function render(state) {
      var shown = items.filter(function (item) { return itemMatches(item, state); }).sort(compareItems(state.sort));
      var pages = Math.max(1, Math.ceil(shown.length / pageSize));
      page = Math.min(page, pages);
      fill(body, shown.slice((page - 1) * pageSize, page * pageSize).map(row));
      showCount(count, shown.length, items.length);
      if (pager) {
        pager.hidden = pages < 2;
        pager.querySelector("[data-page-where]").textContent = (labels["index.page"] || "{page} / {pages}")
          .replace("{page}", page).replace("{pages}", pages);
        pager.querySelector('[data-page-step="-1"]').disabled = page <= 1;
        pager.querySelector('[data-page-step="1"]').disabled = page >= pages;
      }
      if (board && boardShown) {
        Array.prototype.forEach.call(board.querySelectorAll("[data-board-status]"), function (column) {
          var own = shown.filter(function (item) { return item.status === column.dataset.boardStatus; });
          var more = own.length - BOARD_CARDS;
          var cards = own.slice(0, BOARD_CARDS).map(card);
          if (more > 0) cards.push(el("li", {"class": "journeys-board__more"}, [label("index.board.more").replace("{count}", more)]));
          fill(column.querySelector(".journeys-board__cards"), cards);
          column.querySelector(".journeys-count").textContent = own.length;
        });
      }
      if (boardOpen) {
        boardOpen.hidden = boardShown;
        boardOpen.setAttribute("aria-expanded", String(boardShown));
      }
      var note = root.querySelector("[data-first-page-note]");
      if (note) note.hidden = true;
      var boardNote = root.querySelector("[data-board-note]");
      if (boardNote) boardNote.hidden = boardShown;
      return shown;
    }

    /* A link to one opportunity (#id): the page of the view that holds it, or, when the
       filters leave it out, of the whole list. */
    function showTarget(state) {
      var id = decodeURIComponent(window.location.hash.slice(1));
      if (!id || !items.some(function (item) { return item.id === id; })) return false;
      var shown = items.filter(function (item) { return itemMatches(item, state); }).sort(compareItems(state.sort));
      var at = shown.findIndex(function (item) { return item.id === id; });
      if (at < 0) {
        INDEX_FILTERS.forEach(function (name) { state[name] = ""; });
        state.overdue = false;
        showState(state);
        shown = items.slice().sort(compareItems(state.sort));
        at = shown.findIndex(function (item) { return item.id === id; });
      }
      page = Math.floor(at / pageSize) + 1;
      render(state);
      var row = document.getElementById(id);
      if (row) row.scrollIntoView({block: "center"});
      return true;
    }

    function change(push) {
      var state = formState();
      render(state);
      var url = query(state) + (push ? "" : window.location.hash);
      if (push) window.history.pushState(window.history.state, "", url);
      else window.history.replaceState(window.history.state, "", url);
    }

    /* The journey filter's options, when the HTML leaves them to the data (a wiki of
       thousands of journeys): each journey that holds an opportunity, in the wiki's order. */
    function listJourneys() {
      var select = form.querySelector('select[data-filter="journey"]');
      if (!select || select.options.length > 1) return;
      var seen = {};
      items.forEach(function (item) {
        if (seen[item.journey.path]) return;
        seen[item.journey.path] = true;
        select.add(new Option(item.journey.title, item.journey.path));
      });
    }

    function start(data) {
      items = indexItems(data, dataUrl);
      listJourneys();
      var state = readState(new URLSearchParams(window.location.search));
      if (items.length <= pageSize) boardShown = true;  // every card fits: the board is shown whole
      showState(state);
      if (!showTarget(state)) render(state);
      form.addEventListener("change", function () { page = 1; change(true); });
      form.addEventListener("submit", function (event) { event.preventDefault(); });
      if (pager) pager.addEventListener("click", function (event) {
        var button = event.target.closest("[data-page-step]");
        if (!button) return;
        page += Number(button.dataset.pageStep);
        change(true);
        scrollBelowHeader(root.querySelector("#journeys-index-table"));
      });
      if (boardOpen) boardOpen.addEventListener("click", function () {
        boardShown = true;
        change(true);
        scrollBelowHeader(root.querySelector("#journeys-index-board") || board);
      });
      // the window outlives the page under instant navigation: a listener of an index no
      // longer shown removes itself
      function onPopState() {
        if (!root.isConnected) return window.removeEventListener("popstate", onPopState);
        var back = readState(new URLSearchParams(window.location.search));
        showState(back);
        render(back);
      }
      function onHashChange() {
        if (!root.isConnected) return window.removeEventListener("hashchange", onHashChange);
        showTarget(formState());
      }
      window.addEventListener("popstate", onPopState);
      window.addEventListener("hashchange", onHashChange);
      form.hidden = false;
    }

    fetch(dataUrl.href).then(function (response) {
      if (!response.ok) throw new Error(response.status + " " + dataUrl.href);
      return response.json();
    }).then(start).catch(function (error) {
      // the first page and the links to every owner's page stay, as without JavaScript
      if (window.console) window.console.warn("journeys: the index's data could not be read:", error);
    });
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
