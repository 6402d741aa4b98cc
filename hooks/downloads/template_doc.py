"""A template page's template as a Word document (.docx), with python-docx.

A template page (`docs/forms-and-templates/*.md`) has guidance notes and
then `## The template`: everything from that heading to the end of the page
is the template. Readers want it as a document they can fill in, so the
build turns it into a `.docx` file, which word processors including
LibreOffice open.

The template is converted by the same Python-Markdown (with the site's own
extensions) that renders the page, so the page and its download cannot
drift apart. No second Markdown parser: lxml (python-docx's own dependency)
reads Python-Markdown's HTML into a tree, and each heading, paragraph, list
and table in it is written as Word's own.

Why python-docx: maintained, pure Python (over lxml, which MkDocs' stack
does not otherwise need, but which ships wheels everywhere), and it writes
real Word styles (Heading 1, List Bullet, Table Grid), so a reader's
headings, lists and tables behave as Word's own do: a heading is in the
navigation pane, a list continues when Enter is pressed.

Reproducible: the document's properties (author, title, dates) come from the
page, never the clock, and every zip entry gets one fixed time.
"""

from __future__ import annotations

import io
import re
import zipfile
from collections.abc import Iterator
from datetime import date, datetime, time
from typing import Any

import docx
import lxml.html
import markdown
from docx.enum.table import WD_TABLE_ALIGNMENT
from docx.opc.constants import RELATIONSHIP_TYPE
from docx.oxml import OxmlElement
from docx.oxml.ns import qn
from docx.shared import Pt

from hooks.common.markdown_mask import mask

# The heading that starts the template: the rest of the page is the template.
TEMPLATE_HEADING = re.compile(r"^##[ \t]+The template[ \t]*#*[ \t]*\r?$", re.MULTILINE)

# Used when a page has no date of its own (its `last_reviewed`).
DEFAULT_DATE = datetime(2000, 1, 1)
# British English for spelling checks.
LANGUAGE = "en-GB"
# The earliest time a zip entry can hold: no build's clock leaks into a file.
FIXED_TIME = (1980, 1, 1, 0, 0, 0)

_BREAK = "\ue000"  # stands for a <br> while whitespace is collapsed, then "\n"
_SKIPPED = {"script", "style", "template", "svg", "img"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_PARAGRAPHS = {"p", "dt", "figcaption", "summary", "pre"}
_CONTAINERS = {"div", "section", "blockquote", "details", "article", "aside", "dl", "dd", "hr"}
_BLOCKS = {*_HEADINGS, *_PARAGRAPHS, *_CONTAINERS, *_SKIPPED, "ul", "ol", "table"}

# Text with one look: (text, bold, italic).
Run = tuple[str, bool, bool]
# A heading ("h1" to "h6") or paragraph ("p") and its runs, or a list or
# table ("ul", "ol", "table") and its element.
Block = tuple[str, Any, list[Run]]


def template_part(body: str) -> tuple[str, int] | None:
    """The Markdown after `## The template`, and the line it starts on in `body`.

    None if the page has no such heading outside code and comments.
    """
    masked = mask(body)  # the same lines, code and comments blanked
    found = TEMPLATE_HEADING.search(masked)
    if found is None:
        return None
    number = masked.count("\n", 0, found.start())  # the heading's line, from 0
    return "\n".join(body.split("\n")[number + 1 :]), number + 2


def write(
    markdown_text: str,
    extensions: list[Any],
    extension_configs: dict[str, Any],
    *,
    title: str,
    author: str,
    reviewed: date | None = None,
) -> bytes:
    """The template as a .docx file's bytes: the same bytes for the same input.

    The Markdown is converted with the site's extensions and their settings.

    Heading levels are shifted so that the template's highest heading (its
    `###` headings on a template page) is Heading 1. Permalinks (`¶`),
    images and raw scripts are left out; other inline markup (links,
    abbreviations, code) keeps its text.
    """
    html = markdown.markdown(
        markdown_text, extensions=extensions, extension_configs=extension_configs
    )
    found = list(_blocks(lxml.html.fragment_fromstring(html, create_parent="div")))
    document = docx.Document()
    # python-docx's blank template carries a preview picture of another document.
    rels = document.part.package.rels
    for r_id, rel in list(rels.items()):
        if rel.reltype == RELATIONSHIP_TYPE.THUMBNAIL:
            rels.pop(r_id)
    lang = OxmlElement("w:lang")
    lang.set(qn("w:val"), LANGUAGE)
    document.styles["Normal"].element.get_or_add_rPr().append(lang)
    core = document.core_properties
    core.title = title
    core.author = author
    core.last_modified_by = author
    core.comments = ""
    # The page's `last_reviewed` date as the document's date; never the clock.
    core.created = core.modified = core.last_printed = (
        datetime.combine(reviewed, time()) if reviewed else DEFAULT_DATE
    )
    core.revision = 1
    top = min((_HEADINGS[kind] for kind, _, _ in found if kind in _HEADINGS), default=1)
    for block in found:
        _add(document, block, top, 1)
    buffer = io.BytesIO()
    document.save(buffer)
    return _restamp(buffer.getvalue())


def _restamp(package: bytes) -> bytes:
    """`package` again, its entries in the same order with one fixed time.

    A zip entry records the time it was written, so two builds of the same
    template would differ; the build must be reproducible (same source,
    same bytes).
    """
    buffer = io.BytesIO()
    with zipfile.ZipFile(io.BytesIO(package)) as source, zipfile.ZipFile(buffer, "w") as archive:
        for entry in source.infolist():
            info = zipfile.ZipInfo(entry.filename, date_time=FIXED_TIME)
            info.compress_type = zipfile.ZIP_DEFLATED
            info.create_system = 3  # Unix, whatever the building machine is
            info.external_attr = 0o644 << 16
            archive.writestr(info, source.read(entry), compresslevel=9)
    return buffer.getvalue()


# --- Reading the HTML -------------------------------------------------------


def _blocks(parent: Any) -> Iterator[Block]:
    """Block content; loose text and inline elements gather into paragraphs."""
    loose: list[Run] = [(parent.text, False, False)] if parent.text else []
    for child in parent:
        if child.tag in _BLOCKS:
            if runs := _tidy(loose):
                yield "p", None, runs
            loose = []
            if child.tag in _HEADINGS or child.tag in _PARAGRAPHS:
                if runs := _tidy(_runs(child)):
                    yield ("p" if child.tag in _PARAGRAPHS else child.tag), None, runs
            elif child.tag in ("ul", "ol", "table"):
                yield child.tag, child, []
            elif not _skipped(child):  # div, blockquote, details and the like
                yield from _blocks(child)
        else:
            loose += _inline(child, False, False)
        if child.tail:
            loose.append((child.tail, False, False))
    if runs := _tidy(loose):
        yield "p", None, runs


def _skipped(node: Any) -> bool:
    """Comments, pictures, scripts and permalinks: nothing a reader fills in."""
    if not isinstance(node.tag, str):
        return True
    return node.tag in _SKIPPED or "headerlink" in node.get("class", "").split()


def _runs(element: Any, bold: bool = False, italic: bool = False) -> list[Run]:
    """An element's inline content as runs."""
    runs: list[Run] = [(element.text, bold, italic)] if element.text else []
    for child in element:
        runs += _inline(child, bold, italic)
        if child.tail:
            runs.append((child.tail, bold, italic))
    return runs


def _inline(node: Any, bold: bool, italic: bool) -> list[Run]:
    """One inline element as runs (its tail is its parent's)."""
    if _skipped(node):
        return []
    if node.tag == "br":
        return [(_BREAK, bold, italic)]
    if node.tag == "input" and node.get("type") == "checkbox":
        return [("☐ ", bold, italic)]
    runs = _runs(
        node, bold or node.tag in ("strong", "b"), italic or node.tag in ("em", "i", "cite")
    )
    href = node.get("href", "")
    if node.tag == "a" and href.startswith(("https://", "http://", "mailto:")):
        shown = href.removeprefix("mailto:")
        if shown not in "".join(text for text, _, _ in runs):
            runs.append((f" ({shown})", bold, italic))
    return runs


def _tidy(runs: list[Run]) -> list[Run]:
    """Collapse whitespace as a browser would, trim the ends, join runs that look alike."""
    out: list[Run] = []
    for text, bold, italic in runs:
        text = re.sub(r"[ \t\r\n]+", " ", text)
        if not out or out[-1][0].endswith(" "):  # "a " + " b": one space between
            text = text.lstrip(" ")
        if out and out[-1][1:] == (bold, italic):
            out[-1] = (out[-1][0] + text, bold, italic)
        elif text:
            out.append((text, bold, italic))
    while out and not out[-1][0].rstrip(" "):
        out.pop()
    if out:
        out[-1] = (out[-1][0].rstrip(" "), *out[-1][1:])
    return [(re.sub(f" ?{_BREAK} ?", "\n", text), bold, italic) for text, bold, italic in out]


# --- Writing the document ---------------------------------------------------


def _add(
    document: docx.document.Document, block: Block, top: int, depth: int, style: str | None = None
) -> None:
    """One block; a paragraph in `style` (in a list item, its list's style)."""
    kind, element, runs = block
    if kind in _HEADINGS:
        _fill(document.add_heading(level=min(_HEADINGS[kind] - top + 1, 9)), runs)
    elif kind in ("ul", "ol"):
        _list(document, element, top, depth)
    elif kind == "table":
        _table(document, element)
    else:
        _fill(document.add_paragraph(style=style), runs)


def _fill(paragraph: docx.text.paragraph.Paragraph, runs: list[Run]) -> None:
    for text, bold, italic in runs:
        lines = text.split("\n")
        for number, line in enumerate(lines):
            added = paragraph.add_run(line)
            added.bold = bold or None
            added.italic = italic or None
            if number < len(lines) - 1:
                added.add_break()


def _list(document: docx.document.Document, element: Any, top: int, depth: int) -> None:
    """Word's list styles: "List Bullet", "List Number 2" and so on, three deep."""
    kind = "List Number" if element.tag == "ol" else "List Bullet"
    style = kind if depth == 1 else f"{kind} {min(depth, 3)}"
    for item in element.iterchildren("li"):
        blocks = list(_blocks(item))
        if not blocks or blocks[0][0] != "p":  # empty, or starting with a list: an empty bullet
            document.add_paragraph(style=style)
        for number, block in enumerate(blocks):
            # The item's first paragraph is its bullet; later ones continue it.
            _add(document, block, top, depth + 1, style if number == 0 else "List Continue")


def _table(document: docx.document.Document, element: Any) -> None:
    """A bordered table across the page; header rows repeat and are bold.

    A header row is in <thead>, or all <th>, and above every body row.
    """
    rows: list[tuple[bool, list[list[Run]]]] = []
    for row in element.xpath("tr | thead/tr | tbody/tr | tfoot/tr"):
        cells = row.xpath("th | td")
        header = row.getparent().tag == "thead" or (cells and all(c.tag == "th" for c in cells))
        # Header rows come first: a header row below the body is a body row.
        header = bool(header) and all(h for h, _ in rows)
        rows.append((header, [_tidy(_runs(cell)) for cell in cells]))
    columns = max((len(cells) for _, cells in rows), default=0)
    table = document.add_table(rows=len(rows), cols=max(columns, 1))
    table.style = document.styles["Table Grid"]
    table.alignment = WD_TABLE_ALIGNMENT.LEFT
    for row, (header, cells) in zip(table.rows, rows, strict=True):
        row_props = row._tr.get_or_add_trPr()
        row_props.append(OxmlElement("w:cantSplit"))
        if header:
            row_props.append(OxmlElement("w:tblHeader"))
        for cell, runs in zip(row.cells, cells, strict=False):
            paragraph = cell.paragraphs[0]
            _fill(paragraph, runs)
            if header:
                for run in paragraph.runs:
                    run.bold = True
        for cell in row.cells:  # room to write in an empty row
            if not any(p.text for p in cell.paragraphs):
                cell.paragraphs[0].paragraph_format.space_after = Pt(14)
    document.add_paragraph()  # Word joins two tables that touch
