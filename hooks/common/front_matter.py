"""Read a Markdown file's YAML front matter safely, with a line for every key.

MkDocs silently turns broken front matter into body text, so every file we
depend on is parsed here instead, once, with `yaml.safe_load` semantics.
Problems come back as `Problem`s (never exceptions), so callers can collect
them across all files before failing the build.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from yaml.constructor import SafeConstructor

from hooks.common.errors import Problem

# Files larger than this are refused before parsing: no page needs more.
MAX_BYTES = 1_000_000
_FENCE = re.compile(r"^---[ \t]*$")
# Front matter below a blank line: a '---' line, then a 'field:' line.
_LATE_FRONT_MATTER = re.compile(r"\A(?:[ \t]*\r?\n)+---[ \t]*\r?\n[A-Za-z_][\w-]*:")
# MkDocs also ends front matter at a "..." line (mkdocs.utils.meta.YAML_RE).
_CLOSING = re.compile(r"^(?:---|\.\.\.)[ \t]*$")


@dataclass
class Document:
    """A Markdown file split into front matter and body."""

    path: str
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the body's first line in the file
    front_matter: str = ""  # the front matter as written, from '---' to '---'
    key_lines: dict[str, int] = field(default_factory=dict)
    # The line of every nested value, by its path: ("sources", 0, "accessed").
    path_lines: dict[tuple[str | int, ...], int] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        """The line where `key` is set, or the first line if it is missing."""
        return self.key_lines.get(key, 1)

    def line_at(self, *path: str | int) -> int:
        """The line of a nested value, such as a list item, or of its nearest parent.

        So a mistake in the second principle points at that item's own line,
        not at the line of `principles:`.
        """
        while path:
            if path in self.path_lines:
                return self.path_lines[path]
            path = path[:-1]
        return 1


def markdown_body(markdown: str, doc: Document) -> tuple[str, Callable[[int], int]]:
    """A page's Markdown as MkDocs hands it to hooks, less any front matter, and
    the file line of each of its lines (counted from 1): checks name the file's own.

    MkDocs drops the front matter and the blank lines after it; they are counted
    back (lines, not characters: a file saved on Windows ends each with "\r\n").
    Where MkDocs could not read the front matter (a preview goes on after this
    reader named why), it leaves it in the text: that part is dropped here. On a
    page whose macros ran, a macro's output counts as the line of its call.
    """
    if doc.front_matter and markdown.startswith(doc.front_matter):
        text, offset = markdown[len(doc.front_matter) :], doc.body_line - 1
        source = doc.body.replace("\r\n", "\n")
    else:
        blank = doc.body[: len(doc.body) - len(doc.body.lstrip("\r\n"))]
        text, offset = markdown, doc.body_line - 1 + blank.count("\n")
        source = doc.body.lstrip("\r\n").replace("\r\n", "\n")
    if text == source:
        return text, lambda line: offset + line
    where = _source_lines(source.split("\n"), text.split("\n"))
    return text, lambda line: offset + 1 + where[min(line, len(where)) - 1]


_DIFF_MAX = 250_000  # lines x lines between the first and last macro that difflib aligns


def _source_lines(source: list[str], rendered: list[str]) -> list[int]:
    """For each rendered line, the source line it came from (both from 0).

    The lines before the first macro and after the last are the same in both,
    so they are matched in one pass; only the part between goes to difflib, and
    only while it is small enough to be quick (a page with one macro always is).
    Past that, each line between counts as the first macro's line.
    """
    shortest = min(len(source), len(rendered))
    head = next((n for n in range(shortest) if source[n] != rendered[n]), shortest)
    tail = next(
        (n for n in range(shortest - head) if source[-1 - n] != rendered[-1 - n]), shortest - head
    )
    middle, out = source[head : len(source) - tail], rendered[head : len(rendered) - tail]
    where = [*range(head), *[head] * len(out), *range(len(source) - tail, len(source))]
    matcher = difflib.SequenceMatcher(None, middle, out, autojunk=False)
    for tag, i1, i2, j1, j2 in matcher.get_opcodes() if len(middle) * len(out) <= _DIFF_MAX else []:
        for j in range(j1, j2):  # changed lines: the call's line, or the one above
            line = i1 + j - j1 if tag == "equal" else max(min(i1 + j - j1, i2 - 1), 0)
            where[head + j] = head + line
    return where


def read_document(file: Path, display_path: str) -> Document:
    """Read `file` from disk; report size, encoding and YAML problems."""
    doc = Document(display_path)
    data = file.read_bytes()
    if len(data) > MAX_BYTES:
        return _fail(
            doc,
            1,
            "(file)",
            f"the file is {len(data):,} bytes, over the {MAX_BYTES:,}-byte limit",
            "split it up or remove pasted data",
        )
    if b"\x00" in data:
        return _fail(
            doc,
            1,
            "(file)",
            "this is not a text file",
            "save it as plain text (Markdown) with UTF-8 encoding",
        )
    try:
        text = data.decode("utf-8-sig")  # a byte-order mark is harmless: drop it
    except UnicodeDecodeError as err:
        line = data[: err.start].count(b"\n") + 1
        return _fail(
            doc, line, "(file)", "the text is not UTF-8", "save the file with UTF-8 encoding"
        )
    return parse_document(text, display_path)


def parse_document(text: str, display_path: str) -> Document:
    """Split `text` into front matter and body and parse the front matter."""
    doc = Document(display_path, body=text)
    lines = text.split("\n")  # not splitlines(): MkDocs and editors count no U+2028
    lines = [line + "\n" for line in lines[:-1]] + ([lines[-1]] if lines[-1] else [])
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        if _LATE_FRONT_MATTER.match(text):  # MkDocs would show the fields as text
            problem = "the '---' line must be the very first line of the file"
            _fail(doc, 1, "(front matter)", problem, "delete the blank lines above it")
        return doc
    end = next((i for i in range(1, len(lines)) if _CLOSING.match(lines[i].rstrip("\r\n"))), None)
    if end is None:
        return _fail(
            doc,
            1,
            "(front matter)",
            "the front matter has no closing '---' line",
            "add a line with three hyphens (---) after the last field",
        )
    doc.body = "".join(lines[end + 1 :])
    doc.body_line = end + 2
    doc.front_matter = "".join(lines[: end + 1]).replace("\r\n", "\n")
    _parse_yaml("".join(lines[1:end]), doc)
    return doc


# libyaml's parser when PyYAML was built with it: several times faster, which
# matters with thousands of case studies (1.5 s of CPU at 1,000). Its error
# messages are terser, so a file it refuses is parsed again by the
# pure-Python parser for the message.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _parse_yaml(source: str, doc: Document) -> None:
    # One parse: the node tree gives each key's line, and then the data.
    try:
        try:
            node = yaml.compose(source, Loader=_FAST_LOADER)
        except yaml.YAMLError:
            node = yaml.compose(source, Loader=yaml.SafeLoader)  # for its clearer messages
    except yaml.YAMLError as err:
        _yaml_error(err, source, doc)
        return
    if node is None:
        return
    if not isinstance(node, yaml.MappingNode):
        _fail(
            doc,
            2,
            "(front matter)",
            "the front matter is not a list of 'field: value' lines",
            "write one 'field: value' per line",
        )
        return
    doc.problems += _record_lines(node, doc)
    if doc.problems:
        return
    try:
        try:
            data = SafeConstructor().construct_document(node)
        except ValueError:  # YAML reads 2026-02-30 as a date, then cannot make one
            _unreadable_as_text(node)  # the field's own check says what is wrong with it
            data = SafeConstructor().construct_document(node)
    except yaml.YAMLError as err:  # a tag such as !!binary or !custom
        _yaml_error(err, source, doc)
        return
    except RecursionError:
        _fail(
            doc,
            1,
            "(front matter)",
            "the front matter is nested too deeply",
            "write one 'field: value' per line",
        )
        return
    doc.meta = {str(k): v for k, v in data.items()}
    doc.key_lines = {path[0]: line for path, line in doc.path_lines.items() if len(path) == 1}


# The YAML parser's words for common mistakes, and what to tell an editor instead:
# (its words, the problem, the fix, whether the mistake is on the line where
# the parser started reading rather than the one where it gave up).
_QUOTE_IT = 'put the value in quotes: field: "…"'
_MISTAKES = (
    ("found character '\\t'", "a line is indented with a tab", "indent with spaces, not tabs", 0),
    ("cannot start any token", "a value starts with a sign YAML keeps for itself, such as @ or %",
     _QUOTE_IT, 0),
    ("could not find expected ':'", "a line has no colon after its field's name",
     "write 'field: value'; a value that goes on over two lines is indented on the second", 1),
    ("sequence entries are not allowed", "a value starts with '- ', which YAML reads as a list",
     _QUOTE_IT, 0),
    ("but found '<scalar>'", "there is text after the closing quotation mark",
     'put the whole value in double quotes, with nothing after the closing one: field: "…"', 0),
    ("expected <block end>", "this line is not lined up with the lines around it",
     "indent it as far as the other fields, or list items, it belongs with", 0),
    ("expected ',' or", "a bracket ([ or {) is never closed",
     "add the closing bracket, or write each item on its own line starting '- '", 1),
    ("unknown escape character", "a backslash (\\) inside double quotes starts a code",
     "use single quotes around text with a backslash in it", 0),
    ("undefined alias", "a value starts with '*', which YAML reads as a reference", _QUOTE_IT, 0),
    ("could not determine a constructor", "a value starts with '!', which YAML reads as a type",
     _QUOTE_IT, 0),
    ("chomping or indentation", "a value starts with '|' or '>', which YAML reads as a "
     "block of text", _QUOTE_IT, 0),
    ("expected a comment or a line break", "a value starts with '|' or '>', which YAML "
     "reads as a block of text", _QUOTE_IT, 0),
)  # fmt: skip


def _yaml_error(err: yaml.YAMLError, source: str, doc: Document) -> None:
    """Report what YAML could not read, in plain words, at the line where it can be mended."""
    said = str(getattr(err, "problem", None) or "")
    mark = getattr(err, "problem_mark", None)
    opened = getattr(err, "context_mark", None)
    line = mark.line + 2 if mark else 1
    pasted = _pasted(source, mark.line) if mark else None
    if pasted:
        _fail(doc, pasted[0] + 2, "(front matter)", f"the front matter is not valid YAML: "
              f"{pasted[1]}", pasted[2])  # fmt: skip
        return
    if "mapping values are not allowed" in said and mark:
        lines = source.splitlines()
        text, above = lines[mark.line], lines[mark.line - 1] if mark.line else ""
        key, _, rest = text.strip().lstrip("- ").partition(":")
        lone = above.strip() and ":" not in above and not above.startswith((" ", "\t", "#", "- "))
        if lone and not text.startswith((" ", "\t")):
            # "description" alone above: read as the start of this line's field name.
            problem = "a line has no colon after its field's name"
            _fail(doc, line - 1, "(front matter)", f"the front matter is not valid YAML: {problem}",
                  "write 'field: value', with a colon and a space")  # fmt: skip
        elif text.startswith((" ", "\t")) and ": " not in rest and not rest.rstrip().endswith(":"):
            # "  summary: …" under "title: …": read as the title's text going on.
            problem = "this line is indented more than the field above it"
            _fail(doc, line, key, problem, "line it up with the other fields")
        else:  # A colon inside a value, such as "summary: Why it works: trust".
            problem = "the text has a colon in it, which YAML reads as the start of another field"
            _fail(doc, line, key, problem, f'put the text in quotes: {key}: "…"')
        return
    unclosed = _unclosed_quote(source, mark.line) if "'<scalar>'" in said and mark else None
    if "end of stream" in said and "quoted scalar" in str(getattr(err, "context", "")) and opened:
        unclosed = opened.line  # found where the file ends; the quote opened here
    if unclosed is not None:
        problem, fix = "a quotation mark on this line is never closed", _CLOSE_QUOTE
        if source.splitlines()[unclosed].rstrip().endswith(("\u201d", "\u2019")):
            problem += ": the one at its end is curly"
            fix = "type a straight quotation mark to close it"
        line = unclosed + 2
    else:
        words, problem, fix, at_start = next(
            (m for m in _MISTAKES if m[0] in said),
            ("", "this line cannot be read", "check the colons, quotes and indentation on "
             "this line and the one above", 0),
        )  # fmt: skip
        if at_start and opened:
            line = opened.line + 2
        if not words and "\t" in source:
            fix = "indent with spaces, not tabs"
    _fail(doc, line, "(front matter)", f"the front matter is not valid YAML: {problem}", fix)


_CLOSE_QUOTE = "add the closing quotation mark, or remove the opening one"
_QUOTED = re.compile(r""""[^"]*"|'[^']*'""")
_FIELD = re.compile(r"^[\w-]+:")  # a top-level field's first line
_NBSP = re.compile(r"^\s*\u00a0|^\s*(?:- )?[\w-]+:\u00a0")  # the indent, or after a field's name
_CURLY_VALUE = re.compile(r"^\s*(?:- )?[\w-]+:\s*[\u201c\u2018]")


def _pasted(source: str, stopped: int) -> tuple[int, str, str] | None:
    """A character pasted from a word processor where YAML stopped, and what to say.

    YAML reads a non-breaking space as text and curly quotation marks as
    letters, so its own message (a missing colon, a colon in the text)
    points at the wrong mistake. A space is looked for in the field YAML was
    reading (from its name down to where it stopped, and the field above if
    it stopped on a name), outside quoted text; curly quotes on the line it
    stopped at.
    """
    lines = source.splitlines()
    first = next((n for n in range(min(stopped, len(lines) - 1), -1, -1)
                  if _FIELD.match(lines[n]) and n < stopped), 0)  # fmt: skip
    for number in range(first, stopped + 1):
        text = _QUOTED.sub("", lines[number]) if 0 <= number < len(lines) else ""
        if _NBSP.search(text):
            return (number, "the line has a non-breaking space (often pasted from a word "
                    "processor), which YAML does not read as a space",
                    "delete the spaces on this line and type them again")  # fmt: skip
    if 0 <= stopped < len(lines) and _CURLY_VALUE.match(lines[stopped]):
        return (stopped, "the value is in curly quotation marks, which YAML does not read "
                "as quotes", 'type straight quotes instead: field: "…"')  # fmt: skip
    return None


def _unclosed_quote(source: str, line: int) -> int | None:
    """The line above `line` (from 0) whose value opens a quotation it does not close.

    `title: "Hello` closes at the next line's first quote, so YAML finds
    text after a quoted value there, on a line that is not the mistake.
    """
    lines = source.splitlines()
    for number in range(line - 1, -1, -1):
        opens = _OPENS_QUOTE.match(lines[number])
        if opens and opens[1] not in opens[2].replace(opens[1] * 2, ""):  # '' is a quote mark
            return number
    return None


# A field or list item whose value starts with a quotation mark: the mark, and the rest.
_OPENS_QUOTE = re.compile(r"""^\s*(?:-\s+)?(?:[^\s:"'][^:]*:\s+)?(["'])(.*)$""")


def _record_lines(node: yaml.MappingNode, doc: Document) -> list[Problem]:
    """Note the line of every key and list item (the front matter starts at line 2).

    Also refuses what would make one field stand for another: a key written
    twice (YAML keeps the last silently) and aliases (`&name` … `*name`),
    which repeat a node, can refer to themselves and can multiply a few lines
    into millions of values.
    """
    problems: list[Problem] = []
    seen: set[int] = set()
    repeated: set[int] = set()
    stack: list[tuple[yaml.Node, tuple[str | int, ...]]] = [(node, ())]
    while stack:
        current, path = stack.pop()
        if id(current) in seen:
            if id(current) in repeated:
                continue  # one message for each repeated value is enough
            repeated.add(id(current))
            name = ".".join(str(p) for p in path if isinstance(p, str)) or "(front matter)"
            problems.append(
                Problem(
                    doc.path,
                    doc.path_lines.get(path, 2),
                    name,
                    "this repeats another value with a YAML alias (*name)",
                    "write the value out in full, without '&' or '*'",
                )
            )
            continue
        seen.add(id(current))
        if isinstance(current, yaml.MappingNode):
            keys: dict[str, int] = {}
            for key_node, value in current.value:
                key, line = str(key_node.value), key_node.start_mark.line + 2
                child = (*path, key)
                if key in keys:
                    name = ".".join(str(p) for p in child if isinstance(p, str))
                    problems.append(
                        Problem(
                            doc.path,
                            line,
                            name,
                            f"this field is written twice, on lines {keys[key]} and {line}",
                            "keep one of them and delete the other",
                        )
                    )
                keys[key] = line
                doc.path_lines[child] = line
                stack.append((value, child))
        elif isinstance(current, yaml.SequenceNode):
            for index, item in enumerate(current.value):
                doc.path_lines[(*path, index)] = item.start_mark.line + 2
                stack.append((item, (*path, index)))
    return sorted(problems, key=lambda p: p.line)


def _unreadable_as_text(node: yaml.MappingNode) -> None:
    """Mark each value YAML cannot construct (such as 2026-02-30) as plain text."""
    stack: list[yaml.Node] = [node]
    while stack:
        current = stack.pop()
        if isinstance(current, yaml.ScalarNode):
            try:
                SafeConstructor().construct_object(current)
            except ValueError:
                current.tag = "tag:yaml.org,2002:str"
        elif isinstance(current, yaml.MappingNode):
            stack.extend(value for _, value in current.value)
        elif isinstance(current, yaml.SequenceNode):
            stack.extend(current.value)


def _fail(doc: Document, line: int, field_name: str, problem: str, fix: str) -> Document:
    doc.problems.append(Problem(doc.path, line, field_name, problem, fix))
    return doc
