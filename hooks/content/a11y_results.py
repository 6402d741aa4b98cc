"""The accessibility statement's automated test results, from the tests' own record.

A page holding the marker line `<!-- automated-test-results -->` gets a
table in its place, rendered from `docs/assets/data/accessibility-results.json`
(overrides/fragments/accessibility-results.html). The number of pages
comes from the build itself, so adding a page changes nothing here.
"""

from __future__ import annotations

import json
from pathlib import Path

from hooks.common import fragments

MARKER = "<!-- automated-test-results -->"
RESULTS = "assets/data/accessibility-results.json"


def with_results(markdown: str, docs_dir: str, pages: int, templates: str) -> tuple[str, str]:
    """`markdown` (which holds the marker) with the table in its place, and a problem or "".

    `pages`: HTML pages in this build. The table is autoescaped.
    """
    try:
        results = json.loads(Path(docs_dir, RESULTS).read_text(encoding="utf-8"))
    except (OSError, ValueError) as err:
        fix = "run `make a11y-results`"
        return markdown, f"the automated results cannot be read ({err}). Fix: {fix}"
    table = fragments.render(templates, "accessibility-results.html", r=results, pages=pages)
    return markdown.replace(MARKER, table), ""
