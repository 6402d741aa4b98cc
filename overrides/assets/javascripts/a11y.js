/*
  Accessibility fixes on top of Material for MkDocs 9.8.2 (docs/accessibility.md).
  Plain script, no inline code, so the Content-Security-Policy stays strict.

  1. Single-key shortcuts off (WCAG 2.1.4): Material opens search on "f", "s"
     or "/" and turns pages on "p", "n", "," and ".". We stop printable keys
     without modifiers before Material sees them, unless you are typing in a
     field or the search dialog is open. Their default action still happens.
  2. Wide tables and code blocks that scroll sideways become focusable,
     labelled regions, so keyboard users can scroll them (WCAG 2.1.1).
  3. Search: Tab moves from the field to the submit button and the results
     (Material closes search on Tab); the submit button moves focus to the
     first result, or to the results count when there is none. The arrow
     keys then move between results, as Material provides.
*/
(function () {
  "use strict";

  function isTyping(target) {
    return target instanceof Element &&
      (target.isContentEditable || target.closest("input, textarea, select") !== null);
  }

  function searchOpen() {
    var toggle = document.getElementById("__search");
    return toggle !== null && toggle.checked;
  }

  function inSearch(node) {
    return node instanceof Element && node.closest(".md-search") !== null;
  }

  function closeSearch() {
    var toggle = document.getElementById("__search");
    toggle.checked = false;
    toggle.dispatchEvent(new Event("change"));
  }

  window.addEventListener("keydown", function (event) {
    // Material closes search on Tab; let Tab reach the submit button and
    // results instead, and close search when focus leaves it (below).
    if (event.key === "Tab" && searchOpen() && inSearch(event.target)) {
      event.stopImmediatePropagation();
      return;
    }
    if (event.key.length !== 1 || event.ctrlKey || event.metaKey || event.altKey) return;
    if (isTyping(event.target) || searchOpen()) return;
    event.stopImmediatePropagation();
  }, true);

  function labelFor(box) {
    var table = box.querySelector("table");
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
    var boxes = document.querySelectorAll(".md-typeset__scrollwrap, .md-typeset pre > code");
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

  function focusResults(event) {
    event.preventDefault();
    var first = document.querySelector(".md-search-result__link");
    var target = first || document.querySelector(".md-search-result__meta");
    if (!first && target) target.setAttribute("tabindex", "-1");
    if (target) target.focus();
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
    var form = document.forms.search;
    if (form) form.addEventListener("submit", focusResults);
    var dialog = document.querySelector(".md-search");
    if (dialog) {
      dialog.addEventListener("focusout", function (event) {
        if (searchOpen() && event.relatedTarget && !inSearch(event.relatedTarget)) closeSearch();
      });
    }
  }

  if (document.readyState === "loading") {
    document.addEventListener("DOMContentLoaded", start);
  } else {
    start();
  }
})();
