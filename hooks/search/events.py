"""Site search with Pagefind: a search page, and an index built with the site.

Events: `on_files` adds the generated search page; `on_pre_build` starts a
Pagefind process (`pagefind_service.py`); `on_post_page` sends it each page
as soon as it is final, so it indexes on another core while MkDocs builds the
next; `on_post_build` writes the index. A page with `search: exclude: true`
has no `data-pagefind-body`, so Pagefind leaves it out by itself; the
theme's 404 page, which has none either, is not sent.
A `--dirty` build, which skips unchanged pages, indexes the folder instead;
in `make serve`'s preview Pagefind writes that index while the preview goes on.
`on_build_error` and `on_shutdown` stop the process. Why Pagefind rather than Material's search:
Material's worker downloads the whole index on every first visit, and that
index grows with every case study. Pagefind splits its index into chunks
that are fetched only when a reader searches, so a first visit costs nothing
for search whatever the size of the site. It reads plain HTML, so a move to
Zensical (Material's successor) would keep it as it is.
"""

from __future__ import annotations

import shutil
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.search.pagefind_service import PagefindError, PagefindService, indexed_part

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

SEARCH_PAGE = """---
title: Search
description: Search every page and case study in this guide.
template: search.html
webassembly: true
search:
  exclude: true
---

# Search
"""


# Heading permalinks ("¶") are not part of a page's title or text.
INDEX_CONFIG = {"exclude_selectors": [".headerlink"]}

# Pagefind's ready-made interfaces; the search page has its own, smaller one.
_UNUSED_UI = (
    "pagefind-ui.js",
    "pagefind-ui.css",
    "pagefind-component-ui.js",
    "pagefind-component-ui.css",
    "pagefind-modular-ui.js",
    "pagefind-modular-ui.css",
    "pagefind-highlight.js",
)


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    """Add the search page; its form and results come from overrides/search.html."""
    page = File.generated(
        config, "search.md", content=SEARCH_PAGE, inclusion=InclusionLevel.NOT_IN_NAV
    )
    files.append(page)
    return files


_state: dict[str, Any] = {"dirty": False, "preview": False, "index": None}


def on_startup(*, command: str, dirty: bool) -> None:
    _state["dirty"] = dirty
    _state["preview"] = command == "serve" and dirty


def on_pre_build(*, config: MkDocsConfig) -> None:
    _stop()
    try:
        _state["index"] = PagefindService(INDEX_CONFIG)
    except (OSError, PagefindError) as error:
        raise PluginError(f"The search index could not be started: {error}") from error


@event_priority(-100)  # after every hook that changes the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if _state["dirty"]:
        return output  # the folder is indexed at the end instead
    try:
        _state["index"].add_page(indexed_part(output), page.file.dest_uri)
    except PagefindError as error:
        raise PluginError(f"The search index could not be built: {error}") from error
    return output


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the index; a failure stops the build rather than ship no search.

    In `make serve`'s preview Pagefind writes the index itself, while the
    preview goes on: the page an editor saved shows at once, and search
    catches up a moment later (the next build or the end of `serve` stops it).
    """
    index = _state["index"]
    folder = Path(config.site_dir, "pagefind")
    try:
        if _state["dirty"]:
            index.add_folder(config.site_dir)
        if _state["preview"]:
            index.write_later(str(folder))
            return
        _state["index"] = None
        shutil.rmtree(folder, ignore_errors=True)  # a `--dirty` build's old index
        index.write(str(folder), leave_out=_UNUSED_UI)
    except PagefindError as error:
        raise PluginError(f"The search index could not be built: {error}") from error


def on_build_error(*, error: Exception) -> None:
    _stop()


def on_shutdown() -> None:
    _stop()  # `mkdocs serve` stopped while a preview index was being written


def _stop() -> None:
    """Stop this build's index, or the preview's, still being written."""
    if _state["index"] is not None:
        index, _state["index"] = _state["index"], None
        index.close()
