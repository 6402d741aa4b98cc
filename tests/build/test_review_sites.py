"""Review dates, feedback and what's new on a fixture site with a fixed "today" (1 June 2030).

Missing and wrong review fields are refused by the governance check, tested
without a build in tests/unit/governance/test_reviews.py.
"""

from __future__ import annotations

import xml.etree.ElementTree as ET
from datetime import datetime
from urllib.parse import parse_qs, urlsplit

import pytest
from bs4 import BeautifulSoup

from tests.support.sites import Build, html_pages

NS = {"a": "http://www.w3.org/2005/Atom"}


@pytest.fixture(scope="module")
def review_site(review_build: Build) -> Build:
    """tests/conftest.py's `review_build`, which fails unless it built cleanly: overdue
    pages are information, never a warning or an error."""
    return review_build


def _soup(build: Build, page: str) -> BeautifulSoup:
    return BeautifulSoup((build.site_dir / page / "index.html").read_text(), "html.parser")


def _text(tag: object) -> str:
    return " ".join(tag.get_text(" ").split())


def test_every_page_ends_with_its_review_dates(review_site: Build) -> None:
    expected = {
        "": "Last reviewed: 1 May 2030 · Next review due: 1 May 2031",
        "stale": "Last reviewed: 31 January 2029 · Next review due: 31 January 2030",
        "monthly": "Last reviewed: 31 January 2030 · Next review due: 28 February 2030",
        "due-today": "Last reviewed: 1 June 2029 · Next review due: 1 June 2030",
    }
    for page, line in expected.items():
        article = _soup(review_site, page).select_one("article")
        review = article.select_one(".page-end__review")
        assert _text(review) == line
        due = datetime.strptime(line.split("due: ")[1], "%d %B %Y").date()
        assert review.find_all("time")[1]["datetime"] == due.isoformat()
        # Near the end: the last block of the article, after the page's own content.
        assert article.find_all(recursive=False)[-1] is review.parent


def test_overdue_pages_start_with_a_notice_and_others_do_not(review_site: Build) -> None:
    for page, overdue in {"": False, "due-today": False, "stale": True, "monthly": True}.items():
        article = _soup(review_site, page).select_one("article")
        notices = article.select('[role="note"]')
        if not overdue:
            assert notices == [], page
            continue
        (notice,) = notices
        assert _text(notice).startswith("This page is due for review")
        assert "hidden" not in notice.attrs and "style" not in notice.attrs
        # At the top: before the page's heading.
        assert notice.find_next("h1") is article.find("h1")


def test_feedback_link_opens_a_prefilled_github_issue(review_site: Build) -> None:
    link = _soup(review_site, "stale").find("a", string="Help us improve this page")
    parts = urlsplit(link["href"])
    assert f"{parts.netloc}{parts.path}" == "github.com/fixture-org/guide/issues/new"
    query = parse_qs(parts.query)
    assert query["title"] == ['Feedback on: Rights & "duties" <2029>']
    assert "https://fixture.example/guide/stale/" in query["body"][0]


def test_every_page_advertises_the_feed(review_site: Build) -> None:
    for path in html_pages(review_site.site_dir):
        soup = BeautifulSoup(path.read_text(), "html.parser")
        links = soup.select('head link[rel="alternate"][type="application/atom+xml"]')
        assert len(links) == 1, path
        href = links[0]["href"]
        # 404.html is served at any address, so MkDocs gives it root-relative links.
        base = review_site.site_dir if href.startswith("/guide/") else path.parent
        target = (base / href.removeprefix("/guide/")).resolve()
        assert target == review_site.site_dir / "feed.xml", path


def test_feed_lists_pages_newest_first_with_absolute_links(review_site: Build) -> None:
    root = ET.fromstring((review_site.site_dir / "feed.xml").read_bytes())  # noqa: S314
    entries = root.findall("a:entry", NS)
    assert [e.findtext("a:updated", namespaces=NS)[:10] for e in entries] == [
        "2030-05-01",
        "2030-01-31",
        "2029-06-01",
        "2029-01-31",
        "2028-01-10",
    ]  # the what's-new page itself is not an entry
    assert entries[0].find("a:link", NS).get("href") == "https://fixture.example/guide/"
    assert entries[3].findtext("a:title", namespaces=NS) == 'Rights & "duties" <2029>'
    assert root.findtext("a:updated", namespaces=NS) == "2030-05-01T00:00:00Z"


def test_whats_new_page_lists_the_newest_pages_with_working_links(review_site: Build) -> None:
    items = _soup(review_site, "whats-new").select("ol.whats-new > li")
    assert [_text(li.a) for li in items] == ["Review fixture home", "Monthly page", "Due today"]
    page_dir = review_site.site_dir / "whats-new"
    for li in items:
        assert (page_dir / li.a["href"] / "index.html").resolve().is_file()


def test_a_page_shows_its_changes_in_progress_with_their_dates(review_site: Build) -> None:
    article = _soup(review_site, "changing").select_one("article")
    (notice,) = article.select(".pending-notice")
    assert "hidden" not in notice.attrs and "style" not in notice.attrs
    first, second = (
        " ".join(p.get_text().split()) for p in notice.select("p:not(.admonition-title)")
    )
    assert first.startswith("A Bill would move this duty to another body.")
    # Due to be checked again before "today" (1 June 2030): the notice says so.
    assert "was due to be checked again on 1 May 2030: it may be out of date" in first
    assert "We checked this on 20 May 2030 and will check it again by 1 September 2030" in second
    links = [a["href"] for a in notice.select("a")]
    assert links == ["https://bills.example/bill/1", "https://consult.example/guidance"]
    # Before the page's own heading, so a reader sees it first.
    assert notice.find_next("h1") is not None
