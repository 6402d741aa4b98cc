"""`mkdocs serve` keeps parsed case studies between rebuilds: an edit is never missed,
and a generated page nothing changed is not written again."""

from __future__ import annotations

import datetime as dt
import os
import shutil
from pathlib import Path

from hooks.case_studies.load import load_folder
from hooks.case_studies.pages import GeneratedFile
from hooks.case_studies.schema import load_schema

ROOT = Path(__file__).resolve().parents[3]
STORY = ROOT / "tests" / "fixtures" / "case_study_site" / "case_studies" / "time-swap.md"
TODAY = dt.date(2026, 11, 26)


def _load(folder: Path) -> tuple[list[dict], list[str]]:
    schema = load_schema(ROOT / "case_studies" / "schema.json")
    records, problems = load_folder(folder, "case_studies", schema, TODAY, ())
    return records, [str(p) for p in problems]


def test_an_edit_between_builds_is_checked_again(tmp_path: Path) -> None:
    story = tmp_path / "time-swap.md"
    shutil.copy(STORY, story)
    records, problems = _load(tmp_path)
    assert problems == [] and len(records) == 1
    text = story.read_text(encoding="utf-8")
    story.write_text(text.replace("nation: Wales", "nation: Cornwall"), encoding="utf-8")
    records, problems = _load(tmp_path)
    assert records == []
    assert len(problems) == 1 and "nation" in problems[0] and "Cornwall" in problems[0]
    story.write_text(text, encoding="utf-8")
    records, problems = _load(tmp_path)
    assert problems == [] and records[0]["nation"] == "Wales"


def test_records_handed_to_a_build_are_copies(tmp_path: Path) -> None:
    shutil.copy(STORY, tmp_path)
    first, _ = _load(tmp_path)
    first[0]["url"] = "changed/"
    second, _ = _load(tmp_path)
    assert second[0]["url"] == "case-studies/time-swap/"


def test_a_generated_file_is_written_again_only_once_it_changed(tmp_path: Path) -> None:
    """`mkdocs serve --dirty` asks `is_modified`: a listing that did not change is kept."""
    listing = GeneratedFile("case-studies/nation/wales.md", None, str(tmp_path), True)
    assert listing.is_modified()  # never written
    written = Path(listing.abs_dest_path)
    written.parent.mkdir(parents=True)
    written.write_text("built", encoding="utf-8")
    os.utime(written, (100.0, 100.0))
    listing.changed_at = 50.0
    assert not listing.is_modified()
    listing.changed_at = 150.0  # changed after it was written
    assert listing.is_modified()


def test_a_file_that_would_be_silently_left_out_is_named(tmp_path: Path) -> None:
    shutil.copy(STORY, tmp_path / "time-swap.md")
    for name in ("upper-case.MD", "notes.markdown", "draft.md.txt", "no-extension"):
        shutil.copy(STORY, tmp_path / name)
    for name in ("schema.json", "_template.md", ".DS_Store"):
        (tmp_path / name).write_text("{}", encoding="utf-8")
    records, problems = _load(tmp_path)
    assert len(records) == 1
    assert [p.split(":")[0] for p in problems] == [
        "case_studies/draft.md.txt",
        "case_studies/no-extension",
        "case_studies/notes.markdown",
        "case_studies/upper-case.MD",
    ]
    assert problems[0].endswith("Fix: rename it to draft.md, or move it out of case_studies/")


def test_a_mismatched_code_fence_does_not_hide_the_story_checks(tmp_path: Path) -> None:
    # "```" inside a "~~~" block does not close it; the heading after the block is checked.
    text = STORY.read_text(encoding="utf-8") + "\n~~~\n```\n~~~\n\n# Heading after\n"
    (tmp_path / "time-swap.md").write_text(text, encoding="utf-8")
    _, problems = _load(tmp_path)
    line = len(text.splitlines())
    assert [p.split(": (story): ")[0] for p in problems] == [f"case_studies/time-swap.md:{line}"]


def test_front_matter_below_a_blank_line_is_named_with_the_fix(tmp_path: Path) -> None:
    (tmp_path / "time-swap.md").write_text("\n" + STORY.read_text(encoding="utf-8"))
    _, problems = _load(tmp_path)
    assert problems == [
        "case_studies/time-swap.md:1: (front matter): the '---' line must be the very first "
        "line of the file. Fix: delete the blank lines above it"
    ]
