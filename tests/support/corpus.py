"""The bad-input corpus (tests/bad_inputs/) checked without a build.

A build takes seconds; the checks behind an editor's message take
milliseconds. So each bad file is passed to the same load and check
functions the hooks call in `on_files`, and the problems are printed by
`EditorError`, exactly as the build prints them. A few real builds prove
that these messages reach the build's log (tests/build/test_accessibility_build.py
for lint warnings, tests/build/test_case_study_bad_inputs.py for refused
case studies, tests/build/test_page_safety_build.py for an insecure address
found after the pages are written, tests/build/test_atomic_build.py for a
page's front matter).
"""

from __future__ import annotations

import datetime as dt
import shutil
from pathlib import Path

import jinja2

from hooks.case_studies.load import load_folder
from hooks.case_studies.pages import clashes
from hooks.case_studies.schema import load_schema
from hooks.common.errors import EditorError, Problem
from hooks.common.front_matter import read_document
from hooks.content.page_fields import check_document
from hooks.safety.macros_guard import page_problems, will_render
from tests.support.sites import FIXTURES, ROOT, story_files

BAD_PAGES = ROOT / "tests" / "bad_inputs" / "pages"
BAD_CASE_STUDIES = ROOT / "tests" / "bad_inputs" / "case_studies"
# Odd pages that must build normally: tests/conftest.py's `minimal_build` has them.
BUILT_PAGES = ("bom.md", "macro_without_opt_in.md")
SCHEMA = load_schema(ROOT / "case_studies" / "schema.json")
# The macros a page may call: the case-study macros (hooks/case_studies/macros.py;
# test_macros_guard checks define_env registers exactly these), and the
# what's-new list the governance hook registers (the real site's build proves it).
CASE_STUDY_MACROS = ("link_to", "case_study_list", "case_study_count")
ALLOWED_MACROS = {*CASE_STUDY_MACROS, "whats_new"}
# The macros plugin renders with default delimiters; the guard only parses.
_MACRO_ENV = jinja2.Environment(autoescape=True)


def refusal(problems: list[Problem]) -> list[str]:
    """The lines an editor sees when the build stops for `problems`."""
    return [line.strip() for line in str(EditorError(problems)).splitlines()]


def docs_page_problems(path: Path, display_path: str) -> list[Problem]:
    """What the build says of one docs page, stage by stage as its hooks run.

    The content hook reads and checks every page and stops the build if any
    is wrong; only then does the safety hook check macros on opted-in pages.
    """
    doc = read_document(path, display_path)
    problems = check_document(doc)
    if problems or not will_render(doc.meta, by_default=False, forced=False):
        return problems
    return page_problems(doc, _MACRO_ENV, ALLOWED_MACROS)


def case_study_problems(project: Path, added: Path | None = None) -> list[Problem]:
    """What the case-study hook says of tests/fixtures/case_study_site/ laid out in
    `project`, with `added` (a file for case_studies/, or a folder laid over the
    whole project) added to it."""
    folder = project / "case_studies"
    # The shared machinery a fixture site gets (the template, the schema), then the fixture.
    shutil.copytree(ROOT / "case_studies", folder, ignore=story_files)
    shutil.copytree(FIXTURES / "case_study_site", project, dirs_exist_ok=True)
    if added is not None and added.is_dir():
        shutil.copytree(added, project, dirs_exist_ok=True)
    elif added is not None:
        shutil.copy2(added, project / "case_studies" / added.name)
    docs = project / "docs"
    taken = {p.relative_to(docs).as_posix() for p in docs.rglob("*") if p.is_file()}
    _, problems = load_folder(folder, "case_studies", SCHEMA, dt.date.today(), taken)
    return problems + clashes(SCHEMA, taken)
