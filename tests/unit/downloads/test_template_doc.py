"""A page's template as a Word document: readable, complete, reproducible.

Made from Python-Markdown's HTML of the template part, and read back here
with python-docx as a reader's word processor would.
"""

from __future__ import annotations

import io
import time
import zipfile
from datetime import date

import docx

from hooks.downloads.template_doc import FIXED_TIME, template_part, write
from tests.support.documents import read_docx

PAGE = """# Role description template

Intro for editors.

## Guidance notes

- Write it with people.

## The template

### [Organisation name]: [role title]

Closing date: ________

#### What you will do

- go to **[number]** meetings
- read *short* papers
"""

TEMPLATE = """### [Organisation name]: feedback form

Please tell us how it went. Your name: ________

#### Your answers

1. What went **well**?
2. What should we *change*?

Would you take part again? Tick one:

- Yes
- No

| Question | Your answer |
| --- | --- |
| How did you hear about us? | |
| Would you take part again? | |
"""

SITE_EXTENSIONS = ["tables", "toc", "attr_list", "abbr", "pymdownx.tasklist"]
SITE_CONFIGS = {
    "toc": {"permalink": True},
    "abbr": {"glossary": {"NHS": "National Health Service"}},
}
TABLES = (["tables"], {})
PROPS = {"title": "Feedback form template", "author": "Fixture Organisation"}
DATE = date(2026, 12, 7)


def _docx(text: str = TEMPLATE, site: bool = False) -> docx.document.Document:
    extensions, configs = (SITE_EXTENSIONS, SITE_CONFIGS) if site else TABLES
    return read_docx(write(text, extensions, configs, **PROPS, reviewed=DATE))


def _styled(doc: docx.document.Document, prefix: str) -> list[tuple[str, str]]:
    return [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith(prefix)]


def test_the_template_is_everything_after_the_template_heading() -> None:
    part = template_part(PAGE)
    assert part is not None
    text, line = part
    assert text.lstrip().startswith("### [Organisation name]: [role title]")
    assert "Guidance notes" not in text and "Write it with people" not in text
    assert PAGE.splitlines()[line - 2] == "## The template"


def test_a_page_without_the_heading_has_no_template() -> None:
    assert template_part("# Title\n\n## Notes\n\nText.\n") is None


def test_the_heading_inside_a_code_block_does_not_count() -> None:
    assert template_part("# T\n\n```\n## The template\n```\n") is None


def test_headings_are_shifted_so_the_template_starts_at_word_heading_1() -> None:
    text, _ = template_part(PAGE)
    doc = _docx(text, site=True)
    assert _styled(doc, "Heading") == [
        ("Heading 1", "[Organisation name]: [role title]"),
        ("Heading 2", "What you will do"),
    ]
    assert "¶" not in "".join(p.text for p in doc.paragraphs)  # permalinks left out
    assert "Closing date: ________" in [p.text for p in doc.paragraphs]


def test_word_lists_are_numbered_or_bulleted_with_bold_and_italic_runs() -> None:
    doc = _docx()
    assert _styled(doc, "List") == [
        ("List Number", "What went well?"),
        ("List Number", "What should we change?"),
        ("List Bullet", "Yes"),
        ("List Bullet", "No"),
    ]
    well = next(p for p in doc.paragraphs if p.text == "What went well?")
    assert [(r.text, bool(r.bold)) for r in well.runs] == [
        ("What went ", False),
        ("well", True),
        ("?", False),
    ]
    change = next(p for p in doc.paragraphs if p.text == "What should we change?")
    assert [(r.text, bool(r.italic)) for r in change.runs][1] == ("change", True)


def test_nested_lists_keep_their_kind_and_depth() -> None:
    doc = _docx("1. one\n2. two\n    - inner\n")
    assert _styled(doc, "List") == [
        ("List Number", "one"),
        ("List Number", "two"),
        ("List Bullet 2", "inner"),
    ]


def test_word_tables_keep_the_header_row_blanks_and_empty_cells() -> None:
    doc = _docx()
    (table,) = doc.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Question", "Your answer"],
        ["How did you hear about us?", ""],
        ["Would you take part again?", ""],
    ]
    assert all(r.bold for r in table.rows[0].cells[0].paragraphs[0].runs)
    assert not any(r.bold for r in table.rows[1].cells[0].paragraphs[0].runs)
    assert "Please tell us how it went. Your name: ________" in [p.text for p in doc.paragraphs]


def test_abbreviations_and_links_keep_their_text_and_external_addresses() -> None:
    doc = _docx("Ask the NHS, or see [the guidance](https://example.org/g).", site=True)
    assert [p.text for p in doc.paragraphs] == [
        "Ask the NHS, or see the guidance (https://example.org/g)."
    ]


def test_line_breaks_survive_and_source_line_ends_do_not() -> None:
    doc = _docx("Name:  \nAddress:\nline two\n")
    assert [p.text for p in doc.paragraphs] == ["Name:\nAddress: line two"]


def test_tick_boxes_stay_and_pictures_leave_one_space() -> None:
    doc = _docx("- [ ] Booked the room\n\nSee ![a map](map.png) below.\n", site=True)
    assert [p.text for p in doc.paragraphs] == ["☐ Booked the room", "See below."]


def test_word_properties_come_from_the_page_not_the_clock() -> None:
    props = _docx().core_properties
    assert props.title == "Feedback form template"
    assert props.author == "Fixture Organisation"
    assert props.created.date().isoformat() == "2026-12-07"
    assert props.modified == props.created


def test_the_same_template_gives_the_same_bytes_at_another_time() -> None:
    first = write(TEMPLATE, *TABLES, **PROPS, reviewed=DATE)
    time.sleep(2.1)  # zip entries record times to two seconds
    assert write(TEMPLATE, *TABLES, **PROPS, reviewed=DATE) == first
    with zipfile.ZipFile(io.BytesIO(first)) as archive:
        assert {i.date_time for i in archive.infolist()} == {FIXED_TIME}


def test_a_changed_template_gives_different_bytes() -> None:
    changed = TEMPLATE.replace("feedback form", "claim form")
    assert write(changed, *TABLES, **PROPS, reviewed=DATE) != write(
        TEMPLATE, *TABLES, **PROPS, reviewed=DATE
    )
