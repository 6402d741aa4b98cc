"""Changes in progress: a Bill before Parliament, a consultation, a rule not yet in force.

A page records each pending change in its front matter:

    pending_changes:
      - change: The Health Bill would abolish NHS England. Until it becomes law,
          the duties on this page still apply.
        source: https://bills.parliament.uk/bills/4124
        checked: 2026-12-07
        check_again: 2027-03-01

The page shows a dated notice (overrides/fragments/pending-notice.html),
and `make review-report` lists every pending change by its `check_again`
date, so editors know which pages to revisit when the law changes.
"""

from __future__ import annotations

import datetime as dt
import difflib
from dataclasses import dataclass
from typing import Any
from urllib.parse import urlsplit

from hooks.common.errors import Problem, ordinal
from hooks.common.front_matter import Document
from hooks.governance.reviews import FUTURE_GRACE, not_a_date, parse_date

FIELD = "pending_changes"
FIELDS = ("change", "source", "checked", "check_again")
_EXAMPLE = (
    "write each change as a list item: '- change: what is changing', then indented "
    "'source: https://…', 'checked: YYYY-MM-DD' and 'check_again: YYYY-MM-DD' lines"
)


@dataclass(frozen=True)
class PendingChange:
    """One change in progress, as a page records it."""

    change: str
    source: str
    checked: dt.date
    check_again: dt.date

    def due(self, today: dt.date) -> bool:
        """Whether the date to check it again has come."""
        return today >= self.check_again


def pending_changes(doc: Document, today: dt.date) -> tuple[list[PendingChange], list[Problem]]:
    """The page's pending changes and every problem with them (none if it records none)."""
    raw = doc.meta.get(FIELD)
    if raw is None:
        return [], []
    if not isinstance(raw, list) or not raw:
        return [], [Problem(doc.path, doc.line_of(FIELD), FIELD, "this should be a list", _EXAMPLE)]
    changes: list[PendingChange] = []
    problems: list[Problem] = []
    for index, item in enumerate(raw):
        change, found = _item(doc, index, item, today)
        problems += found
        if change is not None:
            changes.append(change)
    return changes, problems


def _item(
    doc: Document, index: int, item: Any, today: dt.date
) -> tuple[PendingChange | None, list[Problem]]:
    which = f"the {ordinal(index)} change"
    problems: list[Problem] = []

    def problem(key: str | None, text: str, fix: str) -> None:
        line = doc.line_at(FIELD, index, key) if key else doc.line_at(FIELD, index)
        problems.append(Problem(doc.path, line, FIELD, f"{which}: {text}", fix))

    if not isinstance(item, dict):
        problem(None, "this is not a group of fields", _EXAMPLE)
        return None, problems
    for key in item:
        if key not in FIELDS:
            near = difflib.get_close_matches(str(key), FIELDS, n=1)
            hint = f"did you mean '{near[0]}'? " if near else ""
            problem(
                str(key), f"'{key}' is not a field of a change", f"{hint}use {', '.join(FIELDS)}"
            )
    text, source = item.get("change"), item.get("source")
    if not isinstance(text, str) or not text.strip():
        problem(
            "change", "it does not say what is changing", "write 'change:' and one or two sentences"
        )
    if not isinstance(source, str) or not urlsplit(source).netloc or source[:8] != "https://":
        problem(
            "source",
            "its source should be a web address starting https://",
            "write 'source: ' and the page's address, starting https://"
            if "source" in item
            else "add 'source: https://…'",
        )
    checked, check_again = parse_date(item.get("checked")), parse_date(item.get("check_again"))
    if checked is None:
        problem("checked", *_no_date(item, "checked", "it was checked", today.isoformat()))
    elif checked > today + FUTURE_GRACE:
        problem("checked", f"{checked.isoformat()} is in the future", "use the date you checked it")
    if check_again is None:
        problem("check_again", *_no_date(item, "check_again", "to check it again", "YYYY-MM-DD"))
    elif checked is not None and check_again <= checked:
        problem(
            "check_again",
            "the date to check again is not after the date checked",
            "use a later date",
        )
    if problems:
        return None, problems
    return PendingChange(text.strip(), source, checked, check_again), []


def _no_date(item: dict[str, Any], key: str, what: str, example: str) -> tuple[str, str]:
    """Why a date field gave no date, and the fix: it is missing, or not written as a date."""
    if item.get(key) in (None, ""):
        return f"it has no date {what}", f"add '{key}: {example}'"
    return (
        not_a_date(item[key]),
        f"write it as year, month and day, like '{key}: {example}'",
    )
