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
from collections.abc import Callable
from typing import TYPE_CHECKING

import jinja2

if TYPE_CHECKING:
    from mkdocs.structure.pages import Page


class NavCache:
    """Rendered shared parts, keyed by part, template and the folder of the page they are for."""

    def __init__(self, nav_urls: set[str]) -> None:
        self.nav_urls = nav_urls
        self.html: dict[str, str] = {}

    def key(self, page: Page | None, part: str = "nav") -> str | None:
        """The cache key for `part` of `page`, or None if it must be rendered."""
        if page is None:
            return None
        url = page.url
        # With directory URLs a page is its own folder: a nav page inside
        # it would be linked differently from a neighbour's, so never share.
        inside = url.endswith("/") and any(u.startswith(url) for u in self.nav_urls if u != url)
        if url in self.nav_urls or inside:
            return None
        template = page.meta.get("template", "main.html") if page.meta else "main.html"
        return f"{part}|{template}|{posixpath.dirname(url.rstrip('/'))}"

    def part(self, page: Page | None, name: str, render: Callable[[], str]) -> str:
        """`name` of `page`: as rendered for the first page of its folder, or rendered now."""
        key = self.key(page, name)
        if key is None:
            return render()
        if key not in self.html:
            self.html[key] = render()
        return self.html[key]


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
