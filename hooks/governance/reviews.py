"""Review-date rules as pure functions: no MkDocs events here.

Used by the governance hook (the build) and `scripts/review_report.py`
(the report), so both agree on when a page is due and what is wrong.
"""

from __future__ import annotations

import datetime as dt
import re
from dataclasses import dataclass
from typing import Any

from babel.dates import format_date
from dateutil.relativedelta import relativedelta

from hooks.common.errors import Problem
from hooks.common.front_matter import Document

DEFAULT_INTERVAL_MONTHS = 12
MAX_INTERVAL_MONTHS = 60
# An editor a timezone ahead of the build machine may date a review "tomorrow".
FUTURE_GRACE = dt.timedelta(days=1)
_EMAIL = re.compile(r"[^@\s]+@[^@\s]+")
# Pages in docs/ that are not guidance, so have no facts to review.
NOT_CONTENT = frozenset({"404.md"})


@dataclass(frozen=True)
class ReviewState:
    """When a page was last reviewed, when it is due, and whether it is late."""

    last_reviewed: dt.date
    due: dt.date
    today: dt.date

    @property
    def overdue(self) -> bool:
        return self.today > self.due

    @property
    def days_overdue(self) -> int:
        return max((self.today - self.due).days, 0)


def is_content_page(src_uri: str) -> bool:
    """Whether the missing-date rule applies to this file in docs/."""
    return src_uri.endswith(".md") and src_uri not in NOT_CONTENT


def default_interval(extra: dict[str, Any]) -> int:
    """The site's review interval in months (`extra.review_interval_months`, default 12);
    the default when the setting is not a usable number (`interval_problem` names it)."""
    value = extra.get("review_interval_months", DEFAULT_INTERVAL_MONTHS)
    return value if _months(value) else DEFAULT_INTERVAL_MONTHS


def _months(value: Any) -> bool:
    """Whether `value` is a whole number of months a review interval may be."""
    return (
        isinstance(value, int) and not isinstance(value, bool) and 1 <= value <= MAX_INTERVAL_MONTHS
    )


def interval_problem(extra: dict[str, Any], config_text: str, display: str) -> Problem | None:
    """`extra.review_interval_months` in mkdocs.yml that is not a whole number of months."""
    value = extra.get("review_interval_months", DEFAULT_INTERVAL_MONTHS)
    if _months(value):
        return None
    lines = config_text.splitlines()
    line = next((n for n, text in enumerate(lines, 1) if "review_interval_months:" in text), 1)
    return Problem(
        display,
        line,
        "extra.review_interval_months",
        f"{str(value)!r} is not a whole number of months from 1 to {MAX_INTERVAL_MONTHS}",
        f"write a number such as 6 or 12, or delete the line to use {DEFAULT_INTERVAL_MONTHS}",
    )


def review_today(extra: dict[str, Any]) -> dt.date:
    """The review clock: `extra.review_today` in test fixtures only, otherwise today."""
    return parse_date(extra.get("review_today")) or dt.date.today()


def long_date(day: dt.date | str) -> str:
    """A date (or `YYYY-MM-DD` text) as GOV.UK writes it: 9 October 2026."""
    if isinstance(day, str):
        day = dt.date.fromisoformat(day)
    return format_date(day, "d MMMM y", locale="en_GB")


def review_state(last_reviewed: dt.date, interval_months: int, today: dt.date) -> ReviewState:
    # Whole months, kept in the target month (31 January + 1 = 28/29 February).
    due = last_reviewed + relativedelta(months=interval_months)
    return ReviewState(last_reviewed, due, today)


def parse_date(value: Any) -> dt.date | None:
    """A YAML date (or a `YYYY-MM-DD` string) as a date; None if it is not one."""
    if isinstance(value, dt.datetime):
        return value.date()
    if isinstance(value, dt.date):
        return value
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        try:
            return dt.date.fromisoformat(value.strip())
        except ValueError:
            return None
    return None


def not_a_date(value: Any) -> str:
    """Why `value` (which `parse_date` refused) is not a date: its form, or no such day."""
    if isinstance(value, str) and re.fullmatch(r"\d{4}-\d{2}-\d{2}", value.strip()):
        return f"{value.strip()!r} is not a real date"
    return f"{str(value)!r} is not a date written as YYYY-MM-DD"


def check_review_fields(
    doc: Document, default_interval: int, today: dt.date
) -> tuple[ReviewState | None, list[Problem]]:
    """Check a document's review fields; return its state (if any) and the problems."""
    problems: list[Problem] = []

    def problem(field: str, text: str, fix: str) -> None:
        problems.append(Problem(doc.path, doc.line_of(field), field, text, fix))

    example = f"last_reviewed: {today.isoformat()}"
    raw = doc.meta.get("last_reviewed")
    last = parse_date(raw)
    if raw is None:
        problem(
            "last_reviewed",
            "this page has no review date",
            f"add '{example}' to the front matter, using the date you last checked its facts",
        )
    elif last is None:
        problem(
            "last_reviewed",
            not_a_date(raw),
            f"write the date as year-month-day, for example '{example}'",
        )
    elif last > today + FUTURE_GRACE:
        problem(
            "last_reviewed",
            f"{last.isoformat()} is in the future",
            f"use the date you last checked the facts: today ({today.isoformat()}) or earlier",
        )

    interval = doc.meta.get("review_interval_months", default_interval)
    if not _months(interval):
        problem(
            "review_interval_months",
            f"{str(interval)!r} is not a whole number of months from 1 to {MAX_INTERVAL_MONTHS}",
            f"write a number such as 6 or 12, or delete the line to use {default_interval}",
        )

    owner = doc.meta.get("owner")
    if owner is not None and not isinstance(owner, str):
        problem("owner", "the owner is not text", "write a team or role, such as 'Policy team'")
    elif isinstance(owner, str) and _EMAIL.search(owner):
        problem(
            "owner",
            f"{owner!r} looks like an email address",
            "name a team or role instead, such as 'Policy team', so no personal address "
            "is published and the page does not depend on one person",
        )

    if problems or last is None:
        return None, problems
    return review_state(last, interval, today), problems
