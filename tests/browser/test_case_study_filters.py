"""The case-study index in a real browser: filters with JavaScript, a full list without."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from tests.support.browser import apply_filters, reopen, visible_card_titles

NO_EVALUATION = "No published evaluation found"

pytestmark = pytest.mark.browser


def test_filters_appear_and_narrow_the_list(
    page: object, console_errors: list[str], site_url: str
) -> None:
    page.goto(site_url + "case-studies/")
    total = page.locator(".cs-card").count()
    assert total >= 12
    assert page.locator("#cs-filters").is_visible()
    assert page.locator("#cs-count").inner_text() == f"Showing all {total} case studies"
    page.select_option("#cs-filter-principle", "reciprocity")
    apply_filters(page)
    shown = visible_card_titles(page)
    assert 0 < len(shown) < total
    assert "Rushey Green Time Bank" in shown and "Recovery colleges" not in shown
    assert page.locator("#cs-count").inner_text() == f"Showing {len(shown)} of {total} case studies"
    assert page.locator("#cs-count").get_attribute("aria-live") == "polite"
    assert console_errors == []


def test_filter_state_is_kept_in_the_url_and_restored(
    page: object, site_url: str, site_dir: Path
) -> None:
    page.goto(site_url + "case-studies/")
    page.select_option("#cs-filter-nation", "International")
    page.select_option("#cs-filter-involvement", "coproduction")
    apply_filters(page)
    assert page.url.endswith("case-studies/?nation=International&involvement=coproduction")
    reopen(page)
    assert page.locator("#cs-filter-nation").input_value() == "International"
    expected = sorted(
        s["title"]
        for s in _studies(site_dir)
        if s["nation"] == "International" and s["involvement"] == "coproduction"
    )
    assert "Nuka System of Care" in expected
    assert sorted(visible_card_titles(page)) == expected


def test_filters_work_from_the_keyboard(page: object, site_url: str) -> None:
    page.goto(site_url + "case-studies/?principle=reciprocity")
    filtered = len(visible_card_titles(page))
    page.focus("#cs-filter-principle")
    order = []
    for _ in range(6):
        page.keyboard.press("Tab")
        order.append(page.evaluate("document.activeElement.id || document.activeElement.type"))
    assert order == [
        "cs-filter-nation",
        "cs-filter-service_area",
        "cs-filter-involvement",
        "cs-filter-evidence",
        "submit",
        "reset",
    ]
    # After the form, Tab reaches the first card shown: hidden cards take no stop.
    page.keyboard.press("Tab")
    after_form = page.evaluate(
        "() => [!!document.activeElement.closest('.cs-card__title'),"
        " document.activeElement.textContent.trim()]"
    )
    assert after_form == [True, visible_card_titles(page)[0]]
    page.focus("#cs-filter-nation")
    page.keyboard.press("ArrowDown")  # a closed <select> changes value with the arrow keys
    assert page.locator("#cs-filter-nation").input_value() != ""
    assert "nation=" not in page.url  # nothing happens until the reader applies
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    assert "nation=" in page.url
    page.focus("#cs-filters button[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.search")
    assert len(visible_card_titles(page)) > filtered
    assert page.locator("#cs-filter-principle").input_value() == ""


def test_without_javascript_every_case_study_and_listing_link_works(
    no_js_page: object, site_url: str
) -> None:
    page = no_js_page
    page.goto(site_url + "case-studies/")
    assert not page.locator("#cs-filters").is_visible()
    cards = page.locator(".cs-card")
    assert cards.count() >= 12 and cards.count() == len(visible_card_titles(page))
    page.get_by_role("link", name="reciprocity", exact=True).first.click()
    assert page.url.endswith("case-studies/principle/reciprocity/")
    assert "Rushey Green Time Bank" in visible_card_titles(page)
    page.get_by_role("link", name="Rushey Green Time Bank").click()
    assert page.locator("h1").inner_text() == "Rushey Green Time Bank"
    assert page.locator(".cs-facts").is_visible()


# Records each change to the count's text: what a screen reader would announce.
_WATCH_COUNT = """() => {
  window.__announced = [];
  new MutationObserver(() => window.__announced.push(
    document.getElementById("cs-count").textContent
  )).observe(document.getElementById("cs-count"),
    { childList: true, characterData: true, subtree: true });
}"""


def test_arrowing_through_a_list_changes_nothing_until_the_reader_applies(
    page: object, site_url: str
) -> None:
    page.goto(site_url + "case-studies/")
    all_cards = visible_card_titles(page)
    count = page.locator("#cs-count").inner_text()
    page.evaluate(_WATCH_COUNT)
    page.focus("#cs-filter-nation")
    for _ in range(3):
        page.keyboard.press("ArrowDown")
    chosen = page.locator("#cs-filter-nation").input_value()
    assert chosen
    assert visible_card_titles(page) == all_cards
    assert page.locator("#cs-count").inner_text() == count
    assert page.evaluate("window.__announced") == []
    assert "?" not in page.url
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    shown = visible_card_titles(page)
    assert 0 < len(shown) < len(all_cards)
    total = len(all_cards)
    assert page.evaluate("window.__announced") == [f"Showing {len(shown)} of {total} case studies"]
    assert page.url.endswith(f"case-studies/?nation={chosen}")


def test_apply_filters_is_the_forms_submit_button(page: object, site_url: str) -> None:
    page.goto(site_url + "case-studies/")
    button = page.get_by_role("button", name="Apply filters")
    assert button.is_visible() and button.evaluate("b => b.type") == "submit"
    assert page.locator("#cs-filters button").evaluate_all("bs => bs.map(b => b.type)") == [
        "submit",
        "reset",
    ]


def _studies(site_dir: Path) -> list[dict]:
    return json.loads((site_dir / "case-studies" / "case-studies.json").read_text())["case_studies"]


def _titles_by_evidence(site_dir: Path, level: str) -> list[str]:
    return sorted(s["title"] for s in _studies(site_dir) if s["evidence"]["level"] == level)


def test_evidence_filter_shows_only_case_studies_with_that_evidence(
    page: object, console_errors: list[str], site_url: str, site_dir: Path
) -> None:
    page.goto(site_url + "case-studies/")
    total = page.locator(".cs-card").count()
    page.select_option("#cs-filter-evidence", "none found")
    apply_filters(page)
    shown = visible_card_titles(page)
    assert sorted(shown) == _titles_by_evidence(site_dir, "none found")
    assert 0 < len(shown) < total
    assert page.url.endswith("case-studies/?evidence=none+found")
    changed = page.locator(".cs-card:visible .cs-card__changed").all_inner_texts()
    first = {s["title"]: s.get("outcomes", [{"text": NO_EVALUATION}])[0]["text"]
             for s in _studies(site_dir)}  # fmt: skip
    assert changed == [first[title] for title in shown]
    assert NO_EVALUATION in changed
    page.select_option("#cs-filter-evidence", "independent evaluation")
    apply_filters(page)
    assert sorted(visible_card_titles(page)) == _titles_by_evidence(
        site_dir, "independent evaluation"
    )
    assert console_errors == []


def test_without_javascript_each_evidence_level_has_its_own_listing(
    no_js_page: object, site_url: str, site_dir: Path
) -> None:
    page = no_js_page
    page.goto(site_url + "case-studies/")
    page.locator(".cs-browse").get_by_role("link", name="none found", exact=True).click()
    assert page.url.endswith("case-studies/evidence/none-found/")
    assert sorted(visible_card_titles(page)) == _titles_by_evidence(site_dir, "none found")
