"""The accessibility statement's automated test results, from the tests' own record.

A page holding the marker line `<!-- automated-test-results -->` gets a
table in its place, rendered from `docs/assets/data/accessibility-results.json`
(overrides/fragments/accessibility-results.html). The number of pages
comes from the build itself, so adding a page changes nothing here.
"""

from __future__ import annotations

import json
from pathlib import Path
from typing import Any

from hooks.common import fragments

MARKER = "<!-- automated-test-results -->"
RESULTS = "assets/data/accessibility-results.json"


def render_results(results: dict[str, Any], pages: int, templates: str) -> str:
    """The results table as HTML, autoescaped. `pages`: HTML pages in this build."""
    return fragments.render(templates, "accessibility-results.html", r=results, pages=pages)


def with_results(markdown: str, docs_dir: str, pages: int, templates: str) -> tuple[str, str]:
    """`markdown` with the marker replaced by the table, and a problem ("" if none)."""
    if MARKER not in markdown:
        return markdown, ""
    try:
        results = json.loads(Path(docs_dir, RESULTS).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        fix = "run `make a11y-results`"
        return markdown, f"the automated results cannot be read ({err}). Fix: {fix}"
    return markdown.replace(MARKER, render_results(results, pages, templates)), ""
