"""Production output: hashed asset names, stable images, minified pages.

Events:
- `on_startup`: a preview (`mkdocs serve`) keeps plain names, source maps and
  readable HTML.
- `on_files`: our CSS and JavaScript get content-hashed names; unused theme
  files are dropped; Material's script bundle is found (production.py).
- `on_nav`: the pages in the navigation, for the navigation cache.
- `on_env`: the navigation cache and the compiled templates (nav_cache.py),
  the `asset` filter and the `material_bundle` global.
- `on_page_content`: content images load lazily, with their width and height.
- `on_post_page`, `on_post_template`: pages and the 404 page minified, early,
  so that the security policy hashes the final bytes of inline scripts.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import event_priority

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.output import production
from hooks.output.nav_cache import COMPILED, NavCache

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

_state: dict[str, Any] = {
    "serving": False,
    "bundle": None,
    "nav_urls": set(),
    "renamed": {},  # src_uri -> content-hashed name
}


def on_startup(*, command: str, dirty: bool) -> None:
    _state["serving"] = command == "serve"


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    renamed: dict[str, str] = {}
    custom_dir = Path(config.theme.custom_dir or "").resolve()
    for file in list(files):
        if production.is_unused(file.src_uri, keep_maps=_state["serving"]):
            files.remove(file)
        elif not _state["serving"] and production.is_ours(file, custom_dir):
            renamed[file.src_uri] = production.fingerprint(file)
    _state["renamed"] = renamed
    _state["bundle"] = production.find_bundle([f.src_uri for f in files])
    return files


def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    _state["nav_urls"] = {page.url for page in nav.pages}
    return nav


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.bytecode_cache = COMPILED
    env.globals["nav_cache"] = NavCache(_state["nav_urls"])
    # `{{ 'assets/stylesheets/site.css' | asset | url }}` gives the hashed name.
    renamed = _state["renamed"]
    env.filters["asset"] = lambda src_uri: renamed.get(src_uri, src_uri)
    # `{{ material_bundle | url }}`: Material's script, loaded on first interaction.
    env.globals["material_bundle"] = _state["bundle"]
    return env


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    return production.stable_images(html, page.file.dest_uri, files)


@event_priority(50)  # before the safety hook hashes inline scripts (CSP)
def on_post_page(output: str, *, page: Page, config: MkDocsConfig) -> str:
    if _state["serving"]:
        return output
    return production.minify(output)


@event_priority(50)  # as for pages: before the security policy hashes scripts
def on_post_template(output_content: str, *, template_name: str, config: MkDocsConfig) -> str:
    """The theme's own pages (404.html) minified too; sitemap.xml is not HTML."""
    if _state["serving"] or not template_name.endswith(".html"):
        return output_content
    return production.minify(output_content)
