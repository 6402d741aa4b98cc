"""The guide's Easy Read pages, found as the build finds them: by `easy_read` front matter."""

from __future__ import annotations

from hooks.common.front_matter import read_document
from tests.support.sites import ROOT

DOCS = ROOT / "docs"


def easy_read_pages() -> dict[str, str]:
    """Every Easy Read page's `src_uri` and the `src_uri` of its standard page."""
    pages = {}
    for path in sorted(DOCS.rglob("*.md")):
        doc = read_document(path, path.as_posix())
        if isinstance(doc.meta.get("easy_read"), dict):
            pages[path.relative_to(DOCS).as_posix()] = doc.meta["easy_read"]["standard_page"]
    return pages


def url_path(src_uri: str) -> str:
    """The page's address relative to the site root, with directory URLs."""
    stem = src_uri.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"
