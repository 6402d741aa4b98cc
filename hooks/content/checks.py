"""Accessibility checks of a page's Markdown: images, links, headings, tables.

Pure functions over (masked) Markdown text; each returns `Problem`s with the
line in the source file. `content_lint.py` runs them at build time.
"""

from __future__ import annotations

import re

from hooks.common.errors import Problem

VAGUE_LINK_TEXT = {
    "click here",
    "click",
    "here",
    "read more",
    "more",
    "this",
    "this page",
    "link",
    "learn more",
    "find out more",
    "more info",
    "more information",
    "go",
    "see here",
}
_IMAGE = re.compile(r"!\[([^\]]*)\]\(")
# An image's address and optional title, up to its closing bracket, then
# `{ .decorative }` straight after: the one way to say it needs no alt text.
_DECORATIVE = re.compile(
    r"""(?:[^()\s]|\([^()\s]*\))*(?:\s+(?:"[^"]*"|'[^']*'))?\)"""
    r"\{:?[^}]*(?<![\w-])\.decorative(?![\w-])[^}]*\}"
)
_LINK = re.compile(r"(?<![!\\])\[([^\]\n]*)\]\(([^)\s]*)")
_AUTOLINK = re.compile(r"<((?:https?|mailto):[^>\s]+)>")
_URL_TEXT = re.compile(r"^(https?://|www\.)", re.IGNORECASE)
_ATX = re.compile(r"^ {0,3}(#{1,6})(?:[ \t]+(.*?))?[ \t#]*$")
_ATTRS = re.compile(r"\{[^}]*\}\s*$")
_TABLE_RULE = re.compile(r"^\s*\|?\s*:?-+:?\s*(\|\s*:?-+:?\s*)+\|?\s*$")
_MARKUP = re.compile(r"[*_`~]|!\[[^\]]*\]\([^)]*\)|:[a-z0-9_-]+:")


def _plain(text: str) -> str:
    return _MARKUP.sub("", text).strip()


def check_images(text: str, path: str, offset: int = 0) -> list[Problem]:
    found = []
    for n, line in enumerate(text.split("\n"), start=1 + offset):
        for m in _IMAGE.finditer(line):
            decorative = _DECORATIVE.match(line, m.end())
            if not m.group(1).strip() and not decorative:
                found.append(
                    Problem(
                        path,
                        n,
                        "image",
                        "the image has no alt text",
                        "describe what the image shows inside ![...]; if it is only "
                        "decorative, leave the brackets empty and mark it straight after: "
                        "![](picture.svg){ .decorative }",
                    )
                )
    return found


def check_links(text: str, path: str, offset: int = 0) -> list[Problem]:
    found = []
    for n, line in enumerate(text.split("\n"), start=1 + offset):
        for m in _LINK.finditer(line):
            words = _plain(m.group(1))
            problem = link_text_problem(words)
            if problem:
                found.append(Problem(path, n, "link", problem, _LINK_FIX))
        for m in _AUTOLINK.finditer(line):
            found.append(
                Problem(
                    path, n, "link", f"the link text is a bare address ({m.group(1)})", _LINK_FIX
                )
            )
    return found


_LINK_FIX = "write link text that says where the link goes, like [the Care Act 2014](...)"


def link_text_problem(words: str) -> str | None:
    """Why this link text does not work out of context, or None if it does."""
    if not words:
        return "the link has no text"
    if words.lower().strip(" .!?:") in VAGUE_LINK_TEXT:
        return f"the link text '{words}' does not say where the link goes"
    if _URL_TEXT.match(words):
        return f"the link text is a bare address ({words})"
    return None


def headings(text: str, offset: int = 0) -> list[tuple[int, int, str]]:
    """(line, level, text) for every ATX and setext heading."""
    found = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        n = i + 1 + offset
        m = _ATX.match(line)
        if m:
            found.append((n, len(m.group(1)), _ATTRS.sub("", m.group(2) or "").strip()))
        elif i and lines[i - 1].strip() and re.match(r"^ {0,3}(=+|-+)\s*$", line):
            prev = lines[i - 1]
            if not re.match(r"^\s*([-*+>|]|\d+\.|#)", prev):
                level = 1 if line.strip()[0] == "=" else 2
                found.append((n - 1, level, _ATTRS.sub("", prev).strip()))
    return found


def check_headings(text: str, path: str, offset: int = 0) -> list[Problem]:
    found = []
    previous = 1  # Material shows the page title as the h1 when the page has none.
    seen_h1 = False
    for n, level, words in headings(text, offset):
        if not _plain(words):
            found.append(
                Problem(
                    path,
                    n,
                    "heading",
                    "the heading is empty",
                    "write the heading's words after the # signs",
                )
            )
        if level == 1:
            if seen_h1:
                found.append(
                    Problem(
                        path,
                        n,
                        "heading",
                        "this is a second level-1 heading",
                        "use ## here: a page has one # heading, its title",
                    )
                )
            seen_h1 = True
        elif level > previous + 1:
            found.append(
                Problem(
                    path,
                    n,
                    "heading",
                    f"the heading jumps from level {previous} to level {level}",
                    f"use {'#' * (previous + 1)} here, or add the missing level above",
                )
            )
        previous = level
    return found


def check_tables(text: str, path: str, offset: int = 0) -> list[Problem]:
    found = []
    lines = text.split("\n")
    for i, line in enumerate(lines):
        if i and "-" in line and _TABLE_RULE.match(line):
            cells = [c.strip() for c in lines[i - 1].strip().strip("|").split("|")]
            if not any(_plain(c) for c in cells):
                found.append(
                    Problem(
                        path,
                        i + offset,
                        "table",
                        "the table has no header row",
                        "write a heading for each column in the first row",
                    )
                )
    return found


def check_markdown(text: str, path: str, offset: int = 0) -> list[Problem]:
    """Every Markdown check on masked text."""
    return [
        *check_images(text, path, offset),
        *check_links(text, path, offset),
        *check_headings(text, path, offset),
        *check_tables(text, path, offset),
    ]
