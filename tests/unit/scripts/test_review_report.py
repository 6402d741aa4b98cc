"""`make review-report`: every page and case study, sorted by due date, as a table and CSV."""

from __future__ import annotations

import csv
import datetime as dt
from pathlib import Path

from scripts.review_report import (
    collect_rows,
    format_table,
    format_unchecked,
    overdue_markdown,
    unchecked_easy_read,
    write_csv,
)

TODAY = dt.date(2030, 6, 1)


def _write(path: Path, front_matter: str) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(f"---\n{front_matter}---\n\n# Page\n", encoding="utf-8")


def _project(tmp_path: Path) -> Path:
    docs = tmp_path / "docs"
    _write(docs / "index.md", "title: Home\nlast_reviewed: 2030-05-01\nowner: Policy team\n")
    _write(docs / "law" / "wales.md", "title: Wales\nlast_reviewed: 2029-01-31\n")
    _write(
        docs / "monthly.md",
        "title: Monthly\nlast_reviewed: 2030-01-31\nreview_interval_months: 1\n",
    )
    _write(docs / "undated.md", "title: Undated\n")
    (docs / "404.md").write_text("# Not found\n", encoding="utf-8")
    studies = tmp_path / "case_studies"
    _write(studies / "club.md", "title: Club\nlast_reviewed: 2029-06-01\n")
    _write(studies / "_template.md", "title: Template\n")
    return tmp_path


def test_report_lists_every_page_and_case_study_sorted_by_due_date(tmp_path: Path) -> None:
    rows = collect_rows(_project(tmp_path), tmp_path / "docs", 12, TODAY)
    assert [(r.file, r.status) for r in rows] == [
        ("docs/undated.md", "problem: this page has no review date"),  # first: needs attention
        ("docs/law/wales.md", "overdue"),  # due 2030-01-31
        ("docs/monthly.md", "overdue"),  # due 2030-02-28 (31 January + 1 month)
        ("case_studies/club.md", "current"),  # due today: not overdue until tomorrow
        ("docs/index.md", "current"),  # due 2031-05-01
    ]


def test_report_csv_has_one_row_per_file_with_owner_dates_and_days_overdue(
    tmp_path: Path,
) -> None:
    rows = collect_rows(_project(tmp_path), tmp_path / "docs", 12, TODAY)
    out = tmp_path / "reports" / "review-report.csv"
    write_csv(rows, out)
    with out.open(encoding="utf-8", newline="") as f:
        read = list(csv.DictReader(f))
    assert [r["file"] for r in read] == [r.file for r in rows]
    by_file = {r["file"]: r for r in read}
    assert by_file["docs/law/wales.md"] == {
        "due": "2030-01-31",
        "days_overdue": "121",
        "last_reviewed": "2029-01-31",
        "owner": "—",
        "kind": "page",
        "file": "docs/law/wales.md",
        "title": "Wales",
        "status": "overdue",
    }
    assert by_file["docs/index.md"]["owner"] == "Policy team"
    assert by_file["docs/index.md"]["days_overdue"] == "0"
    assert by_file["case_studies/club.md"]["kind"] == "case study"
    assert by_file["docs/undated.md"]["due"] == "—"


def test_table_and_issue_body_show_what_needs_review(tmp_path: Path) -> None:
    rows = collect_rows(_project(tmp_path), tmp_path / "docs", 12, TODAY)
    table = format_table(rows).splitlines()
    assert table[0].split()[:3] == ["Due", "Days", "overdue"]
    assert len(table) == 2 + len(rows)
    body = overdue_markdown(rows, TODAY)
    assert "3 page(s) or case studies need review" in body
    assert "`docs/law/wales.md`" in body and "`docs/index.md`" not in body


def test_report_lists_every_change_in_progress_by_its_date_to_check_again(tmp_path: Path) -> None:
    fixture = Path(__file__).resolve().parents[2] / "fixtures" / "review_dates"
    rows = collect_rows(fixture, fixture / "docs", 12, TODAY)
    pending = [
        (r.file, r.due, r.days_overdue, r.status) for r in rows if r.kind == "pending change"
    ]
    assert pending == [
        ("docs/changing.md", dt.date(2030, 5, 1), 31, "check again"),
        ("docs/changing.md", dt.date(2030, 9, 1), 0, "current"),
    ]
    assert "check again" in overdue_markdown(rows, TODAY)  # and so in the review issue


def test_report_lists_easy_read_pages_no_checking_group_has_checked(tmp_path: Path) -> None:
    docs = _project(tmp_path) / "docs"
    _write(
        docs / "easy-read" / "pay.md",
        "title: Pay (Easy Read)\neasy_read:\n  standard_page: index.md\n",
    )
    _write(
        docs / "easy-read" / "law.md",
        "title: Law (Easy Read)\neasy_read:\n  standard_page: law/wales.md\n"
        "  checked_by: Speak Up Self Advocacy\n  checked_on: 2030-05-01\n",
    )
    _write(
        docs / "easy-read" / "half.md",
        "title: Half (Easy Read)\neasy_read:\n  standard_page: monthly.md\n"
        "  checked_by: Speak Up Self Advocacy\n",
    )
    unchecked = unchecked_easy_read(tmp_path, docs)
    assert unchecked == [
        ("docs/easy-read/half.md", "Half (Easy Read)"),
        ("docs/easy-read/pay.md", "Pay (Easy Read)"),
    ]
    text = format_unchecked(unchecked)
    assert text.startswith(
        "Easy Read pages not yet checked by people with learning disabilities: 2."
    )
    assert "- `docs/easy-read/pay.md`: Pay (Easy Read)" in text
    assert "law.md" not in text


def test_report_says_so_when_every_easy_read_page_is_checked() -> None:
    assert format_unchecked([]) == "Every Easy Read page has been checked by a checking group."
