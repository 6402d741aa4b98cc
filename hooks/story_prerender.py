"""Case-study pages rendered ahead, in a second process, on a large build.

Events:
- on_startup: only `mkdocs build` (not `serve`, not `--dirty`) renders ahead.
- on_nav: keeps the navigation, which each page's template needs.
- on_env (last, once every other hook has set up the environment): gives
  templates `prerendered`; with `MIN_STORIES` case studies or more, forks a
  process that renders every case study's page template, in build order.
- on_post_build (first) and on_build_error: stop that process.

Why: with 1,000 case studies, Material's template is the largest cost left
in a build (about 0.9 ms a page), and it runs on one core while the other
mostly waits for Pagefind. Every case study's page is `case-study-story.html`,
which asks `prerendered()` for it. The second process renders `main.html`
for each case study, exactly as MkDocs would (same context, same
`on_page_context` hooks), and minifies it (production.py's handler, which
comes before the security policy). MkDocs then goes on as usual with the
result: the security policy, search and writing the file happen in the
build's own process, in the same order, so the site and its search index
are byte-identical (tests/build/test_build_speed_equivalence.py).

Anything unusual falls back to rendering in the build's own process: a page
the second process could not render, or that logged a warning there (it is
rendered again here, so the warning is logged once, where strict mode counts
it), or a second process that stopped. Only Linux forks: macOS and Windows
build as before.
"""

from __future__ import annotations

import contextlib
import logging
import os
import signal
import sys
import threading
from collections.abc import Callable
from multiprocessing import Pipe
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup
from mkdocs.commands.build import get_context
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import InclusionLevel

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

TEMPLATE = "case-study-story.html"  # every case study's page (case_study_pages.py)
MIN_STORIES = 100  # below this, starting a process costs more than it saves
PATIENCE = 60.0  # seconds to wait for one page before rendering the rest here

log = get_plugin_logger(__name__)

# What the second process sends for each page, in build order: its address,
# and either None (render it here) or the rendered, minified page with the
# shared parts (hooks/nav_cache.py) it used and any it rendered first.
Rendered = tuple[str, list[str], dict[str, str]]
Send = Callable[[str, "Rendered | None"], None]

_state: dict[str, Any] = {"build": False, "nav": None, "ahead": None}


def on_startup(*, command: str, dirty: bool) -> None:
    _state["build"] = command == "build" and not dirty


def on_config(config: MkDocsConfig) -> None:
    _stop()


def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _state["nav"] = nav
    return nav


@event_priority(-100)  # after nav_cache.py and production.py have set up the cache
def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    env.globals["prerendered"] = prerendered
    stories = [
        f.page
        for f in files.documentation_pages(inclusion=InclusionLevel.is_included)
        if f.page is not None and f.page.meta.get("template") == TEMPLATE
    ]
    if _state["build"] and sys.platform == "linux" and len(stories) >= MIN_STORIES:
        log.info("Rendering %d case-study pages ahead, in a second process", len(stories))
        nav = _state["nav"]
        _state["ahead"] = Ahead(lambda send: _render_all(send, env, config, nav, files, stories))
    return env


@event_priority(100)  # before search.py, whose Pagefind process must see its input end
def on_post_build(*, config: MkDocsConfig) -> None:
    _stop()


def on_build_error(*, error: Exception) -> None:
    _stop()


@jinja2.pass_context
def prerendered(context: jinja2.runtime.Context) -> Markup:
    """The page's `main.html`: rendered (and minified) ahead if it was, or now."""
    page = context["page"]
    ahead: Ahead | None = _state["ahead"]
    sent = ahead.take(page.url) if ahead is not None else None
    page.minified = sent is not None  # production.py: minified ahead, with the page
    if sent is None:
        html = context.environment.get_template("main.html").render(context.get_all())
        return Markup(html)  # noqa: S704 - the template's own output, escaped where it rendered
    html, used, parts = sent
    cache = context.environment.globals.get("nav_cache")
    if cache is not None:  # the shared parts it used, as if rendered here
        cache.adopt(page.url, used, parts)
    return Markup(html)  # noqa: S704 - as above


def _stop() -> None:
    ahead, _state["ahead"] = _state["ahead"], None
    if ahead is not None:
        ahead.stop()


class Ahead:
    """A second process, forked from the build's, and what it has sent that is not used yet.

    It starts with everything the build has made so far and runs `work`,
    which sends results by key. The build takes each when it needs it; None
    means "do it yourself" (nothing was sent for it, the process stopped, or
    nothing came for `PATIENCE` seconds).
    """

    def __init__(self, work: Callable[[Send], None]) -> None:
        self._sent: dict[str, Rendered | None] = {}
        self._finished = False
        self._arrived = threading.Condition()
        reader, writer = Pipe(duplex=False)
        self._pid = os.fork()
        if self._pid == 0:  # the second process: work, send, and leave
            reader.close()
            code = 1
            try:
                work(lambda key, value: writer.send((key, value)))
                writer.close()
                code = 0
            finally:
                os._exit(code)  # not exit(): no atexit handlers or buffers of the build's
        writer.close()
        self._reader = reader
        threading.Thread(target=self._receive, daemon=True).start()

    def take(self, key: str) -> Rendered | None:
        """What was sent for `key`, or None to do that work here."""
        with self._arrived:
            if not self._arrived.wait_for(lambda: key in self._sent or self._finished, PATIENCE):
                self._finished = True  # stuck: do the rest here
            return self._sent.pop(key, None)

    def stop(self) -> None:
        """End the second process (it has usually finished) and wait for it."""
        with contextlib.suppress(ProcessLookupError):
            os.kill(self._pid, signal.SIGKILL)
        os.waitpid(self._pid, 0)
        self._reader.close()

    def _receive(self) -> None:
        try:
            while True:
                key, value = self._reader.recv()
                with self._arrived:
                    self._sent[key] = value
                    self._arrived.notify_all()
        except (EOFError, OSError):
            pass
        finally:
            with self._arrived:
                self._finished = True
                self._arrived.notify_all()


class _Warnings(logging.Handler):
    """In the second process: notes any warning, and prints nothing (the build logs)."""

    def __init__(self) -> None:
        super().__init__(logging.WARNING)
        self.seen = False

    def emit(self, record: logging.LogRecord) -> None:
        self.seen = True

    @classmethod
    def instead_of_logging(cls) -> _Warnings:
        """Replace every log handler (MkDocs' and the root's) with one of these."""
        handler = cls()
        for name in ("", "mkdocs"):
            logging.getLogger(name).handlers = [handler]
        logging.getLogger("mkdocs").propagate = False
        return handler


def _render_all(
    send: Send,
    env: jinja2.Environment,
    config: MkDocsConfig,
    nav: Navigation,
    files: Files,
    stories: list[Page],
) -> None:
    """In the second process: each story's `main.html`, as MkDocs would render it."""
    warnings = _Warnings.instead_of_logging()
    cache = env.globals.get("nav_cache")
    known = set(cache.html) if cache is not None else set()
    template = env.get_template("main.html")
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    minifiers = _ahead_of_policy(config)
    for page in stories:
        warnings.seen = False
        html = _render(page, template, minifiers, config, nav, doc_files)
        used, parts = cache.handed_over(page.url, known) if cache is not None else ([], {})
        send(page.url, None if warnings.seen or html is None else (html, used, parts))


def _ahead_of_policy(config: MkDocsConfig) -> list[Any]:
    """The `on_post_page` handlers that run before the security policy's (priority 0).

    That is production.py's minifier (priority 50): it changes nothing but
    the page, so it can run here, and it skips pages marked `minified`.
    """
    return [h for h in config.plugins.events["post_page"] if getattr(h, "mkdocs_priority", 0) > 0]


def _render(
    page: Page,
    template: jinja2.Template,
    minifiers: list[Any],
    config: MkDocsConfig,
    nav: Navigation,
    doc_files: Any,
) -> str | None:
    """What MkDocs' `_build_page` renders for `page`, or None if that failed."""
    page.active = True
    config._current_page = page
    try:
        context = get_context(nav, doc_files, config, page)
        context = config.plugins.on_page_context(context, page=page, config=config, nav=nav)
        html = template.render(context)
        for handler in minifiers:
            html = handler(html, page=page, config=config)
        return html
    except Exception:  # rendered again in the build's process, which reports it
        return None
    finally:
        page.active = False
        config._current_page = None
