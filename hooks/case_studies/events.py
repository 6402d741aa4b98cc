"""Case studies: read `case_studies/*.md` once, fail early, generate their pages.

Events:
- `on_config`: forget the last build's records (hooks outlive `mkdocs serve` rebuilds).
- `on_files`: load and validate every case study (all problems, one error),
  share the records with the macros, and add the generated files that
  `pages.Site` describes (a preview writes again only those that changed:
  `pages.GeneratedFile`). `on_files` runs before the nav is built, so
  the generated `case-studies/index.md` can be a nav entry; every other
  generated page stays out of the nav (`NOT_IN_NAV`), keeping the nav short.
- `on_page_read_source`: a story's page is rendered only when MkDocs builds
  it. Its file points at `case_studies/<slug>.md`, so `mkdocs serve --dirty`
  (`make serve`) rebuilds only the stories whose file changed.
- `on_page_content`: put each generated page's pre-rendered HTML (key
  facts, cards) before its Markdown content, and a story's long facts
  (sources, what changed, …) after it; other pages pass through.
"""

from __future__ import annotations

import datetime as dt
import sys
import time
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.structure.files import File

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.case_studies import pages
from hooks.case_studies.load import load_folder
from hooks.case_studies.schema import checked_schema, vocabulary
from hooks.case_studies.store import record_of_page, set_records
from hooks.common.errors import raise_if_any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

FOLDER = "case_studies"
_site: pages.Site | None = None  # this build's generated pages
# Each generated file's text and HTML, and when it last changed: hooks outlive
# `mkdocs serve` rebuilds, so a preview writes only what a save changed.
_made: dict[str, tuple[str, float]] = {}


def on_config(config: MkDocsConfig) -> None:
    global _site
    _site = None
    set_records([])


def on_files(files: Files, config: MkDocsConfig) -> Files:
    global _site
    root = Path(config.config_file_path).parent
    schema, problems = checked_schema(root / FOLDER / "schema.json", f"{FOLDER}/schema.json")
    if schema is None:
        raise_if_any(problems)
        return files  # previewing: shown in the browser; the site goes on without case studies
    taken = {f.src_uri for f in files}
    records, problems = load_folder(root / FOLDER, FOLDER, schema, dt.date.today(), taken)
    problems += pages.clashes(schema, taken)
    raise_if_any(problems)
    site = pages.Site(config, schema, files)
    for record in records:
        record["url"] = site.url(f"case-studies/{record['slug']}.md")
    filtered = ("principles", "nation", "service_areas", "involvement")  # the macros' filters
    set_records(records, {field: vocabulary(schema, field) for field in filtered})
    _site = site
    for src_uri, content, inclusion in site.generate(records):
        file = pages.GeneratedFile.generated(config, src_uri, content=content, inclusion=inclusion)
        made = content + site.html.get(src_uri, "")
        if _made.get(src_uri, ("",))[0] != made:
            _made[src_uri] = made, time.time()
        file.changed_at = _made[src_uri][1]
        files.append(file)
    for record in records:
        src_uri = f"case-studies/{record['slug']}.md"
        source = str(root / FOLDER / f"{record['slug']}.md")
        story = File.generated(config, src_uri, abs_src_path=source, inclusion=pages.HIDDEN)
        story.edit_uri = pages.edit_uri(config, root, FOLDER, record["slug"])
        files.append(story)
    return files


def on_page_read_source(page: Page, config: MkDocsConfig) -> str | None:
    record = record_of_page(page.file.src_uri)
    return None if record is None or _site is None else _site.story(record)


def on_page_content(html: str, page: Page, **kwargs: Any) -> str:
    src_uri = page.file.src_uri
    if _site is None or src_uri not in _site.html:
        return html
    return _site.html[src_uri] + html + _site.after.get(src_uri, "")
