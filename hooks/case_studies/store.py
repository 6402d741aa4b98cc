"""The case-study records of the current build, shared between modules.

The case-study hook fills it in `on_files`; the macros read it. Keeping the
records here (not re-reading files) means each file is parsed once per build.
A record is a dict of the file's validated front matter plus `slug` and `url`
(the page's address relative to the site root, e.g. `case-studies/x/`).
"""

from __future__ import annotations

from typing import Any

Record = dict[str, Any]

_records: list[Record] = []
_by_page: dict[str, Record] = {}  # a story's page `case-studies/<slug>.md` -> its record


# Each field's allowed values (from the schema), for the macros to check their filters.
_vocabulary: dict[str, list[str]] = {}


def set_records(records: list[Record], vocabulary: dict[str, list[str]] | None = None) -> None:
    """Replace the records (called once per build, so `mkdocs serve` starts fresh)."""
    _vocabulary.clear()
    _vocabulary.update(vocabulary or {})
    _records[:] = records
    _by_page.clear()
    _by_page.update((f"case-studies/{r['slug']}.md", r) for r in records)


def get_records() -> list[Record]:
    """The records of the current build, in their stable order."""
    return list(_records)


def allowed_values(field: str) -> list[str]:
    """The values `field` may take in this build; [] if any value is allowed."""
    return list(_vocabulary.get(field, []))


def record_of_page(src_uri: str) -> Record | None:
    """The record whose page is `src_uri` (`case-studies/<slug>.md`); None for any other page."""
    return _by_page.get(src_uri)


def story_source(src_uri: str) -> tuple[str, str, int] | None:
    """For a case study's page (`case-studies/<slug>.md`): its file, story and first story line.

    So a problem found on the built page names the file an editor wrote,
    `case_studies/<slug>.md`, and the line in it. None for any other page.
    """
    record = _by_page.get(src_uri)
    return None if record is None else (record["_path"], record["_body"], record["_body_line"])


def values_of(record: Record, field: str) -> list[Any]:
    """The record's values of `field` (a path such as `evidence.level`); [] if it has none."""
    value: Any = record
    for step in field.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def matching(records: list[Record], **filters: str | None) -> list[Record]:
    """Records whose field equals, or whose list field contains, every given value."""
    wanted = {k: v for k, v in filters.items() if v is not None}
    return [r for r in records if all(v in values_of(r, k) for k, v in wanted.items())]
