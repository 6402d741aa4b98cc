"""Site search with Pagefind: a search page, and an index built after the site.

Events: `on_files` adds the generated search page; `on_post_build` runs
Pagefind over the built HTML. Why Pagefind rather than Material's search:
Material's worker downloads the whole index on every first visit, and that
index grows with every case study. Pagefind splits its index into chunks
that are fetched only when a reader searches, so a first visit costs nothing
for search whatever the size of the site. It reads plain HTML, so a move to
Zensical (Material's successor) would keep it as it is.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError
from mkdocs.structure.files import File, InclusionLevel

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

SEARCH_PAGE = """---
title: Search
description: Search every page and case study in this guide.
template: search.html
webassembly: true
---

# Search
"""


# Heading permalinks ("¶") are not part of a page's title or text.
_OPTIONS = ("--exclude-selectors", ".headerlink")

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


def on_post_build(*, config: MkDocsConfig) -> None:
    """Index the built site; a failure stops the build rather than ship no search."""
    build_index(Path(config.site_dir))


def build_index(site_dir: Path) -> None:
    """Run Pagefind over `site_dir`, writing the index to `site_dir/pagefind/`."""
    result = subprocess.run(  # noqa: S603 - our own pinned tool, fixed arguments
        [sys.executable, "-m", "pagefind", "--site", str(site_dir), "--silent", *_OPTIONS],
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise PluginError(f"The search index could not be built:\n{result.stderr.strip()}")
    for name in _UNUSED_UI:
        (site_dir / "pagefind" / name).unlink(missing_ok=True)
