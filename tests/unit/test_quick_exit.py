"""`mkdocs build` leaves without a last garbage collection (hooks/quick_exit.py)."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

HOOKS = Path(__file__).resolve().parents[2] / "hooks"

# A process that starts a build of `command`, then leaves garbage in a cycle:
# only a garbage collection at exit finds it, and its finaliser says so.
PROGRAM = """
import sys
sys.path.insert(0, {hooks!r})
import quick_exit
quick_exit.on_startup(command={command!r}, dirty=False)
quick_exit.on_startup(command={command!r}, dirty=False)

class Cycle:
    def __del__(self):
        print("collected at exit")

cycle = Cycle()
cycle.me = cycle
del cycle
import gc
print("frozen now:", gc.get_freeze_count())
"""


def _run(command: str) -> str:
    program = PROGRAM.format(hooks=str(HOOKS), command=command)
    result = subprocess.run(
        [sys.executable, "-c", program], capture_output=True, text=True, check=True
    )
    return result.stdout


def test_a_build_skips_the_collection_at_exit() -> None:
    assert _run("build") == "frozen now: 0\n"  # frozen only at exit, not during the build


@pytest.mark.parametrize("command", ["serve", "gh-deploy"])
def test_other_commands_collect_at_exit_as_usual(command: str) -> None:
    assert _run(command) == "frozen now: 0\ncollected at exit\n"
