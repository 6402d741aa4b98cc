/*
  Search page: loads Pagefind (pagefind/pagefind.js and its index chunks)
  only when the reader searches, shows the results as a list of links, and
  announces how many were found. The query is kept in the URL (?q=…) so a
  search can be shared, bookmarked and repeated with the Back button.

  Focus is in the search box on arrival. A search starts when the reader
  stops typing for DELAY ms, or at once on Enter (the form's submit). The
  status region (role="status") is written once per search, with its
  result: no "Searching…" first, nothing for a search overtaken by later
  typing, and nothing again when Enter repeats the search on show.
*/
(function () {
  "use strict";
  var form = document.querySelector("[data-cg-search]");
  if (!form) return;
  var input = form.querySelector("input[name=q]");
  var status = document.querySelector("[data-cg-search-status]");
  var list = document.querySelector("[data-cg-search-results]");
  var base = new URL(form.getAttribute("data-base"), window.location.href);
  var engine = null;
  var DELAY = 300; // ms without typing before a search starts
  var timer = 0;
  var latest = 0; // the number of the latest search started
  var shown = null; // the query whose results are on show

  function load() {
    if (!engine) {
      engine = import(new URL("pagefind/pagefind.js", base).href).then(function (pf) {
        return pf.options({ baseUrl: base.pathname }).then(function () { return pf; });
      });
    }
    return engine;
  }

  function render(query, results) {
    list.replaceChildren();
    results.forEach(function (r) {
      var item = document.createElement("li");
      var link = document.createElement("a");
      link.href = r.url;
      link.textContent = (r.meta && r.meta.title) || r.url;
      var excerpt = document.createElement("p");
      excerpt.innerHTML = r.excerpt; // Pagefind escapes page text; only <mark> is markup.
      item.append(link, excerpt);
      list.append(item);
    });
    var n = results.length;
    status.textContent = n === 0
      ? "No results for \u201c" + query + "\u201d."
      : n + (n === 1 ? " result" : " results") + " for \u201c" + query + "\u201d.";
  }

  // Readers write "co-production", "coproduction" and "co production".
  // Pagefind indexes a hyphenated word whole as well as in parts, so joining
  // "co" to the next word finds all three spellings.
  function normalise(query) {
    return query.trim().replace(/\bco\s+(?=[a-z])/gi, "co");
  }

  // `asked`: the reader pressed Enter (an empty box then gets a hint).
  function run(query, asked) {
    window.clearTimeout(timer);
    query = query.trim();
    var ticket = ++latest;
    if (!query) {
      shown = null;
      list.replaceChildren();
      status.textContent = asked ? "Type a word or phrase, then choose Search." : "";
      return;
    }
    if (query === shown) {
      list.removeAttribute("aria-busy"); // on show already: nothing new to announce
      return;
    }
    list.setAttribute("aria-busy", "true");
    load()
      .then(function (pf) { return pf.search(normalise(query)); })
      .then(function (search) {
        return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
      })
      .then(function (results) {
        if (ticket !== latest) return; // overtaken by a later search
        shown = query;
        render(query, results);
      })
      .catch(function () {
        if (ticket !== latest) return;
        shown = null;
        status.textContent = "Search is not available right now. Browse the menu instead.";
      })
      .then(function () {
        if (ticket === latest) list.removeAttribute("aria-busy");
      });
  }

  // Keep the query in the address: Enter adds a history entry, typing
  // replaces the current one (Back does not step through every pause).
  function remember(push) {
    var url = new URL(window.location.href);
    if ((url.searchParams.get("q") || "") === input.value) return;
    url.searchParams.set("q", input.value);
    window.history[push ? "pushState" : "replaceState"](null, "", url);
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    remember(true);
    run(input.value, true);
  });
  input.addEventListener("input", function () {
    window.clearTimeout(timer);
    timer = window.setTimeout(function () {
      remember(false);
      run(input.value, false);
    }, DELAY);
  });
  window.addEventListener("popstate", function () {
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    run(input.value, false);
  });

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  input.focus();
  if (input.value) run(input.value, false);
})();
