"""The front-matter reader: every problem located, nothing raised."""

from __future__ import annotations

from pathlib import Path

from hooks.common.front_matter import parse_document, read_document


def test_front_matter_fields_and_their_lines_are_read() -> None:
    doc = parse_document("---\ntitle: A\ndescription: B\n---\n# Body\n", "docs/a.md")
    assert doc.meta == {"title": "A", "description": "B"}
    assert doc.key_lines == {"title": 2, "description": 3}
    assert doc.body == "# Body\n"
    assert doc.body_line == 5
    assert doc.problems == []


def test_broken_yaml_is_reported_with_its_line_not_raised() -> None:
    doc = parse_document("---\ntitle: A\ndescription: [unclosed\nowner: x\n---\n", "docs/a.md")
    assert len(doc.problems) == 1
    message = str(doc.problems[0])
    assert message.startswith("docs/a.md:")
    assert "not valid YAML" in message and "Fix:" in message


def test_tab_indentation_gets_a_tab_specific_fix() -> None:
    doc = parse_document("---\ntitle: A\nsources:\n\t- x\n---\n", "docs/a.md")
    assert "not tabs" in doc.problems[0].fix


def test_missing_closing_fence_is_a_problem() -> None:
    doc = parse_document("---\ntitle: A\n", "docs/a.md")
    assert doc.problems[0].field == "(front matter)"
    assert "closing" in doc.problems[0].problem


def test_a_file_without_front_matter_is_all_body() -> None:
    doc = parse_document("# Just a page\n", "docs/a.md")
    assert doc.meta == {} and doc.body == "# Just a page\n" and doc.problems == []


def test_byte_order_mark_is_ignored(tmp_path: Path) -> None:
    f = tmp_path / "a.md"
    f.write_bytes(b"\xef\xbb\xbf---\ntitle: A\n---\nBody\n")
    assert read_document(f, "a.md").meta == {"title": "A"}


def test_non_utf8_and_binary_files_are_problems(tmp_path: Path) -> None:
    latin = tmp_path / "latin.md"
    latin.write_bytes("---\ntitle: Caf\xe9\n---\n".encode("latin-1"))
    binary = tmp_path / "bin.md"
    binary.write_bytes(b"\x89PNG\x00\x00")
    assert "not UTF-8" in read_document(latin, "latin.md").problems[0].problem
    assert "not a text file" in read_document(binary, "bin.md").problems[0].problem


def test_front_matter_that_is_not_a_mapping_is_a_problem() -> None:
    doc = parse_document("---\n- a\n- b\n---\n", "docs/a.md")
    assert "field: value" in doc.problems[0].problem
