"""The page security policy and safe link attributes, as pure functions.

Used by page_safety.py, with the inline scripts html_safety.scan found.
"""

from __future__ import annotations

import base64
import hashlib

from hooks.safety.html_safety import Attrs

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
