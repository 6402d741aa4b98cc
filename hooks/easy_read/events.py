"""Easy Read: pages in easy words with a picture for every point.

Events:
- `on_files` (after the content hook has read every page): an Easy Read
  page whose standard page a fork excluded is excluded too; each page's
  `easy_read` front matter checked and paired with its standard page
  (pairing.py), and each Easy Read page's text checked: sentence length,
  reading ease, a picture per point, no unexplained abbreviation
  (checks.py). One error lists every problem in every page.
- `on_page_markdown`: an Easy Read page hides the navigation and contents
  sidebars (Material's `hide`), so nothing competes with the text.
- `on_page_content`: an Easy Read page's points wrapped as rows (layout.py).
- `on_env`: `easy_read_links`, for the "Easy Read version" and "Standard
  version" links (fragments/easy-read-switch.html, included by main.html).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import InclusionLevel

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.common import fragments, page_store
from hooks.common.errors import raise_if_any
from hooks.easy_read.checks import check_page
from hooks.easy_read.layout import wrap_points
from hooks.easy_read.pairing import dropped_with_standard_page, pair_pages
from hooks.governance.reviews import review_today

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

HIDDEN = ("navigation", "toc")
_state: dict[str, Any] = {}


@event_priority(45)  # after the content hook (50) has filled page_store
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    documents = dict(page_store.items())
    excluded = {f.src_uri for f in files if f.is_documentation_page() and f.inclusion.is_excluded()}
    for src_uri in dropped_with_standard_page(documents, excluded):
        files.get_file_from_path(src_uri).inclusion = InclusionLevel.EXCLUDED
        del documents[src_uri]
    pages = {file.src_uri for file in files.documentation_pages()}
    pairs, problems = pair_pages(documents, pages, review_today(config.extra))
    # The glossary as the content hook read and checked it (on_config), for `abbr`.
    terms = config.mdx_configs.get("abbr", {}).get("glossary", {})
    for src_uri in pairs:
        doc = documents[src_uri]
        problems += check_page(doc.body, doc.path, doc.body_line, terms)
    raise_if_any(problems)
    _state["pairs"] = pairs  # each Easy Read page's standard page, by `src_uri`
    return files


def on_page_markdown(markdown: str, page: Page, **kwargs: Any) -> str:
    if page.file.src_uri in _state["pairs"]:
        hide = page.meta.get("hide")
        hide = list(hide) if isinstance(hide, list) else []
        page.meta["hide"] = [*hide, *(name for name in HIDDEN if name not in hide)]
    return markdown


def on_page_content(html: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    if page.file.src_uri not in _state["pairs"]:
        return html
    return wrap_points(html, fragments.folder(config))


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    links: dict[str, dict[str, Any]] = {}
    # Both pages exist: on_files checked the standard page, and dropped an
    # Easy Read page whose standard page a fork excluded.
    for src_uri, standard_page in _state["pairs"].items():
        own = files.get_file_from_path(src_uri)
        standard = files.get_file_from_path(standard_page)
        links[standard_page] = {"url": own.url, "easy_read": True}
        links[src_uri] = {"url": standard.url, "easy_read": False}
    env.globals["easy_read_links"] = links
    return env
