"""`make new-case-study TITLE="…"`: a new file from the template, never an overwrite."""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import pytest

from hooks.common.front_matter import parse_document
from scripts.new_case_study import main, slugify

FIXTURE = Path(__file__).resolve().parents[2] / "fixtures" / "new_case_study"
TODAY = "2030-06-01"


@pytest.fixture
def project(tmp_path: Path) -> Path:
    shutil.copytree(FIXTURE, tmp_path / "case_studies")
    return tmp_path


@pytest.mark.parametrize(
    ("title", "slug"),
    [
        ("Healthy Living Club", "healthy-living-club"),
        ("Café & Friends: Peer Support!", "cafe-and-friends-peer-support"),
        ("  Ysbyty  Gwynedd -- 2024 ", "ysbyty-gwynedd-2024"),
        ("???", ""),
    ],
)
def test_titles_become_lower_case_hyphenated_file_names(title: str, slug: str) -> None:
    assert slugify(title) == slug


def test_new_case_study_has_the_title_and_todays_date_and_says_what_to_fill_in(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    title = 'Café & "Friends": peer support'
    assert main([title, "--today", TODAY], root=project) == 0
    created = project / "case_studies" / "cafe-and-friends-peer-support.md"
    doc = parse_document(created.read_text(encoding="utf-8"), "x.md")
    assert doc.problems == []
    assert doc.meta["title"] == title
    assert doc.meta["last_reviewed"] == dt.date(2030, 6, 1)
    assert doc.meta["organisation"] == "The organisation that runs it"  # rest as in template
    out = capsys.readouterr().out
    assert "Created case_studies/cafe-and-friends-peer-support.md" in out
    assert "Now fill in: organisation, summary, nation, sources." in out
    assert "make serve" in out


def test_an_existing_case_study_is_never_overwritten(
    project: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    existing = project / "case_studies" / "healthy-living-club.md"
    existing.write_text("my work", encoding="utf-8")
    assert main(["Healthy Living Club", "--today", TODAY], root=project) == 1
    assert existing.read_text(encoding="utf-8") == "my work"
    assert "already exists" in capsys.readouterr().out


def test_a_missing_template_or_title_is_explained(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert main(["Club"], root=tmp_path) == 1
    assert "case_studies/_template.md is missing" in capsys.readouterr().out
    assert main([""], root=tmp_path) == 2
    assert 'make new-case-study TITLE="' in capsys.readouterr().out
    assert list(tmp_path.iterdir()) == []


@pytest.mark.parametrize(
    ("title", "said"),
    [
        ("Fields", "case_studies/fields.md would take an address the case-study pages use"),
        ("A" * 121, "the title is 121 characters long; a title has 120 at most."),
        ("healthy  LIVING club", "case_studies/club.md already has this title."),
    ],
)
def test_a_title_the_build_would_refuse_creates_nothing(
    project: Path, capsys: pytest.CaptureFixture[str], title: str, said: str
) -> None:
    folder = project / "case_studies"
    shutil.copy(FIXTURE.parents[2] / "case_studies" / "schema.json", folder)  # the real limits
    (folder / "club.md").write_text(
        "---\ntitle: Healthy Living Club\n---\n\nText.\n", encoding="utf-8"
    )
    before = sorted((project / "case_studies").iterdir())
    assert main([title, "--today", TODAY], root=project) == 1
    assert said in capsys.readouterr().out
    assert sorted((project / "case_studies").iterdir()) == before
