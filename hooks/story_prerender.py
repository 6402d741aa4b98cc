"""Case-study pages converted and rendered ahead, in a second process, on a large build.

Events:
- on_startup: only `mkdocs build` (not `serve`, not `--dirty`) works ahead.
- on_nav (last): keeps the navigation, which each page's template needs; with
  `MIN_STORIES` case studies or more, forks a process that prepares the
  stories (facts panel and Markdown) from the last story back, while the
  build reads every page from the first (below, Markdown).
- on_env (last, once every other hook has set up the environment): stops
  that process; gives templates `prerendered`; forks a process that renders
  the template of every case study and listing, in build order (below,
  Templates).
- on_post_build (first) and on_build_error: stop that process.

Markdown. Before on_env, MkDocs reads and converts every page on one core,
and the other waits. The second process runs MkDocs' own steps for each
story (`on_pre_page` to `on_page_content`), from the last story back, and
sends what they made (case_study_story.Prepared: the story's Markdown and
facts panel, made from its record, and what converting it gave). The
build, reading stories from the first, takes a story's if it has arrived
(case_studies.on_page_read_source) and uses the conversion only if it was
made from the same Markdown; otherwise it does the work itself. The second
process stops where the two meet. Every event still runs in the build, for
every page: only making the facts panel and the conversion are skipped.

Templates. With 1,000 case studies, Material's template is the largest cost
left in a build (about 0.8 ms a page). The pages of case studies and of
their listings (index, principles, nations…) are `main-ahead.html`, which
asks `prerendered()` for the page. The second process renders `main.html`
for each, exactly as MkDocs would (same context, same `on_page_context`
hooks), and minifies it (production.py's handler, which comes before the
security policy). MkDocs then goes on as usual with the result: the
security policy, search and writing the file happen in the build's own
process, in the same order. The listings come last and are the largest
pages: rendered here, they would leave the second process idle at the end.

Either way the site and its search index are byte-identical
(tests/build/test_build_speed_equivalence.py). Anything unusual falls back
to doing the work in the build's own process: a page the second process
could not convert or render, or that logged a message there (the build does
it again, so the message is logged once, where strict mode counts warnings),
or a second process that stopped. Only Linux forks: macOS and Windows build
as before (ahead.py).
"""

from __future__ import annotations

import logging
from typing import TYPE_CHECKING, Any

import jinja2
from markupsafe import Markup
from mkdocs.commands.build import _populate_page, get_context
from mkdocs.plugins import event_priority, get_plugin_logger
from mkdocs.structure.files import InclusionLevel

import case_study_story
from ahead import CAN_FORK, Ahead, FromBothEnds, Logged, Send
from case_study_story import StoryPage

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.nav import Navigation
    from mkdocs.structure.pages import Page

TEMPLATE = "main-ahead.html"  # case studies' and their listings' (case_study_pages.py)
MIN_STORIES = 100  # below this, starting a process costs more than it saves

log = get_plugin_logger(__name__)

# What the second process sends for each page, in build order: its address,
# and either None (render it here) or the rendered, minified page with the
# shared parts (hooks/nav_cache.py) it used and any it rendered first.
Rendered = tuple[str, list[str], dict[str, str]]

_state: dict[str, Any] = {
    "build": False, "worth_it": False, "nav": None, "ahead": None, "markdown": None,
}  # fmt: skip


def on_startup(*, command: str, dirty: bool) -> None:
    _state["build"] = command == "build" and not dirty


def on_config(config: MkDocsConfig) -> None:
    _stop()


@event_priority(-100)  # last: the second process starts from the final navigation
def on_nav(nav: Navigation, *, config: MkDocsConfig, files: Files) -> Navigation:
    _state["nav"] = nav
    stories = [f.page for f in _built(files) if isinstance(f.page, StoryPage)]
    # Worth it on `mkdocs build`, on Linux, with `MIN_STORIES` or more.
    _state["worth_it"] = _state["build"] and CAN_FORK and len(stories) >= MIN_STORIES
    if _state["worth_it"]:
        _state["markdown"] = StoriesAhead(stories, config, files)
        case_study_story.prepared_elsewhere = _state["markdown"].take
    return nav


@event_priority(-100)  # after nav_cache.py and production.py have set up the cache
def on_env(env: jinja2.Environment, *, config: MkDocsConfig, files: Files) -> jinja2.Environment:
    _stop_markdown()  # every page is read: it has finished
    env.globals["prerendered"] = prerendered
    pages = [
        f.page
        for f in _built(files)
        if f.page is not None and f.page.meta.get("template") == TEMPLATE
    ]
    if _state["worth_it"]:
        log.info("Rendering %d case-study pages ahead, in a second process", len(pages))
        nav = _state["nav"]
        _state["ahead"] = Ahead(lambda send: _render_all(send, env, config, nav, files, pages))
    return env


@event_priority(100)  # before search.py, whose Pagefind process must see its input end
def on_post_build(*, config: MkDocsConfig) -> None:
    _stop()


def on_build_error(*, error: Exception) -> None:
    _stop()


def _built(files: Files) -> Any:
    return files.documentation_pages(inclusion=InclusionLevel.is_included)


@jinja2.pass_context
def prerendered(context: jinja2.runtime.Context) -> Markup:
    """The page's `main.html`: rendered (and minified) ahead if it was, or now."""
    page = context["page"]
    ahead: Ahead | None = _state["ahead"]
    sent: Rendered | None = ahead.take(page.url) if ahead is not None else None
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
    _stop_markdown()
    ahead, _state["ahead"] = _state["ahead"], None
    if ahead is not None:
        ahead.stop()


def _stop_markdown() -> None:
    case_study_story.prepared_elsewhere = None
    ahead, _state["markdown"] = _state["markdown"], None
    if ahead is not None:
        ahead.stop()


class StoriesAhead:
    """Stories prepared from the last back, in a second process (below, `Prepared`).

    The build reads stories from the first and takes each one that has
    arrived (`FromBothEnds`).
    """

    def __init__(self, stories: list[Page], config: MkDocsConfig, files: Files) -> None:
        self._order = {page.file.src_uri: i for i, page in enumerate(stories)}
        self._logged: Logged | None = None
        self._both = FromBothEnds(len(stories), lambda i: self._prepare(stories[i], config, files))

    def take(self, src_uri: str) -> case_study_story.Prepared | None:
        """A story as the second process prepared it, if it has arrived; None: do it here."""
        index = self._order.get(src_uri)
        return None if index is None else self._both.take(index)

    def stop(self) -> None:
        self._both.stop()

    def _prepare(
        self, page: StoryPage, config: MkDocsConfig, files: Files
    ) -> case_study_story.Prepared | None:
        """In the second process: MkDocs' own steps for one story, and what they made."""
        if self._logged is None:
            self._logged = Logged.instead_of_logging(logging.INFO)  # any message: the build's
            case_study_story.prepared_elsewhere = None  # this process prepares
        self._logged.seen = False
        _populate_page(page, config, files)
        if self._logged.seen or page.source is None or page.converted is None:
            return None
        return case_study_story.Prepared(page.source, page.converted)


def _render_all(
    send: Send,
    env: jinja2.Environment,
    config: MkDocsConfig,
    nav: Navigation,
    files: Files,
    pages: list[Page],
) -> None:
    """In the second process: each page's `main.html`, as MkDocs would render it."""
    warnings = Logged.instead_of_logging(logging.WARNING)
    cache = env.globals.get("nav_cache")
    known = set(cache.html) if cache is not None else set()
    template = env.get_template("main.html")
    doc_files = files.documentation_pages(inclusion=InclusionLevel.is_included)
    minifiers = _ahead_of_policy(config)
    for page in pages:
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
