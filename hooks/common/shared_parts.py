"""Work done once on the parts many pages share, then skipped on each page.

Pure helpers, no MkDocs. `nav_cache.py` renders the header, navigation,
footer and theme settings once per folder for pages outside the navigation
(a case study, a listing); with 1,000 case studies those parts are most of
every page's bytes. Minifying a page (`production.py`) and scanning it for
the security policy (`page_safety.py`) both cost time in proportion to its
bytes, so both can do the shared parts once and each page's own text only.

A faster path that skips a part must give exactly what the full work gives.
`Skipping` makes sure: on the first page with a part, both paths run; only if
they agree is the part skipped on the pages after it.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import Any, TypeVar

Span = tuple[int, int, str]  # where a part's text starts and ends in a page, and the text
T = TypeVar("T")


def locate(html: str, parts: Iterable[str]) -> list[Span]:
    """Where each part first appears in `html`, in page order, leaving out overlaps."""
    found = sorted(
        (at, at + len(text), text) for text in parts if text and (at := html.find(text)) >= 0
    )
    spans: list[Span] = []
    for span in found:
        if not spans or span[0] >= spans[-1][1]:
            spans.append(span)
    return spans


class Skipping:
    """One hook's work on shared parts in one build: whose parts, and what was checked."""

    def __init__(self, cache: Any = None) -> None:
        self.cache = cache  # nav_cache's NavCache (its `parts_of`), or None if that hook is off
        # For each part's text: whether skipping it gave the same result as the
        # full work on the first page that had it. A part that did not is never
        # skipped again.
        self.verdicts: dict[str, bool] = {}

    def run(
        self,
        html: str,
        url: str,
        whole: Callable[[str], T],
        around: Callable[[str, list[Span]], T],
    ) -> T:
        """The work on the page at `url`: `around(html, spans)` once that is checked.

        `whole(html)` is the full work; `around` skips the page's shared parts.
        """
        parts = self.cache.parts_of(url) if self.cache is not None else []
        spans = locate(html, (text for text in parts if self.verdicts.get(text, True)))
        if not spans:
            return whole(html)
        new = [text for _, _, text in spans if text not in self.verdicts]
        if not new:
            return around(html, spans)
        result = whole(html)
        agree = around(html, spans) == result
        for text in new:
            self.verdicts[text] = agree
        return result
