"""Fixture sites built into a temporary folder, as a fork would build them."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.sites import build_fixture


def test_minimal_fixture_builds_and_names_its_publisher(tmp_path: Path) -> None:
    build = build_fixture("minimal", tmp_path)
    assert build.ok, build.log
    soup = BeautifulSoup((build.site_dir / "index.html").read_text(), "html.parser")
    assert "Fixture Organisation" in soup.select_one(".md-copyright").get_text()
    assert soup.title.get_text().endswith("Minimal Fixture")
