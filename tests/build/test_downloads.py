"""Template downloads and the printable guide, in the real built site.

Every page under docs/forms-and-templates/ with `download: true` offers its
template as .docx beside it, listed near its title with format and
size; /print/ holds every navigation page in order, linked from the home page.
"""

from __future__ import annotations

import collections
import re
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from hooks.common.front_matter import parse_document
from tests.support.documents import docx_headings, read_docx
from tests.support.sites import ROOT, build_fixture_with_page

TEMPLATES = sorted(
    p
    for p in (ROOT / "docs" / "forms-and-templates").glob("*.md")
    if parse_document(p.read_text(encoding="utf-8"), p.name).meta.get("download") is True
)
FORMATS = {".docx": "a Word document"}
# The case-study index is a generated listing of cards: not printed.
NOT_PRINTED = {"case-studies/index.md"}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _template_headings(source: Path) -> list[str]:
    """The template's headings, read from the Markdown source by hand."""
    text = source.read_text(encoding="utf-8")
    template = text.split("\n## The template\n", 1)[1]
    return [m[1].strip() for m in re.finditer(r"^#{3,6} (.+)$", template, re.MULTILINE)]


def test_all_seven_templates_offer_downloads() -> None:
    assert len(TEMPLATES) == 7


@pytest.mark.parametrize("source", TEMPLATES, ids=lambda p: p.stem)
def test_each_template_downloads_as_a_document_with_its_headings(
    source: Path, site_dir: Path
) -> None:
    expected = _template_headings(source)
    assert len(expected) >= 5
    folder = site_dir / "forms-and-templates"
    docx_data = (folder / f"{source.stem}.docx").read_bytes()
    assert docx_headings(docx_data) == expected
    title = parse_document(source.read_text(encoding="utf-8"), source.name).meta["title"]
    assert read_docx(docx_data).core_properties.title == title
    assert "Guidance notes" not in [p.text for p in read_docx(docx_data).paragraphs]


@pytest.mark.parametrize("source", TEMPLATES, ids=lambda p: p.stem)
def test_each_template_page_lists_its_downloads_with_format_and_size(
    source: Path, site_dir: Path
) -> None:
    page = site_dir / "forms-and-templates" / source.stem / "index.html"
    soup = _soup(page)
    listing = soup.select_one("article .cg-downloads")
    assert listing is not None
    # Near the top: straight after the page's title.
    assert listing.find_previous_sibling("h1") is not None
    links = listing.select("a[href]")
    assert len(links) == len(FORMATS)
    for link, (extension, kind) in zip(links, FORMATS.items(), strict=True):
        target = (page.parent / link["href"]).resolve()
        assert target == (site_dir / "forms-and-templates" / f"{source.stem}{extension}").resolve()
        size = max(1, round(target.stat().st_size / 1024))
        assert link.get_text(" ", strip=True) == f"Download as {kind} ({extension}, {size} KB)"


def _nav_sources(nav: list[object]) -> list[str]:
    """Every Markdown file in the navigation, in order."""
    found: list[str] = []
    for entry in nav:
        values = entry.values() if isinstance(entry, dict) else [entry]
        for value in values:
            found.extend(_nav_sources(value) if isinstance(value, list) else [value])
    return found


def _url(src: str) -> str:
    """`understand/ladder.md` -> `understand/ladder/`; `index.md` -> ``."""
    stem = src.removesuffix(".md")
    if stem == "index" or stem.endswith("/index"):
        return stem.removesuffix("index")
    return stem + "/"


@pytest.fixture(scope="module")
def print_page(site_dir: Path) -> BeautifulSoup:
    return _soup(site_dir / "print" / "index.html")


def test_the_print_page_holds_every_navigation_page_in_order(
    print_page: BeautifulSoup, site_config: object
) -> None:
    expected = [_url(s) for s in _nav_sources(site_config["nav"]) if s not in NOT_PRINTED]
    sections = print_page.select("article section.cg-print-section")
    assert [s["data-page"] for s in sections] == expected
    assert len(sections) >= 45
    contents = [a["href"] for a in print_page.select("nav.cg-print-contents a")]
    assert contents == [f"#{s['id']}" for s in sections]
    for section in sections:  # each section has its own heading and text
        assert section.find("h2") is not None, section["data-page"]
        assert section.get_text(strip=True)


def test_the_print_page_has_one_h1_and_no_id_twice(print_page: BeautifulSoup) -> None:
    ids = [tag["id"] for tag in print_page.find_all(id=True)]
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []
    assert len(print_page.find_all("h1")) == 1


def test_links_inside_the_print_page_lead_to_its_sections(print_page: BeautifulSoup) -> None:
    anchors = [a["href"] for a in print_page.select("article a[href^='#']")]
    assert len(anchors) > 100
    ids = {tag["id"] for tag in print_page.select("[id]")}  # one pass, not one per link
    missing = [h for h in anchors if len(h) > 1 and h[1:] not in ids]
    assert missing == []
    home = print_page.select_one("section#home")
    assert home.select_one("a[href='#understand-what-is-coproduction']") is not None


def test_footnotes_stay_with_their_own_section(print_page: BeautifulSoup) -> None:
    refs = print_page.select("a.footnote-ref")
    assert refs, "some page in the guide has footnotes"
    for ref in refs:
        target = print_page.find(id=ref["href"][1:])
        assert target is not None
        assert target.find_parent("section") is ref.find_parent("section")


def test_the_print_page_is_secured_and_kept_out_of_search_and_the_menu(
    print_page: BeautifulSoup,
) -> None:
    assert print_page.select_one('meta[http-equiv="Content-Security-Policy"]') is not None
    assert print_page.select_one("[data-pagefind-body]") is None
    assert print_page.select_one('.md-nav a[href$="print/"]') is None


def test_the_home_page_links_to_the_print_page(site_dir: Path) -> None:
    link = _soup(site_dir / "index.html").find(
        "a", string=re.compile("Print the whole guide or save it as PDF")
    )
    assert link is not None
    assert (site_dir / link["href"]).resolve() == (site_dir / "print").resolve()


TEMPLATE_PAGE = b"""---
title: A form
description: A form to fill in.
download: %s
last_reviewed: 2026-12-01
---

# A form

## The template

### [Organisation name]: a form

| Question | Answer |
| --- | --- |
| Name | |
"""


def test_downloads_are_the_same_bytes_in_two_builds(tmp_path: Path) -> None:
    builds = [
        build_fixture_with_page("minimal", tmp_path / str(n), "form.md", TEMPLATE_PAGE % b"true")
        for n in (1, 2)
    ]
    assert all(b.ok for b in builds), builds[0].log
    for extension in FORMATS:
        first, second = (b.site_dir / f"form{extension}" for b in builds)
        assert first.read_bytes() == second.read_bytes()
    assert (builds[0].site_dir / "print" / "index.html").read_bytes() == (
        builds[1].site_dir / "print" / "index.html"
    ).read_bytes()


@pytest.mark.parametrize(
    ("page", "expected"),
    [
        (
            TEMPLATE_PAGE % b"docx",
            "docs/form.md:4: download: this should be true or false, but it is 'docx'. "
            "Fix: write 'download: true' to offer the template as a document, or delete the line",
        ),
        (
            TEMPLATE_PAGE.replace(b"## The template", b"## Template") % b"true",
            "docs/form.md:4: download: the page offers its template as a download, but has no "
            "'## The template' heading. Fix: put the heading '## The template' above the "
            "template, or delete this line",
        ),
        (
            TEMPLATE_PAGE.replace(b"download:", b"render_macros: true\ndownload:").replace(
                b"| Name | |", b"| Name | {{ link_to('index.md', 'home') }} |"
            )
            % b"true",
            "docs/form.md:17: download: the template calls a macro, but its Word document is "
            "made from the text as written, so the document would show the macro's code. "
            "Fix: write the words themselves in the template",
        ),
    ],
    ids=["not-true-or-false", "no-template-heading", "macro-in-the-template"],
)
def test_a_bad_download_field_fails_the_build_with_its_line(
    tmp_path: Path, page: bytes, expected: str
) -> None:
    build = build_fixture_with_page("minimal", tmp_path, "form.md", page)
    assert build.returncode != 0
    assert expected in build.log
    assert "Traceback" not in build.log
