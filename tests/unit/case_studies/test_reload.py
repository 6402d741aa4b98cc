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
