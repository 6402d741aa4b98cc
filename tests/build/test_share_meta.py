"""Shared links look right: Open Graph and Twitter card tags on every page.

The private fork (tests/build/test_fork.py) checks that a private site
emits none of them.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.sites import html_pages

SHARE_IMAGE = "assets/images/share.png"
OPEN_GRAPH = (
    "og:title",
    "og:description",
    "og:url",
    "og:site_name",
    "og:type",
    "og:locale",
    "og:image",
    "og:image:width",
    "og:image:height",
    "og:image:alt",
)


def _tags(soup: BeautifulSoup) -> dict[str, str]:
    found = {m["property"]: m["content"] for m in soup.select("meta[property^='og:']")}
    found |= {m["name"]: m["content"] for m in soup.select("meta[name^='twitter:']")}
    return found


def test_every_page_says_how_a_shared_link_to_it_looks(site_dir: Path, site_config: object) -> None:
    site_url = site_config["site_url"]
    pages = [p for p in html_pages(site_dir) if p.name != "404.html"]
    assert len(pages) >= 50
    for path in pages:
        soup = BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")
        tags = _tags(soup)
        where = path.relative_to(site_dir).as_posix()
        assert set(OPEN_GRAPH) <= set(tags), f"{where}: missing {set(OPEN_GRAPH) - set(tags)}"
        assert tags["og:url"] == soup.find("link", rel="canonical")["href"], where
        assert tags["og:url"].startswith(site_url), where
        assert tags["og:site_name"] == site_config["site_name"], where
        assert tags["og:locale"] == "en_GB", where
        assert tags["og:type"] in ("website", "article"), where
        assert tags["og:image"] == site_url + SHARE_IMAGE, where
        assert (tags["og:image:width"], tags["og:image:height"]) == ("1200", "630"), where
        assert tags["og:image:alt"], where
        assert tags["og:title"] and tags["og:description"], where
        assert tags["twitter:card"] == "summary_large_image", where


def test_a_pages_own_title_and_description_are_shared(site_dir: Path) -> None:
    page = site_dir / "guides" / "getting-started" / "index.html"
    soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
    tags = _tags(soup)
    assert tags["og:title"] == "Getting started with coproduction"
    assert tags["og:description"] == soup.find("meta", attrs={"name": "description"})["content"]
    assert tags["og:type"] == "article"
    home = BeautifulSoup((site_dir / "index.html").read_text(encoding="utf-8"), "html.parser")
    assert _tags(home)["og:type"] == "website"
    assert _tags(home)["og:title"] == "Coproduction Guide"
