"""The default share image: what a link to the site shows when it is shared.

`share_png` draws a 1200 x 630 PNG (the size Open Graph and Twitter's large
summary card use) in the brand's colours: the site's name on the primary
colour, in white or near-black, whichever reads better on it, above a band
of the accent colour. A pure function: the brand hook writes its bytes to
`assets/images/share.png` and overrides/main.html points og:image at it.

The name is drawn in Lato Bold (SIL Open Font License), from the readthedocs
theme that MkDocs installs, so a build needs no font of its own and nothing
from the network, and the same inputs give the same bytes. Pillow's own font
draws the letters of many Welsh and Irish names (ŵ, ŷ, â, ú) and dashes as
boxes; it is used only where that theme is missing.
"""

from __future__ import annotations

import io
from pathlib import Path

import mkdocs
from PIL import Image, ImageDraw, ImageFont

from hooks.brand.palette import contrast

WIDTH, HEIGHT = 1200, 630
MARGIN = 80  # left and right, and above the band
BAND = 60  # the accent band's height, along the bottom
LARGEST, SMALLEST = 96, 40  # font sizes tried for the name, in steps of 4
LIGHT, DARK = "#ffffff", "#111111"
FONT = Path(mkdocs.__file__).parent / "themes" / "readthedocs" / "css" / "fonts" / "lato-bold.woff"


def _font(size: int) -> ImageFont.FreeTypeFont:
    if FONT.is_file():
        return ImageFont.truetype(str(FONT), size)
    return ImageFont.load_default(size=size)


def text_colour(background: str) -> str:
    """White or near-black: whichever contrasts more with `background`."""
    return LIGHT if contrast(LIGHT, background) >= contrast(DARK, background) else DARK


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
        font = _font(size)
        lines = _wrap(draw, words, font, width)
        line_height = round(size * 1.2)
        fits = all(draw.textlength(line, font=font) <= width for line in lines)
        if fits and len(lines) <= 3 and line_height * len(lines) <= height:
            return font, lines, line_height
    font = _font(SMALLEST)
    return font, _wrap(draw, words, font, width)[:3], round(SMALLEST * 1.2)


def share_png(primary: str, accent: str, site_name: str) -> bytes:
    """A 1200 x 630 PNG: `site_name` on `primary`, over a band of `accent`.

    Colours are `#rrggbb` (palette.py has checked them); a primary colour
    that is not raises ValueError.
    """
    colour = text_colour(primary)
    image = Image.new("RGB", (WIDTH, HEIGHT), primary)  # Pillow reads #rrggbb itself
    draw = ImageDraw.Draw(image)
    draw.rectangle((0, HEIGHT - BAND, WIDTH, HEIGHT), fill=accent)
    font, lines, line_height = _layout(draw, " ".join(site_name.split()))
    top = (HEIGHT - BAND - line_height * len(lines)) // 2
    for i, line in enumerate(lines):
        draw.text((MARGIN, top + i * line_height), line, font=font, fill=colour)
    out = io.BytesIO()
    image.save(out, format="PNG", optimize=True)
    return out.getvalue()
