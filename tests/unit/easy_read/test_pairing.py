"""Easy Read front matter: each page names its standard page; checks are recorded, not assumed."""

from __future__ import annotations

import datetime as dt

import pytest

from hooks.common.front_matter import parse_document
from hooks.easy_read.pairing import dropped_with_standard_page, pair_pages

TODAY = dt.date(2026, 12, 7)
PAGES = {"guides/paying-people.md", "index.md", "easy-read/pay.md", "easy-read/other.md"}


def _pair(*texts: tuple[str, str]) -> tuple[object, list[str]]:
    documents = {uri: parse_document(text, f"docs/{uri}") for uri, text in texts}
    pairs, problems = pair_pages(documents, PAGES, TODAY)
    return pairs, [str(p) for p in problems]


def _page(fields: str) -> tuple[str, str]:
    return "easy-read/pay.md", f"---\ntitle: Pay\neasy_read:\n{fields}---\n\n# Pay\n"


def test_a_page_names_its_standard_page() -> None:
    pairs, problems = _pair(_page("  standard_page: docs/guides/paying-people.md\n"))
    assert problems == []
    assert pairs == {"easy-read/pay.md": "guides/paying-people.md"}


def test_a_recorded_check_with_its_group_and_date_passes() -> None:
    pairs, problems = _pair(
        _page(
            "  standard_page: guides/paying-people.md\n  checked_by: Speak Up\n"
            "  checked_on: 2026-11-30\n"
        )
    )
    assert problems == []
    assert pairs == {"easy-read/pay.md": "guides/paying-people.md"}


@pytest.mark.parametrize(
    ("fields", "expected"),
    [
        (
            "  standard_page: guides/paying-peple.md\n",
            "docs/easy-read/pay.md:4: easy_read.standard_page: there is no page "
            "docs/guides/paying-peple.md. Fix: did you mean guides/paying-people.md? "
            "(a path inside docs/)",
        ),
        (
            "  checked_by: Speak Up\n",
            "docs/easy-read/pay.md:3: easy_read.standard_page: this is missing. Fix: write "
            "'standard_page: ' and the path inside docs/ of the page with the same facts",
        ),
        (
            "  standard_page: easy-read/pay.md\n",
            "docs/easy-read/pay.md:4: easy_read.standard_page: this is the Easy Read page "
            "itself. Fix: name the standard page with the same facts in longer words",
        ),
        (
            "  standard_page: index.md\n  checked_on: last week\n",
            "docs/easy-read/pay.md:5: easy_read.checked_on: this should be a date, but it is "
            "'last week'. Fix: write the date the group checked the page, as YYYY-MM-DD",
        ),
        (
            "  standard_page: index.md\n  checked_by: Speak Up\n  checked_on: 2027-01-01\n",
            "docs/easy-read/pay.md:6: easy_read.checked_on: 2027-01-01 is in the future. "
            "Fix: write the date the group checked the page, as YYYY-MM-DD",
        ),
        (
            "  standard_page: index.md\n  checked_by: Speak Up\n",
            "docs/easy-read/pay.md:5: easy_read.checked_by: a check needs its date too. "
            "Fix: add 'checked_on: YYYY-MM-DD' below it, the day the group checked the page",
        ),
        (
            "  standard_page: index.md\n  checkd_by: Speak Up\n",
            "docs/easy-read/pay.md:5: easy_read.checkd_by: this is not an Easy Read field. "
            "Fix: use standard_page, checked_by and checked_on only; check the spelling",
        ),
    ],
)
def test_a_bad_field_is_reported_with_its_own_line(fields: str, expected: str) -> None:
    pairs, problems = _pair(_page(fields))
    assert expected in problems
    assert pairs == {}


def test_checked_on_without_checked_by_says_who_is_missing() -> None:
    _, problems = _pair(_page("  standard_page: index.md\n  checked_on: 2026-11-30\n"))
    assert problems == [
        "docs/easy-read/pay.md:5: easy_read.checked_on: a check needs the name of the group "
        "that did it. Fix: add 'checked_by: ' and the group's name above it"
    ]


def test_easy_read_must_be_a_group_of_fields() -> None:
    _, problems = _pair(("easy-read/pay.md", "---\neasy_read: yes\n---\n\n# Pay\n"))
    assert problems == [
        "docs/easy-read/pay.md:2: easy_read: this should be a group of fields, with "
        "standard_page in it. Fix: write 'easy_read:' and, indented on the next line, "
        "'standard_page: guides/x.md'"
    ]


def test_two_easy_read_versions_of_one_page_and_an_easy_read_standard_page_fail() -> None:
    _, problems = _pair(
        _page("  standard_page: index.md\n"),
        ("easy-read/other.md", "---\neasy_read: {standard_page: index.md}\n---\n\n# Other\n"),
    )
    assert problems == [
        "docs/easy-read/pay.md:4: easy_read.standard_page: docs/index.md already has an Easy "
        "Read version, docs/easy-read/other.md. Fix: give each standard page one Easy Read "
        "version: merge the two pages"
    ]
    _, problems = _pair(
        _page("  standard_page: easy-read/other.md\n"),
        ("easy-read/other.md", "---\neasy_read: {standard_page: index.md}\n---\n\n# Other\n"),
    )
    assert problems == [
        "docs/easy-read/pay.md:4: easy_read.standard_page: docs/easy-read/other.md is an Easy "
        "Read page itself. Fix: name the standard page with the same facts in longer words"
    ]


def test_every_page_problem_is_reported_at_once() -> None:
    _, problems = _pair(
        _page("  standard_page: nowhere.md\n  checked_by: ''\n  colour: red\n"),
        ("easy-read/other.md", "---\neasy_read: [index.md]\n---\n"),
    )
    assert len(problems) == 5


def test_problems_are_found_on_their_key_in_block_and_flow_style() -> None:
    _, problems = _pair(_page("  checked_by: A\n  standard_page: y.md\n  colour: red\n"))
    assert [p.split(": ")[0:2] for p in problems] == [
        ["docs/easy-read/pay.md:6", "easy_read.colour"],
        ["docs/easy-read/pay.md:5", "easy_read.standard_page"],
        ["docs/easy-read/pay.md:4", "easy_read.checked_by"],
    ]
    _, problems = _pair(("easy-read/pay.md", "---\n\neasy_read: {standard_page: y.md}\n---\n"))
    assert [p.split(": ")[0:2] for p in problems] == [
        ["docs/easy-read/pay.md:3", "easy_read.standard_page"]
    ]


def test_an_easy_read_page_goes_with_a_standard_page_a_fork_excluded() -> None:
    documents = {
        "easy-read/law.md": parse_document(
            "---\neasy_read:\n  standard_page: law/index.md\n---\n", "docs/easy-read/law.md"
        ),
        "easy-read/pay.md": parse_document(
            "---\neasy_read:\n  standard_page: index.md\n---\n", "docs/easy-read/pay.md"
        ),
        "index.md": parse_document("---\ntitle: Home\n---\n", "docs/index.md"),
    }
    assert dropped_with_standard_page(documents, {"law/index.md"}) == ["easy-read/law.md"]
    assert dropped_with_standard_page(documents, set()) == []
