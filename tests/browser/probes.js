/* Measurements the browser tests take inside the rendered page (added with a script tag).
   Each function returns plain data (lists of findings) so the Python side can assert and
   print them. */
window.journeysProbes = (function () {
  "use strict";

  /* Text nodes a reader sees: non-blank, laid out, not inside screen-reader-only text. */
  function visibleTextNodes(root) {
    var walker = document.createTreeWalker(root, NodeFilter.SHOW_TEXT);
    var nodes = [];
    for (var node = walker.nextNode(); node; node = walker.nextNode()) {
      if (!node.textContent.trim()) continue;
      var parent = node.parentElement;
      if (!parent || parent.closest(".journeys-sr-only, [hidden], script, style, title")) continue;
      var style = getComputedStyle(parent);
      if (style.visibility === "hidden" || style.display === "none") continue;
      nodes.push(node);
    }
    return nodes;
  }

  function lineBoxes(node) {
    var range = document.createRange();
    range.selectNodeContents(node);
    return Array.prototype.filter.call(range.getClientRects(), function (r) {
      return r.width > 0.5 && r.height > 0.5;
    });
  }

  function describe(node) {
    var text = node.textContent.trim().replace(/\s+/g, " ");
    return text.length > 40 ? text.slice(0, 40) + "…" : text;
  }

  function cellOf(node) {
    return node.parentElement.closest("th, td");
  }

  /* Cells are adjacent when they touch or share a row or column of the map. */
  function near(a, b) {
    if (a === b) return true;
    var ra = a.getBoundingClientRect();
    var rb = b.getBoundingClientRect();
    return ra.left <= rb.right + 2 && rb.left <= ra.right + 2 && ra.top <= rb.bottom + 2 && rb.top <= ra.bottom + 2;
  }

  /* Pairs of text line boxes (of different text nodes, in the same or neighbouring cells)
     that cover each other by more than `tolerance` pixels both ways; and text that runs
     out of its own cell. */
  function textOverlaps(selector, tolerance) {
    tolerance = tolerance === undefined ? 1.5 : tolerance;
    var root = document.querySelector(selector);
    if (!root) return ["no element " + selector];
    var boxes = [];
    visibleTextNodes(root).forEach(function (node) {
      var cell = cellOf(node);
      lineBoxes(node).forEach(function (rect) {
        boxes.push({ node: node, cell: cell, rect: rect });
      });
    });
    var findings = [];
    boxes.forEach(function (box) {
      if (!box.cell) return;
      var c = box.cell.getBoundingClientRect();
      if (box.rect.right > c.right + tolerance || box.rect.left < c.left - tolerance) {
        findings.push("text runs out of its cell: \"" + describe(box.node) + "\" spans x " +
          Math.round(box.rect.left) + "–" + Math.round(box.rect.right) + ", cell x " +
          Math.round(c.left) + "–" + Math.round(c.right));
      }
    });
    for (var i = 0; i < boxes.length; i++) {
      for (var j = i + 1; j < boxes.length; j++) {
        var a = boxes[i], b = boxes[j];
        if (a.node === b.node) continue;
        if (a.cell && b.cell && !near(a.cell, b.cell)) continue;
        var dx = Math.min(a.rect.right, b.rect.right) - Math.max(a.rect.left, b.rect.left);
        var dy = Math.min(a.rect.bottom, b.rect.bottom) - Math.max(a.rect.top, b.rect.top);
        if (dx > tolerance && dy > tolerance) {
          findings.push("\"" + describe(a.node) + "\" overlaps \"" + describe(b.node) + "\" by " +
            Math.round(dx) + "×" + Math.round(dy) + " px");
        }
      }
    }
    return findings;
  }

  /* Words split across two lines: a line break inside a text node that falls neither at a
     space, hyphen or slash, nor next to a CJK character (where lines may break anywhere). */
  function brokenWords(selector) {
    var root = document.querySelector(selector);
    if (!root) return ["no element " + selector];
    var cjk = /[\u2e80-\u9fff\uf900-\ufaff\uff00-\uffef\u3000-\u303f]/;
    var breakAfter = /[\s\-\/\u2010-\u2014\u203a]/;
    var range = document.createRange();
    var findings = [];
    visibleTextNodes(root).forEach(function (node) {
      var text = node.textContent;
      var lastTop = null;
      for (var i = 0; i < text.length; i++) {
        if (/\s/.test(text[i])) continue;
        range.setStart(node, i);
        range.setEnd(node, i + 1);
        var rects = range.getClientRects();
        if (!rects.length) continue;
        var top = rects[0].top;
        if (lastTop !== null && top > lastTop + 1) {
          var before = text[i - 1] || " ";
          if (!breakAfter.test(before) && !cjk.test(before) && !cjk.test(text[i])) {
            findings.push("\"" + text.slice(Math.max(0, i - 12), i) + "|" + text.slice(i, i + 12) +
              "\" is broken across lines inside a word");
          }
        }
        lastTop = top;
      }
    });
    return findings;
  }

  /* After scrolling a map to its right end: lane labels still inside the scroll box and on
     top (what is painted at each label's centre is the label). */
  function hiddenLaneLabels(scrollSelector) {
    var scroller = document.querySelector(scrollSelector);
    if (!scroller) return ["no element " + scrollSelector];
    var findings = [];
    var max = scroller.scrollWidth - scroller.clientWidth;
    if (max <= 0) findings.push("the map does not scroll sideways (scrollWidth " + scroller.scrollWidth + ")");
    scroller.scrollLeft = max;
    var labels = scroller.querySelectorAll("th.journey-map__label");
    if (!labels.length) findings.push("no lane labels");
    Array.prototype.forEach.call(labels, function (label) {
      var top = label.getBoundingClientRect().top + window.scrollY;
      window.scrollTo(0, Math.max(0, top - window.innerHeight / 2));
      if (Math.abs(scroller.scrollLeft - max) > 1) findings.push("the map scrolled back to " + scroller.scrollLeft);
      var box = scroller.getBoundingClientRect();
      var r = label.getBoundingClientRect();
      var name = describe(label.firstChild && label.firstChild.textContent.trim() ? label.firstChild : label);
      if (r.left < box.left - 1 || r.right > box.right + 1) {
        findings.push("label \"" + name + "\" is outside the visible map: x " + Math.round(r.left) + "–" +
          Math.round(r.right) + ", map x " + Math.round(box.left) + "–" + Math.round(box.right));
        return;
      }
      var x = r.left + r.width / 2, y = r.top + Math.min(r.height / 2, 12);
      var hit = document.elementFromPoint(x, y);
      if (!hit || !(hit === label || label.contains(hit))) {
        findings.push("label \"" + name + "\" is covered by " + (hit ? hit.tagName.toLowerCase() + "." +
          String(hit.className && hit.className.baseVal !== undefined ? hit.className.baseVal : hit.className) : "nothing"));
      }
    });
    window.scrollTo(0, 0);
    return findings;
  }

  /* Scrolled halfway through each stage of several steps: the stage's name, and its
     opportunities, are still shown beside the lane labels, not hidden under them. */
  function hiddenStageParts(scrollSelector) {
    var scroller = document.querySelector(scrollSelector);
    if (!scroller) return ["no element " + scrollSelector];
    var findings = [];
    var label = scroller.querySelector("th.journey-map__label");
    var stages = Array.prototype.filter.call(scroller.querySelectorAll("th.journey-map__stage"), function (th) {
      return th.colSpan > 1;
    });
    var spans = scroller.querySelectorAll(".journey-map__lane--opportunities > td");
    stages.forEach(function (th) {
      var index = Array.prototype.indexOf.call(th.parentElement.querySelectorAll("th.journey-map__stage"), th);
      var parts = [th.querySelector(".journey-map__stage-name")];
      // a card for the whole stage (one placed at a step stays under its step instead)
      var list = spans[index] && spans[index].querySelector(".journeys-opportunity-card--stage .journeys-opportunity__title");
      if (list) parts.push(list);
      var labelWidth = label.getBoundingClientRect().width;
      scroller.scrollLeft = th.offsetLeft - labelWidth + th.offsetWidth / 2;
      parts.forEach(function (part) {
        part.scrollIntoView({ block: "center", inline: "nearest" });
        var edge = label.getBoundingClientRect().right;
        var r = part.getBoundingClientRect();
        var hit = document.elementFromPoint(Math.max(r.left, edge) + 4, r.top + Math.min(r.height / 2, 8));
        if (r.left < edge - 1 || !hit || !(hit === part || part.contains(hit))) {
          findings.push("\"" + describe(part) + "\" of a stage scrolled halfway is hidden (x " +
            Math.round(r.left) + ", labels end at " + Math.round(edge) + ", on top: " + (hit ? hit.tagName.toLowerCase() : "nothing") + ")");
        }
      });
    });
    scroller.scrollLeft = 0;
    window.scrollTo(0, 0);
    return findings;
  }

  /* ---- colour ---------------------------------------------------------------------- */

  function parseColour(text) {
    var m = /^rgba?\(([^)]+)\)$/.exec(text);
    var parts;
    if (m) {
      parts = m[1].split(/[\s,\/]+/).filter(Boolean).map(parseFloat);
    } else {
      m = /^color\(srgb ([^)]+)\)$/.exec(text);
      if (!m) return null;
      parts = m[1].split(/[\s\/]+/).filter(Boolean).map(parseFloat);
      parts = [parts[0] * 255, parts[1] * 255, parts[2] * 255, parts.length > 3 ? parts[3] : 1];
    }
    return { r: parts[0], g: parts[1], b: parts[2], a: parts.length > 3 ? parts[3] : 1 };
  }

  function over(top, bottom) {
    var a = top.a + bottom.a * (1 - top.a);
    if (a === 0) return { r: 0, g: 0, b: 0, a: 0 };
    function mix(k) { return (top[k] * top.a + bottom[k] * bottom.a * (1 - top.a)) / a; }
    return { r: mix("r"), g: mix("g"), b: mix("b"), a: a };
  }

  function luminance(c) {
    function channel(v) {
      v /= 255;
      return v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
    }
    return 0.2126 * channel(c.r) + 0.7152 * channel(c.g) + 0.0722 * channel(c.b);
  }

  function ratio(a, b) {
    var la = luminance(a), lb = luminance(b);
    return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
  }

  /* What is painted under an element at a point: the backgrounds of everything beneath it
     there (ancestors, and siblings such as the funnel bar), composited bottom-up over the
     page's canvas. */
  function backgroundUnder(element, x, y) {
    var stack = document.elementsFromPoint(x, y);
    var at = stack.indexOf(element);
    var beneath;
    if (at >= 0) {
      beneath = stack.slice(at);
    } else {
      beneath = [];
      for (var e = element; e; e = e.parentElement) beneath.push(e);
    }
    var colour = parseColour(getComputedStyle(document.documentElement).backgroundColor) || { r: 255, g: 255, b: 255, a: 0 };
    if (colour.a < 1) colour = over(colour, parseColour(getComputedStyle(document.body).backgroundColor) || { r: 255, g: 255, b: 255, a: 1 });
    if (colour.a < 1) colour = over(colour, { r: 255, g: 255, b: 255, a: 1 });
    for (var i = beneath.length - 1; i >= 0; i--) {
      var bg = parseColour(getComputedStyle(beneath[i]).backgroundColor);
      if (bg && bg.a > 0) colour = over(bg, colour);
    }
    return colour;
  }

  function hex(c) {
    return "#" + [c.r, c.g, c.b].map(function (v) {
      return Math.round(v).toString(16).padStart(2, "0");
    }).join("");
  }

  /* Text whose colour against what is painted beneath it is below WCAG AA: 4.5:1, or 3:1
     for large text (24px, or 18.66px bold). */
  function lowContrast(selector) {
    var root = document.querySelector(selector);
    if (!root) return [{ text: "no element " + selector, ratio: 0 }];
    var findings = [];
    var seen = new Set();
    visibleTextNodes(root).forEach(function (node) {
      var element = node.parentElement;
      var boxes = lineBoxes(node);
      if (!boxes.length) return;
      element.scrollIntoView({ block: "center", inline: "center" });
      var rect = lineBoxes(node)[0];
      var x = rect.left + rect.width / 2, y = rect.top + rect.height / 2;
      var style = getComputedStyle(element);
      var fg = parseColour(style.color);
      var bg = backgroundUnder(element, x, y);
      if (!fg) {
        findings.push({ text: describe(node), ratio: 0, note: "unreadable colour " + style.color });
        return;
      }
      var shown = over(fg, bg);
      var size = parseFloat(style.fontSize);
      var large = size >= 24 || (size >= 18.66 && Number(style.fontWeight) >= 700);
      var needed = large ? 3 : 4.5;
      var r = ratio(shown, bg);
      var key = describe(node) + hex(shown) + hex(bg);
      if (r < needed && !seen.has(key)) {
        seen.add(key);
        findings.push({ text: describe(node), ratio: Math.round(r * 100) / 100, needed: needed,
                        colour: hex(shown), background: hex(bg), element: element.className || element.tagName });
      }
    });
    window.scrollTo(0, 0);
    return findings;
  }

  /* The smallest font size (px) of text a reader sees inside selector. */
  function smallestFont(selector) {
    var root = document.querySelector(selector);
    var smallest = Infinity, where = "";
    visibleTextNodes(root).forEach(function (node) {
      var size = parseFloat(getComputedStyle(node.parentElement).fontSize);
      if (size < smallest) { smallest = size; where = describe(node); }
    });
    return { size: smallest, text: where };
  }

  return {
    textOverlaps: textOverlaps,
    brokenWords: brokenWords,
    hiddenLaneLabels: hiddenLaneLabels,
    hiddenStageParts: hiddenStageParts,
    lowContrast: lowContrast,
    smallestFont: smallestFont,
  };
})();
