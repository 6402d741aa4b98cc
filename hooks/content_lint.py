"""Content lint: accessibility and safety of what editors write.

Events:
- on_page_markdown: checks the page's Markdown (code and comments masked)
  for images without alt text, vague or empty link text, skipped or second
  level-1 headings, empty headings, tables without a header row
  (content_checks.py), and raw HTML outside the allow-list, script-running
  markup and inline styles (raw_html.py). Each finding is a warning
  `docs/<file>.md:<line>: <what>: problem. Fix: …`; `strict: true` makes any
  warning fail the build, after every page has been checked.

Runs after the macros plugin (hooks load after plugins), so macro output is
checked too; line numbers then refer to the file as written.
"""

from __future__ import annotations

from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger

import page_store
from content_checks import check_markdown
from editor_errors import Problem
from markdown_mask import mask
from raw_html import check_raw_html

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)


def lint(markdown: str, path: str, offset: int = 0) -> list[Problem]:
    """Every problem in `markdown`; `offset` is the number of front-matter lines."""
    text = mask(markdown)
    return sorted([*check_markdown(text, path, offset), *check_raw_html(text, path, offset)])


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any
) -> str:
    # The file as page_front_matter.py read it; pages a hook made from data
    # (case studies) have none and are checked where their data lives.
    doc = page_store.get_document(page.file.src_uri)
    if doc is None:
        return markdown
    # MkDocs drops the blank lines after the front matter; count them back.
    offset = doc.body_line - 1 + len(doc.body) - len(doc.body.lstrip("\n"))
    for problem in lint(markdown, doc.path, offset):
        log.warning(str(problem))
    return markdown
