"""Make every built page safe to open: a security policy, safe links, no http.

- Each page gets a Content-Security-Policy <meta> allowing only this site's
  own files and the hashes of that page's inline scripts (the theme's), so
  an injected script cannot run, plus a referrer policy.
- External links get `rel="noopener noreferrer"`.
- Loading anything over plain http (mixed content) fails the build.
- `_headers` (Netlify, Cloudflare Pages) carries what a <meta> cannot:
  `frame-ancestors` and other response headers. See SECURITY.md.
Under `mkdocs serve` the policy is left out: its live-reload script is inline.
The safety hook applies `secure_page` to every page and to the 404 page,
with the inline scripts html_safety.scan found.
"""

from __future__ import annotations

import base64
import hashlib
from typing import Any

from hooks.safety import html_safety
from hooks.safety.html_safety import Attrs

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
) -> tuple[str, html_safety.Scan]:
    """The page with its policy (unless told not to) and safe links, and the scan.

    `webassembly`: the page runs WebAssembly (a page sets `webassembly: true`
    in its front matter; only the generated search page does).
    """
    found = html_safety.scan(html)
    edits = [
        (tag.start, tag.end, str(fragments.link(with_safe_rel(tag.attrs))))
        for tag in found.external_links
    ]
    if with_policy and found.insert_at is not None:
        policy = content_security_policy(found.inline_scripts, webassembly)
        edits.append((found.insert_at, found.insert_at, fragments.policy(policy, REFERRER_POLICY)))
    return html_safety.apply_edits(html, edits), found


def line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1
