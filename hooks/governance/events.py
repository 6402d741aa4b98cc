"""Governance: review dates, the feedback link, and what's new with its feed.

Events:
- `on_config`: forget the last build (hooks stay loaded in `mkdocs serve`);
  read the review interval (`extra.review_interval_months`) and "today"
  (`extra.review_today`, set only by test fixtures); check `site_url` (the
  feed needs absolute addresses) and `extra.organisation.feedback_url`;
  register the `whats_new()` macro.
- `on_files`: every content page's `last_reviewed`, `review_interval_months`,
  `owner` (reviews.py) and `pending_changes` (pending.py) checked, one error
  listing every problem. An overdue page is not a problem: it shows a notice.
- `on_env`: the `long_date` filter (9 October 2026) for the templates' dates.
- `on_page_markdown`: the page's `ReviewState` in `page.meta["review"]`, for
  the templates (review line, overdue notice).
- `on_page_context`: the page's "Help us improve this page" link (feedback.py)
  and its changes in progress (pending.py), for the dated notice.
- `on_post_build`: `feed.xml`, an Atom feed of what's new (feed.py).
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.case_studies.store import get_records, record_of_page
from hooks.common import fragments, page_store
from hooks.common.errors import Problem, raise_if_any
from hooks.governance import feed
from hooks.governance.feedback import feedback_href, feedback_url_problem
from hooks.governance.pending import PendingChange, pending_changes
from hooks.governance.reviews import (
    ReviewState,
    check_review_fields,
    default_interval,
    interval_problem,
    is_content_page,
    long_date,
    review_state,
    review_today,
)

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_SITE_URL_FIX = "set site_url to the address where the site is published, ending with /"
_state: dict[str, Any] = {}
_reviews: dict[str, ReviewState] = {}  # by src_uri, for on_page_markdown
_entries: list[feed.Entry] = []  # the reviewed pages in file order, for what's new
_pending: dict[str, list[PendingChange]] = {}  # by src_uri, for on_page_context


def on_config(config: MkDocsConfig) -> None:
    _reviews.clear()
    _entries.clear()
    _pending.clear()
    _state.clear()
    _state["interval"] = default_interval(config.extra)
    _state["today"] = review_today(config.extra)
    path = Path(config.config_file_path)
    text = path.read_text(encoding="utf-8")
    found = [
        feedback_url_problem(_feedback_setting(config), text, path.name),
        interval_problem(config.extra, text, path.name),
    ]
    raise_if_any(problem for problem in found if problem)
    if not config.site_url:
        missing = Problem(
            "mkdocs.yml", 1, "site_url", "the site's address is missing", _SITE_URL_FIX
        )
        raise_if_any([missing])
    _state["templates"] = fragments.folder(config)
    _state["listings"] = set()
    _state["macros"] = config.plugins.get("macros")
    if _state["macros"] is not None:
        _state["macros"].register_macros({"whats_new": _whats_new_macro})


def on_files(files: Files, config: MkDocsConfig) -> None:
    problems: list[Problem] = []
    for file in files.documentation_pages():
        doc = page_store.get_document(file.src_uri)  # None for generated pages
        if doc is None or doc.problems or not is_content_page(file.src_uri):
            continue  # a file the content hook could not read has said so already
        state, found = check_review_fields(doc, _state["interval"], _state["today"])
        problems.extend(found)
        _pending[file.src_uri], found = pending_changes(doc, _state["today"])
        problems.extend(found)
        if state is not None:
            _reviews[file.src_uri] = state
            title = str(doc.meta.get("title") or file.name)
            description = str(doc.meta.get("description") or "")
            _entries.append(feed.Entry(title, file.url, description, state.last_reviewed, "Page"))
    raise_if_any(problems)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.filters["long_date"] = long_date
    return env


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    state = _reviews.get(page.file.src_uri)
    record = record_of_page(page.file.src_uri)
    if record is not None:
        # A case study: its schema allows no `review_interval_months` or `owner`,
        # so the site's interval applies; its date is checked YYYY-MM-DD text.
        last = dt.date.fromisoformat(record["last_reviewed"])
        state = review_state(last, _state["interval"], _state["today"])
    if state is not None:
        page.meta["review"] = state
    return markdown


def on_page_context(
    context: dict[str, Any], page: Page, config: MkDocsConfig, nav: Navigation
) -> dict[str, Any]:
    page_url = urljoin(config.site_url or "", page.url)
    title = page.meta.get("title") or page.title or config.site_name  # not the nav's short name
    context["feedback_href"] = feedback_href(
        str(title), page_url, config.repo_url, _feedback_setting(config)
    )
    today = _state["today"]
    changes = _pending.get(page.file.src_uri, [])
    context["pending_changes"] = [(change, change.due(today)) for change in changes]
    return context


def on_post_build(config: MkDocsConfig) -> None:
    everything = feed.collect_entries(_entries, get_records())
    entries = feed.newest(everything, feed.LIMIT, frozenset(_state["listings"]))
    organisation = (config.extra.get("organisation") or {}).get("name") or config.site_name
    xml = feed.atom_feed(
        entries,
        title=f"{config.site_name}: what's new",
        site_url=config.site_url,
        author=str(organisation),
        listing_url=min(_state["listings"], default=""),
    )
    Path(config.site_dir, feed.FEED_PATH).write_bytes(xml)


def _feedback_setting(config: MkDocsConfig) -> Any:
    return (config.extra.get("organisation") or {}).get("feedback_url")


def _whats_new_macro(limit: int = feed.LIMIT) -> str:
    """Macro: the newest pages and case studies, as an HTML list (newest first)."""
    page = _state["macros"].page
    _state["listings"].add(page.url)
    entries = feed.collect_entries(_entries, get_records())
    latest = feed.newest(entries, limit, frozenset({page.url}))
    return feed.whats_new_html(latest, page.url, _state["templates"])
