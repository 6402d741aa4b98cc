"""Find a Chromium on this machine and serve a built site to it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import sys
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# `make test` runs scripts/ensure_browser.py first, which installs a Chromium
# if there is none; the tests look for one the same way it does.
from scripts.ensure_browser import system_chromium

# Flags for a quiet, offline, headless Chromium (no calls home at start-up).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]


def install_hint() -> str:
    """The one command that installs a Chromium on this kind of machine."""
    if shutil.which("apt-get"):
        return "apt-get install -y chromium"
    if shutil.which("brew"):
        return "brew install --cask chromium"
    return "python -m playwright install chromium"


def find_chromium(playwright_default: str | None = None) -> str | None:
    """Return the path of a Chromium: CHROMIUM_PATH, then the system's, then Playwright's."""
    found = system_chromium(os.environ)
    if found:
        return found
    if playwright_default and Path(playwright_default).is_file():
        return playwright_default
    return None


@contextmanager
def launch_chromium() -> Iterator[object]:
    """Headless Chromium through Playwright; LookupError (saying how to install one) if none."""
    from playwright.sync_api import sync_playwright

    with sync_playwright() as p:
        try:
            bundled = p.chromium.executable_path
        except Exception:  # Playwright raises when its own build is absent.
            bundled = None
        path = find_chromium(bundled)
        if path is None:
            raise LookupError(
                f"No Chromium found for the browser tests. Install one with: {install_hint()}"
            )
        browser = p.chromium.launch(executable_path=path, headless=True, args=CHROMIUM_ARGS)
        try:
            yield browser
        finally:
            browser.close()


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean: requests are not news."""


class _QuietServer(http.server.ThreadingHTTPServer):
    def handle_error(self, request: object, client_address: object) -> None:
        """A browser that leaves a page mid-download closes the connection: not news either."""
        if not isinstance(sys.exc_info()[1], ConnectionError):
            super().handle_error(request, client_address)


@contextmanager
def serve_directory(
    directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 on a free port; yield its base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = _QuietServer(("127.0.0.1", 0), handler)
    thread = threading.Thread(target=server.serve_forever, daemon=True)
    thread.start()
    try:
        yield f"http://127.0.0.1:{server.server_address[1]}/"
    finally:
        server.shutdown()
        server.server_close()


def visible_card_titles(page: object) -> list[str]:
    """The titles of the case-study cards a reader can see, in page order."""
    return page.locator(".cs-card:visible .cs-card__title a").all_inner_texts()


def apply_filters(page: object) -> None:
    """Choose "Apply filters" on the case-study index, as a reader does once
    they have chosen values: choosing alone filters nothing."""
    page.get_by_role("button", name="Apply filters").click()


def reopen(page: object) -> None:
    """Open the page's address afresh, as a reader following a shared link would."""
    address = page.url
    page.goto("about:blank")
    page.goto(address)
