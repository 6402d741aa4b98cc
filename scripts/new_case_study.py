"""Start a case study from the template: `make new-case-study TITLE="…"`.

Creates case_studies/<slug>.md from case_studies/_template.md with the title
and today's date filled in, then lists the fields the editor still has to
write. It never overwrites a file.
"""

from __future__ import annotations

import argparse
import datetime as dt
import json
import re
import sys
import unicodedata
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

# These need the project on the path.
from hooks.case_studies.load import RESERVED_SLUGS  # noqa: E402
from hooks.common.front_matter import parse_document, read_document  # noqa: E402

MAX_SLUG = 60
FILLED_IN = ("title", "last_reviewed")


class CannotCreateError(Exception):
    """The template cannot be used; the message says why and what to do."""


def slugify(title: str) -> str:
    """A file name from a title: lower-case ASCII letters, digits and hyphens."""
    ascii_text = unicodedata.normalize("NFKD", title).encode("ascii", "ignore").decode()
    slug = re.sub(r"[^a-z0-9]+", "-", ascii_text.lower().replace("&", " and ")).strip("-")
    return slug[:MAX_SLUG].rstrip("-")


def fill_template(template: str, title: str, today: dt.date) -> str:
    """The template with its `title` and `last_reviewed` lines filled in."""
    doc = parse_document(template, "case_studies/_template.md")
    missing = [f for f in FILLED_IN if f not in doc.key_lines]
    if doc.problems or missing:
        raise CannotCreateError(
            "case_studies/_template.md cannot be used: "
            + (str(doc.problems[0]) if doc.problems else f"it has no {', '.join(missing)} field")
        )
    values = {"title": json.dumps(title, ensure_ascii=False), "last_reviewed": today.isoformat()}
    lines = template.splitlines(keepends=True)
    for field, value in values.items():
        index = doc.key_lines[field] - 1
        ending = "\n" if lines[index].endswith("\n") else ""
        lines[index] = f"{field}: {value}{ending}"
    return "".join(lines)


def fields_to_fill(template: str) -> list[str]:
    """The template's fields other than those this script fills in."""
    doc = parse_document(template, "case_studies/_template.md")
    return [key for key in doc.key_lines if key not in FILLED_IN]


def split_required(fields: list[str], folder: Path) -> tuple[list[str], list[str]]:
    """Fields the schema (case_studies/schema.json) requires, then the optional ones."""
    required = _schema(folder).get("required")
    if not isinstance(required, list):
        return fields, []  # no readable schema: treat every field as needed
    return [f for f in fields if f in required], [f for f in fields if f not in required]


def title_problem(folder: Path, title: str) -> str | None:
    """Why the build would refuse this title: too long, or another case study's."""
    limit = _schema(folder).get("properties", {}).get("title", {}).get("maxLength")
    if isinstance(limit, int) and len(title) > limit:
        return f"the title is {len(title)} characters long; a title has {limit} at most."
    wanted = " ".join(title.casefold().split())
    for path in sorted(folder.glob("[!_]*.md")):
        other = read_document(path, path.name).meta.get("title")
        if isinstance(other, str) and " ".join(other.casefold().split()) == wanted:
            return f"case_studies/{path.name} already has this title. Choose another title."
    return None


def _schema(folder: Path) -> dict:
    """case_studies/schema.json, or {} if it cannot be read (the build says why)."""
    try:
        schema = json.loads((folder / "schema.json").read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return {}
    return schema if isinstance(schema, dict) else {}


def create(root: Path, title: str, today: dt.date) -> str:
    """Create the case study; return what to tell the editor. Raises CannotCreateError."""
    slug = slugify(title)
    if not slug:
        raise CannotCreateError(f"{title!r} has no letters or digits to make a file name from.")
    if slug in RESERVED_SLUGS:
        raise CannotCreateError(
            f"case_studies/{slug}.md would take an address the case-study pages use "
            "themselves. Choose a longer title, such as one with the organisation's name."
        )
    problem = title_problem(root / "case_studies", title)
    if problem:
        raise CannotCreateError(problem)
    template_path = root / "case_studies" / "_template.md"
    if not template_path.is_file():
        raise CannotCreateError(
            "case_studies/_template.md is missing. Restore it from the upstream project."
        )
    template = template_path.read_text(encoding="utf-8")
    text = fill_template(template, title, today)
    target = root / "case_studies" / f"{slug}.md"
    try:
        with target.open("x", encoding="utf-8") as out:  # "x": never overwrite
            out.write(text)
    except FileExistsError:
        raise CannotCreateError(
            f"case_studies/{slug}.md already exists. Edit that file, or choose another title."
        ) from None
    required, optional = split_required(fields_to_fill(template), root / "case_studies")
    return (
        f"Created case_studies/{slug}.md, with the title and today's date "
        f"({today.isoformat()}) as last_reviewed.\n"
        f"Now fill in: {', '.join(required)}.\n"
        + (f"Fill in or delete these optional fields: {', '.join(optional)}.\n" if optional else "")
        + "Then write the story under the headings.\n"
        "Only publish a person's story with their consent, and cite a source for every fact.\n"
        "Preview it with: make serve"
    )


def main(argv: list[str] | None = None, root: Path = ROOT) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("title", nargs="?", default="")
    parser.add_argument("--today", type=dt.date.fromisoformat, default=None)
    args = parser.parse_args(argv)
    title = " ".join(args.title.split())
    if not title:
        print('Give the case study a title: make new-case-study TITLE="Healthy Living Club"')
        return 2
    try:
        print(create(root, title, args.today or dt.date.today()))
    except CannotCreateError as problem:
        print(f"No case study was created: {problem}")
        return 1
    return 0


if __name__ == "__main__":
    sys.exit(main())
