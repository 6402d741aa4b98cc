"""The default share image: a 1200 x 630 PNG in the brand's colours."""

from __future__ import annotations

import io

import pytest
from PIL import Image

from hooks.brand.share_image import share_png, text_colour

PRIMARY, ACCENT = "#1d4f76", "#8a3a00"


def _image(data: bytes) -> Image.Image:
    image = Image.open(io.BytesIO(data))
    image.load()
    return image


def test_it_is_a_valid_png_of_the_open_graph_size() -> None:
    data = share_png(PRIMARY, ACCENT, "Coproduction Guide")
    assert data.startswith(b"\x89PNG\r\n\x1a\n")
    Image.open(io.BytesIO(data)).verify()
    image = _image(data)
    assert image.format == "PNG"
    assert image.size == (1200, 630)


def test_it_is_in_the_brand_colours_with_the_name_written_readably() -> None:
    image = _image(share_png(PRIMARY, ACCENT, "Coproduction Guide")).convert("RGB")
    assert image.getpixel((5, 5)) == (0x1D, 0x4F, 0x76)  # the primary colour behind
    assert image.getpixel((600, 625)) == (0x8A, 0x3A, 0x00)  # the accent band
    colours = {colour for _, colour in image.getcolors(maxcolors=100_000)}
    assert (255, 255, 255) in colours  # white letters on the dark primary
    assert text_colour("#f5d142") == "#111111"  # near-black on a light one
    dark = _image(share_png("#f5d142", ACCENT, "Coproduction Guide")).convert("RGB")
    assert (17, 17, 17) in {colour for _, colour in dark.getcolors(maxcolors=100_000)}


def test_the_same_brand_gives_the_same_bytes_and_another_brand_other_bytes() -> None:
    first = share_png(PRIMARY, ACCENT, "Coproduction Guide")
    assert first == share_png(PRIMARY, ACCENT, "Coproduction Guide")
    assert first != share_png("#004d40", ACCENT, "Coproduction Guide")
    assert first != share_png(PRIMARY, ACCENT, "Another Guide")


def test_a_long_name_still_fits_and_a_bad_colour_is_refused() -> None:
    long_name = "A very long organisation name for internal guidance on coproduction " * 3
    assert _image(share_png(PRIMARY, ACCENT, long_name)).size == (1200, 630)
    with pytest.raises(ValueError, match="#rrggbb"):
        share_png("navy", ACCENT, "Coproduction Guide")


def test_welsh_and_irish_letters_and_dashes_are_drawn_as_letters_not_boxes() -> None:
    box = share_png(PRIMARY, ACCENT, "\uffff")  # a character no font has: drawn as a box
    for letter in ("ŵ", "ŷ", "â", "Ú", "\u2013"):
        assert share_png(PRIMARY, ACCENT, letter) != box, letter
