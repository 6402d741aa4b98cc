"""Content lint: accessibility and safety of what editors write.

`lint` checks a page's Markdown, with code and comments masked, for images
without alt text, vague or empty link text, skipped or second level-1
headings, empty headings and tables without a header row (checks.py), and
for raw HTML outside the allow-list, script-running markup and inline
styles (raw_html.py). The content hook logs each finding as a warning,
`docs/<file>.md:<line>: <what>: problem. Fix: …`; `strict: true` makes any
warning fail the build once every page has been checked.
"""

from __future__ import annotations

from hooks.common.errors import Problem
from hooks.content.checks import check_markdown
from hooks.content.markdown_mask import mask
from hooks.content.raw_html import check_raw_html


def lint(markdown: str, path: str, offset: int = 0) -> list[Problem]:
    """Every problem in `markdown`; `offset` is the number of front-matter lines."""
    text = mask(markdown)
    return sorted([*check_markdown(text, path, offset), *check_raw_html(text, path, offset)])
