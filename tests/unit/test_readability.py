"""The Flesch reading-ease scorer counts what a reader reads, the way it says."""

from __future__ import annotations

import pytest

from tests.support.readability import (
    Score,
    count_syllables,
    prose_blocks,
    score_markdown,
    sentences_in,
    words_in,
)


@pytest.mark.parametrize(
    ("word", "syllables"),
    [
        ("cat", 1),
        ("smile", 1),
        ("people", 2),
        ("table", 2),
        ("involvement", 3),
        ("beautiful", 3),
        ("coproduction", 4),
        ("organisation", 5),
        ("reciprocity", 5),
        ("co-design", 3),
    ],
)
def test_syllables_are_counted_from_hyphenation_points(word: str, syllables: int) -> None:
    assert count_syllables(word) == syllables


def test_one_syllable_sentence_scores_the_formula_exactly() -> None:
    # 6 words, 6 syllables, 1 sentence: 206.835 - 1.015 * 6 - 84.6 * 1.
    score = score_markdown("The cat sat on the mat.")
    assert score == Score(sentences=1, words=6, syllables=6)
    assert score.reading_ease == pytest.approx(116.145)


def test_known_hard_sentence_scores_below_thirty() -> None:
    hard = (
        "Notwithstanding the aforementioned considerations, commissioning organisations "
        "should systematically institutionalise participatory methodologies throughout "
        "their procurement arrangements."
    )
    score = score_markdown(hard)
    assert score.sentences == 1
    assert score.words == 15
    assert score.reading_ease < 30


def test_plain_text_scores_higher_than_the_same_idea_in_jargon() -> None:
    plain = "Ask people what they need. Then do it with them. Pay them for their time."
    jargon = (
        "Organisations should ascertain individuals' requirements, subsequently "
        "implementing collaborative interventions and remunerating participation."
    )
    assert score_markdown(plain).reading_ease > 80
    assert score_markdown(plain).reading_ease > score_markdown(jargon).reading_ease + 50


def test_front_matter_code_tables_and_definitions_are_not_scored() -> None:
    page = """---
title: Extraordinarily complicated administrative terminology
description: Incomprehensible institutional documentation.
---

# Heading

One two. Three [four](https://example.org/extraordinarily-long-address) five!

```
supercalifragilistic code
```

| Unnecessarily | Multisyllabic |
| --- | --- |
| institutional | organisational |

Six seven.[^1]

[^1]: Incomprehensible footnote about institutionalisation.
*[NHS]: National Health Service
{{ case_study_list(principle="equality") }}
<p class="x">Eight <strong>nine</strong></p>
"""
    assert prose_blocks(page) == [
        "Heading",
        "One two. Three four five!",
        "Six seven.",
        "Eight nine",
    ]


def test_headings_and_list_items_count_as_sentences_without_full_stops() -> None:
    blocks = prose_blocks("## What it means\n\n- first item\n- second item\n")
    assert blocks == ["What it means", "first item", "second item"]
    assert score_markdown("## What it means\n\n- first item\n- second item\n").sentences == 3


def test_sentences_split_at_stops_followed_by_space() -> None:
    assert sentences_in("It costs £3.50 today. Is that fair? Yes!") == [
        "It costs £3.50 today",
        " Is that fair",
        " Yes",
    ]


def test_numbers_are_not_words_but_hyphenated_words_are_one() -> None:
    assert words_in("In 2014 co-production wasn't new.") == ["In", "co-production", "wasn't", "new"]


def test_empty_text_scores_zero_rather_than_dividing_by_zero() -> None:
    assert score_markdown("---\ntitle: x\n---\n").reading_ease == 0.0
