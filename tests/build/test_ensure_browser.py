"""`make test` fetches a browser when there is none, choosing the step by what exists.

These tests only call the functions that look and choose; nothing is installed.
"""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from scripts import ensure_browser
from scripts.ensure_browser import PLAYWRIGHT_INSTALL, Machine, fix_command, plan, system_chromium
from tests.support.sites import ROOT


def machine(**overrides: object) -> Machine:
    """A bare machine: no browser, no Playwright, not Debian, not root, no sudo."""
    values = {
        "system_browser": None,
        "playwright_browser": None,
        "has_playwright": False,
        "has_apt": False,
        "is_root": False,
        "has_sudo": False,
    }
    return Machine(**{**values, **overrides})


def commands(steps: list[ensure_browser.Step]) -> list[tuple[tuple[str, ...], ...]]:
    return [step.commands for step in steps]


APT_UPDATE = ("apt-get", "update", "-qq")
APT_INSTALL = ("apt-get", "install", "-y", "-qq", "chromium")


@pytest.mark.parametrize(
    "found",
    [{"system_browser": "/usr/bin/chromium"}, {"playwright_browser": "/ms-playwright/chrome"}],
    ids=["system", "playwright"],
)
def test_a_browser_already_there_means_nothing_to_install(found: dict[str, str]) -> None:
    assert plan(machine(has_playwright=True, has_apt=True, is_root=True, **found)) == []


def test_playwrights_browser_comes_first_then_debians_package_as_root() -> None:
    steps = plan(machine(has_playwright=True, has_apt=True, is_root=True))
    assert commands(steps) == [(PLAYWRIGHT_INSTALL,), (APT_UPDATE, APT_INSTALL)]


def test_debians_package_uses_sudo_when_not_root() -> None:
    steps = plan(machine(has_playwright=True, has_apt=True, has_sudo=True))
    assert commands(steps)[1] == (("sudo", *APT_UPDATE), ("sudo", *APT_INSTALL))


def test_no_apt_step_without_root_or_sudo() -> None:
    assert commands(plan(machine(has_playwright=True, has_apt=True))) == [(PLAYWRIGHT_INSTALL,)]


def test_elsewhere_only_playwright_is_tried() -> None:
    assert commands(plan(machine(has_playwright=True, is_root=True))) == [(PLAYWRIGHT_INSTALL,)]


def test_playwright_runs_with_this_python() -> None:
    assert PLAYWRIGHT_INSTALL[:3] == (sys.executable, "-m", "playwright")


def test_nothing_to_try_on_a_bare_machine() -> None:
    assert plan(machine()) == []


@pytest.mark.parametrize(
    ("facts", "command"),
    [
        ({"has_apt": True, "is_root": True}, "apt-get install -y chromium"),
        ({"has_apt": True}, "sudo apt-get install -y chromium"),
    ],
)
def test_the_fix_command_on_debian(facts: dict[str, bool], command: str) -> None:
    assert fix_command(machine(**facts)) == command


def test_the_fix_command_elsewhere(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ensure_browser.shutil, "which", lambda name: None)
    assert fix_command(machine()) == "python -m playwright install chromium"
    monkeypatch.setattr(ensure_browser.shutil, "which", lambda name: f"/opt/bin/{name}")
    assert fix_command(machine()) == "brew install --cask chromium"


def test_chromium_path_comes_first_if_it_is_a_file(tmp_path: Path) -> None:
    browser = tmp_path / "chrome"
    browser.write_text("")
    on_path = {"chromium": "/usr/bin/chromium"}.get
    assert system_chromium({"CHROMIUM_PATH": str(browser)}, on_path) == str(browser)
    missing = str(tmp_path / "missing")
    assert system_chromium({"CHROMIUM_PATH": missing}, on_path) == "/usr/bin/chromium"


def test_system_names_are_tried_in_order() -> None:
    on_path = {"google-chrome": "/opt/google-chrome", "chromium-browser": "/snap/chromium"}.get
    assert system_chromium({}, on_path) == "/snap/chromium"
    assert system_chromium({}, {}.get) is None


def test_with_a_browser_the_script_installs_nothing_and_says_which(tmp_path: Path) -> None:
    browser = tmp_path / "chromium"
    browser.write_text("")
    result = subprocess.run(
        [sys.executable, str(ROOT / "scripts" / "ensure_browser.py")],
        env={"CHROMIUM_PATH": str(browser), "PATH": ""},
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stderr
    assert result.stdout.strip() == f"Browser tests will use {browser}"


def test_make_test_and_ci_fetch_the_browser_through_the_one_script() -> None:
    makefile = (ROOT / "Makefile").read_text(encoding="utf-8")
    recipe = makefile.split("\ntest:", 1)[1].split("\n\n", 1)[0]
    assert recipe.index("scripts/ensure_browser.py") < recipe.index("-m pytest")
    ci = (ROOT / ".ci" / "run").read_text(encoding="utf-8").splitlines()
    code = [line for line in ci if not line.lstrip().startswith("#")]
    assert "make test" in code and not any("apt-get" in line for line in code)
