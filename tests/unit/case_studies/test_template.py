"""An unfinished case study (template examples left in) never builds."""

from __future__ import annotations

from hooks.case_studies.content import leftovers
from hooks.common.front_matter import parse_document

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
