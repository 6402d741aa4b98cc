"""Split a list of case-study cards into numbered pages, GOV.UK style.

Pure functions, no MkDocs events: `pages.py` uses them for the
index and each listing page. Page 1 keeps its address; page n lives at
`<page>/page/<n>/`. The pagination links follow the GOV.UK Design System
pattern (https://design-system.service.gov.uk/components/pagination/):
first, last, current and its neighbours, with an ellipsis for a gap.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from dataclasses import dataclass
from typing import TypeVar

T = TypeVar("T")

# A docs page here would take the address of a page of cards.
_PAGED = re.compile(r"case-studies/(?:[^/]+/[^/]+/)?page/\d+(?:/index)?\.md")


def page_uri(src_uri: str, number: int) -> str:
    """`case-studies/index.md`, 3 → `case-studies/page/3.md` (page 1: `src_uri` itself)."""
    if number == 1:
        return src_uri
    stem = src_uri.removesuffix(".md").removesuffix("/index")
    return f"{stem}/page/{number}.md"


def is_paged_address(src_uri: str) -> bool:
    return _PAGED.fullmatch(src_uri) is not None


def chunks(items: list[T], size: int) -> list[list[T]]:
    """`items` in pages of `size`; one (maybe empty) page when they all fit."""
    return [items[i : i + size] for i in range(0, len(items), size)] or [[]]


def numbers(current: int, count: int) -> list[int | None]:
    """The page numbers to link to; None where pages are left out (an ellipsis)."""
    wanted = sorted({1, count, *range(max(1, current - 1), min(count, current + 1) + 1)})
    shown: list[int | None] = []
    last = 0
    for n in wanted:
        if n - last == 2:
            shown.append(n - 1)  # one page left out: its number costs no more than "⋯"
        elif n - last > 2:
            shown.append(None)
        shown.append(n)
        last = n
    return shown


@dataclass(frozen=True)
class Pagination:
    """What the pagination fragment shows on one page: hrefs relative to it."""

    current: int
    count: int
    total: int  # cards on all the pages together
    previous: str | None
    next: str | None
    links: list[tuple[int | None, str | None]]  # (number, href); (None, None) for a gap


def paginate(current: int, count: int, total: int, href: Callable[[int], str]) -> Pagination:
    """Page `current` of `count` (`total` cards in all); `href(n)` links to page n."""
    return Pagination(
        current,
        count,
        total,
        href(current - 1) if current > 1 else None,
        href(current + 1) if current < count else None,
        [(n, None if n is None else href(n)) for n in numbers(current, count)],
    )
