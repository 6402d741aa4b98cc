/*
  Search page: loads Pagefind (pagefind/pagefind.js and its index chunks)
  only when the reader searches, shows the results as a list of links, and
  announces how many were found. The query is kept in the URL (?q=…) so a
  search can be shared, bookmarked and repeated with the Back button.
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

  function run(query) {
    query = query.trim();
    if (!query) {
      list.replaceChildren();
      status.textContent = "Type a word or phrase, then choose Search.";
      return;
    }
    status.textContent = "Searching\u2026";
    load()
      .then(function (pf) { return pf.search(normalise(query)); })
      .then(function (search) {
        return Promise.all(search.results.slice(0, 20).map(function (r) { return r.data(); }));
      })
      .then(function (results) { render(query, results); })
      .catch(function () {
        status.textContent = "Search is not available right now. Browse the menu instead.";
      });
  }

  form.addEventListener("submit", function (event) {
    event.preventDefault();
    var url = new URL(window.location.href);
    url.searchParams.set("q", input.value);
    window.history.pushState(null, "", url);
    run(input.value);
  });
  window.addEventListener("popstate", function () {
    input.value = new URLSearchParams(window.location.search).get("q") || "";
    run(input.value);
  });

  input.value = new URLSearchParams(window.location.search).get("q") || "";
  if (input.value) run(input.value);
})();
