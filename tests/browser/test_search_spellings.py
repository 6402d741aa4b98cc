"""Search finds the definition page whichever way a reader spells the word."""

from __future__ import annotations

import pytest

from tests.support.search import search

pytestmark = pytest.mark.browser

DEFINITION_PAGE = "What coproduction is"


@pytest.mark.parametrize("query", ["coproduction", "co-production", "co production"])
def test_search_finds_the_definition_page_for_every_spelling(
    page: object, site_url: str, query: str
) -> None:
    assert DEFINITION_PAGE in search(page, site_url, query)


def test_search_finds_nothing_for_a_word_the_site_never_uses(page: object, site_url: str) -> None:
    # Proves the helper reads real results rather than any list on the page.
    assert search(page, site_url, "zzyzxquux") == []
