"""Material's script is loaded on the reader's first interaction, not with the page.

Events: `on_files` (find Material's bundle among the theme's files) and
`on_env` (its path, as the `material_bundle` template global).
Material's `bundle.*.min.js` is 35 KB gzipped, half of a first visit, and a
reader who only reads never needs it: without it the pages work as they do
with JavaScript off. `overrides/partials/javascripts/first-visit.html` loads
it when the reader first presses a key, clicks, touches, scrolls or moves
focus. Material's own template names the bundle by its fingerprinted file
name; we find that name among the theme's files rather than copy it, so a
Material upgrade cannot leave the loader pointing at a file that is gone.
See ARCHITECTURE.md, "Material's script on first interaction".
"""

from __future__ import annotations

import re
from typing import TYPE_CHECKING

from mkdocs.exceptions import PluginError

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")

_state: dict[str, str | None] = {"bundle": None}


def find_bundle(src_uris: list[str]) -> str:
    """The one Material bundle among the theme's files; an error if not exactly one."""
    found = [uri for uri in src_uris if BUNDLE.fullmatch(uri)]
    if len(found) != 1:
        raise PluginError(
            f"theme_script: expected one Material bundle (assets/javascripts/bundle.*.min.js) "
            f"among the theme's files, found {found or 'none'}. Fix: check the Material "
            "version in requirements.txt and the loader in hooks/theme_script.py."
        )
    return found[0]


def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    _state["bundle"] = find_bundle([f.src_uri for f in files])
    return files


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """`{{ material_bundle | url }}`: the bundle's address from the page."""
    env.globals["material_bundle"] = _state["bundle"]
    return env
