"""Downloads: templates to fill in, and the whole guide on one page to print.

Events:
- `on_files` (after the content hook has stored the pages): each page with
  `download: true` in its front matter has its template (from
  `## The template` to the end) made into a .docx beside it
  (template_doc.py); a problem with the field
  or the page fails the build, naming the line. The print page is added
  (out of the navigation and of search).
- `on_nav`: the navigation's pages, in order, for the print page.
- `on_page_content`: a template page lists its downloads, with format and
  size, under its title (overrides/fragments/template-downloads.html).
- `on_env`: every page's content is ready (MkDocs converts every page before
  it renders any), so the print page's content is made from them
  (print_guide.py, overrides/fragments/print-guide.html). The print page is
  then rendered like any other page: the theme, minifying and the security
  policy all apply to it.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any

from mkdocs.plugins import event_priority
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.common import fragments, page_store
from hooks.common.errors import Problem, raise_if_any
from hooks.common.front_matter import Document
from hooks.common.markdown_mask import macro_lines
from hooks.downloads import print_guide, template_doc
from hooks.governance.reviews import parse_date

if TYPE_CHECKING:
    import jinja2
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

PRINT_URI = "print.md"
PRINT_PAGE = """---
title: The whole guide, to print
description: Every page of this guide on one page, ready to print or save as PDF.
hide:
  - toc
search:
  exclude: true
---

# The whole guide, to print
"""

_state: dict[str, Any] = {
    "downloads": {},  # a template page's src_uri -> its .docx File
    "nav_pages": [],
}
# Each template's document, by everything it is made from. `mkdocs serve`
# rebuilds on every save, and making the seven documents takes half a
# second; a build makes each once, as before.
_made: dict[str, bytes] = {}


@event_priority(40)  # after the content hook (50) has read every page into page_store
def on_files(files: Files, *, config: MkDocsConfig) -> Files:
    problems: list[Problem] = []
    downloads: dict[str, File] = {}
    organisation = (config.extra or {}).get("organisation") or {}
    author = str(organisation.get("name") or config.site_name)
    for src_uri, doc in page_store.items():
        if "download" not in doc.meta:
            continue
        found = _check(doc)
        if isinstance(found, Problem):
            problems.append(found)
            continue
        if found is None:
            continue
        details = {
            # The content hook (50) has already refused a title that is not text.
            "title": doc.meta.get("title") or Path(doc.path).stem,
            "author": author,
            "reviewed": parse_date(doc.meta.get("last_reviewed")),
        }
        key = repr((found, details, config.markdown_extensions, config.mdx_configs))
        if key not in _made:
            _made[key] = template_doc.write(
                found, config.markdown_extensions, config.mdx_configs, **details
            )
        dest = src_uri.rsplit(".", 1)[0] + ".docx"  # beside its page: forms/x.md -> forms/x.docx
        downloads[src_uri] = File.generated(config, dest, content=_made[key])
        files.append(downloads[src_uri])
    raise_if_any(problems)
    _state["downloads"] = downloads
    files.append(
        File.generated(config, PRINT_URI, content=PRINT_PAGE, inclusion=InclusionLevel.NOT_IN_NAV)
    )
    return files


def _check(doc: Document) -> str | Problem | None:
    """The page's template Markdown; None if it opts out; a Problem if it cannot be made."""
    value = doc.meta["download"]
    line = doc.line_of("download")
    if not isinstance(value, bool):
        return Problem(
            doc.path,
            line,
            "download",
            f"this should be true or false, but it is {value!r}",
            "write 'download: true' to offer the template as a document, or delete the line",
        )
    if not value:
        return None
    part = template_doc.template_part(doc.body)
    if part is None:
        return Problem(
            doc.path,
            line,
            "download",
            "the page offers its template as a download, but has no '## The template' heading",
            "put the heading '## The template' above the template, or delete this line",
        )
    text, start = part
    if not text.strip():
        return Problem(
            doc.path,
            doc.body_line + start - 2,
            "download",
            "nothing follows the '## The template' heading, so there is nothing to download",
            "write the template below the heading, or delete 'download: true'",
        )
    macros = macro_lines(text) if doc.meta.get("render_macros") is True else []
    if macros:
        return Problem(
            doc.path,
            doc.body_line + start - 1 + macros[0],
            "download",
            "the template calls a macro, but its Word document is made from the text as "
            "written, so the document would show the macro's code",
            "write the words themselves in the template",
        )
    return text


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _state["nav_pages"] = list(nav.pages)
    return nav


def on_page_content(html: str, *, page: Page, config: MkDocsConfig, files: Files) -> str:
    download = _state["downloads"].get(page.file.src_uri)
    if download is None:
        return html
    listing = fragments.render(
        fragments.folder(config),
        "template-downloads.html",
        href=get_relative_url(download.url, page.url),
        size=_size_text(len(download.content_bytes)),
    )
    end = html.find("</h1>")
    if end < 0:
        return listing + html
    end += len("</h1>")
    return html[:end] + listing + html[end:]


def _size_text(size: int) -> str:
    """A file size as readers see it elsewhere: `14 KB`, `1.2 MB` (1 KB = 1,024 bytes)."""
    if size < 1024 * 1024:
        return f"{max(1, round(size / 1024))} KB"
    return f"{size / (1024 * 1024):.1f} MB"


def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    """The print page's content, now that every page's content has been made."""
    # on_files always adds the print page (a preview collects its problems
    # rather than stopping), and MkDocs makes a Page of every documentation file.
    print_page = files.get_file_from_path(PRINT_URI).page
    sources = [
        print_guide.Source(page.url, page.title or "", page.content)
        for page in _state["nav_pages"]
        # Editors' pages only: not the generated case-study index (cards to browse).
        if page.file.generated_by is None and page.file.src_uri != PRINT_URI
    ]
    print_page.content = fragments.render(
        fragments.folder(config),
        "print-guide.html",
        title=print_page.title,
        sections=print_guide.sections(sources, print_page.url),
    )
    return env
