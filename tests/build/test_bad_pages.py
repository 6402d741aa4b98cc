"""Odd page files that must build normally, and do, in a real build.

tests/conftest.py's `minimal_build` is the minimal fixture site with these
files from tests/bad_inputs/pages/ added to docs/ and to its navigation. The
files that must be refused are checked without a build, in
tests/unit/content/test_bad_pages.py.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.sites import Build, copy_fixture, run_mkdocs_build


def _page(build: Build, name: str) -> BeautifulSoup:
    html = build.site_dir / name.removesuffix(".md") / "index.html"
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def test_page_starting_with_a_byte_order_mark_builds_normally(minimal_build: Build) -> None:
    build = minimal_build
    assert build.ok, build.log
    soup = _page(build, "bom.md")
    article = soup.select_one("article")
    assert soup.h1.get_text(strip=True).removesuffix("¶") == "Getting started"
    assert soup.title.get_text().startswith("Getting started")
    assert soup.select_one('meta[name="description"]')["content"] == "First steps in coproduction."
    # The front matter was read as front matter, not shown as text.
    assert "description:" not in article.get_text()
    assert "\ufeff" not in (build.site_dir / "bom" / "index.html").read_text(encoding="utf-8")


def test_template_syntax_on_a_page_without_opt_in_is_shown_as_text(minimal_build: Build) -> None:
    name = "macro_without_opt_in.md"
    build = minimal_build
    assert build.ok, build.log
    text = _page(build, name).select_one("article").get_text()
    assert "This page shows {{ ''.__class__ }} as plain text." in text
    assert "<class" not in text


def test_one_build_reports_the_problems_every_hook_found(tmp_path: Path) -> None:
    # A case study, a page's review date and a page's title: three hooks, one build.
    project = copy_fixture("case_study_site", tmp_path / "project")
    story = project / "case_studies" / "time-swap.md"
    story.write_text(story.read_text().replace("nation: Wales", "nation: Walse"))
    index = project / "docs" / "index.md"
    index.write_text(index.read_text().replace("2026-01-01", "01/01/2026"))
    (project / "docs" / "extra.md").write_text(
        "---\ntitle: yes\ndescription: A page.\nlast_reviewed: 2026-01-01\n---\n\n# Extra\n"
    )
    # Unreadable front matter is one problem, not also a missing review date.
    (project / "docs" / "broken.md").write_text("---\ntitle: B\n\tdescription: x\n---\n\n# B\n")
    build = run_mkdocs_build(project, tmp_path / "site")
    assert build.returncode != 0 and "Traceback" not in build.log
    for expected in (
        "The site was not built: 4 problems to fix:",
        "case_studies/time-swap.md:6: nation:",
        "docs/index.md:4: last_reviewed:",
        "docs/extra.md:2: title:",
        "docs/broken.md:3: (front matter):",
    ):
        assert expected in build.log, build.log


def test_a_page_saved_with_windows_line_endings_is_reported_at_the_right_line(
    tmp_path: Path,
) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    page = "---\ntitle: CRLF\ndescription: A page.\nlast_reviewed: 2026-12-01\n---\n\n# Hi\n\n"
    page += "Read [click here](index.md).\n"
    (project / "docs" / "crlf.md").write_bytes(page.replace("\n", "\r\n").encode())
    build = run_mkdocs_build(project, tmp_path / "site")
    assert "docs/crlf.md:9: link: the link text 'click here'" in build.log, build.log
