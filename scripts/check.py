"""Check the content without building the site: `make check`.

Runs the checks that are plain functions, the same ones the build runs,
over every page, case study and setting: page front matter, review dates
and changes in progress, case studies (schema, template, story), content
lint, the glossary's abbreviations, brand colours and a fork's settings. It
prints every problem as the build does (`path:line: field: problem. Fix: …`)
and exits 1 if there are any. It needs no MkDocs build, so these checks
keep working whatever builds the site later (see docs/fork.md, "Platform
and future"). Links and anything that needs rendered pages are checked by
the build only.
"""

from __future__ import annotations

import datetime as dt
import sys
from pathlib import Path

import yaml
from yaml_env_tag import construct_env_tag

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from hooks.brand.fork import (  # noqa: E402 - needs the project on the path
    hooks_problems,
    identity_problems,
    list_settings,
    palette_problems,
    remote_asset_problems,
    theme_image_problems,
)
from hooks.brand.palette import site_brand  # noqa: E402
from hooks.case_studies.load import load_folder  # noqa: E402
from hooks.case_studies.pages import clashes  # noqa: E402
from hooks.case_studies.schema import checked_schema  # noqa: E402
from hooks.common.errors import Problem  # noqa: E402
from hooks.common.front_matter import read_document  # noqa: E402
from hooks.content.abbreviations import SOURCE, parse  # noqa: E402
from hooks.content.lint import lint  # noqa: E402
from hooks.content.page_fields import check_document  # noqa: E402
from hooks.governance.feedback import feedback_url_problem  # noqa: E402
from hooks.governance.pending import pending_changes  # noqa: E402
from hooks.governance.reviews import (  # noqa: E402
    check_review_fields,
    default_interval,
    interval_problem,
    is_content_page,
)


def page_problems(docs: Path, today: dt.date, interval: int) -> list[Problem]:
    """Every docs/ page's front matter, review fields, changes in progress and Markdown."""
    problems: list[Problem] = []
    for path in sorted(docs.rglob("*.md")):
        src_uri = path.relative_to(docs).as_posix()
        doc = read_document(path, f"{docs.name}/{src_uri}")
        problems += check_document(doc)
        if doc.problems:
            continue
        if is_content_page(src_uri):
            problems += check_review_fields(doc, interval, today)[1]
            problems += pending_changes(doc, today)[1]
        offset = doc.body_line - 1
        problems += lint(doc.body, doc.path, offset)
    return problems


class _PlainLoader(yaml.SafeLoader):
    """mkdocs.yml as MkDocs reads its data: `!ENV` as MkDocs resolves it (with
    pyyaml_env_tag, which MkDocs uses), any other tag, such as !!python/name, as None."""


_PlainLoader.add_multi_constructor("", lambda loader, suffix, node: None)
_PlainLoader.add_constructor("!ENV", construct_env_tag)


def settings(root: Path) -> tuple[dict, list[Problem]]:
    """mkdocs.yml's `extra`, and its problems: the settings the build checks at the start."""
    config_file = root / "mkdocs.yml"
    text = config_file.read_text(encoding="utf-8")
    problems = list_settings(text, config_file.name)
    problems += palette_problems(text, config_file.name)
    problems += theme_image_problems(text, config_file.name)
    problems += remote_asset_problems(text, config_file.name)
    problems += hooks_problems(config_file)
    try:
        config = yaml.load(text, Loader=_PlainLoader) or {}  # noqa: S506 - SafeLoader, tags off
    except yaml.YAMLError:
        config = {}  # MkDocs names the mistake
    extra = config.get("extra") or {}
    problems += identity_problems(config, text, config_file.name)
    brand = extra.get("brand")
    problems += site_brand(brand, config_file, root / "docs")[2]
    organisation = extra.get("organisation")
    feedback = organisation.get("feedback_url") if isinstance(organisation, dict) else None
    found = [
        feedback_url_problem(feedback, text, config_file.name),
        interval_problem(extra, text, config_file.name),
    ]
    problems += [problem for problem in found if problem]
    return extra, problems


def main() -> int:
    today = dt.date.today()
    extra, problems = settings(ROOT)
    problems += page_problems(ROOT / "docs", today, default_interval(extra))
    schema, schema_problems = checked_schema(
        ROOT / "case_studies" / "schema.json", "case_studies/schema.json"
    )
    problems += schema_problems
    if schema is not None:
        taken = {p.relative_to(ROOT / "docs").as_posix() for p in (ROOT / "docs").rglob("*.md")}
        problems += load_folder(ROOT / "case_studies", "case_studies", schema, today, taken)[1]
        problems += clashes(schema, taken)
    abbreviations = ROOT / SOURCE
    if abbreviations.is_file():
        doc = read_document(abbreviations, SOURCE)
        problems += doc.problems or parse(doc.body)[1]
    for problem in sorted(problems):
        print(problem)
    print(f"{len(problems)} problem{'s' * (len(problems) != 1)} found.")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
