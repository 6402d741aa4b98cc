"""Macros for pages that opt in with `render_macros: true`.

Loaded by mkdocs-macros-plugin (`module_name: hooks/macros`). Each macro is a
plain, module-level function so tests can call it directly; `define_env`
only registers them. Case-study data never passes through Jinja.
"""

from __future__ import annotations

import posixpath
from typing import Any

# Build-machine details a page has no business printing.
_HIDDEN_VARIABLES = ("environment", "macros_info")


def section_link(files: Any, from_src_uri: str, src_uri: str, text: str) -> str:
    """Return a Markdown link to `src_uri`, or plain `text` if a fork dropped it.

    Shared pages link to optional sections (the law pages, say) through this,
    so a fork can remove a section and still build strictly. The link points
    at the Markdown source, so MkDocs still checks it and its anchor.
    """
    path, _, anchor = src_uri.partition("#")
    target = files.get_file_from_path(path) if files is not None else None
    if target is None or not target.is_documentation_page():
        return text
    href = posixpath.relpath(path, posixpath.dirname(from_src_uri) or ".")
    return f"[{text}]({href}{'#' + anchor if anchor else ''})"


def define_env(env: Any) -> None:
    """Register this module's macros and hide build-machine details."""
    for name in _HIDDEN_VARIABLES:
        env.variables.pop(name, None)

    @env.macro
    def link_to(src_uri: str, text: str) -> str:
        """Link to a page by its path in docs/, or print the text if absent."""
        page = env.variables["page"]
        return section_link(env.variables.get("files"), page.file.src_uri, src_uri, text)
