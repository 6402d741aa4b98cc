"""Refuse Jinja on opt-in pages that could reach beyond the site's macros.

The safety hook's `on_files`, once the content hook has stored every page,
parses each page the macros plugin will render (`render_macros: true`),
body and title, with the plugin's own Jinja environment, and rejects
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
from typing import Any

import jinja2

from hooks.common.errors import Problem
from hooks.common.front_matter import Document
from hooks.safety.jinja_check import template_problems

_FIX = "use only the site's macros ({names}), or delete 'render_macros: true'"


def will_render(meta: dict[str, Any], by_default: bool, forced: bool) -> bool:
    """Whether the macros plugin (1.5) renders a page, following its own rules."""
    flag = meta.get("render_macros")
    if flag is False:
        return False
    return flag is True or forced or by_default


def our_macros(registered: dict[str, Any], folder: Path) -> set[str]:
    """Names of registered macros whose code is under `folder` (ours, not the plugin's)."""
    names = set()
    for name, function in registered.items():
        source = inspect.getsourcefile(function) if callable(function) else None
        if source and Path(source).resolve().is_relative_to(folder.resolve()):
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
