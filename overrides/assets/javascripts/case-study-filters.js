/*
  Case-study filters on /case-studies/ (progressive enhancement).
  Without this script the page lists every case study (a page of them at a
  time when there are many) and links to a static page per filter value.
  With it, the filter form appears (main.html shows it before the first
  paint, so the page does not shift). Choosing values changes nothing yet:
  a reader arrowing through a list must not refilter the page and hear a
  new count at every key press. "Apply filters" (the form's submit button,
  Enter or a click) filters the cards, announces the number shown once
  (role="status") and keeps the state in the URL query
  (?principle=…&nation=…&service_area=…&involvement=…&evidence=…); a filtered URL opens
  filtered. "Clear filters" shows every case study again.

  One page of cards: the cards are all here; filtering hides the others.
  Several pages (the list has data-cards): the other pages' cards are not
  here, so the first filter (or a filtered URL on load) fetches every card
  from cards.json and shows the matches in place of this page's cards,
  built with DOM APIs and textContent (the data is never markup). Nothing
  is fetched until then. Clearing the filters puts this page's cards and
  its pagination back.
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
  var source = list.getAttribute("data-cards");
  // The field of a card in cards.json that each filter (select name) reads.
  var FIELDS = {
    principle: "principles",
    nation: "nation",
    service_area: "service_areas",
    involvement: "involvement",
    evidence: "evidence",
  };

  function noun(n) {
    return n === 1 ? "case study" : "case studies";
  }

  function number(n) {
    return n.toLocaleString("en-GB");
  }

  function showCount(shown, total) {
    count.textContent =
      shown === total
        ? "Showing all " + number(total) + " " + noun(total)
        : "Showing " + number(shown) + " of " + number(total) + " " + noun(total);
    if (none) {
      none.hidden = shown !== 0;
    }
  }

  function filtering() {
    return selects.some(function (select) {
      return select.value;
    });
  }

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

  // One page: every card is here; hide those that do not match.
  function applyInPlace() {
    var shown = 0;
    cards.forEach(function (card) {
      var keep = matches(card);
      card.hidden = !keep;
      shown += keep ? 1 : 0;
    });
    showCount(shown, cards.length);
  }

  // Several pages: this page's cards and the pagination, as the page came.
  var pageParts = [document.getElementById("cs-page"), document.getElementById("cs-pagination")];
  var pageCount = count.textContent;
  var data = null;

  function element(tag, className, text) {
    var node = document.createElement(tag);
    if (className) {
      node.className = className;
    }
    if (text !== undefined) {
      node.textContent = text;
    }
    return node;
  }

  // The same markup as overrides/fragments/case-study-card.html.
  function buildCard(card, base) {
    var item = element("li", "cs-card");
    item.setAttribute("data-principle", card.principles.join("|"));
    item.setAttribute("data-nation", card.nation);
    item.setAttribute("data-service_area", card.service_areas.join("|"));
    item.setAttribute("data-involvement", card.involvement);
    item.setAttribute("data-evidence", card.evidence);
    var title = element("h3", "cs-card__title");
    var link = element("a", "", card.title);
    link.href = new URL(card.href, base).href;
    title.appendChild(link);
    item.appendChild(title);
    item.appendChild(element("p", "cs-card__org", card.organisation));
    item.appendChild(element("p", "cs-card__summary", card.summary));
    var facts = element("dl", "cs-card__facts");
    facts.appendChild(element("dt", "", "Nation"));
    facts.appendChild(element("dd", "", card.nation));
    facts.appendChild(element("dt", "", "Principles"));
    facts.appendChild(element("dd", "", card.principles.join(", ")));
    if (card.changed) {
      facts.appendChild(element("dt", "", "What changed"));
      facts.appendChild(element("dd", "cs-card__changed", card.changed));
    }
    item.appendChild(facts);
    return item;
  }

  function cardMatches(card) {
    return selects.every(function (select) {
      var value = card[FIELDS[select.name]];
      return !select.value || [].concat(value).indexOf(select.value) !== -1;
    });
  }

  function showCards(nodes) {
    var fragment = document.createDocumentFragment();
    nodes.forEach(function (node) {
      fragment.appendChild(node);
    });
    while (list.firstChild) {
      list.removeChild(list.firstChild);
    }
    list.appendChild(fragment);
  }

  function setPaged(on) {
    pageParts.forEach(function (part) {
      if (part) {
        part.hidden = !on;
      }
    });
  }

  function load() {
    if (!data) {
      var url = new URL(source, window.location.href);
      data = window
        .fetch(url.href)
        .then(function (response) {
          if (!response.ok) {
            throw new Error(response.status);
          }
          return response.json();
        })
        .then(function (json) {
          return { cards: json.cards, base: url.href };
        });
      data.catch(function () {
        data = null; // the next "Apply filters" tries again
      });
    }
    return data;
  }

  function applyAcrossPages() {
    if (!filtering()) {
      showCards(cards);
      setPaged(true);
      count.textContent = pageCount;
      if (none) {
        none.hidden = true;
      }
      return Promise.resolve();
    }
    return load().then(
      function (all) {
        if (!filtering()) {
          return applyAcrossPages(); // cleared while the cards were loading
        }
        var shown = all.cards.filter(cardMatches).map(function (card) {
          return buildCard(card, all.base);
        });
        showCards(shown);
        setPaged(false);
        showCount(shown.length, all.cards.length);
      },
      function () {
        count.textContent =
          "Sorry, the case studies could not be loaded to filter them. " +
          "Check your connection and try again, or browse by topic below.";
      }
    );
  }

  function apply(save) {
    if (source) {
      applyAcrossPages();
    } else {
      applyInPlace();
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
  form.hidden = false; // shown by CSS from the first paint (main.html); now for good
  if (!source || filtering()) {
    apply(false);
  }
})();
