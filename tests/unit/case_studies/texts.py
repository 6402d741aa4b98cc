"""Check a case study given as text, as `load_folder` checks a file."""

from __future__ import annotations

import datetime as dt

from hooks.case_studies.load import check_document
from hooks.case_studies.schema import Schema
from hooks.case_studies.store import Record
from hooks.common.errors import Problem
from hooks.common.front_matter import parse_document


def check_text(
    text: str, display: str, slug: str, schema: Schema, today: dt.date
) -> tuple[Record | None, list[Problem]]:
    return check_document(parse_document(text, display), slug, schema, today, ())
