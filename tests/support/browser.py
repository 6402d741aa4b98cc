"""Find a Chromium on this machine and serve a built site to it."""

from __future__ import annotations

import functools
import http.server
import os
import shutil
import threading
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

# Flags for a quiet, offline, headless Chromium (no calls home at start-up).
CHROMIUM_ARGS = [
    "--no-sandbox",
    "--disable-gpu",
    "--disable-background-networking",
    "--disable-component-update",
    "--disable-sync",
    "--no-first-run",
]

_CANDIDATES = ("chromium", "chromium-browser", "google-chrome", "google-chrome-stable")


def install_hint() -> str:
    """The one command that installs a Chromium on this kind of machine."""
    if shutil.which("apt-get"):
        return "apt-get install -y chromium"
    if shutil.which("brew"):
        return "brew install --cask chromium"
    return "python -m playwright install chromium"


def find_chromium(playwright_default: str | None = None) -> str | None:
    """Return the path of a Chromium: CHROMIUM_PATH, then the system's, then Playwright's."""
    configured = os.environ.get("CHROMIUM_PATH")
    if configured and Path(configured).is_file():
        return configured
    for name in ("/usr/bin/chromium", *_CANDIDATES):
        found = shutil.which(name)
        if found:
            return found
    if playwright_default and Path(playwright_default).is_file():
        return playwright_default
    return None


class _QuietHandler(http.server.SimpleHTTPRequestHandler):
    def log_message(self, format: str, *args: object) -> None:
        """Keep test output clean: requests are not news."""


@contextmanager
def serve_directory(
    directory: Path, handler_class: type[http.server.SimpleHTTPRequestHandler] = _QuietHandler
) -> Iterator[str]:
    """Serve `directory` on 127.0.0.1 on a free port; yield its base URL."""
    handler = functools.partial(handler_class, directory=str(directory))
    server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), handler)
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
