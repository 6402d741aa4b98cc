"""Macros for pages that opt in with `render_macros: true`.

Loaded by mkdocs-macros-plugin (`module_name: hooks/macros`). Each macro is a
plain, module-level function so tests can call it directly; `define_env`
registers them, once it has checked that a fork's `hooks:` list keeps ours.
Case-study data never passes through Jinja.
"""

from __future__ import annotations

import difflib
import posixpath
import re
import sys
from pathlib import Path
from typing import Any

# The macros plugin loads this file by its path: the project folder goes on
# sys.path so that `hooks.<capability>` imports work.
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.brand.fork import hooks_problems
from hooks.case_studies.store import allowed_values, get_records, matching
from hooks.common import page_store
from hooks.common.errors import Problem, raise_if_any

# Build-machine details a page has no business printing.
_HIDDEN_VARIABLES = ("environment", "macros_info")


def section_link(files: Any, from_src_uri: str, src_uri: str, text: str) -> str:
    """Return a Markdown link to `src_uri`, or plain `text` if a fork dropped it.

    Shared pages link to optional sections (the law pages, say) through this,
    so a fork can leave a section out with `exclude_docs` and still build
    strictly. The link points at the Markdown source, so its anchor is still
    checked (hooks/content/links.py). A page that is not there at all is a
    mistake, such as a misspelt path: `link_to` names it at its line
    (`missing_page_problems`), and, in a preview, shows the text alone.
    """
    path, _, anchor = src_uri.partition("#")
    target = files.get_file_from_path(path)
    if target is None or target.inclusion.is_excluded():
        return text
    href = posixpath.relpath(path, posixpath.dirname(from_src_uri) or ".")
    return f"[{text}]({href}{'#' + anchor if anchor else ''})"


def case_study_links(
    records: list[dict[str, Any]], from_src_uri: str, empty: str, **filters: str | None
) -> str:
    """A Markdown list of the case studies matching `filters`, or `empty` if none.

    Each link points at the generated page's Markdown source
    (`case-studies/<slug>.md`) relative to the calling page, so MkDocs checks
    it like any other link. Titles and organisations are escaped so a case
    study's text can never become Markdown or HTML.
    """
    found = matching(records, **filters)
    if not found:
        return f"*{_md_escape(empty)}*"
    here = posixpath.dirname(from_src_uri) or "."
    lines = []
    for r in found:
        href = posixpath.relpath(f"case-studies/{r['slug']}.md", here)
        lines.append(f"- [{_md_escape(r['title'])}]({href}): {_md_escape(r['organisation'])}")
    return "\n".join(lines)


def _md_escape(text: str) -> str:
    """Make text literal in Markdown: backslash-escape markup, entity-encode HTML."""
    out = str(text).replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    out = " ".join(out.split())  # a newline could start a new block
    for ch in "\\`*_{}[]()#+!|-.":
        out = out.replace(ch, "\\" + ch)
    return out


def record_filters(
    principle: str | None, nation: str | None, service_area: str | None, involvement: str | None
) -> dict[str, str | None]:
    """Macro arguments (one value each) mapped to the record fields they filter."""
    return {
        "principles": principle,
        "nation": nation,
        "service_areas": service_area,
        "involvement": involvement,
    }


# What each filtered field is called in a message.
_NAMES = {
    "principles": "principle",
    "nation": "nation",
    "service_areas": "service area",
    "involvement": "level of involvement",
}


# A call's first argument written out whole: ('x.md', or (src_uri="x.md").
_LITERAL = re.compile(r"""\s*(?:src_uri\s*=\s*)?(["'])[^"'\n]*\1\s*[,)]""")


def _argument_line(src_uri: str, value: str, call: str = "") -> tuple[str, int]:
    """The page's file, and the line where `value` is written in quotes: a macro's
    argument (nation="wales" or "wales"), not the same word in the text; else, for
    a value worked out on the page, the first `call` whose path is not written out
    whole (a call that writes it whole would have been found by its quotes)."""
    doc = page_store.get_document(src_uri)
    if doc is None:
        return src_uri, 1
    found = re.search(rf"""(["']){re.escape(value)}\1""", doc.body)
    index = found.start() if found else max(doc.body.find(value), 0)
    if not found and call:
        calls = [m.start() for m in re.finditer(rf"\b{call}\(", doc.body)]
        ours = [at for at in calls if not _LITERAL.match(doc.body, at + len(call) + 1)]
        index = (ours or calls or [0])[0]
    return doc.path, doc.body_line + doc.body.count("\n", 0, index)


def missing_page_problems(files: Any, from_src_uri: str, src_uri: str) -> list[Problem]:
    """A link_to whose page is not in the site at all: a misspelt path, named at its call."""
    path = src_uri.partition("#")[0]
    if files.get_file_from_path(path) is not None:
        return []
    pages = sorted(file.src_uri for file in files if file.src_uri.endswith(".md"))
    near = difflib.get_close_matches(path, pages, n=1, cutoff=0.5)
    return [
        Problem(
            *_argument_line(from_src_uri, src_uri, "link_to"),
            "macros",
            f"link_to('{path}'): there is no such page in docs/",
            (f"did you mean '{near[0]}'? " if near else "")
            + "link_to takes the page's path inside docs/, such as "
            "'guides/paying-people.md', wherever the page that links is",
        )
    ]


def filter_problems(src_uri: str, filters: dict[str, str | None]) -> list[Problem]:
    """A filter value no case study can have: the list would be empty, and say nothing."""
    problems = []
    for field, value in filters.items():
        allowed = allowed_values(field)
        if value is None or not allowed or value in allowed:
            continue
        near = difflib.get_close_matches(value, allowed, n=1)
        problems.append(
            Problem(
                *_argument_line(src_uri, value),
                "macros",
                f"'{value}' is not a {_NAMES[field]} a case study can have, so this "
                "would always find none",
                (f"did you mean '{near[0]}'? " if near else "")
                + f"use one of: {', '.join(allowed)}",
            )
        )
    return problems


def define_env(env: Any) -> None:
    """Register this module's macros and hide build-machine details."""
    # Before anything else: a fork's hooks: list that leaves out ours.
    raise_if_any(hooks_problems(Path(env.conf.config_file_path).resolve()))
    for name in _HIDDEN_VARIABLES:
        env.variables.pop(name, None)

    @env.macro
    def link_to(src_uri: str, text: str) -> str:
        """Link to a page by its path in docs/, or print the text if it is left out."""
        files, here = env.variables["files"], env.variables["page"].file.src_uri
        raise_if_any(missing_page_problems(files, here, src_uri))
        return section_link(files, here, src_uri, text)

    @env.macro
    def case_study_list(
        principle: str | None = None,
        nation: str | None = None,
        service_area: str | None = None,
        involvement: str | None = None,
        empty: str = "No case studies show this yet.",
    ) -> str:
        """List matching case studies as links; says `empty` when there are none."""
        filters = record_filters(principle, nation, service_area, involvement)
        src_uri = env.variables["page"].file.src_uri
        raise_if_any(filter_problems(src_uri, filters))
        return case_study_links(get_records(), src_uri, empty, **filters)

    @env.macro
    def case_study_count(
        principle: str | None = None,
        nation: str | None = None,
        service_area: str | None = None,
        involvement: str | None = None,
    ) -> int:
        """How many case studies match; 0 when there are none."""
        filters = record_filters(principle, nation, service_area, involvement)
        raise_if_any(filter_problems(env.variables["page"].file.src_uri, filters))
        return len(matching(get_records(), **filters))
