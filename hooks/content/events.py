"""Content checks: what editors write in docs/, checked as MkDocs reads it.

Events:
- `on_config`: the glossary's abbreviations become the `abbr` extension's
  glossary (abbreviations.py).
- `on_files` (first): every page's file and front matter read once, checked
  (page_fields.py) and stored in `page_store` for the other hooks.
- `on_page_markdown`: each page's Markdown linted (lint.py) and its links
  noted (links.py); the accessibility statement's results table put in
  (`_with_a11y_results`). Case-study stories' links are noted too.
- `on_env`: which files the site has, and which `exclude_docs` leaves out.
- `on_page_content`: each page's ids, for links to its headings.
- `on_post_build`: every broken link at once (links.py), one error.
"""

from __future__ import annotations

import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import event_priority, get_plugin_logger

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.case_studies.store import story_source
from hooks.common import fragments, page_store
from hooks.common.errors import Problem, raise_if_any
from hooks.common.front_matter import Document, markdown_body, read_document
from hooks.common.markdown_mask import mask
from hooks.content import abbreviations, page_fields
from hooks.content.links import (
    Link,
    check_links,
    ids_in,
    links_in,
    nav_problems,
    redirect_problems,
)
from hooks.content.lint import lint

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("content")
_state: dict[str, Any] = {
    "links": [], "ids": {}, "pages": set(), "excluded": set(), "unusable": {},
}  # fmt: skip
# The accessibility statement's automated test results, from the tests' own
# record: the marker line becomes a table rendered from A11Y_RESULTS
# (overrides/fragments/accessibility-results.html).
A11Y_MARKER = "<!-- automated-test-results -->"
A11Y_RESULTS = "assets/data/accessibility-results.json"


def on_config(config: MkDocsConfig) -> None:
    _state.update(links=[], ids={}, pages=set(), excluded=set(), unusable={})
    glossary = abbreviations.glossary(Path(config.config_file_path).parent)
    if glossary is None:
        return
    config.mdx_configs["abbr"] = {**config.mdx_configs.get("abbr", {}), "glossary": glossary}


@event_priority(50)  # before other hooks' on_files, which read page_store
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    documents: dict[str, Document] = {}
    problems: list[Problem] = []
    for file in files.documentation_pages():
        if file.generated_by or not file.abs_src_path:
            continue  # made by a hook in memory: not an editor's file
        # Named as an editor sees it, as every hook names a page (the base sets docs_dir).
        doc = read_document(Path(file.abs_src_path), f"docs/{file.src_uri}")
        documents[file.src_uri] = doc
        problems.extend(page_fields.check_document(doc))
        missing = page_fields.theme_problems(doc, config.theme.dirs)
        # A preview goes on after problems: the page is drawn without them.
        _state["unusable"][file.src_uri] = [problem.field for problem in missing]
        problems.extend(missing)
    config_file = Path(config.config_file_path)
    excluded = {f.src_uri for f in files if f.inclusion.is_excluded()}
    text = config_file.read_text(encoding="utf-8")
    problems.extend(nav_problems(config.nav, excluded, text, config_file.name))
    redirects = config.plugins.get("redirects")
    if redirects is not None:
        pages = {f.src_uri for f in files.documentation_pages()}
        maps = redirects.config.get("redirect_maps") or {}
        problems.extend(redirect_problems(maps, pages, text, config_file.name))
    page_store.set_documents(documents)
    raise_if_any(problems)
    return files


def on_page_markdown(
    markdown: str, page: Page, config: MkDocsConfig, files: Files, **kwargs: Any
) -> str:
    # Pages a hook made from data (case studies) have no document here: they
    # are checked where their data lives. Runs after the macros plugin, so
    # macro output is checked too.
    doc = page_store.get_document(page.file.src_uri)
    for name in _state["unusable"].get(page.file.src_uri, ()):
        del page.meta[name]  # a template or icon the theme does not have
    if doc is not None:
        text, line_of = markdown_body(markdown, doc)
        for problem in lint(text, doc.path):
            log.warning(str(replace(problem, line=line_of(problem.line))))
        links = links_in(mask(text), doc.path, page.file.src_uri)
        _state["links"] += [replace(link, line=line_of(link.line)) for link in links]
    else:
        _state["links"] += _story_links(page.file.src_uri)
    if A11Y_MARKER in markdown:
        markdown = _with_a11y_results(markdown, page, config, files)
    return markdown


def _with_a11y_results(markdown: str, page: Page, config: MkDocsConfig, files: Files) -> str:
    """`markdown` with the results table (autoescaped) in place of the marker."""
    try:
        results = json.loads(Path(config.docs_dir, A11Y_RESULTS).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        fix = "run `make a11y-results`"
        log.warning(
            f"docs/{page.file.src_uri}: the automated results cannot be read ({err}). Fix: {fix}"
        )
        return markdown
    # Every page is tested: the Markdown pages (generated ones too) and 404, so
    # the number comes from the build itself and adding a page changes nothing here.
    pages = len(files.documentation_pages()) + 1
    templates = fragments.folder(config)
    table = fragments.render(templates, "accessibility-results.html", r=results, pages=pages)
    return markdown.replace(A11Y_MARKER, table)


def on_env(env: jinja2.Environment, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    _state["pages"] = {f.src_uri for f in files if f.inclusion.is_included()}
    _state["excluded"] = {f.src_uri for f in files if f.inclusion.is_excluded()}
    return env


@event_priority(-50)  # after the other hooks have added to the content
def on_page_content(html: str, page: Page, **kwargs: Any) -> str:
    _state["ids"][page.file.src_uri] = ids_in(html)
    return html


def on_post_build(config: MkDocsConfig) -> None:
    raise_if_any(check_links(_state["links"], _state["pages"], _state["excluded"], _state["ids"]))


def _story_links(src_uri: str) -> list[Link]:
    """A case study's links, located in its own file (case_studies/<slug>.md)."""
    source = story_source(src_uri)
    if source is None:
        return []
    path, body, body_line = source
    return links_in(mask(body), path, src_uri, body_line - 1)
