"""The preview's problem page: what is wrong, shown in the browser instead of a stuck page.

When a save breaks the build, `mkdocs serve` keeps the browser waiting until
a build succeeds. The preview hook lets the build finish instead and, if it
found problems, replaces every built page with a list of them
(overrides/fragments/preview-problems.html), so whichever page the editor
is looking at shows what to fix. The pages are marked as old, so the next
build (after the fix) rebuilds them all.
"""

from __future__ import annotations

import logging
import os
from pathlib import Path

from hooks.common import fragments


class Captured(logging.Handler):
    """Keeps the text of every warning and error logged during a build."""

    def __init__(self) -> None:
        super().__init__(level=logging.WARNING)
        self.messages: list[str] = []

    def emit(self, record: logging.LogRecord) -> None:
        self.messages.append(record.getMessage())


def show_problems(site_dir: Path, problems: list[str], templates: str) -> None:
    """Every HTML page in `site_dir` becomes the problem page, dated so it is rebuilt."""
    html = fragments.render(templates, "preview-problems.html", problems=problems)
    for page in site_dir.rglob("*.html"):
        page.write_text(html, encoding="utf-8")
        os.utime(page, (0, 0))  # older than any source: the next build rebuilds it
