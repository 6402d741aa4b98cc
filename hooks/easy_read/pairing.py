"""Which pages are Easy Read, and which standard page each one stands beside.

A page says it is Easy Read in its front matter:

    easy_read:
      standard_page: guides/paying-people.md   # the page with the same facts
      checked_by: Speak Up Self Advocacy        # only once a group has checked it
      checked_on: 2026-12-01                    # and when

`pair_pages` checks every page's `easy_read` field and returns each Easy
Read page's standard page with every problem, so an editor sees them all
at once.
A check by people with learning disabilities is recorded, never assumed:
`checked_by` and `checked_on` come together or not at all.
"""

from __future__ import annotations

import datetime as dt
import difflib
from collections.abc import Mapping
from typing import Any

from hooks.common.errors import Problem
from hooks.common.front_matter import Document
from hooks.governance.reviews import parse_date

FIELD = "easy_read"
KEYS = ("standard_page", "checked_by", "checked_on")
_EXAMPLE = "easy_read:' and, indented on the next line, 'standard_page: guides/x.md"


def pair_pages(
    documents: Mapping[str, Document], pages: set[str], today: dt.date
) -> tuple[dict[str, str], list[Problem]]:
    """Check every `easy_read` field; return each Easy Read page's standard page
    (both by `src_uri`) and every problem.

    `documents` are the parsed docs/ pages by `src_uri`; `pages` every page of the site.
    """
    problems: list[Problem] = []
    found: dict[str, str] = {}
    for src_uri, doc in sorted(documents.items()):
        if FIELD not in doc.meta:
            continue
        standard, found_problems = _read_field(src_uri, doc, pages, today)
        problems += found_problems
        if standard is not None:
            found[src_uri] = standard
    by_standard: dict[str, str] = {}  # a standard page -> its Easy Read page
    for src_uri, standard in found.items():
        doc = documents[src_uri]
        if standard in found:
            problems.append(
                _problem(
                    doc,
                    "standard_page",
                    f"docs/{standard} is an Easy Read page itself",
                    "name the standard page with the same facts in longer words",
                )
            )
        elif standard in by_standard:
            problems.append(
                _problem(
                    doc,
                    "standard_page",
                    f"docs/{standard} already has an Easy Read version, "
                    f"docs/{by_standard[standard]}",
                    "give each standard page one Easy Read version: merge the two pages",
                )
            )
        else:
            by_standard[standard] = src_uri
    return found, problems


def _read_field(
    src_uri: str, doc: Document, pages: set[str], today: dt.date
) -> tuple[str | None, list[Problem]]:
    """The page's standard page, or None and the field's problems."""
    value = doc.meta[FIELD]
    if not isinstance(value, dict):
        return None, [
            Problem(
                doc.path,
                doc.line_of(FIELD),
                FIELD,
                "this should be a group of fields, with standard_page in it",
                f"write '{_EXAMPLE}'",
            )
        ]
    problems = []
    for key in sorted(set(map(str, value)) - set(KEYS)):
        problems.append(
            _problem(
                doc,
                key,
                "this is not an Easy Read field",
                "use standard_page, checked_by and checked_on only; check the spelling",
            )
        )
    standard, standard_problems = _standard_page(doc, value.get("standard_page"), src_uri, pages)
    problems += standard_problems
    problems += _check(doc, value, today)
    if standard is None or problems:
        return None, problems
    return standard, []


def _standard_page(
    doc: Document, value: Any, src_uri: str, pages: set[str]
) -> tuple[str | None, list[Problem]]:
    if value is None or value == "":
        fix = "write 'standard_page: ' and the path inside docs/ of the page with the same facts"
        return None, [_problem(doc, "standard_page", "this is missing", fix)]
    if not isinstance(value, str):
        fix = "write the page's path inside docs/, like guides/paying-people.md"
        return None, [_problem(doc, "standard_page", "this should be a page's path", fix)]
    path = _path(value)
    if path == src_uri:
        fix = "name the standard page with the same facts in longer words"
        problem = "this is the Easy Read page itself"
        return None, [_problem(doc, "standard_page", problem, fix)]
    if path not in pages:
        near = difflib.get_close_matches(path, sorted(pages), n=1, cutoff=0.8)
        fix = f"did you mean {near[0]}?" if near else "check the spelling"
        problem = f"there is no page docs/{path}"
        return None, [_problem(doc, "standard_page", problem, f"{fix} (a path inside docs/)")]
    return path, []


def _check(doc: Document, value: dict[str, Any], today: dt.date) -> list[Problem]:
    """The checking group and date: both or neither, a name and a real past date."""
    by, on = value.get("checked_by"), value.get("checked_on")
    problems = []
    if "checked_by" in value and not (isinstance(by, str) and by.strip()):
        problems.append(
            _problem(
                doc,
                "checked_by",
                "this should be the name of the group that checked the page",
                "write the group's name, or delete checked_by and checked_on",
            )
        )
    date = parse_date(on)
    if "checked_on" in value and date is None:
        problems.append(
            _problem(
                doc,
                "checked_on",
                f"this should be a date, but it is {on!r}",
                "write the date the group checked the page, as YYYY-MM-DD",
            )
        )
    elif date is not None and date > today:
        problems.append(
            _problem(
                doc,
                "checked_on",
                f"{date.isoformat()} is in the future",
                "write the date the group checked the page, as YYYY-MM-DD",
            )
        )
    if "checked_by" in value and "checked_on" not in value:
        problems.append(
            _problem(
                doc,
                "checked_by",
                "a check needs its date too",
                "add 'checked_on: YYYY-MM-DD' below it, the day the group checked the page",
            )
        )
    if "checked_on" in value and "checked_by" not in value:
        problems.append(
            _problem(
                doc,
                "checked_on",
                "a check needs the name of the group that did it",
                "add 'checked_by: ' and the group's name above it",
            )
        )
    return problems


def dropped_with_standard_page(documents: Mapping[str, Document], excluded: set[str]) -> list[str]:
    """Easy Read pages whose standard page a fork left out (`exclude_docs`).

    An Easy Read version goes with its standard page: a fork that drops the
    law section drops its Easy Read law page too, without editing it.
    """
    return [
        src_uri
        for src_uri, doc in sorted(documents.items())
        if isinstance(doc.meta.get(FIELD), dict)
        and isinstance(doc.meta[FIELD].get("standard_page"), str)
        and _path(doc.meta[FIELD]["standard_page"]) in excluded
    ]


def unchecked_pages(documents: Mapping[str, Document]) -> list[str]:
    """The Easy Read pages (by key) with no recorded check by a checking group.

    A page counts as checked only when it names the group and the date; the
    review report lists the rest, so no page passes for checked by default.
    """
    return [
        key
        for key, doc in sorted(documents.items())
        if isinstance(doc.meta.get(FIELD), dict)
        and not (doc.meta[FIELD].get("checked_by") and doc.meta[FIELD].get("checked_on"))
    ]


def _path(standard_page: str) -> str:
    """The page's path inside docs/, as MkDocs names it (`src_uri`)."""
    return standard_page.strip().removeprefix("docs/").removeprefix("/")


def _problem(doc: Document, key: str, problem: str, fix: str) -> Problem:
    """A problem with one key of the field, on that key's line (the field's if it is missing)."""
    return Problem(doc.path, doc.line_at(FIELD, key), f"{FIELD}.{key}", problem, fix)
