"""Easy Read points as rows: the picture on the left, its words on the right.

Python-Markdown turns a point (a picture line directly followed by its first
sentence, then one paragraph per further sentence) into

    <p><img alt="" class="decorative" src="…" />
    They should pay back the money you spend.</p>
    <p>For example, your bus fare.</p>

`wrap_points` finds the page's top-level elements with the standard
library's HTML parser (no regular expression guesses at nesting) and wraps
each point, up to the next picture or heading, as

    <div class="easy-read-point">
      <div class="easy-read-picture"><img …></div>
      <div class="easy-read-words"><p>They should …</p><p>For example …</p></div>
    </div>

from the fragment `easy-read-point.html`, so easy-read.css can lay it out
without JavaScript. Everything else on the page is left as it was.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html.parser import HTMLParser

from markupsafe import Markup

from hooks.common import fragments

VOID = frozenset(
    {"area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "source", "wbr"}
)
_HEADING = re.compile(r"h[1-6]")
_PICTURE_PARAGRAPH = re.compile(r"\A<p\b[^>]*>\s*(<img\b[^>]*>)\s*(.*)</p>\Z", re.DOTALL)


@dataclass(frozen=True)
class Element:
    """One top-level element of the page's HTML, by its place in the text."""

    tag: str
    start: int
    end: int


class _TopLevel(HTMLParser):
    """Finds where each top-level element starts and ends."""

    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=False)
        self.html = html
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", html)]
        self.elements: list[Element] = []
        self.depth = 0
        self.open: tuple[str, int] | None = None

    def _offset(self) -> int:
        line, column = self.getpos()
        return self.line_starts[line - 1] + column

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        start = self._offset()
        if tag in VOID:
            if self.depth == 0:
                end = start + len(self.get_starttag_text() or "")
                self.elements.append(Element(tag, start, end))
            return
        if self.depth == 0:
            self.open = (tag, start)
        self.depth += 1

    def handle_endtag(self, tag: str) -> None:
        if tag in VOID or self.depth == 0:
            return
        self.depth -= 1
        if self.depth == 0 and self.open is not None:
            end = self.html.index(">", self._offset()) + 1
            self.elements.append(Element(self.open[0], self.open[1], end))
            self.open = None


def top_level(html: str) -> list[Element]:
    """The top-level elements of `html`, in order."""
    parser = _TopLevel(html)
    parser.feed(html)
    parser.close()
    return parser.elements


def picture_of(html: str) -> tuple[str, str] | None:
    """For a paragraph that starts with a picture: the `<img>` and the rest, as a paragraph."""
    found = _PICTURE_PARAGRAPH.match(html)
    if found is None:
        return None
    words = found[2].strip()
    return found[1], (f"<p>{words}</p>" if words else "")


def wrap_points(html: str, templates: str) -> str:
    """`html` with each point wrapped by the fragment `easy-read-point.html` in `templates`."""
    out: list[str] = []
    point: tuple[str, list[str]] | None = None
    position = 0

    def close() -> None:
        nonlocal point
        if point is not None:
            # Python-Markdown's own output for the page, already safe HTML.
            picture, words = Markup(point[0]), Markup("\n".join(point[1]))  # noqa: S704
            out.append(
                fragments.render(templates, "easy-read-point.html", picture=picture, words=words)
            )
            point = None

    for element in top_level(html):
        between = html[position : element.start]
        text = html[element.start : element.end]
        position = element.end
        picture = picture_of(text) if element.tag == "p" else None
        if picture is not None:
            close()
            out.append(between)
            point = (picture[0], [picture[1]] if picture[1] else [])
        elif _HEADING.fullmatch(element.tag):
            close()
            out.append(between + text)
        elif point is not None:
            point[1].append(text)
        else:
            out.append(between + text)
    close()
    out.append(html[position:])
    return "".join(out)
