"""`make build` replaces site/ only when the build succeeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

from tests.support.sites import QUIET_ENV, ROOT, copy_fixture

SCRIPT = ROOT / "scripts" / "atomic_build.py"


def _build(project: Path) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(SCRIPT)],
        cwd=project,
        capture_output=True,
        text=True,
        timeout=300,
        check=False,
        env={**os.environ, **QUIET_ENV},
    )


def _leftovers(project: Path) -> list[str]:
    return sorted(p.name for p in project.glob(".site-build-*"))


def test_a_failed_build_leaves_the_last_good_site_untouched(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    good = _build(project)
    assert good.returncode == 0, good.stdout + good.stderr
    (project / "site" / "marker.txt").write_text("last good build")
    before = sorted(p.relative_to(project).as_posix() for p in (project / "site").rglob("*"))

    (project / "docs" / "index.md").write_text("---\ntitle: A\n\tdescription: tab\n---\n\nText.\n")
    failed = _build(project)

    assert failed.returncode != 0
    assert "docs/index.md:3: (front matter)" in failed.stderr
    assert "site/ still holds the last good build" in failed.stdout
    assert (project / "site" / "marker.txt").read_text() == "last good build"
    after = sorted(p.relative_to(project).as_posix() for p in (project / "site").rglob("*"))
    assert after == before
    assert _leftovers(project) == []


def test_a_successful_build_replaces_the_whole_site(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    (project / "site").mkdir()
    (project / "site" / "stale.html").write_text("from an old build")

    result = _build(project)

    assert result.returncode == 0, result.stdout + result.stderr
    assert "Built the site into site/" in result.stdout
    assert not (project / "site" / "stale.html").exists()
    assert "Minimal Fixture" in (project / "site" / "index.html").read_text()
    assert _leftovers(project) == []


def test_a_first_build_with_no_site_yet_creates_it(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    result = _build(project)
    assert result.returncode == 0, result.stdout + result.stderr
    assert (project / "site" / "index.html").is_file()
    assert _leftovers(project) == []
