"""The front-matter reader: every problem located, nothing raised."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.common.front_matter import markdown_body, parse_document, read_document


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


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("title: A\nsources:\n\t- x", "5: (front matter): …: a line is indented with a tab"),
        ("title: A\n  summary: B", "4: summary: this line is indented more than the field above"),
        ("summary: Why it works: trust", "3: summary: the text has a colon in it"),
        ("title: A\nsummary B\nnation: x", "4: (front matter): …: a line has no colon after"),
        ("principles:\n  - a\n - b", "5: (front matter): …: this line is not lined up with"),
        ('title: "Hello" there', "3: (front matter): …: there is text after the closing quot"),
        ('title: "Hello\nsummary: "World"', "3: (front matter): …: a quotation mark on this line"),
        ("principles: [a, b\nnation: x", "3: (front matter): …: a bracket ([ or {) is never"),
        ('title: "C:\\path"', "3: (front matter): …: a backslash (\\) inside double quotes"),
        ("title: @home", "3: (front matter): …: a value starts with a sign YAML keeps"),
        ("summary: - a thing", "3: (front matter): …: a value starts with '- '"),
        ("title: *x", "3: (front matter): …: a value starts with '*'"),
        ("render_macros: !ENV [X, true]", "3: (front matter): …: a value starts with '!'"),
        ("summary: |x", "3: (front matter): …: a value starts with '|' or '>'"),
        ("summary: | x", "3: (front matter): …: a value starts with '|' or '>'"),
        ("outcomes:\n  - text: Members said:\n    source: 1", "4: text: the text has a colon"),
        ("description\ntitle: x", "3: (front matter): …: a line has no colon after"),
        ("title = x\ndescription: y", "3: (front matter): …: a line has no colon after"),
        ("title: 'Hello\ndescription: 'A page'", "3: (front matter): …: a quotation mark on"),
        ('title: A 12" ruler\nsummary: "Hi" there', "4: (front matter): …: there is text after"),
        # Pasted from a word processor (found by a bug hunt): YAML's own words
        # named a missing colon and a colon in the text.
        ("last_reviewed:\u00a02026-11-26", "3: (front matter): …: the line has a non-breaking"),
        ("hide:\n\u00a0\u00a0- toc", "4: (front matter): …: the line has a non-breaking space"),
        ("summary: \u201cWhy it works: trust\u201d", "3: (front matter): …: the value is in curly"),
        # …but not in a value YAML read well above the real mistake (a second hunt).
        ('title: "Pay:\u00a0a guide"\nsummary: Why: trust', "4: summary: the text has a colon"),
        (
            "title: \u201cUs\u201d in practice\nsummary: Why: trust",
            "4: summary: the text has a colon",
        ),
        ('title: "Nothing about us\u201d', "3: (front matter): …: a quotation mark on this line"),
        # A space inside a value is text, and a wrapped value's second line is
        # not a field name alone (a fourth hunt): the colon below is the mistake.
        ("summary: Open:\u00a0all year.\n  Everyone.\nnote: Why: trust", "5: note: the text has"),
        # Nor is a comment or a list item above (a fifth hunt: the case-study template).
        ("# Optional fields\nnote: Why: trust", "4: note: the text has a colon"),
        ("tags:\n- a\n- b\nnote: Why: trust", "6: note: the text has a colon"),
        ("-description\ntitle: x", "3: (front matter): …: a line has no colon after"),
        # A wrapped value: the space is on its first line, YAML stops lines below.
        (
            "description:\u00a0How to run meetings,\n  covering the venue,\n  and timing.\nb: 1",
            "3: (front matter): …: the line has a non-breaking space",
        ),
    ],
)
def test_yaml_mistakes_are_told_in_plain_words_at_the_line_to_mend(
    front_matter: str, expected: str
) -> None:
    doc = parse_document(f"---\nx: 1\n{front_matter}\n---\n\nText.\n", "docs/a.md")
    (problem,) = doc.problems
    shown = f"{problem.line}: {problem.field}: {problem.problem}"
    assert shown.replace("the front matter is not valid YAML", "…").startswith(expected), shown
    assert "token" not in shown and "scalar" not in shown and "<" not in shown


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


def test_front_matter_may_end_with_three_dots_as_mkdocs_allows() -> None:
    doc = parse_document("---\ntitle: A\n...\n# Body\n", "docs/a.md")
    assert doc.meta == {"title": "A"} and doc.body == "# Body\n" and doc.problems == []


def test_a_field_written_twice_is_a_problem_at_its_second_line() -> None:
    text = "---\ntitle: A\nsources:\n  - title: B\n    title: C\ntitle: D\n---\n"
    found = [str(p) for p in parse_document(text, "docs/a.md").problems]
    assert found == [
        "docs/a.md:5: sources.title: this field is written twice, on lines 4 and 5. "
        "Fix: keep one of them and delete the other",
        "docs/a.md:6: title: this field is written twice, on lines 2 and 6. "
        "Fix: keep one of them and delete the other",
    ]


def test_yaml_aliases_are_refused_even_when_they_refer_to_themselves() -> None:
    # A self-reference once raised RecursionError; chained aliases multiplied
    # a few lines into millions of values.
    bomb = "".join(f"a{n}: &a{n} [{', '.join([f'*a{n - 1}'] * 9)}]\n" for n in range(1, 9))
    for text in ("tags: &a [*a]\n", "a0: &a0 [x]\n" + bomb):
        doc = parse_document(f"---\ntitle: A\n{text}---\n", "docs/a.md")
        assert doc.meta == {} and doc.problems, text[:20]
        assert all("YAML alias" in p.problem for p in doc.problems)


def test_an_impossible_date_is_kept_as_text_for_the_field_check_to_name() -> None:
    text = "---\ntitle: A\nsources:\n  - accessed: 2026-02-30\nlast_reviewed: 2026-01-02\n---\n"
    doc = parse_document(text, "docs/a.md")
    assert doc.problems == []
    assert doc.meta["sources"] == [{"accessed": "2026-02-30"}]
    assert doc.meta["last_reviewed"].isoformat() == "2026-01-02"
    assert doc.line_at("sources", 0, "accessed") == 4


def test_a_curly_apostrophe_inside_an_unclosed_value_is_not_blamed() -> None:
    doc = parse_document('---\ntitle: "People\u2019s voices\nb: 1\n---\n\nText.\n', "docs/a.md")
    (problem,) = doc.problems
    assert problem.fix == "add the closing quotation mark, or remove the opening one"


def test_a_value_closed_with_a_curly_quote_is_told_so() -> None:
    # "add the closing quotation mark" sent editors to add one they had typed.
    doc = parse_document('---\ntitle: "Nothing about us\u201d\n---\n\nText.\n', "docs/a.md")
    assert [str(p) for p in doc.problems] == [
        "docs/a.md:2: (front matter): the front matter is not valid YAML: a quotation mark on "
        "this line is never closed: the one at its end is curly. Fix: type a straight "
        "quotation mark to close it"
    ]


def test_checks_count_the_file_s_lines_whether_or_not_mkdocs_read_the_front_matter() -> None:
    source = "---\ntitle: S\nlast_reviewed: 2026-13-01\n---\n\n# S\n\n[x](nowhere.md)\n"
    doc = parse_document(source, "docs/s.md")

    def file_line(markdown: str, wanted: str) -> int:
        text, line_of = markdown_body(markdown, doc)
        return line_of(text.split("\n").index(wanted) + 1)

    # As MkDocs hands it over after reading the front matter: from the heading.
    assert file_line("# S\n\n[x](nowhere.md)\n", "[x](nowhere.md)") == 8
    # A preview goes on when MkDocs cannot read it, and the text then holds it
    # all: the link was named six lines too low (found by a bug hunt).
    assert file_line(source, "[x](nowhere.md)") == 8
    # A body that starts with a '---' rule is a body, not front matter left in
    # (the first fix dropped its first lines; a second bug hunt).
    ruled = parse_document(source.replace("# S", "---"), "docs/s.md")
    text, line_of = markdown_body("---\n\n[x](nowhere.md)\n", ruled)
    assert text.startswith("---") and line_of(3) == 8


def test_lines_below_a_macro_s_output_are_named_at_their_own_line() -> None:
    # A case_study_list grows into many lines: every line below it was named too
    # low, by as many lines as the list had (a third bug hunt).
    source = "---\ntitle: S\n---\n\n# S\n\n{{ case_study_list() }}\n\n[x](nowhere.md)\n"
    doc = parse_document(source, "docs/s.md")
    rendered = "# S\n\n" + "".join(f"- [Study {n}](s{n}.md)\n" for n in range(30))
    rendered += "\n[x](nowhere.md)\n"
    text, line_of = markdown_body(rendered, doc)
    lines = text.split("\n")
    assert line_of(lines.index("[x](nowhere.md)") + 1) == 9
    assert line_of(lines.index("- [Study 12](s12.md)") + 1) == 7  # the call's own line


def test_a_line_separator_character_is_not_a_new_line() -> None:
    # str.splitlines() counts U+2028; MkDocs and editors do not (a fourth hunt).
    doc = parse_document('---\ntitle: "A\u2028B"\n---\n\nText.\n', "docs/a.md")
    assert (doc.meta, doc.body_line) == ({"title": "A\u2028B"}, 4)


def test_a_page_with_macros_far_apart_still_maps_every_line_quickly() -> None:
    # Past a size, the lines between the first and last macro count as the first
    # macro's line, rather than difflib taking minutes (a fifth hunt).
    middle = [f"line {n % 90}" for n in range(2000)]
    source = "---\ntitle: S\n---\n\n" + "\n".join(["{{ a() }}", *middle, "{{ b() }}", "end"])
    doc = parse_document(source, "docs/s.md")
    rendered = "\n".join(["- a", "- a2", *middle, "- b", "- b2", "end"])
    text, line_of = markdown_body(rendered, doc)
    lines = text.split("\n")
    assert line_of(lines.index("end") + 1) == source.split("\n").index("end") + 1
    assert line_of(lines.index("line 5") + 1) == 5  # the first macro's line
