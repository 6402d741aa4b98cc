"""The overdue notice shows without JavaScript and when printed, on a fixture site."""

from __future__ import annotations

from collections.abc import Iterator

import pytest

from tests.support.browser import serve_directory
from tests.support.sites import Build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def review_site_url(review_build: Build) -> Iterator[str]:
    with serve_directory(review_build.site_dir) as url:
        yield url


@pytest.mark.parametrize("media", ["screen", "print"])
def test_overdue_notice_is_visible_without_javascript(
    browser: object, review_site_url: str, media: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    try:
        page = context.new_page()
        page.emulate_media(media=media)
        page.goto(review_site_url + "stale/")
        notice = page.get_by_role("note")
        assert notice.is_visible()
        assert notice.inner_text().startswith("This page is due for review")
        assert page.locator(".page-end__review").is_visible()
        assert page.get_by_role("link", name="Help us improve this page").is_visible()
        # Proof the print styles applied: Material hides the site header on paper.
        assert page.locator(".md-header").is_visible() is (media == "screen")
    finally:
        context.close()
