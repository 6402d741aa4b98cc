"""Refuse Jinja on opt-in pages that could reach beyond the site's macros.

The safety hook's `on_files`, once the content hook has stored every page,
parses each page the macros plugin will render (`render_macros: true`),
body and title, with the plugin's own Jinja environment, and rejects
attributes or items whose names start with "_" (the way out of a template
into Python) or are worked out on the page, any call but the macros our
hooks register, any variable but a few site settings (`config.site_name`;
never `config` itself), unsafe filters, and include/import/extends.
Problems from every page are raised at once, before anything is rendered.
A page's Jinja is parsed, never run.
"""

from __future__ import annotations

import inspect
import re
from collections.abc import Callable, Collection, Mapping
from pathlib import Path
from typing import Any

import jinja2
from jinja2 import nodes

from hooks.common.errors import Problem
from hooks.common.front_matter import Document
from hooks.common.markdown_mask import macro_lines

_FIX = "use only the site's macros ({names}), or delete 'render_macros: true'"
_CURLY = "\u201c\u201d\u2018\u2019"  # left and right, double and single
_CURLY_IN_CODE = re.compile(f"\\{{[{{%][^}}]*[{_CURLY}]")  # one inside {{ or {%
_CURLY_PROBLEM = "it has curly quotation marks, which macros cannot read"
_CANNOT_CALL = "in a way it cannot be called"


def will_render(meta: dict[str, Any], by_default: bool, forced: bool) -> bool:
    """Whether the macros plugin (1.5) renders a page, following its own rules."""
    flag = meta.get("render_macros")
    if flag is False:
        return False
    return flag is True or forced or by_default


def unrendered_problems(doc: Document, names: Collection[str]) -> list[Problem]:
    """A call of one of our macros (`names`) on a page that does not run macros:
    readers would see it as written. Other braces may be meant as text."""
    return [
        Problem(
            doc.path,
            doc.body_line + number,
            "macros",
            "this line calls a macro, but macros do not run on this page, so readers "
            "would see the braces",
            "add 'render_macros: true' to the front matter; to show braces as text, "
            "put them in `code`",
        )
        for number in macro_lines(doc.body, names)
    ]


def our_macros(registered: dict[str, Any], folder: Path) -> dict[str, Callable[..., Any]]:
    """The registered macros whose code is under `folder` (ours, not the plugin's), by name."""
    ours = {}
    for name, function in registered.items():
        source = inspect.getsourcefile(function) if callable(function) else None
        if source and Path(source).resolve().is_relative_to(folder.resolve()):
            ours[name] = function
    return ours


def page_problems(
    doc: Document, env: jinja2.Environment, allowed: Collection[str]
) -> list[Problem]:
    """Problems in one opt-in page's body and title, located in its file."""
    default = _FIX.format(names=", ".join(sorted(allowed)))
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
    return [
        Problem(doc.path, n, "macros", "; ".join(texts), _fix_for(texts, default))
        for n, texts in sorted(by_line.items())
    ]


def _fix_for(texts: list[str], default: str) -> str:
    """The fix for one line's problems: a specific one when they are all of one kind."""
    if all(text == _CURLY_PROBLEM for text in texts):
        return "type straight quotes (' or \"), not curly ones"
    if all(_CANNOT_CALL in text for text in texts):
        return "give the macro the values it takes, as the problem lists them"
    return default


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
        line = (
            source.splitlines()[err.lineno - 1] if 0 < err.lineno <= source.count("\n") + 1 else ""
        )
        # Typed by a word processor's autocorrect: on the line, or in the parser's words.
        if _CURLY_IN_CODE.search(line) or any(q in str(err.message) for q in _CURLY):
            return [(err.lineno, _CURLY_PROBLEM)]
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
    if isinstance(node, nodes.Getitem):
        # Jinja looks an item up as an attribute too: a key worked out on the
        # page (such as '_' ~ '_globals__') could reach anything.
        if not isinstance(node.arg, nodes.Const):
            return "it looks up an item whose name is worked out on the page"
        if str(node.arg.value).startswith("_"):
            return f"it reaches the hidden item '{node.arg.value}'"
    if (
        isinstance(node, nodes.Call)
        and isinstance(node.node, nodes.Name)
        and isinstance(allowed, Mapping)
        and node.node.name in allowed
    ):
        return _call_problem(node, node.node.name, allowed[node.node.name])
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


def _call_problem(node: nodes.Call, name: str, function: Callable[..., Any]) -> str | None:
    """Why a call to one of our macros cannot work (the plugin would stop with a traceback)."""
    if node.dyn_args or node.dyn_kwargs:
        return None  # *args: only known when the page is rendered
    signature = inspect.signature(function)
    try:
        signature.bind(*node.args, **{keyword.key: keyword.value for keyword in node.kwargs})
    except TypeError as err:
        takes = ", ".join(signature.parameters) or "nothing"
        return f"it calls '{name}' {_CANNOT_CALL} ({err}; it takes: {takes})"
    return None


def _name_of(node: nodes.Node) -> str:
    """A short name for what is called: `lipsum`, `.__init__`, or `(expression)`."""
    if isinstance(node, nodes.Name):
        return node.name
    if isinstance(node, nodes.Getattr):
        return "." + node.attr
    return "(expression)"
