"""The navigation, rendered once per folder for pages that are not in it.

The output hook notes the address of every page in the navigation
(`on_nav`) and gives templates a `NavCache` as `nav_cache` (`on_env`).
overrides/partials/shared-part.html uses it for
each shared part: the navigation list (partials/nav.html), the header
around the page's title (partials/header.html), and the footer and the
theme's settings script (main.html), which are the same for the same reasons.

Why: Material renders the whole navigation into every page, about 2.8 ms a
page here, and most of a case study's build time. A page that is not in the
navigation (a case study, a filter listing, the search page) marks no item
as active, so its navigation differs from a neighbour's only through the
relative links, which are the same for every page in the same folder. The
first such page in a folder renders the navigation; the rest reuse it.
Pages in the navigation are always rendered in full.

`CompiledTemplates` keeps the theme's compiled templates for the next build
of the same process (`mkdocs serve`).
"""

from __future__ import annotations

import posixpath
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page


class NavCache:
    """Rendered navigation lists, keyed by the folder of the page they are for."""

    def __init__(self, nav_urls: set[str]) -> None:
        self.nav_urls = nav_urls
        self.html: dict[str, str] = {}
        self.folders: dict[str, str | None] = {}  # page URL -> its folder, if shared

    def key(self, page: Page | None, part: str = "nav") -> str | None:
        """The cache key for `part` of `page`, or None if it must be rendered."""
        if page is None:
            return None
        template = page.meta.get("template", "main.html") if page.meta else "main.html"
        folder = self._folder(page.url)
        if folder is None:
            return None
        return f"{part}|{template}|{folder}"

    def _folder(self, url: str) -> str | None:
        """The folder whose pages share `url`'s navigation, worked out once per page."""
        if url not in self.folders:
            # With directory URLs a page is its own folder: a nav page inside
            # it would be linked differently from a neighbour's, so never share.
            inside = url.endswith("/") and any(u.startswith(url) for u in self.nav_urls if u != url)
            shared = url not in self.nav_urls and not inside
            self.folders[url] = posixpath.dirname(url.rstrip("/")) if shared else None
        return self.folders[url]

    def get(self, key: str | None) -> str | None:
        return None if key is None else self.html.get(key)

    def keep(self, key: str | None, html: str) -> str:
        """Remember `html` for `key` (if there is one) and return it."""
        if key is not None:
            self.html[key] = html
        return html


class CompiledTemplates(jinja2.BytecodeCache):
    """The theme's templates as compiled, kept from one build to the next.

    MkDocs makes a new theme environment for every build, which compiles
    Material's templates again: a sixth of a preview's rebuild (`make serve`)
    at 1,000 case studies. Jinja keys each template by its name and source,
    so an edited template is compiled afresh.
    """

    def __init__(self) -> None:
        self.compiled: dict[str, bytes] = {}

    def load_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        if bucket.key in self.compiled:
            bucket.bytecode_from_string(self.compiled[bucket.key])

    def dump_bytecode(self, bucket: jinja2.bccache.Bucket) -> None:
        self.compiled[bucket.key] = bucket.bytecode_to_string()


# Kept for the life of the process: `mkdocs serve` builds many times.
COMPILED = CompiledTemplates()
