"""The structure ARCHITECTURE.md promises, checked so it stays true."""

from __future__ import annotations

import ast
import re
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
HOOKS = ROOT / "hooks"
CAPABILITIES = sorted(p.parent.name for p in HOOKS.glob("*/events.py"))


def _base_hooks() -> list[str]:
    text = (ROOT / "mkdocs.base.yml").read_text(encoding="utf-8")
    # Compose only: the base has !!python/name tags that safe_load would refuse.
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    hooks = next(v for k, v in node.value if k.value == "hooks")
    return [item.value for item in hooks.value]


def test_the_base_lists_one_hook_per_capability() -> None:
    assert _base_hooks() == [
        h for h in _base_hooks() if re.fullmatch(r"hooks/[a-z_]+/events\.py", h)
    ]
    assert sorted(Path(h).parent.name for h in _base_hooks()) == CAPABILITIES


def test_only_events_modules_handle_mkdocs_events() -> None:
    handlers = []
    for module in HOOKS.rglob("*.py"):
        if module.name == "events.py":
            continue
        tree = ast.parse(module.read_text(encoding="utf-8"))
        handlers += [
            f"{module.relative_to(ROOT)}: {node.name}"
            for node in tree.body
            if isinstance(node, ast.FunctionDef) and node.name.startswith("on_")
        ]
    assert handlers == []


def test_architecture_is_short_and_names_every_capability() -> None:
    text = (ROOT / "ARCHITECTURE.md").read_text(encoding="utf-8")
    assert len(text) <= 12_000, len(text)
    missing = [c for c in CAPABILITIES if f"### `{c}/`" not in text]
    assert missing == []


def test_no_module_uses_private_mkdocs_names() -> None:
    private = re.compile(r"\b(?:pages|files|nav|config|page|file)\._[a-z]\w*|import _\w+")
    found = [
        f"{m.relative_to(ROOT)}: {hit}"
        for m in HOOKS.rglob("*.py")
        for hit in private.findall(m.read_text(encoding="utf-8"))
    ]
    assert found == []


def test_no_hook_starts_a_second_process_or_reaches_into_mkdocs_internals() -> None:
    banned = re.compile(r"_populate_page|get_context|_current_page|os\.fork|multiprocessing")
    found = [str(m.relative_to(ROOT)) for m in HOOKS.rglob("*.py") if banned.search(m.read_text())]
    assert found == []
