"""Brand colours from `extra.brand` in mkdocs.yml, checked for contrast.

`site_brand` validates `extra.brand` (hex colours, logo and favicon files)
and measures every colour against the text drawn on it and the page
background in the light and dark schemes. Each problem names the measured
contrast and the nearest passing shade; the brand hook raises them all at
once. `brand_css` gives the colours as CSS custom properties, published as
a file, not an inline style, so the Content-Security-Policy needs no
exception.
"""

from __future__ import annotations

from pathlib import Path
from typing import Any

from hooks.brand.colours import contrast, nearest_passing, parse_hex
from hooks.common import fragments
from hooks.common.errors import Problem

WHITE = "#ffffff"
# Page backgrounds: white, and Material's slate background hsl(225, 15%, 14%).
SCHEMES = {"light": WHITE, "dark": "#1e2129"}
TEXT = 4.5  # WCAG 1.4.3, normal text
# Each colour: where it is used, and the colour it must reach 4.5:1 against there.
USES = {
    "primary": [
        ("white header text on it", WHITE),
        ("link text on the light page", SCHEMES["light"]),
    ],
    "accent": [("hovered links and focus on the light page", WHITE)],
    "dark_primary": [("link text on the dark page", SCHEMES["dark"])],
    "dark_accent": [("hovered links and focus on the dark page", SCHEMES["dark"])],
}
# Used when a site sets no extra.brand (fixture sites, say): the guide's own.
DEFAULT_BRAND = {"primary": "#1d4f76", "accent": "#8a3a00"}


def key_lines(config_text: str) -> dict[str, int]:
    """Line numbers of the keys under `brand:` in mkdocs.yml, for messages."""
    lines: dict[str, int] = {}
    indent = None
    for number, line in enumerate(config_text.splitlines(), start=1):
        stripped = line.lstrip()
        depth = len(line) - len(stripped)
        if stripped.startswith("brand:"):
            indent, lines["brand"] = depth, number
        elif indent is not None and stripped and not stripped.startswith("#"):
            if depth <= indent:
                break
            lines.setdefault(stripped.split(":", 1)[0].strip(), number)
    return lines


def check_brand(
    brand: dict[str, Any], where: str, lines: dict[str, int] | None = None
) -> tuple[dict[str, str], list[Problem]]:
    """Validate and complete the brand; return the colours and every problem."""
    lines = lines or {}
    problems: list[Problem] = []
    colours: dict[str, str] = {}
    for name in USES:
        value = brand.get(name)
        if value is None and name.startswith("dark_"):
            continue
        try:
            parse_hex(value)
            colours[name] = value.strip().lower()
        except ValueError:
            problems.append(
                Problem(
                    where,
                    lines.get(name, 1),
                    f"extra.brand.{name}",
                    f"{value!r} is not a colour like #1d4f76",
                    "write the colour as # and six hexadecimal digits, in quotes",
                )
            )
    if problems:
        return colours, problems
    for name, base in (("dark_primary", "primary"), ("dark_accent", "accent")):
        # Not given: the lightest-touch shade of the light colour that passes.
        colours.setdefault(name, nearest_passing(colours[base], [SCHEMES["dark"]], TEXT) or WHITE)
    for name, uses in USES.items():
        against = [other for _, other in uses]
        ratio = min(contrast(colours[name], other) for other in against)
        if ratio < TEXT:
            shade = nearest_passing(colours[name], against, TEXT)
            where_used = " and ".join(use for use, _ in uses)
            line = lines.get(name, lines.get(name.removeprefix("dark_"), 1))
            problems.append(
                Problem(
                    where,
                    line,
                    f"extra.brand.{name}",
                    f"{colours[name]} has contrast {ratio:.2f}:1 for {where_used}, below {TEXT}:1",
                    f"use {shade}, the nearest shade that passes",
                )
            )
    return colours, problems


def site_brand(
    brand: dict[str, Any] | None, config_file: Path, docs_dir: Path
) -> tuple[dict[str, str], dict[str, str], list[Problem]]:
    """The checked colours, the logo and favicon paths, and every problem.

    `brand` is `extra.brand` from mkdocs.yml (the guide's own when unset);
    `config_file` is read only to give each problem its line.
    """
    brand = dict(brand or DEFAULT_BRAND)
    where = config_file.name
    lines = key_lines(config_file.read_text(encoding="utf-8"))
    colours, problems = check_brand(brand, where, lines)
    images: dict[str, str] = {}
    for key in ("logo", "favicon"):
        value = brand.get(key)
        if value and not (docs_dir / value).is_file():
            problems.append(
                Problem(
                    where,
                    lines.get(key, 1),
                    f"extra.brand.{key}",
                    f"{value} is not in docs/",
                    "give a path inside docs/, like assets/images/logo.svg",
                )
            )
        elif value:
            images[key] = value
    return colours, images, problems


def brand_css(templates: str, colours: dict[str, str]) -> str:
    """The colours as CSS custom properties (overrides/fragments/brand.css)."""
    return fragments.render(templates, "brand.css", brand=colours, on_primary=WHITE, bg=SCHEMES)
