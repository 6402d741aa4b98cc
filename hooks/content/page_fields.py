"""The fields every docs/ page may carry, checked before MkDocs reads the page.

MkDocs silently turns broken front matter into body text and stops with a
traceback on a file that is not UTF-8, so the content hook reads each
Markdown page once with `front_matter.read_document` at `on_files`, checks
it with `check_document`, stores it in `page_store` for other hooks, and
raises one `EditorError` listing every problem in every page.
"""

from __future__ import annotations

import difflib
from pathlib import Path
from typing import Any

from hooks.common.errors import Problem
from hooks.common.front_matter import Document

# Text fields: if a page sets them, they must be non-empty text.
TEXT_FIELDS = ("title", "description")
_REQUIRED_FIX = {
    "title": "add 'title: ' and the page's name to the front matter",
    "description": "add 'description: ' and one sentence, for search results and "
    "shared links, to the front matter",
}
# Yes/no fields: if a page sets them, they must be `true` or `false`.
BOOLEAN_FIELDS = ("render_macros",)
# `search: exclude: true` (Material's name) leaves a page out of search
# (overrides/main.html leaves out its data-pagefind-body); Pagefind
# ignores the rest of Material's `search`.
SEARCH_VALUES = ({"exclude": True}, {"exclude": False})
# The fields a page may carry: ours (CONTRIBUTING.md, "Every page starts with
# front matter"), Material's and the macros plugin's. MkDocs keeps any other
# field without a word, so a misspelt one (`last_reveiwed`) would simply be
# ignored; a field that is not close to any of these is a fork's own and passes.
KNOWN_FIELDS = (
    *("title", "description", "last_reviewed", "review_interval_months", "owner"),
    *("render_macros", "download", "search", "pending_changes", "easy_read"),
    *("template", "icon", "status", "subtitle", "hide", "tags", "comments"),
)


def check_document(doc: Document) -> list[Problem]:
    """Every problem with one page: the file's own, then its fields and body."""
    if doc.problems:
        return list(doc.problems)
    problems: list[Problem] = []
    if not doc.body.strip():
        if doc.meta:
            problems.append(
                Problem(
                    doc.path,
                    doc.body_line - 1,
                    "(page)",
                    "the page has front matter but no text",
                    "write the page's text below this closing '---' line",
                )
            )
        else:
            problems.append(
                Problem(
                    doc.path,
                    1,
                    "(page)",
                    "the page is empty",
                    "add its front matter (title, description) and text, or delete the file",
                )
            )
    for name in TEXT_FIELDS:
        value = doc.meta.get(name)
        if name not in doc.meta and doc.body.strip():
            problems.append(
                Problem(doc.path, 1, name, "this page has no " + name, _REQUIRED_FIX[name])
            )
        elif name in doc.meta and not (isinstance(value, str) and value.strip()):
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(name),
                    name,
                    f"this should be text, but it is {_describe(value)}",
                    f"write '{name}: ' and then the text on one line",
                )
            )
    for name in BOOLEAN_FIELDS:
        value = doc.meta.get(name)
        if name in doc.meta and not isinstance(value, bool):
            problems.append(
                Problem(
                    doc.path,
                    doc.line_of(name),
                    name,
                    f"this should be true or false, but it is {_describe(value)}",
                    f"write '{name}: true' or delete the line",
                )
            )
    problems += misspelt_fields(doc)
    if "search" in doc.meta and doc.meta["search"] not in SEARCH_VALUES:
        problems.append(
            Problem(
                doc.path,
                doc.line_of("search"),
                "search",
                f"this should be 'exclude: true', but it is {_describe(doc.meta['search'])}",
                "write 'search:' and, on the next line, '  exclude: true'; or delete the field",
            )
        )
    return problems


def misspelt_fields(doc: Document) -> list[Problem]:
    """Fields that are not page fields but nearly are: a typo MkDocs would ignore.

    Also `ignore_macros`, which the macros plugin once read and now stops on
    with a traceback.
    """
    problems = []
    for name in map(str, doc.meta):
        near = difflib.get_close_matches(name, KNOWN_FIELDS, n=1, cutoff=0.8)
        if name == "ignore_macros":
            problem = "this field is no longer read: the macros plugin stops on it"
            fix = "write 'render_macros: false' instead"
            problems.append(Problem(doc.path, doc.line_of(name), name, problem, fix))
        elif near and name not in KNOWN_FIELDS:
            fix = f"did you mean '{near[0]}'? Correct the spelling"
            problems.append(Problem(doc.path, doc.line_of(name), name, _NOT_A_FIELD, fix))
    return problems


_NOT_A_FIELD = "this is not a page field, so the site ignores it"


# What Material's `hide` field may hide.
HIDE_VALUES = ("navigation", "toc", "footer", "feedback", "path", "tags")


def theme_problems(doc: Document, theme_dirs: list[str]) -> list[Problem]:
    """A `template` or `icon` (Material's page fields) the theme does not have,
    or a `hide` that is not a list of what to hide.

    MkDocs would stop on it with a traceback, deep in a template.
    """
    wanted = (
        ("template", "{}", "use a template in overrides/, or delete the line"),
        ("icon", ".icons/{}.svg", "use an icon name such as material/home, or delete the line"),
    )
    problems = []
    for name, pattern, fix in wanted:
        value = doc.meta.get(name)
        if name not in doc.meta:
            continue
        usable = isinstance(value, str) and ".." not in Path(value).parts
        if not (usable and any(Path(d, pattern.format(value)).is_file() for d in theme_dirs)):
            problem = f"the theme has no {name} {value!r}"
            problems.append(Problem(doc.path, doc.line_of(name), name, problem, fix))
    hide = doc.meta.get("hide", [])
    if not isinstance(hide, list) or any(item not in HIDE_VALUES for item in hide):
        problem = f"this should be a list of what to hide ({', '.join(HIDE_VALUES)})"
        fix = "write 'hide:' and below it one line for each, such as '  - toc'; or delete it"
        problems.append(Problem(doc.path, doc.line_of("hide"), "hide", problem, fix))
    return problems


def _describe(value: Any) -> str:
    if value is None or value == "":
        return "empty"
    kind = {list: "a list", dict: "a group of fields"}.get(type(value))
    return kind or repr(value)
