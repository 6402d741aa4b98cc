"""Checks of raw HTML written inside Markdown: safety first, then accessibility.

Only tags and attributes on the allow-lists below may appear. Script-running
markup (`<script>`, `<iframe>`, `<object>`, `<embed>`, `<style>`, `on…`
handlers, `javascript:` and `data:` addresses) is refused with its own
message; inline styles are refused because the Content-Security-Policy
blocks them and colour set by hand escapes the contrast checks. Images
need `alt`, tables need header cells, links need words.
"""

from __future__ import annotations

import re
from html.parser import HTMLParser

from hooks.common.errors import Problem
from hooks.content.checks import link_text_problem

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
_HTML_FIX = (
    "use Markdown instead, or ask a maintainer to add it to the allow-list in hooks/raw_html.py"
)


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
        if ":" in tag or "@" in tag:  # a Markdown autolink, <https://…>: content_checks
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
            self._check_attribute(field, name, value or "")
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

    def _check_attribute(self, field: str, name: str, value: str) -> None:
        if name.startswith("on"):
            self._add(
                field,
                f"the {name} attribute runs code in the reader's browser",
                "remove it; the site's own scripts add any behaviour",
            )
        elif name in _URL_ATTRIBUTES and _BAD_SCHEME.match(value):
            scheme = value.strip().split(":", 1)[0].lower()
            self._add(
                field,
                f"the {name} address uses {scheme}:, which can run code",
                "link to an https:// address or a page of this site",
            )
        elif name == "style" and _COLOUR.search(value):
            self._add(
                field,
                "the inline style sets a colour, which escapes the contrast checks",
                "remove the style; use the theme's colours or ask for a class in site.css",
            )
        elif name == "style":
            self._add(
                field,
                "inline styles are blocked by the Content-Security-Policy",
                "remove the style attribute; ask for a class in site.css",
            )
        elif name not in ALLOWED_ATTRIBUTES and not name.startswith("aria-"):
            self._add(field, f"the {name} attribute is not on the allow-list", _HTML_FIX)

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


def check_raw_html(text: str, path: str, offset: int = 0) -> list[Problem]:
    """Every raw-HTML problem in masked Markdown `text`."""
    checker = _Checker(path, offset)
    checker.feed(text)
    checker.close()
    return checker.problems
