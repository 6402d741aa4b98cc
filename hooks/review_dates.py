"""Review dates: when each page's facts were last checked, and when they are next due.

Events:
- `on_config`: forget the last build (hooks stay loaded in `mkdocs serve`) and
  read the default interval (`extra.review_interval_months`) and "today"
  (`extra.review_today`, set only by test fixtures; otherwise the clock).
- `on_files`: read every content page's front matter once, check
  `last_reviewed`, `review_interval_months` and `owner`, and raise one
  `EditorError` listing every problem. An overdue page is not a problem.
- `on_page_markdown`: put the page's `ReviewState` in `page.meta["review"]`
  for the templates (review line, overdue notice).
"""

from __future__ import annotations

from pathlib import Path
from typing import TYPE_CHECKING, Any

from case_study_store import get_records
from editor_errors import Problem, raise_if_any
from front_matter import read_document
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
    set_reviewed_pages([])
    _settings["interval"] = default_interval(config.extra)
    _settings["today"] = review_today(config.extra)


def on_files(files: Files, config: MkDocsConfig) -> None:
    problems: list[Problem] = []
    docs_dir = Path(config.docs_dir)
    for file in files.documentation_pages():
        if file.generated_by is not None or not is_content_page(file.src_uri):
            continue
        doc = read_document(docs_dir / file.src_path, f"docs/{file.src_uri}")
        problems.extend(doc.problems)
        if doc.problems:
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
        source = next((r for r in get_records() if r.get("url") == page.url), {})
    last = parse_date(source.get("last_reviewed"))
    if last is None:
        return None
    interval = source.get("review_interval_months", _settings["interval"])
    if isinstance(interval, bool) or not isinstance(interval, int) or interval < 1:
        interval = _settings["interval"]
    return review_state(last, interval, _settings["today"], source.get("owner"))
