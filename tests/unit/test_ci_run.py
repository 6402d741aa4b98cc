"""CI fails when no test ran: pytest exits 5, and `.ci/run` (through `make test`) fails with it."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from pathlib import Path

from tests.support.sites import ROOT

NO_TESTS_RAN = 5  # pytest.ExitCode.NO_TESTS_COLLECTED


def _makefile_pytest_flags() -> list[str]:
    """The flags `make test` gives pytest (PYTEST_FLAGS in the Makefile)."""
    found = re.search(r"^PYTEST_FLAGS \?= (.*)$", (ROOT / "Makefile").read_text(), re.MULTILINE)
    assert found, "the Makefile sets no PYTEST_FLAGS"
    return found.group(1).split()


def test_pytest_as_make_test_runs_it_exits_5_when_no_test_ran(tmp_path: Path) -> None:
    command = [sys.executable, "-m", "pytest", *_makefile_pytest_flags(), "-p", "no:cacheprovider"]
    command += ["--basetemp", str(tmp_path / "t"), "-k", "no_test_has_this_name"]
    command += ["tests/unit/common/test_errors.py"]
    result = subprocess.run(command, cwd=ROOT, capture_output=True, text=True, check=False)
    assert result.returncode == NO_TESTS_RAN, result.stdout + result.stderr


def test_ci_run_fails_when_make_test_fails_as_it_does_when_no_test_ran(tmp_path: Path) -> None:
    # Stand-ins on PATH: a Chromium (so nothing is installed) and a `make` that
    # fails as `make test` does when pytest exits 5 (make itself then exits 2).
    for name, code in (("chromium", 0), ("make", 2)):
        tool = tmp_path / name
        tool.write_text(f"#!/bin/sh\necho \"$0 $*\" >> '{tmp_path}/calls'\nexit {code}\n")
        tool.chmod(0o755)
    env = {**os.environ, "PATH": f"{tmp_path}:{os.environ['PATH']}"}
    env.pop("CHROMIUM_PATH", None)
    result = subprocess.run(
        ["bash", str(ROOT / ".ci" / "run")], env=env, capture_output=True, text=True, check=False
    )
    assert result.returncode != 0, result.stdout + result.stderr
    assert (tmp_path / "calls").read_text().splitlines() == [f"{tmp_path}/make test"]
