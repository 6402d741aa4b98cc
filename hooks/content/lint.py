"""Content lint: accessibility and safety of what editors write.

`lint` checks a page's Markdown, with code and comments masked
(common/markdown_mask.py), so each line number is the file's own:

- images without alt text, vague or empty link text, skipped or second
  level-1 headings, empty headings and tables without a header row;
- raw HTML written inside Markdown: safety first, then accessibility. Only
  tags and attributes on the allow-lists below may appear. Script-running
  markup (`<script>`, `<iframe>`, `<object>`, `<embed>`, `<style>`, `on…`
  handlers, `javascript:` and `data:` addresses) is refused with its own
  message; inline styles are refused because the Content-Security-Policy
  blocks them and colour set by hand escapes the contrast checks. Images
  need `alt`, tables need header cells, links need words.

The content hook logs each finding as a warning,
`docs/<file>.md:<line>: <what>: problem. Fix: …`; `strict: true` makes any
warning fail the build once every page has been checked.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from markdown.extensions.attr_list import get_attrs_and_remainder

from hooks.common.errors import Problem
from hooks.common.markdown_mask import mask

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
# [text][label] (or [text][]) and the [label]: address lines that give them addresses.
_REFERENCE = re.compile(r"(?<!\\)\[([^\]\n]+)\]\[([^\]\n]*)\]")
_DEFINED = re.compile(r"^ {0,3}\[([^\]\n]+)\]:", re.MULTILINE)
_FOOTNOTE = re.compile(r"\[\^[^\]\n]*\]")
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


def check_references(text: str, path: str, offset: int = 0) -> list[Problem]:
    """Reference links ([text][label]) whose label no line on the page defines.

    Markdown shows such a link as its bracketed text, with no link at all.
    """
    defined = {_label(m.group(1)) for m in _DEFINED.finditer(text)}
    found = []
    for n, line in enumerate(text.split("\n"), start=1 + offset):
        line = _FOOTNOTE.sub(lambda m: " " * len(m.group()), line)  # [^1]: not a link
        for m in _REFERENCE.finditer(line):
            label = m.group(2) or m.group(1)
            if _label(label) in defined:
                continue
            found.append(
                Problem(
                    path,
                    n,
                    "link",
                    f"the link '{m.group(0)}' has no address: no line on the page "
                    f"starts '[{label}]:'",
                    f"add a line '[{label}]: address' below the paragraph, or write "
                    "the link as [text](address)",
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


def _label(label: str) -> str:
    """A reference label as Markdown matches it: case and spacing do not count."""
    return " ".join(label.lower().split())


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


# Raw HTML written inside Markdown: the allow-lists, and what is refused outright.
_TAGS = (
    "a abbr b blockquote br caption cite code dd del details dfn div dl dt em figcaption "
    "figure h2 h3 h4 h5 h6 hr i img ins kbd li mark ol p picture pre q s samp small source "
    "span strong sub summary sup table tbody td tfoot th thead time tr u ul var"
)
ALLOWED_TAGS = frozenset(_TAGS.split())
_ATTRIBUTES = (
    "class id title lang dir href src srcset alt width height open markdown colspan rowspan "
    "scope headers start reversed type cite datetime loading decoding media sizes role"
)
ALLOWED_ATTRIBUTES = frozenset(_ATTRIBUTES.split())
DANGEROUS_TAGS = {
    "script": "it runs code in the reader's browser",
    "iframe": "it loads another site inside the page",
    "object": "it runs a plug-in or loads another site",
    "embed": "it runs a plug-in or loads another site",
    "style": "it restyles the whole site and is blocked by the Content-Security-Policy",
}
_URL_ATTRIBUTES = ("href", "src", "srcset", "cite")
_BAD_SCHEME = re.compile(r"^\s*(javascript|data|vbscript):", re.IGNORECASE)
_COLOUR = re.compile(r"(^|[;\s])(color|background(-color)?)\s*:", re.IGNORECASE)
# Python-Markdown's attribute list, as its attr_list extension finds one.
# Python-Markdown's attribute list: to the first "}", and (as attr_list reads
# it) to the last, for a "}" inside a quoted value.
_ATTR_LISTS = (re.compile(r"\{:?[ ]*([^}\n ][^}\n]*)\}"), re.compile(r"\{:?[ ]*([^}\n ][^\n]*)\}"))
_HTML_FIX = (
    "use Markdown instead, or ask a maintainer to add it to the allow-list in hooks/content/lint.py"
)


def attribute_problem(name: str, value: str) -> tuple[str, str] | None:
    """What is wrong with an attribute that runs code or sets a style, and the fix.

    The same rules hold however an editor writes the attribute: in raw HTML,
    or in an attribute list after a heading, paragraph, link or image
    (`{ onclick="…" }`, Python-Markdown's attr_list).
    """
    if name.startswith("on"):
        return (
            f"the {name} attribute runs code in the reader's browser",
            "remove it; the site's own scripts add any behaviour",
        )
    if name in _URL_ATTRIBUTES and _BAD_SCHEME.match(value):
        scheme = value.strip().split(":", 1)[0].lower()
        return (
            f"the {name} address uses {scheme}:, which can run code",
            "link to an https:// address or a page of this site",
        )
    if name == "style" and _COLOUR.search(value):
        return (
            "the inline style sets a colour, which escapes the contrast checks",
            "remove the style; use the theme's colours or ask for a class in site.css",
        )
    if name == "style":
        return (
            "inline styles are blocked by the Content-Security-Policy",
            "remove the style attribute; ask for a class in site.css",
        )
    return None


def check_attribute_lists(text: str, path: str, offset: int = 0) -> list[Problem]:
    """Attributes in `{ … }` lists that run code or set a style (`attribute_problem`).

    Only those, and only with a value (`name=value`): a list's other
    attributes are left alone, so words in braces in ordinary text
    ({ongoing}) are never reported. Tabs are read as Markdown reads them.
    """
    found = set()
    for n, line in enumerate(text.expandtabs(4).split("\n"), start=1 + offset):
        for m in (m for pattern in _ATTR_LISTS for m in pattern.finditer(line)):
            attrs, rest = get_attrs_and_remainder(m.group(1))
            for name, value in attrs if not rest.strip() else []:
                problem = None if value is None else attribute_problem(name.lower(), value)
                if problem is not None:
                    found.add(Problem(path, n, "{ attributes }", *problem))
    return sorted(found)


class _Checker(HTMLParser):
    def __init__(self, path: str, offset: int) -> None:
        super().__init__(convert_charrefs=True)
        self.path, self.line_offset = path, offset
        self.problems: list[Problem] = []
        self.tables: list[list] = []  # [line, has header cell]
        self.links: list[list] = []  # [line, words, has a named image]

    def _add(self, field: str, problem: str, fix: str) -> None:
        line = self.getpos()[0] + self.line_offset
        self.problems.append(Problem(self.path, line, field, problem, fix))

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        if ":" in tag or "@" in tag:  # a Markdown autolink, <https://…>: check_links
            return
        field = f"<{tag}>"
        if tag in DANGEROUS_TAGS:
            self._add(
                field,
                f"<{tag}> is not allowed: {DANGEROUS_TAGS[tag]}",
                "remove it; to show a video or map, link to it instead",
            )
            return
        if tag not in ALLOWED_TAGS:
            self._add(field, f"<{tag}> is not on the allow-list of HTML tags", _HTML_FIX)
            return
        values = dict(attrs)
        for name, value in attrs:
            found = attribute_problem(name, value or "")
            if found is None and name not in ALLOWED_ATTRIBUTES and not name.startswith("aria-"):
                found = f"the {name} attribute is not on the allow-list", _HTML_FIX
            if found is not None:
                self._add(field, *found)
        if tag == "img" and "alt" not in values:
            self._add(
                field,
                "the image has no alt text",
                'add alt="what the image shows", or alt="" if it is only decorative',
            )
        elif tag == "table":
            self.tables.append([self.getpos()[0], False])
        elif tag == "th" and self.tables:
            self.tables[-1][1] = True
        elif tag == "a":
            self.links.append([self.getpos()[0], "", False])
        if tag == "img" and self.links and (values.get("alt") or "").strip():
            self.links[-1][2] = True

    def handle_endtag(self, tag: str) -> None:
        if tag == "table" and self.tables:
            line, has_header = self.tables.pop()
            if not has_header:
                self.problems.append(
                    Problem(
                        self.path,
                        line + self.line_offset,
                        "<table>",
                        "the table has no header cells",
                        "make the first row <th> cells (or write the table in Markdown)",
                    )
                )
        elif tag == "a" and self.links:
            line, words, has_image = self.links.pop()
            problem = None if has_image else link_text_problem(words.strip())
            if problem:
                self.problems.append(
                    Problem(
                        self.path,
                        line + self.line_offset,
                        "<a>",
                        problem,
                        "write words inside <a>...</a> that say where the link goes",
                    )
                )

    def handle_data(self, data: str) -> None:
        if self.links:
            self.links[-1][1] += data


def lint(markdown: str, path: str, offset: int = 0) -> list[Problem]:
    """Every problem in `markdown`; `offset` is the number of front-matter lines."""
    text = mask(markdown)
    raw_html = _Checker(path, offset)
    raw_html.feed(text)
    raw_html.close()
    problems = [
        *check_images(text, path, offset),
        *check_links(text, path, offset),
        *check_references(text, path, offset),
        *check_headings(text, path, offset),
        *check_tables(text, path, offset),
        *check_attribute_lists(text, path, offset),
        *raw_html.problems,
    ]
    return sorted(problems)
