"""Every page keeps to its security policy, and works with JavaScript off."""

from __future__ import annotations

from pathlib import Path
from urllib.parse import urljoin, urlsplit

import pytest
from playwright.sync_api import expect

from tests.support.a11y import sample_paths
from tests.support.material import wake_material
from tests.support.search import search

pytestmark = pytest.mark.browser

# Records every policy violation the page reports, from before its first script.
_RECORD_VIOLATIONS = """
window.__cspViolations = [];
document.addEventListener("securitypolicyviolation", (e) => {
  window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || "inline"}`);
});
"""


def _serve_published_paths(page: object, site_dir: Path, site_config: object) -> None:
    """Answer the published path (/coproduction-guide/...) from the built site.

    404.html links to its files by the published path (it is shown at any
    address), which the test server, serving the site at /, does not have.
    """
    prefix = urlsplit(site_config["site_url"]).path
    if prefix in ("", "/"):
        return

    def fulfil(route: object) -> None:
        rest = urlsplit(route.request.url).path.removeprefix(prefix)
        target = site_dir / (rest or "index.html")
        route.fulfill(path=target / "index.html" if target.is_dir() else target)

    page.route(f"**{prefix}**", fulfil)


def _page_urls(site_dir: Path, site_url: str) -> list[str]:
    """Every guide, and one page of each other kind (tests/support/a11y.py)."""
    return [site_url + path for path in sample_paths(site_dir)]


def test_every_kind_of_page_loads_without_policy_violations_or_console_errors(
    page: object, console_errors: list[str], site_dir: Path, site_url: str, site_config: object
) -> None:
    page.add_init_script(_RECORD_VIOLATIONS)
    _serve_published_paths(page, site_dir, site_config)
    failures: dict[str, list[str]] = {}
    urls = _page_urls(site_dir, site_url)
    for url in urls:
        response = page.goto(url)
        page.wait_for_load_state("networkidle")
        wake_material(page)  # Material's script, loaded on interaction, keeps to it too
        page.wait_for_load_state("networkidle")
        found = page.evaluate("window.__cspViolations") + console_errors
        # Only real pages: 404.html is served with 200 by the test server.
        if response is None or not response.ok:
            found.append(f"HTTP {response.status if response else 'no response'}")
        if found:
            failures[url] = list(found)
        console_errors.clear()
    assert urls
    assert not failures, failures


def test_search_works_under_the_security_policy(
    page: object, console_errors: list[str], site_url: str
) -> None:
    # Search loads its own scripts and index: all must be allowed by the policy.
    page.add_init_script(_RECORD_VIOLATIONS)
    assert search(page, site_url, "coproduction")
    assert page.evaluate("window.__cspViolations") == []
    assert console_errors == []


def test_the_policy_blocks_an_injected_inline_script(page: object, site_url: str) -> None:
    # Proves the policy is live: a script the build did not hash must not run.
    page.add_init_script(_RECORD_VIOLATIONS)
    page.goto(site_url)
    page.evaluate(
        """() => { const s = document.createElement("script");
        s.textContent = "window.__injected = true"; document.body.append(s); }"""
    )
    assert page.evaluate("window.__injected === undefined")
    assert any("script-src" in v for v in page.evaluate("window.__cspViolations"))


# Links to pages in the main navigation (not the table of contents' #anchors).
_NAV_PAGE_LINKS = "nav.md-nav--primary a.md-nav__link[href]:not([href^='#'])"


def test_every_kind_of_page_shows_its_content_and_navigation_without_javascript(
    browser: object, site_dir: Path, site_url: str, site_config: object
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    _serve_published_paths(page, site_dir, site_config)
    problems: list[str] = []
    targets: set[str] = set()
    for url in _page_urls(site_dir, site_url):
        page.goto(url)
        if not page.locator("article h1").first.is_visible():
            problems.append(f"{url}: no visible heading")
        # Easy Read pages hide the menu so nothing competes with the words
        # (issue: "no sidebars"); their way on is the link to the standard page.
        easy_read = "/easy-read/" in url and not url.endswith("/easy-read/")
        nav = page.locator(".easy-read-switch a" if easy_read else _NAV_PAGE_LINKS)
        # Playwright's own visibility test, for all the links in one call.
        hrefs = nav.filter(visible=True).evaluate_all("links => links.map(a => a.href)")
        if not hrefs:
            problems.append(f"{url}: no visible navigation links")
        targets.update(hrefs)
    for target in sorted(targets):
        page.goto(target)
        if not page.locator("article h1").first.is_visible():
            problems.append(f"navigation link to {target} shows no page")
    context.close()
    assert not problems, problems


def test_a_navigation_link_can_be_followed_by_clicking_without_javascript(
    browser: object, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False)
    page = context.new_page()
    page.goto(site_url)
    links = page.locator(_NAV_PAGE_LINKS)
    last = links.nth(links.count() - 1)
    expected = urljoin(site_url, last.get_attribute("href"))
    with page.expect_navigation():
        last.click()
    assert page.url == expected
    assert page.locator("article h1").first.is_visible()
    context.close()


def test_the_menu_opens_on_a_small_screen_without_javascript(
    browser: object, site_url: str
) -> None:
    context = browser.new_context(java_script_enabled=False, viewport={"width": 375, "height": 700})
    page = context.new_page()
    page.goto(site_url)
    # The drawer is a CSS checkbox: its label opens it with no script at all.
    nav_item = page.locator("nav.md-nav--primary .md-nav__link").first
    expect(nav_item).not_to_be_in_viewport()
    page.locator("label.md-header__button[for='__drawer']").click()
    expect(nav_item).to_be_in_viewport()
    context.close()
