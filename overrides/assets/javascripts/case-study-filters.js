/*
  Case-study filters on /case-studies/ (progressive enhancement).
  Without this script the page lists every case study and links to a static
  page per filter value. With it, the filter form appears, filters the cards
  in place, announces the number shown (role="status"), and keeps its state
  in the URL query (?principle=…&nation=…&service_area=…&involvement=…).
*/
(function () {
  "use strict";
  var form = document.getElementById("cs-filters");
  var list = document.getElementById("cs-cards");
  var count = document.getElementById("cs-count");
  var none = document.getElementById("cs-none");
  if (!form || !list || !count) {
    return;
  }
  var selects = Array.prototype.slice.call(form.querySelectorAll("select"));
  var cards = Array.prototype.slice.call(list.querySelectorAll(".cs-card"));

  function matches(card) {
    return selects.every(function (select) {
      if (!select.value) {
        return true;
      }
      var values = (card.getAttribute("data-" + select.name) || "").split("|");
      return values.indexOf(select.value) !== -1;
    });
  }

  function saveToUrl() {
    var params = new URLSearchParams(window.location.search);
    selects.forEach(function (select) {
      if (select.value) {
        params.set(select.name, select.value);
      } else {
        params.delete(select.name);
      }
    });
    var query = params.toString();
    var url = window.location.pathname + (query ? "?" + query : "") + window.location.hash;
    window.history.replaceState(null, "", url);
  }

  function apply(save) {
    var shown = 0;
    cards.forEach(function (card) {
      var keep = matches(card);
      card.hidden = !keep;
      shown += keep ? 1 : 0;
    });
    var noun = cards.length === 1 ? "case study" : "case studies";
    count.textContent =
      shown === cards.length
        ? "Showing all " + cards.length + " " + noun
        : "Showing " + shown + " of " + cards.length + " " + noun;
    if (none) {
      none.hidden = shown !== 0;
    }
    if (save) {
      saveToUrl();
    }
  }

  var params = new URLSearchParams(window.location.search);
  selects.forEach(function (select) {
    var wanted = params.get(select.name);
    var known = Array.prototype.some.call(select.options, function (option) {
      return option.value === wanted;
    });
    if (wanted && known) {
      select.value = wanted;
    }
    select.addEventListener("change", function () {
      apply(true);
    });
  });
  form.addEventListener("submit", function (event) {
    event.preventDefault();
    apply(true);
  });
  form.addEventListener("reset", function () {
    // The browser clears the controls after this event; filter after it.
    window.setTimeout(function () {
      apply(true);
    }, 0);
  });
  form.hidden = false;
  apply(false);
})();
