"""Refuse Jinja on opt-in pages that could reach beyond the site's macros.

Handles `on_files`, after `page_front_matter.py` has stored every page. For
each page the macros plugin will render (`render_macros: true`), it parses
the body and title with the plugin's own Jinja environment and rejects
attributes or items whose names start with "_" (the way out of a template
into Python), any call but the macros our hooks register, any variable but
a few site settings (`config.site_name`; never `config` itself), unsafe
filters, and include/import/extends. Problems from every page are raised at
once, before anything is rendered.
"""

from __future__ import annotations

import inspect
from collections.abc import Collection
from pathlib import Path
from typing import TYPE_CHECKING, Any

import jinja2
from mkdocs.plugins import event_priority

import page_store
from editor_errors import Problem, raise_if_any
from front_matter import Document
from jinja_check import template_problems
from macros import MACRO_NAMES

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

_FIX = "use only the site's macros ({names}), or delete 'render_macros: true'"


def will_render(meta: dict[str, Any], by_default: bool, forced: bool) -> bool:
    """Whether the macros plugin (1.5) renders a page, following its own rules."""
    flag = meta.get("render_macros")
    if flag is False:
        return False
    return flag is True or forced or by_default


def our_macros(registered: dict[str, Any], folder: Path) -> set[str]:
    """Names of registered macros whose code is in `folder` (ours, not the plugin's)."""
    names = set()
    for name, function in registered.items():
        source = inspect.getsourcefile(function) if callable(function) else None
        if source and Path(source).resolve().parent == folder.resolve():
            names.add(name)
    return names


def page_problems(
    doc: Document, env: jinja2.Environment, allowed: Collection[str]
) -> list[Problem]:
    """Problems in one opt-in page's body and title, located in its file."""
    fix = _FIX.format(names=", ".join(sorted(allowed)))
    found = [
        (doc.body_line + line - 1, text) for line, text in template_problems(doc.body, env, allowed)
    ]
    title = doc.meta.get("title")
    if isinstance(title, str):
        found += [
            (doc.line_of("title"), text) for _, text in template_problems(title, env, allowed)
        ]
    by_line: dict[int, list[str]] = {}
    for line, text in sorted(found):
        by_line.setdefault(line, []).append(text)
    return [Problem(doc.path, n, "macros", "; ".join(t), fix) for n, t in sorted(by_line.items())]


@event_priority(40)  # after page_front_matter (50) has stored the pages
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    plugin = config.plugins.get("macros")
    if plugin is None:
        return files
    by_default = bool(plugin.config["render_by_default"])
    # macros.py's own, plus any another hook registered (feed.py's whats_new).
    allowed = {*MACRO_NAMES, *our_macros(plugin.macros, Path(__file__).parent)}
    problems: list[Problem] = []
    for src_uri, doc in page_store.items():
        if will_render(doc.meta, by_default, bool(plugin.force_page_rendering(src_uri))):
            problems.extend(page_problems(doc, plugin.env, allowed))
    raise_if_any(problems)
    return files
