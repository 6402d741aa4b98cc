"""Brand colours from `extra.brand` in mkdocs.yml, checked for contrast.

`site_brand` validates `extra.brand` (hex colours, logo and favicon files)
and measures every colour against the text drawn on it and the page
background in the light and dark schemes (`contrast`, WCAG 2). Each problem
names the measured contrast and the nearest passing shade (`nearest_passing`);
the brand hook raises them all at once. `brand_css` gives the colours as CSS
custom properties, published as a file, not an inline style, so the
Content-Security-Policy needs no exception. Pure functions, no MkDocs:
share_image.py uses `contrast` too.
"""

from __future__ import annotations

import colorsys
import math
import re
from pathlib import Path
from typing import Any

from hooks.brand.fork import extra_lines
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
HEX = re.compile(r"^#[0-9a-fA-F]{6}$")


def parse_hex(value: str) -> tuple[float, float, float]:
    """`#rrggbb` as red, green, blue in 0..1. Raises ValueError otherwise."""
    if not isinstance(value, str) or not HEX.match(value.strip()):
        raise ValueError(f"not a #rrggbb colour: {value!r}")
    v = value.strip()
    return tuple(int(v[i : i + 2], 16) / 255 for i in (1, 3, 5))  # type: ignore[return-value]


def to_hex(rgb: tuple[float, float, float]) -> str:
    return "#" + "".join(f"{round(max(0.0, min(1.0, c)) * 255):02x}" for c in rgb)


def luminance(hex_colour: str) -> float:
    """Relative luminance as WCAG 2 defines it."""

    def channel(c: float) -> float:
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in parse_hex(hex_colour))
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast(a: str, b: str) -> float:
    """WCAG contrast ratio of two colours, from 1 to 21."""
    hi, lo = sorted((luminance(a), luminance(b)), reverse=True)
    return (hi + 0.05) / (lo + 0.05)


def nearest_passing(colour: str, against: list[str], minimum: float) -> str | None:
    """The shade of `colour` closest in HSL lightness that meets `minimum` against all.

    Hue and saturation stay; only lightness moves, in steps of 0.5 %, both
    ways, so the suggestion still looks like the brand colour.
    """
    h, lightness, s = colorsys.rgb_to_hls(*parse_hex(colour))
    for step in range(201):
        for sign in (-1, 1):
            candidate_l = lightness + sign * step / 200
            if not 0 <= candidate_l <= 1:
                continue
            candidate = to_hex(colorsys.hls_to_rgb(h, candidate_l, s))
            if all(contrast(candidate, other) >= minimum for other in against):
                return candidate
    return None


def key_lines(config_text: str) -> dict[str, int]:
    """Line numbers of `brand:` and the keys under it in mkdocs.yml, for messages."""
    return {
        name.removeprefix("brand."): line
        for name, line in extra_lines(config_text).items()
        if name == "brand" or name.startswith("brand.")
    }


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
            # Unquoted, "#1d4f76" starts a YAML comment: the value is then missing.
            shown = "missing" if value is None else f"{value!r}, not a colour like #1d4f76"
            problems.append(
                Problem(
                    where,
                    lines.get(name, lines.get("brand", 1)),
                    f"extra.brand.{name}",
                    f"this is {shown}",
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
                    # Rounded down: 4.497 shown as 4.50 would read as passing.
                    f"{colours[name]} has contrast {math.floor(ratio * 100) / 100:.2f}:1 for "
                    f"{where_used}, below {TEXT}:1",
                    f"use {shade}, the nearest shade that passes",
                )
            )
    return colours, problems


# The picture formats browsers show as a logo or a favicon.
IMAGE_SUFFIXES = (".svg", ".png", ".ico", ".jpg", ".jpeg", ".webp", ".gif")


def site_brand(
    brand: dict[str, Any] | None, config_file: Path, docs_dir: Path
) -> tuple[dict[str, str], dict[str, str], list[Problem]]:
    """The checked colours, the logo and favicon paths, and every problem.

    `brand` is `extra.brand` from mkdocs.yml (the guide's own when unset);
    `config_file` is read only to give each problem its line.
    """
    where = config_file.name
    lines = key_lines(config_file.read_text(encoding="utf-8"))
    if brand is not None and not isinstance(brand, dict):
        problem = Problem(
            where,
            lines.get("brand", 1),
            "extra.brand",
            "this should be the brand's settings, each on its own line under it",
            "indent primary:, accent:, logo: and favicon: under brand:, as in the guide's "
            "own mkdocs.yml",
        )
        return {}, {}, [problem]
    brand = dict(brand or DEFAULT_BRAND)
    colours, problems = check_brand(brand, where, lines)
    images: dict[str, str] = {}
    for key in ("logo", "favicon"):
        value = brand.get(key)
        if value and (
            not isinstance(value, str)
            or Path(value).suffix.lower() not in IMAGE_SUFFIXES
            or not (docs_dir / value).resolve().is_relative_to(docs_dir.resolve())
            or not (docs_dir / value).is_file()
        ):
            problems.append(
                Problem(
                    where,
                    lines.get(key, 1),
                    f"extra.brand.{key}",
                    f"{value} is not a picture in docs/",
                    "give the path of an .svg, .png or .ico file inside docs/, like "
                    "assets/images/logo.svg",
                )
            )
        elif value:
            images[key] = value
    return colours, images, problems


def brand_css(templates: str, colours: dict[str, str]) -> str:
    """The colours as CSS custom properties (overrides/fragments/brand.css)."""
    return fragments.render(templates, "brand.css", brand=colours, on_primary=WHITE, bg=SCHEMES)
