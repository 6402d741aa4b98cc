"""Which pages may share a rendered navigation; compiled templates kept between builds."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path
from types import SimpleNamespace

import jinja2

from hooks.output.nav_cache import CompiledTemplates, NavCache


def _page(url: str, **meta: str) -> SimpleNamespace:
    return SimpleNamespace(url=url, meta=meta)


def test_a_page_in_the_navigation_is_always_rendered_in_full() -> None:
    cache = NavCache({"", "guides/", "guides/paying-people/"})
    assert cache.key(_page("guides/paying-people/")) is None
    assert cache.key(None) is None


def test_pages_outside_the_navigation_share_by_folder() -> None:
    cache = NavCache({"", "case-studies/"})
    assert cache.key(_page("case-studies/a/")) == cache.key(_page("case-studies/b/"))
    assert cache.key(_page("case-studies/a/")) != cache.key(_page("search/"))
    assert (
        cache.key(_page("case-studies/principle/access/")) == "nav|main.html|case-studies/principle"
    )


def test_pages_with_another_template_or_part_do_not_share() -> None:
    cache = NavCache(set())
    page = _page("case-studies/a/")
    assert cache.key(page) != cache.key(_page("case-studies/b/", template="search.html"))
    assert cache.key(page, "footer") != cache.key(page, "config") != cache.key(page)


def test_a_page_with_navigation_pages_inside_its_folder_is_not_shared() -> None:
    # Links from guides/ to guides/x/ differ from those of a neighbour such as tools/.
    cache = NavCache({"", "guides/x/"})
    assert cache.key(_page("guides/")) is None


def test_a_part_is_rendered_once_per_key_and_every_time_without_one() -> None:
    cache = NavCache({""})
    rendered: list[str] = []

    def render(html: str) -> Callable[[], str]:
        """A stand-in for Jinja's `caller`, noting each time it renders."""

        def caller() -> str:
            rendered.append(html)
            return html

        return caller

    page, neighbour = _page("case-studies/a/"), _page("case-studies/b/")
    assert cache.part(page, "nav", render("<li>nav</li>")) == "<li>nav</li>"
    assert cache.part(neighbour, "nav", render("<li>other</li>")) == "<li>nav</li>"
    assert cache.part(None, "nav", render("<li>x</li>")) == "<li>x</li>"
    assert cache.part(_page(""), "nav", render("<li>home</li>")) == "<li>home</li>"
    assert rendered == ["<li>nav</li>", "<li>x</li>", "<li>home</li>"]


def test_a_neighbour_in_the_same_folder_reuses_each_part() -> None:
    cache = NavCache({""})
    page = _page("case-studies/a/")
    for part, html in (("nav", "<li>nav</li>"), ("footer", "<footer></footer>")):
        assert cache.part(page, part, lambda html=html: html) == html
    neighbour = _page("case-studies/b/")
    assert cache.part(neighbour, "nav", lambda: "") == "<li>nav</li>"
    assert cache.part(neighbour, "footer", lambda: "") == "<footer></footer>"
    assert cache.part(_page(""), "nav", lambda: "<li>home</li>") == "<li>home</li>"


def test_compiled_templates_serve_the_next_environment_until_a_template_changes(
    tmp_path: Path,
) -> None:
    template = tmp_path / "page.html"
    template.write_text("<p>{{ word }}</p>", encoding="utf-8")
    cache = CompiledTemplates()

    def render() -> str:
        loader = jinja2.FileSystemLoader(tmp_path)
        env = jinja2.Environment(loader=loader, autoescape=True, bytecode_cache=cache)
        return env.get_template("page.html").render(word="one")

    assert render() == "<p>one</p>"
    assert len(cache.compiled) == 1
    kept = next(iter(cache.compiled.values()))
    assert render() == "<p>one</p>"
    assert next(iter(cache.compiled.values())) is kept  # the next environment compiled nothing
    template.write_text("<b>{{ word }}</b>", encoding="utf-8")
    assert render() == "<b>one</b>"
