"""Easy Read checks: short sentences, easy words, a picture for every point."""

from __future__ import annotations

import pytest

from hooks.easy_read.checks import blocks, check_page, quote, sentences

PIC = "![](../assets/easy-read/tick.svg){ .decorative }"
GLOSSARY = {"NHS": "National Health Service", "UC": "Universal Credit"}


def _messages(body: str, glossary: dict[str, str] | None = None) -> list[str]:
    problems = check_page(body, "docs/easy-read/x.md", 1, glossary or {})
    return [str(p) for p in problems]


def test_a_page_of_short_sentences_with_pictures_passes() -> None:
    body = f"# Paying you\n\n## Money\n\n{PIC}\nWe pay you for your time.\n\nWe pay your fare.\n"
    assert _messages(body) == []


def test_a_sentence_over_fifteen_words_is_named_with_its_line() -> None:
    long = " ".join(["word"] * 18) + "."
    body = f"## Money\n\n{PIC}\nWe pay you.\n\n{long}\n\nShort one.\n"
    assert _messages(body)[0] == (
        "docs/easy-read/x.md:6: (sentence): this sentence has 18 words; Easy Read sentences "
        'have 15 or fewer. Fix: split it: "word word word word word word word word word word '
        'word word…"'
    )


def test_the_long_sentence_is_found_on_the_line_it_starts_on_in_a_wrapped_paragraph() -> None:
    body = (
        f"## A\n\n{PIC}\nWe pay you. Then we pay your fare and your lunch and your tea and\n"
        "your cake and more and more.\n"
    )
    (found,) = [p for p in check_page(body, "x.md", 10, {}) if p.field == "(sentence)"]
    assert found.line == 13


def test_the_picture_alt_text_is_not_part_of_the_first_sentence() -> None:
    body = "## A\n\n![A receipt for the bus fare you paid](r.svg)\nKeep it.\n"
    (block,) = [b for b in blocks(body) if b.picture]
    assert [s.text for s in sentences(block)] == ["Keep it"]


def test_an_average_over_twelve_words_fails_the_page() -> None:
    sentence = " ".join(["cat"] * 14) + "."
    body = f"{PIC}\n{sentence}\n\n{sentence}\n"  # no heading: it would count as a sentence
    messages = [m for m in _messages(body) if "(page): the sentences average" in m]
    assert messages == [
        "docs/easy-read/x.md:1: (page): the sentences average 14.0 words; Easy Read pages "
        "average 12 or fewer. Fix: split the longest sentences, starting with line 2: "
        '"cat cat cat cat cat cat cat cat cat cat cat cat cat cat"'
    ]


def test_reading_ease_under_seventy_fails_and_names_the_hardest_sentence() -> None:
    body = (
        f"## A\n\n{PIC}\nWe help you.\n\n"
        "Organisations institutionalise participatory methodologies.\n"
    )
    messages = [m for m in _messages(body) if "reading ease" in m]
    assert len(messages) == 1
    assert messages[0].startswith("docs/easy-read/x.md:1: (page): the reading ease is ")
    assert messages[0].endswith(
        "; Easy Read pages score 70 or more. Fix: use shorter, everyday words, starting "
        'with line 6: "Organisations institutionalise participatory methodologies"'
    )


def test_a_point_without_a_picture_is_reported() -> None:
    body = f"## A\n\nNo picture here.\n\nStill none.\n\n## B\n\n{PIC}\nA picture.\n"
    assert _messages(body) == [
        "docs/easy-read/x.md:3: (picture): this point has no picture. Fix: start the point "
        f"with a picture line, like {PIC}, directly followed by its first sentence"
    ]


def test_a_picture_in_html_is_reported_because_its_address_would_break() -> None:
    body = '## A\n\n<img src="../assets/easy-read/tick.svg" alt="">\nYes.\n'
    assert _messages(body) == [
        "docs/easy-read/x.md:3: (picture): this picture is written in HTML, whose address "
        f"is not adjusted for the built page. Fix: write it in Markdown, like {PIC}"
    ]


def test_a_picture_with_no_sentence_after_it_is_reported() -> None:
    assert _messages(f"## A\n\n{PIC}\n\nWords on their own.\n") == [
        "docs/easy-read/x.md:3: (picture): the picture has no sentence after it. Fix: write "
        "the point's first sentence on the line straight after the picture"
    ]


def test_an_unexplained_abbreviation_is_reported_once_at_its_first_use() -> None:
    body = f"## A\n\n{PIC}\nThe NHS can help.\n\nAsk the NHS.\n"
    assert _messages(body, GLOSSARY) == [
        "docs/easy-read/x.md:4: (abbreviation): NHS is not explained. Fix: write it in full, "
        '"National Health Service", or explain it before you use it'
    ]


def test_an_abbreviation_explained_before_or_in_its_sentence_passes() -> None:
    body = f"## A\n\n{PIC}\nThe National Health Service is the NHS.\n\nAsk the NHS.\n"
    assert _messages(body, GLOSSARY) == []


def test_an_abbreviation_inside_a_longer_word_is_not_one() -> None:
    assert _messages(f"## A\n\n{PIC}\nThe UCLan team and LUCK help.\n", GLOSSARY) == []


def test_every_problem_is_reported_at_once() -> None:
    long = " ".join(["organisation"] * 16) + "."
    body = f"## A\n\nNo picture.\n\n{long}\n\nThe NHS helps.\n"
    fields = {m.split(": ")[1] for m in _messages(body, GLOSSARY)}
    assert fields == {"(picture)", "(sentence)", "(page)", "(abbreviation)"}


def test_a_heading_counts_as_a_sentence_in_the_average() -> None:
    sentence = " ".join(["cat"] * 13) + "."
    body = f"{PIC}\n{sentence}\n\n{sentence}\n"
    assert [m for m in _messages(body) if "average 13.0 words" in m]
    assert not [m for m in _messages(f"# Cats\n\n{body}") if "the sentences average" in m]


def test_code_is_not_read_as_sentences() -> None:
    body = f"## A\n\n{PIC}\nType this.\n\n```\n" + " ".join(["x"] * 30) + "\n```\n"
    assert _messages(body) == []


@pytest.mark.parametrize(
    ("text", "quoted"),
    [
        ("Short.", "Short."),
        ("a" * 70, "a" * 59 + "…"),
        ("one two three " * 6, "one two three one two three one two three one two three one…"),
    ],
)
def test_quotes_are_cut_at_a_word_to_sixty_characters(text: str, quoted: str) -> None:
    assert quote(text) == quoted
    assert len(quote(text)) <= 60
