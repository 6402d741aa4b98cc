"""Make a fork of this repository, as an organisation would, in a temporary folder."""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.support.sites import FIXTURES, ROOT

FORK_FIXTURE = FIXTURES / "fork"


def tracked_files() -> list[str]:
    """Every file git tracks in this repository (what a fork starts with)."""
    out = subprocess.run(
        ["git", "ls-files", "-z", "--cached", "--others", "--exclude-standard"],
        cwd=ROOT,
        capture_output=True,
        text=True,
        check=True,
    )
    return [p for p in out.stdout.split("\0") if p and not p.startswith("tests/")]


def copy_project(dest: Path) -> Path:
    """Copy every file git tracks into `dest` (a fresh clone's files), and return `dest`."""
    for rel in tracked_files():
        target = dest / rel
        target.parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, target)
    return dest


def _read_yaml(path: Path) -> dict[str, Any]:
    # Our config files use !!python/name tags only in mkdocs.base.yml; mkdocs.yml is plain.
    return yaml.safe_load(path.read_text(encoding="utf-8"))


def fork_nav(upstream_nav: list[Any], dropped_prefix: str, added: list[Any]) -> list[Any]:
    """Upstream's nav without the section under `dropped_prefix`, plus `added` entries."""

    def keeps(item: Any) -> bool:
        text = yaml.safe_dump(item)
        return dropped_prefix not in text

    return [item for item in upstream_nav if keeps(item)] + added


def make_fork(dest: Path) -> Path:
    """Copy the repository into `dest` and apply the fork fixture's identity.

    The fixture's mkdocs.yml is the fork's identity. Its nav is upstream's
    without the law section, plus the fork's own pages (the fixture lists
    those), as a fork's editor would write it.
    """
    copy_project(dest)
    shutil.copytree(FORK_FIXTURE, dest, dirs_exist_ok=True)
    identity = _read_yaml(FORK_FIXTURE / "mkdocs.yml")
    upstream = _read_yaml(ROOT / "mkdocs.yml")
    identity["nav"] = fork_nav(upstream["nav"], "law/", identity["nav"][1:])
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(identity, sort_keys=False), encoding="utf-8")
    return dest
