"""A fork's plugins and Markdown extensions must add to ours, never replace them."""

from __future__ import annotations

from hooks.brand.fork import list_settings


def test_mappings_add_to_ours_and_pass() -> None:
    text = "site_name: Fork\nplugins:\n  tags: {}\nmarkdown_extensions:\n  pymdownx.keys: {}\n"
    assert list_settings(text, "mkdocs.yml") == []


def test_each_list_is_named_with_its_line_and_the_fix() -> None:
    text = (
        "site_name: Fork\nplugins:\n  - tags\nmarkdown_extensions:\n"
        "  - pymdownx.emoji:\n      emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
    )
    problems = list_settings(text, "mkdocs.yml")
    assert [(p.line, p.field) for p in problems] == [(2, "plugins"), (4, "markdown_extensions")]
    assert "replaces the guide's Markdown extensions (note boxes, footnotes, tabs)" in str(
        problems[1]
    )
    assert "Fix: write each entry as 'name:' with its settings indented under it" in str(
        problems[0]
    )


def test_a_config_without_either_setting_or_with_broken_yaml_is_left_to_mkdocs() -> None:
    assert list_settings("site_name: Fork\n", "mkdocs.yml") == []
    assert list_settings("site_name: [Fork\n", "mkdocs.yml") == []
