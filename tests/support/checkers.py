"""The two checkers `make test` installs with npm (package.json): the W3C Nu
HTML Checker (vnu-jar, run with Java) and HTML_CodeSniffer (run in the page).

`make test` runs `npm ci` when Node is installed. Tests that need a checker
fail, never skip, when it is missing, and say how to get it.
"""

from __future__ import annotations

import json
import shutil
import subprocess
from dataclasses import dataclass
from pathlib import Path

from tests.support.sites import ROOT

NODE_MODULES = ROOT / "node_modules"
VNU_JAR = NODE_MODULES / "vnu-jar" / "build" / "dist" / "vnu.jar"
HTMLCS_JS = NODE_MODULES / "html_codesniffer" / "build" / "HTMLCS.js"

# The standard HTML_CodeSniffer applies: WCAG 2 at levels A and AA.
HTMLCS_STANDARD = "WCAG2AA"
# HTMLCS message types (HTMLCS.ERROR, WARNING, NOTICE).
HTMLCS_TYPES = {1: "error", 2: "warning", 3: "notice"}


class MissingCheckerError(Exception):
    """A checker the tests need is not installed."""


def _missing(what: str) -> MissingCheckerError:
    return MissingCheckerError(
        f"{what} is missing. Run `make test` (it runs `npm ci` to install the checkers "
        "in package.json when Node.js is installed; Debian: apt-get install nodejs npm "
        "default-jre-headless)."
    )


def vnu_command() -> list[str]:
    """The command that runs the Nu HTML Checker, or MissingCheckerError saying how to get it."""
    if not VNU_JAR.is_file():
        raise _missing(f"The Nu HTML Checker ({VNU_JAR.relative_to(ROOT)})")
    java = shutil.which("java")
    if java is None:
        raise _missing("Java (needed by the Nu HTML Checker)")
    return [java, "-jar", str(VNU_JAR)]


@dataclass(frozen=True)
class VnuMessage:
    file: str
    line: int
    message: str
    extract: str

    def __str__(self) -> str:
        return f"{self.file}:{self.line}: {self.message} [{self.extract.strip()[:120]}]"


def run_vnu(site_dir: Path) -> tuple[int, list[VnuMessage]]:
    """Check every HTML page under `site_dir`; the number of pages and every error."""
    pages = sorted(site_dir.rglob("*.html"))
    proc = subprocess.run(
        [
            *vnu_command(),
            "--errors-only",
            "--format",
            "json",
            "--exit-zero-always",
            *map(str, pages),
        ],
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    if proc.returncode != 0:
        raise RuntimeError(f"vnu did not run:\n{proc.stderr[-2000:]}")
    report = json.loads(proc.stderr or proc.stdout)
    errors = [
        VnuMessage(
            file=Path(m.get("url", "").removeprefix("file:")).relative_to(site_dir).as_posix(),
            line=m.get("lastLine", 0),
            message=m.get("message", ""),
            extract=m.get("extract", ""),
        )
        for m in report.get("messages", [])
        if m.get("type") == "error" or m.get("subType") == "fatal"
    ]
    return len(pages), errors


def htmlcs_script() -> str:
    """HTML_CodeSniffer's script, or MissingCheckerError saying how to get it."""
    if not HTMLCS_JS.is_file():
        raise _missing(f"HTML_CodeSniffer ({HTMLCS_JS.relative_to(ROOT)})")
    return HTMLCS_JS.read_text(encoding="utf-8")


# Runs in the page once HTMLCS.js is there: every message, as plain data.
_RUN_HTMLCS = """
standard => new Promise((resolve, reject) => {
  HTMLCS.process(standard, document, () => {
    resolve(HTMLCS.getMessages().map(m => ({
      type: m.type,
      code: m.code,
      msg: m.msg,
      element: m.element && m.element.outerHTML ? m.element.outerHTML.slice(0, 200)
        : String(m.element && m.element.nodeName),
    })));
  }, reject, "en");
})
"""


def run_htmlcs(page: object) -> list[dict]:
    """Run HTML_CodeSniffer (WCAG2AA) on the page as it is now; every message.

    The page's context must carry `htmlcs_script()` as an init script: the
    pages' security policy would block it added as a <script>.
    """
    messages = page.evaluate(_RUN_HTMLCS, HTMLCS_STANDARD)
    for m in messages:
        m["type"] = HTMLCS_TYPES.get(m["type"], str(m["type"]))
    return messages
