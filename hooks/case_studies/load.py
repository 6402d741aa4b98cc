"""Read every case study once and turn it into records or editor problems.

Pure functions, no MkDocs events: `events.py` calls `load_folder` from
`on_files`. Every file is read through `front_matter.read_document` and
checked against the schema (`schema.py`); the checks that need more
than one file (duplicate titles, slugs that clash with docs pages) and the
checks of the story itself live here.
"""

from __future__ import annotations

import datetime as dt
import json
import re
from collections.abc import Collection
from pathlib import Path
from typing import Any

from hooks.case_studies.content import check_content, leftovers, load_template
from hooks.case_studies.schema import Schema, check_meta, vocabulary
from hooks.case_studies.store import Record
from hooks.common.errors import Problem
from hooks.common.front_matter import Document, read_document
from hooks.common.markdown_mask import mask
from hooks.content.lint import check_attribute_lists, check_images, check_links

SLUG = re.compile(r"^[a-z0-9]+(?:-[a-z0-9]+)*$")
# Page names the collection itself uses under /case-studies/.
RESERVED_SLUGS = frozenset(
    {"index", "fields", "principle", "nation", "service-area", "involvement", "evidence", "page"}
)
_BODY_RULES = (
    (
        re.compile(r"^#\s"),
        "the story has a top-level heading ('# '); the title is the page's only one",
        "start each section with '## ' instead",
    ),
    (
        re.compile(r"\]\(\s*<?\s*(?:javascript|data|vbscript):", re.I),
        "the story links to a script address, which is never allowed",
        "link only to https:// addresses",
    ),
)


# pymdownx.snippets' marker, `--8<--` or `-8<-`: it includes another file, even
# inside a code block (snippets are read before code is), so it is looked for
# in the story as written.
_SNIPPET = re.compile(r"-+8<-+")


# Each file's outcome from the last build, for `mkdocs serve`, which keeps
# this module loaded: a rebuild re-reads only the files that changed (at
# 1,000 case studies a rebuild takes 2.5 s of CPU with it, 3.8 s without).
_LOADED: dict[Path, tuple[tuple[Any, ...], Record | None, list[Problem]]] = {}


def load_folder(
    folder: Path,
    display_root: str,
    schema: Schema,
    today: dt.date,
    taken: Collection[str],
) -> tuple[list[Record], list[Problem]]:
    """Read `folder/*.md` (not `_*.md`); `taken` holds the docs pages' `src_uri`s."""
    template, problems = load_template(folder, display_root)
    required = frozenset(schema.get("required", ()))
    # Everything besides the file itself that its outcome depends on.
    context = (display_root, today, json.dumps(schema, sort_keys=True), frozenset(taken),
               template and (template.meta, template.body))  # fmt: skip
    records: list[Record] = []
    for path in sorted(folder.glob("*.md")):
        if path.name.startswith("_"):
            continue
        stat = path.stat()
        key = (context, stat.st_mtime_ns, stat.st_size)
        if _LOADED.get(path, (None,))[0] != key:
            doc = read_document(path, f"{display_root}/{path.name}")
            record, found = check_document(doc, path.stem, schema, today, taken)
            found += leftovers(doc, template, required) if not doc.problems else []
            _LOADED[path] = (key, None if found else record, found)
        _, record, found = _LOADED[path]
        problems += found
        if record is not None:
            records.append(dict(record))  # a copy: the build adds to it
    problems += duplicate_titles(records) + unread_files(folder, display_root)
    # The stable order readers and the export see: by title, then slug.
    return sorted(records, key=lambda r: (r["title"].casefold(), r["slug"])), problems


def unread_files(folder: Path, display_root: str) -> list[Problem]:
    """Files that look like case studies but would be silently left out (`x.MD`, `x.txt`)."""
    return [
        Problem(
            f"{display_root}/{path.name}",
            1,
            "(file name)",
            "this file is not read: only files whose names end in .md are case studies",
            f"rename it to {path.name.split('.')[0]}.md, or move it out of {display_root}/",
        )
        for path in sorted(folder.iterdir())
        if path.is_file()
        and path.suffix != ".md"
        and path.name != "schema.json"
        and not path.name.startswith(("_", "."))
    ]


def check_document(
    doc: Document, slug: str, schema: Schema, today: dt.date, taken: Collection[str]
) -> tuple[Record | None, list[Problem]]:
    """Every problem in one file, and its record if there were none."""
    if doc.problems:
        return None, list(doc.problems)
    if not doc.meta and not doc.body.strip():
        return None, [
            Problem(
                doc.path,
                1,
                "(file)",
                "the file is empty",
                "copy case_studies/_template.md and fill it in",
            )
        ]
    if not doc.meta:
        problem = "the file has no front matter"
        fix = (
            "start the file with the fields between two '---' lines, "
            "as in case_studies/_template.md"
        )
        return None, [Problem(doc.path, 1, "(front matter)", problem, fix)]
    data, problems = check_meta(doc, schema, today)
    problems += _check_slug(doc, slug, taken) + _check_body(doc)
    problems += check_content(doc, vocabulary(schema, "evidence.level"))
    if problems:
        return None, problems
    record: Record = {
        **data,
        "slug": slug,
        "url": f"case-studies/{slug}/",
        "_path": doc.path,
        "_line": doc.line_of("title"),
        "_body": doc.body,
        "_body_line": doc.body_line,
    }
    return record, []


def _check_slug(doc: Document, slug: str, taken: Collection[str]) -> list[Problem]:
    if not SLUG.match(slug):
        return [
            Problem(
                doc.path,
                1,
                "(file name)",
                f"'{slug}' is not a usable web address",
                "rename the file using lower-case letters, digits and hyphens only, "
                "e.g. healthy-living-club.md",
            )
        ]
    if slug in RESERVED_SLUGS:
        return [
            Problem(
                doc.path,
                1,
                "(file name)",
                f"'{slug}' is a name the case-study pages use themselves",
                "rename the file, e.g. add the organisation's name",
            )
        ]
    clash = {
        f"case-studies/{slug}.md",
        f"case-studies/{slug}/index.md",
        f"case-studies/{slug}/README.md",
    } & set(taken)
    if clash:
        return [
            Problem(
                doc.path,
                1,
                "(file name)",
                f"the page /case-studies/{slug}/ would replace docs/{sorted(clash)[0]}",
                "rename the case study's file, or move that docs page",
            )
        ]
    return []


def _check_body(doc: Document) -> list[Problem]:
    if not doc.body.strip():
        return [
            Problem(
                doc.path,
                doc.body_line,
                "(story)",
                "there is no story after the front matter",
                "write the story below the closing '---': context, what they did, "
                "how people with lived experience are involved, what changed, "
                "what others can learn",
            )
        ]
    problems = [
        Problem(doc.path, number, "(story)",
                "the story includes another file ('--8<--'), which case studies may not do",
                "paste the text itself, in your own words")
        for number, line in enumerate(doc.body.split("\n"), start=doc.body_line)
        if _SNIPPET.search(line)
    ]  # fmt: skip
    # The whole story as written: its HTML comments are shown as text, so
    # what follows one is Markdown (code with such a list is never needed).
    problems += check_attribute_lists(doc.body, doc.path, doc.body_line - 1)
    # Code is shown as written, so only the text around it is checked.
    text = mask(doc.body)
    problems += check_images(text, doc.path, doc.body_line - 1)  # alt text, as on pages
    problems += check_links(text, doc.path, doc.body_line - 1)  # link text that says where
    for number, line in enumerate(text.split("\n"), start=doc.body_line):
        for pattern, problem, fix in _BODY_RULES:
            if pattern.search(line):
                problems.append(Problem(doc.path, number, "(story)", problem, fix))
    return problems


def duplicate_titles(records: list[Record]) -> list[Problem]:
    """One problem per file whose title another file already uses."""
    seen: dict[str, Record] = {}
    problems = []
    for record in sorted(records, key=lambda r: r["_path"]):
        key = " ".join(record["title"].casefold().split())
        if key in seen:
            first = seen[key]["_path"]
            problems.append(
                Problem(
                    record["_path"],
                    record["_line"],
                    "title",
                    f"'{record['title']}' is already the title of {first}",
                    "give each case study a different title",
                )
            )
        else:
            seen[key] = record
    return problems


def public(record: Record) -> dict[str, Any]:
    """A record without its private bookkeeping (`_path`, `_body`, …)."""
    return {k: v for k, v in record.items() if not k.startswith("_")}
