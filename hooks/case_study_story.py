"""A case study's page: rendered like any page, with plain Markdown only.

No MkDocs events: `case_studies.py` makes a `StoryPage` for each story's
file in `on_files`, and MkDocs keeps a file's page once it has one.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from mkdocs.structure.pages import Page

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# The Markdown a story may use: prose, lists, links, tables, footnotes and
# the glossary's abbreviations. Rendering with these alone takes half the
# time of the site's full set (case_study_load refuses note boxes, tabs and
# task lists in stories, which would otherwise show as text).
STORY_EXTENSIONS = ("toc", "tables", "fenced_code", "abbr", "attr_list", "def_list", "footnotes")


class StoryPage(Page):
    """A case study's page: rendered like any page, with `STORY_EXTENSIONS` only."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        full = config["markdown_extensions"], config["mdx_configs"]
        names = [name for name in full[0] if name in STORY_EXTENSIONS]
        config["markdown_extensions"] = names
        config["mdx_configs"] = {k: v for k, v in (full[1] or {}).items() if k in names}
        try:
            super().render(config, files)
        finally:
            config["markdown_extensions"], config["mdx_configs"] = full
