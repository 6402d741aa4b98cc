"""Which pages may share a rendered navigation."""

from __future__ import annotations

from types import SimpleNamespace

from hooks.output.nav_cache import NavCache


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


def test_kept_html_is_returned_for_its_key_only() -> None:
    cache = NavCache(set())
    assert cache.keep("case-studies", "<li>nav</li>") == "<li>nav</li>"
    assert cache.get("case-studies") == "<li>nav</li>"
    assert cache.get("search") is None
    assert cache.keep(None, "<li>x</li>") == "<li>x</li>"
    assert cache.get(None) is None


def test_a_neighbour_in_the_same_folder_reuses_each_part() -> None:
    cache = NavCache({""})
    page = _page("case-studies/a/")
    for part, html in (("nav", "<li>nav</li>"), ("footer", "<footer></footer>")):
        assert cache.keep(cache.key(page, part), html) == html
    neighbour = _page("case-studies/b/")
    assert cache.get(cache.key(neighbour)) == "<li>nav</li>"
    assert cache.get(cache.key(neighbour, "footer")) == "<footer></footer>"
    assert cache.get(cache.key(_page(""))) is None
