"""Each fixture site built once per test session, shared by every test file and worker.

A `mkdocs build` takes seconds, and most test files only read what one
produced, so a site is built once and every test that needs it reads the same
folder. `make test` runs the tests on several processes (pytest-xdist); the
first process to ask for a site builds it while the others wait on a file
lock, then all of them read its output.

How to use it in a new test file: ask for one of the session fixtures in
tests/conftest.py by name, and never write into its folder (other tests read
it too):

- `built_site` / `site_dir`: the real site (`Build` / its output folder);
- `case_study_build`: tests/fixtures/case_study_site/ as it is;
- `hostile_build`: tests/fixtures/case_study_hostile/;
- `showcase_build`: tests/fixtures/a11y_showcase/ (one of every component);
- `review_build`: tests/fixtures/review_dates/ (a fixed "today");
- `paged_build`: case_study_site plus 120 generated case studies
  (tests/support/paged_site.py);
- `minimal_build`: tests/fixtures/minimal/ plus the two odd pages that must
  build normally (tests/bad_inputs/pages/bom.md, macro_without_opt_in.md);
- `fork_build`: a fork of this repository with an upstream change merged
  into it (tests/support/fork.py); its git repository is `site_dir.parent / "repo"`.

`site_pages` (module-scoped) is every page of the real site parsed once for
the test file that asks: loop over it rather than parsing each page again.

For a site no fixture builds yet, add a session fixture to tests/conftest.py
that calls `shared_build(tmp_path_factory, "<unique key>", make)`, where
`make(folder)` lays the project out under `folder` and returns its `Build`.
A test that changes a site (a bad input, an edit) builds its own copy in its
own `tmp_path` instead.
"""

from __future__ import annotations

import fcntl
import json
import os
import shutil
from collections.abc import Callable
from pathlib import Path

import pytest

from tests.support.sites import Build


def shared_root(factory: pytest.TempPathFactory) -> Path:
    """The folder every worker of this session shares (the session's own on one process)."""
    base = factory.getbasetemp()
    # pytest-xdist gives each worker <session temp>/popen-gw<n>: share the parent.
    return base.parent if os.environ.get("PYTEST_XDIST_WORKER") else base


def shared_build(factory: pytest.TempPathFactory, key: str, make: Callable[[Path], Build]) -> Build:
    """The `Build` that `make(folder)` gives, made by whichever worker asks first."""
    root = shared_root(factory)
    folder = root / f"shared-{key}"
    record = folder / "build.json"
    with (root / f"shared-{key}.lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # released when the file closes
        if record.is_file():
            saved = json.loads(record.read_text(encoding="utf-8"))
            return Build(saved["returncode"], saved["log"], Path(saved["site_dir"]))
        shutil.rmtree(folder, ignore_errors=True)  # left by an interrupted attempt
        folder.mkdir()
        build = make(folder)
        saved = {"returncode": build.returncode, "log": build.log, "site_dir": str(build.site_dir)}
        record.write_text(json.dumps(saved), encoding="utf-8")
        return build


def require_ok(build: Build, what: str) -> Build:
    """Fail every test that needs `build` (with its log) unless it built cleanly."""
    if not build.ok:
        pytest.fail(f"{what} did not build cleanly:\n{build.log}", pytrace=False)
    return build
