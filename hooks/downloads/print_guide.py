"""The whole guide on one page, to print or save as PDF.

Pure functions, no MkDocs: the downloads hook hands over each navigation
page's rendered content (its URL, title and HTML) and gets back sections for
the `print-guide.html` fragment.

One page holds many pages' HTML, so three things are rewritten in each:
- ids: every id (and every attribute that names one: `for`, `headers`,
  `aria-*`, a tab's radio `name`) gets the section's prefix, so footnotes
  (`fn:1`) and headings with the same name in two pages stay unique;
- links: a link to a page in the print page goes to its section (`#slug`, or
  `#slug--heading` for a heading in it); any other relative link or image is
  made relative to the print page, so it still leads where it did;
- headings: one step down (the page's `<h1>` becomes its section's `<h2>`),
  so the print page has one `<h1>` and an outline that nests.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from urllib.parse import urljoin, urlsplit

from markupsafe import Markup
from mkdocs.utils import get_relative_url

_TAG = re.compile(
    r"<(?P<name>[a-zA-Z][\w:-]*)(?P<attrs>(?:\s+[^\s\"'>/=]+(?:\s*=\s*(?:\"[^\"]*\"|'[^']*'|[^\s\"'>]+))?)*)(?P<end>\s*/?)>"
)
_ATTR = re.compile(
    r"(?P<space>\s+)(?P<name>[^\s\"'>/=]+)(?:(?P<eq>\s*=\s*)(?:\"(?P<dq>[^\"]*)\"|'(?P<sq>[^']*)'|(?P<bare>[^\s\"'>]+)))?"
)
_HEADING = re.compile(r"<(/?)h([1-6])(?=[\s>])", re.IGNORECASE)
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
# Attributes whose value is an id, or a space-separated list of ids.
_ID_ATTRS = {"id", "for", "headers", "list", "form"}
_ID_LIST_ATTRS = {"aria-labelledby", "aria-describedby", "aria-controls", "aria-owns"}
_URL_ATTRS = {"href", "src"}


@dataclass(frozen=True)
class Source:
    """One navigation page: its URL, title and rendered content (None: not built)."""

    url: str
    title: str
    html: str | None


@dataclass(frozen=True)
class Section:
    """One page as a section of the print page (what print-guide.html shows)."""

    anchor: str
    url: str
    title: str
    html: Markup | None
    has_heading: bool


def sections(sources: list[Source], print_url: str) -> list[Section]:
    """The print page's sections, in the order given, with ids and links rewritten."""
    anchors = _anchors([s.url for s in sources])
    made: list[Section] = []
    for source in sources:
        anchor = anchors[_key(source.url)]
        html = None
        if source.html is not None:
            html = Markup(  # noqa: S704 (the page's own rendered HTML, made by this build)
                demote(rewrite(source.html, source.url, anchor, anchors, print_url))
            )
        has_heading = source.html is not None and "<h1" in source.html
        made.append(Section(anchor, source.url, source.title, html, has_heading))
    return made


def slug(url: str) -> str:
    """A section's id from its page's URL: `understand/ladder/` -> `understand-ladder`."""
    words = re.sub(r"[^a-z0-9]+", "-", _key(url).lower()).strip("-")
    return words or "home"


def _anchors(urls: list[str]) -> dict[str, str]:
    """Each page's section id (by `_key`), unique even if two URLs slug alike."""
    anchors: dict[str, str] = {}
    taken: set[str] = set()
    for url in urls:
        base = slug(url)
        anchor, number = base, 1
        while anchor in taken:
            number += 1
            anchor = f"{base}-{number}"
        taken.add(anchor)
        anchors[_key(url)] = anchor
    return anchors


def _key(url: str) -> str:
    """A page's URL without the leading slash or `index.html`, to compare pages."""
    path = url.lstrip("/")
    return path[: -len("index.html")] if path.endswith("index.html") else path


def demote(html: str) -> str:
    """Every heading one level down (`h6` stays `h6`)."""
    return _HEADING.sub(lambda m: f"<{m[1]}h{min(int(m[2]) + 1, 6)}", html)


def rewrite(html: str, page_url: str, anchor: str, anchors: dict[str, str], print_url: str) -> str:
    """`html` from the page at `page_url`, as the section `anchor` of the print page."""
    prefix = f"{anchor}--"

    def attribute(tag: str, match: re.Match[str]) -> str:
        name = match["name"].lower()
        value = match["dq"] if match["dq"] is not None else match["sq"] or match["bare"]
        if value is None:
            return match[0]
        if name in _ID_ATTRS or (name == "name" and tag == "input"):
            new = prefix + value
        elif name in _ID_LIST_ATTRS:
            new = " ".join(prefix + part for part in value.split())
        elif name in _URL_ATTRS:
            new = _url(value, page_url, prefix, anchors, print_url)
        else:
            return match[0]
        # Written double-quoted: a quote inside a single-quoted value is escaped.
        return f'{match["space"]}{match["name"]}="{new.replace(chr(34), "&quot;")}"'

    def tag(match: re.Match[str]) -> str:
        name = match["name"].lower()
        attrs = _ATTR.sub(lambda m: attribute(name, m), match["attrs"])
        return f"<{match['name']}{attrs}{match['end']}>"

    return _TAG.sub(tag, html)


def _url(value: str, page_url: str, prefix: str, anchors: dict[str, str], print_url: str) -> str:
    """Where a link or image from the page should point from the print page."""
    if value.startswith("#"):
        return f"#{prefix}{value[1:]}" if len(value) > 1 else value
    if _SCHEME.match(value) or value.startswith(("/", "//")):
        return value
    target = urlsplit(urljoin("/" + page_url, value))
    anchor = anchors.get(_key(target.path))
    if anchor is not None:
        return f"#{anchor}--{target.fragment}" if target.fragment else f"#{anchor}"
    query = f"?{target.query}" if target.query else ""
    fragment = f"#{target.fragment}" if target.fragment else ""
    return get_relative_url(target.path, print_url) + query + fragment
