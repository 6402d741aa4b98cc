"""Every bad case-study input is refused with one clear line, checked without a build.

One test per input in tests/bad_inputs/case_studies/: a file is added to
case_study_site's case_studies/, a folder is laid over the whole site, and
the case-study hook's checks run on it (tests/support/corpus.py). Real
builds of refused and odd inputs are in tests/build/test_case_study_bad_inputs.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.common.errors import Problem
from tests.support.corpus import BAD_CASE_STUDIES, case_study_problems, refusal

BAD = BAD_CASE_STUDIES

EXPECTED = {
    "malformed-yaml.md": (
        "case_studies/malformed-yaml.md:5: (front matter): the front matter is not valid "
        "YAML: a quotation mark on this line is never closed. Fix: add the closing "
        "quotation mark, or remove the opening one"
    ),
    "tab-indentation.md": (
        "case_studies/tab-indentation.md:8: (front matter): the front matter is not "
        "valid YAML: a line is indented with a tab. Fix: indent with spaces, not tabs"
    ),
    "missing-field.md": (
        "case_studies/missing-field.md:1: organisation: this required field is missing. "
        "Fix: The organisation that runs it, as it names itself. For example: "
        "organisation: Healthy Living Club"
    ),
    "wrong-type.md": (
        'case_studies/wrong-type.md:12: started: this should be a whole number, not "twenty '
        'twelve". Fix: The year it started, as four digits without quotes. For example: '
        "started: 2012"
    ),
    "vocabulary-value.md": (
        'case_studies/vocabulary-value.md:6: nation: "Cornwall" is not one of the '
        "allowed values (England, Scotland, Wales, Northern Ireland, UK-wide, "
        "International). Fix: Which nation it is in: one of the allowed values. Allowed "
        "values: England, Scotland, Wales, Northern Ireland, UK-wide, International. For "
        "example: nation: England"
    ),
    "unknown-field.md": (
        "case_studies/unknown-field.md:6: regoin: this is not a case-study field. Fix: "
        "did you mean 'region'? Use only these fields: consent, content_note, "
        "evidence, involvement, last_reviewed, lived_experience_roles, location, nation, "
        "organisation, outcomes, people_reached, principles, region, service_areas, "
        "sources, started, status, summary, support, tags, title, website"
    ),
    "misspelt-principle.md": (
        'case_studies/misspelt-principle.md:11: principles: the second principle: "reciprosity" '
        "is not one of the allowed values (equality, diversity, access, reciprocity). Fix: did "
        "you mean 'reciprocity'? A list of the coproduction principles the story clearly shows, "
        "each one of the allowed values. Allowed values: equality, diversity, access, "
        "reciprocity. For example:\n      principles:\n        - equality\n        - reciprocity"
    ),
    "second-source-date.md": (
        'case_studies/second-source-date.md:21: sources.accessed: the second source: "2026-1-2" '
        "is not a date written as YYYY-MM-DD. Fix: The date you last checked the source, as "
        "YYYY-MM-DD, not in the future. For example: accessed: 2026-11-26"
    ),
    "colon-in-summary.md": (
        "case_studies/colon-in-summary.md:4: summary: the text has a colon in it, which YAML "
        'reads as the start of another field. Fix: put the text in quotes: summary: "…"'
    ),
    "evidence-level.md": (
        'case_studies/evidence-level.md:24: evidence.level: "strong" is not one of the '
        "allowed values (none found, own report, independent evaluation, peer-reviewed "
        "study). Fix: The strongest evidence found. Allowed values: none found, own report, "
        "independent evaluation, peer-reviewed study. For example: level: independent evaluation"
    ),
    "impossible-date.md": (
        # Read as text, so the field's own check names it (and the rest is checked too).
        'case_studies/impossible-date.md:22: last_reviewed: "2026-02-30" is not a real date. '
        "Fix: The date you last checked the case study's facts, as YYYY-MM-DD"
    ),
    "future-date.md": (
        "case_studies/future-date.md:22: last_reviewed: 2999-01-01 is in the future. "
        "Fix: write the date you checked the facts, today ("
    ),
    "http-url.md": (
        # The item's own line (the url), and the source counted in words.
        'case_studies/http-url.md:15: sources.url: the first source: "http://example.org/report" '
        "is not a secure web address (https://). Fix: The source's address, starting https://. "
        "For example: url: https://www.example.org/page"
    ),
    "javascript-url.md": (
        'case_studies/javascript-url.md:6: website: "javascript:alert(1)" is a script '
        "address, which is never allowed. Fix: The organisation's own website, starting "
        "https://. For example: website: https://www.example.org/"
    ),
    "event-handler.md": (
        "case_studies/event-handler.md:29: { attributes }: the onclick attribute runs code in "
        "the reader's browser. Fix: remove it; the site's own scripts add any behaviour"
    ),
    "image-without-alt.md": (
        "case_studies/image-without-alt.md:29: image: the image has no alt text. Fix: "
        "describe what the image shows inside ![...]"
    ),
    "vague-link.md": (
        "case_studies/vague-link.md:29: link: the link text 'click here' does not say "
        "where the link goes. Fix: write link text that says where the link goes"
    ),
    "summary-too-long.md": (
        "case_studies/summary-too-long.md:4: summary: this is 359 characters long, over "
        "the 300-character limit. Fix: One or two sentences, 300 characters at most"
    ),
    "empty.md": (
        "case_studies/empty.md:1: (file): the file is empty. Fix: copy "
        "case_studies/_template.md and fill it in"
    ),
    "front-matter-only.md": (
        "case_studies/front-matter-only.md:20: (story): there is no story after the "
        "front matter. Fix: write the story below the closing '---'"
    ),
    "binary.md": (
        "case_studies/binary.md:1: (file): this is not a text file. Fix: save it as "
        "plain text (Markdown) with UTF-8 encoding"
    ),
    "non-utf8.md": (
        "case_studies/non-utf8.md:2: (file): the text is not UTF-8. Fix: save the file "
        "with UTF-8 encoding"
    ),
    "duplicate-title": (
        "case_studies/second.md:2: title: 'Shared  title' is already the title of "
        "case_studies/first.md. Fix: give each case study a different title"
    ),
    "slug-collision": (
        "case_studies/about.md:1: (file name): the page /case-studies/about/ would "
        "replace docs/case-studies/about.md. Fix: rename the case study's file, or move "
        "that docs page"
    ),
}


def _assert_refused(problems: list[Problem], message: str) -> None:
    found = refusal(problems)
    assert found[0] == "The site was not built: 1 problem to fix:", found
    # One problem; its example may run over the lines below it (a list, as YAML).
    assert len([line for line in found[1:] if line.startswith("case_studies/")]) == 1, found
    expected = "\n".join(line.strip() for line in message.splitlines())
    assert "\n".join(found[1:]).startswith(expected), found


def test_every_bad_input_has_a_test() -> None:
    stored = {p.name for p in BAD.iterdir() if p.name != "README.md"}
    assert stored == set(EXPECTED) | {"utf8-bom.md"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_case_study_input_is_refused_with_a_clear_message(tmp_path: Path, name: str) -> None:
    _assert_refused(case_study_problems(tmp_path, BAD / name), EXPECTED[name])


def test_case_study_with_a_byte_order_mark_has_no_problems(tmp_path: Path) -> None:
    assert case_study_problems(tmp_path, BAD / "utf8-bom.md") == []


def test_five_megabyte_case_study_is_refused_before_parsing(tmp_path: Path) -> None:
    big = tmp_path / "five-megabytes.md"
    big.write_text("---\ntitle: Big\n---\n" + "All work and no play. " * 240_000)
    _assert_refused(
        case_study_problems(tmp_path / "project", big),
        "case_studies/five-megabytes.md:1: (file): the file is 5,280,019 bytes, over the "
        "1,000,000-byte limit. Fix: split it up or remove pasted data",
    )


@pytest.mark.parametrize("name", ["case-studies/page/2.md", "case-studies/nation/wales/page/2.md"])
def test_a_docs_page_cannot_take_the_address_of_a_page_of_cards(tmp_path: Path, name: str) -> None:
    page = tmp_path / "docs" / name
    page.parent.mkdir(parents=True)
    page.write_text("---\ntitle: Clash\n---\n\nText.\n", encoding="utf-8")
    found = refusal(case_study_problems(tmp_path))
    assert f"docs/{name}:1: (file name): the case-study pages use this address" in "\n".join(found)
