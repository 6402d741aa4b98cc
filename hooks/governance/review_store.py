"""The reviewed content pages of the current build, shared between modules.

The `review_dates` hook fills it in `on_files`; `feed` (what's new) reads it.
It lives outside the hooks because MkDocs loads each hook under its file
path, so one hook cannot import another's state.
"""

from __future__ import annotations

from dataclasses import dataclass

from hooks.governance.reviews import ReviewState


@dataclass(frozen=True)
class ReviewedPage:
    """A content page's review state, with what the feed and the report show."""

    src_uri: str
    url: str
    title: str
    description: str
    review: ReviewState


_pages: list[ReviewedPage] = []


def set_reviewed_pages(pages: list[ReviewedPage]) -> None:
    """Replace the store (called once per build, so `mkdocs serve` starts fresh)."""
    _pages[:] = pages


def get_reviewed_pages() -> list[ReviewedPage]:
    """Content pages of the current build with their review state, in file order."""
    return list(_pages)
