"""Make every built page safe to open: a security policy, safe links, no http.

Handles `on_startup`, `on_config`, `on_env` (parts shared by many pages are
scanned once, see shared_parts.py), `on_post_page`, `on_post_template` (the
404 page is a theme template, not a page) and `on_post_build`.
- Each page gets a Content-Security-Policy <meta> allowing only this site's
  own files and the hashes of that page's inline scripts (the theme's), so
  an injected script cannot run, plus a referrer policy.
- External links get `rel="noopener noreferrer"`.
- Loading anything over plain http (mixed content) fails the build.
- `_headers` (Netlify, Cloudflare Pages) carries what a <meta> cannot:
  `frame-ancestors` and other response headers. See SECURITY.md.
Under `mkdocs serve` the policy is left out: its live-reload script is inline.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import get_plugin_logger

import csp
import fragments
import html_safety
import page_store
import shared_parts
from editor_errors import Problem, raise_if_any

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.pages import Page

log = get_plugin_logger(__name__)

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

_state: dict[str, Any] = {
    "serving": False,
    "fragments": None,
    "problems": [],
    "skipping": shared_parts.Skipping(),
    "part_scans": {},  # a shared part's text -> what a scan of it found
}


def headers_file(headers: dict[str, str]) -> str:
    """The `_headers` file: every header on every path."""
    return "/*\n" + "".join(f"  {name}: {value}\n" for name, value in headers.items())


def secure_page(
    html: str,
    fragments: Any,
    with_policy: bool = True,
    webassembly: bool = False,
    found: html_safety.Scan | None = None,
) -> tuple[str, html_safety.Scan]:
    """The page with its policy (unless told not to) and safe links, and the scan.

    `webassembly`: the page runs WebAssembly (a page sets `webassembly: true`
    in its front matter; only the generated search page does).
    `found`: the page's scan, if it was made already (on_post_page makes it
    around the parts the page shares with others, shared_parts.py).
    """
    found = html_safety.scan(html) if found is None else found
    edits = [
        (tag.start, tag.end, _safe_link(fragments, tuple(tag.attrs)))
        for tag in found.external_links
    ]
    if with_policy and found.insert_at is not None:
        policy = csp.content_security_policy(found.inline_scripts, webassembly)
        edits.append((found.insert_at, found.insert_at, fragments.policy(policy, REFERRER_POLICY)))
    return html_safety.apply_edits(html, edits), found


@lru_cache(maxsize=4096)  # the same few links (sources, edit, footer) recur on many pages
def _safe_link(fragments: Any, attrs: tuple[tuple[str, str | None], ...]) -> str:
    return str(fragments.link(csp.with_safe_rel(list(attrs))))


def _scan_around(html: str, spans: list[shared_parts.Span]) -> html_safety.Scan:
    """Scan `html`, adding what each shared part holds from its one scan."""
    scans = _state["part_scans"]
    for _start, _end, text in spans:
        if text not in scans:
            scans[text] = html_safety.scan(text)
    return html_safety.scan(html, [(start, end, scans[text]) for start, end, text in spans])


def on_startup(command: str, **kwargs: Any) -> None:
    _state["serving"] = command == "serve"


def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    env = fragments.environment(fragments.folder(config))
    _state["fragments"] = env.get_template("page_safety.html").module
    _state["problems"] = []


def on_env(env: jinja2.Environment, **kwargs: Any) -> jinja2.Environment:
    _state.update(skipping=shared_parts.Skipping(env.globals.get("nav_cache")), part_scans={})
    return env


def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    wasm = bool(page.meta.get("webassembly"))
    found = _state["skipping"].run(output, page.url, html_safety.scan, _scan_around)
    html, found = secure_page(output, _state["fragments"], not _state["serving"], wasm, found)
    if found.insert_at is None:
        log.warning("%s: no <head> to put the security policy in", page.file.src_uri)
    if found.content_scripts:
        log.warning("%s: a script in the page's text; the policy stops it", page.file.src_uri)
    doc = page_store.get_document(page.file.src_uri)
    for url in found.insecure:
        line = _line_of(doc.body, url) + doc.body_line - 1 if doc else 1
        path = doc.path if doc else page.file.src_uri
        _state["problems"].append(
            Problem(
                path,
                line,
                "(page)",
                f"the page loads '{url}' over an insecure http connection",
                "use its https address, or put the file in docs/ and link to that",
            )
        )
    return html


def on_post_template(output_content: str, template_name: str, **kwargs: Any) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml and the like are not pages
    html, found = secure_page(output_content, _state["fragments"], not _state["serving"])
    for url in found.insecure:
        _state["problems"].append(
            Problem(
                template_name,
                1,
                "(template)",
                f"the template loads '{url}' over an insecure http connection",
                "use its https address",
            )
        )
    return html


def _line_of(text: str, needle: str) -> int:
    index = text.find(needle)
    return text.count("\n", 0, index) + 1 if index >= 0 else 1


def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    raise_if_any(_state["problems"])
    Path(config.site_dir, "_headers").write_text(headers_file(HEADERS), encoding="utf-8")
