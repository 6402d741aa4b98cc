"""The accessibility statement's automated test results, from the tests' own record.

Events:
- on_page_markdown: on a page holding the marker line
  `<!-- automated-test-results -->`, replaces it with a table rendered from
  `docs/assets/data/accessibility-results.json` (overrides/fragments/
  accessibility-results.html). The browser tests write that file from the
  axe run and fail when its results no longer match (engine, rules,
  violations), so the statement cannot go stale silently. The number of
  pages comes from the build itself, so adding a page changes nothing here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger

import fragments

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

MARKER = "<!-- automated-test-results -->"
RESULTS = "assets/data/accessibility-results.json"
log = get_plugin_logger(__name__)


def render_results(results: dict[str, Any], pages: int, templates: str) -> str:
    """The results table as HTML, autoescaped. `pages`: HTML pages in this build."""
    return fragments.render(templates, "accessibility-results.html", r=results, pages=pages)


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any
) -> str:
    if MARKER not in markdown:
        return markdown
    path = Path(config.docs_dir) / RESULTS
    try:
        results = json.loads(path.read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        log.warning(
            f"docs/{page.file.src_uri}: the automated results cannot be read ({err}). "
            "Fix: run `make test` to write docs/" + RESULTS
        )
        return markdown
    # Every page is tested: the Markdown pages (generated ones too) and 404.
    pages = len(files.documentation_pages()) + 1
    html = render_results(results, pages, fragments.folder(config))
    return markdown.replace(MARKER, html)
