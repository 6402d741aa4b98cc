"""A template as an OpenDocument text file (.odt), for LibreOffice and others.

Why not odfpy: its last release was in 2020, and it stamps the time of the
build into the file. An .odt is a zip of four small XML files (content,
styles, meta, manifest) and a `mimetype` entry, so the standard library
writes it, from the same blocks as the Word file (template_doc.py), with
the same bytes on every build (stable_zip.py).
"""

from __future__ import annotations

import xml.etree.ElementTree as ET

from hooks.downloads import stable_zip
from hooks.downloads.docx_writer import Properties
from hooks.downloads.template_doc import Block, Heading, Inline, ListBlock, Paragraph, Table

MIMETYPE = "application/vnd.oasis.opendocument.text"
NS = {
    "office": "urn:oasis:names:tc:opendocument:xmlns:office:1.0",
    "style": "urn:oasis:names:tc:opendocument:xmlns:style:1.0",
    "text": "urn:oasis:names:tc:opendocument:xmlns:text:1.0",
    "table": "urn:oasis:names:tc:opendocument:xmlns:table:1.0",
    "fo": "urn:oasis:names:tc:opendocument:xmlns:xsl-fo-compatible:1.0",
    "meta": "urn:oasis:names:tc:opendocument:xmlns:meta:1.0",
    "dc": "http://purl.org/dc/elements/1.1/",
    "manifest": "urn:oasis:names:tc:opendocument:xmlns:manifest:1.0",
}
for _prefix, _uri in NS.items():
    ET.register_namespace(_prefix, _uri)

# Run looks (bold, italic) -> automatic text style name.
_TEXT_STYLES = {(True, False): "T_Bold", (False, True): "T_Italic", (True, True): "T_BoldItalic"}


def _q(name: str) -> str:
    """`text:p` -> `{urn:…text:1.0}p`."""
    prefix, local = name.split(":")
    return f"{{{NS[prefix]}}}{local}"


def _el(parent: ET.Element | None, name: str, attrs: dict[str, str] | None = None) -> ET.Element:
    qualified = {_q(k): v for k, v in (attrs or {}).items()}
    if parent is None:
        return ET.Element(_q(name), qualified)
    return ET.SubElement(parent, _q(name), qualified)


def _xml(root: ET.Element) -> bytes:
    return ET.tostring(root, encoding="UTF-8", xml_declaration=True)


def write(found: list[Block], props: Properties) -> bytes:
    """The blocks as an .odt file's bytes: the same bytes for the same input."""
    return stable_zip.write(
        [
            ("mimetype", MIMETYPE.encode(), False),  # first and uncompressed, as ODF requires
            ("content.xml", _xml(_content(found)), True),
            ("styles.xml", _xml(_styles(props.language)), True),
            ("meta.xml", _xml(_meta(props)), True),
            ("META-INF/manifest.xml", _xml(_manifest()), True),
        ]
    )


def _content(found: list[Block]) -> ET.Element:
    root = _el(None, "office:document-content", {"office:version": "1.3"})
    automatic = _el(root, "office:automatic-styles")
    for (bold, italic), name in _TEXT_STYLES.items():
        style = _el(automatic, "style:style", {"style:name": name, "style:family": "text"})
        looks = {}
        if bold:
            looks["fo:font-weight"] = "bold"
        if italic:
            looks["fo:font-style"] = "italic"
        _el(style, "style:text-properties", looks)
    row = _el(automatic, "style:style", {"style:name": "Row", "style:family": "table-row"})
    _el(row, "style:table-row-properties", {"fo:keep-together": "always"})
    text = _el(_el(root, "office:body"), "office:text")
    tables = 0
    for block in found:
        tables += _block(text, automatic, block, tables)
    return root


def _block(parent: ET.Element, automatic: ET.Element, block: Block, tables: int) -> int:
    """Add `block` to `parent`; return how many tables it added."""
    if isinstance(block, Heading):
        level = str(min(block.level, 10))
        heading = _el(
            parent,
            "text:h",
            {"text:style-name": f"Heading_20_{level}", "text:outline-level": level},
        )
        _runs(heading, block.runs)
    elif isinstance(block, Paragraph):
        _runs(_el(parent, "text:p", {"text:style-name": "Text_20_body"}), block.runs)
    elif isinstance(block, ListBlock):
        return _list(parent, automatic, block, tables)
    elif isinstance(block, Table):
        _table(parent, automatic, block, tables + 1)
        return 1
    return 0


def _runs(paragraph: ET.Element, runs: Inline) -> None:
    """Text, in spans where bold or italic; a line break as <text:line-break/>."""
    for run in runs:
        style = _TEXT_STYLES.get((run.bold, run.italic))
        target = _el(paragraph, "text:span", {"text:style-name": style}) if style else paragraph
        for number, line in enumerate(run.text.split("\n")):
            if number:
                _el(target, "text:line-break")
            _add_text(target, line)


def _add_text(parent: ET.Element, text: str) -> None:
    """Append `text` at the end of `parent`'s content (after its last child)."""
    if len(parent):
        parent[-1].tail = (parent[-1].tail or "") + text
    else:
        parent.text = (parent.text or "") + text


def _list(parent: ET.Element, automatic: ET.Element, block: ListBlock, tables: int) -> int:
    added = 0
    style = "Numbering_20_123" if block.ordered else "List_20_1"
    listing = _el(parent, "text:list", {"text:style-name": style})
    for item in block.items:
        entry = _el(listing, "text:list-item")
        for child in item:
            if isinstance(child, Paragraph):
                _runs(_el(entry, "text:p", {"text:style-name": "List_20_Contents"}), child.runs)
            else:
                added += _block(entry, automatic, child, tables + added)
        if not item:
            _el(entry, "text:p", {"text:style-name": "List_20_Contents"})
    return added


def _table(parent: ET.Element, automatic: ET.Element, block: Table, number: int) -> None:
    """Full width, a border on every cell, header rows repeated, rows kept whole."""
    name = f"Table{number}"
    style = _el(automatic, "style:style", {"style:name": name, "style:family": "table"})
    _el(style, "style:table-properties", {"style:width": "17cm", "table:align": "margins"})
    cell = _el(
        automatic, "style:style", {"style:name": f"{name}.Cell", "style:family": "table-cell"}
    )
    _el(
        cell,
        "style:table-cell-properties",
        {"fo:border": "0.5pt solid #000000", "fo:padding": "0.1cm"},
    )
    table = _el(parent, "table:table", {"table:name": name, "table:style-name": name})
    _el(table, "table:table-column", {"table:number-columns-repeated": str(max(block.columns, 1))})
    if block.header:
        _rows(_el(table, "table:table-header-rows"), block.header, block.columns, name, True)
    _rows(table, block.rows, block.columns, name, False)
    _el(parent, "text:p", {"text:style-name": "Text_20_body"})


def _rows(
    parent: ET.Element, rows: tuple[tuple[Inline, ...], ...], columns: int, name: str, header: bool
) -> None:
    paragraph_style = "Table_20_Heading" if header else "Table_20_Contents"
    for cells in rows:
        row = _el(parent, "table:table-row", {"table:style-name": "Row"})
        for index in range(max(columns, 1)):
            runs = cells[index] if index < len(cells) else ()
            cell = _el(
                row,
                "table:table-cell",
                {"table:style-name": f"{name}.Cell", "office:value-type": "string"},
            )
            _runs(_el(cell, "text:p", {"text:style-name": paragraph_style}), runs)


def _styles(language: str) -> ET.Element:
    """Named styles, as LibreOffice names them, so its style list shows them."""
    lang, _, country = language.partition("-")
    root = _el(None, "office:document-styles", {"office:version": "1.3"})
    styles = _el(root, "office:styles")
    default = _el(styles, "style:default-style", {"style:family": "paragraph"})
    _el(
        default,
        "style:text-properties",
        {"fo:font-size": "11pt", "fo:language": lang, "fo:country": country or "none"},
    )
    _paragraph_style(styles, "Standard", "Standard", None, {})
    _paragraph_style(
        styles, "Text_20_body", "Text body", "Standard", {}, {"fo:margin-bottom": "0.2cm"}
    )
    sizes = {1: "16pt", 2: "13pt", 3: "12pt"}
    for level in range(1, 11):
        _paragraph_style(
            styles,
            f"Heading_20_{level}",
            f"Heading {level}",
            "Standard",
            {"fo:font-size": sizes.get(level, "11pt"), "fo:font-weight": "bold"},
            {"fo:margin-top": "0.4cm", "fo:margin-bottom": "0.2cm", "fo:keep-with-next": "always"},
            level,
        )
    _paragraph_style(styles, "List_20_Contents", "List Contents", "Standard", {})
    _paragraph_style(styles, "Table_20_Contents", "Table Contents", "Standard", {})
    _paragraph_style(
        styles, "Table_20_Heading", "Table Heading", "Table_20_Contents", {"fo:font-weight": "bold"}
    )
    for name, display, ordered in (
        ("List_20_1", "List 1", False),
        ("Numbering_20_123", "Numbering 123", True),
    ):
        listing = _el(
            styles, "text:list-style", {"style:name": name, "style:display-name": display}
        )
        for level in range(1, 11):
            attrs = {"text:level": str(level)}
            if ordered:
                attrs.update({"style:num-format": "1", "style:num-suffix": "."})
                kind = "text:list-level-style-number"
            else:
                attrs["text:bullet-char"] = "•"
                kind = "text:list-level-style-bullet"
            level_style = _el(listing, kind, attrs)
            _el(
                level_style,
                "style:list-level-properties",
                {
                    "text:space-before": f"{0.6 * (level - 1):.1f}cm",
                    "text:min-label-width": "0.6cm",
                },
            )
    return root


def _paragraph_style(
    styles: ET.Element,
    name: str,
    display: str,
    parent: str | None,
    text: dict[str, str],
    paragraph: dict[str, str] | None = None,
    outline: int | None = None,
) -> None:
    attrs = {"style:name": name, "style:display-name": display, "style:family": "paragraph"}
    if parent:
        attrs["style:parent-style-name"] = parent
    if outline:
        attrs["style:default-outline-level"] = str(outline)
    style = _el(styles, "style:style", attrs)
    if paragraph:
        _el(style, "style:paragraph-properties", paragraph)
    if text:
        _el(style, "style:text-properties", text)


def _meta(props: Properties) -> ET.Element:
    root = _el(None, "office:document-meta", {"office:version": "1.3"})
    meta = _el(root, "office:meta")
    stamp = props.date.strftime("%Y-%m-%dT%H:%M:%S")
    for name, value in (
        ("meta:generator", "Coproduction guide build"),
        ("dc:title", props.title),
        ("meta:initial-creator", props.author),
        ("dc:creator", props.author),
        ("meta:creation-date", stamp),
        ("dc:date", stamp),
        ("dc:language", props.language),
    ):
        _el(meta, name).text = value
    return root


def _manifest() -> ET.Element:
    root = _el(None, "manifest:manifest", {"manifest:version": "1.3"})
    for path, media in (
        ("/", MIMETYPE),
        ("content.xml", "text/xml"),
        ("styles.xml", "text/xml"),
        ("meta.xml", "text/xml"),
    ):
        _el(root, "manifest:file-entry", {"manifest:full-path": path, "manifest:media-type": media})
    return root
