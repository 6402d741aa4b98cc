"""Shared fixtures: the real site built once, a static server, and a browser."""

from __future__ import annotations

import os
from collections.abc import Iterator
from pathlib import Path

import pytest
from mkdocs.config import load_config

from tests.support.browser import CHROMIUM_ARGS, find_chromium, install_hint, serve_directory
from tests.support.sites import QUIET_ENV, ROOT, Build, run_mkdocs_build

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
    build = run_mkdocs_build(ROOT, tmp_path_factory.mktemp("site"))
    if not build.ok:
        pytest.fail(f"The site did not build cleanly:\n{build.log}", pytrace=False)
    return build


@pytest.fixture(scope="session")
def site_dir(built_site: Build) -> Path:
    return built_site.site_dir


@pytest.fixture(scope="session")
def site_url(site_dir: Path) -> Iterator[str]:
    """The real built site, served on 127.0.0.1 on a free port."""
    with serve_directory(site_dir) as url:
        yield url


@pytest.fixture(scope="session")
def browser() -> Iterator[object]:
    """Headless Chromium through Playwright. Fails, never skips, without one."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            bundled = p.chromium.executable_path
        except Exception:  # Playwright raises when its own build is absent.
            bundled = None
        path = find_chromium(bundled)
        if path is None:
            pytest.fail(
                f"No Chromium found for the browser tests. Install one with: {install_hint()}",
                pytrace=False,
            )
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        yield browser
        browser.close()


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
