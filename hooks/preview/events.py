"""`make serve`: a preview that rebuilds only what an edit changed.

Events:
- on_startup: under `mkdocs serve --dirty` (what `make serve` runs) or
  `mkdocs build --dirty`, hides MkDocs' warning that a dirty build may leave
  navigation out of date. It is printed on every rebuild, and strict mode
  would turn it into a failed build. We say once, in plain words, what the
  preview does instead.
- on_files (after the content hook stores the pages): marks every page
  that calls macros as changed, so lists and counts of case studies (the
  home page, the principle pages) follow an edit to any case study.
- on_nav: gives each page that will not be rebuilt its title from its front
  matter. MkDocs reads a title only from a page it rebuilds, and the
  navigation and the "Next" and "Previous" links of the pages it does
  rebuild need the others' titles too.

- on_startup, on_config (first): problems are collected rather than
  raised, so an editor sees every problem at once, not one hook's per build.
  A build raises them all together twice: at on_nav (first), once every
  file is read and before any page is rendered, and at on_post_build
  (last), with what the pages themselves showed. In `mkdocs serve` they are
  never raised: a broken save must not leave the browser waiting for a
  build that never comes (MkDocs serves nothing new until a build
  succeeds). `make serve` runs with `--no-strict` for the same reason:
  warnings are shown with the problems instead.
- on_post_build (last), in the preview: if this build found problems or warnings, every
  built page becomes a page that lists them (file, line, fix;
  overrides/fragments/preview-problems.html), so whichever page the editor
  is looking at shows what to fix. The pages are marked as old so the next
  save rebuilds every page; the preview's log lists them too. Saving the
  fixed file reloads the browser on the real page.

Why `--dirty`: a full rebuild at 1,000 case studies takes seconds, and the
editor is looking at one page. MkDocs skips every page whose source is
older than its built file; each case study's page points at its own file in
case_studies/ (hooks/case_studies/), so saving one rebuilds that one, the
case-study index, listings and data files that show something it changed
(they are made every build, written only if they changed), and the macro
pages.
"""

from __future__ import annotations

import logging
import logging.handlers
import os
import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import event_priority, get_plugin_logger

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.common import errors, fragments, page_store
from hooks.safety.macros_guard import will_render

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation

DIRTY_WARNING = "A 'dirty' build is being performed"


log = get_plugin_logger("preview")
_state: dict[str, Any] = {"preview": False, "serving": False, "templates": ""}
_problems: list[errors.Problem] = []
# Every warning and error logged during a build (never flushed: the capacity is never reached).
_warnings = logging.handlers.BufferingHandler(capacity=sys.maxsize)
_warnings.setLevel(logging.WARNING)


def on_startup(*, command: str, dirty: bool) -> None:
    _state["preview"] = dirty  # `mkdocs build --dirty` too: the same rules hold
    _state["serving"] = command == "serve"
    if _state["preview"]:
        logging.getLogger("mkdocs.commands.build").addFilter(_not_the_dirty_warning)
    errors.collect_instead(_problems)
    if _state["serving"]:
        # The macros plugin's eight lines of settings on every rebuild: only its warnings.
        logging.getLogger("mkdocs.plugins.mkdocs_macros").setLevel(logging.WARNING)
        logging.getLogger("mkdocs").addHandler(_warnings)
    if _state["preview"] and _state["serving"]:
        log.info(
            "Preview: each save rebuilds the pages it changes. After changing the "
            "navigation, the theme or a page title, stop (Ctrl+C) and run make serve again."
        )


@event_priority(100)  # first: before any hook finds a problem
def on_config(config: MkDocsConfig) -> None:
    _problems.clear()
    if _state["serving"]:
        _warnings.buffer.clear()
        _state["templates"] = fragments.folder(config)


@event_priority(-200)  # last: after every hook has had its say
def on_post_build(config: MkDocsConfig) -> None:
    if not _state["serving"]:
        _raise_collected()
        return
    if not (_problems or _warnings.buffer):
        return
    found = [str(p) for p in sorted(_problems)] + [r.getMessage() for r in _warnings.buffer]
    for message in found[: len(_problems)]:
        log.error(message)
    html = fragments.render(_state["templates"], "preview-problems.html", problems=found)
    for built in Path(config.site_dir).rglob("*.html"):
        built.write_text(html, encoding="utf-8")
        os.utime(built, (0, 0))  # older than any source: the next build rebuilds it


def on_shutdown() -> None:
    errors.collect_instead(None)
    logging.getLogger("mkdocs").removeHandler(_warnings)


@event_priority(30)  # after page_front_matter (50) has stored the pages
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    plugin = config.plugins.get("macros")
    if not _state["preview"] or plugin is None:
        return files
    by_default = bool(plugin.config["render_by_default"])
    for src_uri, doc in page_store.items():
        file = files.get_file_from_path(src_uri)
        if file is None or not Path(file.abs_dest_path).is_file():
            continue
        if will_render(doc.meta, by_default, bool(plugin.force_page_rendering(src_uri))):
            os.utime(file.abs_dest_path, (0, 0))  # older than any source: rebuilt
    return files


@event_priority(100)  # first: every file is read, no page is rendered yet
def on_nav(nav: Navigation, config: MkDocsConfig, files: Files) -> Navigation:
    if not _state["serving"]:
        _raise_collected()
    if not _state["preview"]:
        return nav
    for page in nav.pages:
        doc = page_store.get_document(page.file.src_uri)
        title = doc.meta.get("title") if doc else None
        if page.title is None and isinstance(title, str) and not page.file.is_modified():
            page.title = title
    return nav


def _raise_collected() -> None:
    """Stop the build with every problem collected so far, if there are any."""
    found = list(_problems)
    _problems.clear()
    if found:
        raise errors.EditorError(found)


def _not_the_dirty_warning(record: logging.LogRecord) -> bool:
    """A logging filter: every record but MkDocs' dirty-build warning."""
    return not record.getMessage().startswith(DIRTY_WARNING)
