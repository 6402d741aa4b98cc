"""A fork changes one file and gets its own site; upstream updates merge cleanly.

`fork_build` (tests/conftest.py) is a fork that has merged a later upstream
change to the shared machinery, built: every promise below holds after the
merge, and the merged tree builds strictly.
"""

from __future__ import annotations

import gzip
import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.fork import UPSTREAM_CHANGES, UPSTREAM_PAGE, git, make_fork
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


def test_names_from_the_identity_file_are_shown_as_text_never_as_markup(
    fork_build: Build,
) -> None:
    # The fork's site_name and copyright end "<for staff & volunteers>": printed
    # raw anywhere, either would make a <for> element.
    # html5lib parses as browsers do: "<" is text inside <title> and quoted attributes,
    # where the minifier writes it unescaped.
    site_name = "Riverside Involvement Handbook <for staff & volunteers>"
    pages = {
        path.name if path.parent == fork_build.site_dir else str(path): BeautifulSoup(
            path.read_text(encoding="utf-8"), "html5lib"
        )
        for path in html_pages(fork_build.site_dir)
    }
    assert [name for name, soup in pages.items() if soup.find("for")] == []
    home = pages["index.html"]
    assert home.title.get_text() == site_name
    assert home.h1.get_text().replace("¶", "").strip() == site_name  # less its permalink
    assert site_name in home.select_one(".md-header__topic").get_text()
    copyright_line = "Text © Riverside Wellbeing Trust <for staff & volunteers>."
    assert copyright_line in home.select_one(".md-copyright").get_text()


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


def test_a_fork_that_drops_a_standard_page_drops_its_easy_read_version(
    fork_build: Build,
) -> None:
    site = fork_build.site_dir
    assert not (site / "easy-read" / "your-right-to-be-involved").exists()
    assert (site / "easy-read" / "getting-paid" / "index.html").is_file()
    index = _soup(site / "easy-read" / "index.html").select_one("article")
    assert "Your right to be involved" in index.get_text()
    assert not index.select("a[href*='your-right-to-be-involved']")
    assert index.select("a[href*='getting-paid']")


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


def test_a_page_added_upstream_is_a_notice_in_the_fork_s_build_not_a_failure(
    fork_build: Build,
) -> None:
    assert fork_build.ok, fork_build.log
    notice = fork_build.log.split('are not included in the "nav" configuration:')[1]
    assert f"- {UPSTREAM_PAGE}" in notice.splitlines()[1]


def test_a_public_site_draws_no_empty_banner(site_dir: Path) -> None:
    assert _soup(site_dir / "index.html").select_one(".md-banner") is None


def test_a_fork_adds_a_plugin_and_an_extension_and_keeps_ours(fork_build: Build) -> None:
    page = _soup(fork_build.site_dir / "our-involvement-policy" / "index.html")
    article = page.select_one("article")
    assert page.select(".md-tag"), "the fork's own plugin (Material's tags) did not run"
    assert article.select("kbd"), "the fork's own extension (pymdownx.keys) did not run"
    assert article.select_one(".admonition.note"), "our admonition extension was dropped"
    assert article.select_one(".footnote"), "our footnotes extension was dropped"
    note = article.select_one(".admonition.note").get_text(" ", strip=True)
    assert re.search(r"The guide holds \d+ case studies\.", note), "the macros plugin was dropped"
    assert (fork_build.site_dir / "pagefind" / "pagefind-entry.json").is_file()


def test_a_fork_that_lists_plugins_is_stopped_with_the_fix(tmp_path: Path) -> None:
    project = make_fork(tmp_path / "fork")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "plugins:\n  - tags\n", encoding="utf-8")
    text = config.read_text()
    config.write_text(text.replace("plugins:\n  tags: {}\n", ""), encoding="utf-8")
    build = run_mkdocs_build(project, tmp_path / "site")
    line = config.read_text().splitlines().index("plugins:") + 1
    assert build.returncode == 1 and "Traceback" not in build.log
    assert (
        f"  mkdocs.yml:{line}: plugins: this is a list, which replaces the guide's own plugins "
        "(macros for case-study lists, redirects) instead of adding to them. Fix: write each "
        "entry as 'name:' with its settings indented under it, not '- name', or delete the line "
        "(see 'Add plugins and Markdown extensions' in docs/fork.md)"
    ) in build.log


def test_a_fork_hooks_list_without_ours_is_stopped_with_the_fix(tmp_path: Path) -> None:
    # The check once lived in a hook of ours, so a list without it gave a
    # traceback from a page's macro (found by a bug hunt).
    project = make_fork(tmp_path / "fork")
    (project / "my_hook.py").write_text("def on_config(config):\n    return config\n")
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "hooks:\n  - my_hook.py\n", encoding="utf-8")
    build = run_mkdocs_build(project, tmp_path / "site")
    line = config.read_text().splitlines().index("hooks:") + 1
    assert build.returncode == 1 and "Traceback" not in build.log, build.log
    assert f"  mkdocs.yml:{line}: hooks: this list leaves out the guide's own hooks (" in build.log
    assert "Fix: copy the hooks: list from mkdocs.base.yml and add yours at the end" in build.log


def _missing_targets(site_dir: Path) -> list[str]:
    """Every relative href in the built site whose file is not there."""
    missing = []
    for page in html_pages(site_dir):
        for a in _soup(page).select("a[href]"):
            href = a["href"].split("#")[0].split("?")[0]
            if not href or "://" in href or href.startswith(("mailto:", "data:", "/")):
                continue
            target = (page.parent / href).resolve()
            if target.is_dir():
                target = target / "index.html"
            if not target.exists():
                missing.append(f"{page.relative_to(site_dir)} -> {a['href']}")
    return missing


def test_a_fork_that_drops_a_section_as_the_guide_says_ships_no_dead_link(
    fork_build: Build,
) -> None:
    assert not (fork_build.site_dir / "law").exists()
    assert _missing_targets(fork_build.site_dir) == []


def test_links_to_a_dropped_or_missing_page_fail_with_the_file_line_and_fix(
    tmp_path: Path,
) -> None:
    project = make_fork(tmp_path / "fork")
    page = project / "docs" / "our-involvement-policy.md"
    page.write_text(
        page.read_text()
        + "\nSee [the law](law/index.md), [our policy](our-involvment-policy.md),\n"
        "[the top](index.md#nowhere-at-all).\n",
        encoding="utf-8",
    )
    build = run_mkdocs_build(project, tmp_path / "site")
    line = len(page.read_text().splitlines()) - 1
    where = f"  docs/our-involvement-policy.md:{line}: link"
    assert build.returncode == 1 and "Traceback" not in build.log
    for message in (
        f"{where} 'law/index.md': 'law/index.md' is left out of this site (exclude_docs in "
        "mkdocs.yml). Fix: remove the link, or on a page with 'render_macros: true' write "
        "{{ link_to('law/index.md', 'the link text') }}, which shows plain text when the page "
        "is left out",
        f"{where} 'our-involvment-policy.md': no such page. Fix: did you mean "
        "'our-involvement-policy.md'? Links count from this page's own folder",
    ):
        assert message in build.log, build.log
    assert f"{line + 1}: link 'index.md#nowhere-at-all': 'index.md' has no heading" in build.log


def test_a_public_site_publishes_the_share_image_its_pages_name(site_dir: Path) -> None:
    image = site_dir / "assets" / "images" / "share.png"
    assert image.read_bytes().startswith(b"\x89PNG\r\n\x1a\n")
    tag = _soup(site_dir / "index.html").find("meta", property="og:image")
    assert tag["content"].endswith("assets/images/share.png")


def test_a_private_fork_has_no_share_image_or_share_tags(fork_build: Build) -> None:
    assert not (fork_build.site_dir / "assets" / "images" / "share.png").exists()
    assert _soup(fork_build.site_dir / "index.html").find("meta", property="og:image") is None
