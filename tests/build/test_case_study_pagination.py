"""More case studies than fit on a page: the index and listings show them a page at a time.

A docs page at the address of a page of cards is refused by the case-study
check, tested without a build in tests/unit/case_studies/test_bad_inputs.py.
"""

from __future__ import annotations

import json
import posixpath

import pytest
from bs4 import BeautifulSoup

from hooks.case_studies.pages import PAGE_SIZE
from tests.support.paged_site import STUDIES, facets
from tests.support.sites import Build

# The two case studies of case_study_site, and the generated ones.
TOTAL = STUDIES + 2
RECIPROCITY = 1 + sum("reciprocity" in facets(i)["principles"] for i in range(STUDIES))


@pytest.fixture(scope="module")
def paged(paged_build: Build) -> Build:
    return paged_build


def _soup(site: Build, url: str) -> BeautifulSoup:
    return BeautifulSoup((site.site_dir / url / "index.html").read_text("utf-8"), "html.parser")


def _titles(soup: BeautifulSoup) -> list[str]:
    return [a.get_text() for a in soup.select(".cs-card__title a")]


def _follow(url: str, href: str) -> str:
    """The site-relative URL a relative `href` on the page at `url` leads to."""
    return posixpath.normpath(posixpath.join(url, href)) + "/"


def _walk(site: Build, url: str) -> list[tuple[str, BeautifulSoup]]:
    """Every page from `url`, following the "Next" links as a reader without JavaScript."""
    pages = []
    while url:
        soup = _soup(site, url)
        pages.append((url, soup))
        following = soup.select_one(".cs-pagination a[rel=next]")
        url = following and _follow(url, following["href"])
    return pages


def _export(site: Build) -> list[dict]:
    data = json.loads((site.site_dir / "case-studies/case-studies.json").read_text("utf-8"))
    return data["case_studies"]


def test_index_shows_a_page_of_cards_at_a_time(paged: Build) -> None:
    pages = _walk(paged, "case-studies/")
    count = -(-TOTAL // PAGE_SIZE)
    assert count > 2
    assert [url for url, _ in pages] == ["case-studies/"] + [
        f"case-studies/page/{n}/" for n in range(2, count + 1)
    ]
    assert [len(_titles(soup)) for _, soup in pages] == [PAGE_SIZE] * (count - 1) + [
        TOTAL - PAGE_SIZE * (count - 1)
    ]
    for n, (_, soup) in enumerate(pages, 1):
        assert soup.select_one("#cs-page").get_text() == f"Page {n} of {count}"
        assert soup.select_one("#cs-count").get_text() == f"{TOTAL} case studies"
        assert soup.h1.get_text() == (
            "Case studies" if n == 1 else f"Case studies (page {n} of {count})"
        )
    assert not (paged.site_dir / f"case-studies/page/{count + 1}").exists()


def test_every_case_study_is_on_exactly_one_index_page_in_a_stable_order(paged: Build) -> None:
    titles = [t for _, soup in _walk(paged, "case-studies/") for t in _titles(soup)]
    assert titles == [c["title"] for c in _export(paged)]
    assert len(titles) == len(set(titles)) == TOTAL


def test_pagination_links_to_previous_next_and_numbered_pages(paged: Build) -> None:
    soup = _soup(paged, "case-studies/page/2/")
    nav = soup.select_one("nav.cs-pagination")
    assert nav["aria-label"] == "Pagination"
    assert nav.select_one("a[rel=prev]")["href"] == "../../"
    assert nav.select_one("a[rel=prev]").get_text() == "Previous page"
    assert nav.select_one("a[rel=next]")["href"] == "../3/"
    numbered = {a.get_text(): a for a in nav.select("li a")}
    assert list(numbered) == ["1", "2", "3"]
    assert [a.get("aria-current") for a in numbered.values()] == [None, "page", None]
    assert numbered["3"]["aria-label"] == "Page 3"
    for a in numbered.values():
        target = _follow("case-studies/page/2/", a["href"])
        assert (paged.site_dir / target / "index.html").is_file(), target
    first, last = _soup(paged, "case-studies/"), _soup(paged, "case-studies/page/3/")
    assert first.select_one(".cs-pagination a[rel=prev]") is None
    assert last.select_one(".cs-pagination a[rel=next]") is None
    assert first.select_one(".cs-pagination [aria-current=page]").get_text() == "1"


def test_later_pages_link_to_listings_and_downloads_from_their_own_address(paged: Build) -> None:
    soup = _soup(paged, "case-studies/page/3/")
    url = "case-studies/page/3/"
    for a in soup.select(".cs-browse a, .cs-card__title a"):
        assert (paged.site_dir / _follow(url, a["href"]) / "index.html").is_file(), a["href"]
    json_link = soup.find("a", string="JSON")["href"]
    assert (paged.site_dir / posixpath.normpath(posixpath.join(url, json_link))).is_file()


def test_listing_pages_are_paginated_too(paged: Build) -> None:
    pages = _walk(paged, "case-studies/principle/reciprocity/")
    assert RECIPROCITY > PAGE_SIZE and len(pages) == -(-RECIPROCITY // PAGE_SIZE)
    assert pages[1][0] == "case-studies/principle/reciprocity/page/2/"
    titles = [t for _, soup in pages for t in _titles(soup)]
    expected = [c["title"] for c in _export(paged) if "reciprocity" in c["principles"]]
    assert titles == expected and len(set(titles)) == RECIPROCITY
    for n, (_, soup) in enumerate(pages, 1):
        lead = soup.select_one("article p:not(.cs-page)").get_text()
        assert lead == f"{RECIPROCITY} case studies with principle: reciprocity."
        assert soup.select_one(".cs-page").get_text() == f"Page {n} of {len(pages)}"
        current = soup.select_one(".cs-pagination [aria-current=page]")
        assert current.get_text() == str(n)
    assert pages[1][1].h1.get_text() == f"Case studies: reciprocity (page 2 of {len(pages)})"


def test_a_listing_that_fits_on_one_page_has_no_pagination(paged: Build) -> None:
    soup = _soup(paged, "case-studies/nation/wales/")
    assert 0 < len(_titles(soup)) <= PAGE_SIZE
    assert soup.select_one(".cs-pagination") is None and soup.select_one(".cs-page") is None
    assert not (paged.site_dir / "case-studies/nation/wales/page").exists()


def test_cards_json_holds_every_card_in_index_order(paged: Build) -> None:
    index = _soup(paged, "case-studies/")
    assert index.select_one("#cs-cards")["data-cards"] == "cards.json"
    cards = json.loads((paged.site_dir / "case-studies/cards.json").read_text("utf-8"))["cards"]
    export = _export(paged)
    assert len(cards) == TOTAL
    keys = ["title", "organisation", "summary", "nation", "principles", "service_areas",
            "involvement"]  # fmt: skip
    for card, record in zip(cards, export, strict=True):
        assert sorted(card) == sorted(["href", "evidence", "changed", *keys])
        assert {k: card[k] for k in keys} == {k: record[k] for k in keys}
        assert card["evidence"] == record["evidence"]["level"]
        first = record["outcomes"][0]["text"] if "outcomes" in record else None
        assert card["changed"] == first or "No published evaluation found"
        assert card["href"] == f"{record['slug']}/"
        assert (paged.site_dir / "case-studies" / card["href"] / "index.html").is_file()


def test_up_to_a_page_of_case_studies_has_no_pagination_and_no_cards_json(
    case_study_build: Build,
) -> None:
    site = case_study_build
    assert site.ok, site.log
    soup = _soup(site, "case-studies/")
    assert not soup.select_one("#cs-cards").has_attr("data-cards")
    assert soup.select_one(".cs-pagination") is None and soup.select_one("#cs-page") is None
    assert not (site.site_dir / "case-studies/cards.json").exists()
    assert not (site.site_dir / "case-studies/page").exists()


def test_search_finds_each_case_study_on_its_own_page_not_on_every_listing(paged: Build) -> None:
    def searched(url: str) -> bool:
        return "data-pagefind-body" in (paged.site_dir / url / "index.html").read_text("utf-8")

    story = _export(paged)[0]["url"]
    assert searched("case-studies/") and searched(story)
    listings = [
        "case-studies/page/2/",
        "case-studies/principle/reciprocity/",
        "case-studies/principle/reciprocity/page/2/",
        "case-studies/nation/wales/",
    ]
    assert not [url for url in listings if searched(url)]
    # Pagefind indexes exactly the pages with a body: the listings are not in it.
    pages = [p for p in paged.site_dir.rglob("*.html") if "pagefind" not in p.parts]
    with_body = [p for p in pages if "data-pagefind-body" in p.read_text("utf-8")]
    entry = json.loads((paged.site_dir / "pagefind/pagefind-entry.json").read_text("utf-8"))
    assert entry["languages"]["en-gb"]["page_count"] == len(with_body) > TOTAL
    assert len(pages) > len(with_body) + len(listings)
