"""What's new: the latest added or reviewed pages and case studies, as a list and a feed.

Events:
- `on_config`: forget the last build, check `site_url` (feeds need absolute
  addresses) and register the `whats_new()` macro with the macros plugin.
- `on_post_build`: write `feed.xml`, an Atom feed of the same entries.

Dates come from front matter (`last_reviewed`), never the build time, so the
same content always gives the same feed. Entry ids are tag: URIs made of the
site's host, the review date and the page's path: stable across builds, and
new when a page is reviewed again, so feed readers show it as news.
"""

from __future__ import annotations

import datetime as dt
import posixpath
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2

import fragments
from atom import FEED_PATH, atom_feed
from case_study_store import Record, get_records
from editor_errors import Problem, raise_if_any
from review_store import ReviewedPage, get_reviewed_pages
from reviews import long_date, parse_date

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig

LIMIT = 20

_SITE_URL_FIX = "set site_url to the address where the site is published, ending with /"

_state: dict[str, Any] = {}


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


def _whats_new_macro(limit: int = LIMIT) -> str:
    """Macro: the newest pages and case studies, as an HTML list (newest first)."""
    page = _state["macros"].page
    _state["listings"].add(page.url)
    entries = collect_entries(get_reviewed_pages(), get_records())
    latest = newest(entries, limit, frozenset({page.url}))
    return whats_new_html(latest, page.url, _state["templates"])


def on_config(config: MkDocsConfig) -> None:
    if not config.site_url:
        raise_if_any(
            [Problem("mkdocs.yml", 1, "site_url", "the site's address is missing", _SITE_URL_FIX)]
        )
    _state["templates"] = fragments.environment(fragments.folder(config))
    _state["listings"] = set()
    _state["macros"] = config.plugins.get("macros")
    if _state["macros"] is not None:
        _state["macros"].register_macros({"whats_new": _whats_new_macro})


def on_post_build(config: MkDocsConfig) -> None:
    everything = collect_entries(get_reviewed_pages(), get_records())
    entries = newest(everything, LIMIT, frozenset(_state["listings"]))
    organisation = (config.extra.get("organisation") or {}).get("name") or config.site_name
    feed = atom_feed(
        entries,
        title=f"{config.site_name}: what's new",
        site_url=config.site_url,
        author=str(organisation),
        listing_url=min(_state["listings"], default=""),
    )
    Path(config.site_dir, FEED_PATH).write_bytes(feed)
