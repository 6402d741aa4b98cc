"""Which pages are Easy Read, and which standard page each one stands beside.

A page says it is Easy Read in its front matter:

    easy_read:
      standard_page: guides/paying-people.md   # the page with the same facts
      checked_by: Speak Up Self Advocacy        # only once a group has checked it
      checked_on: 2026-12-01                    # and when

`pair_pages` checks every page's `easy_read` field and returns the pairs
(both directions) with every problem, so an editor sees them all at once.
A check by people with learning disabilities is recorded, never assumed:
`checked_by` and `checked_on` come together or not at all.
"""

from __future__ import annotations

import datetime as dt
import difflib
import re
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Any

from hooks.common.errors import Problem
from hooks.common.front_matter import Document
from hooks.governance.reviews import parse_date

FIELD = "easy_read"
KEYS = ("standard_page", "checked_by", "checked_on")
_EXAMPLE = "easy_read:' and, indented on the next line, 'standard_page: guides/x.md"


@dataclass(frozen=True)
class EasyReadPage:
    """One Easy Read page and the standard page it is a version of."""

    src_uri: str
    standard_page: str
    checked_by: str | None = None
    checked_on: dt.date | None = None

    @property
    def checked(self) -> bool:
        return bool(self.checked_by and self.checked_on)


@dataclass(frozen=True)
class Pairs:
    """Easy Read pages by their own path, and by their standard page's path."""

    easy_read: dict[str, EasyReadPage]
    by_standard: dict[str, EasyReadPage]


def nested_line(front_matter: str, start: int, key: str) -> int:
    """The line of `key:` inside the field that starts on line `start`.

    `front_matter` is the file's text; the field's own line is returned when
    the key is not written (a missing key is reported where the field is).
    """
    lines = front_matter.splitlines()
    pattern = re.compile(rf"(?:^\s+|[{{,]\s*){re.escape(key)}\s*:")
    for number in range(start, len(lines) + 1):
        line = lines[number - 1]
        if number > start and not line.startswith((" ", "\t")):
            break  # the next top-level field: this one has ended
        if pattern.search(line):
            return number
    return start


def pair_pages(
    documents: Mapping[str, Document],
    sources: Mapping[str, str],
    pages: set[str],
    today: dt.date,
) -> tuple[Pairs, list[Problem]]:
    """Check every `easy_read` field; return the pairs and every problem.

    `documents` are the parsed docs/ pages by `src_uri`; `sources` their raw
    text (for the line of each nested key); `pages` every page of the site.
    """
    problems: list[Problem] = []
    found: dict[str, EasyReadPage] = {}
    for src_uri, doc in sorted(documents.items()):
        if FIELD not in doc.meta:
            continue
        page, found_problems = _read_field(src_uri, doc, sources.get(src_uri, ""), pages, today)
        problems += found_problems
        if page is not None:
            found[src_uri] = page
    by_standard: dict[str, EasyReadPage] = {}
    for page in found.values():
        doc = documents[page.src_uri]
        line = nested_line(sources.get(page.src_uri, ""), doc.line_of(FIELD), "standard_page")
        if page.standard_page in found:
            problems.append(
                _problem(
                    doc,
                    line,
                    "standard_page",
                    f"docs/{page.standard_page} is an Easy Read page itself",
                    "name the standard page with the same facts in longer words",
                )
            )
        elif page.standard_page in by_standard:
            first = by_standard[page.standard_page].src_uri
            problems.append(
                _problem(
                    doc,
                    line,
                    "standard_page",
                    f"docs/{page.standard_page} already has an Easy Read version, docs/{first}",
                    "give each standard page one Easy Read version: merge the two pages",
                )
            )
        else:
            by_standard[page.standard_page] = page
    return Pairs(found, by_standard), problems


def _read_field(
    src_uri: str, doc: Document, source: str, pages: set[str], today: dt.date
) -> tuple[EasyReadPage | None, list[Problem]]:
    value = doc.meta[FIELD]
    start = doc.line_of(FIELD)
    if not isinstance(value, dict):
        return None, [
            Problem(
                doc.path,
                start,
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
                nested_line(source, start, key),
                key,
                "this is not an Easy Read field",
                "use standard_page, checked_by and checked_on only; check the spelling",
            )
        )
    standard = _standard_page(doc, source, start, value.get("standard_page"), src_uri, pages)
    problems += standard[1]
    checked_by, checked_on, check_problems = _check(doc, source, start, value, today)
    problems += check_problems
    if standard[0] is None or problems:
        return None, problems
    return EasyReadPage(src_uri, standard[0], checked_by, checked_on), []


def _standard_page(
    doc: Document, source: str, start: int, value: Any, src_uri: str, pages: set[str]
) -> tuple[str | None, list[Problem]]:
    line = nested_line(source, start, "standard_page")
    if value is None or value == "":
        fix = "write 'standard_page: ' and the path inside docs/ of the page with the same facts"
        return None, [_problem(doc, line, "standard_page", "this is missing", fix)]
    if not isinstance(value, str):
        fix = "write the page's path inside docs/, like guides/paying-people.md"
        return None, [_problem(doc, line, "standard_page", "this should be a page's path", fix)]
    path = value.strip().removeprefix("docs/").removeprefix("/")
    if path == src_uri:
        fix = "name the standard page with the same facts in longer words"
        problem = "this is the Easy Read page itself"
        return None, [_problem(doc, line, "standard_page", problem, fix)]
    if path not in pages:
        near = difflib.get_close_matches(path, sorted(pages), n=1, cutoff=0.8)
        fix = f"did you mean {near[0]}?" if near else "check the spelling"
        problem = f"there is no page docs/{path}"
        return None, [_problem(doc, line, "standard_page", problem, f"{fix} (a path inside docs/)")]
    return path, []


def _check(
    doc: Document, source: str, start: int, value: dict[str, Any], today: dt.date
) -> tuple[str | None, dt.date | None, list[Problem]]:
    """The checking group and date: both or neither, a name and a real past date."""
    by, on = value.get("checked_by"), value.get("checked_on")
    by_line = nested_line(source, start, "checked_by")
    on_line = nested_line(source, start, "checked_on")
    problems = []
    if "checked_by" in value and not (isinstance(by, str) and by.strip()):
        problems.append(
            _problem(
                doc,
                by_line,
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
                on_line,
                "checked_on",
                f"this should be a date, but it is {on!r}",
                "write the date the group checked the page, as YYYY-MM-DD",
            )
        )
    elif date is not None and date > today:
        problems.append(
            _problem(
                doc,
                on_line,
                "checked_on",
                f"{date.isoformat()} is in the future",
                "write the date the group checked the page, as YYYY-MM-DD",
            )
        )
    if "checked_by" in value and "checked_on" not in value:
        problems.append(
            _problem(
                doc,
                by_line,
                "checked_by",
                "a check needs its date too",
                "add 'checked_on: YYYY-MM-DD' below it, the day the group checked the page",
            )
        )
    if "checked_on" in value and "checked_by" not in value:
        problems.append(
            _problem(
                doc,
                on_line,
                "checked_on",
                "a check needs the name of the group that did it",
                "add 'checked_by: ' and the group's name above it",
            )
        )
    if problems:
        return None, None, problems
    return (by.strip() if isinstance(by, str) else None), date, []


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
        and doc.meta[FIELD]["standard_page"].strip().removeprefix("docs/") in excluded
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


def _problem(doc: Document, line: int, key: str, problem: str, fix: str) -> Problem:
    return Problem(doc.path, line, f"{FIELD}.{key}", problem, fix)
