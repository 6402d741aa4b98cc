"""A fork's own settings that would silently drop ours.

MkDocs' `INHERIT` merges mappings key by key but replaces a list whole. The
shared base (mkdocs.base.yml) writes `plugins:` and `markdown_extensions:` as
mappings, so a fork adds its own beside ours. A fork that writes either as a
list (`- name`) replaces ours: without the macros plugin the build fails in a
confusing way, and without our Markdown extensions it passes and ships raw
`!!! note` and `[^1]` text. The brand hook refuses a list at `on_config`,
naming the setting, its line and the form that works.
"""

from __future__ import annotations

import yaml

from hooks.common.errors import Problem

# The settings the base writes as mappings, and what a list would drop.
MERGED_SETTINGS = {
    "plugins": "the guide's own plugins (macros for case-study lists, redirects)",
    "markdown_extensions": "the guide's Markdown extensions (note boxes, footnotes, tabs)",
}


def list_settings(config_text: str, display: str) -> list[Problem]:
    """A problem for each merged setting that `config_text` writes as a list."""
    try:
        # Composing reads the structure only: tags such as !!python/name need no loading.
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return []  # MkDocs reports broken YAML itself, with its own message
    if not isinstance(root, yaml.MappingNode):
        return []
    problems = []
    for key, value in root.value:
        name = str(key.value)
        if name in MERGED_SETTINGS and isinstance(value, yaml.SequenceNode):
            problems.append(
                Problem(
                    display,
                    key.start_mark.line + 1,
                    name,
                    f"this is a list, which replaces {MERGED_SETTINGS[name]} "
                    "instead of adding to them",
                    "write each entry as 'name:' with its settings indented under it, not "
                    "'- name' (see 'Add plugins and Markdown extensions' in docs/fork.md)",
                )
            )
    return problems
