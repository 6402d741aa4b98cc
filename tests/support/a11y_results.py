"""`make a11y-results`: axe on every page of the real site, kept for the accessibility statement.

This is the only writer of docs/assets/data/accessibility-results.json, the
figures docs/accessibility.md shows. It builds the site into a temporary
folder, runs axe on every page (both colour schemes, before and after the
first interaction) and rewrites the file when the figures changed (the date
is the day they last changed). It exits 1 if axe found anything.

tests/browser/test_accessibility_axe.py never writes the file: it compares
its own run with it and fails, naming this command, when they differ.

    python -m tests.support.a11y_results
"""

from __future__ import annotations

import datetime as dt
import json
import sys
import tempfile
from pathlib import Path
from typing import Any

from mkdocs.config import load_config

from tests.support.a11y import page_paths, record, run_axe, serve_as_published
from tests.support.sites import ROOT, run_mkdocs_build

RESULTS = ROOT / "docs" / "assets" / "data" / "accessibility-results.json"
COMMAND = "make a11y-results"
# What the statement shows of a run. The page count is not kept: the build
# counts pages itself, so adding a page never makes the file out of date. Nor
# does the passing of time: a test that fails by date alone would block fixes.
COMPARED = (
    "axe_version",
    "runner",
    "tags",
    "schemes",
    "violations",
    "violations_by_rule",
    "disabled_rules",
)


def kept() -> dict[str, Any]:
    """The figures as committed ({} if the file is missing or unreadable)."""
    try:
        return json.loads(RESULTS.read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}


def differences(saved: dict[str, Any], latest: dict[str, Any]) -> list[str]:
    """The figures that differ between the kept record and a run's."""
    changed = [key for key in COMPARED if saved.get(key) != latest[key]]
    return changed if "date" in saved else ["date", *changed]


def main() -> int:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    with tempfile.TemporaryDirectory() as tmp:
        build = run_mkdocs_build(ROOT, Path(tmp) / "site")
        if not build.ok:
            sys.stdout.write(f"The site did not build cleanly:\n{build.log}")
            return 1
        paths = page_paths(build.site_dir)
        with serve_as_published(build.site_dir, config["site_url"]) as url:
            run = run_axe(url, paths)
    latest = record(run, dt.date.today().isoformat())
    changed = differences(kept(), latest)
    if changed:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(latest, indent=2) + "\n", encoding="utf-8")
        sys.stdout.write(
            f"{RESULTS.relative_to(ROOT)} now holds this run's figures ({', '.join(changed)} "
            "changed): commit it.\n"
        )
    else:
        sys.stdout.write(f"{RESULTS.relative_to(ROOT)} is up to date.\n")
    sys.stdout.write(f"axe checked {len(paths)} pages: {len(run.violations)} violations.\n")
    if run.violations:
        sys.stdout.write(run.summary() + "\n")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
