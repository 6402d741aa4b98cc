"""A large folder of case studies read in two processes gives what one process gives."""

from __future__ import annotations

import datetime as dt
import os
import shutil
import time
from pathlib import Path

import pytest

import case_study_load
from bench.build_scale import write_synthetic
from case_study_schema import load_schema

ROOT = Path(__file__).resolve().parents[2]
TODAY = dt.date(2026, 11, 26)


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """120 synthetic case studies, three of them broken, and a real one."""
    paths = write_synthetic(tmp_path, 120)
    for i in (5, 60, 115):  # one early, one in the middle, one late
        text = paths[i].read_text(encoding="utf-8")
        paths[i].write_text(text.replace("nation: ", "nation: Cornwall #", 1), encoding="utf-8")
    shutil.copy(ROOT / "case_studies" / "healthy-living-club.md", tmp_path)
    return tmp_path


def _load(folder: Path, *, fork: bool) -> tuple[list[dict], list[str]]:
    case_study_load._LOADED.clear()  # read every file again
    schema = load_schema(ROOT / "case_studies" / "schema.json")
    records, problems = case_study_load.load_folder(
        folder, "case_studies", schema, TODAY, (), fork=fork
    )
    return records, [str(p) for p in problems]


def test_two_processes_give_the_same_records_and_problems(
    folder: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    readers: list[int] = []
    load_file = case_study_load._load_file
    this_process = os.getpid()

    def noting_who_reads(*args: object) -> object:
        readers.append(os.getpid())  # the second process's list is its own copy
        if os.getpid() == this_process:
            time.sleep(0.005)  # so the second process surely reads some, even on a busy machine
        return load_file(*args)

    monkeypatch.setattr(case_study_load, "_load_file", noting_who_reads)
    one = _load(folder, fork=False)
    assert len(readers) == 121
    readers.clear()
    two = _load(folder, fork=True)
    if case_study_load.CAN_FORK:  # Linux: this process read some; the other read the rest
        assert 0 < len(readers) < 121
    else:
        assert len(readers) == 121
    assert two == one
    records, problems = one
    assert len(records) == 118 and len(problems) == 3
    assert [p.split(":")[0] for p in problems] == [
        "case_studies/synthetic-00005.md",
        "case_studies/synthetic-00060.md",
        "case_studies/synthetic-00115.md",
    ]
