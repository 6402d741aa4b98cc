"""A fork's plugins and Markdown extensions add to ours; what it says about itself is checked."""

from __future__ import annotations

import yaml

from hooks.brand.fork import (
    identity_problems,
    list_settings,
    missing_hooks,
    palette_problems,
    remote_asset_problems,
    theme_image_problems,
)
from tests.support.sites import ROOT


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


def test_an_empty_setting_drops_ours_as_a_list_would_and_is_named() -> None:
    text = "site_name: Fork\nplugins:\n# none of our own\nmarkdown_extensions:\n"
    problems = list_settings(text, "mkdocs.yml")
    assert [(p.line, p.field) for p in problems] == [(2, "plugins"), (4, "markdown_extensions")]
    assert "this is empty, which replaces the guide's own plugins" in str(problems[0])


UPSTREAM = """site_name: Guide
extra:
  organisation:
    name: Riverside Trust
    url: https://riverside.example/
    contact_email: hello@riverside.example
  private: false
"""


def _identity(text: str) -> list[str]:
    return [str(p) for p in identity_problems(yaml.safe_load(text), text, "mkdocs.yml")]


def test_a_complete_identity_passes() -> None:
    assert _identity(UPSTREAM) == []


def test_an_empty_site_name_is_named_at_its_line() -> None:
    assert _identity(UPSTREAM.replace("site_name: Guide", 'site_name: " "')) == [
        "mkdocs.yml:1: site_name: this is empty. "
        "Fix: write the guide's name, as readers will see it on every page"
    ]


def test_every_wrong_identity_setting_is_named_at_its_line() -> None:
    text = (
        UPSTREAM.replace("hello@riverside.example", "hello at riverside")
        .replace("https://riverside.example/", "javascript:alert(1)")
        .replace("private: false", 'private: "false"')
        .replace("    name: Riverside Trust\n", "")
    )
    assert _identity(text) == [
        "mkdocs.yml:3: extra.organisation.name: this is missing or empty. "
        "Fix: write the organisation's name",
        "mkdocs.yml:5: extra.organisation.contact_email: 'hello at riverside' is not an email "
        "address. Fix: write it as name@example.org",
        "mkdocs.yml:4: extra.organisation.url: 'javascript:alert(1)' is not a web address. "
        "Fix: write the organisation's website, starting https://",
        "mkdocs.yml:6: extra.private: 'false' is not true or false. "
        "Fix: write private: true for internal guidance, or private: false",
    ]


def test_an_organisation_that_is_not_a_block_of_settings_is_named() -> None:
    text = "site_name: Guide\nextra:\n  organisation: Riverside Trust\n"
    found = _identity(text)
    assert found[0].startswith("mkdocs.yml:3: extra.organisation: this should be the ")
    assert len(found) == 1


def test_a_site_with_no_organisation_is_told_to_add_it() -> None:
    # The accessibility statement then linked an empty email address, and the
    # build blamed that page (found by a bug hunt).
    text = "site_name: Guide\nextra:\n  private: false\n"
    assert _identity(text) == [
        "mkdocs.yml:2: extra.organisation: this is missing: pages name the publisher, and "
        "the accessibility statement gives its email. Fix: add organisation: under extra:, "
        "with name:, url: and contact_email: indented under it, as in the guide's own mkdocs.yml"
    ]


def test_an_email_written_as_a_link_and_analytics_are_named() -> None:
    # Both built silently: "mailto:mailto:…" in every footer, and an analytics
    # script the security policy blocks (found by a bug hunt).
    text = UPSTREAM.replace("hello@", "mailto:hello@").replace(
        "  private: false\n", "  private: false\n  analytics:\n    provider: google\n"
    )
    assert _identity(text) == [
        "mkdocs.yml:6: extra.organisation.contact_email: 'mailto:hello@riverside.example' is "
        "not an email address. Fix: write it as name@example.org",
        "mkdocs.yml:8: extra.analytics: the guide loads nothing from other sites, so its "
        "security policy would block the analytics script. Fix: delete analytics: (the guide "
        "does not track its readers)",
    ]


def test_a_fork_hooks_list_must_keep_the_guide_own_hooks() -> None:
    # INHERIT replaces lists, and MkDocs has no other way to write hooks.
    base = (ROOT / "mkdocs.base.yml").read_text(encoding="utf-8")
    ours = [line.split()[1] for line in base.splitlines() if line.startswith("  - hooks/")]
    only_theirs = "site_name: Fork\nhooks:\n  - my_hook.py\n"
    (problem,) = missing_hooks(only_theirs, base, "mkdocs.yml")
    assert (problem.line, problem.field) == (2, "hooks")
    assert "hooks/content/events.py" in problem.problem
    both = "site_name: Fork\nhooks:\n" + "".join(f"  - {h}\n" for h in [*ours, "my_hook.py"])
    assert missing_hooks(both, base, "mkdocs.yml") == []
    assert missing_hooks("site_name: Fork\n", base, "mkdocs.yml") == []


def test_a_palette_with_materials_own_colours_is_refused_but_ours_passes() -> None:
    ours = (
        "theme:\n  palette:\n    - scheme: default\n      primary: custom\n      accent: custom\n"
    )
    assert palette_problems(ours, "mkdocs.yml") == []
    theirs = ours.replace("primary: custom", "primary: indigo")
    assert [str(p) for p in palette_problems("site_name: G\n" + theirs, "mkdocs.yml")] == [
        "mkdocs.yml:3: theme.palette: this gives pages Material's own colours, which skip the "
        "brand colours and their contrast checks. Fix: delete theme: palette: and set your "
        "colours under extra: brand:, or give each scheme 'primary: custom' and "
        "'accent: custom' (see docs/fork.md)"
    ]
    assert palette_problems("theme:\n  palette: {primary: red}\n", "x") != []
    toggles_only = "theme:\n  palette:\n    - scheme: default\n    - scheme: slate\n"
    assert palette_problems(toggles_only, "x") != []  # no colour named: indigo
    assert palette_problems("theme: [broken\n", "x") == []


def test_a_logo_or_favicon_set_on_the_theme_is_sent_to_extra_brand() -> None:
    # A theme logo that was not there shipped as a broken image on every page,
    # and a theme favicon was silently replaced (found by a bug hunt).
    text = "site_name: Fork\ntheme:\n  logo: images/ours.png\n  favicon: images/f.ico\n"
    found = [str(p) for p in theme_image_problems(text, "mkdocs.yml")]
    assert found == [
        "mkdocs.yml:3: theme.logo: the guide sets this from extra: brand:, where the build "
        "checks the file exists. Fix: delete it here and give the file as logo: under extra: "
        "brand: (see docs/fork.md)",
        "mkdocs.yml:4: theme.favicon: the guide sets this from extra: brand:, where the build "
        "checks the file exists. Fix: delete it here and give the file as favicon: under "
        "extra: brand: (see docs/fork.md)",
    ]
    assert theme_image_problems("site_name: Fork\ntheme:\n  features: []\n", "x") == []


def test_a_file_from_another_site_in_extra_css_or_javascript_is_one_line() -> None:
    # It was refused once for every page, none naming mkdocs.yml (a bug hunt).
    text = (
        "site_name: Fork\nextra_css:\n  - https://fonts.example/css\n  - our.css\n"
        "extra_javascript:\n  - path: https://stats.example/s.js\n    defer: true\n"
    )
    assert [(p.line, p.field) for p in remote_asset_problems(text, "mkdocs.yml")] == [
        (3, "extra_css"),
        (6, "extra_javascript"),
    ]
    assert remote_asset_problems("extra_css:\n  - ours.css\n", "mkdocs.yml") == []
