"""Changes in progress (`pending_changes`): checked item by item, each problem on its own line."""

from __future__ import annotations

import datetime as dt

from hooks.common.errors import ordinal
from hooks.common.front_matter import parse_document
from hooks.governance.pending import PendingChange, pending_changes

TODAY = dt.date(2026, 12, 7)


def _check(front_matter: str) -> tuple[list[PendingChange], list[str]]:
    doc = parse_document(f"---\ntitle: Law\n{front_matter}---\n\n# Law\n", "docs/law.md")
    changes, problems = pending_changes(doc, TODAY)
    return changes, [str(p) for p in sorted(problems)]  # as the build reports them


GOOD = """pending_changes:
  - change: A Bill would abolish this body. Until it becomes law, the duty stays.
    source: https://bills.example/4124
    checked: 2026-12-07
    check_again: 2027-03-01
"""


def test_a_well_formed_change_is_read_with_its_dates() -> None:
    changes, problems = _check(GOOD)
    assert problems == []
    (change,) = changes
    assert change.change.startswith("A Bill would abolish this body.")
    assert (change.checked, change.check_again) == (dt.date(2026, 12, 7), dt.date(2027, 3, 1))
    assert not change.due(TODAY) and change.due(dt.date(2027, 3, 1))


def test_a_page_without_pending_changes_has_none_and_no_problems() -> None:
    assert _check("") == ([], [])


def test_a_single_change_not_written_as_a_list_is_refused() -> None:
    _, problems = _check("pending_changes: The Bill\n")
    assert problems == [
        "docs/law.md:3: pending_changes: this should be a list. Fix: write each change as a "
        "list item: '- change: what is changing', then indented 'source: https://…', "
        "'checked: YYYY-MM-DD' and 'check_again: YYYY-MM-DD' lines"
    ]


def test_each_problem_names_the_change_in_words_and_points_at_its_own_line() -> None:
    _, problems = _check(
        GOOD
        + """  - change: Guidance is out for consultation.
    source: https://consult.example/1
    checked: 2027-06-01
    check_again: 2026-01-01
    sorce: https://consult.example/2
"""
    )
    assert problems == [
        "docs/law.md:10: pending_changes: the second change: 2027-06-01 is in the future. "
        "Fix: use the date you checked it",
        "docs/law.md:11: pending_changes: the second change: the date to check again is not "
        "after the date checked. Fix: use a later date",
        "docs/law.md:12: pending_changes: the second change: 'sorce' is not a field of a "
        "change. Fix: did you mean 'source'? use change, source, checked, check_again",
    ]


def test_a_date_to_check_again_must_come_after_the_date_checked() -> None:
    _, problems = _check(GOOD.replace("check_again: 2027-03-01", "check_again: 2026-12-01"))
    assert problems == [
        "docs/law.md:7: pending_changes: the first change: the date to check again is not after "
        "the date checked. Fix: use a later date"
    ]


def test_missing_fields_point_at_the_item() -> None:
    _, problems = _check("pending_changes:\n  - change: ''\n")
    assert problems == [
        "docs/law.md:4: pending_changes: the first change: it does not say what is changing. "
        "Fix: write 'change:' and one or two sentences",
        "docs/law.md:4: pending_changes: the first change: it has no date it was checked. "
        "Fix: add 'checked: 2026-12-07'",
        "docs/law.md:4: pending_changes: the first change: it has no date to check it again. "
        "Fix: add 'check_again: YYYY-MM-DD'",
        "docs/law.md:4: pending_changes: the first change: its source should be a web address "
        "starting https://. Fix: add 'source: https://…'",
    ]


def test_items_are_counted_from_one_in_words() -> None:
    assert [ordinal(i) for i in (0, 1, 2, 9)] == ["first", "second", "third", "number 10"]


def test_a_date_written_another_way_and_an_empty_source_are_named_for_what_they_are() -> None:
    # Found by a bug hunt: "it has no date" for a date written 07/12/2026, and
    # "https://" with nothing after it accepted.
    _, problems = _check(
        "pending_changes:\n  - change: The duty changes.\n    source: https://\n"
        "    checked: 07/12/2026\n    check_again: 2027-06-01\n"
    )
    assert problems == [
        "docs/law.md:5: pending_changes: the first change: its source should be a web address "
        "starting https://. Fix: write 'source: ' and the page's address, starting https://",
        "docs/law.md:6: pending_changes: the first change: '07/12/2026' is not a date written "
        "as YYYY-MM-DD. Fix: write it as year, month and day, like 'checked: 2026-12-07'",
    ]
