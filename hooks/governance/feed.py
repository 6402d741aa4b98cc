"""What's new: the latest added or reviewed pages and case studies, as a list and a feed.

The governance hook registers the `whats_new()` macro (the list) and writes
`feed.xml`, an Atom 1.0 feed (RFC 4287) of the same entries, written with
ElementTree so the XML is always well formed. Pure functions, no MkDocs events.

Dates come from front matter (`last_reviewed`), never the build time, so the
same content always gives the same feed. Entry ids are tag: URIs made of the
site's host, the review date and the page's path: stable across builds, and
new when a page is reviewed again, so feed readers show it as news.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from dataclasses import dataclass
from urllib.parse import urljoin, urlparse

from mkdocs.utils import get_relative_url

from hooks.case_studies.store import Record
from hooks.common import fragments

LIMIT = 20
ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"


@dataclass(frozen=True)
class Entry:
    """One thing added or reviewed: a page or a case study."""

    title: str
    url: str  # relative to the site root, as MkDocs writes it
    summary: str
    updated: dt.date
    kind: str


def collect_entries(pages: list[Entry], records: list[Record]) -> list[Entry]:
    """Every page (the governance hook's entries) and case study, once each.

    A case study's title, summary and `last_reviewed` (YYYY-MM-DD text) are
    required and checked by its schema.
    """
    found = {p.url: p for p in pages}
    for r in records:
        day = dt.date.fromisoformat(r["last_reviewed"])
        found[r["url"]] = Entry(r["title"], r["url"], r["summary"], day, "Case study")
    return list(found.values())


def newest(
    entries: list[Entry], limit: int = LIMIT, exclude: frozenset[str] = frozenset()
) -> list[Entry]:
    """The `limit` most recent entries, newest first (ties in title order)."""
    kept = [e for e in entries if e.url not in exclude]
    kept.sort(key=lambda e: (-e.updated.toordinal(), e.title.casefold(), e.url))
    return kept[:limit]


def whats_new_html(entries: list[Entry], from_url: str, templates: str) -> str:
    """The what's-new list for the page at `from_url`, from an autoescaped fragment."""
    # Links relative to the listing page; the home page's address, "", is "./".
    items = [(e, get_relative_url(e.url or "./", from_url)) for e in entries]
    return fragments.render(templates, "whats-new.html", items=items)


def entry_id(site_url: str, url: str, day: dt.date) -> str:
    """A tag: URI (RFC 4151) naming this page as reviewed on `day`."""
    parsed = urlparse(urljoin(site_url, url))
    return f"tag:{parsed.hostname},{day.isoformat()}:{parsed.path}"


def _timestamp(day: dt.date) -> str:
    return f"{day.isoformat()}T00:00:00Z"


def _add(parent: ET.Element, tag: str, text: str | None = None, **attrs: str) -> ET.Element:
    element = ET.SubElement(parent, f"{{{ATOM}}}{tag}", attrs)
    element.text = text
    return element


def atom_feed(
    entries: list[Entry], *, title: str, site_url: str, author: str, listing_url: str = ""
) -> bytes:
    """An Atom 1.0 document for `entries`, with absolute URLs.

    `listing_url` is the what's-new page (relative to the site), the feed's
    human-readable twin; without one the feed points at the home page.
    """
    ET.register_namespace("", ATOM)
    feed = ET.Element(f"{{{ATOM}}}feed", {"{http://www.w3.org/XML/1998/namespace}lang": "en-GB"})
    _add(feed, "id", site_url)
    _add(feed, "title", title)
    newest_day = max((e.updated for e in entries), default=None)
    _add(feed, "updated", _timestamp(newest_day or dt.date.today()))  # empty: build date
    _add(feed, "link", rel="self", type="application/atom+xml", href=urljoin(site_url, FEED_PATH))
    _add(feed, "link", rel="alternate", type="text/html", href=urljoin(site_url, listing_url))
    _add(_add(feed, "author"), "name", author)
    for e in entries:
        entry = _add(feed, "entry")
        _add(entry, "id", entry_id(site_url, e.url, e.updated))
        _add(entry, "title", e.title)
        _add(entry, "link", rel="alternate", type="text/html", href=urljoin(site_url, e.url))
        _add(entry, "updated", _timestamp(e.updated))
        _add(entry, "category", term=e.kind)
        if e.summary:
            _add(entry, "summary", e.summary)
    ET.indent(feed)
    return ET.tostring(feed, encoding="utf-8", xml_declaration=True)
