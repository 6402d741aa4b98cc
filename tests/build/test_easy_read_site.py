"""The guide's Easy Read pages, as built: rows of picture and words, linked both ways.

Every page whose front matter has `easy_read` is checked; its standard page
is the one it names. Links are followed on disk, so a wrong `../` fails.
"""

from __future__ import annotations

import posixpath
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.easy_read import DOCS, easy_read_pages, url_path

EASY_READ = easy_read_pages()


def _built(site_dir: Path, src: str) -> Path:
    return site_dir / url_path(src) / "index.html"


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _target(site_dir: Path, page: Path, href: str) -> Path:
    """The file a relative link on `page` opens."""
    folder = page.parent.relative_to(site_dir).as_posix()
    path = site_dir / posixpath.normpath(posixpath.join(folder, href.split("#")[0]))
    return path / "index.html" if path.is_dir() else path


def test_the_guide_has_its_six_easy_read_pages() -> None:
    assert len(EASY_READ) == 6
    assert all(src.startswith("easy-read/") for src in EASY_READ)


@pytest.mark.parametrize(("easy", "standard"), sorted(EASY_READ.items()))
def test_an_easy_read_page_and_its_standard_page_link_to_each_other(
    site_dir: Path, easy: str, standard: str
) -> None:
    easy_page, standard_page = _built(site_dir, easy), _built(site_dir, standard)
    forward = _soup(standard_page).select_one("article a:-soup-contains('Easy Read version')")
    assert forward is not None, f"{standard} has no Easy Read version link"
    assert _target(site_dir, standard_page, forward["href"]) == easy_page
    back = _soup(easy_page).select_one("article a:-soup-contains('Standard version')")
    assert back is not None, f"{easy} has no Standard version link"
    assert _target(site_dir, easy_page, back["href"]) == standard_page


@pytest.mark.parametrize("easy", sorted(EASY_READ))
def test_every_easy_read_page_is_rows_and_every_row_has_a_picture_that_exists(
    site_dir: Path, easy: str
) -> None:
    page = _built(site_dir, easy)
    article = _soup(page).select_one("article")
    rows = article.select(".easy-read-point")
    assert len(rows) >= 3
    for row in rows:
        (picture,) = row.select(":scope > .easy-read-picture > img")
        assert _target(site_dir, page, picture["src"]).is_file(), picture["src"]
        assert row.select_one(":scope > .easy-read-words").get_text(strip=True)
    # Every picture of the page's text is in a row, and so is every paragraph.
    text = article.select_one("[data-pagefind-body]")
    assert len(text.select("img")) == len(rows)
    assert [p for p in text.select("p") if not p.find_parent(class_="easy-read-point")] == []


@pytest.mark.parametrize("easy", sorted(EASY_READ))
def test_an_easy_read_page_has_no_sidebars_and_its_own_styles(site_dir: Path, easy: str) -> None:
    soup = _soup(_built(site_dir, easy))
    for sidebar in soup.select(".md-sidebar"):
        assert sidebar.has_attr("hidden"), sidebar.get("class")
    assert any("easy-read." in (link.get("href") or "") for link in soup.select("link"))


def test_easy_read_styles_load_only_on_easy_read_pages(site_dir: Path) -> None:
    soup = _soup(site_dir / "guides" / "paying-people" / "index.html")
    assert not any("easy-read." in (link.get("href") or "") for link in soup.select("link"))


def test_easy_read_pictures_are_written_in_markdown_so_their_addresses_are_rewritten() -> None:
    raw = [src for src in EASY_READ if "<img" in (DOCS / src).read_text(encoding="utf-8")]
    assert raw == []
