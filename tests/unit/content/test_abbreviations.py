"""The glossary's abbreviations: parsed once, every bad line reported."""

from __future__ import annotations

from pathlib import Path

import markdown
import pytest

from hooks.common.errors import EditorError
from hooks.content.abbreviations import SOURCE, glossary, parse
from tests.support.sites import ROOT


def test_definitions_are_read_and_comments_ignored() -> None:
    text = (
        "<!--\n  A note for editors.\n-->\n"
        "*[NHS]: National Health Service\n\n*[ICB]: integrated care board\n"
    )
    glossary, problems = parse(text)
    assert glossary == {"NHS": "National Health Service", "ICB": "integrated care board"}
    assert problems == []


def test_a_line_that_is_not_a_definition_is_reported_with_its_line() -> None:
    text = "<!--\nnote\n-->\n*[NHS]: National Health Service\nNHS = National Health Service\n"
    _, problems = parse(text)
    assert [str(p) for p in problems] == [
        f"{SOURCE}:5: (abbreviation): this line is not an abbreviation. "
        "Fix: write it as *[TERM]: what it stands for"
    ]


def test_a_term_defined_twice_is_reported() -> None:
    _, problems = parse("*[SI]: statutory instrument\n*[SI]: something else\n")
    assert [(p.line, p.problem) for p in problems] == [(2, "SI is defined twice")]


def test_the_glossary_marks_up_terms_as_the_appended_definitions_did() -> None:
    glossary, _ = parse("*[NHS]: National Health Service\n")
    text = "Ask the NHS."
    by_glossary = markdown.markdown(text, extensions=["abbr"],
                                    extension_configs={"abbr": {"glossary": glossary}})  # fmt: skip
    appended = markdown.markdown(
        text + "\n\n*[NHS]: National Health Service\n", extensions=["abbr"]
    )
    assert (
        by_glossary
        == appended
        == ('<p>Ask the <abbr title="National Health Service">NHS</abbr>.</p>')
    )


def test_a_bad_line_in_the_abbreviations_file_is_refused_with_its_line(tmp_path: Path) -> None:
    # The real glossary with one bad line added, read as the content hook reads it.
    (tmp_path / "includes").mkdir()
    abbreviations = tmp_path / SOURCE
    original = (ROOT / SOURCE).read_text(encoding="utf-8")
    abbreviations.write_text(original + "PSR means Provider Selection Regime\n", encoding="utf-8")
    lines = len(abbreviations.read_text().splitlines())
    with pytest.raises(EditorError) as refused:
        glossary(tmp_path)
    assert (
        f"includes/abbreviations.md:{lines}: (abbreviation): this line is not an abbreviation. "
        "Fix: write it as *[TERM]: what it stands for"
    ) in str(refused.value)


def test_an_abbreviations_file_that_is_not_utf8_is_refused_with_its_line(tmp_path: Path) -> None:
    (tmp_path / "includes").mkdir()
    (tmp_path / SOURCE).write_bytes(
        "*[NHS]: National Health Service\n*[CAF]: Café\n".encode("cp1252")
    )
    with pytest.raises(EditorError) as refused:
        glossary(tmp_path)
    assert "includes/abbreviations.md:2: (file): the text is not UTF-8" in str(refused.value)
