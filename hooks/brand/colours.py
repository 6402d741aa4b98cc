"""Colour arithmetic for the brand check: WCAG contrast and the nearest passing shade.

Pure functions, no MkDocs: palette.py and share_image.py use them at build
time and the unit tests call them directly.
"""

from __future__ import annotations

import colorsys
import re

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
