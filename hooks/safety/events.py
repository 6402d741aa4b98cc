"""Page safety: every built page safe to open, and macros that cannot escape.

Events:
- `on_startup`: under `mkdocs serve` the security policy is left out (its
  live-reload script is inline).
- `on_config`: forget the last build's problems.
- `on_files` (after the content hook has stored the pages): Jinja on pages
  that opt in to macros may call our macros and nothing else (macros_guard.py).
- `on_page_markdown` (before the macros plugin): only a page the guard read
  and passed is rendered. That covers a page it refused (the preview goes on
  after problems) and one whose front matter MkDocs reads otherwise than we
  do (MkDocs also accepts `key: value` lines without `---`, and `!ENV`).
- `on_post_page`, `on_post_template` (the 404 page is a theme template):
  security policy, safe external links, no plain http (page_safety.py).
- `on_post_build`: every insecure address at once; the `_headers` file.
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urlsplit

from mkdocs.plugins import event_priority, get_plugin_logger

# MkDocs loads a hook by its file path: the project folder goes on sys.path
# so that `hooks.<capability>` imports work (MkDocs restores sys.path after).
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))

from hooks.case_studies.store import story_source
from hooks.common import fragments, page_store
from hooks.common.errors import Problem, raise_if_any
from hooks.safety import macros_guard
from hooks.safety.page_safety import (
    EMOJI_CDN,
    EMOJI_PROBLEM,
    EMOJI_SHORTCODE,
    HEADERS,
    content_markup,
    content_problem,
    headers_file,
    line_of,
    secure_page,
)

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files
    from mkdocs.structure.pages import Page

log = get_plugin_logger("safety")
HOOKS = Path(__file__).resolve().parents[1]

_state: dict[str, Any] = {
    "serving": False,
    "fragments": None,
    "problems": [],
    "passed": set(),  # pages the guard read and found safe: only these run macros
}


def on_startup(command: str, **kwargs: Any) -> None:
    _state["serving"] = command == "serve"


def on_config(config: MkDocsConfig, **kwargs: Any) -> None:
    env = fragments.environment(fragments.folder(config))
    _state["fragments"] = env.get_template("page_safety.html").module
    _state["problems"] = []
    _state["passed"] = set()


@event_priority(40)  # after the content hook (50) has stored the pages
def on_files(files: Files, config: MkDocsConfig, **kwargs: Any) -> Files:
    plugin = config.plugins.get("macros")
    if plugin is None:
        return files
    by_default = bool(plugin.config["render_by_default"])
    # The macros our hooks registered: the case studies' and the governance hook's whats_new.
    allowed = macros_guard.our_macros(plugin.macros, HOOKS)
    problems: list[Problem] = []
    for src_uri, doc in page_store.items():
        if macros_guard.will_render(
            doc.meta, by_default, bool(plugin.force_page_rendering(src_uri))
        ):
            found = macros_guard.page_problems(doc, plugin.env, allowed)
            if not found:
                _state["passed"].add(src_uri)
            problems.extend(found)
        elif not doc.problems:  # unreadable front matter: whether it runs macros is unknown
            problems.extend(macros_guard.unrendered_problems(doc, allowed))
    raise_if_any(problems)
    return files


@event_priority(100)  # before the macros plugin renders the page
def on_page_markdown(markdown: str, page: Page, **kwargs: Any) -> str:
    if page.file.src_uri not in _state["passed"]:
        page.meta["render_macros"] = False  # the plugin leaves the page's text as it is
    # The plugin stops on this retired field before anything else; the content
    # hook names it, and a preview, which goes on after problems, must not stop.
    page.meta.pop("ignore_macros", None)
    return markdown


def on_post_page(output: str, page: Page, config: MkDocsConfig, **kwargs: Any) -> str:
    wasm = bool(page.meta.get("webassembly"))
    html, found = secure_page(output, _state["fragments"], not _state["serving"], wasm)
    if found.insert_at is None:
        log.warning("%s: no <head> to put the security policy in", page.file.src_uri)
    wrong = [
        (url, f"the page loads '{url}' over an insecure http connection", _HTTP_FIX)
        for url in found.insecure
    ]
    wrong += [
        (url, f"the page loads '{url}' from another site, which the security policy blocks",
         _REMOTE_FIX)
        for url in _other_sites(found.remote, config.site_url) if EMOJI_CDN not in url
    ]  # fmt: skip
    wrong += [
        (url, f"the page links to '{url}', a script address, which is never allowed", _SCRIPT_FIX)
        for url in found.script_links
    ]
    found_markup = dict.fromkeys(content_markup(html))  # each once, at its first line
    wrong += [(name.strip("<>"), *content_problem(name)) for name in found_markup]
    if any(EMOJI_CDN in url for url in found.remote):
        wrong.append((EMOJI_SHORTCODE, *EMOJI_PROBLEM))
    path, body, body_line = _source_of(page) if wrong else ("", "", 1)
    for needle, problem, fix in wrong:
        line = line_of(body, needle) + body_line - 1
        _state["problems"].append(Problem(path, line, "(page)", problem, fix))
    return html


_HTTP_FIX = "use its https address, or put the file in docs/ and link to that"
_REMOTE_FIX = "save the file in docs/ and use it from there, so no other site learns who reads"
_SCRIPT_FIX = "link only to https:// addresses or to pages of this site"


def on_post_template(
    output_content: str, template_name: str, config: MkDocsConfig, **kwargs: Any
) -> str:
    if not template_name.endswith(".html"):
        return output_content  # sitemap.xml and the like are not pages
    html, found = secure_page(output_content, _state["fragments"], not _state["serving"])
    for url in [*found.insecure, *_other_sites(found.remote, config.site_url)]:
        _state["problems"].append(
            Problem(
                template_name,
                1,
                "(template)",
                f"the template loads '{url}', which is not a file of this site",
                "put the file in docs/ and use it from there",
            )
        )
    return html


def _other_sites(urls: list[str], site_url: str | None) -> list[str]:
    """The addresses in `urls` on a host other than the site's own."""
    own = urlsplit(site_url or "").netloc.lower()
    return [url for url in urls if urlsplit(url).netloc.lower() != own]


def on_post_build(config: MkDocsConfig, **kwargs: Any) -> None:
    raise_if_any(_state["problems"])
    Path(config.site_dir, "_headers").write_text(headers_file(HEADERS), encoding="utf-8")


def _source_of(page: Page) -> tuple[str, str, int]:
    """The file an editor wrote the page in, its text and the line the text starts on.

    A docs/ page's own file, or a case study's in case_studies/; a page a hook
    made from nothing else (a listing) is named by its address.
    """
    doc = page_store.get_document(page.file.src_uri)
    if doc is not None:
        return doc.path, doc.body, doc.body_line
    return story_source(page.file.src_uri) or (page.file.src_uri, "", 1)
