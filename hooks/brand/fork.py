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

import re
from collections.abc import Mapping
from pathlib import Path
from typing import Any

import yaml

from hooks.common.errors import Problem

# The settings the base writes as mappings, and what a list would drop.
MERGED_SETTINGS = {
    "plugins": "the guide's own plugins (macros for case-study lists, redirects)",
    "markdown_extensions": "the guide's Markdown extensions (note boxes, footnotes, tabs)",
}


def _top_level(config_text: str) -> dict[str, tuple[int, yaml.Node]]:
    """mkdocs.yml's top-level settings: each one's line and YAML node.

    Composing reads the structure only, so tags such as !!python/name need no
    loading; broken YAML gives nothing (MkDocs reports it in its own words).
    """
    try:
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    if not isinstance(root, yaml.MappingNode):
        return {}
    return {str(key.value): (key.start_mark.line + 1, value) for key, value in root.value}


def _theme_settings(config_text: str) -> list[tuple[yaml.Node, yaml.Node]]:
    """The (key, value) nodes under a config's own `theme:`."""
    theme = _top_level(config_text).get("theme", (0, None))[1]
    return theme.value if isinstance(theme, yaml.MappingNode) else []


def theme_image_problems(config_text: str, display: str) -> list[Problem]:
    """`theme: logo:` or `favicon:` in a fork's file: the brand hook sets both from
    `extra.brand`, which checks the file is there; a theme one was never checked."""
    return [
        Problem(
            display,
            key.start_mark.line + 1,
            f"theme.{key.value}",
            "the guide sets this from extra: brand:, where the build checks the file exists",
            f"delete it here and give the file as {key.value}: under extra: brand: "
            "(see docs/fork.md)",
        )
        for key, _ in _theme_settings(config_text)
        if key.value in ("logo", "favicon")
    ]


def remote_asset_problems(config_text: str, display: str) -> list[Problem]:
    """`extra_css:` or `extra_javascript:` files from another site, each at its line.

    The pages' security policy would block them, so the page scan refuses what
    every page loads, once per page; named here, it is one line in mkdocs.yml.
    """
    settings, problems = _top_level(config_text), []
    for name in ("extra_css", "extra_javascript"):
        items = settings.get(name, (0, None))[1]
        for item in items.value if isinstance(items, yaml.SequenceNode) else []:
            value = item.value if isinstance(item, yaml.ScalarNode) else ""
            if isinstance(item, yaml.MappingNode):  # extra_javascript: - path: …
                value = next((v.value for k, v in item.value if k.value == "path"), "")
            if str(value).startswith(("http://", "https://", "//")):
                problems.append(
                    Problem(
                        display,
                        item.start_mark.line + 1,
                        name,
                        f"'{value}' is a file on another site, which the guide never loads "
                        "(the pages' security policy would block it)",
                        "save the file in docs/ and give its path there, or delete the line",
                    )
                )
    return problems


def list_settings(config_text: str, display: str) -> list[Problem]:
    """A problem for each merged setting that `config_text` writes as a list."""
    problems = []
    for name, (line, value) in _top_level(config_text).items():
        if name not in MERGED_SETTINGS:
            continue
        if isinstance(value, yaml.SequenceNode):
            shape = "a list"
        elif isinstance(value, yaml.ScalarNode) and not value.value.strip():
            shape = "empty"  # YAML's null: ours are dropped as a list would drop them
        else:
            continue
        problems.append(
            Problem(
                display,
                line,
                name,
                f"this is {shape}, which replaces {MERGED_SETTINGS[name]} "
                "instead of adding to them",
                "write each entry as 'name:' with its settings indented under it, not "
                "'- name', or delete the line (see 'Add plugins and Markdown extensions' "
                "in docs/fork.md)",
            )
        )
    return problems


def palette_problems(config_text: str, display: str) -> list[Problem]:
    """A fork's own `theme: palette:` whose schemes do not use our colours.

    It replaces the guide's light and dark schemes. Unless each says
    `primary: custom` and `accent: custom`, pages show Material's colours
    (indigo, when a scheme names none), which never pass through the brand
    colours' contrast checks.
    """
    for key, value in _theme_settings(config_text):
        if key.value != "palette":
            continue
        items = value.value if isinstance(value, yaml.SequenceNode) else [value]
        ours = [
            {k.value: getattr(v, "value", None) for k, v in item.value}
            for item in items
            if isinstance(item, yaml.MappingNode)
        ]
        if not ours or any(
            item.get("primary") != "custom" or item.get("accent") != "custom" for item in ours
        ):
            return [
                Problem(
                    display,
                    key.start_mark.line + 1,
                    "theme.palette",
                    "this gives pages Material's own colours, which skip the brand colours "
                    "and their contrast checks",
                    "delete theme: palette: and set your colours under extra: brand:, or give "
                    "each scheme 'primary: custom' and 'accent: custom' (see docs/fork.md)",
                )
            ]
    return []


BASE_CONFIG = "mkdocs.base.yml"  # what mkdocs.yml INHERITs: the guide's shared settings


def hooks_problems(config_file: Path) -> list[Problem]:
    """`missing_hooks` for a config file and the base it inherits, if it has one.

    The macros module calls this, not a hook: the macros plugin is listed
    under `plugins:` (a mapping a fork adds to), so it runs even when a fork's
    `hooks:` list leaves out every hook of ours.
    """
    base = config_file.parent / BASE_CONFIG
    if not base.is_file() or base == config_file:
        return []
    text = config_file.read_text(encoding="utf-8")
    return missing_hooks(text, base.read_text(encoding="utf-8"), config_file.name)


def missing_hooks(config_text: str, base_text: str, display: str) -> list[Problem]:
    """A fork's own `hooks:` list, if it leaves out any of the guide's hooks.

    MkDocs has no mapping form for hooks, and INHERIT replaces a list: a fork
    that adds a hook of its own must list ours too, or the build loses every
    check and generated page, and fails in a confusing way.
    """
    fork, base = _hooks_in(config_text), _hooks_in(base_text)
    if fork is None or base is None:
        return []
    line, listed = fork
    missing = [hook for hook in base[1] if hook not in listed]
    if not missing:
        return []
    return [
        Problem(
            display,
            line,
            "hooks",
            f"this list leaves out the guide's own hooks ({', '.join(missing)}), which it replaces",
            "copy the hooks: list from mkdocs.base.yml and add yours at the end",
        )
    ]


def _hooks_in(config_text: str) -> tuple[int, list[str]] | None:
    """The line of `hooks:` and the hooks it lists, or None if there is no list."""
    line, value = _top_level(config_text).get("hooks", (0, None))
    if not isinstance(value, yaml.SequenceNode):
        return None
    return line, [str(item.value) for item in value.value]


_EMAIL = re.compile(r"[^@\s:]+@[^@\s]+\.[^@\s]+")  # no "mailto:"


def identity_problems(settings: Mapping[str, Any], config_text: str, display: str) -> list[Problem]:
    """Problems in what a fork says about itself (`site_name`, `extra:`), each at its line.

    Every page prints the site's and the organisation's names and the contact email, and
    `private` decides whether search engines may index the site: a value of
    the wrong kind would otherwise end in a traceback, or in a site that is
    private (or public) by accident.
    """
    lines = extra_lines(config_text)
    problems: list[Problem] = []

    def add(key: str, problem: str, fix: str) -> None:
        line = lines.get(key) or lines.get(key.rsplit(".", 1)[0]) or lines.get("extra", 1)
        problems.append(Problem(display, line, f"extra.{key}", problem, fix))

    site_name = settings.get("site_name")
    if isinstance(site_name, str) and not site_name.strip():  # MkDocs reports it missing
        problems.append(
            Problem(display, lines.get("site_name", 1), "site_name", "this is empty",
                    "write the guide's name, as readers will see it on every page")
        )  # fmt: skip
    extra = settings.get("extra") or {}
    organisation = extra.get("organisation")
    given = isinstance(organisation, dict)  # its fields are checked only then
    if organisation is None:
        add(
            "organisation",
            "this is missing: pages name the publisher, and the accessibility statement "
            "gives its email",
            "add organisation: under extra:, with name:, url: and contact_email: indented "
            "under it, as in the guide's own mkdocs.yml",
        )
        organisation = {}
    elif not isinstance(organisation, dict):
        add(
            "organisation",
            "this should be the organisation's details, each on its own line under it",
            "indent name:, url: and contact_email: under organisation:, as in the guide's "
            "own mkdocs.yml",
        )
        organisation = {}
    for key, what in (("name", "the organisation's name"), ("contact_email", "an email address")):
        value = organisation.get(key)
        if given and (not isinstance(value, str) or not value.strip()):
            add(f"organisation.{key}", "this is missing or empty", f"write {what}")
    email = organisation.get("contact_email")
    if isinstance(email, str) and email.strip() and not _EMAIL.fullmatch(email.strip()):
        add("organisation.contact_email", f"{email!r} is not an email address",
            "write it as name@example.org")  # fmt: skip
    url = organisation.get("url")
    if url not in (None, "") and not str(url).startswith(("https://", "http://")):
        add("organisation.url", f"{url!r} is not a web address",
            "write the organisation's website, starting https://")  # fmt: skip
    if extra.get("analytics"):
        add("analytics", "the guide loads nothing from other sites, so its security policy "
            "would block the analytics script", "delete analytics: (the guide does not track "
            "its readers)")  # fmt: skip
    private = extra.get("private", False)
    if not isinstance(private, bool):
        add("private", f"{private!r} is not true or false",
            "write private: true for internal guidance, or private: false")  # fmt: skip
    return problems


def extra_lines(config_text: str) -> dict[str, int]:
    """The line of each setting under `extra:` in mkdocs.yml, by dotted name
    (`organisation.name`, `brand.primary`), for messages."""
    try:
        root = yaml.compose(config_text, Loader=yaml.SafeLoader)
    except yaml.YAMLError:
        return {}
    lines: dict[str, int] = {}
    stack = [(root, "")]
    while stack:
        node, prefix = stack.pop()
        if not isinstance(node, yaml.MappingNode):
            continue
        for key, value in node.value:
            name = f"{prefix}{key.value}"
            lines[name.removeprefix("extra.")] = key.start_mark.line + 1
            if name == "extra" or name.startswith("extra."):
                stack.append((value, f"{name}."))
    return lines
