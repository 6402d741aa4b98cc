"""A template page's template, as the blocks a word processor holds.

A template page (`docs/forms-and-templates/*.md`) has guidance notes and
then `## The template`: everything from that heading to the end of the page
is the template. Readers want it as a document they can fill in, so the
build turns it into a `.docx` file (docx_writer.py), which word processors
including LibreOffice open.

Both are made from the same Markdown, converted by the same Python-Markdown
(with the site's own extensions) that renders the page, and then read from
that HTML into one small model (`Heading`, `Paragraph`, `ListBlock`,
`Table`), so the page and its downloads cannot drift apart and the two
formats cannot drift from each other. No second Markdown parser: only
Python-Markdown's output is read, with the standard library's HTML parser.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from html.parser import HTMLParser
from typing import Any

import markdown

# The heading that starts the template: the rest of the page is the template.
TEMPLATE_HEADING = re.compile(r"^##[ \t]+The template[ \t]*#*[ \t]*$", re.MULTILINE)
_FENCE = re.compile(r"^[ \t]*(```|~~~)")


@dataclass(frozen=True)
class Run:
    """Text with one look: bold, italic or both."""

    text: str
    bold: bool = False
    italic: bool = False


Inline = tuple[Run, ...]


@dataclass(frozen=True)
class Heading:
    level: int  # 1 for the template's top headings, 2 below them, and so on
    runs: Inline


@dataclass(frozen=True)
class Paragraph:
    runs: Inline


@dataclass(frozen=True)
class ListBlock:
    ordered: bool
    items: tuple[tuple[Block, ...], ...]  # each item: its paragraphs and nested lists


@dataclass(frozen=True)
class Table:
    header: tuple[tuple[Inline, ...], ...]  # header rows, each a tuple of cells
    rows: tuple[tuple[Inline, ...], ...]

    @property
    def columns(self) -> int:
        return max((len(row) for row in (*self.header, *self.rows)), default=0)


Block = Heading | Paragraph | ListBlock | Table


def template_part(body: str) -> tuple[str, int] | None:
    """The Markdown after `## The template`, and the line it starts on in `body`.

    None if the page has no such heading outside a code block.
    """
    in_fence = False
    for number, line in enumerate(body.splitlines(keepends=True)):
        if _FENCE.match(line):
            in_fence = not in_fence
        elif not in_fence and TEMPLATE_HEADING.match(line.rstrip("\r\n")):
            rest = body.splitlines(keepends=True)[number + 1 :]
            return "".join(rest), number + 2
    return None


def to_html(
    text: str,
    extensions: list[Any] | None = None,
    extension_configs: dict[str, Any] | None = None,
) -> str:
    """Python-Markdown's HTML for `text`, with the site's extensions when given."""
    return markdown.markdown(
        text,
        extensions=list(extensions if extensions is not None else ["tables"]),
        extension_configs=dict(extension_configs or {}),
    )


def blocks(html: str) -> list[Block]:
    """The document's blocks, read from Python-Markdown's HTML.

    Heading levels are shifted so that the template's highest heading (its
    `###` headings on a template page) is level 1. Permalinks (`¶`), images
    and raw scripts are left out; other inline markup (links, abbreviations,
    code) keeps its text.
    """
    root = _parse(html)
    found = _blocks(root.children)
    top = min((b.level for b in found if isinstance(b, Heading)), default=1)
    return [Heading(b.level - top + 1, b.runs) if isinstance(b, Heading) else b for b in found]


def document(
    markdown_text: str,
    extensions: list[Any] | None = None,
    extension_configs: dict[str, Any] | None = None,
) -> list[Block]:
    """The blocks of a Markdown template: `to_html`, then `blocks`."""
    return blocks(to_html(markdown_text, extensions, extension_configs))


def headings(found: list[Block]) -> list[str]:
    """Every heading's text, in order (for tests and checks)."""
    return [plain(b.runs) for b in found if isinstance(b, Heading)]


def plain(runs: Inline) -> str:
    return "".join(run.text for run in runs)


# --- Reading the HTML -------------------------------------------------------


@dataclass
class _Node:
    tag: str
    attrs: dict[str, str] = field(default_factory=dict)
    children: list[_Node | str] = field(default_factory=list)


_BREAK = "\ue000"  # stands for a <br> while whitespace is collapsed, then "\n"
_VOID = {"br", "hr", "img", "input", "meta", "link", "wbr", "col", "source"}
_SKIPPED = {"script", "style", "template", "svg", "img"}
_HEADINGS = {"h1": 1, "h2": 2, "h3": 3, "h4": 4, "h5": 5, "h6": 6}
_BLOCK_CONTAINERS = {"div", "section", "blockquote", "details", "article", "aside", "dl", "dd"}


class _TreeBuilder(HTMLParser):
    """A forgiving element tree of Python-Markdown's (well-formed) HTML."""

    def __init__(self) -> None:
        super().__init__(convert_charrefs=True)
        self.root = _Node("root")
        self.stack = [self.root]

    def handle_starttag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        node = _Node(tag, {k: v or "" for k, v in attrs})
        self.stack[-1].children.append(node)
        if tag not in _VOID:
            self.stack.append(node)

    def handle_startendtag(self, tag: str, attrs: list[tuple[str, str | None]]) -> None:
        self.stack[-1].children.append(_Node(tag, {k: v or "" for k, v in attrs}))

    def handle_endtag(self, tag: str) -> None:
        for depth in range(len(self.stack) - 1, 0, -1):
            if self.stack[depth].tag == tag:
                del self.stack[depth:]
                return

    def handle_data(self, data: str) -> None:
        self.stack[-1].children.append(data)


def _parse(html: str) -> _Node:
    builder = _TreeBuilder()
    builder.feed(html)
    builder.close()
    return builder.root


def _skipped(node: _Node) -> bool:
    return node.tag in _SKIPPED or "headerlink" in node.attrs.get("class", "").split()


def _runs(children: list[_Node | str], bold: bool = False, italic: bool = False) -> list[Run]:
    """Inline content as runs; whitespace collapsed as a browser would."""
    runs: list[Run] = []
    for child in children:
        if isinstance(child, str):
            runs.append(Run(child, bold, italic))
        elif _skipped(child):
            continue
        elif child.tag == "br":
            runs.append(Run(_BREAK, bold, italic))
        elif child.tag == "input" and child.attrs.get("type") == "checkbox":
            runs.append(Run("☐ ", bold, italic))
        else:
            runs.extend(
                _runs(
                    child.children,
                    bold or child.tag in ("strong", "b"),
                    italic or child.tag in ("em", "i", "cite"),
                )
            )
            href = child.attrs.get("href", "")
            if child.tag == "a" and href.startswith(("https://", "http://", "mailto:")):
                shown = href.removeprefix("mailto:")
                if shown not in "".join(r.text for r in _runs(child.children)):
                    runs.append(Run(f" ({shown})", bold, italic))
    return runs


def _tidy(runs: list[Run]) -> Inline:
    """Collapse whitespace, trim the ends and join neighbouring runs that look alike."""
    out: list[Run] = []
    for run in runs:
        text = re.sub(r"[ \t\r\n]+", " ", run.text)
        if out and (out[-1].bold, out[-1].italic) == (run.bold, run.italic):
            out[-1] = Run(out[-1].text + text, run.bold, run.italic)
        else:
            out.append(Run(text, run.bold, run.italic))
    while out and not out[0].text.lstrip(" "):
        out.pop(0)
    if out:
        out[0] = Run(out[0].text.lstrip(" "), out[0].bold, out[0].italic)
    while out and not out[-1].text.rstrip(" "):
        out.pop()
    if out:
        out[-1] = Run(out[-1].text.rstrip(" "), out[-1].bold, out[-1].italic)
    collapsed: list[Run] = []
    for run in out:  # "a " + " b": one space between runs
        text = run.text
        if collapsed and collapsed[-1].text.endswith(" ") and text.startswith(" "):
            text = text.lstrip(" ")
        if text:
            collapsed.append(Run(text, run.bold, run.italic))
    return tuple(
        Run(re.sub(f" ?{_BREAK} ?", "\n", run.text), run.bold, run.italic) for run in collapsed
    )


def _blocks(children: list[_Node | str]) -> list[Block]:
    """Block content; loose text and inline elements gather into paragraphs."""
    found: list[Block] = []
    loose: list[_Node | str] = []

    def flush() -> None:
        runs = _tidy(_runs(loose))
        if runs:
            found.append(Paragraph(runs))
        loose.clear()

    for child in children:
        if isinstance(child, str) or not _is_block(child):
            loose.append(child)
            continue
        flush()
        if _skipped(child):
            continue
        if child.tag in _HEADINGS:
            runs = _tidy(_runs(child.children))
            if runs:
                found.append(Heading(_HEADINGS[child.tag], runs))
        elif child.tag in ("p", "dt", "figcaption", "summary", "pre"):
            runs = _tidy(_runs(child.children))
            if runs:
                found.append(Paragraph(runs))
        elif child.tag in ("ul", "ol"):
            found.append(_list(child))
        elif child.tag == "table":
            found.append(_table(child))
        else:  # div, blockquote, details and the like: their blocks, in order
            found.extend(_blocks(child.children))
    flush()
    return found


_BLOCKS = {*_HEADINGS, "p", "ul", "ol", "table", "hr", "pre", "dt", "figcaption", "summary"}


def _is_block(node: _Node) -> bool:
    return node.tag in _BLOCKS or node.tag in _BLOCK_CONTAINERS or node.tag in _SKIPPED


def _list(node: _Node) -> ListBlock:
    items = [
        tuple(_blocks(child.children))
        for child in node.children
        if isinstance(child, _Node) and child.tag == "li"
    ]
    return ListBlock(node.tag == "ol", tuple(items))


def _rows(node: _Node) -> list[tuple[bool, _Node]]:
    """Each table row, and whether it is a header row (in <thead>, or all <th>)."""
    rows: list[tuple[bool, _Node]] = []
    for child in node.children:
        if not isinstance(child, _Node):
            continue
        if child.tag == "tr":
            cells = [c for c in child.children if isinstance(c, _Node) and c.tag in ("th", "td")]
            rows.append((bool(cells) and all(c.tag == "th" for c in cells), child))
        elif child.tag in ("thead", "tbody", "tfoot"):
            rows.extend((head or child.tag == "thead", row) for head, row in _rows(child))
    return rows


def _table(node: _Node) -> Table:
    header: list[tuple[Inline, ...]] = []
    body: list[tuple[Inline, ...]] = []
    for is_header, row in _rows(node):
        cells = tuple(
            _tidy(_runs(cell.children))
            for cell in row.children
            if isinstance(cell, _Node) and cell.tag in ("th", "td")
        )
        (header if is_header and not body else body).append(cells)
    return Table(tuple(header), tuple(body))
