"""A case study's page: rendered like any page, with plain Markdown only.

No MkDocs events: `case_studies.py` makes a `StoryPage` for each story's
file in `on_files`, and MkDocs keeps a file's page once it has one.
"""

from __future__ import annotations

import logging
from collections.abc import Callable
from dataclasses import dataclass
from typing import TYPE_CHECKING

import markdown
from mkdocs.structure import pages
from mkdocs.structure.toc import TableOfContents, get_toc

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

# The Markdown a story may use: prose, lists, links, tables, footnotes and
# the glossary's abbreviations. Rendering with these alone takes half the
# time of the site's full set (case_study_load refuses note boxes, tabs and
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


@dataclass
class Converted:
    """What converting a story's Markdown gives its page (the fields `Page.render` sets).

    Plain data, so another process can make it and send it here
    (story_prerender.py): linked files are named by their `src_uri`.
    """

    markdown: str
    content: str
    toc: TableOfContents
    title: str | None
    present_anchor_ids: set[str]
    links_to_anchors: dict[str, dict[str, str]] | None  # None when logging at DEBUG

    def apply(self, page: pages.Page, files: Files) -> bool:
        """Set `page`'s rendered fields; False if a linked file is not in `files`."""
        links = None
        if self.links_to_anchors is not None:
            links = {files.get_file_from_path(uri): anchors
                     for uri, anchors in self.links_to_anchors.items()}  # fmt: skip
            if None in links:
                return False
        page.content = self.content
        page.toc = self.toc
        page._title_from_render = self.title
        page.present_anchor_ids = self.present_anchor_ids
        if links is not None:
            page.links_to_anchors = links
        return True


def convert(page: pages.Page, config: MkDocsConfig, files: Files) -> Converted:
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

    content = md.convert(page.markdown)
    links = None
    if pages.log.getEffectiveLevel() > logging.DEBUG:
        links = {f.src_uri: a for f, a in relative_path_ext.links_to_anchors.items()}
    return Converted(
        markdown=page.markdown,
        content=content,
        toc=get_toc(getattr(md, "toc_tokens", [])),
        title=extract_title_ext.title,
        present_anchor_ids=extract_anchors_ext.present_anchor_ids | raw_html_ext.present_anchor_ids,
        links_to_anchors=links,
    )


@dataclass
class Prepared:
    """A story made ready in another process (story_prerender.py, on a large build)."""

    source: tuple[str, str]  # its Markdown and the HTML before it (case_studies.py)
    converted: Converted  # what converting that Markdown gave


# Given a story's `src_uri`, what another process prepared for it, or None
# (story_prerender.py sets it on a large build): case_studies.py takes it
# when MkDocs reads the story.
prepared_elsewhere: Callable[[str], Prepared | None] | None = None


class StoryPage(pages.Page):
    """A case study's page: rendered like any page, with `STORY_EXTENSIONS` only."""

    source: tuple[str, str] | None = None  # set by case_studies.on_page_read_source
    sent: Converted | None = None  # a conversion made elsewhere, if one was sent
    converted: Converted | None = None  # what `render` set, before `on_page_content`

    def render(self, config: MkDocsConfig, files: Files) -> None:
        """`Page.render`, but converted by `convert` here or, from the same Markdown, elsewhere."""
        sent, self.sent = self.sent, None
        taken = sent is not None and sent.markdown == self.markdown and sent.apply(self, files)
        if not taken:
            sent = convert(self, config, files)
            sent.apply(self, files)
        self.converted = sent
