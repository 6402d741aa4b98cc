"""Review-date rules: due dates, overdue state and the editor's messages."""

from __future__ import annotations

import datetime as dt

import pytest
import yaml

from hooks.common.front_matter import parse_document, read_document
from hooks.governance.pending import pending_changes
from hooks.governance.reviews import (
    check_review_fields,
    default_interval,
    interval_problem,
    is_content_page,
    long_date,
    parse_date,
    review_state,
    review_today,
)
from tests.support.sites import FIXTURES

D = dt.date
TODAY = D(2030, 6, 1)


@pytest.mark.parametrize(
    ("start", "months", "due"),
    [
        (D(2026, 1, 31), 1, D(2026, 2, 28)),  # 31 January + 1 month: end of February
        (D(2028, 1, 31), 1, D(2028, 2, 29)),  # ... in a leap year
        (D(2028, 2, 29), 12, D(2029, 2, 28)),  # leap day + 1 year
        (D(2026, 10, 31), 1, D(2026, 11, 30)),
        (D(2026, 12, 15), 1, D(2027, 1, 15)),  # into the next year
        (D(2026, 10, 9), 12, D(2027, 10, 9)),
        (D(2026, 3, 31), 18, D(2027, 9, 30)),
    ],
)
def test_due_date_is_the_same_day_months_later_or_the_month_end(
    start: dt.date, months: int, due: dt.date
) -> None:
    assert review_state(start, months, TODAY).due == due


def test_page_is_not_overdue_on_its_due_date_only_after_it() -> None:
    on_the_day = review_state(D(2029, 6, 1), 12, TODAY)
    day_after = review_state(D(2029, 5, 31), 12, TODAY)
    assert (on_the_day.overdue, on_the_day.days_overdue) == (False, 0)
    assert (day_after.overdue, day_after.days_overdue) == (True, 1)


def test_dates_read_as_gov_uk_writes_them() -> None:
    state = review_state(D(2026, 10, 9), 12, TODAY)
    assert (long_date(state.last_reviewed), long_date(state.due)) == (
        "9 October 2026",
        "9 October 2027",
    )
    assert long_date(D(2027, 1, 1)) == "1 January 2027"
    assert long_date("2026-11-26") == "26 November 2026"  # record values are ISO text


@pytest.mark.parametrize(
    ("value", "expected"),
    [
        (D(2026, 11, 26), D(2026, 11, 26)),
        (dt.datetime(2026, 11, 26, 9, 30), D(2026, 11, 26)),
        ("2026-11-26", D(2026, 11, 26)),
        ("2026-02-30", None),
        ("26/11/2026", None),
        (20261126, None),
        (None, None),
    ],
)
def test_parse_date_accepts_only_real_iso_dates(value: object, expected: dt.date | None) -> None:
    assert parse_date(value) == expected


def _check(front_matter: str) -> tuple[object, list[str]]:
    doc = parse_document(f"---\n{front_matter}---\n\n# Page\n", "docs/page.md")
    state, problems = check_review_fields(doc, 12, TODAY)
    return state, [str(p) for p in problems]


def test_a_page_without_last_reviewed_gets_one_located_message_with_a_fix() -> None:
    state, problems = _check("title: Page\n")
    assert state is None
    assert problems == [
        "docs/page.md:1: last_reviewed: this page has no review date. "
        "Fix: add 'last_reviewed: 2030-06-01' to the front matter, "
        "using the date you last checked its facts"
    ]


def test_every_wrong_review_field_is_reported_on_its_own_line() -> None:
    _, problems = _check(
        "title: Page\nlast_reviewed: 26/11/2026\nreview_interval_months: 0\nowner: jo@example.org\n"
    )
    assert [p.split(": ")[0:2] for p in problems] == [
        ["docs/page.md:3", "last_reviewed"],
        ["docs/page.md:4", "review_interval_months"],
        ["docs/page.md:5", "owner"],
    ]
    assert "'26/11/2026' is not a date written as YYYY-MM-DD" in problems[0]
    assert "looks like an email address" in problems[2]


def test_a_date_written_right_that_does_not_exist_is_called_not_real() -> None:
    # "2026-02-30 is not a date. Fix: write the date as year-month-day" sent
    # editors to fix what was already right (found by a bug hunt).
    _, problems = _check("title: Page\nlast_reviewed: 2026-02-30\n")
    assert "last_reviewed: '2026-02-30' is not a real date" in problems[0]


@pytest.mark.parametrize("interval", ["true", "'12'", "61", "1.5", "-3"])
def test_review_interval_must_be_a_whole_number_of_months(interval: str) -> None:
    _, problems = _check(f"last_reviewed: 2030-01-01\nreview_interval_months: {interval}\n")
    assert len(problems) == 1 and "review_interval_months" in problems[0]


def test_a_review_date_in_the_future_is_a_mistake_but_tomorrow_is_allowed() -> None:
    assert _check("last_reviewed: 2030-06-02\n")[1] == []
    _, problems = _check("last_reviewed: 2030-06-03\n")
    assert "2030-06-03 is in the future" in problems[0]


def test_a_valid_page_with_an_owner_gets_its_state_with_its_own_interval() -> None:
    state, problems = _check(
        "last_reviewed: 2030-01-31\nreview_interval_months: 1\nowner: Policy team\n"
    )
    assert problems == []
    assert (state.due, state.overdue, state.days_overdue) == (D(2030, 2, 28), True, 93)


def test_the_contributor_guide_explains_every_review_error() -> None:
    from pathlib import Path

    from hooks.governance.feedback import feedback_url_problem

    _, problems = _check("last_reviewed: soon\nreview_interval_months: 0\nowner: a@b.org\n")
    fields = {p.split(": ")[1] for p in problems}
    fields.add(feedback_url_problem("x", "", "mkdocs.yml").field)
    guide = (Path(__file__).resolve().parents[3] / "CONTRIBUTING.md").read_text(encoding="utf-8")
    table = guide[guide.index("## Build errors and how to fix them") :]
    assert {f for f in fields if f"| `{f}`" not in table} == set()


def test_missing_and_wrong_review_fields_are_refused_with_every_problem() -> None:
    # tests/fixtures/review_missing/, every page checked as the governance hook's on_files does.
    site = FIXTURES / "review_missing"
    extra = yaml.safe_load((site / "mkdocs.yml").read_text(encoding="utf-8"))["extra"]
    found = []
    for path in sorted((site / "docs").glob("*.md")):
        if is_content_page(path.name):
            doc = read_document(path, f"docs/{path.name}")
            found += check_review_fields(doc, default_interval(extra), review_today(extra))[1]
            found += pending_changes(doc, review_today(extra))[1]
    assert [str(p) for p in sorted(found)] == [
        "docs/no-date.md:1: last_reviewed: this page has no review date. Fix: add "
        "'last_reviewed: 2030-06-01' to the front matter, using the date you last checked "
        "its facts",
        # A missing field points at its item's line; the others at their own.
        "docs/pending.md:6: pending_changes: the first change: it has no date to check it "
        "again. Fix: add 'check_again: YYYY-MM-DD'",
        "docs/pending.md:7: pending_changes: the first change: its source should be a web "
        "address starting https://. Fix: write 'source: ' and the page's address, starting "
        "https://",
        "docs/pending.md:9: pending_changes: the first change: 'check_agian' is not a field "
        "of a change. Fix: did you mean 'check_again'? use change, source, checked, check_again",
        "docs/wrong.md:4: last_reviewed: '26/05/2030' is not a date written as YYYY-MM-DD. "
        "Fix: write the date as "
        "year-month-day, for example 'last_reviewed: 2030-06-01'",
        "docs/wrong.md:5: review_interval_months: 'twelve' is not a whole number of months "
        "from 1 to 60. Fix: write a number such as 6 or 12, or delete the line to use 12",
        "docs/wrong.md:6: owner: 'jo.bloggs@example.org' looks like an email address. Fix: "
        "name a team or role instead, such as 'Policy team', so no personal address is "
        "published and the page does not depend on one person",
    ]  # 404.md has no date either, but it is not a content page


def test_a_site_interval_that_is_not_a_number_is_named_in_mkdocs_yml() -> None:
    # review_interval_months: abc in mkdocs.yml gave a traceback (a bug hunt).
    text = "site_name: G\nextra:\n  review_interval_months: abc\n"
    extra = {"review_interval_months": "abc"}
    assert str(interval_problem(extra, text, "mkdocs.yml")) == (
        "mkdocs.yml:3: extra.review_interval_months: 'abc' is not a whole number of months "
        "from 1 to 60. Fix: write a number such as 6 or 12, or delete the line to use 12"
    )
    assert default_interval(extra) == 12  # the build goes on in a preview
    assert interval_problem({"review_interval_months": 6}, text, "mkdocs.yml") is None
    assert interval_problem({}, text, "mkdocs.yml") is None
