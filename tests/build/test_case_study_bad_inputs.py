"""Every bad case-study input fails the build with one clear line, never a traceback.

One test per input in tests/bad_inputs/case_studies/. A file is dropped into
a fixture site's case_studies/; a folder is laid over the whole site.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from tests.support.sites import ROOT, Build, copy_fixture, run_mkdocs_build

BAD = ROOT / "tests" / "bad_inputs" / "case_studies"
SITE = "case_study_site"

EXPECTED = {
    "malformed-yaml.md": (
        "case_studies/malformed-yaml.md:5: (front matter): the front matter is not valid "
        "YAML (a quotation mark on this line is never closed). Fix: add the closing "
        "quotation mark, or remove the opening one"
    ),
    "tab-indentation.md": (
        "case_studies/tab-indentation.md:8: (front matter): the front matter is not "
        "valid YAML (found character '\\t' that cannot start any token). Fix: indent with "
        "spaces, not tabs"
    ),
    "missing-field.md": (
        "case_studies/missing-field.md:1: organisation: this required field is missing. "
        "Fix: The organisation that runs it, as it names itself. For example: "
        'organisation: "Healthy Living Club"'
    ),
    "wrong-type.md": (
        "case_studies/wrong-type.md:12: started: this should be an integer, not a string "
        '("twenty twelve"). Fix: The year it started, as four digits without quotes. For '
        "example: 2012"
    ),
    "vocabulary-value.md": (
        'case_studies/vocabulary-value.md:6: nation: "Cornwall" is not one of the '
        "allowed values (England, Scotland, Wales, Northern Ireland, UK-wide, "
        "International). Fix: Which nation it is in: one of the allowed values. Allowed "
        "values: England, Scotland, Wales, Northern Ireland, UK-wide, International. For "
        'example: "England"'
    ),
    "unknown-field.md": (
        "case_studies/unknown-field.md:6: regoin: this is not a case-study field. Fix: "
        "did you mean 'region'? Use only these fields: consent, content_note, "
        "evidence, involvement, last_reviewed, lived_experience_roles, location, nation, "
        "organisation, outcomes, people_reached, principles, region, service_areas, "
        "sources, started, status, summary, support, tags, title, website"
    ),
    "evidence-level.md": (
        'case_studies/evidence-level.md:23: evidence.level: "strong" is not one of the '
        "allowed values (none found, own report, independent evaluation, peer-reviewed "
        "study). Fix: The strongest evidence found. Allowed values: none found, own report, "
        'independent evaluation, peer-reviewed study. For example: "independent evaluation"'
    ),
    "impossible-date.md": (
        "case_studies/impossible-date.md:18: last_reviewed: this is not a real date (day "
        "is out of range for month). Fix: write a date that exists, as YYYY-MM-DD"
    ),
    "future-date.md": (
        "case_studies/future-date.md:22: last_reviewed: 2999-01-01 is in the future. "
        "Fix: write the date you checked the facts, today ("
    ),
    "http-url.md": (
        'case_studies/http-url.md:13: sources[0].url: "http://example.org/report" is not '
        "a secure web address (https://). Fix: The source's address, starting https://. "
        'For example: "https://www.example.org/page"'
    ),
    "javascript-url.md": (
        'case_studies/javascript-url.md:6: website: "javascript:alert(1)" is a script '
        "address, which is never allowed. Fix: The organisation's own website, starting "
        'https://. For example: "https://www.example.org/"'
    ),
    "note-box.md": (
        "case_studies/note-box.md:31: (story): the story has a note box ('!!!' or '???'), "
        "which case studies do not support. Fix: write it as an ordinary paragraph; a "
        "warning about the story's subject goes in the content_note field"
    ),
    "content-tabs.md": (
        "case_studies/content-tabs.md:29: (story): the story has content tabs ('==='), "
        "which case studies do not support. Fix: use headings ('## ') instead"
    ),
    "task-list.md": (
        "case_studies/task-list.md:29: (story): the story has a task list ('- [ ]'), "
        "which case studies do not support. Fix: use an ordinary list ('- ')"
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


def _build_with(tmp_path: Path, name: str, make: object = None) -> Build:
    project = copy_fixture(SITE, tmp_path / "project")
    source = BAD / name
    if make is not None:
        make(project / "case_studies" / name)
    elif source.is_dir():
        shutil.copytree(source, project, dirs_exist_ok=True)
    else:
        shutil.copy2(source, project / "case_studies" / name)
    return run_mkdocs_build(project, tmp_path / "site")


def _assert_refused(build: Build, message: str) -> None:
    assert build.returncode != 0, build.log
    assert "Traceback" not in build.log, build.log
    assert "The site was not built: 1 problem to fix:" in build.log, build.log
    assert f"  {message}" in build.log, build.log


def test_every_bad_input_has_a_test() -> None:
    stored = {p.name for p in BAD.iterdir() if p.name != "README.md"}
    assert stored == set(EXPECTED) | {"utf8-bom.md"}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_bad_case_study_input_is_refused_with_a_clear_message(tmp_path: Path, name: str) -> None:
    _assert_refused(_build_with(tmp_path, name), EXPECTED[name])


def test_five_megabyte_case_study_is_refused_before_parsing(tmp_path: Path) -> None:
    def make(path: Path) -> None:
        path.write_text("---\ntitle: Big\n---\n" + "All work and no play. " * 240_000)

    build = _build_with(tmp_path, "five-megabytes.md", make)
    _assert_refused(
        build,
        "case_studies/five-megabytes.md:1: (file): the file is 5,280,019 bytes, over the "
        "1,000,000-byte limit. Fix: split it up or remove pasted data",
    )


def test_case_study_with_a_byte_order_mark_builds_correctly(tmp_path: Path) -> None:
    build = _build_with(tmp_path, "utf8-bom.md")
    assert build.ok, build.log
    page = (build.site_dir / "case-studies" / "utf8-bom" / "index.html").read_text()
    assert "<h1>Byte-order mark</h1>" in page
    assert "\ufeff" not in page


def test_all_problems_in_all_files_are_reported_together(tmp_path: Path) -> None:
    project = copy_fixture(SITE, tmp_path / "project")
    for name in ("wrong-type.md", "vocabulary-value.md", "http-url.md"):
        shutil.copy2(BAD / name, project / "case_studies" / name)
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0 and "Traceback" not in build.log
    assert "The site was not built: 3 problems to fix:" in build.log
    for name in ("wrong-type.md:12: started", "vocabulary-value.md:6: nation", "http-url.md:13"):
        assert f"case_studies/{name}" in build.log
