"""Find what is unsafe in a Jinja template, by parsing it (never running it).

Pure functions for macros_guard.py. A template may call the allowed macros,
print a few site settings, and use plain Jinja (if, for, set, safe filters);
anything that could reach Python's internals or other templates is reported.
"""

from __future__ import annotations

from collections.abc import Collection

import jinja2
from jinja2 import nodes

# Filters that only reshape text or numbers; none can look up attributes.
SAFE_FILTERS = frozenset(
    {
        *("capitalize", "count", "d", "default", "e", "escape", "float", "int", "length"),
        *("lower", "replace", "round", "string", "title", "trim", "truncate", "upper"),
        "wordcount",
    }
)
# Site settings a page may print, with everything below them (dotted paths).
SAFE_VALUES = (
    *("config.site_name", "config.site_url", "config.site_description", "config.copyright"),
    *("config.repo_url", "config.extra.organisation", "config.extra.private"),
)
_INCLUDES = (nodes.Include, nodes.Import, nodes.FromImport, nodes.Extends)


def template_problems(
    source: str, env: jinja2.Environment, allowed: Collection[str]
) -> list[tuple[int, str]]:
    """(line, problem) for everything unsafe in `source`; lines count from 1."""
    try:
        tree = env.parse(source)
    except jinja2.TemplateSyntaxError as err:
        return [(err.lineno, f"this is not valid macro syntax ({err.message})")]
    local = {n.name for n in tree.find_all(nodes.Name) if n.ctx in ("store", "param")}
    safe = {id(base) for node in tree.find_all(nodes.Getattr) if (base := _safe_base(node))}
    found = [
        (node.lineno, text)
        for node in tree.find_all(nodes.Node)
        if id(node) not in safe and (text := _judge(node, allowed, local))
    ]
    return sorted(set(found))


def _safe_base(node: nodes.Getattr) -> nodes.Name | None:
    """The `config` in `config.site_name` (a chain under SAFE_VALUES), else None."""
    path: list[str] = []
    current: nodes.Node = node
    while isinstance(current, nodes.Getattr):
        path.insert(0, current.attr)
        current = current.node
    if not isinstance(current, nodes.Name):
        return None
    dotted = ".".join([current.name, *path])
    return current if any(f"{dotted}.".startswith(f"{v}.") for v in SAFE_VALUES) else None


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
