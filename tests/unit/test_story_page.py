"""Case-study stories are rendered with plain Markdown only (STORY_EXTENSIONS)."""

from __future__ import annotations

from pathlib import Path

from mkdocs.config import load_config
from mkdocs.structure.files import File, Files

from case_study_story import STORY_EXTENSIONS, StoryPage

ROOT = Path(__file__).resolve().parents[2]
STORY = """## What changed

Members chose the activities[^1].

Peer mentor
:   Someone with lived experience who supports others.

!!! note
    Shown as text: stories have no note boxes.

[^1]: Their own account.
"""


def test_a_story_renders_with_the_story_extensions_and_the_config_is_restored() -> None:
    config = load_config(config_file=str(ROOT / "mkdocs.yml"))
    before = list(config["markdown_extensions"]), dict(config["mdx_configs"])
    assert "admonition" in before[0]
    file = File("case-studies/example.md", None, "site", use_directory_urls=True)
    file.content_string = STORY
    page = StoryPage(None, file, config)
    page.read_source(config)
    page.render(config, Files([file]))
    assert (list(config["markdown_extensions"]), dict(config["mdx_configs"])) == before
    html = page.content or ""
    assert '<h2 id="what-changed">' in html  # toc
    assert "<dl>" in html and 'class="footnote"' in html  # def_list, footnotes
    assert "admonition" not in html and "!!! note" in html
    assert set(STORY_EXTENSIONS) <= set(before[0])
