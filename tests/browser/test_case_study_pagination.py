"""A paginated case-study index in a real browser: filters fetch every card, only when used."""

from __future__ import annotations

from collections.abc import Iterator

import pytest
from axe_playwright_python.base import AXE_SCRIPT

from tests.support.a11y import MATERIAL_SCHEME, SCHEMES, axe_options, run_axe
from tests.support.browser import apply_filters, reopen, serve_directory, visible_card_titles
from tests.support.paged_site import MARKUP_TITLE, STUDIES, facets, title
from tests.support.sites import Build

pytestmark = pytest.mark.browser

TOTAL = STUDIES + 2  # with the two case studies of case_study_site
COUNT = "#cs-count"


@pytest.fixture(scope="module")
def paged_url(paged_build: Build) -> Iterator[str]:
    with serve_directory(paged_build.site_dir) as url:
        yield url


def _matching(**wanted: str) -> list[str]:
    """Titles of the generated studies with every wanted facet value."""

    def has(i: int, field: str, value: str) -> bool:
        held = facets(i)[field]
        return value in held if isinstance(held, list) else value == held

    return [title(i) for i in range(STUDIES) if all(has(i, k, v) for k, v in wanted.items())]


def _cards_requests(page: object) -> list[str]:
    requests: list[str] = []
    page.on("request", lambda r: requests.append(r.url) if "cards.json" in r.url else None)
    return requests


def test_filtering_fetches_every_card_only_after_the_first_change(
    page: object, console_errors: list[str], paged_url: str
) -> None:
    requests = _cards_requests(page)
    page.goto(paged_url + "case-studies/", wait_until="networkidle")
    page.keyboard.press("Tab")  # interacting with the page fetches nothing for the filters
    page.wait_for_load_state("networkidle")
    assert requests == []
    assert page.locator(COUNT).inner_text() == f"{TOTAL} case studies"
    assert page.locator(".cs-card").count() == 50
    page.select_option("#cs-filter-nation", "Scotland")
    apply_filters(page)
    expected = _matching(nation="Scotland")
    page.wait_for_function(
        "n => document.querySelector('#cs-count').textContent.startsWith('Showing ' + n + ' of')",
        arg=len(expected),
    )
    assert page.locator(COUNT).inner_text() == f"Showing {len(expected)} of {TOTAL} case studies"
    assert page.locator(COUNT).get_attribute("aria-live") == "polite"
    assert visible_card_titles(page) == expected  # from every page, in index order
    assert "Generated study 115" in expected  # on the last page, not this one
    assert page.locator("#cs-pagination").is_hidden() and page.locator("#cs-page").is_hidden()
    page.select_option("#cs-filter-involvement", "coproduction")
    apply_filters(page)
    both = _matching(nation="Scotland", involvement="coproduction")
    page.wait_for_function(
        "n => document.querySelector('#cs-count').textContent.startsWith('Showing ' + n + ' of')",
        arg=len(both),
    )
    assert visible_card_titles(page) == both
    assert len(requests) == 1
    assert console_errors == []


def test_fetched_cards_show_data_as_text_and_link_to_their_page(
    page: object, paged_url: str
) -> None:
    page.goto(paged_url + "case-studies/?nation=Scotland&involvement=engagement")
    page.wait_for_function(
        "() => document.querySelector('#cs-count').textContent.startsWith('Showing')"
    )
    assert visible_card_titles(page) == _matching(nation="Scotland", involvement="engagement")
    assert MARKUP_TITLE in visible_card_titles(page)
    assert page.locator("#cs-cards em").count() == 0
    card = page.locator(".cs-card", has_text="not markup")
    assert card.get_attribute("data-principle") == "|".join(facets(7)["principles"])
    assert card.locator(".cs-card__org").inner_text() == "Generated Trust 0"
    card.locator("a").click()
    assert page.url.endswith("/case-studies/generated-study-007/")
    assert page.locator("h1").inner_text() == MARKUP_TITLE


def test_filter_state_is_kept_in_the_url_and_a_filtered_url_opens_filtered(
    page: object, paged_url: str
) -> None:
    page.goto(paged_url + "case-studies/page/2/")
    page.select_option("#cs-filter-principle", "access")
    page.select_option("#cs-filter-service_area", "dementia")
    apply_filters(page)
    assert page.url.endswith("case-studies/page/2/?principle=access&service_area=dementia")
    reopen(page)
    expected = _matching(principles="access", service_areas="dementia")
    page.wait_for_function(
        "() => document.querySelector('#cs-count').textContent.startsWith('Showing')"
    )
    assert page.locator("#cs-filter-principle").input_value() == "access"
    assert page.locator("#cs-filter-service_area").input_value() == "dementia"
    assert visible_card_titles(page) == expected and len(expected) > 0
    assert page.locator("#cs-pagination").is_hidden()


def test_clearing_the_filters_restores_the_page_and_its_pagination(
    page: object, paged_url: str
) -> None:
    page.goto(paged_url + "case-studies/page/2/")
    before = visible_card_titles(page)
    assert len(before) == 50 and before[0] != "Advice Panel"
    page.select_option("#cs-filter-principle", "reciprocity")
    apply_filters(page)
    page.wait_for_function(
        "() => document.querySelector('#cs-count').textContent.startsWith('Showing')"
    )
    assert visible_card_titles(page) != before
    page.click("#cs-filters button[type=reset]")
    page.wait_for_function("() => !location.search")
    assert visible_card_titles(page) == before
    assert page.locator(COUNT).inner_text() == f"{TOTAL} case studies"
    assert page.locator("#cs-pagination").is_visible()
    assert page.locator("#cs-page").inner_text() == "Page 2 of 3"


def test_filters_and_pagination_work_from_the_keyboard(page: object, paged_url: str) -> None:
    page.goto(paged_url + "case-studies/")
    first_page = visible_card_titles(page)
    page.focus("#cs-filter-nation")
    page.keyboard.press("ArrowDown")  # a closed <select> changes value with the arrow keys
    assert page.locator("#cs-filter-nation").input_value() == "England"
    page.get_by_role("button", name="Apply filters").focus()
    page.keyboard.press("Enter")
    page.wait_for_function(
        "() => document.querySelector('#cs-count').textContent.startsWith('Showing')"
    )
    assert visible_card_titles(page) == _matching(nation="England")
    page.focus("#cs-filters button[type=reset]")
    page.keyboard.press("Enter")
    page.wait_for_function("() => !location.search")
    assert visible_card_titles(page) == first_page
    page.focus(".cs-pagination a[rel=next]")
    page.keyboard.press("Enter")
    page.wait_for_url("**/case-studies/page/2/")
    assert page.locator(".cs-pagination [aria-current=page]").inner_text() == "2"


def test_a_failed_fetch_is_announced_and_leaves_the_page_as_it_was(
    page: object, paged_url: str
) -> None:
    page.route("**/cards.json", lambda route: route.abort())
    page.goto(paged_url + "case-studies/")
    before = visible_card_titles(page)
    page.select_option("#cs-filter-nation", "Wales")
    apply_filters(page)
    page.wait_for_function(
        "() => document.querySelector('#cs-count').textContent.includes('could not')"
    )
    assert "could not be loaded" in page.locator(COUNT).inner_text()
    assert visible_card_titles(page) == before
    assert page.locator("#cs-pagination").is_visible()


def test_without_javascript_the_next_links_reach_every_case_study(
    no_js_page: object, paged_url: str
) -> None:
    page = no_js_page
    page.goto(paged_url + "case-studies/")
    assert page.locator("#cs-filters").is_hidden()
    seen = visible_card_titles(page)
    while page.get_by_role("link", name="Next page").count():
        page.get_by_role("link", name="Next page").click()
        seen += visible_card_titles(page)
    assert len(seen) == len(set(seen)) == TOTAL
    assert set(_matching()) <= set(seen)


def test_paginated_pages_have_no_axe_violations_in_either_scheme(paged_url: str) -> None:
    paths = ["case-studies/", "case-studies/page/2/", "case-studies/principle/reciprocity/page/2/"]
    run = run_axe(paged_url, paths)
    assert run.violations == [], run.summary()


@pytest.mark.parametrize("scheme", list(SCHEMES))
def test_a_filtered_paginated_index_has_no_axe_violations(
    browser: object, paged_url: str, scheme: str
) -> None:
    context = browser.new_context(color_scheme=SCHEMES[scheme])
    context.add_init_script(AXE_SCRIPT)
    page = context.new_page()
    try:
        page.goto(paged_url + "case-studies/page/3/?principle=equality")
        page.wait_for_function(
            "() => document.querySelector('#cs-count').textContent.startsWith('Showing')"
        )
        assert page.evaluate("() => document.body.dataset.mdColorScheme") == MATERIAL_SCHEME[scheme]
        result = page.evaluate("opts => axe.run(document, opts)", axe_options())
        assert [v["id"] for v in result["violations"]] == []
    finally:
        context.close()
