"""Build the real site or a fixture site, the way an editor's `make build` does."""

from __future__ import annotations

import os
import re
import shutil
import subprocess
import sys
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
FIXTURES = ROOT / "tests" / "fixtures"

# The shared machinery a fork never edits. A fixture site is a copy of these
# plus its own mkdocs.yml, docs/ and case_studies/, just like a fork.
SHARED_MACHINERY = ("mkdocs.base.yml", "hooks", "overrides", "includes", "case_studies")

_ANSI = re.compile(r"\x1b\[[0-9;]*m")

# Silence the banners about MkDocs 2 (see the Makefile): Material reads the
# first variable; plugins using ProperDocs' replacement_warning read the second.
QUIET_ENV = {"NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true", "NO_COLOR": "1"}


@dataclass(frozen=True)
class Build:
    """The result of one `mkdocs build`: where it went and what it said."""

    returncode: int
    log: str
    site_dir: Path

    @property
    def warnings(self) -> list[str]:
        return [line for line in self.log.splitlines() if line.startswith(("WARNING", "ERROR"))]

    @property
    def ok(self) -> bool:
        return self.returncode == 0 and not self.warnings


def run_mkdocs_build(
    project_dir: Path, site_dir: Path, config: str = "mkdocs.yml", *options: str
) -> Build:
    """Run a strict build in a fresh process, from the project folder.

    A fresh process per build means no module state leaks between builds,
    and the working directory is the project, as it is for `make build`.
    """
    env = {**os.environ, **QUIET_ENV}
    proc = subprocess.run(
        [
            sys.executable,
            "-m",
            "mkdocs",
            "build",
            "--strict",
            "-f",
            config,
            "-d",
            str(site_dir),
            *options,
        ],
        cwd=project_dir,
        env=env,
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    log = _ANSI.sub("", proc.stdout + proc.stderr)
    return Build(proc.returncode, log, site_dir)


def copy_fixture(scenario: str, dest: Path) -> Path:
    """Lay out a fixture site in `dest`: the shared machinery plus the fixture."""
    dest.mkdir(parents=True, exist_ok=True)
    for name in SHARED_MACHINERY:
        src = ROOT / name
        if src.is_dir():
            # Case-study content belongs to the real site, not to fixtures.
            ignore = story_files if name == "case_studies" else None
            shutil.copytree(src, dest / name, ignore=ignore, dirs_exist_ok=True)
        elif src.exists():
            shutil.copy2(src, dest / name)
    shutil.copytree(FIXTURES / scenario, dest, dirs_exist_ok=True)
    return dest


def story_files(folder: str, names: list[str]) -> list[str]:
    """Leave out case-study stories when copying the shared case_studies/ folder."""
    return [n for n in names if n.endswith(".md") and not n.startswith("_")]


def build_fixture(scenario: str, tmp_path: Path) -> Build:
    """Build `tests/fixtures/<scenario>/` into `tmp_path` and return the result."""
    project = copy_fixture(scenario, tmp_path / "project")
    return run_mkdocs_build(project, tmp_path / "site")


def build_fixture_with_page(scenario: str, tmp_path: Path, name: str, data: bytes) -> Build:
    """Build a fixture site with one more page, `docs/<name>`, added to its navigation."""
    return build_fixture_with_pages(scenario, tmp_path, {name: data})


def build_fixture_with_pages(scenario: str, tmp_path: Path, pages: dict[str, bytes]) -> Build:
    """Build a fixture site with more pages, `docs/<name>` for each, added to its navigation."""
    project = copy_fixture(scenario, tmp_path / "project")
    config = project / "mkdocs.yml"
    nav = config.read_text()
    for name, data in pages.items():
        (project / "docs" / name).write_bytes(data)
        nav += f"  - Added: {name}\n"
    config.write_text(nav)
    return run_mkdocs_build(project, tmp_path / "site")


def file_bytes(folder: Path) -> dict[Path, bytes]:
    """Every file under `folder` (by its path inside it) and its bytes."""
    return {p.relative_to(folder): p.read_bytes() for p in folder.rglob("*") if p.is_file()}


def is_redirect_stub(path: Path) -> bool:
    """True for the small file mkdocs-redirects writes at an old address.

    It is not one of our pages (no theme, no policy): it only sends the
    reader on. tests/build/test_redirects.py checks these files instead.
    """
    if path.stat().st_size > 2048:
        return False
    return 'http-equiv="refresh"' in path.read_text(encoding="utf-8")


def html_pages(site_dir: Path) -> list[Path]:
    """Every HTML page in a built site, in a stable order (redirect stubs left out)."""
    return sorted(p for p in site_dir.rglob("*.html") if not is_redirect_stub(p))
