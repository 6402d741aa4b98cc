"""Read a Markdown file's YAML front matter safely, with a line for every key.

MkDocs silently turns broken front matter into body text, so every file we
depend on is parsed here instead, once, with `yaml.safe_load` semantics.
Problems come back as `Problem`s (never exceptions), so callers can collect
them across all files before failing the build.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from hooks.common.errors import Problem

# Files larger than this are refused before parsing: no page needs more.
MAX_BYTES = 1_000_000
_FENCE = re.compile(r"^---[ \t]*$")


@dataclass
class Document:
    """A Markdown file split into front matter and body."""

    path: str
    meta: dict[str, Any] = field(default_factory=dict)
    body: str = ""
    body_line: int = 1  # line number of the body's first line in the file
    key_lines: dict[str, int] = field(default_factory=dict)
    # For a key whose value is a list: the line of each of its items.
    item_lines: dict[str, list[int]] = field(default_factory=dict)
    problems: list[Problem] = field(default_factory=list)

    def line_of(self, key: str) -> int:
        """The line where `key` is set, or the first line if it is missing."""
        return self.key_lines.get(key, 1)

    def line_of_item(self, key: str, index: int) -> int:
        """The line where item `index` of the list `key` starts, or the key's line."""
        lines = self.item_lines.get(key, [])
        return lines[index] if 0 <= index < len(lines) else self.line_of(key)


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
    lines = text.splitlines(keepends=True)
    if not lines or not _FENCE.match(lines[0].rstrip("\r\n")):
        return doc
    end = next((i for i in range(1, len(lines)) if _FENCE.match(lines[i].rstrip("\r\n"))), None)
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
    _parse_yaml("".join(lines[1:end]), doc)
    return doc


# libyaml's loader when PyYAML was built with it: several times faster, which
# matters with thousands of case studies. Its error messages are terser, so
# a file it refuses is read again by the pure-Python loader for the message.
_FAST_LOADER = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


def _load(source: str, loader_class: type) -> tuple[Any, Any]:
    """One pass: the node tree gives each key's line, and the data."""
    loader = loader_class(source)
    try:
        node = loader.get_single_node()
        return node, loader.construct_document(node) if node is not None else None
    finally:
        loader.dispose()


def _parse_yaml(source: str, doc: Document) -> None:
    try:
        try:
            node, data = _load(source, _FAST_LOADER)
        except (yaml.YAMLError, ValueError, RecursionError):
            node, data = _load(source, yaml.SafeLoader)  # for its clearer messages
    except yaml.YAMLError as err:
        mark = getattr(err, "problem_mark", None) or getattr(err, "context_mark", None)
        problem = getattr(err, "problem", None) or "this is not valid YAML"
        fix = (
            "indent with spaces, not tabs"
            if "\t" in source
            else "check the colons, quotes and indentation on this line and the one above"
        )
        line = mark.line + 2 if mark else 1
        opened = getattr(err, "context_mark", None)
        if "quoted scalar" in str(getattr(err, "context", "")) and opened:
            # The error is found where the file ends; the mistake is where the quote opened.
            line, problem = opened.line + 2, "a quotation mark on this line is never closed"
            fix = "add the closing quotation mark, or remove the opening one"
        _fail(doc, line, "(front matter)", f"the front matter is not valid YAML ({problem})", fix)
        return
    except ValueError as err:  # YAML reads 2026-02-30 as a date, then cannot make one
        line, field_name = _bad_value_at(source)
        _fail(
            doc,
            line,
            field_name,
            f"this is not a real date ({err})",
            "write a date that exists, as YYYY-MM-DD",
        )
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
    if data is None:
        return
    if not isinstance(data, dict) or not isinstance(node, yaml.MappingNode):
        _fail(
            doc,
            2,
            "(front matter)",
            "the front matter is not a list of 'field: value' lines",
            "write one 'field: value' per line",
        )
        return
    doc.meta = {str(k): v for k, v in data.items()}
    for key_node, value_node in node.value:
        doc.key_lines[str(key_node.value)] = key_node.start_mark.line + 2
        if isinstance(value_node, yaml.SequenceNode):
            items = [item.start_mark.line + 2 for item in value_node.value]
            doc.item_lines[str(key_node.value)] = items


def _bad_value_at(source: str) -> tuple[int, str]:
    """The line and top-level key of the first value YAML cannot construct."""
    try:
        node = yaml.compose(source, Loader=yaml.SafeLoader)
    except (yaml.YAMLError, RecursionError):
        return 1, "(front matter)"
    if not isinstance(node, yaml.MappingNode):
        return 2, "(front matter)"
    for key_node, value_node in node.value:
        try:
            yaml.SafeLoader("").construct_object(value_node, deep=True)
        except (yaml.YAMLError, ValueError, RecursionError):
            return key_node.start_mark.line + 2, str(key_node.value)
    return 2, "(front matter)"


def _fail(doc: Document, line: int, field_name: str, problem: str, fix: str) -> Document:
    doc.problems.append(Problem(doc.path, line, field_name, problem, fix))
    return doc
