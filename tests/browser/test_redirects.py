"""A reader following an old address lands on the page that replaced it."""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

OLD = "law/scotland-and-northern-ireland/"
NEW = "law/scotland/"


@pytest.mark.parametrize("javascript", [True, False], ids=["script", "no-script"])
def test_the_old_scotland_and_northern_ireland_address_opens_scotland(
    browser: object, site_url: str, javascript: bool
) -> None:
    context = browser.new_context(java_script_enabled=javascript)
    page = context.new_page()
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    try:
        page.goto(f"{site_url}{OLD}")
        page.wait_for_url(f"{site_url}{NEW}*", timeout=10_000)
        assert page.locator("article h1").inner_text().startswith("Scotland")
        assert page.locator("article p").first.locator("a[href*='northern-ireland/']").count()
        others = [u for u in requested if not u.startswith((site_url, "data:"))]
        assert not others, others
    finally:
        context.close()
