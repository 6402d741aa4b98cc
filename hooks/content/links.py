"""Links between pages: every one must reach a page, every #anchor a heading, every picture a file.

MkDocs checks links too, but in its own words, without the line, and a link
to a page left out by `exclude_docs` is only "info": the build passes and
ships a dead link. The content hook records each page's links as it reads
the page (`links_in`) and each page's ids as it renders (`ids_in`), then
checks them all at the end (`check_links`), one message per broken link:

    docs/index.md:12: link 'law/wales.md': no such page. Fix: did you mean 'law/wales.md'? …

A page left out of the site counts as gone: a fork drops a section with
`exclude_docs`, and a link to it is an error with the fix (use `link_to`).
"""

from __future__ import annotations

import difflib
import posixpath
import re
from collections.abc import Collection, Iterable, Mapping
from dataclasses import dataclass
from typing import Any
from urllib.parse import unquote

from hooks.common.errors import Problem

# [text](target "title"), not an image. The text may wrap onto the next line
# and hold [brackets] or an image; the target may be <in angle brackets>; the
# title may be in "double", 'single' quotes or (brackets).
_INLINE = re.compile(
    r"(?<![!\\])\[(?:[^\[\]]|\[[^\[\]]*\])*\]"
    r"\(\s*(?:<([^>\n]+)>|([^)\s]+))"
    r"""(?:\s+(?:"[^"]*"|'[^']*'|\([^)]*\)))?\s*\)"""
)
# ![alt](picture.png "title"): a picture's file must exist as a page must.
_IMAGE = re.compile(r"(?<!\\)!\[(?:[^\[\]]|\[[^\[\]]*\])*\]\(\s*(?:<([^>\n]+)>|([^)\s]+))")
_DEFINITION = re.compile(r"^ {0,3}\[(?!\^)[^\]\n]+\]:\s*<?(\S+?)>?(?:\s|$)")
_SCHEME = re.compile(r"^[a-zA-Z][a-zA-Z0-9+.-]*:")
_ID = re.compile(r"""\bid=["']?([^"'\s>]+)""")
LINK_TO_FIX = (
    "remove the link, or on a page with 'render_macros: true' write "
    "{{{{ link_to('{target}', 'the link text') }}}}, which shows plain text when the page is "
    "left out"
)


@dataclass(frozen=True)
class Link:
    """One link an editor wrote: where it is, and where it points."""

    path: str  # the file as an editor sees it: docs/x.md or case_studies/y.md
    line: int
    src_uri: str  # the page it is on, in docs/ terms (for resolving relative links)
    target: str  # as written


def links_in(masked: str, path: str, src_uri: str, offset: int = 0) -> list[Link]:
    """The internal links and pictures in a page's masked Markdown (code and comments blanked)."""
    found = []
    for m in [*_INLINE.finditer(masked), *_IMAGE.finditer(masked)]:
        target = m.group(1) or m.group(2)
        line = masked.count("\n", 0, m.start(1 if m.group(1) else 2)) + 1 + offset
        found.append(Link(path, line, src_uri, target))
    for number, line in enumerate(masked.split("\n"), start=1 + offset):
        definition = _DEFINITION.match(line)
        if definition:
            found.append(Link(path, number, src_uri, definition.group(1)))
    return sorted((link for link in found if _is_internal(link.target)), key=lambda k: k.line)


def ids_in(html: str) -> set[str]:
    """Every id in a page's rendered content: heading anchors, footnotes, attr_list ids."""
    return set(_ID.findall(html))


def check_links(
    links: Iterable[Link],
    pages: Collection[str],
    excluded: Collection[str],
    ids: dict[str, set[str]],
) -> list[Problem]:
    """A problem for each link to no page, to a left-out page, or to no heading.

    `pages`: every file in the built site, by `src_uri`; `excluded`: the ones
    `exclude_docs` leaves out; `ids`: each rendered page's ids (a page that
    was not rendered, as in a preview that skips unchanged pages, is not
    checked for anchors).
    """
    problems = []
    for link in links:
        target, anchor = resolve(link.src_uri, link.target)
        if target in excluded:
            found = (
                f"'{target}' is left out of this site (exclude_docs in mkdocs.yml)",
                LINK_TO_FIX.format(target=target),
            )
        elif target not in pages:
            missing = "no such page" if target.endswith(".md") else "no such file"
            found = (missing, _nearest_page(link.src_uri, target, pages))
        elif anchor and target in ids and anchor not in ids[target]:
            found = (f"'{target}' has no heading '#{anchor}'", _nearest_anchor(anchor, ids[target]))
        else:
            continue
        problems.append(Problem(link.path, link.line, f"link '{link.target}'", *found))
    return problems


def resolve(from_src_uri: str, target: str) -> tuple[str, str]:
    """`../law/wales.md#scope` on `guides/x.md` -> ("law/wales.md", "scope")."""
    path, _, anchor = target.partition("#")
    path = unquote(path.partition("?")[0])
    if not path:
        return from_src_uri, anchor
    joined = posixpath.normpath(posixpath.join(posixpath.dirname(from_src_uri), path))
    return joined.lstrip("/"), anchor


def _is_internal(target: str) -> bool:
    return not (_SCHEME.match(target) or target.startswith(("/", "{{")))


def _nearest_page(from_src_uri: str, target: str, pages: Collection[str]) -> str:
    documents = [p for p in pages if p.endswith(".md")] if target.endswith(".md") else pages
    near = difflib.get_close_matches(target, documents, n=1, cutoff=0.5)
    if not near:
        return "check the file name and folder, counting from this page's own folder"
    relative = posixpath.relpath(near[0], posixpath.dirname(from_src_uri) or ".")
    return f"did you mean '{relative}'? Links count from this page's own folder"


def _nearest_anchor(anchor: str, ids: set[str]) -> str:
    near = difflib.get_close_matches(anchor, sorted(ids), n=1, cutoff=0.5)
    hint = f"did you mean '#{near[0]}'? " if near else ""
    return hint + "the part after # is the heading in lower case, with hyphens for spaces"


def nav_problems(
    nav: Any, excluded: Collection[str], config_text: str, display: str
) -> list[Problem]:
    """Pages the menu lists that `exclude_docs` leaves out.

    MkDocs only notes each one (at INFO, whatever `validation` says), and the
    menu then links to a page that does not exist.
    """
    lines = config_text.splitlines()
    # The menu's own entry, not an earlier mention (a redirect, say).
    start = next((n for n, text in enumerate(lines) if text.startswith("nav:")), 0)
    problems = []
    for target in _nav_targets(nav):
        if target in excluded:
            line = next((n for n, text in enumerate(lines[start:], start + 1) if target in text), 1)
            problems.append(
                Problem(
                    display,
                    line,
                    "nav",
                    f"the menu lists '{target}', which exclude_docs leaves out",
                    "delete it from nav too, or take it out of exclude_docs",
                )
            )
    return problems


def redirect_problems(
    redirects: Mapping[str, Any], pages: Collection[str], config_text: str, display: str
) -> list[Problem]:
    """Redirects from an address that is still a page: the redirect would replace the page.

    mkdocs-redirects writes its redirect over the page's own output, and the
    build passes: readers of that page are sent elsewhere.
    """
    lines = config_text.splitlines()
    addresses = {_address(page): page for page in pages}
    problems = []
    for old in redirects:
        if _address(old) in addresses:
            line = next((n for n, text in enumerate(lines, 1) if f"{old}:" in text), 1)
            problems.append(
                Problem(
                    display,
                    line,
                    "redirect_maps",
                    f"'{old}' is the address of the page '{addresses[_address(old)]}', so "
                    "this redirect would replace it",
                    "delete the redirect, or move or delete the page first",
                )
            )
    return problems


def _address(src_uri: str) -> str:
    """The address a source path builds to: `x.md` and `x/index.md` are both `x/`."""
    path = src_uri.removesuffix(".md")
    return path.removesuffix("index").rstrip("/") if path.rpartition("/")[2] == "index" else path


def _nav_targets(nav: Any) -> Iterable[str]:
    """Every page path in a `nav:` setting, however deeply its sections nest."""
    if isinstance(nav, str):
        yield nav
    elif isinstance(nav, dict):
        for value in nav.values():
            yield from _nav_targets(value)
    elif isinstance(nav, list):
        for item in nav:
            yield from _nav_targets(item)
