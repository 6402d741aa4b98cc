"""An Atom 1.0 feed (RFC 4287) written with ElementTree, so the XML is always well formed.

Pure functions, no MkDocs events: `feed` (the hook) calls them. Entries are
anything with `title`, `url` (relative to the site), `summary`, `updated`
(a date) and `kind`.
"""

from __future__ import annotations

import datetime as dt
import xml.etree.ElementTree as ET
from collections.abc import Sequence
from typing import Any
from urllib.parse import urljoin, urlparse

ATOM = "http://www.w3.org/2005/Atom"
FEED_PATH = "feed.xml"


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
    entries: Sequence[Any], *, title: str, site_url: str, author: str, listing_url: str = ""
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
