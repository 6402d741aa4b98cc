"""Material's script is loaded on the reader's first interaction, not with the page.

The output hook finds Material's bundle among the theme's files (`on_files`)
and gives templates its path as the `material_bundle` global (`on_env`).
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

from mkdocs.exceptions import PluginError

BUNDLE = re.compile(r"assets/javascripts/bundle\.[0-9a-f]+\.min\.js")


def find_bundle(src_uris: list[str]) -> str:
    """The one Material bundle among the theme's files; an error if not exactly one."""
    found = [uri for uri in src_uris if BUNDLE.fullmatch(uri)]
    if len(found) != 1:
        raise PluginError(
            f"theme_script: expected one Material bundle (assets/javascripts/bundle.*.min.js) "
            f"among the theme's files, found {found or 'none'}. Fix: check the Material "
            "version in requirements.txt and the loader in hooks/output/theme_script.py."
        )
    return found[0]
