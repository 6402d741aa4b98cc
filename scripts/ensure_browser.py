"""Make sure the browser tests have a Chromium; fetch one if there is none.

Run by `make test` before the tests (and so by .ci/run). In order:

1. A system Chromium (CHROMIUM_PATH, or chromium, chromium-browser,
   google-chrome on the PATH), or Playwright's own, already there: done.
2. Playwright's own browser: `python -m playwright install chromium`. It
   works wherever Playwright's download host can be reached.
3. On Debian or Ubuntu, the distribution's package:
   `apt-get install -y chromium`, with sudo when not root.

Only when every step fails does it stop, with the one command that fixes it.

    python scripts/ensure_browser.py
"""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Mapping
from dataclasses import dataclass
from pathlib import Path

# The names tests/support/browser.py looks for, in the same order.
SYSTEM_CANDIDATES = (
    "/usr/bin/chromium",
    "chromium",
    "chromium-browser",
    "google-chrome",
    "google-chrome-stable",
)

PLAYWRIGHT_INSTALL = (sys.executable, "-m", "playwright", "install", "chromium")


@dataclass(frozen=True)
class Machine:
    """What this machine has, as far as getting a browser goes."""

    system_browser: str | None  # CHROMIUM_PATH or a Chromium on the PATH
    playwright_browser: str | None  # Playwright's own Chromium, if downloaded
    has_playwright: bool  # the playwright package is installed
    has_apt: bool  # Debian or Ubuntu (apt-get on the PATH)
    is_root: bool
    has_sudo: bool


@dataclass(frozen=True)
class Step:
    """One way to get a browser: what it is, and the commands that do it."""

    name: str
    commands: tuple[tuple[str, ...], ...]


def system_chromium(
    environ: Mapping[str, str], which: Callable[[str], str | None] = shutil.which
) -> str | None:
    """CHROMIUM_PATH if it is a file, else the first Chromium on the PATH."""
    configured = environ.get("CHROMIUM_PATH")
    if configured and Path(configured).is_file():
        return configured
    for name in SYSTEM_CANDIDATES:
        found = which(name)
        if found:
            return found
    return None


def playwright_chromium() -> str | None:
    """The path of Playwright's own Chromium if it is downloaded, else None."""
    try:
        from playwright.sync_api import sync_playwright
    except ImportError:
        return None
    try:
        with sync_playwright() as p:
            path = p.chromium.executable_path
    except Exception:  # Playwright raises when it cannot say; treat as absent.
        return None
    return path if path and Path(path).is_file() else None


def survey() -> Machine:
    """Look at this machine. Installs nothing."""
    try:
        import playwright  # noqa: F401

        has_playwright = True
    except ImportError:
        has_playwright = False
    system = system_chromium(os.environ)
    return Machine(
        system_browser=system,
        playwright_browser=None if system or not has_playwright else playwright_chromium(),
        has_playwright=has_playwright,
        has_apt=shutil.which("apt-get") is not None,
        is_root=hasattr(os, "geteuid") and os.geteuid() == 0,
        has_sudo=shutil.which("sudo") is not None,
    )


def plan(machine: Machine) -> list[Step]:
    """The steps to try, in order. None when a browser is already there."""
    if machine.system_browser or machine.playwright_browser:
        return []
    steps = []
    if machine.has_playwright:
        steps.append(Step("Playwright's own Chromium", (PLAYWRIGHT_INSTALL,)))
    if machine.has_apt and (machine.is_root or machine.has_sudo):
        sudo = () if machine.is_root else ("sudo",)
        steps.append(
            Step(
                "the distribution's chromium package",
                (
                    (*sudo, "apt-get", "update", "-qq"),
                    (*sudo, "apt-get", "install", "-y", "-qq", "chromium"),
                ),
            )
        )
    return steps


def fix_command(machine: Machine) -> str:
    """The one command to run by hand when every step has failed."""
    if machine.has_apt:
        return ("" if machine.is_root else "sudo ") + "apt-get install -y chromium"
    if shutil.which("brew"):
        return "brew install --cask chromium"
    return "python -m playwright install chromium"


def run_step(step: Step) -> bool:
    """Run the step's commands in turn; True if all of them succeed."""
    env = {**os.environ, "DEBIAN_FRONTEND": "noninteractive"}
    for command in step.commands:
        print("  $ " + " ".join(command), flush=True)
        try:
            result = subprocess.run(command, env=env, check=False)  # noqa: S603
        except OSError as error:
            print(f"  could not run it: {error}")
            return False
        if result.returncode != 0:
            return False
    return True


def main() -> int:
    machine = survey()
    found = machine.system_browser or machine.playwright_browser
    if found:
        print(f"Browser tests will use {found}")
        return 0
    for step in plan(machine):
        print(f"No Chromium found: installing {step.name}.", flush=True)
        if run_step(step):
            again = survey()
            found = again.system_browser or again.playwright_browser
            if found:
                print(f"Browser tests will use {found}")
                return 0
        print(f"That did not give a working Chromium ({step.name}).")
    print(
        "No Chromium for the browser tests, and none could be installed.\n"
        f"Install one with: {fix_command(machine)}\n"
        "then run `make test` again. (Or set CHROMIUM_PATH to a Chromium you have.)",
        file=sys.stderr,
    )
    return 1


if __name__ == "__main__":
    sys.exit(main())
