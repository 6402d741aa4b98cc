"""Old addresses of removed pages send readers to the page that replaced them."""

from __future__ import annotations

import re
from pathlib import Path
from urllib.parse import urljoin, urlparse

import pytest
from bs4 import BeautifulSoup

from tests.support.sites import html_pages, is_redirect_stub

# The old page's address and the page that replaced it (mkdocs.yml, redirect_maps).
OLD = "law/scotland-and-northern-ireland/index.html"
NEW = "law/scotland/index.html"
# Attributes through which a page can make the browser fetch or go somewhere.
URL_ATTRIBUTES = ("href", "src", "srcset", "action", "data", "poster", "formaction")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


@pytest.fixture(scope="module")
def stub(site_dir: Path) -> Path:
    path = site_dir / OLD
    assert path.is_file(), f"nothing is served at the old address {OLD}"
    return path


def _resolve(site_dir: Path, stub: Path, url: str) -> Path:
    """The file a relative address in the stub leads to (directory URLs end in /)."""
    base = "/" + stub.relative_to(site_dir).as_posix()
    target = urlparse(urljoin(base, url)).path.lstrip("/")
    return site_dir / (target + "index.html" if target.endswith("/") or not target else target)


def test_the_old_address_sends_readers_to_the_scotland_page(site_dir: Path, stub: Path) -> None:
    soup = _soup(stub)
    refresh = soup.find("meta", attrs={"http-equiv": "refresh"})
    assert refresh is not None, "the old address does not redirect"
    delay, _, url = refresh["content"].partition(";")
    assert delay.strip() == "0"
    url = url.strip().removeprefix("url=")
    targets = {url, soup.find("link", rel="canonical")["href"], soup.body.find("a")["href"]}
    # Without JavaScript the refresh works; with neither, the link is there to follow.
    assert {_resolve(site_dir, stub, t) for t in targets} == {site_dir / NEW}


def test_the_scotland_page_points_to_northern_irelands_at_once(site_dir: Path) -> None:
    page = _soup(site_dir / NEW).select_one("article")
    assert page.h1.get_text(strip=True).startswith("Scotland")
    first = page.find("p")
    assert first.find("a", href=re.compile(r"northern-ireland/")), first


def test_the_redirect_makes_no_third_party_request(stub: Path) -> None:
    html = stub.read_text(encoding="utf-8")
    soup = _soup(stub)
    urls = [tag[attr] for tag in soup.find_all(True) for attr in URL_ATTRIBUTES if tag.get(attr)]
    urls += [soup.find("meta", attrs={"http-equiv": "refresh"})["content"]]
    assert urls
    for url in urls:
        for part in url.replace(",", " ").split():
            assert not urlparse(part.removeprefix("0;").removeprefix("url=")).netloc, url
    # No address with a host anywhere: not in the script, the styles or the text.
    assert not re.search(r"(?:[a-z][a-z0-9+.-]*:)?//", html, re.IGNORECASE), html
    assert not soup.find(["img", "iframe", "object", "embed", "style", "video", "audio"])
    assert all(not script.get("src") for script in soup.find_all("script"))


def test_redirect_stubs_are_told_apart_from_pages(site_dir: Path, stub: Path) -> None:
    assert is_redirect_stub(stub)
    assert stub not in html_pages(site_dir)
    assert not is_redirect_stub(site_dir / NEW)
