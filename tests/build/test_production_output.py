"""What the published site ships: cacheable names, no source maps, minified pages."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup


def test_no_source_maps_or_unused_search_engine_are_published(site_dir: Path) -> None:
    assert not list(site_dir.rglob("*.map"))
    assert not (site_dir / "assets" / "javascripts" / "lunr").exists()
    assert not (site_dir / "assets" / "javascripts" / "workers").exists()


def test_every_local_css_and_js_file_has_a_content_hash_in_its_name(site_dir: Path) -> None:
    assets = [
        p
        for p in (site_dir / "assets").rglob("*")
        if p.suffix in {".css", ".js"} and p.parent.name in {"stylesheets", "javascripts"}
    ]
    assert assets
    unhashed = [
        p.name for p in assets if not re.search(r"\.[0-9a-f]{8}(\.min)?\.(css|js)$", p.name)
    ]
    assert not unhashed


def test_pages_load_only_assets_that_exist(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    refs = [t["href"] for t in soup.select("link[rel=stylesheet]")]
    refs += [t["src"] for t in soup.select("script[src]")]
    assert refs
    for ref in refs:
        assert (site_dir / ref).is_file(), ref


@pytest.mark.parametrize("page", ["index.html", "case-studies/index.html", "404.html"])
def test_pages_are_minified(site_dir: Path, page: str) -> None:
    html = (site_dir / page).read_text(encoding="utf-8")
    assert "\n\n" not in html
    assert "\n  <" not in html  # no indented markup left
