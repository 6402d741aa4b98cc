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
