"""How long `mkdocs serve` takes to rebuild after an editor saves one case study.

Usage: .venv/bin/python -m bench.serve_rebuild [--size 1000] [--edits 3]

Makes a temporary copy of the project with N synthetic case studies (the
same generator as bench/build_scale.py), starts `mkdocs serve` on a free
port on 127.0.0.1, waits for the first build, then edits one case study
several times and reports, for each edit, the seconds from saving the file
to MkDocs reporting the rebuilt site. Target: 2 s or less at 1,000.
Live reload stays on: without it, `mkdocs serve` watches nothing.
"""

from __future__ import annotations

import argparse
import os
import re
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
from pathlib import Path

from bench.build_scale import make_project

BUILT = re.compile(r"Documentation built in ([\d.]+) seconds")
# Logged after every rebuild. MkDocs drops a log message it has logged
# before, so a rebuild that takes as long as an earlier one (to the hundredth
# of a second) reports no "Documentation built" line: count these instead.
RELOADED = re.compile(r"Reloading browsers")
TARGET_S = 2.0


def free_port() -> int:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        return s.getsockname()[1]


def wait_for(lines: list[str], pattern: re.Pattern[str], count: int, timeout: float) -> str:
    """Wait until `pattern` has been logged `count` times; return the lines up to then."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        seen = 0
        for n, line in enumerate(list(lines)):
            seen += bool(pattern.search(line))
            if seen == count:
                return "".join(lines[: n + 1])
        time.sleep(0.02)
    raise TimeoutError(f"no build report within {timeout} s:\n" + "".join(lines[-20:]))


def own_time(log: str) -> str:
    """MkDocs' own time for the last build in `log`, if it reported one."""
    last = log.rstrip("\n").rsplit("Building documentation", 1)[-1]
    found = BUILT.search(last)
    return f"{found[1]} s" if found else "not reported"


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--size", type=int, default=1000)
    parser.add_argument("--edits", type=int, default=3)
    args = parser.parse_args()
    with tempfile.TemporaryDirectory() as tmp:
        project = Path(tmp) / "project"
        make_project(project, args.size)
        env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "DISABLE_MKDOCS_2_WARNING": "true"}
        env["NO_COLOR"] = "1"
        port = free_port()
        # As `make serve` runs it (its SERVE_FLAGS), on a free port.
        command = [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict",
                   "--dev-addr", f"127.0.0.1:{port}"]  # fmt: skip
        server = subprocess.Popen(
            command, cwd=project, env=env, stderr=subprocess.STDOUT, stdout=subprocess.PIPE,
            text=True,
        )  # fmt: skip
        lines: list[str] = []
        threading.Thread(target=lambda: lines.extend(server.stdout), daemon=True).start()
        try:
            first = wait_for(lines, BUILT, 1, timeout=300)
            print(f"first build with {args.size} case studies: {own_time(first)}")
            story = project / "case_studies" / "synthetic-00000.md"
            timings = []
            for edit in range(1, args.edits + 1):
                time.sleep(1.5)  # let the watcher settle between edits
                saved = time.perf_counter()
                story.write_text(story.read_text() + f"\nEdit number {edit}.\n", encoding="utf-8")
                report = wait_for(lines, RELOADED, edit, timeout=300)
                seconds = time.perf_counter() - saved
                timings.append(seconds)
                print(f"edit {edit}: {seconds:.2f} s from save to rebuilt "
                      f"(MkDocs' own build time {own_time(report)})")  # fmt: skip
        finally:
            server.terminate()
            server.wait(timeout=30)
    median = statistics.median(timings)
    verdict = "met" if median <= TARGET_S else "MISSED"
    print(f"median rebuild: {median:.2f} s (target <= {TARGET_S} s): {verdict}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
