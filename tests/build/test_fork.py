"""A fork changes one file and gets its own site; upstream updates merge cleanly."""

from __future__ import annotations

import gzip
import subprocess
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.fork import copy_project, make_fork
from tests.support.sites import Build, html_pages, run_mkdocs_build

UPSTREAM_NAME = "Coproduction Guide"
FORK_NAME = "Riverside Wellbeing Trust"
TEXT_SUFFIXES = {".html", ".xml", ".json", ".csv", ".css", ".js", ".txt", ".svg", ".webmanifest"}


@pytest.fixture(scope="module")
def fork_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    project = make_fork(tmp_path_factory.mktemp("fork"))
    build = run_mkdocs_build(project, project / "site")
    if not build.ok:
        pytest.fail(f"The fork did not build cleanly:\n{build.log}", pytrace=False)
    return build


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


def test_a_private_fork_describes_itself_to_no_one_a_link_is_shared_with(
    fork_build: Build,
) -> None:
    pages = html_pages(fork_build.site_dir)
    assert pages
    for path in pages:
        soup = _soup(path)
        assert not soup.select("meta[property^='og:']"), path
        assert not soup.select("meta[name^='twitter:']"), path


def test_a_public_site_has_a_sitemap_and_no_noindex(site_dir: Path) -> None:
    assert (site_dir / "sitemap.xml").is_file()
    assert "Sitemap:" in (site_dir / "robots.txt").read_text()
    assert not _soup(site_dir / "index.html").find("meta", attrs={"name": "robots"})


def test_a_config_that_inherits_mkdocs_yml_builds(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    (project / "mkdocs.staging.yml").write_text(
        "INHERIT: mkdocs.yml\nsite_name: Staging copy\nsite_url: https://staging.example/\n",
        encoding="utf-8",
    )
    build = run_mkdocs_build(project, tmp_path / "site", config="mkdocs.staging.yml")
    assert build.ok, build.log
    assert _soup(build.site_dir / "index.html").title.get_text().endswith("Staging copy")


def _git(repo: Path, *args: str) -> str:
    result = subprocess.run(
        ["git", "-c", "user.name=Test", "-c", "user.email=test@example.org", *args],
        cwd=repo,
        capture_output=True,
        text=True,
        check=False,
    )
    assert result.returncode == 0, result.stdout + result.stderr
    return result.stdout


def test_upstream_changes_to_shared_files_merge_into_a_fork_without_conflict(
    tmp_path: Path,
) -> None:
    repo = copy_project(tmp_path / "repo")
    _git(repo, "init", "-q", "-b", "main")
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "upstream")

    _git(repo, "checkout", "-q", "-b", "fork")
    make_fork(repo)  # the fork edits mkdocs.yml and adds its own pages
    _git(repo, "add", "-A")
    _git(repo, "commit", "-qm", "fork identity")

    _git(repo, "checkout", "-q", "main")
    with (repo / "mkdocs.base.yml").open("a") as f:
        f.write("\n# upstream: a new shared setting\n")
    with (repo / "overrides" / "main.html").open("a") as f:
        f.write("\n{# upstream: a template change #}\n")
    with (repo / "overrides" / "assets" / "stylesheets" / "site.css").open("a") as f:
        f.write("\n/* upstream: a style change */\n")
    _git(repo, "commit", "-qam", "upstream update")

    _git(repo, "checkout", "-q", "fork")
    _git(repo, "merge", "-q", "--no-edit", "main")
    assert "upstream: a template change" in (repo / "overrides" / "main.html").read_text()
    assert FORK_NAME in (repo / "mkdocs.yml").read_text()


def test_a_public_site_draws_no_empty_banner(site_dir: Path) -> None:
    assert _soup(site_dir / "index.html").select_one(".md-banner") is None
