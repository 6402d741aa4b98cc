"""A fork changes one file and gets its own site; upstream updates merge cleanly.

`fork_build` (tests/conftest.py) is a fork that has merged a later upstream
change to the shared machinery, built: every promise below holds after the
merge, and the merged tree builds strictly.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.fork import UPSTREAM_CHANGES, git
from tests.support.sites import Build, copy_fixture, html_pages, run_mkdocs_build

UPSTREAM_NAME = "Coproduction Guide"
FORK_NAME = "Riverside Wellbeing Trust"
TEXT_SUFFIXES = {".html", ".xml", ".json", ".csv", ".css", ".js", ".txt", ".svg", ".webmanifest"}


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def _output_texts(site_dir: Path) -> dict[str, str]:
    texts = {}
    for path in site_dir.rglob("*"):
        if path.suffix in TEXT_SUFFIXES:
            texts[str(path.relative_to(site_dir))] = path.read_text(encoding="utf-8")
        elif path.suffix == ".gz":
            texts[str(path.relative_to(site_dir))] = gzip.decompress(path.read_bytes()).decode()
    return texts


def test_no_output_file_names_the_upstream_organisation(fork_build: Build) -> None:
    named = [p for p, text in _output_texts(fork_build.site_dir).items() if UPSTREAM_NAME in text]
    assert not named, f"Upstream's name appears in: {named}"


def test_every_page_names_the_fork_as_publisher(fork_build: Build) -> None:
    for path in html_pages(fork_build.site_dir):
        assert FORK_NAME in _soup(path).select_one(".md-copyright").get_text(), path


def test_the_fork_has_its_own_colours_logo_and_favicon(fork_build: Build) -> None:
    site = fork_build.site_dir
    (brand_css,) = (site / "assets" / "stylesheets").glob("brand.*.css")
    css = brand_css.read_text(encoding="utf-8")
    assert "#00594f" in css and "#7a2e8c" in css
    assert "#1d4f76" not in css  # upstream's primary colour
    soup = _soup(site / "index.html")
    assert soup.select_one(".md-logo img")["src"].endswith("assets/images/riverside-logo.svg")
    assert soup.find("link", rel="icon")["href"].endswith("assets/images/riverside-favicon.svg")


def test_the_fork_drops_a_section_and_adds_its_own_page(fork_build: Build) -> None:
    site = fork_build.site_dir
    assert (site / "our-involvement-policy" / "index.html").is_file()
    assert not (site / "law").exists()
    nav_links = [a["href"] for a in _soup(site / "index.html").select(".md-nav a[href]")]
    assert any("our-involvement-policy" in href for href in nav_links)
    assert not any("law/" in href for href in nav_links)


def test_a_private_fork_is_not_indexed_and_says_it_is_internal(fork_build: Build) -> None:
    site = fork_build.site_dir
    assert not (site / "sitemap.xml").exists() and not (site / "sitemap.xml.gz").exists()
    assert not (site / "feed.xml").exists()
    assert "Disallow: /" in (site / "robots.txt").read_text()
    for path in html_pages(site):
        soup = _soup(path)
        assert soup.find("meta", attrs={"name": "robots", "content": "noindex, nofollow"}), path
        assert not soup.find("link", attrs={"type": "application/atom+xml"}), path
        banner = soup.select_one(".cg-private-banner")
        assert banner and banner.get_text(strip=True) == f"Internal guidance for {FORK_NAME}"


def test_a_public_site_has_a_sitemap_and_no_noindex(site_dir: Path) -> None:
    assert (site_dir / "sitemap.xml").is_file()
    assert "Sitemap:" in (site_dir / "robots.txt").read_text()
    assert not _soup(site_dir / "index.html").find("meta", attrs={"name": "robots"})


def test_a_config_that_inherits_mkdocs_yml_builds(tmp_path: Path) -> None:
    # A fork's mkdocs.yml inherits mkdocs.base.yml, as the minimal fixture's
    # does; a staging config inherits that in turn (two levels of INHERIT).
    project = copy_fixture("minimal", tmp_path / "project")
    (project / "mkdocs.staging.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_name: Staging copy\nsite_url: https://staging.example/\n",
        encoding="utf-8",
    )
    build = run_mkdocs_build(project, tmp_path / "site", config="mkdocs.staging.yml")
    assert build.ok, build.log
    assert _soup(build.site_dir / "index.html").title.get_text().endswith("Staging copy")


def test_upstream_changes_to_shared_files_merge_into_a_fork_and_build(
    fork_build: Build,
) -> None:
    repo = fork_build.site_dir.parent / "repo"
    assert git(repo, "branch", "--show-current").strip() == "fork"
    assert len(git(repo, "rev-list", "--parents", "-n1", "HEAD").split()) == 3  # a merge
    git(repo, "merge-base", "--is-ancestor", "main", "HEAD")  # fails unless upstream is in
    assert git(repo, "ls-files", "--unmerged") == ""  # merged without a conflict
    for name, line in UPSTREAM_CHANGES.items():
        assert line.strip() in (repo / name).read_text(encoding="utf-8"), name
    assert FORK_NAME in (repo / "mkdocs.yml").read_text()
    # The merged tree built strictly (fork_build fails otherwise), with upstream's change.
    assert fork_build.ok, fork_build.log
    (site_css,) = (fork_build.site_dir / "assets" / "stylesheets").glob("site.*.css")
    assert "/* upstream: a style change */" in site_css.read_text(encoding="utf-8")


def test_a_public_site_draws_no_empty_banner(site_dir: Path) -> None:
    assert _soup(site_dir / "index.html").select_one(".md-banner") is None
