"""Splitting cards into pages, and which page numbers the pagination links to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hooks.case_studies.pages import clashes, page_numbers, page_uri
from hooks.case_studies.schema import load_schema
from tests.unit.case_studies.texts import check_text


def test_page_one_keeps_its_address_and_later_pages_sit_under_it() -> None:
    assert page_uri("case-studies/index.md", 1) == "case-studies/index.md"
    assert page_uri("case-studies/index.md", 2) == "case-studies/page/2.md"
    listing = "case-studies/principle/reciprocity.md"
    assert page_uri(listing, 1) == listing
    assert page_uri(listing, 12) == "case-studies/principle/reciprocity/page/12.md"


@pytest.mark.parametrize(
    ("current", "count", "expected"),
    [
        (1, 1, [1]),
        (1, 2, [1, 2]),
        (1, 7, [1, 2, None, 7]),
        (3, 7, [1, 2, 3, 4, None, 7]),  # page 2 is shown: a number costs no more than a gap
        (4, 7, [1, 2, 3, 4, 5, 6, 7]),
        (7, 7, [1, None, 6, 7]),
        (50, 100, [1, None, 49, 50, 51, None, 100]),
    ],
)
def test_numbers_show_first_last_current_and_its_neighbours(
    current: int, count: int, expected: list[int | None]
) -> None:
    assert page_numbers(current, count) == expected


@pytest.mark.parametrize(
    ("src_uri", "reserved"),
    [
        ("case-studies/page/2.md", True),
        ("case-studies/page/2/index.md", True),
        ("case-studies/nation/wales/page/3.md", True),
        ("case-studies/page.md", False),
        ("case-studies/page/about.md", False),
        ("guides/page/2.md", False),
    ],
)
def test_a_docs_page_may_not_take_the_address_of_a_page_of_cards(
    src_uri: str, reserved: bool
) -> None:
    schema = load_schema(Path(__file__).resolve().parents[3] / "case_studies" / "schema.json")
    assert [p.path for p in clashes(schema, {src_uri})] == ([f"docs/{src_uri}"] if reserved else [])


def test_a_case_study_may_not_take_the_address_of_the_index_pages() -> None:
    # /case-studies/page/2/ and so on belong to the index.
    root = Path(__file__).resolve().parents[3]
    fixture = root / "tests" / "fixtures" / "case_study_site" / "case_studies" / "time-swap.md"
    text = fixture.read_text(encoding="utf-8")
    schema = load_schema(root / "case_studies" / "schema.json")
    record, problems = check_text(
        text, "case_studies/page.md", "page", schema, dt.date(2026, 11, 26)
    )
    assert record is None
    assert [str(p) for p in problems] == [
        "case_studies/page.md:1: (file name): 'page' is a name the case-study pages use "
        "themselves. Fix: rename the file, e.g. add the organisation's name"
    ]
