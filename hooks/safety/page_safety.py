"""Make every built page safe to open: a security policy, safe links, no http.

- Each page gets a Content-Security-Policy <meta> allowing only this site's
  own files and the hashes of that page's inline scripts (the theme's), so
  an injected script cannot run, plus a referrer policy.
- External links get `rel="noopener noreferrer"`.
- Loading anything over plain http (mixed content) fails the build.
- `_headers` (Netlify, Cloudflare Pages) carries what a <meta> cannot:
  `frame-ancestors` and other response headers. See SECURITY.md.
Under `mkdocs serve` the policy is left out: its live-reload script is inline.
The safety hook applies `secure_page` to every page and to the 404 page.

A page is scanned once, in one regular-expression pass that splits it as a
browser's tokenizer does (script text is kept raw, so its hash matches the
one the browser computes). Nothing here touches MkDocs.
"""

from __future__ import annotations

import base64
import hashlib
import re
from dataclasses import dataclass, field
from html import unescape
from typing import Any
from urllib.parse import urlsplit

from hooks.content.lint import attribute_problem

# No address of ours leaves with a reader who follows a link: what they read
# here (a page about abuse, say) is nobody else's business.
REFERRER_POLICY = "no-referrer"
# Response headers for hosts that read a _headers file. A <meta> policy
# cannot set frame-ancestors; a header policy adds to the <meta> one.
HEADERS = {
    "Content-Security-Policy": (
        "frame-ancestors 'none'; object-src 'none'; base-uri 'self'; form-action 'self'"
    ),
    "Referrer-Policy": REFERRER_POLICY,
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Permissions-Policy": "camera=(), microphone=(), geolocation=(), payment=()",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Strict-Transport-Security": "max-age=31536000",
}


SAFE_RELS = ("noopener", "noreferrer")


def script_hash(text: str) -> str:
    """The CSP source expression that allows exactly this inline script."""
    digest = hashlib.sha256(text.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def content_security_policy(inline_scripts: list[str], webassembly: bool = False) -> str:
    """The policy for one page: our own files only, plus its own inline scripts.

    `webassembly` adds 'wasm-unsafe-eval', which lets the page compile
    WebAssembly (the search engine) but still runs no JavaScript from strings.
    """
    hashes = sorted({script_hash(s) for s in inline_scripts})
    wasm = ["'wasm-unsafe-eval'"] if webassembly else []
    directives = [
        "default-src 'self'",
        " ".join(["script-src 'self'", *wasm, *hashes]),
        "style-src 'self'",
        "img-src 'self' data:",
        "font-src 'self'",
        "object-src 'none'",
        "base-uri 'self'",
        "form-action 'self'",
    ]
    return "; ".join(directives)


def with_safe_rel(attrs: Attrs) -> Attrs:
    """The attributes with `noopener noreferrer` added to any existing rel."""
    rel = next((v or "" for k, v in attrs if k == "rel"), "")
    tokens = rel.split()
    tokens += [t for t in SAFE_RELS if t not in tokens]
    return [(k, v) for k, v in attrs if k != "rel"] + [("rel", " ".join(tokens))]


def headers_file(headers: dict[str, str]) -> str:
    """The `_headers` file: every header on every path."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())


def secure_page(
    html: str,
    fragments: Any,
    with_policy: bool = True,
    webassembly: bool = False,
) -> tuple[str, Scan]:
    """The page with its policy (unless told not to) and safe links, and the scan.

    `webassembly`: the page runs WebAssembly (a page sets `webassembly: true`
    in its front matter; only the generated search page does).
    """
    found = scan(html)
    edits = [
        (start, end, str(fragments.link(with_safe_rel(attrs))))
        for start, end, attrs in found.external_links
    ]
    if with_policy and found.insert_at is not None:
        policy = content_security_policy(found.inline_scripts, webassembly)
        edits.append((found.insert_at, found.insert_at, fragments.policy(policy, REFERRER_POLICY)))
    return apply_edits(html, edits), found


def line_of(text: str, needle: str | re.Pattern[str]) -> int:
    """The line of `text` where `needle` (text, or a pattern) first is; 1 if nowhere."""
    if isinstance(needle, str):
        index = text.find(needle)
    else:
        index = found.start() if (found := needle.search(text)) else -1
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


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
class Scan:
    """What secure_page and the safety hook need to know about one page."""

    insert_at: int | None = None  # after <head>, or its <meta charset> if that comes first
    inline_scripts: list[str] = field(default_factory=list)  # the theme's, to be hashed
    content_scripts: int = 0  # inline scripts inside <article>: never hashed
    # Each external link's start tag: where its text sits in the page, and its attributes.
    external_links: list[tuple[int, int, Attrs]] = field(default_factory=list)
    insecure: list[str] = field(default_factory=list)  # http: resources (mixed content)
    remote: list[str] = field(default_factory=list)  # https: resources, ours or another site's
    script_links: list[str] = field(default_factory=list)  # <a href="javascript:…">


# The only tags whose attributes matter here.
_WATCHED = frozenset({"head", "meta", "title", "script", "a", "article", *FETCHING})
_RAW = "script|style|title|textarea"  # elements whose text is never markup
_BODY = r"""[^>"']*(?:(?:"[^"]*"|'[^']*')[^>"']*)*"""  # attributes; quoted values may hold ">"
_NAMES = "|".join(sorted(_WATCHED | set(_RAW.split("|")), key=len, reverse=True))

# One pass over the page with one regular expression, splitting it as a
# browser's tokenizer does: comments; elements whose text is never markup,
# taken whole (so a "<" inside a title is never read as a tag); </article>;
# the start tags we watch. Everything else (text, other tags with their
# attributes) is consumed in long "skip" runs without a Python step each,
# which keeps the scan fast on pages with large menus.
_TOKEN = re.compile(
    r"(?P<skip>(?:[^<]+"
    rf"|<(?!!--|/article\s*>|(?:{_NAMES})(?=[\s/>]))/?[a-zA-Z!?]{_BODY}>"
    r"|<(?![a-zA-Z!?/]))+)"
    r"|(?P<comment><!--.*?-->)"
    rf"|(?P<raw><(?P<rawtag>{_RAW})(?=[\s/>])(?P<rawattrs>{_BODY})>(?P<rawtext>.*?)</(?P=rawtag)\s*>)"
    r"|</(?P<endtag>article)\s*>"
    rf"|<(?P<tag>{_NAMES})(?=[\s/>])(?P<attrs>{_BODY})>"
    r"|(?P<other><)",
    re.DOTALL | re.IGNORECASE,
)
_START = re.compile(r"<[a-zA-Z]")
_PASSING = frozenset({"skip", "comment", "other"})  # tokens with nothing to check
_ATTR = re.compile(r"""([^\s"'>/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?""")


def _attrs(text: str) -> Attrs:
    """Attribute names (lower case) and values (character references decoded)."""
    found: Attrs = []
    for m in _ATTR.finditer(text):
        value = next((v for v in m.groups()[1:] if v is not None), None)
        found.append((m.group(1).lower(), None if value is None else unescape(value)))
    return found


def scan(html: str) -> Scan:
    """Scan a built page."""
    result = Scan()
    head_open = False  # in the head's opening run: <head>, <meta>, <title>
    article_depth = 0
    for m in _TOKEN.finditer(html):
        kind = m.lastgroup
        if kind in _PASSING:
            # Another element opened: the head's opening run has ended.
            head_open = head_open and not _START.search(m.group(0))
            continue
        if kind == "endtag":
            if article_depth:
                article_depth -= 1
            continue
        raw = kind == "raw"
        tag = (m.group("rawtag") if raw else m.group("tag")).lower()
        if tag not in _WATCHED:
            head_open = False
            continue
        attrs = _attrs(m.group("rawattrs") if raw else m.group("attrs"))
        values = {k: v or "" for k, v in attrs}
        end = m.start("rawtext") if raw else m.end()
        if (tag == "head" and result.insert_at is None) or (
            tag == "meta" and "charset" in values and head_open
        ):
            result.insert_at = end
        head_open = tag in ("head", "meta", "title") and result.insert_at is not None
        article_depth += tag == "article"
        if tag == "script" and "src" not in values:
            if article_depth:
                result.content_scripts += 1  # from the content: let the policy block it
            else:
                result.inline_scripts.append(m.group("rawtext"))
        elif tag == "a" and is_external(values.get("href", "")):
            result.external_links.append((m.start(), end, attrs))
        elif tag == "a" and is_script_address(values.get("href", "")):
            result.script_links.append(values["href"])
        for url in fetched_urls(tag, values):
            http = urlsplit(url).scheme.lower() == "http"
            (result.insecure if http else result.remote).append(url)
    return result


# What a page's content (its <article>) may never hold, however it got there:
# elements that run, restyle or redirect the page, and attributes that run code
# or set a style. The content lint refuses them in what editors write, at their
# line; this catches any other way in, such as a Markdown quirk.
_FORBIDDEN = re.compile(
    r"<(script|meta|style|base|link|i?frame|object|embed|applet)(?=[\s/>])", re.I
)
_CONTENT_TAG = re.compile(rf"<[a-zA-Z][\w:-]*({_BODY})>")


def content_markup(html: str) -> list[str]:
    """What the page's <article> holds that no content may: `<meta>`, `onclick`, `style`…"""
    start, end = html.find("<article"), html.rfind("</article>")
    article = html[start:end] if -1 < start < end else ""
    found = [f"<{m[1].lower()}>" for m in _FORBIDDEN.finditer(article)]
    for m in _CONTENT_TAG.finditer(article):
        if "on" in m[1].lower() or "style" in m[1].lower():  # most tags have neither
            found += [name for name, _ in _attrs(m[1]) if name.startswith("on") or name == "style"]
    return found


def content_problem(name: str) -> tuple[str, str]:
    """Why an element or attribute from `content_markup` is refused, and the fix."""
    if name.startswith("<"):
        return f"the page's text has a {name} element, which no page may hold", _MARKUP_FIX
    return attribute_problem(name, "") or (f"the page's text has a {name} attribute", _MARKUP_FIX)


_MARKUP_FIX = "remove it, and write the text in Markdown"
# pymdownx.emoji draws an emoji shortcode (:smile:) as a picture from this address;
# a site icon's (:material-check:) is drawn in the page.
EMOJI_CDN = "cdn.jsdelivr.net/gh/jdecked/twemoji"
EMOJI_SHORTCODE = re.compile(
    r"(?<![\w:]):(?!(?:material|octicons|fontawesome|simple)-)[\w+-]+:(?!\w)"
)
EMOJI_PROBLEM = (
    "an emoji written as :name: loads its picture from another site",
    "type the emoji character itself, such as 😀, or use an icon such as :material-check:",
)


def is_external(href: str) -> bool:
    """Whether a link leaves the site: an absolute http(s) or scheme-relative address."""
    href = href.strip()
    return href.startswith("//") or urlsplit(href).scheme.lower() in ("http", "https")


# Browsers drop tabs and newlines anywhere in an address, and leading spaces
# and control characters, before they read its scheme.
_TAB_OR_NEWLINE = str.maketrans("", "", "\t\n\r")
_SCRIPT_SCHEME = re.compile(r"[\x00-\x20]*(?:javascript|vbscript|data):", re.IGNORECASE)


def is_script_address(href: str) -> bool:
    """Whether following the link would run code (`javascript:`) or open inline data.

    Markdown links, reference links and `{ href=… }` all end up here, in the
    built page, whichever way an editor wrote them.
    """
    return _SCRIPT_SCHEME.match(href.translate(_TAB_OR_NEWLINE)) is not None


def fetched_urls(tag: str, attrs: dict[str, str]) -> list[str]:
    """The absolute addresses (http:, https: or //) this tag would make the browser load."""
    if tag == "link" and set(attrs.get("rel", "").lower().split()) <= NAVIGATION_RELS:
        return []
    found = []
    for name in FETCHING.get(tag, ()):
        for candidate in attrs.get(name, "").split(","):
            url = candidate.strip().split(" ")[0]
            if url.startswith("//") or urlsplit(url).scheme.lower() in ("http", "https"):
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
