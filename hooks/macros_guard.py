"""Refuse Jinja on opt-in pages that could reach beyond the site's macros.

Handles `on_files`, after `page_front_matter.py` has stored every page. For
each page the macros plugin will render (`render_macros: true`), it parses
the body and title with the plugin's own Jinja environment and rejects
attributes or items whose names start with "_" (the way out of a template
into Python), any call but our registered macros, any other variable (such
as `config`), unsafe filters, and include/import/extends. Problems from every
page are raised at once, before anything is rendered.
"""

from __future__ import annotations

from collections.abc import Collection
from typing import TYPE_CHECKING, Any

import jinja2
from jinja2 import nodes
from mkdocs.plugins import event_priority

import page_store
from editor_errors import Problem, raise_if_any
from front_matter import Document
from macros import MACRO_NAMES

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# Filters that only reshape text or numbers; none can look up attributes.
SAFE_FILTERS = frozenset(
    {
        *("capitalize", "count", "d", "default", "e", "escape", "float", "int", "length"),
        *("lower", "replace", "round", "string", "title", "trim", "truncate", "upper"),
        "wordcount",
    }
)
_FIX = "use only the site's macros ({names}), or delete 'render_macros: true'"
_INCLUDES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


def will_render(meta: dict[str, Any], by_default: bool, forced: bool) -> bool:
    """Whether the macros plugin (1.5) renders a page, following its own rules."""
    flag = meta.get("render_macros")
    if flag is False:
        return False
    return flag is True or forced or by_default


def template_problems(
    source: str, env: jinja2.Environment, allowed: Collection[str]
) -> list[tuple[int, str]]:
    """(line, problem) for everything unsafe in `source`; lines count from 1."""
    try:
        tree = env.parse(source)
    except jinja2.TemplateSyntaxError as err:
        return [(err.lineno, f"this is not valid macro syntax ({err.message})")]
    local = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    found = [
        (node.lineno, text)
        for node in tree.find_all(nodes.Node)
        if (text := _judge(node, allowed, local))
    ]
    return sorted(set(found))


def _judge(node: nodes.Node, allowed: Collection[str], local: set[str]) -> str | None:
    """What is wrong with one node, or None if it is harmless."""
    if isinstance(node, nodes.Getattr) and node.attr.startswith("_"):
        return f"it reaches the hidden attribute '{node.attr}'"
    if (
        isinstance(node, nodes.Getitem)
        and isinstance(node.arg, nodes.Const)
        and str(node.arg.value).startswith("_")
    ):
        return f"it reaches the hidden item '{node.arg.value}'"
    if isinstance(node, nodes.Call) and not (
        isinstance(node.node, nodes.Name) and node.node.name in allowed
    ):
        return f"it calls '{_name_of(node.node)}', which is not one of the site's macros"
    if (
        isinstance(node, nodes.Name)
        and node.ctx == "load"
        and node.name not in {*allowed, *local, "loop"}
    ):
        return f"it uses '{node.name}', which is not one of the site's macros"
    if isinstance(node, nodes.Filter) and node.name not in SAFE_FILTERS:
        return f"it uses the filter '{node.name}', which pages may not use"
    if isinstance(node, _INCLUDES):
        return "it brings in another template"
    return None


def _name_of(node: nodes.Node) -> str:
    """A short name for what is called: `lipsum`, `.__init__`, or `(expression)`."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return "." + node.attr
    return "(expression)"


def page_problems(
    doc: Document, env: jinja2.Environment, allowed: Collection[str]
) -> list[Problem]:
    """Problems in one opt-in page's body and title, located in its file."""
    fix = _FIX.format(names=", ".join(allowed))
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
    problems: list[Problem] = []
    for src_uri, doc in page_store.items():
        if will_render(doc.meta, by_default, bool(plugin.force_page_rendering(src_uri))):
            problems.extend(page_problems(doc, plugin.env, MACRO_NAMES))
    raise_if_any(problems)
    return files
