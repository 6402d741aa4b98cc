"""Search: keyboard-operable, announced, loaded only when a reader searches."""

from __future__ import annotations

import pytest

from tests.support.material import wake_material
from tests.support.search import search, search_url

pytestmark = pytest.mark.browser


def test_search_finds_a_page_and_announces_the_count(
    page: object, console_errors: list[str], site_url: str
) -> None:
    titles = search(page, site_url, "coproduction")
    assert titles, "no results for 'coproduction'"
    status = page.get_by_role("status").inner_text()
    assert status.startswith(f"{len(titles)} result")
    assert console_errors == []


def test_search_says_when_nothing_matches(page: object, site_url: str) -> None:
    assert search(page, site_url, "zyxwvutsq") == []
    assert "No results" in page.get_by_role("status").inner_text()


def test_a_shared_search_address_opens_with_its_results(page: object, site_url: str) -> None:
    page.goto(search_url(site_url, "coproduction"))
    page.get_by_role("status").filter(has_text="for \u201c").wait_for()
    assert page.get_by_label("Search this guide").input_value() == "coproduction"
    assert page.locator("[data-cg-search-results] li").count() > 0


def test_search_works_by_keyboard_alone(page: object, site_url: str) -> None:
    page.goto(site_url + "search/")
    page.get_by_label("Search this guide").focus()
    page.keyboard.type("coproduction")
    page.keyboard.press("Enter")
    page.get_by_role("status").filter(has_text="for \u201c").wait_for()
    assert page.locator("[data-cg-search-results] li > a").count() > 0


def test_a_first_visit_fetches_no_search_index(page: object, site_url: str) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(site_url)
    wake_material(page)  # nor once Material's script has loaded
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "/pagefind/" in u]


def test_three_spellings_of_coproduction_find_the_same_pages(page: object, site_url: str) -> None:
    found = {
        q: set(search(page, site_url, q))
        for q in ("coproduction", "co-production", "co production")
    }
    assert found["coproduction"], "no results at all"
    assert found["coproduction"] == found["co-production"] == found["co production"], found


# Records each change to the status region: what a screen reader announces.
_WATCH_STATUS = """() => {
  window.__announced = [];
  const status = document.querySelector("[data-cg-search-status]");
  new MutationObserver(() => window.__announced.push(status.textContent))
    .observe(status, { childList: true, characterData: true, subtree: true });
}"""


def test_focus_is_in_the_search_box_on_arrival(page: object, site_url: str) -> None:
    page.goto(site_url + "search/")
    page.wait_for_function("() => document.activeElement.id === 'cg-search-q'")
    assert page.evaluate("() => document.activeElement.name") == "q"


# search.js waits this long after the last key before it searches.
_PAUSE_MS = 300


def _hold_the_clock(page: object) -> None:
    """Stop the page's timers, so typing takes no time however slow the host.

    Without this, a busy machine can leave more than the pause between two
    keys, and the test would see a search for the first letters.
    """
    page.clock.pause_at(page.evaluate("Date.now()") + 1000)


def test_a_search_starts_when_the_reader_pauses_and_is_announced_once(
    page: object, console_errors: list[str], site_url: str
) -> None:
    page.clock.install()
    page.goto(site_url + "search/")
    page.evaluate(_WATCH_STATUS)
    _hold_the_clock(page)
    page.keyboard.type("coproduction")
    page.clock.run_for(_PAUSE_MS - 50)  # not yet: the reader may still be typing
    page.wait_for_timeout(200)
    assert page.evaluate("window.__announced") == []
    assert not page.url.endswith("?q=coproduction")
    page.clock.resume()
    page.get_by_role("status").filter(has_text="for \u201c").wait_for()
    announced = page.evaluate("window.__announced")
    assert len(announced) == 1 and announced[0].endswith("for \u201ccoproduction\u201d."), announced
    assert page.locator("[data-cg-search-results] li > a").count() > 0
    assert page.url.endswith("search/?q=coproduction")
    page.keyboard.press("Enter")  # the same search again: nothing new to say
    page.wait_for_timeout(500)
    assert page.evaluate("window.__announced") == announced
    assert console_errors == []


def test_enter_searches_at_once_and_is_announced_once(page: object, site_url: str) -> None:
    page.clock.install()
    page.goto(site_url + "search/")
    page.evaluate(_WATCH_STATUS)
    _hold_the_clock(page)
    page.keyboard.type("accessible")
    page.keyboard.press("Enter")  # before the pause is over
    page.get_by_role("status").filter(has_text="for \u201c").wait_for()
    page.clock.run_for(_PAUSE_MS * 2)  # the pause would have searched by now
    page.wait_for_timeout(300)
    announced = page.evaluate("window.__announced")
    assert len(announced) == 1 and announced[0].endswith("for \u201caccessible\u201d."), announced
