"""A template as a Word document (.docx), with python-docx.

Why python-docx: maintained, pure Python (over lxml, which MkDocs' stack
does not otherwise need, but which ships wheels everywhere), and it writes
real Word styles (Heading 1, List Bullet, Table Grid), so a reader's
headings, lists and tables behave as Word's own do: a heading is in the
navigation pane, a list continues when Enter is pressed.

Reproducible: the document's properties (author, title, dates) come from the
page, never the clock, and the zip is restamped (stable_zip.py).
"""

from __future__ import annotations

import io
from dataclasses import dataclass
from datetime import datetime

import docx
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from hooks.downloads import stable_zip
from hooks.downloads.template_doc import Block, Heading, Inline, ListBlock, Paragraph, Table

# Used when a page has no date of its own (its `last_reviewed`).
DEFAULT_DATE = datetime(2000, 1, 1)


@dataclass(frozen=True)
class Properties:
    """What a document says about itself (File > Properties)."""

    title: str
    author: str
    date: datetime = DEFAULT_DATE
    language: str = "en-GB"


def write(found: list[Block], props: Properties) -> bytes:
    """The blocks as a .docx file's bytes: the same bytes for the same input."""
    document = docx.Document()
    _drop_thumbnail(document)
    _set_language(document, props.language)
    core = document.core_properties
    core.title = props.title
    core.author = props.author
    core.last_modified_by = props.author
    core.comments = ""
    core.created = core.modified = core.last_printed = props.date
    core.revision = 1
    for block in found:
        _block(document, block, 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return stable_zip.restamp(buffer.getvalue())


def _drop_thumbnail(document: docx.document.Document) -> None:
    """python-docx's blank template carries a preview picture of another document."""
    rels = document.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            rels.pop(r_id)


def _set_language(document: docx.document.Document, language: str) -> None:
    """British English for spelling checks, on the default style."""
    run_props = document.styles["Normal"].element.get_or_add_rPr()
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), language)
    run_props.append(lang)


def _block(document: docx.document.Document, block: Block, depth: int) -> None:
    if isinstance(block, Heading):
        _runs(document.add_heading(level=min(block.level, 9)), block.runs)
    elif isinstance(block, Paragraph):
        _runs(document.add_paragraph(), block.runs)
    elif isinstance(block, ListBlock):
        _list(document, block, depth)
    elif isinstance(block, Table):
        _table(document, block)


def _runs(paragraph: docx.text.paragraph.Paragraph, runs: Inline) -> None:
    for run in runs:
        lines = run.text.split("\n")
        for number, line in enumerate(lines):
            added = paragraph.add_run(line)
            added.bold = run.bold or None
            added.italic = run.italic or None
            if number < len(lines) - 1:
                added.add_break()


def _list(document: docx.document.Document, block: ListBlock, depth: int) -> None:
    """Word's list styles: "List Bullet", "List Number 2" and so on, three deep."""
    kind = "List Number" if block.ordered else "List Bullet"
    style = kind if depth == 1 else f"{kind} {min(depth, 3)}"
    for item in block.items:
        first = True
        for child in item:
            if isinstance(child, Paragraph):
                paragraph = document.add_paragraph(style=style if first else "List Continue")
                _runs(paragraph, child.runs)
                first = False
            else:
                if first:  # an item that starts with a list: an empty bullet first
                    document.add_paragraph(style=style)
                    first = False
                _block(document, child, depth + 1)
        if first:
            document.add_paragraph(style=style)


def _table(document: docx.document.Document, block: Table) -> None:
    """A bordered table across the page; header rows repeat and are bold."""
    rows = [*block.header, *block.rows]
    table = document.add_table(rows=len(rows), cols=max(block.columns, 1))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for index, (row, cells) in enumerate(zip(table.rows, rows, strict=True)):
        header = index < len(block.header)
        row_props = row._tr.get_or_add_trPr()
        row_props.append(OxmlElement("w:cantSplit"))
        if header:
            row_props.append(OxmlElement("w:tblHeader"))
        for cell, runs in zip(row.cells, cells, strict=False):
            paragraph = cell.paragraphs[0]
            _runs(paragraph, runs)
            if header:
                for run in paragraph.runs:
                    run.bold = True
        for cell in row.cells:  # room to write in an empty row
            if not any(p.text for p in cell.paragraphs):
                cell.paragraphs[0].paragraph_format.space_after = Pt(14)
    document.add_paragraph()  # Word joins two tables that touch
