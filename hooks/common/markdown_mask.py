"""Blank out what content checks must not read, keeping every line where it was.

Code (fenced blocks and inline spans) and HTML comments can legitimately show
`<script>` or "click here"; the checks read a masked copy instead, in which
those characters are spaces, so line numbers still match the file.
"""

from __future__ import annotations

import re
from collections.abc import Collection

_FENCE = re.compile(r"^\s*(`{3,}|~{3,})")
_INLINE_CODE = re.compile(r"(`+)(.+?)\1")
_COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)
_MACRO = re.compile(r"\{\{|\{%")  # where the macros plugin's Jinja starts


def _blank(match: re.Match[str]) -> str:
    return re.sub(r"[^\n]", " ", match.group(0))


def mask(markdown: str) -> str:
    """`markdown` with code and comments replaced by spaces, newlines kept."""
    lines = markdown.split("\n")
    fence: str | None = None
    for i, line in enumerate(lines):
        found = _FENCE.match(line)
        if fence is None and found:
            fence = found.group(1)[0] * 3
            lines[i] = ""
        elif fence is not None:
            if found and found.group(1).startswith(fence):
                fence = None
            lines[i] = ""
    text = "\n".join(lines)
    text = _COMMENT.sub(_blank, text)
    return _INLINE_CODE.sub(_blank, text)


def macro_lines(markdown: str, names: Collection[str] = ()) -> list[int]:
    """The lines (counted from 0) where macro code starts outside code: any `{{` or
    `{%`, or, given `names`, a `{{ … }}` or `{% … %}` that calls one of them."""
    pattern = _MACRO
    if names:
        called = "|".join(map(re.escape, names))
        pattern = re.compile(rf"\{{[{{%][^}}]*?\b(?:{called})\s*\(")  # may span lines
    text = mask(markdown)
    return sorted({text.count("\n", 0, m.start()) for m in pattern.finditer(text)})
