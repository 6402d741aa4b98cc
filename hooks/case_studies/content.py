"""Is a case study worth reading? Checks of its story's length and evidence.

Pure functions, no MkDocs events: `load.check_document` calls
`check_content` for every file, with the other checks, so an editor sees
these problems together with any others. The schema says what a field may
hold; these rules say what a case study needs to be useful to a reader:

- a story of `MIN_WORDS` to `MAX_WORDS` words (`story_words`);
- at least `MIN_SOURCES` sources;
- something about what changed: at least one outcome, each pointing at an
  existing source, or `evidence: {level: none found}` with the story saying
  plainly that there is "no published evaluation";
- nothing left over from `case_studies/_template.md` (`leftovers`): the
  template's examples are valid values, so the schema alone would let an
  unfinished case study through and publish "The organisation that runs it".
"""

from __future__ import annotations

from collections.abc import Collection
from pathlib import Path
from typing import Any

from hooks.common.errors import Problem, ordinal
from hooks.common.front_matter import Document, read_document
from hooks.common.readability import prose_blocks, words_in

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
    "evidence.url",
)
SOURCE_FIELDS = ("title", "url", "publisher")


def story_words(body: str) -> int:
    """How many words a reader reads in a story, counted as the readability
    checks count them (`common/readability.py`): headings count; code,
    tables, link addresses, HTML tags and numbers do not."""
    return sum(len(words_in(block)) for block in prose_blocks(body))


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
                    doc.line_at("outcomes", index, "source"),
                    "outcomes.source",
                    f"the {ordinal(index)} outcome points at source {source}, but {there}",
                    f"write the number of the source that backs it, from 1 to {count}, "
                    "counting the entries under sources from the top",
                )
            )
    return problems


def load_template(folder: Path, display_root: str) -> tuple[Document | None, list[Problem]]:
    """The template's parsed front matter and body, if it exists, and its problems.

    Editors copy the template to start a case study, so a mistake in it is
    reported like any case study's; the leftover checks then go without it.
    """
    path = folder / "_template.md"
    if not path.is_file():
        return None, []
    doc = read_document(path, f"{display_root}/{path.name}")
    return (None, list(doc.problems)) if doc.problems else (doc, [])


def leftovers(
    doc: Document, template: Document | None, required: frozenset[str] = frozenset()
) -> list[Problem]:
    """A problem for each field (or story paragraph) still holding the template's example.

    `required`: the schema's required fields, which cannot simply be deleted.
    """
    if template is None:
        return []
    found = [
        _leftover(doc, name, name in required)
        for name in EXAMPLE_FIELDS
        if _same(_value(doc.meta, name), _value(template.meta, name))
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
            found.append(_leftover(doc, "sources", "sources" in required))
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


def _value(meta: dict[str, Any], name: str) -> Any:
    """The value of `name`, a field or a part of one (`evidence.url`); None if not set."""
    value: Any = meta
    for step in name.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    return value


def _same(value: Any, example: Any) -> bool:
    if value is None or example is None:
        return False
    if isinstance(value, list) and isinstance(example, list):
        return any(item in example for item in value)
    return value == example


def _leftover(doc: Document, name: str, required: bool) -> Problem:
    fix = f"write this case study's own {name.replace('_', ' ').replace('.', ' ')}"
    return Problem(
        doc.path,
        doc.line_at(*name.split(".")),
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
