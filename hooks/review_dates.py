"""Review dates: when each page's facts were last checked, and when they are next due.

Events:
- `on_config`: forget the last build (hooks stay loaded in `mkdocs serve`) and
  read the default interval (`extra.review_interval_months`) and "today"
  (`extra.review_today`, set only by test fixtures; otherwise the clock).
- `on_files`: take every content page's front matter from `page_store`
  (read once by page_front_matter.py, which runs first), check
  `last_reviewed`, `review_interval_months` and `owner`, and raise one
  `EditorError` listing every problem. An overdue page is not a problem.
- `on_page_markdown`: put the page's `ReviewState` in `page.meta["review"]`
  for the templates (review line, overdue notice).
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

import page_store
from case_study_store import get_records
from editor_errors import Problem, raise_if_any
from review_store import ReviewedPage, set_reviewed_pages
from reviews import (
    ReviewState,
    check_review_fields,
    default_interval,
    is_content_page,
    parse_date,
    review_state,
    review_today,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

_settings: dict[str, Any] = {}
_pages: dict[str, ReviewedPage] = {}  # by src_uri, for on_page_markdown


def on_config(config: MkDocsConfig) -> None:
    _pages.clear()
    _settings.pop("records_by_url", None)
    set_reviewed_pages([])
    _settings["interval"] = default_interval(config.extra)
    _settings["today"] = review_today(config.extra)


def on_files(files: Files, config: MkDocsConfig) -> None:
    problems: list[Problem] = []
    for file in files.documentation_pages():
        doc = page_store.get_document(file.src_uri)  # None for generated pages
        if doc is None or not is_content_page(file.src_uri):
            continue
        state, found = check_review_fields(
            doc, _settings["interval"], _settings["today"], required=True
        )
        problems.extend(found)
        if state is not None:
            _pages[file.src_uri] = ReviewedPage(
                file.src_uri,
                file.url,
                str(doc.meta.get("title") or file.name),
                str(doc.meta.get("description") or ""),
                state,
            )
    raise_if_any(problems)
    set_reviewed_pages(list(_pages.values()))


def on_page_markdown(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    reviewed = _pages.get(page.file.src_uri)
    state = reviewed.review if reviewed else _generated_page_state(page)
    if state is not None:
        page.meta["review"] = state
    return markdown


def _generated_page_state(page: Page) -> ReviewState | None:
    """A generated page (a case study) shows review dates if it has them."""
    source: dict[str, Any] = page.meta
    if "last_reviewed" not in source:
        if "records_by_url" not in _settings:  # once per build, not once per page
            _settings["records_by_url"] = {r.get("url"): r for r in get_records()}
        source = _settings["records_by_url"].get(page.url, {})
    last = parse_date(source.get("last_reviewed"))
    if last is None:
        return None
    interval = source.get("review_interval_months", _settings["interval"])
    if isinstance(interval, bool) or not isinstance(interval, int) or interval < 1:
        interval = _settings["interval"]
    return review_state(last, interval, _settings["today"], source.get("owner"))
