"""Production output: cacheable asset names, stable images, minified HTML.

Events: `on_startup` (note whether this is a preview), `on_files` (rename our
CSS and JavaScript to include a hash of their content; drop source maps and
the search worker we do not use), `on_env` (the `asset` template filter),
`on_page_content` (content images load lazily, with width and height so the
page does not jump), `on_post_page` (minify HTML, early, so that hooks which
hash inline scripts for the Content-Security-Policy see the final bytes).
Material's own assets already carry hashes; ours get them here, so a host can
cache every file under assets/ for a year and readers still get updates.
A preview (`mkdocs serve`) keeps plain names, source maps and readable HTML.
"""

from __future__ import annotations

import hashlib
import posixpath
import re
from pathlib import Path
from typing import TYPE_CHECKING

import imagesize
import minify_html
from mkdocs.plugins import event_priority

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import File, Files
    from mkdocs.structure.pages import Page

# Material files we never use: its search worker and index engine (search is
# Pagefind), and source maps, which only developers need.
_UNUSED_PREFIXES = ("assets/javascripts/lunr/", "assets/javascripts/workers/")
_FINGERPRINTED = (".css", ".js")

_IMG = re.compile(r"<img\b[^>]*>", re.IGNORECASE)
_ATTR = re.compile(r'\s([a-zA-Z][\w:-]*)="([^"]*)"')

_state = {"serving": False}
_renamed: dict[str, str] = {}


def on_startup(*, command: str, dirty: bool) -> None:
    """Keep source maps and plain names when previewing with `mkdocs serve`."""
    _state["serving"] = command == "serve"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _renamed.clear()
    custom_dir = Path(config.theme.custom_dir or "").resolve()
    for file in list(files):
        if is_unused(file.src_uri, keep_maps=_state["serving"]):
            files.remove(file)
        elif not _state["serving"] and _is_ours(file, custom_dir):
            _renamed[file.src_uri] = fingerprint(file)
    return files


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """`{{ 'assets/stylesheets/site.css' | asset | url }}` gives the hashed name."""
    env.filters["asset"] = lambda src_uri: _renamed.get(src_uri, src_uri)
    return env


def is_unused(src_uri: str, *, keep_maps: bool) -> bool:
    """Whether a theme file is left out of the published site."""
    return src_uri.startswith(_UNUSED_PREFIXES) or (src_uri.endswith(".map") and not keep_maps)


def hashed_name(src_uri: str, content: bytes) -> str:
    """`assets/site.css` -> `assets/site.<first 8 hex of sha256>.css`."""
    stem, ext = posixpath.splitext(src_uri)
    return f"{stem}.{hashlib.sha256(content).hexdigest()[:8]}{ext}"


def fingerprint(file: File) -> str:
    """Give `file` a content-hashed destination; return its new URL path."""
    file.dest_uri = hashed_name(file.src_uri, file.content_bytes)
    for cached in ("url", "abs_dest_path"):
        file.__dict__.pop(cached, None)
    return file.dest_uri


def _is_ours(file: File, custom_dir: Path) -> bool:
    if not file.src_uri.endswith(_FINGERPRINTED) or file.abs_src_path is None:
        return False
    return Path(file.abs_src_path).resolve().is_relative_to(custom_dir)


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    site_dir_of = posixpath.dirname(page.file.dest_uri)

    def local_size(src: str) -> tuple[int, int] | None:
        if "//" in src or src.startswith(("data:", "/")):
            return None
        target = files.get_file_from_path(posixpath.normpath(posixpath.join(site_dir_of, src)))
        if target is None or target.abs_src_path is None:
            return None
        width, height = imagesize.get(target.abs_src_path)
        return (round(width), round(height)) if width > 0 and height > 0 else None

    return _IMG.sub(lambda m: stable_image(m.group(0), local_size), html)


def stable_image(tag: str, size_of: object) -> str:
    """Add lazy loading, async decoding and (if known) width and height to an <img>."""
    attrs = dict(_ATTR.findall(tag))
    extra = {"loading": "lazy", "decoding": "async"}
    if "width" not in attrs and "height" not in attrs:
        size = size_of(attrs.get("src", ""))
        if size:
            extra.update(width=str(size[0]), height=str(size[1]))
    added = "".join(f' {k}="{v}"' for k, v in extra.items() if k not in attrs)
    return tag[:4] + added + tag[4:]


@event_priority(50)  # before any hook that hashes inline scripts (CSP)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    return output if _state["serving"] else minify(output)


def minify(html: str) -> str:
    """Minify markup and whitespace; script and style code is only trimmed at its ends."""
    return minify_html.minify(
        html,
        keep_closing_tags=True,
        keep_html_and_head_opening_tags=True,
        minify_css=False,
        minify_js=False,
    )
