"""A case study's page: rendered like any page, with the story's few Markdown extensions.

No MkDocs events: the case-study hook makes a `StoryPage` for each story's
file in `on_files`, and MkDocs keeps a file's page once it has one.

The one adapter to private MkDocs internals. MkDocs' public `Page.render`
builds a converter with the site's full set of extensions for every page;
stories need far fewer, and sharing one converter saves about a tenth of a
build at 1,000 case studies (ARCHITECTURE.md, Speed). `convert` is MkDocs
1.6.1's `Page.render` with that one change, so it uses the private
tree-processors `Page.render` uses (`pages._RawHTMLPreprocessor` and three
more). tests/unit/case_studies/test_story.py renders stories both ways and
fails if MkDocs changes them; if it does, delete `StoryPage.render` and
stories render the public way.
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING

import markdown
from mkdocs.structure import pages
from mkdocs.structure.toc import get_toc

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# The Markdown a story may use: prose, lists, links, tables, footnotes and
# the glossary's abbreviations. Rendering with these alone takes half the
# time of the site's full set (load.py refuses note boxes, tabs and
# task lists in stories, which would otherwise show as text).
STORY_EXTENSIONS = ("toc", "tables", "fenced_code", "abbr", "attr_list", "def_list", "footnotes")

# The build's config and the one converter its stories share.
_shared: tuple[MkDocsConfig, markdown.Markdown] | None = None


def story_markdown(config: MkDocsConfig) -> markdown.Markdown:
    """The build's converter for stories: the site's settings for `STORY_EXTENSIONS`.

    Making a converter costs as much as converting a short story, so every
    story shares one and `reset()` clears what the last one left (footnotes,
    abbreviations, heading ids). A new build (a new config) gets a new one.
    """
    global _shared
    if _shared is None or _shared[0] is not config:
        names = [name for name in config["markdown_extensions"] if name in STORY_EXTENSIONS]
        configs = {k: v for k, v in (config["mdx_configs"] or {}).items() if k in names}
        _shared = config, markdown.Markdown(extensions=names, extension_configs=configs)
    return _shared[1].reset()


def convert(page: pages.Page, config: MkDocsConfig, files: Files) -> None:
    """Copied from MkDocs 1.6.1, `Page.render`. Changed: the converter is shared."""
    if page.markdown is None:
        raise RuntimeError("`markdown` field hasn't been set (via `read_source`)")
    md = story_markdown(config)
    raw_html_ext = pages._RawHTMLPreprocessor()
    raw_html_ext._register(md)
    extract_anchors_ext = pages._ExtractAnchorsTreeprocessor(page.file, files, config)
    extract_anchors_ext._register(md)
    relative_path_ext = pages._RelativePathTreeprocessor(page.file, files, config)
    relative_path_ext._register(md)
    extract_title_ext = pages._ExtractTitleTreeprocessor()
    extract_title_ext._register(md)

    page.content = md.convert(page.markdown)
    page.toc = get_toc(getattr(md, "toc_tokens", []))
    page._title_from_render = extract_title_ext.title
    page.present_anchor_ids = (
        extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids
    )
    if pages.log.getEffectiveLevel() > logging.DEBUG:
        page.links_to_anchors = relative_path_ext.links_to_anchors


class StoryPage(pages.Page):
    """A case study's page: rendered like any page, with `STORY_EXTENSIONS` only."""

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """`Page.render`, with the shared story converter."""
        convert(self, config, files)
