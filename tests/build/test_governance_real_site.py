"""Review dates, feedback, what's new and the feed on the real site."""

from __future__ import annotations

import xml.etree.ElementTree as ET
from pathlib import Path
from urllib.parse import urlsplit

from bs4 import BeautifulSoup

from hooks.governance.reviews import is_content_page
from tests.support.sites import ROOT

NS = {"a": "http://www.w3.org/2005/Atom"}


def _content_pages(site_dir: Path) -> list[Path]:
    """The built page of every content page in docs/ (not generated listings)."""
    docs = ROOT / "docs"
    built = []
    for source in sorted(docs.rglob("*.md")):
        uri = source.relative_to(docs).with_suffix("").as_posix()
        if is_content_page(uri + ".md"):
            folder = uri.removesuffix("index").rstrip("/")
            built.append(site_dir / folder / "index.html")
    assert built
    return built


def test_every_content_page_shows_its_review_dates_and_a_feedback_link(
    site_dir: Path, site_config: object
) -> None:
    repo = site_config["repo_url"].rstrip("/")
    for path in _content_pages(site_dir):
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        end = soup.select_one("article > .page-end")
        assert end is not None, path
        assert (
            end.select_one(".page-end__review")
            .get_text(" ", strip=True)
            .startswith("Last reviewed:")
        ), path
        link = end.find("a", string="Help us improve this page")
        assert link["href"].startswith(f"{repo}/issues/new?title="), path


def test_the_feed_is_valid_atom_with_absolute_links_on_this_site(
    site_dir: Path, site_config: object
) -> None:
    root = ET.fromstring((site_dir / "feed.xml").read_bytes())  # noqa: S314 - our own build
    entries = root.findall("a:entry", NS)
    assert entries
    for entry in entries:
        href = entry.find("a:link", NS).get("href")
        assert href.startswith(site_config["site_url"])
        assert entry.findtext("a:id", namespaces=NS).startswith("tag:")
        local = site_dir / urlsplit(href).path.removeprefix(urlsplit(site_config["site_url"]).path)
        assert (local / "index.html").is_file(), href
    dates = [e.findtext("a:updated", namespaces=NS) for e in entries]
    assert dates == sorted(dates, reverse=True)


def test_whats_new_and_contribute_are_under_about_this_site(site_dir: Path) -> None:
    soup = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    nav = soup.select_one("nav.md-nav--primary")
    labels = [" ".join(a.get_text().split()) for a in nav.select("a.md-nav__link")]
    assert "What's new" in labels and "Contribute" in labels
    contribute = (site_dir / "contribute" / "index.html").read_text(encoding="utf-8")
    assert "Build errors and how to fix them" in contribute
