"""Case-study stories are rendered with plain Markdown only (STORY_EXTENSIONS)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files
from mkdocs.structure.pages import Page

from hooks.case_studies.story import STORY_EXTENSIONS, StoryPage

ROOT = Path(__file__).resolve().parents[3]
STORY = """## What changed

Members chose the activities[^1].

Peer mentor
:   Someone with lived experience who supports others.

!!! note
    Shown as text: stories have no note boxes.

[^1]: Their own account.
"""


OTHER = """# Another story

A second footnote[^a], with the same heading as the first story.

## What changed

[^a]: Someone else's account.
"""


def _render(cls: type[Page], config: object, source: str, name: str = "example") -> Page:
    file = File(f"case-studies/{name}.md", None, "site", use_directory_urls=True)
    file.content_string = source
    page = cls(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    return page


def test_a_story_renders_with_the_story_extensions_and_the_config_is_untouched() -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    before = list(config["markdown_extensions"]), dict(config["mdx_configs"])
    assert "admonition" in before[0]
    page = _render(StoryPage, config, STORY)
    assert (list(config["markdown_extensions"]), dict(config["mdx_configs"])) == before
    html = page.content or ""
    assert '<h2 id="what-changed">' in html  # toc
    assert "<dl>" in html and 'class="footnote"' in html  # def_list, footnotes
    assert "admonition" not in html and "!!! note" in html
    assert set(STORY_EXTENSIONS) <= set(before[0])


def test_stories_share_a_converter_and_render_as_mkdocs_would_with_those_extensions() -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    first = _render(StoryPage, config, STORY)
    _render(StoryPage, config, OTHER, "other")  # its footnotes and ids must not carry over
    again = _render(StoryPage, config, STORY)
    assert (again.content, str(again.toc)) == (first.content, str(first.toc))

    # MkDocs' own Page.render, given only the story extensions, agrees.
    names = [n for n in config["markdown_extensions"] if n in STORY_EXTENSIONS]
    config["mdx_configs"] = {k: v for k, v in config["mdx_configs"].items() if k in names}
    config["markdown_extensions"] = names
    for source, name in ((STORY, "example"), (OTHER, "other")):
        ours, theirs = _render(StoryPage, config, source, name), _render(Page, config, source, name)
        assert ours.content == theirs.content
        assert str(ours.toc) == str(theirs.toc)
        assert ours.title == theirs.title
        assert ours.present_anchor_ids == theirs.present_anchor_ids
