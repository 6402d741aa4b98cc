"""Fixture sites built into a temporary folder, as a fork would build them."""

from __future__ import annotations

from bs4 import BeautifulSoup

from tests.support.sites import Build


def test_minimal_fixture_builds_and_names_its_publisher(minimal_build: Build) -> None:
    build = minimal_build
    assert build.ok, build.log
    soup = BeautifulSoup((build.site_dir / "index.html").read_text(), "html.parser")
    assert "Fixture Organisation" in soup.select_one(".md-copyright").get_text()
    assert soup.title.get_text().endswith("Minimal Fixture")
