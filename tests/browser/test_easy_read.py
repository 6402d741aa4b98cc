"""Easy Read pages in a browser: rows that reflow, large text, clean print, no axe findings.

Every page whose front matter has `easy_read` is opened. The layout is
CSS only, so each check runs with JavaScript switched off too.
"""

from __future__ import annotations

import pytest

from tests.support.a11y import run_axe
from tests.support.easy_read import easy_read_pages, url_path
from tests.support.search import search

pytestmark = pytest.mark.browser

EASY_READ = easy_read_pages()
PATHS = sorted(url_path(src) for src in EASY_READ)

# Where each row's picture sits against its words, and anything wider than the screen.
_ROWS = """() => [...document.querySelectorAll('.easy-read-point')].map(row => {
  const p = row.querySelector('.easy-read-picture').getBoundingClientRect();
  const w = row.querySelector('.easy-read-words').getBoundingClientRect();
  return {pictureRight: p.right, pictureBottom: p.bottom, pictureTop: p.top,
          wordsLeft: w.left, wordsTop: w.top, wordsRight: w.right, pictureWidth: p.width};
})"""
_SIDEWAYS = "() => document.documentElement.scrollWidth - document.documentElement.clientWidth"


@pytest.fixture(params=["script", "no script"])
def any_page(request: pytest.FixtureRequest, page: object, no_js_page: object) -> object:
    return page if request.param == "script" else no_js_page


@pytest.mark.parametrize("path", PATHS)
def test_at_320_pixels_the_picture_sits_above_its_words_and_nothing_scrolls_sideways(
    any_page: object, site_url: str, path: str
) -> None:
    any_page.set_viewport_size({"width": 320, "height": 640})
    any_page.goto(site_url + path)
    assert any_page.evaluate(_SIDEWAYS) <= 0
    rows = any_page.evaluate(_ROWS)
    assert rows
    for row in rows:
        assert row["pictureBottom"] <= row["wordsTop"] + 1, row
        assert row["wordsRight"] <= 320, row
        assert row["pictureWidth"] > 40, row


@pytest.mark.parametrize("path", PATHS)
def test_at_desktop_width_the_picture_sits_left_of_its_words(
    any_page: object, site_url: str, path: str
) -> None:
    any_page.set_viewport_size({"width": 1280, "height": 800})
    any_page.goto(site_url + path)
    rows = any_page.evaluate(_ROWS)
    assert rows
    for row in rows:
        assert row["pictureRight"] <= row["wordsLeft"], row
        assert abs(row["pictureTop"] - row["wordsTop"]) < 2, row


@pytest.mark.parametrize("width", [320, 1280])
def test_easy_read_text_is_at_least_19_pixels_with_generous_line_spacing(
    page: object, site_url: str, width: int
) -> None:
    page.set_viewport_size({"width": width, "height": 800})
    page.goto(site_url + PATHS[0])
    sizes = page.locator(".easy-read-words p").evaluate_all(
        "els => els.map(el => [parseFloat(getComputedStyle(el).fontSize),"
        " parseFloat(getComputedStyle(el).lineHeight)])"
    )
    assert sizes
    for size, line_height in sizes:
        assert size >= 19
        assert line_height >= 1.5 * size


def test_the_sidebars_are_hidden_on_screen(page: object, site_url: str) -> None:
    page.set_viewport_size({"width": 1600, "height": 900})
    page.goto(site_url + PATHS[0])
    for selector in (".md-sidebar--primary", ".md-sidebar--secondary"):
        sidebar = page.locator(selector)
        assert sidebar.count() == 0 or not sidebar.first.is_visible(), selector


@pytest.mark.parametrize("path", PATHS)
def test_print_shows_only_the_rows_one_point_a_row_never_split(
    page: object, site_url: str, path: str
) -> None:
    page.goto(site_url + path)
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-tabs", ".md-sidebar--primary", ".md-footer"):
        found = page.locator(selector)
        assert found.count() == 0 or not found.first.is_visible(), selector
    secondary = page.locator(".md-sidebar--secondary")
    assert secondary.count() == 0 or not secondary.first.is_visible()
    styles = page.locator(".easy-read-point").evaluate_all(
        "els => els.map(el => [getComputedStyle(el).breakInside,"
        " getComputedStyle(el).flexDirection])"
    )
    assert styles and all(s == ["avoid", "row"] for s in styles), styles
    size = page.locator(".easy-read-words p").first.evaluate(
        "el => parseFloat(getComputedStyle(el).fontSize)"
    )
    assert size >= 18  # 14pt is 18.7 CSS pixels


def test_every_easy_read_page_has_no_axe_violations_in_either_scheme(site_url: str) -> None:
    run = run_axe(site_url, PATHS)
    assert run.schemes == ["light", "dark"] and len(run.pages) == len(EASY_READ)
    assert run.violations == [], run.summary()


@pytest.mark.parametrize(
    ("query", "path"),
    [
        ("easy read getting paid", "easy-read/getting-paid/"),
        ("easy read receipts", "easy-read/getting-paid/"),
        ("easy read joining a group", "easy-read/joining-a-group/"),
        (
            "easy read coproduction means working together as equals",
            "easy-read/what-is-coproduction/",
        ),
        ("easy read right to be involved", "easy-read/your-right-to-be-involved/"),
        ("easy read tell us what you think", "easy-read/tell-us-what-you-think/"),
    ],
)
def test_search_finds_the_easy_read_page_for_its_main_words(
    page: object, site_url: str, query: str, path: str
) -> None:
    titles = search(page, site_url, query)
    links = page.locator("[data-cg-search-results] li > a")
    found = [links.nth(i).evaluate("a => new URL(a.href).pathname") for i in range(len(titles))]
    assert "/" + path in found[:10], (titles[:10], found[:10])
