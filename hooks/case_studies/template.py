"""Catch example text left over from `case_studies/_template.md`.

The template's examples are valid values, so the schema alone would let an
unfinished case study through and publish "The organisation that runs it".
Pure functions; `case_study_load.load_folder` calls `leftovers` for every file.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hooks.common.errors import Problem
from hooks.common.front_matter import Document, read_document

# Free-text fields whose template value can only be an example. Fields that
# pick from a list (nation, principles, involvement, status…) are real choices.
EXAMPLE_FIELDS = (
    "organisation",
    "summary",
    "location",
    "region",
    "outcomes",
    "people_reached",
    "website",
    "content_note",
    "support",
)
SOURCE_FIELDS = ("title", "url", "publisher")


def load_template(folder: Path) -> Document | None:
    """The template's parsed front matter and body, if the template exists and reads."""
    path = folder / "_template.md"
    if not path.is_file():
        return None
    doc = read_document(path, path.name)
    return None if doc.problems else doc


def leftovers(
    doc: Document, template: Document | None, required: frozenset[str] = frozenset()
) -> list[Problem]:
    """A problem for each field (or story paragraph) still holding the template's example.

    `required`: the schema's required fields, which cannot simply be deleted.
    """
    if template is None:
        return []
    found = [
        _problem(doc, name, name in required)
        for name in EXAMPLE_FIELDS
        if name in doc.meta and _same(doc.meta[name], template.meta.get(name))
    ]
    examples = {
        (name, source[name])
        for source in template.meta.get("sources") or []
        if isinstance(source, dict)
        for name in SOURCE_FIELDS
        if source.get(name) is not None
    }
    for source in doc.meta.get("sources") or []:
        if isinstance(source, dict) and any(
            (name, source.get(name)) in examples for name in SOURCE_FIELDS
        ):
            found.append(_problem(doc, "sources", "sources" in required))
            break
    guidance = _first_paragraph(template.body)
    if guidance and guidance in doc.body:
        line = doc.body_line + doc.body[: doc.body.index(guidance)].count("\n")
        found.append(
            Problem(
                doc.path,
                line,
                "(story)",
                "the story still has the template's guidance text",
                "replace it with the story, in your own words",
            )
        )
    return found


def _same(value: Any, example: Any) -> bool:
    if example is None:
        return False
    if isinstance(value, list) and isinstance(example, list):
        return any(item in example for item in value)
    return value == example


def _problem(doc: Document, name: str, required: bool) -> Problem:
    fix = f"write this case study's own {name.replace('_', ' ')}"
    return Problem(
        doc.path,
        doc.line_of(name),
        name,
        "this is still the template's example",
        fix if required else fix + ", or delete the line (this field is optional)",
    )


def _first_paragraph(body: str) -> str:
    """The first paragraph of prose under the template's first heading."""
    for block in body.split("\n\n"):
        text = block.strip()
        if text and not text.startswith("#"):
            return text
    return ""
