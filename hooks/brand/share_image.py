"""The default share image: what a link to the site shows when it is shared.

`share_png` draws a 1200 x 630 PNG (the size Open Graph and Twitter's large
summary card use) in the brand's colours: the site's name on the primary
colour, in white or near-black, whichever reads better on it, above a band
of the accent colour. A pure function: the brand hook writes its bytes to
`assets/images/share.png` and overrides/main.html points og:image at it.

Pillow draws it with its bundled font (ImageFont.load_default), so a build
needs no font files and nothing from the network, and the same inputs give
the same bytes.
"""

from __future__ import annotations

import io
import re

from PIL import Image, ImageDraw, ImageFont

WIDTH, HEIGHT = 1200, 630
MARGIN = 80  # left and right, and above the band
BAND = 60  # the accent band's height, along the bottom
LARGEST, SMALLEST = 96, 40  # font sizes tried for the name, in steps of 4
LIGHT, DARK = (255, 255, 255), (17, 17, 17)

_HEX = re.compile(r"^#([0-9a-fA-F]{6})$")


def _rgb(colour: str) -> tuple[int, int, int]:
    """`#rrggbb` as (red, green, blue) in 0..255. Raises ValueError otherwise."""
    match = _HEX.match(colour.strip()) if isinstance(colour, str) else None
    if not match:
        raise ValueError(f"not a #rrggbb colour: {colour!r}")
    value = match.group(1)
    return int(value[0:2], 16), int(value[2:4], 16), int(value[4:6], 16)


def _luminance(rgb: tuple[int, int, int]) -> float:
    """WCAG relative luminance."""

    def channel(c: int) -> float:
        s = c / 255
        return s / 12.92 if s <= 0.04045 else ((s + 0.055) / 1.055) ** 2.4

    r, g, b = (channel(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def _contrast(a: tuple[int, int, int], b: tuple[int, int, int]) -> float:
    light, dark = sorted((_luminance(a), _luminance(b)), reverse=True)
    return (light + 0.05) / (dark + 0.05)


def text_colour(background: str) -> tuple[int, int, int]:
    """White or near-black: whichever contrasts more with `background`."""
    rgb = _rgb(background)
    return LIGHT if _contrast(LIGHT, rgb) >= _contrast(DARK, rgb) else DARK


def _wrap(draw: ImageDraw.ImageDraw, words: list[str], font: object, width: int) -> list[str]:
    """Words into lines no wider than `width` (a single long word stays whole)."""
    lines: list[str] = []
    for word in words:
        trial = f"{lines[-1]} {word}" if lines else word
        if lines and draw.textlength(trial, font=font) <= width:
            lines[-1] = trial
        else:
            lines.append(word)
    return lines


def _layout(draw: ImageDraw.ImageDraw, name: str) -> tuple[object, list[str], int]:
    """The largest font (and its lines) at which the name fits in three lines."""
    words = name.split() or [""]
    width, height = WIDTH - 2 * MARGIN, HEIGHT - BAND - 2 * MARGIN
    for size in range(LARGEST, SMALLEST - 1, -4):
        font = ImageFont.load_default(size=size)
        lines = _wrap(draw, words, font, width)
        line_height = round(size * 1.2)
        fits = all(draw.textlength(line, font=font) <= width for line in lines)
        if fits and len(lines) <= 3 and line_height * len(lines) <= height:
            return font, lines, line_height
    font = ImageFont.load_default(size=SMALLEST)
    return font, _wrap(draw, words, font, width)[:3], round(SMALLEST * 1.2)


def share_png(primary: str, accent: str, site_name: str) -> bytes:
    """A 1200 x 630 PNG: `site_name` on `primary`, over a band of `accent`.

    Colours are `#rrggbb`; anything else raises ValueError.
    """
    background, band = _rgb(primary), _rgb(accent)
    image = Image.new("RGB", (WIDTH, HEIGHT), background)
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - BAND, WIDTH, HEIGHT), fill=band)
    font, lines, line_height = _layout(draw, " ".join(site_name.split()))
    top = (HEIGHT - BAND - line_height * len(lines)) // 2
    colour = text_colour(primary)
    for i, line in enumerate(lines):
        draw.text((MARGIN, top + i * line_height), line, font=font, fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
