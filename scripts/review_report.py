"""Which pages and case studies are due for review: `make review-report`.

Prints a table sorted by due date and writes the same rows as CSV (and,
with --markdown, the overdue ones as the body of a GitHub issue). Uses the
same rules as the build (hooks/governance/). Each change in progress that
a page records (`pending_changes`) is a row too, due on its `check_again`
date. Then it lists the Easy Read pages that no group of people with
learning disabilities has checked yet (hooks/easy_read/pairing.py): writing
to the rules is not the same as being understood, and the report says so
rather than let silence imply a check. Overdue and unchecked pages are
information: the script exits 0 whatever it finds.
"""

from __future__ import annotations

import argparse
import csv
import datetime as dt
import sys
from collections.abc import Iterable
from dataclasses import dataclass
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hooks.common.front_matter import Document, read_document  # noqa: E402 - needs the project
from hooks.easy_read.pairing import unchecked_pages  # noqa: E402
from hooks.governance.pending import pending_changes  # noqa: E402
from hooks.governance.reviews import (  # noqa: E402
    check_review_fields,
    default_interval,
    is_content_page,
    parse_date,
    review_today,
)

COLUMNS = ("due", "days_overdue", "last_reviewed", "owner", "kind", "file", "title", "status")
NONE = "—"


@dataclass(frozen=True)
class Row:
    """One page or case study in the report."""

    kind: str
    file: str
    title: str
    owner: str
    last_reviewed: dt.date | None
    due: dt.date | None
    days_overdue: int
    status: str

    def cells(self) -> dict[str, str]:
        return {
            "due": self.due.isoformat() if self.due else NONE,
            "days_overdue": str(self.days_overdue) if self.due else "",
            "last_reviewed": self.last_reviewed.isoformat() if self.last_reviewed else NONE,
            "owner": self.owner,
            "kind": self.kind,
            "file": self.file,
            "title": self.title,
            "status": self.status,
        }


def review_row(doc: Document, kind: str, interval: int, today: dt.date) -> Row:
    """Describe one file's review state."""
    path, display = Path(doc.path), doc.path
    problems = list(doc.problems)
    state = None
    if not problems:
        state, problems = check_review_fields(doc, interval, today)
    title = str(doc.meta.get("title") or path.stem)
    owner = str(doc.meta.get("owner") or NONE)
    if state is None:
        status = f"problem: {problems[0].problem}" if problems else "no review date"
        last = parse_date(doc.meta.get("last_reviewed"))
        return Row(kind, display, title, owner, last, None, 0, status)
    status = "overdue" if state.overdue else "current"
    return Row(
        kind, display, title, owner, state.last_reviewed, state.due, state.days_overdue, status
    )


def pending_rows(doc: Document, today: dt.date) -> list[Row]:
    """A row for each change in progress the page records, due when it is to be checked again."""
    changes, problems = pending_changes(doc, today)
    if problems:
        status = f"problem: {problems[0].problem}"
        return [Row("pending change", doc.path, "(pending_changes)", NONE, None, None, 0, status)]
    owner = str(doc.meta.get("owner") or NONE)
    return [
        Row(
            "pending change",
            doc.path,
            change.change,
            owner,
            change.checked,
            change.check_again,
            max((today - change.check_again).days, 0),
            "check again" if change.due(today) else "current",
        )
        for change in changes
    ]


def collect_rows(root: Path, docs_dir: Path, interval: int, today: dt.date) -> list[Row]:
    """Every content page in docs_dir, its pending changes and every case study, by due date."""
    rows: list[Row] = []
    for path in sorted(docs_dir.rglob("*.md")):
        if is_content_page(path.relative_to(docs_dir).as_posix()):
            doc = read_document(path, path.relative_to(root).as_posix())
            rows.append(review_row(doc, "page", interval, today))
            rows += pending_rows(doc, today)
    rows += [
        review_row(read_document(p, p.relative_to(root).as_posix()), "case study", interval, today)
        for p in sorted((root / "case_studies").glob("*.md"))
        if not p.name.startswith("_")
    ]
    # Files with no usable date first: they need attention before anything else.
    return sorted(rows, key=lambda r: (r.due is not None, r.due or dt.date.min, r.file))


def unchecked_easy_read(root: Path, docs_dir: Path) -> list[tuple[str, str]]:
    """(file, title) of every Easy Read page not yet checked by a checking group."""
    documents = {
        p.relative_to(root).as_posix(): read_document(p, p.relative_to(root).as_posix())
        for p in sorted(docs_dir.rglob("*.md"))
    }
    return [
        (file, str(documents[file].meta.get("title") or file))
        for file in unchecked_pages(documents)
    ]


def format_unchecked(pages: list[tuple[str, str]]) -> str:
    """The Easy Read section of the report, in Markdown (readable in a terminal too)."""
    if not pages:
        return "Every Easy Read page has been checked by a checking group."
    lines = [
        f"Easy Read pages not yet checked by people with learning disabilities: {len(pages)}.",
        "",
        "Arrange a check with a checking group, then record it in the page's front matter "
        "(CONTRIBUTING.md, Easy Read pages).",
        "",
    ]
    lines += [f"- `{file}`: {title}" for file, title in pages]
    return "\n".join(lines)


def write_csv(rows: Iterable[Row], path: Path) -> None:
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", newline="", encoding="utf-8") as out:
        writer = csv.DictWriter(out, fieldnames=COLUMNS)
        writer.writeheader()
        writer.writerows(r.cells() for r in rows)


def format_table(rows: list[Row]) -> str:
    """A plain-text table for the terminal."""
    headings = {c: c.replace("_", " ").capitalize() for c in COLUMNS}
    cells = [headings, *(r.cells() for r in rows)]
    widths = {c: max(len(line[c]) for line in cells) for c in COLUMNS}
    lines = ["  ".join(line[c].ljust(widths[c]) for c in COLUMNS).rstrip() for line in cells]
    lines.insert(1, "  ".join("-" * widths[c] for c in COLUMNS))
    return "\n".join(lines)


def overdue_markdown(rows: list[Row], today: dt.date) -> str:
    """The body of the "Pages due for review" issue."""
    late = [r for r in rows if r.status != "current"]
    lines = [
        f"Report of {today.isoformat()}: {len(late)} page(s) or case studies need review.",
        "",
        "Check each page's facts and sources, then set `last_reviewed` to the date you checked.",
        "",
        "| Due | Days overdue | Owner | File | Title | Status |",
        "| --- | --- | --- | --- | --- | --- |",
    ]
    for r in late:
        c = {k: v.replace("|", "\\|") for k, v in r.cells().items()}
        lines.append(
            f"| {c['due']} | {c['days_overdue']} | {c['owner']} | `{c['file']}` "
            f"| {c['title']} | {c['status']} |"
        )
    return "\n".join(lines) + "\n"


def main(argv: list[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--config", default=str(ROOT / "mkdocs.yml"))
    parser.add_argument("--csv", default=str(ROOT / "reports" / "review-report.csv"))
    parser.add_argument("--markdown", help="write the rows that need review here, as Markdown")
    parser.add_argument("--today", type=dt.date.fromisoformat, help="YYYY-MM-DD (for tests)")
    args = parser.parse_args(argv)

    from mkdocs.config import load_config  # slow import: only when run

    config = load_config(config_file=args.config)
    root = Path(config.config_file_path).parent
    interval = default_interval(config.extra)
    today = args.today or review_today(config.extra)
    rows = collect_rows(root, Path(config.docs_dir), interval, today)
    print(format_table(rows))
    write_csv(rows, Path(args.csv))
    late = sum(r.status != "current" for r in rows)
    print(f"\n{len(rows)} pages and case studies; {late} need review. CSV: {args.csv}")
    unchecked = format_unchecked(unchecked_easy_read(root, Path(config.docs_dir)))
    print(f"\n{unchecked}")
    if args.markdown:  # only when something needs review, so CI can test for the file
        markdown = Path(args.markdown)
        markdown.unlink(missing_ok=True)
        if late:
            markdown.parent.mkdir(parents=True, exist_ok=True)
            body = overdue_markdown(rows, today) + "\n## Easy Read\n\n" + unchecked + "\n"
            markdown.write_text(body, encoding="utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
