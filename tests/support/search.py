"""Drive the site's search box in a real browser and read the result titles.

Every browser test that searches goes through `search()`, so if the search
backend changes (Material's built-in search today), only this file changes.
"""

from __future__ import annotations

import time
from typing import Any

# Material for MkDocs 9.x search: the header's input and its result list.
_INPUT = "input.md-search__input"
_META = ".md-search-result__meta"
_PAGE_TITLES = ".md-search-result__item > .md-search-result__link article h1"
_TIMEOUT_S = 15.0
_SETTLE_S = 0.4

# True once the result counter reports a count (or none) for the typed query.
_ANSWERED = """([meta, input, query]) => {
    const m = document.querySelector(meta), i = document.querySelector(input);
    return !!m && !!i && i.value === query && /\\d|no matching/i.test(m.textContent);
}"""


def search(page: Any, site_url: str, query: str) -> list[str]:
    """Type `query` into the search box on the home page; return the page titles shown.

    Titles are those of the first screen of results, best first (Material
    shows more on scrolling). Waits for the index to load and for the results
    to stop changing, so answers to a half-typed query are never returned.
    """
    page.goto(site_url)
    box = page.locator(_INPUT)
    box.click()
    # Material reads the query on key events, so type it as a person would.
    box.press_sequentially(query)
    page.wait_for_function(_ANSWERED, arg=[_META, _INPUT, query], timeout=_TIMEOUT_S * 1000)
    return _settled(page)


def _settled(page: Any) -> list[str]:
    """Read the results until two reads in a row agree (the last keystroke has landed)."""
    deadline = time.monotonic() + _TIMEOUT_S
    previous = _read(page)
    while time.monotonic() < deadline:
        time.sleep(_SETTLE_S)
        current = _read(page)
        if current == previous:
            return current[1]
        previous = current
    raise TimeoutError("search results kept changing")


def _read(page: Any) -> tuple[str, list[str]]:
    meta = page.locator(_META).inner_text()
    titles = [t.strip() for t in page.locator(_PAGE_TITLES).all_inner_texts()]
    return meta, titles
