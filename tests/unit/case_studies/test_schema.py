"""The case-study schema and the checks built on it, one rule at a time."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import pytest
from jsonschema import Draft202012Validator

from hooks.case_studies.export import export_csv
from hooks.case_studies.macros import case_study_links
from hooks.case_studies.pages import anchors_in, inert_markdown, listing_uri
from hooks.case_studies.schema import checked_schema, load_schema
from tests.support.stories import STORY
from tests.unit.case_studies.texts import check_text

ROOT = Path(__file__).resolve().parents[3]
SCHEMA = load_schema(ROOT / "case_studies" / "schema.json")
TODAY = dt.date(2026, 11, 26)
GOOD = (
    """---
title: Example
organisation: Example Trust
summary: People who use the service run it with staff.
location: Leeds
nation: England
service_areas: [mental health]
principles: [equality]
involvement: coproduction
started: 2012
sources:
  - {title: Report, url: "https://example.org/r", publisher: Example Trust, accessed: 2026-01-02}
  - {title: Two, url: "https://example.org/s", publisher: Example Trust, accessed: 2026-01-03}
evidence: {level: none found}
last_reviewed: 2026-01-03
---

## Story

Text.
"""
    + STORY
)


def _problems(text: str, slug: str = "example") -> list[str]:
    record, problems = check_text(text, "case_studies/example.md", slug, SCHEMA, TODAY)
    assert (record is None) == bool(problems)
    return [str(p) for p in problems]


def test_schema_is_valid_draft_2020_12() -> None:
    Draft202012Validator.check_schema(SCHEMA)
    assert SCHEMA["$schema"] == "https://json-schema.org/draft/2020-12/schema"


def test_every_field_documents_itself_with_a_description_and_an_example() -> None:
    for name, spec in SCHEMA["properties"].items():
        assert spec.get("description") and spec.get("examples"), name


def test_a_missing_schema_file_is_an_editor_problem(tmp_path: Path) -> None:
    assert [str(p) for p in checked_schema(tmp_path / "schema.json", "s.json")[1]] == [
        "s.json:1: (file): the case-study schema is missing. Fix: restore "
        "case_studies/schema.json from the upstream project"
    ]
    assert checked_schema(ROOT / "case_studies" / "schema.json", "s.json") == (SCHEMA, [])


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            '{\n  "type": "object",\n  "properties": {"title": {"type": "text"},}\n}\n',
            "s.json:3: (file): this is not valid JSON: Expecting property name enclosed in "
            "double quotes. Fix: put names and text in double quotes",
        ),
        (
            '{"type": "object", "properties": {"title": {"type": "text"}}}',
            "s.json:1: properties.title.type: this is not a valid JSON Schema: 'text' is not valid",
        ),
        (
            '{\n  "type": "object",\n  "properties": {\n    "type": {"type": "string"},\n'
            '    "title": {\n      "type": "text"\n    }\n  }\n}\n',
            "s.json:6: properties.title.type: this is not a valid JSON Schema: 'text' is not",
        ),
        (
            "true",  # a valid JSON Schema (it allows anything), but not one we can read
            "s.json:1: (file): this is not a valid JSON Schema: the file must hold one JSON "
            "object, in { }",
        ),
        ('{"description": "caf\xe9"}'.encode("latin-1"), "s.json:1: (file): the text is not UTF-8"),
    ],
)
def test_a_broken_schema_file_is_an_editor_problem_not_a_traceback(
    tmp_path: Path, text: str | bytes, message: str
) -> None:
    path = tmp_path / "schema.json"
    path.write_bytes(text if isinstance(text, bytes) else text.encode())
    schema, problems = checked_schema(path, "s.json")
    assert schema is None
    assert [str(p)[: len(message)] for p in problems] == [message]


def test_template_is_a_valid_case_study() -> None:
    text = (ROOT / "case_studies" / "_template.md").read_text(encoding="utf-8")
    assert _problems(text, "template") == []


@pytest.mark.parametrize("path", sorted((ROOT / "case_studies").glob("[!_]*.md")), ids=str)
def test_every_published_case_study_is_valid(path: Path) -> None:
    text = path.read_text(encoding="utf-8")
    # Today's date: a fixed one would call facts checked after it "in the future".
    _, problems = check_text(text, "case_studies/x.md", path.stem, SCHEMA, dt.date.today())
    assert [str(p) for p in problems] == []


def test_a_valid_case_study_becomes_a_record_with_json_dates() -> None:
    record, problems = check_text(GOOD, "case_studies/example.md", "example", SCHEMA, TODAY)
    assert problems == []
    assert record["last_reviewed"] == "2026-01-03"
    assert record["sources"][0]["accessed"] == "2026-01-02"
    assert record["url"] == "case-studies/example/"


@pytest.mark.parametrize(
    ("change", "message"),
    [
        (
            ("principles: [equality]", "principles: []"),
            "case_studies/example.md:8: principles: this is empty. Fix: A list of the coproduction "
            "principles the story clearly shows, each one of the allowed values. Allowed values: "
            "equality, diversity, access, reciprocity. For example:\n      principles:\n"
            "        - equality\n        - reciprocity",
        ),
        (
            ("principles: [equality]", "principles: [kindness]"),
            'case_studies/example.md:8: principles: the first principle: "kindness" is not one of '
            "the allowed values (equality, diversity, access, reciprocity).",
        ),
        (
            ("principles: [equality]", "principles: [equality, reciprosity]"),
            'case_studies/example.md:8: principles: the second principle: "reciprosity" is not '
            "one of the allowed values (equality, diversity, access, reciprocity). Fix: did you "
            "mean 'reciprocity'?",
        ),
        (
            ("started: 2012", "started: 1700"),
            "case_studies/example.md:10: started: 1700 is not a year between 1800 and 2100.",
        ),
        (
            # Past the schema's last year, and in the future: one message is enough.
            ("started: 2012", "started: 2101"),
            "case_studies/example.md:10: started: 2101 is not a year between 1800 and 2100.",
        ),
        (
            ("started: 2012", "started: 2027"),
            "case_studies/example.md:10: started: 2027 is in the future. Fix: write the year it "
            "started, 2026 or earlier",
        ),
        (
            ("accessed: 2026-01-02", "accessed: 2027-01-02"),
            "case_studies/example.md:12: sources.accessed: the first source: 2027-01-02 is in the "
            "future.",
        ),
        (
            ("accessed: 2026-01-02", "accessed: 2 January 2026"),
            'case_studies/example.md:12: sources.accessed: the first source: "2 January 2026" is '
            "not a date written as YYYY-MM-DD. Fix: The date you last checked the source, as "
            "YYYY-MM-DD, not in the future. For example: accessed: 2026-11-26",
        ),
        (
            ('url: "https://example.org/r"', 'url: "data:text/html,hi"'),
            'case_studies/example.md:12: sources.url: the first source: "data:text/html,hi" is a '
            "script address",
        ),
        (
            ("location: Leeds", "location: Leeds\nsupport: Call us."),
            "case_studies/example.md:6: support: support is shown with a content note, but "
            "there is no content_note.",
        ),
        (
            ("started: 2012", "started: 12.5"),
            "case_studies/example.md:10: started: this should be a whole number, not 12.5. Fix:",
        ),
        (
            ("nation: England", "nation: [England]"),
            "case_studies/example.md:6: nation: this should be one of the allowed values (England,",
        ),
        (
            ("nation: England", "nation: no"),
            "case_studies/example.md:6: nation: YAML reads this as a yes/no answer, not one of",
        ),
        (
            ("location: Leeds", "location:\n  - Leeds"),
            "case_studies/example.md:5: location: this should be text, not a list. Fix:",
        ),
        (
            ("title: Example", "title:"),
            "case_studies/example.md:2: title: this is empty. Fix: The case study's name",
        ),
        (
            ("Text.", "[the panel's page](javascript:alert(1))"),
            "case_studies/example.md:20: (story): the story links to a script address",
        ),
        (
            ("## Story", "# Story"),
            "case_studies/example.md:18: (story): the story has a top-level heading ('# ')",
        ),
        (
            ("Text.", '--8<-- "mkdocs.yml"'),
            "case_studies/example.md:20: (story): the story includes another file ('--8<--')",
        ),
        (
            # A story's HTML comment is shown as text: what follows it is Markdown.
            ("Text.", '## Title <!-- { onclick="go()" }\n\nMore -->'),
            "case_studies/example.md:20: { attributes }: the onclick attribute runs code",
        ),
        (
            ("Text.", '```\n-8<- "mkdocs.yml"\n```'),  # read by snippets even in code
            "case_studies/example.md:21: (story): the story includes another file ('--8<--')",
        ),
    ],
)
def test_each_rule_gives_its_exact_message(change: tuple[str, str], message: str) -> None:
    problems = _problems(GOOD.replace(*change))
    assert len(problems) == 1, problems
    assert problems[0].startswith(message)


def test_every_unknown_field_is_named_not_only_the_first() -> None:
    problems = _problems(GOOD.replace("location: Leeds", "location: Leeds\ntitel: X\nregoin: Y"))
    assert [p.split(". Fix:")[0] for p in problems] == [
        "case_studies/example.md:7: regoin: this is not a case-study field",
        "case_studies/example.md:6: titel: this is not a case-study field",
    ]
    assert "did you mean 'title'?" in problems[1]


def test_an_outcome_source_of_zero_is_below_the_first_source() -> None:
    outcome = "evidence: {level: none found}\noutcomes:\n  - {text: Fewer falls., source: 0}"
    problems = _problems(GOOD.replace("evidence: {level: none found}", outcome))
    assert any(
        "outcomes.source: the first outcome: 0 is less than 1, the smallest allowed." in p
        for p in problems
    ), problems


def test_file_names_must_be_usable_addresses() -> None:
    assert _problems(GOOD, "Bad Name")[0].startswith(
        "case_studies/example.md:1: (file name): 'Bad Name' is not a usable web address."
    )
    assert "a name the case-study pages use themselves" in _problems(GOOD, "fields")[0]


def test_raw_html_in_a_story_is_escaped_but_code_is_left_alone() -> None:
    body = "<script>x</script> and `<b>` and\n```\n<i>\n```\n"
    assert inert_markdown(body) == "&lt;script>x&lt;/script> and `<b>` and\n```\n<i>\n```\n"


def test_anchors_come_from_headings_and_explicit_ids() -> None:
    text = '# The ladder\n\n## Co-production\n\n## Step two {#step-2}\n<a id="x"></a>\n'
    assert anchors_in(text) == {"the-ladder", "co-production", "step-2", "x"}


def test_facet_values_become_url_segments() -> None:
    assert listing_uri("nation", "Northern Ireland") == "case-studies/nation/northern-ireland.md"
    assert listing_uri("nation", "UK-wide") == "case-studies/nation/uk-wide.md"


def test_csv_cells_cannot_become_spreadsheet_formulas() -> None:
    record = {"slug": "x", "url": "case-studies/x/", "title": "=HYPERLINK(1)", "principles": ["a"]}
    row = export_csv([record], SCHEMA).splitlines()[1]
    assert row.startswith("x,case-studies/x/,'=HYPERLINK(1),")


def test_macro_links_point_at_the_generated_markdown_relative_to_the_page() -> None:
    records = [{"slug": "x", "title": "A title", "organisation": "Org", "principles": ["equality"]}]
    assert case_study_links(records, "principles/equality.md", "none") == (
        "- [A title](../case-studies/x.md): Org"
    )
    assert case_study_links(records, "index.md", "none") == "- [A title](case-studies/x.md): Org"
    assert (
        case_study_links(records, "index.md", "No studies.", principles="access")
        == "*No studies\\.*"
    )


def test_macro_escapes_markup_in_titles() -> None:
    records = [{"slug": "x", "title": "<script>a</script> *b* [c](d)", "organisation": "{{ 6*7 }}"}]
    line = case_study_links(records, "index.md", "none")
    assert "<script>" not in line and "&lt;script&gt;" in line
    assert "\\*b\\*" in line and "\\[c\\]\\(d\\)" in line and "\\{\\{ 6\\*7 \\}\\}" in line
