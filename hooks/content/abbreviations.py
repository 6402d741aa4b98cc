"""The glossary's abbreviations, marked up as `<abbr>` on every page.

`includes/abbreviations.md` holds one `*[TERM]: meaning` per line. The
content hook reads it at `on_config` (`glossary`) and hands the terms to
Python-Markdown's `abbr` extension as its `glossary` option. Every problem
in the file fails the build at once, naming its line.

Why not append the file to every page (pymdownx.snippets `auto_append`)?
That re-parses the same definitions on every page: 1.8 ms a page, which is
most of the Markdown time of a short case study and 1.8 s a build at 1,000
case studies. The glossary option gives the same `<abbr>` markup, parsed
once per build. Editors still keep the list in the same file.
"""

from __future__ import annotations

import re
from pathlib import Path

from hooks.common.errors import Problem, raise_if_any
from hooks.common.front_matter import read_document

SOURCE = "includes/abbreviations.md"
DEFINITION = re.compile(r"\*\[(?P<term>[^\]]+)\]:[ \t]*(?P<meaning>.*\S)\s*$")
COMMENT = re.compile(r"<!--.*?-->", re.DOTALL)


def parse(text: str, path: str = SOURCE) -> tuple[dict[str, str], list[Problem]]:
    """The `{term: meaning}` definitions in `text`, and a problem per bad line.

    HTML comments and blank lines are allowed; anything else must be a
    definition, so a typo is reported rather than silently dropped.
    """
    # Blank out comments but keep their newlines, so line numbers stay true.
    text = COMMENT.sub(lambda m: "\n" * m.group().count("\n"), text)
    glossary: dict[str, str] = {}
    problems = []
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = DEFINITION.match(line.strip())
        if match is None:
            problems.append(_problem(path, number, "this line is not an abbreviation",
                                     "write it as *[TERM]: what it stands for"))  # fmt: skip
        elif match["term"] in glossary:
            problems.append(_problem(path, number, f"{match['term']} is defined twice",
                                     "keep one definition"))  # fmt: skip
        else:
            glossary[match["term"]] = match["meaning"]
    return glossary, problems


def _problem(path: str, line: int, problem: str, fix: str) -> Problem:
    return Problem(path, line, "(abbreviation)", problem, fix)


def glossary(project: Path) -> dict[str, str] | None:
    """The project's abbreviations, or None if it has no abbreviations file."""
    source = project / SOURCE
    if not source.is_file():
        return None
    doc = read_document(source, SOURCE)  # the size and encoding checks every page gets
    raise_if_any(doc.problems)
    terms, problems = parse(doc.body)
    raise_if_any(problems)
    return terms
