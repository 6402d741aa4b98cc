"""`make build` replaces site/ only when the build succeeds."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

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


@pytest.fixture(scope="module")
def builds(tmp_path_factory: pytest.TempPathFactory) -> dict[str, object]:
    """One project through a first build, a failed one, and one over a stale site/.

    Each step starts from what the last one left, as `make build` does on an
    editor's machine; what each test checks is recorded on the way.
    """
    project = copy_fixture("minimal", tmp_path_factory.mktemp("atomic") / "project")
    steps: dict[str, object] = {"project": project}
    steps["first"] = _build(project)
    steps["first_leftovers"] = _leftovers(project)

    (project / "site" / "marker.txt").write_text("last good build")
    steps["before"] = _files(project)
    index = project / "docs" / "index.md"
    good_page = index.read_text()
    index.write_text("---\ntitle: A\n\tdescription: tab\n---\n\nText.\n")
    steps["failed"] = _build(project)
    steps["after"] = _files(project)
    steps["marker"] = (project / "site" / "marker.txt").read_text()
    steps["failed_leftovers"] = _leftovers(project)

    index.write_text(good_page)
    (project / "site" / "stale.html").write_text("from an old build")
    steps["replaced"] = _build(project)
    steps["stale_left"] = (project / "site" / "stale.html").exists()
    steps["index"] = (project / "site" / "index.html").read_text()
    steps["replaced_leftovers"] = _leftovers(project)
    return steps


def _files(project: Path) -> list[str]:
    return sorted(p.relative_to(project).as_posix() for p in (project / "site").rglob("*"))


def test_a_first_build_with_no_site_yet_creates_it(builds: dict[str, object]) -> None:
    result = builds["first"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "site/index.html" in builds["before"]
    assert builds["first_leftovers"] == []


def test_a_failed_build_leaves_the_last_good_site_untouched(builds: dict[str, object]) -> None:
    failed = builds["failed"]
    assert failed.returncode != 0
    assert "docs/index.md:3: (front matter)" in failed.stderr
    assert "site/ still holds the last good build" in failed.stdout
    assert builds["marker"] == "last good build"
    assert builds["after"] == builds["before"]
    assert builds["failed_leftovers"] == []


def test_a_successful_build_replaces_the_whole_site(builds: dict[str, object]) -> None:
    result = builds["replaced"]
    assert result.returncode == 0, result.stdout + result.stderr
    assert "Built the site into site/" in result.stdout
    assert not builds["stale_left"]
    assert "Minimal Fixture" in builds["index"]
    assert builds["replaced_leftovers"] == []
