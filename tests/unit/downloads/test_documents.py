"""Word documents made from a template: readable, complete, reproducible."""

from __future__ import annotations

import io
import time
import zipfile
from datetime import datetime

import docx

from hooks.downloads import docx_writer, stable_zip
from hooks.downloads.docx_writer import Properties
from hooks.downloads.template_doc import document
from tests.support.documents import read_docx

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

PROPS = Properties("Feedback form template", "Fixture Organisation", datetime(2026, 12, 7))


def _docx() -> docx.document.Document:
    return read_docx(docx_writer.write(document(TEMPLATE), PROPS))


def test_word_headings_use_word_heading_styles() -> None:
    doc = _docx()
    found = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("Heading")]
    assert found == [
        ("Heading 1", "[Organisation name]: feedback form"),
        ("Heading 2", "Your answers"),
    ]


def test_word_lists_are_numbered_or_bulleted() -> None:
    doc = _docx()
    listed = [(p.style.name, p.text) for p in doc.paragraphs if p.style.name.startswith("List")]
    assert listed == [
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


def test_word_tables_keep_the_header_row_blanks_and_empty_cells() -> None:
    doc = _docx()
    (table,) = doc.tables
    assert [[c.text for c in row.cells] for row in table.rows] == [
        ["Question", "Your answer"],
        ["How did you hear about us?", ""],
        ["Would you take part again?", ""],
    ]
    assert all(r.bold for r in table.rows[0].cells[0].paragraphs[0].runs)
    assert "Please tell us how it went. Your name: ________" in [p.text for p in doc.paragraphs]


def test_word_properties_come_from_the_page_not_the_clock() -> None:
    props = _docx().core_properties
    assert props.title == "Feedback form template"
    assert props.author == "Fixture Organisation"
    assert props.created.date().isoformat() == "2026-12-07"
    assert props.modified == props.created


def test_the_same_template_gives_the_same_bytes_at_another_time() -> None:
    blocks = document(TEMPLATE)
    first = (docx_writer.write(blocks, PROPS),)
    time.sleep(2.1)  # zip entries record times to two seconds
    assert (docx_writer.write(blocks, PROPS),) == first
    for data in first:
        with zipfile.ZipFile(io.BytesIO(data)) as archive:
            assert {i.date_time for i in archive.infolist()} == {stable_zip.FIXED_TIME}


def test_a_changed_template_gives_different_bytes() -> None:
    changed = document(TEMPLATE.replace("feedback form", "claim form"))
    assert docx_writer.write(changed, PROPS) != docx_writer.write(document(TEMPLATE), PROPS)
