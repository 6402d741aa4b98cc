"""Shared fixtures: every site built once per session, a static server, and a browser.

The site fixtures are session-scoped and shared across test files and
pytest-xdist workers (tests/support/shared_builds.py says how, and how to add
one). Read their output; never write into it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Iterator
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from mkdocs.config import load_config

from tests.support.browser import launch_chromium, serve_directory
from tests.support.corpus import BAD_PAGES, BUILT_PAGES
from tests.support.fork import make_merged_fork
from tests.support.paged_site import build_paged_site
from tests.support.shared_builds import require_ok, shared_build
from tests.support.sites import (
    QUIET_ENV,
    ROOT,
    Build,
    build_fixture,
    build_fixture_with_pages,
    html_pages,
    run_mkdocs_build,
)

# Every build a test starts, in this process or another, runs without banners.
for _name, _value in QUIET_ENV.items():
    os.environ.setdefault(_name, _value)


@pytest.fixture(scope="session")
def site_config() -> object:
    """The real site's configuration, as MkDocs reads it (INHERIT resolved)."""
    return load_config(config_file=str(ROOT / "mkdocs.yml"))


@pytest.fixture(scope="session")
def built_site(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """Build the real site once, strictly; fail with the log on any warning."""
    build = shared_build(
        tmp_path_factory, "real-site", lambda d: run_mkdocs_build(ROOT, d / "site")
    )
    return require_ok(build, "The site")


@pytest.fixture(scope="session")
def case_study_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """tests/fixtures/case_study_site/, built as it is."""
    build = shared_build(tmp_path_factory, "case_study_site", _fixture("case_study_site"))
    return require_ok(build, "case_study_site")


@pytest.fixture(scope="session")
def hostile_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """tests/fixtures/case_study_hostile/: data that tries to run, shown as text."""
    build = shared_build(tmp_path_factory, "case_study_hostile", _fixture("case_study_hostile"))
    return require_ok(build, "case_study_hostile")


@pytest.fixture(scope="session")
def showcase_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """tests/fixtures/a11y_showcase/: one of every component the theme styles.

    Not checked here: tests/build/test_accessibility_build.py asserts it builds cleanly.
    """
    return shared_build(tmp_path_factory, "a11y_showcase", _fixture("a11y_showcase"))


@pytest.fixture(scope="session")
def review_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """tests/fixtures/review_dates/, whose "today" is 1 June 2030.

    Overdue pages are information: never a warning or an error, so it must build cleanly.
    """
    build = shared_build(tmp_path_factory, "review_dates", _fixture("review_dates"))
    return require_ok(build, "review_dates")


@pytest.fixture(scope="session")
def paged_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """case_study_site plus generated case studies: several pages of cards."""
    build = shared_build(tmp_path_factory, "paged", build_paged_site)
    return require_ok(build, "The paged case-study site")


@pytest.fixture(scope="session")
def minimal_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """tests/fixtures/minimal/ plus the odd pages that must build (`BUILT_PAGES`).

    Not checked here: the tests that read it assert it built, with its log.
    """
    pages = {name: (BAD_PAGES / name).read_bytes() for name in BUILT_PAGES}
    return shared_build(
        tmp_path_factory, "minimal", lambda d: build_fixture_with_pages("minimal", d, pages)
    )


@pytest.fixture(scope="session")
def fork_build(tmp_path_factory: pytest.TempPathFactory) -> Build:
    """A fork (tests/fixtures/fork/) that has merged an upstream change, built."""

    def make(folder: Path) -> Build:
        repo = make_merged_fork(folder / "repo")
        return run_mkdocs_build(repo, folder / "site")

    return require_ok(shared_build(tmp_path_factory, "merged-fork", make), "The merged fork")


def _fixture(scenario: str) -> Callable[[Path], Build]:
    """How to build tests/fixtures/<scenario>/ into a folder, for `shared_build`."""
    return lambda folder: build_fixture(scenario, folder)


@pytest.fixture(scope="session")
def site_dir(built_site: Build) -> Path:
    return built_site.site_dir


@pytest.fixture(scope="module")
def site_pages(site_dir: Path) -> dict[Path, BeautifulSoup]:
    """Every built HTML page of the real site, parsed once for the test file that asks.

    Module-scoped, so a file's tests share one parse and the memory is freed
    after it. Read the soups; never change them (other tests read them too).
    """
    return {
        p: BeautifulSoup(p.read_text(encoding="utf-8"), "html.parser") for p in html_pages(site_dir)
    }


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The real built site, served on 127.0.0.1 on a free port."""
    with serve_directory(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium through Playwright. Fails, never skips, without one."""
    try:
        with launch_chromium() as browser:
            yield browser
    except LookupError as missing:
        pytest.fail(str(missing), pytrace=False)


@pytest.fixture
def page(browser: object) -> Iterator[object]:
    """A fresh page in its own browser context."""
    context = browser.new_context()
    yield context.new_page()
    context.close()


@pytest.fixture
def no_js_page(browser: object) -> Iterator[object]:
    """A page in a browser with JavaScript switched off."""
    context = browser.new_context(java_script_enabled=False)
    yield context.new_page()
    context.close()


@pytest.fixture
def console_errors(page: object) -> list[str]:
    """Console errors and uncaught exceptions on `page`, collected as they happen."""
    errors: list[str] = []
    page.on("console", lambda m: errors.append(m.text) if m.type == "error" else None)
    page.on("pageerror", lambda e: errors.append(str(e)))
    return errors
