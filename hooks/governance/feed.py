"""What's new: the latest added or reviewed pages and case studies, as a list and a feed.

The governance hook registers the `whats_new()` macro (the list) and writes
`feed.xml`, an Atom feed of the same entries (atom.py).

Dates come from front matter (`last_reviewed`), never the build time, so the
same content always gives the same feed. Entry ids are tag: URIs made of the
site's host, the review date and the page's path: stable across builds, and
new when a page is reviewed again, so feed readers show it as news.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass

import jinja2

from hooks.case_studies.store import Record
from hooks.governance.review_store import ReviewedPage
from hooks.governance.reviews import long_date, parse_date

LIMIT = 20


@dataclass(frozen=True)
class Entry:
    """One thing added or reviewed: a page or a case study."""

    title: str
    url: str  # relative to the site root, as MkDocs writes it
    summary: str
    updated: dt.date
    kind: str

    @property
    def updated_text(self) -> str:
        return long_date(self.updated)


def collect_entries(pages: list[ReviewedPage], records: list[Record]) -> list[Entry]:
    """Every page and case study with a review date, once each."""
    found = {
        p.url: Entry(p.title, p.url, p.description, p.review.last_reviewed, "Page") for p in pages
    }
    for r in records:
        day = parse_date(r.get("last_reviewed"))
        if day is not None and r.get("url"):
            found[r["url"]] = Entry(
                str(r.get("title", "")), r["url"], str(r.get("summary", "")), day, "Case study"
            )
    return list(found.values())


def newest(
    entries: list[Entry], limit: int = LIMIT, exclude: frozenset[str] = frozenset()
) -> list[Entry]:
    """The `limit` most recent entries, newest first (ties in title order)."""
    kept = [e for e in entries if e.url not in exclude]
    kept.sort(key=lambda e: (-e.updated.toordinal(), e.title.casefold(), e.url))
    return kept[:limit]


def relative_href(from_url: str, to_url: str) -> str:
    """A link from the page at `from_url` to `to_url`, both relative to the site root."""
    href = posixpath.relpath("/" + to_url, posixpath.dirname("/" + from_url))
    return href + "/" if to_url.endswith("/") or not to_url else href


def whats_new_html(entries: list[Entry], from_url: str, templates: jinja2.Environment) -> str:
    """The what's-new list for the page at `from_url`, from an autoescaped template."""
    items = [(e, relative_href(from_url, e.url)) for e in entries]
    return templates.get_template("whats-new.html").render(items=items)
