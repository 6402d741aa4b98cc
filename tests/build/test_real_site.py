"""Promises every built page of the real site keeps."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urlparse

import pytest
from bs4 import BeautifulSoup

from tests.support.sites import Build

Pages = dict[Path, BeautifulSoup]

# Where a page makes the browser fetch something, written out here rather
# than taken from the safety hook, so a tag the hook forgets is still caught.
FETCHING = {
    "script": ("src",),
    "link": ("href",),
    "img": ("src", "srcset"),
    "source": ("src", "srcset"),
    "input": ("src",),
    "iframe": ("src",),
    "frame": ("src",),
    "video": ("src", "poster"),
    "audio": ("src",),
    "track": ("src",),
    "embed": ("src",),
    "object": ("data",),
    "image": ("href", "xlink:href"),
    "use": ("href", "xlink:href"),
    "form": ("action",),
}
# <link rel> values that only name another page: the browser fetches nothing.
NAVIGATION_RELS = frozenset({"canonical", "alternate", "prev", "next", "author", "license"})
_CSS_URL = re.compile(r"url\(\s*['\"]?(?!data:)([^'\")]+)", re.IGNORECASE)


def _is_other_host(url: str) -> bool:
    parsed = urlparse(url.strip())
    return bool(parsed.netloc) or parsed.scheme not in ("", "data")


def test_site_builds_strictly_with_no_warning(built_site: Build) -> None:
    assert built_site.ok, built_site.log
    assert "Documentation built" in built_site.log


def test_every_page_has_exactly_one_h1(site_dir: Path, site_pages: Pages) -> None:
    wrong = {
        str(p.relative_to(site_dir)): n
        for p, soup in site_pages.items()
        if (n := len(soup.find_all("h1"))) != 1
    }
    assert not wrong, f"Pages without exactly one h1: {wrong}"


def test_every_page_title_ends_with_the_site_name(site_pages: Pages, site_config: object) -> None:
    name = site_config["site_name"]
    assert site_pages
    for path, soup in site_pages.items():
        title = soup.title
        assert title is not None and title.get_text(strip=True), f"{path}: no <title>"
        assert title.get_text(strip=True).endswith(name), f"{path}: {title.get_text()!r}"


def test_every_page_declares_its_language(site_pages: Pages) -> None:
    assert site_pages
    for path, soup in site_pages.items():
        assert soup.html.get("lang"), f"{path}: <html> has no lang"


@pytest.mark.parametrize("kind", ["html", "css"])
def test_nothing_is_loaded_from_another_host(site_dir: Path, site_pages: Pages, kind: str) -> None:
    found: list[str] = []
    if kind == "html":
        for path, soup in site_pages.items():
            for tag in soup.find_all(list(FETCHING)):
                rels = set(tag.get("rel") or [])
                if tag.name == "link" and rels and rels <= NAVIGATION_RELS:
                    continue
                for attr in FETCHING[tag.name]:
                    for url in (tag.get(attr) or "").split(","):
                        url = url.strip().split(" ")[0]
                        if url and _is_other_host(url):
                            found.append(f"{path.relative_to(site_dir)}: <{tag.name} {attr}={url}>")
    else:
        for path in sorted(site_dir.rglob("*.css")):
            for url in _CSS_URL.findall(path.read_text(encoding="utf-8")):
                if _is_other_host(url):
                    found.append(f"{path.relative_to(site_dir)}: url({url})")
    assert not found, "Third-party requests:\n" + "\n".join(found)
