"""Pure helpers for page_safety.py: read a built page, work out the changes.

A page is scanned once with the standard library's HTML parser, which sees
Material's output exactly as a browser would (script text is kept raw, so
its hash matches the one the browser computes). Nothing here touches MkDocs.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from html.parser import HTMLParser
from urllib.parse import urlsplit

# Elements and attributes through which a page makes the browser fetch something.
FETCHING = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "iframe": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "form": ("action",),
}
# <link rel> values that name another page rather than load something.
NAVIGATION_RELS = frozenset({"canonical", "alternate", "prev", "next", "author", "license"})

Attrs = list[tuple[str, str | None]]


@dataclass
class Tag:
    """One start tag: where its text sits in the page, and its attributes."""

    start: int
    end: int
    attrs: Attrs


@dataclass
class Scan:
    """What page_safety needs to know about one page."""

    insert_at: int | None = None  # after <head>, or its <meta charset> if that comes first
    inline_scripts: list[str] = field(default_factory=list)  # the theme's, to be hashed
    content_scripts: int = 0  # inline scripts inside <article>: never hashed
    external_links: list[Tag] = field(default_factory=list)
    insecure: list[str] = field(default_factory=list)  # http: resources (mixed content)


class _Scanner(HTMLParser):
    def __init__(self, html: str) -> None:
        super().__init__(convert_charrefs=True)
        self.scan = Scan()
        self._line_starts = [0]
        for i, ch in enumerate(html):
            if ch == "\n":
                self._line_starts.append(i + 1)
        self._script: list[str] | None = None
        self._head_open = False  # in <head>, before any script or stylesheet
        self._article_depth = 0

    def _span(self) -> tuple[int, int]:
        line, col = self.getpos()
        start = self._line_starts[line - 1] + col
        return start, start + len(self.get_starttag_text() or "")

    def handle_starttag(self, tag: str, attrs: Attrs) -> None:
        values = {k: v or "" for k, v in attrs}
        if (tag == "head" and self.scan.insert_at is None) or (
            tag == "meta" and "charset" in values and self._head_open
        ):
            self.scan.insert_at = self._span()[1]
        self._head_open = tag in ("head", "meta", "title") and self.scan.insert_at is not None
        self._article_depth += tag == "article"
        if tag == "script" and "src" not in values:
            self._script = []
        elif tag == "a" and is_external(values.get("href", "")):
            self.scan.external_links.append(Tag(*self._span(), attrs))
        self.scan.insecure += insecure_urls(tag, values)

    def handle_data(self, data: str) -> None:
        if self._script is not None:
            self._script.append(data)

    def handle_endtag(self, tag: str) -> None:
        if tag == "script" and self._script is not None:
            if self._article_depth:
                self.scan.content_scripts += 1  # from the content: let the policy block it
            else:
                self.scan.inline_scripts.append("".join(self._script))
            self._script = None
        self._article_depth -= tag == "article" and self._article_depth > 0


def scan(html: str) -> Scan:
    """Scan a built page."""
    scanner = _Scanner(html)
    scanner.feed(html)
    scanner.close()
    return scanner.scan


def is_external(href: str) -> bool:
    """Whether a link leaves the site: an absolute http(s) or scheme-relative address."""
    href = href.strip()
    return href.startswith("//") or urlsplit(href).scheme.lower() in ("http", "https")


def insecure_urls(tag: str, attrs: dict[str, str]) -> list[str]:
    """The plain-http addresses this tag would load (mixed content on an https site)."""
    if tag == "link" and set(attrs.get("rel", "").lower().split()) <= NAVIGATION_RELS:
        return []
    found = []
    for name in FETCHING.get(tag, ()):
        for candidate in attrs.get(name, "").split(","):
            url = candidate.strip().split(" ")[0]
            if urlsplit(url).scheme.lower() == "http":
                found.append(url)
    return found


def apply_edits(html: str, edits: list[tuple[int, int, str]]) -> str:
    """Replace each (start, end) span with its text; spans must not overlap."""
    out, last = [], 0
    for start, end, text in sorted(edits):
        out += [html[last:start], text]
        last = end
    out.append(html[last:])
    return "".join(out)
