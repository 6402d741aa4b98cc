"""Site search with Pagefind: a search page, and an index built with the site.

Events: `on_files` adds the generated search page; `on_pre_build` starts a
Pagefind process (`pagefind_service.py`); `on_post_page` and
`on_post_template` send it each page as soon as it is final, so it indexes on
another core while MkDocs builds the next; `on_post_build` writes the index.
A `--dirty` build, which skips unchanged pages, indexes the folder instead;
`make serve`'s preview writes that index in the background.
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
import threading
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.exceptions import PluginError
from mkdocs.plugins import event_priority, get_plugin_logger
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


log = get_plugin_logger("search")

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


_state: dict[str, Any] = {"dirty": False, "preview": False, "index": None, "behind": None}


def on_startup(*, command: str, dirty: bool) -> None:
    _state["dirty"] = dirty
    _state["preview"] = command == "serve" and dirty


def on_pre_build(*, config: MkDocsConfig) -> None:
    _stop()
    shutil.rmtree(_new_folder(Path(config.site_dir)), ignore_errors=True)  # a stopped build's
    try:
        _state["index"] = PagefindService(INDEX_CONFIG)
    except (OSError, PagefindError) as error:
        raise PluginError(f"The search index could not be started: {error}") from error


@event_priority(-100)  # after every hook that changes the page
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if not _state["dirty"]:
        _add(output, page.file.dest_uri)
    return output


def _excluded(meta: dict[str, Any]) -> bool:
    """Front matter `search: exclude: true`, as overrides/main.html reads it.

    Also written by case_study_pages.UNSEARCHED, checked by page_front_matter.
    """
    search = meta.get("search")
    return isinstance(search, dict) and bool(search.get("exclude"))


@event_priority(-100)
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    if not _state["dirty"] and template_name.endswith(".html"):
        _add(output_content, template_name)
    return output_content


def on_post_build(*, config: MkDocsConfig) -> None:
    """Write the index; a failure stops the build rather than ship no search.

    In `make serve`'s preview the index is written in the background: the
    page an editor saved shows at once, and search catches up a moment later.
    """
    index, _state["index"] = _state["index"], None
    site_dir = Path(config.site_dir)
    try:
        if _state["dirty"]:
            index.add_folder(str(site_dir))
        if _state["preview"]:
            _state["behind"] = index
            threading.Thread(target=_write_quietly, args=(index, site_dir), daemon=True).start()
            return
        _write(index, site_dir)
    except PagefindError as error:
        raise PluginError(f"The search index could not be built: {error}") from error


def on_build_error(*, error: Exception) -> None:
    _stop()


def on_shutdown() -> None:
    _stop()  # `mkdocs serve` stopped while a preview index was being written


def _new_folder(site_dir: Path) -> Path:
    """Where the index is written, next to the old one (a `--dirty` build keeps it)."""
    return site_dir / ".pagefind-new"


def _write(index: PagefindService, site_dir: Path) -> None:
    """Write the index next to the old one, then swap."""
    new, old = _new_folder(site_dir), site_dir / "pagefind"
    index.write(str(new))
    for name in _UNUSED_UI:
        (new / name).unlink(missing_ok=True)
    shutil.rmtree(old, ignore_errors=True)
    new.rename(old)


def _write_quietly(index: PagefindService, site_dir: Path) -> None:
    try:
        _write(index, site_dir)
    except (OSError, PagefindError) as error:
        if _state["behind"] is index:  # not stopped by a newer build
            log.info("The preview's search index could not be built: %s", error)


def _add(html: str, path: str) -> None:
    try:
        _state["index"].add_page(indexed_part(html), path)
    except PagefindError as error:
        raise PluginError(f"The search index could not be built: {error}") from error


def _stop() -> None:
    """Stop this build's index, and any preview index still being written."""
    for key in ("index", "behind"):
        if _state[key] is not None:
            index, _state[key] = _state[key], None
            index.close()
