"""Brand colours: WCAG contrast arithmetic and the build's brand check."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from hooks.brand.palette import (
    SCHEMES,
    check_brand,
    contrast,
    key_lines,
    nearest_passing,
    parse_hex,
    site_brand,
)
from tests.support.sites import FIXTURES


def test_contrast_matches_wcag_reference_values() -> None:
    assert contrast("#000000", "#ffffff") == pytest.approx(21.0)
    assert contrast("#ffffff", "#ffffff") == pytest.approx(1.0)
    assert contrast("#767676", "#ffffff") == pytest.approx(4.54, abs=0.01)


def test_nearest_passing_shade_passes_and_keeps_the_hue() -> None:
    shade = nearest_passing("#7fb3e0", ["#ffffff"], 4.5)
    assert shade is not None and contrast(shade, "#ffffff") >= 4.5
    assert contrast(shade, "#ffffff") < 4.8  # the nearest, not just any dark colour
    r, g, b = parse_hex(shade)
    assert b > g > r  # still a blue


def test_the_guide_brand_passes_in_both_schemes() -> None:
    colours, problems = check_brand({"primary": "#1d4f76", "accent": "#8a3a00"}, "mkdocs.yml")
    assert problems == []
    assert contrast(colours["dark_primary"], SCHEMES["dark"]) >= 4.5
    assert contrast(colours["dark_accent"], SCHEMES["dark"]) >= 4.5


def test_a_pale_accent_fails_with_contrast_ratio_and_shade() -> None:
    _, problems = check_brand(
        {"primary": "#1d4f76", "accent": "#ffb77a"}, "mkdocs.yml", {"accent": 9}
    )
    assert [str(p) for p in problems] == [
        "mkdocs.yml:9: extra.brand.accent: #ffb77a has contrast 1.70:1 for hovered links and "
        "focus on the light page, below 4.5:1. Fix: use #bf5800, the nearest shade that passes"
    ]


def test_a_dark_scheme_colour_given_too_dark_fails() -> None:
    _, problems = check_brand(
        {"primary": "#1d4f76", "accent": "#8a3a00", "dark_primary": "#1d4f76"}, "mkdocs.yml"
    )
    assert len(problems) == 1 and "link text on the dark page" in problems[0].problem
    assert "contrast" in problems[0].problem


@pytest.mark.parametrize("value", ["blue", "#12345", "#gggggg", 123, None])
def test_a_colour_that_is_not_hex_is_reported(value: object) -> None:
    _, problems = check_brand({"primary": value, "accent": "#8a3a00"}, "mkdocs.yml")
    assert problems[0].field == "extra.brand.primary"
    assert "#" in problems[0].fix


def test_key_lines_finds_brand_keys_in_mkdocs_yml() -> None:
    text = "extra:\n  brand:\n    primary: '#000'\n    accent: '#111'\nnav:\n  - accent: x\n"
    assert key_lines(text) == {"brand": 2, "primary": 3, "accent": 4}


def test_a_brand_colour_below_contrast_is_refused_naming_a_passing_shade() -> None:
    # tests/fixtures/brand_low_contrast/, checked as the brand hook's on_config does.
    config = FIXTURES / "brand_low_contrast" / "mkdocs.yml"
    brand = yaml.safe_load(config.read_text(encoding="utf-8"))["extra"]["brand"]
    _, _, problems = site_brand(brand, config, config.parent / "docs")
    assert [str(p) for p in problems] == [
        "mkdocs.yml:6: extra.brand.primary: #7fb3e0 has contrast 2.22:1 for white header text "
        "on it and link text on the light page, below 4.5:1. "
        "Fix: use #2e7abc, the nearest shade that passes"
    ]


def test_a_brand_that_is_not_a_block_of_settings_is_refused(tmp_path: Path) -> None:
    config = tmp_path / "mkdocs.yml"
    config.write_text('extra:\n  brand: "#1d4f76"\n', encoding="utf-8")
    _, _, problems = site_brand("#1d4f76", config, tmp_path / "docs")
    assert [(p.line, p.field) for p in problems] == [(2, "extra.brand")]


@pytest.mark.parametrize("logo", [42, "index.md", "../mkdocs.yml", "assets/missing.svg"])
def test_a_logo_that_is_not_a_picture_inside_docs_is_refused(tmp_path: Path, logo: object) -> None:
    (tmp_path / "docs").mkdir()
    (tmp_path / "docs" / "index.md").write_text("# Home\n", encoding="utf-8")
    config = tmp_path / "mkdocs.yml"
    config.write_text(f"extra:\n  brand:\n    logo: {logo}\n", encoding="utf-8")
    brand = {"primary": "#1d4f76", "accent": "#8a3a00", "logo": logo}
    _, images, problems = site_brand(brand, config, tmp_path / "docs")
    assert images == {} and [(p.line, p.field) for p in problems] == [(3, "extra.brand.logo")]


def test_a_colour_left_unquoted_is_missing_at_the_brand_line_and_contrast_rounds_down() -> None:
    # primary: #1d4f76 without quotes is a YAML comment: the value is None.
    _, problems = check_brand({"primary": None, "accent": "#8a3a00"}, "mkdocs.yml", {"brand": 5})
    assert [str(p) for p in problems] == [
        "mkdocs.yml:5: extra.brand.primary: this is missing. "
        "Fix: write the colour as # and six hexadecimal digits, in quotes"
    ]
    # #098488 on white is 4.497:1: "4.50:1, below 4.5:1" would read as a pass.
    _, problems = check_brand({"primary": "#098488", "accent": "#8a3a00"}, "mkdocs.yml")
    assert "#098488 has contrast 4.49:1" in str(problems[0])
