"""The open-data export of the case studies: JSON (with its schema) and CSV.

Pure functions, no MkDocs events: `pages.py` publishes what they
return. The export's schema is derived from `case_studies/schema.json` at
build time, so the two never drift apart.
"""

from __future__ import annotations

import copy
import csv
import io
import json
from typing import Any

from hooks.case_studies.load import public
from hooks.case_studies.schema import Schema
from hooks.case_studies.store import Record

EXPORT_FIELDS = {
    "slug": {
        "description": "The case study's file name without .md; its page is /case-studies/<slug>/.",
        "type": "string",
    },
    "url": {
        "description": "The case study's page, relative to the site's address.",
        "type": "string",
    },
}
# Spreadsheets run cells that start with these as formulas.
_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def export_schema(schema: Schema) -> Schema:
    """The schema of case-studies.json: a list of case studies plus slug and url."""
    item = copy.deepcopy(schema)
    item.pop("$schema", None)
    item["properties"] = {**EXPORT_FIELDS, **item["properties"]}
    item["required"] = [*EXPORT_FIELDS, *item["required"]]
    return {
        "$schema": schema["$schema"],
        "title": "Case studies export",
        "description": "Every case study on the site, in a stable order (by title).",
        "type": "object",
        "required": ["case_studies"],
        "properties": {
            "$schema": {"type": "string"},
            "case_studies": {"type": "array", "items": item},
        },
        "additionalProperties": False,
    }


def export_json(records: list[Record], schema_url: str) -> str:
    rows = [public(r) for r in records]
    return (
        json.dumps({"$schema": schema_url, "case_studies": rows}, ensure_ascii=False, indent=2)
        + "\n"
    )


def export_csv(records: list[Record], schema: Schema) -> str:
    """A row per study; lists joined by '; '; a source is 'title, publisher, accessed, url'."""
    columns = [*EXPORT_FIELDS, *schema["properties"]]
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(columns)
    for record in records:
        writer.writerow([_cell(record.get(c)) for c in columns])
    return out.getvalue()


def _group_cell(value: dict[str, Any]) -> str:
    """A source, an outcome or the evidence field as one readable cell."""
    if "text" in value:
        return f"{value['text']} (source {value['source']})"
    keys = ("title", "publisher", "accessed", "url") if "title" in value else tuple(value)
    return ", ".join(str(value[k]) for k in keys if k in value)


def _cell(value: Any) -> str:
    if value is None:
        return ""
    if isinstance(value, list):
        text = "; ".join(_cell(v) for v in value)
    elif isinstance(value, dict):
        text = _group_cell(value)
    else:
        text = str(value)
    return "'" + text if text.startswith(_FORMULA_START) else text
