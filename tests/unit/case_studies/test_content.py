"""A case study worth reading: its story's length, its sources and what changed."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest

from hooks.case_studies.content import story_words
from hooks.case_studies.schema import load_schema
from hooks.common.front_matter import read_document
from tests.support.readability import score_markdown
from tests.support.stories import STORY
from tests.unit.case_studies.texts import check_text

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = load_schema(ROOT / "case_studies" / "schema.json")
TODAY = dt.date(2026, 11, 26)
FRONT = """---
title: Example
organisation: Example Trust
summary: People who use the service run it with staff.
location: Leeds
nation: England
service_areas: [mental health]
principles: [equality]
involvement: coproduction
started: 2012
sources:
  - title: Report
    url: https://example.org/r
    publisher: Example Trust
    accessed: 2026-01-02
  - title: Article
    url: https://example.org/a
    publisher: Example News
    accessed: 2026-01-02
outcomes:
  - text: More people came in 2020.
    source: 1
  - text: Fewer left early in 2021.
    source: 2
last_reviewed: 2026-01-03
---
"""
SECOND_SOURCE = """  - title: Article
    url: https://example.org/a
    publisher: Example News
    accessed: 2026-01-02
"""
OUTCOMES = """outcomes:
  - text: More people came in 2020.
    source: 1
  - text: Fewer left early in 2021.
    source: 2
"""
NONE_FOUND = "evidence:\n  level: none found\n"
OUTCOMES_FIX = (
    "Fix: add at least one outcome (text: what changed, with its date; source: the number "
    "of the source that says so), or, if you found no evaluation, write 'evidence: {level: "
    "none found}' and say so in the story"
)


def _problems(text: str) -> list[str]:
    record, problems = check_text(text, "case_studies/x.md", "x", SCHEMA, TODAY)
    assert (record is None) == bool(problems)
    return [str(p) for p in problems]


def test_a_full_story_with_two_sources_and_outcomes_passes() -> None:
    assert _problems(FRONT + STORY) == []


def test_a_short_story_is_refused_with_the_sections_to_write() -> None:
    assert _problems(FRONT + "\n## Context\n\nPeople ran it together, from 2012.\n") == [
        "case_studies/x.md:27: (story): the story is 6 words long; a case study needs 400 "
        "to 900. Fix: write at least 394 more words, under the headings Context; Who was "
        "involved and how; What they did; What changed; What was hard; What others can "
        "learn (as in case_studies/_template.md)"
    ]


def test_a_long_story_is_refused_with_how_much_to_cut() -> None:
    assert _problems(FRONT + STORY + STORY + STORY) == [
        "case_studies/x.md:27: (story): the story is 1215 words long; a case study needs "
        "400 to 900. Fix: cut at least 315 words: keep what others can learn, and link to "
        "the sources for the details"
    ]


def test_one_source_is_not_enough() -> None:
    text = FRONT.replace(SECOND_SOURCE, "").replace("source: 2", "source: 1")
    assert _problems(text + STORY) == [
        "case_studies/x.md:11: sources: there is 1 source; a case study needs at least 2. "
        "Fix: add another source for the story's facts, such as the organisation's own "
        "page and a report or article about it, each with title, url, publisher and accessed"
    ]


def test_an_outcome_must_point_at_a_source_that_exists_on_its_own_line() -> None:
    text = FRONT.replace("source: 2", "source: 3")
    assert _problems(text + STORY) == [
        "case_studies/x.md:24: outcomes.source: the second outcome points at source 3, but "
        "there are 2. Fix: write the number of the source that backs it, from 1 to 2, "
        "counting the entries under sources from the top"
    ]


def test_a_story_must_say_what_changed() -> None:
    text = FRONT.replace(OUTCOMES, "")
    assert _problems(text + STORY) == [
        "case_studies/x.md:1: outcomes: the case study says nothing about what changed: "
        f"there are no outcomes. {OUTCOMES_FIX}"
    ]


def test_evidence_other_than_none_found_does_not_stand_in_for_outcomes() -> None:
    text = FRONT.replace(OUTCOMES, "evidence:\n  level: own report\n")
    assert _problems(text + STORY) == [
        "case_studies/x.md:20: outcomes: the case study says nothing about what changed: "
        f"there are no outcomes. {OUTCOMES_FIX}"
    ]


def test_none_found_stands_in_for_outcomes_when_the_story_says_so() -> None:
    text = FRONT.replace(OUTCOMES, NONE_FOUND)
    assert "no\npublished evaluation" in STORY  # across a line break, as editors wrap
    assert _problems(text + STORY) == []


def test_none_found_needs_the_story_to_say_there_is_no_published_evaluation() -> None:
    text = FRONT.replace(OUTCOMES, NONE_FOUND)
    story = STORY.replace("We found no\npublished evaluation", "Nobody has evaluated")
    assert _problems(text + story) == [
        "case_studies/x.md:20: evidence: evidence is 'none found', but the story does not "
        'tell readers. Fix: say in the story\'s "What changed" section that there is "no '
        'published evaluation" (for example: We found no published evaluation of the '
        "project), or add the outcomes you found, with their sources"
    ]


def test_every_content_problem_is_reported_at_once() -> None:
    text = FRONT.replace(SECOND_SOURCE, "").replace(OUTCOMES, NONE_FOUND)
    problems = _problems(text + "\nShort.\n")
    assert sorted(p.split(": ")[0:2] for p in problems) == [
        ["case_studies/x.md:11", "sources"],
        ["case_studies/x.md:16", "evidence"],
        ["case_studies/x.md:20", "(story)"],
    ]


@pytest.mark.parametrize("path", sorted((ROOT / "case_studies").glob("*.md")), ids=str)
def test_words_are_counted_as_the_readability_check_counts_them(path: Path) -> None:
    body = read_document(path, path.name).body
    assert story_words(body) == score_markdown(body).words


def test_code_link_addresses_and_numbers_are_not_words() -> None:
    text = "## What changed\n\n[Read it](https://example.org/a-b) in `code` 2,000 <b>x</b>\n"
    assert story_words(text) == 6  # What, changed, Read, it, in, x
