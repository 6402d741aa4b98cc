"""An unfinished case study (template examples left in) never builds."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from hooks.case_studies.content import leftovers
from hooks.case_studies.load import load_folder
from hooks.case_studies.schema import load_schema
from hooks.common.front_matter import parse_document
from tests.support.sites import ROOT

TEMPLATE = parse_document(
    "---\norganisation: The organisation that runs it\nregion: Optional wider area\n"
    "nation: England\nsources:\n  - title: The page\n    url: https://www.example.org/page\n"
    "---\n\n## Context\n\nWhat the service is, and the problem people faced.\n",
    "_template.md",
)
REQUIRED = frozenset({"organisation", "sources"})


def _problems(text: str) -> list[str]:
    return [
        str(p) for p in leftovers(parse_document(text, "case_studies/x.md"), TEMPLATE, REQUIRED)
    ]


def test_example_text_left_in_fields_and_story_is_reported_with_its_line() -> None:
    text = (
        "---\norganisation: The organisation that runs it\nregion: Optional wider area\n"
        "nation: England\nsources:\n  - title: Real report\n    url: https://www.example.org/page\n"
        "---\n\n## Context\n\nWhat the service is, and the problem people faced.\n"
    )
    assert _problems(text) == [
        "case_studies/x.md:2: organisation: this is still the template's example. "
        "Fix: write this case study's own organisation",
        "case_studies/x.md:3: region: this is still the template's example. Fix: write this "
        "case study's own region, or delete the line (this field is optional)",
        "case_studies/x.md:5: sources: this is still the template's example. "
        "Fix: write this case study's own sources",
        "case_studies/x.md:12: (story): the story still has the template's guidance text. "
        "Fix: replace it with the story, in your own words",
    ]


def test_the_template_s_example_evidence_address_is_a_leftover_at_its_own_line() -> None:
    template = parse_document(
        "---\nevidence:\n  level: own report\n  url: https://www.example.org/report\n---\n",
        "_template.md",
    )
    text = "---\nevidence:\n  level: own report\n  url: https://www.example.org/report\n---\n"
    doc = parse_document(text, "case_studies/x.md")
    assert [str(p) for p in leftovers(doc, template)] == [
        "case_studies/x.md:4: evidence.url: this is still the template's example. Fix: write "
        "this case study's own evidence url, or delete the line (this field is optional)"
    ]  # the level is a choice from a list, shared with the template by right


def test_choices_shared_with_the_template_are_not_leftovers() -> None:
    text = (
        "---\norganisation: Healthy Living Club\nnation: England\nsources:\n"
        "  - title: SCIE practice example\n    url: https://www.scie.org.uk/x\n---\n\n"
        "## Context\n\nMembers have met since 2008.\n"
    )
    assert _problems(text) == []


def test_without_a_template_nothing_is_checked() -> None:
    doc = parse_document("---\norganisation: The organisation that runs it\n---\n", "x.md")
    assert leftovers(doc, None) == []


def test_a_broken_template_is_reported_as_any_case_study_would_be(tmp_path: Path) -> None:
    (tmp_path / "_template.md").write_text('---\ntitle: "Never closed\n---\n', encoding="utf-8")
    schema = load_schema(ROOT / "case_studies" / "schema.json")
    records, problems = load_folder(tmp_path, "case_studies", schema, dt.date(2026, 12, 7), [])
    assert records == []
    assert [str(p) for p in problems] == [
        "case_studies/_template.md:2: (front matter): the front matter is not valid YAML: a "
        "quotation mark on this line is never closed. Fix: add the closing quotation mark, "
        "or remove the opening one"
    ]
