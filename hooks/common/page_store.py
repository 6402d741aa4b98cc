"""The parsed front matter of every docs/ page in the current build.

The content hook fills it in `on_files` (page_fields.py); other hooks (the macros guard,
review dates, content lint) read it, so each page's file is read and parsed once per build.
Keys are MkDocs `src_uri`s (`guide/start.md`).
"""

from __future__ import annotations

from hooks.common.front_matter import Document

_documents: dict[str, Document] = {}


def set_documents(documents: dict[str, Document]) -> None:
    """Replace the documents (called once per build, so `mkdocs serve` starts fresh)."""
    _documents.clear()
    _documents.update(documents)


def get_document(src_uri: str) -> Document | None:
    """The page's parsed file, or None for a page that is not a file in docs/."""
    return _documents.get(src_uri)


def items() -> list[tuple[str, Document]]:
    """Every page's (`src_uri`, document), in `src_uri` order."""
    return sorted(_documents.items())
