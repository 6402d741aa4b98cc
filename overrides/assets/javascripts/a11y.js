/*
  Accessibility fixes on top of Material for MkDocs 9.8.2 (docs/accessibility.md).
  Plain script, no inline code, so the Content-Security-Policy stays strict.

  1. Single-key shortcuts off (WCAG 2.1.4): Material turns pages on "p",
     "n", "," and ".". We stop printable keys without modifiers before
     Material sees them, unless you are typing in a field. Their default
     action still happens.
  2. Wide tables and code blocks that scroll sideways become focusable,
     labelled regions, so keyboard users can scroll them (WCAG 2.1.1).
     Before Material's script has loaded a wide table scrolls itself; once
     it has started (event "cg:material-started", from
     partials/javascripts/first-visit.html) the table sits in Material's
     scrolling box, so we look again.
  3. Task-list checkboxes get names.
  Search is its own page (overrides/search.html), a plain form.
*/
(function () {
  "use strict";

  function isTyping(target) {
    return target instanceof Element &&
      (target.isContentEditable || target.closest("input, textarea, select") !== null);
  }

  window.addEventListener("keydown", function (event) {
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target)) return;
    event.stopImmediatePropagation();
  }, true);

  function labelFor(box) {
    var table = box.matches("table") ? box : box.querySelector("table");
    if (table) {
      var caption = table.querySelector("caption");
      var first = table.querySelector("th");
      var name = caption ? caption.textContent : first ? first.textContent : "";
      return "Table" + (name.trim() ? ": " + name.trim() : "") + " (scrolls sideways)";
    }
    var title = box.closest(".highlight") && box.closest(".highlight").querySelector(".filename");
    return "Code" + (title ? ": " + title.textContent.trim() : "") + " (scrolls sideways)";
  }

  function markScrollRegions() {
    var boxes = document.querySelectorAll(
      ".md-typeset__scrollwrap, .md-typeset table:not([class]), .md-typeset pre > code"
    );
    boxes.forEach(function (box) {
      var scrolls = box.scrollWidth > box.clientWidth + 1;
      if (scrolls && !box.hasAttribute("data-a11y-region")) {
        box.setAttribute("tabindex", "0");
        box.setAttribute("role", "region");
        box.setAttribute("aria-label", labelFor(box));
        box.setAttribute("data-a11y-region", "");
      } else if (!scrolls && box.hasAttribute("data-a11y-region")) {
        ["tabindex", "role", "aria-label", "data-a11y-region"].forEach(function (name) {
          box.removeAttribute(name);
        });
      }
    });
  }

  var pending = 0;
  function later() {
    window.clearTimeout(pending);
    pending = window.setTimeout(markScrollRegions, 150);
  }

  // Task-list checkboxes (pymdownx.tasklist) are display-only: name each
  // after its item, so a screen reader says what is done, not just "checkbox".
  function nameTaskCheckboxes() {
    document.querySelectorAll(".task-list-item input[type=checkbox]").forEach(function (box) {
      var item = box.closest(".task-list-item");
      if (item && !box.hasAttribute("aria-label")) {
        box.setAttribute("aria-label", item.textContent.trim());
      }
    });
  }

  function start() {
    markScrollRegions();
    nameTaskCheckboxes();
    window.addEventListener("resize", later);
    window.addEventListener("load", markScrollRegions);
    document.addEventListener("cg:material-started", markScrollRegions);
  }

  // Once: Material's script, loaded on first interaction, dispatches
  // DOMContentLoaded again to start itself (partials/javascripts/first-visit.html).
  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start, { once: true });
  } else {
    start();
  }
})();
