"""The home page works in a real browser."""

from __future__ import annotations

import pytest

from tests.support.material import wake_material

pytestmark = pytest.mark.browser


def test_home_page_loads_without_console_errors(
    page: object, console_errors: list[str], site_url: str
) -> None:
    response = page.goto(site_url)
    assert response is not None and response.ok
    page.wait_for_load_state("networkidle")
    wake_material(page)
    assert page.locator("h1").count() == 1
    assert console_errors == []


def test_browser_requests_stay_on_this_host(page: object, site_url: str) -> None:
    requested: list[str] = []
    page.on("request", lambda r: requested.append(r.url))
    page.goto(site_url)
    wake_material(page)
    page.wait_for_load_state("networkidle")
    others = [u for u in requested if not u.startswith((site_url, "data:"))]
    assert requested and not others, others
