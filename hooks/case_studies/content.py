"""Is a case study worth reading? Checks of its story's length and evidence.

Pure functions, no MkDocs events: `load.check_document` calls
`check_content` for every file, with the other checks, so an editor sees
these problems together with any others. The schema says what a field may
hold; these rules say what a case study needs to be useful to a reader:

- a story of `MIN_WORDS` to `MAX_WORDS` words (`story_words`);
- at least `MIN_SOURCES` sources;
- something about what changed: at least one outcome, each pointing at an
  existing source, or `evidence: {level: none found}` with the story saying
  plainly that there is "no published evaluation".
"""

from __future__ import annotations

import re
from collections.abc import Collection
from typing import Any

from hooks.common.errors import Problem
from hooks.common.front_matter import Document

MIN_WORDS = 400
MAX_WORDS = 900
MIN_SOURCES = 2
NONE_FOUND = "none found"
NO_EVALUATION = "no published evaluation"
SECTIONS = (
    "Context",
    "Who was involved and how",
    "What they did",
    "What changed",
    "What was hard",
    "What others can learn",
)

# What a reader does not read as words, removed before counting (the same
# things tests/support/readability.py removes; a unit test keeps them equal).
_NOT_PROSE = (
    re.compile(r"^(```|~~~).*?^\1\s*$", re.DOTALL | re.MULTILINE),  # fenced code
    re.compile(r"<!--.*?-->", re.DOTALL),  # HTML comments
    re.compile(r"^\[\^[^\]]+\]:.*(?:\n(?: {4}|\t).*)*", re.MULTILINE),  # footnote texts
    re.compile(r"^\*\[[^\]]+\]:.*$", re.MULTILINE),  # abbreviation definitions
    re.compile(r"^\s*\|.*$", re.MULTILINE),  # table rows
    re.compile(r"\[\^[^\]]+\]"),  # footnote references
    re.compile(r"\]\((?:[^()]|\([^)]*\))*\)"),  # link and image addresses
    re.compile(r"`[^`]*`"),  # inline code
    re.compile(r"<[^>]+>"),  # HTML tags
    re.compile(r"https?://\S+"),  # bare addresses
    re.compile(r"\{:?[^}]*\}"),  # attribute lists
)
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")


def story_words(body: str) -> int:
    """How many words a reader reads in a story.

    A word is a run of letters, with inner apostrophes or hyphens
    ("don't", "co-design" is one word); numbers are not words. Headings
    count; code, tables, link addresses and HTML tags do not.
    """
    for pattern in _NOT_PROSE:
        body = pattern.sub(" ", body)
    return len(_WORD.findall(body))


def check_content(doc: Document, levels: Collection[str]) -> list[Problem]:
    """Every problem with the story's length, its sources and its outcomes.

    `levels`: the schema's evidence levels; another value is the schema's
    problem, and may be a misspelt "none found", so it is not one here too.
    """
    if not doc.body.strip():
        return []  # load._check_body already says there is no story
    meta = doc.meta
    sources = meta.get("sources")
    count = len(sources) if isinstance(sources, list) else None
    evidence = meta.get("evidence")
    level = evidence.get("level") if isinstance(evidence, dict) else None
    outcomes = meta.get("outcomes")
    if level is not None and level not in levels and not outcomes:
        return [*_length(doc), *_sources(doc, count)]
    return [*_length(doc), *_sources(doc, count), *_outcomes(doc, outcomes, level, count)]


def _length(doc: Document) -> list[Problem]:
    words = story_words(doc.body)
    if words < MIN_WORDS:
        fix = (
            f"write at least {MIN_WORDS - words} more words, under the headings "
            + "; ".join(SECTIONS)
            + " (as in case_studies/_template.md)"
        )
    elif words > MAX_WORDS:
        fix = (
            f"cut at least {words - MAX_WORDS} words: keep what others can learn, "
            "and link to the sources for the details"
        )
    else:
        return []
    return [
        Problem(
            doc.path,
            doc.body_line,
            "(story)",
            f"the story is {words} words long; a case study needs {MIN_WORDS} to {MAX_WORDS}",
            fix,
        )
    ]


def _sources(doc: Document, count: int | None) -> list[Problem]:
    if not count or count >= MIN_SOURCES:
        return []  # a missing, empty or malformed list is the schema's problem
    return [
        Problem(
            doc.path,
            doc.line_of("sources"),
            "sources",
            f"there is {count} source; a case study needs at least {MIN_SOURCES}",
            "add another source for the story's facts, such as the organisation's own "
            "page and a report or article about it, each with title, url, publisher "
            "and accessed",
        )
    ]


def _outcomes(doc: Document, outcomes: Any, level: Any, count: int | None) -> list[Problem]:
    if isinstance(outcomes, list) and outcomes:
        return _outcome_sources(doc, outcomes, count)
    if level != NONE_FOUND:
        return [
            Problem(
                doc.path,
                doc.line_of("outcomes" if "outcomes" in doc.meta else "evidence"),
                "outcomes",
                "the case study says nothing about what changed: there are no outcomes",
                "add at least one outcome (text: what changed, with its date; source: "
                "the number of the source that says so), or, if you found no evaluation, "
                "write 'evidence: {level: none found}' and say so in the story",
            )
        ]
    if NO_EVALUATION in " ".join(doc.body.lower().split()):
        return []
    return [
        Problem(
            doc.path,
            doc.line_of("evidence"),
            "evidence",
            "evidence is 'none found', but the story does not tell readers",
            f'say in the story\'s "What changed" section that there is "{NO_EVALUATION}" '
            "(for example: We found no published evaluation of the project), "
            "or add the outcomes you found, with their sources",
        )
    ]


def _outcome_sources(doc: Document, outcomes: list[Any], count: int | None) -> list[Problem]:
    """A problem for each outcome whose `source` is not a number in `sources`."""
    if count is None:
        return []
    problems = []
    for index, outcome in enumerate(outcomes):
        source = outcome.get("source") if isinstance(outcome, dict) else None
        if not isinstance(source, int) or isinstance(source, bool) or source < 1:
            continue  # the schema reports a missing or mistyped source
        if source > count:
            there = f"there is only {count} source" if count == 1 else f"there are {count}"
            problems.append(
                Problem(
                    doc.path,
                    doc.line_at("outcomes", index),
                    f"outcomes[{index}].source",
                    f"this outcome points at source {source}, but {there}",
                    f"write the number of the source that backs it, from 1 to {count}, "
                    "counting the entries under sources from the top",
                )
            )
    return problems
