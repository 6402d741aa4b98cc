"""Finding Material's bundle among the theme's files (hooks/output/production.py)."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from hooks.output.production import find_bundle


def test_the_fingerprinted_bundle_is_found_among_the_themes_files() -> None:
    files = [
        "assets/javascripts/bundle.a5f9d56c.min.js",
        "assets/javascripts/bundle.a5f9d56c.min.js.map",
        "assets/javascripts/a11y.js",
        "assets/stylesheets/main.57a0d79d.min.css",
    ]
    assert find_bundle(files) == "assets/javascripts/bundle.a5f9d56c.min.js"


@pytest.mark.parametrize(
    "files",
    [
        ["assets/javascripts/a11y.js"],
        ["assets/javascripts/bundle.aaaa1111.min.js", "assets/javascripts/bundle.bbbb2222.min.js"],
    ],
    ids=["none", "two"],
)
def test_anything_but_one_bundle_stops_the_build_with_a_fix(files: list[str]) -> None:
    with pytest.raises(PluginError, match=r"expected one Material bundle.*Fix: "):
        find_bundle(files)
