"""Splitting cards into pages, and which page numbers the pagination links to."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hooks.case_studies import paging
from hooks.case_studies.schema import load_schema
from tests.unit.case_studies.texts import check_text


def test_page_one_keeps_its_address_and_later_pages_sit_under_it() -> None:
    assert paging.page_uri("case-studies/index.md", 1) == "case-studies/index.md"
    assert paging.page_uri("case-studies/index.md", 2) == "case-studies/page/2.md"
    listing = "case-studies/principle/reciprocity.md"
    assert paging.page_uri(listing, 1) == listing
    assert paging.page_uri(listing, 12) == "case-studies/principle/reciprocity/page/12.md"


def test_chunks_keep_order_and_every_item_once() -> None:
    items = list(range(120))
    pages = paging.chunks(items, 50)
    assert [len(p) for p in pages] == [50, 50, 20]
    assert [i for p in pages for i in p] == items
    assert paging.chunks([], 50) == [[]]
    assert paging.chunks([1, 2], 50) == [[1, 2]]


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
    assert paging.numbers(current, count) == expected


def test_paginate_links_previous_next_and_each_number() -> None:
    pages = paging.paginate(2, 3, 122, lambda n: f"href-{n}")
    assert (pages.current, pages.count, pages.total) == (2, 3, 122)
    assert (pages.previous, pages.next) == ("href-1", "href-3")
    assert pages.links == [(1, "href-1"), (2, "href-2"), (3, "href-3")]
    first, last = paging.paginate(1, 3, 122, str), paging.paginate(3, 3, 122, str)
    assert first.previous is None and last.next is None


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
def test_paged_addresses_are_recognised(src_uri: str, reserved: bool) -> None:
    assert paging.is_paged_address(src_uri) is reserved


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
