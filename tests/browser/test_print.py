"""Template pages and the whole guide print cleanly on A4, without JavaScript."""

from __future__ import annotations

import re
from collections.abc import Iterator

import pytest

pytestmark = pytest.mark.browser

# A4 is 794 CSS pixels wide at 96 dpi; print.css sets 15 mm margins (57 px each).
A4_CONTENT_WIDTH = 794 - 2 * 57
PRINTED = (
    "forms-and-templates/expenses-claim-form/",  # five-column tables
    "forms-and-templates/story-consent-form/",
    "print/",
)
HIDDEN = (".md-header", ".md-tabs", ".md-sidebar", ".md-footer", ".md-banner", ".cg-downloads")

# What a reader would see on paper: visible parts of the page chrome, and any
# box whose content is wider than the box (cut off, or scrolled, on paper).
_LAYOUT = """(hidden) => {
  const shown = (el) => {
    const box = el.getBoundingClientRect();
    const style = getComputedStyle(el);
    return style.display !== 'none' && style.visibility !== 'hidden' && box.width > 0;
  };
  const visible = hidden.filter((s) => [...document.querySelectorAll(s)].some(shown));
  const article = document.querySelector('article');
  const cut = [...article.querySelectorAll('*')]
    .filter((el) => shown(el) && el.scrollWidth > el.clientWidth + 1 && el.clientWidth > 0)
    .filter((el) => getComputedStyle(el).overflowX !== 'visible')
    .map((el) => el.tagName + '.' + el.className);
  const page = document.documentElement;
  return {visible, cut, wide: page.scrollWidth > page.clientWidth,
          tables: article.querySelectorAll('table').length};
}"""


@pytest.fixture
def paper(browser: object) -> Iterator[object]:
    """A page as printed on A4: print media, A4's width, no JavaScript."""
    context = browser.new_context(
        java_script_enabled=False, viewport={"width": A4_CONTENT_WIDTH, "height": 1100}
    )
    page = context.new_page()
    page.emulate_media(media="print")
    yield page
    context.close()


@pytest.mark.parametrize("path", PRINTED)
def test_a_printed_page_shows_only_its_content_within_a4(
    paper: object, site_url: str, path: str
) -> None:
    response = paper.goto(site_url + path)
    assert response is not None and response.ok
    layout = paper.evaluate(_LAYOUT, list(HIDDEN))
    assert layout["visible"] == []
    assert layout["tables"] > 0
    assert layout["cut"] == [], "content wider than its box would be cut off on paper"
    assert not layout["wide"], "the page is wider than A4"


def test_printed_table_rows_are_not_split_and_headers_repeat(paper: object, site_url: str) -> None:
    paper.goto(site_url + "forms-and-templates/expenses-claim-form/")
    row = paper.locator("article table tbody tr").first
    assert row.evaluate("el => getComputedStyle(el).breakInside") == "avoid"
    head = paper.locator("article table thead").first
    assert head.evaluate("el => getComputedStyle(el).display") == "table-header-group"


def test_each_page_of_the_whole_guide_starts_a_new_sheet(paper: object, site_url: str) -> None:
    paper.goto(site_url + "print/")
    sections = paper.locator("section.cg-print-section")
    assert sections.count() > 40
    breaks = sections.evaluate_all("els => els.map((el) => getComputedStyle(el).breakBefore)")
    assert set(breaks) == {"page"}
    link = paper.locator("section a[href^='https://']").first
    assert link.get_attribute("href") in link.evaluate(
        "el => getComputedStyle(el, '::after').content"
    )


def test_the_whole_guide_as_a_pdf_has_a_sheet_per_page_at_least(
    paper: object, site_url: str
) -> None:
    paper.goto(site_url + "print/")
    pdf = paper.pdf(format="A4")
    sheets = len(re.findall(rb"/Type\s*/Page(?![a-z])", pdf))
    sections = paper.locator("section.cg-print-section").count()
    assert sheets >= sections
