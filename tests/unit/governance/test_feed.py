"""What's new and the Atom feed: newest entries, absolute URLs, stable ids, valid XML."""

from __future__ import annotations

import datetime as dt
import re
import xml.etree.ElementTree as ET
from pathlib import Path

from hooks.governance.feed import (
    Entry,
    atom_feed,
    collect_entries,
    entry_id,
    newest,
    whats_new_html,
)

FRAGMENTS = Path(__file__).resolve().parents[3] / "overrides" / "fragments"
NS = {"a": "http://www.w3.org/2005/Atom"}
SITE = "https://example.org/guide/"
D = dt.date


def _page(url: str, title: str, day: dt.date) -> Entry:
    return Entry(title, url, f"About {title}", day, "Page")


PAGES = [
    _page("", "Home", D(2026, 1, 1)),
    _page("principles/", "Principles", D(2026, 11, 26)),
    _page("law/wales/", "Wales & the law <2014>", D(2026, 6, 1)),
]
# Case-study records as the case-study hook publishes them (validated front matter + slug, url).
RECORDS = [
    {
        "title": "Healthy Living Club",
        "summary": "People living with dementia run the club.",
        "organisation": "Example Trust",
        "last_reviewed": "2026-11-20",
        "slug": "healthy-living-club",
        "url": "case-studies/healthy-living-club/",
    },
]


def test_entries_include_pages_and_case_studies_with_dates_from_front_matter() -> None:
    entries = {e.url: e for e in collect_entries(PAGES, RECORDS)}
    assert set(entries) == {"", "principles/", "law/wales/", "case-studies/healthy-living-club/"}
    study = entries["case-studies/healthy-living-club/"]
    assert (study.kind, study.updated, study.summary) == (
        "Case study",
        D(2026, 11, 20),
        "People living with dementia run the club.",
    )


def test_newest_entries_come_first_and_the_list_is_limited() -> None:
    entries = collect_entries(PAGES, RECORDS)
    assert [e.title for e in newest(entries, 3)] == [
        "Principles",
        "Healthy Living Club",
        "Wales & the law <2014>",
    ]
    assert newest(entries, 10, frozenset({"principles/"}))[0].url == (
        "case-studies/healthy-living-club/"
    )


def _hrefs(from_url: str, *urls: str) -> list[str]:
    entries = [Entry(url, url, "", D(2026, 1, 1), "Page") for url in urls]
    html = whats_new_html(entries, from_url, str(FRAGMENTS))
    return re.findall(r'href="([^"]*)"', html)


def test_links_are_relative_to_the_page_that_lists_them() -> None:
    assert _hrefs("whats-new/", "principles/", "") == ["../principles/", "../"]
    assert _hrefs("", "law/wales/", "") == ["law/wales/", "./"]
    assert _hrefs("about/whats-new/", "about/contribute/") == ["../contribute/"]
    assert _hrefs("whats-new.html", "law/wales.html") == ["law/wales.html"]


def _feed(entries: list[Entry]) -> ET.Element:
    data = atom_feed(entries, title="Guide: what's new", site_url=SITE, author="Example")
    return ET.fromstring(data)  # noqa: S314 - our own output, parsed to prove it is valid XML


def test_feed_is_valid_atom_with_absolute_urls_and_the_newest_entry_first() -> None:
    root = _feed(newest(collect_entries(PAGES, RECORDS), 3))
    assert root.tag == "{http://www.w3.org/2005/Atom}feed"
    assert root.findtext("a:updated", namespaces=NS) == "2026-11-26T00:00:00Z"
    assert root.find("a:link[@rel='self']", NS).get("href") == SITE + "feed.xml"
    entries = root.findall("a:entry", NS)
    assert [e.findtext("a:title", namespaces=NS) for e in entries] == [
        "Principles",
        "Healthy Living Club",
        "Wales & the law <2014>",
    ]
    links = [e.find("a:link", NS).get("href") for e in entries]
    assert links == [
        SITE + "principles/",
        SITE + "case-studies/healthy-living-club/",
        SITE + "law/wales/",
    ]
    for entry in entries:
        for field in ("id", "title", "updated"):
            assert entry.findtext(f"a:{field}", namespaces=NS), field


def test_entry_ids_are_stable_tag_uris_and_change_when_a_page_is_reviewed_again() -> None:
    first = entry_id(SITE, "principles/", D(2026, 11, 26))
    assert first == "tag:example.org,2026-11-26:/guide/principles/"
    assert first == entry_id(SITE, "principles/", D(2026, 11, 26))
    assert first != entry_id(SITE, "principles/", D(2027, 11, 26))
    entries = _feed(collect_entries(PAGES, RECORDS)).findall("a:entry", NS)
    ids = [e.findtext("a:id", namespaces=NS) for e in entries]
    assert len(ids) == len(set(ids)) == 4


def test_feed_with_no_entries_is_still_valid() -> None:
    root = _feed([])
    assert root.findall("a:entry", NS) == [] and root.findtext("a:updated", namespaces=NS)


def test_whats_new_list_escapes_titles_and_links_relatively() -> None:
    html = whats_new_html(newest(collect_entries(PAGES, []), 2), "whats-new/", str(FRAGMENTS))
    assert '<a href="../principles/">Principles</a>' in html
    assert "Wales &amp; the law &lt;2014&gt;" in html and "<2014>" not in html
    assert '<time datetime="2026-11-26">26 November 2026</time>' in html
