"""Search the built site as a reader does, so tests do not depend on how."""

from __future__ import annotations

from urllib.parse import urlencode


def search(page: object, site_url: str, query: str) -> list[str]:
    """Type `query` on the search page, submit it, and return the result titles."""
    page.goto(site_url + "search/")
    page.get_by_label("Search this guide").fill(query)
    page.get_by_role("button", name="Search", exact=True).click()
    status = page.get_by_role("status")
    status.filter(has_text="for \u201c").wait_for()
    return page.locator("[data-cg-search-results] li > a").all_text_contents()


def search_url(site_url: str, query: str) -> str:
    """The address of a shared search, e.g. /search/?q=coproduction."""
    return f"{site_url}search/?{urlencode({'q': query})}"
