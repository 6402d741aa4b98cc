"""Make a fork of this repository, as an organisation would, in a temporary folder.

`make_fork` gives a fork as it starts; `make_merged_fork` gives a fork that
has since merged an upstream change to the shared machinery (UPSTREAM_CHANGES),
which is what tests/conftest.py's `fork_build` builds.
"""

from __future__ import annotations

import shutil
import subprocess
from pathlib import Path
from typing import Any

import yaml

from tests.support.sites import FIXTURES, ROOT

FORK_FIXTURE = FIXTURES / "fork"

# A page upstream adds after the fork was made: the fork's build must pass and
# name it in a notice, as docs/fork.md ("Get our updates") says.
UPSTREAM_PAGE = "guides/an-upstream-page.md"
UPSTREAM_PAGE_TEXT = (
    "---\ntitle: An upstream page\ndescription: A page added upstream after the fork.\n"
    "last_reviewed: 2026-12-01\n---\n\n# An upstream page\n\nNew guidance from upstream.\n"
)
# What upstream changes after the fork was made: shared files, each with a
# line that the merged tree (and the CSS, in the built site) must still hold.
UPSTREAM_CHANGES = {
    "mkdocs.base.yml": "\n# upstream: a new shared setting\n",
    "overrides/main.html": "\n{# upstream: a template change #}\n",
    "overrides/assets/stylesheets/site.css": "\n/* upstream: a style change */\n",
}


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

    def kept(items: list[Any]) -> list[Any]:
        out = []
        for item in items:
            value = next(iter(item.values())) if isinstance(item, dict) else item
            if isinstance(value, list):  # a section: keep it, without the dropped pages
                title = next(iter(item))
                if not str(value[0] if value else "").startswith(dropped_prefix):
                    out.append({title: kept(value)})
            elif dropped_prefix not in str(value):
                out.append(item)
        return out

    return kept(upstream_nav) + added


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
    # As docs/fork.md says: the section leaves the nav, and so does its Easy Read
    # version (the build leaves that page out with the section).
    nav = fork_nav(upstream["nav"], "law/", identity["nav"][1:])
    identity["nav"] = fork_nav(nav, "easy-read/your-right-to-be-involved.md", [])
    (dest / "mkdocs.yml").write_text(yaml.safe_dump(identity, sort_keys=False), encoding="utf-8")
    return dest


def git(repo: Path, *args: str) -> str:
    """Run git in `repo` as a fixed test author; fail with git's output if it fails."""
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    if result.returncode != 0:
        raise AssertionError(f"git {' '.join(args)} failed:\n{result.stdout}{result.stderr}")
    return result.stdout


def make_merged_fork(repo: Path) -> Path:
    """A git repository in `repo`: upstream on `main`, the fork on `fork`, which
    has merged upstream's later change to shared files (checked out: `fork`)."""
    copy_project(repo)
    git(repo, "init", "-q", "-b", "main")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "upstream")

    git(repo, "checkout", "-q", "-b", "fork")
    make_fork(repo)  # the fork edits mkdocs.yml and adds its own pages
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "fork identity")

    git(repo, "checkout", "-q", "main")
    for name, line in UPSTREAM_CHANGES.items():
        with (repo / name).open("a", encoding="utf-8") as f:
            f.write(line)
    # A new page (upstream lists it in its own nav; the fork's nav is the fork's).
    (repo / "docs" / UPSTREAM_PAGE).write_text(UPSTREAM_PAGE_TEXT, encoding="utf-8")
    git(repo, "add", "-A")
    git(repo, "commit", "-qm", "upstream update: shared files and a new page")

    git(repo, "checkout", "-q", "fork")
    git(repo, "merge", "-q", "--no-edit", "main")
    return repo
