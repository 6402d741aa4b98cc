"""A first visit: Material's script waits for the reader, and nothing is lost meanwhile.

Material's bundle.js (half a first visit's bytes) is fetched on the reader's
first interaction (overrides/partials/javascripts/first-visit.html). Before
it arrives the page must show the reader's colour scheme and let them change
it; after it, Material must work as it did when it loaded with the page.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator

import pytest

from tests.support.browser import apply_filters
from tests.support.material import BUNDLE, MATERIAL_STARTED, material_started, wake_material

pytestmark = pytest.mark.browser

LONG_PAGE = "guides/paying-people/"
VISIBLE_TOGGLE = "[data-md-component=palette] label:not([hidden])"
SCHEME = "() => document.body.dataset.mdColorScheme"

# The colour scheme of every frame the browser renders until the page has
# loaded, with the frame's time. The frame first painted is the last one that
# began before the first-paint time.
_RECORD_FRAMES = """
window.__frames = [];
(function frame(time) {
  if (document.body) window.__frames.push([time, document.body.dataset.mdColorScheme]);
  if (document.readyState !== "complete") requestAnimationFrame(frame);
})(performance.now());
"""
_FIRST_PAINT = "() => performance.getEntriesByName('first-paint')[0].startTime"
# DOMContentLoaded events that reach the document: the real one, and Material's start.
_COUNT_READY = """
window.__ready = 0;
document.addEventListener("DOMContentLoaded", () => { window.__ready += 1; });
"""


def _bundle_requests(page: object) -> list[str]:
    found: list[str] = []
    page.on("request", lambda r: found.append(r.url) if BUNDLE in r.url else None)
    return found


@pytest.fixture
def touch_page(browser: object) -> Iterator[object]:
    context = browser.new_context(has_touch=True)
    yield context.new_page()
    context.close()


INTERACTIONS: dict[str, Callable[[object], None]] = {
    "key press": lambda page: page.keyboard.press("Tab"),
    "click": lambda page: page.locator("article h1").click(),
    "mouse wheel": lambda page: page.mouse.wheel(0, 300),
    "scroll bar": lambda page: page.evaluate("() => window.scrollBy(0, 300)"),
    "focus": lambda page: page.locator("article a").first.focus(),
}


@pytest.mark.parametrize("interaction", list(INTERACTIONS))
def test_materials_script_is_fetched_only_when_the_reader_interacts(
    page: object, console_errors: list[str], site_url: str, interaction: str
) -> None:
    requested = _bundle_requests(page)
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(site_url + LONG_PAGE, wait_until="networkidle")
    assert requested == [] and not material_started(page)
    INTERACTIONS[interaction](page)
    page.wait_for_function(MATERIAL_STARTED)
    assert len(requested) == 1
    assert console_errors == []


def test_a_touch_fetches_materials_script(touch_page: object, site_url: str) -> None:
    requested = _bundle_requests(touch_page)
    touch_page.goto(site_url + LONG_PAGE, wait_until="networkidle")
    assert requested == []
    touch_page.locator("article h1").tap()
    touch_page.wait_for_function(MATERIAL_STARTED)
    assert len(requested) == 1


def test_material_starts_once_and_our_scripts_do_not_run_again(page: object, site_url: str) -> None:
    requested = _bundle_requests(page)
    page.add_init_script(_COUNT_READY)
    page.goto(site_url + "case-studies/", wait_until="networkidle")
    count = page.locator("#cs-count").inner_text()
    wake_material(page)
    page.mouse.wheel(0, 200)
    page.keyboard.press("Tab")
    page.locator("article h1").click()
    page.wait_for_load_state("networkidle")
    assert len(requested) == 1
    assert page.evaluate("window.__ready") == 2  # the browser's, then Material's start
    assert page.locator("meta[name=theme-color]").count() == 1  # Material mounted once
    assert page.locator("#cs-count").inner_text() == count
    page.select_option("#cs-filter-principle", "reciprocity")
    apply_filters(page)
    assert page.locator("#cs-count").inner_text().startswith("Showing ")


def test_the_feed_link_does_not_make_material_fetch_the_sitemap(
    page: object, site_url: str
) -> None:
    fetched: list[str] = []
    page.on("request", lambda r: fetched.append(r.url))
    page.goto(site_url + LONG_PAGE, wait_until="networkidle")
    wake_material(page)
    page.wait_for_load_state("networkidle")
    assert not [u for u in fetched if "sitemap" in u], fetched
    feed = page.locator("head link[type='application/atom+xml']")
    assert feed.get_attribute("rel") == "alternate"


@pytest.mark.parametrize(
    ("os_scheme", "scheme", "toggle"),
    [("dark", "slate", "Switch to light mode"), ("light", "default", "Switch to dark mode")],
)
def test_a_first_visit_paints_the_systems_colour_scheme_before_any_interaction(
    browser: object, site_url: str, os_scheme: str, scheme: str, toggle: str
) -> None:
    context = browser.new_context(color_scheme=os_scheme)
    try:
        page = context.new_page()
        requested = _bundle_requests(page)
        page.add_init_script(_RECORD_FRAMES)
        page.goto(site_url + LONG_PAGE, wait_until="networkidle")
        frames, first_paint = page.evaluate("window.__frames"), page.evaluate(_FIRST_PAINT)
        painted = [shown for time, shown in frames if time <= first_paint]
        assert painted and painted[-1] == scheme, (first_paint, frames)
        assert all(shown == scheme for time, shown in frames if time > first_paint), frames
        assert requested == []
        background = page.evaluate("() => getComputedStyle(document.body).backgroundColor")
        dark = sum(int(c) for c in background[4:-1].split(",")[:3]) < 3 * 128
        assert dark is (os_scheme == "dark"), background
        assert page.locator(VISIBLE_TOGGLE).count() == 1
        assert page.locator(VISIBLE_TOGGLE).get_attribute("title") == toggle
    finally:
        context.close()


def _hold_bundle(page: object) -> list[object]:
    """Requests for Material's bundle wait in the returned list until continued."""
    held: list[object] = []
    page.route(f"**{BUNDLE}*", lambda route: held.append(route))
    return held


def _switch_to_dark_before_material(page: object, how: str, held: list[object]) -> None:
    assert page.evaluate(SCHEME) == "default"
    if how == "click":
        page.locator(VISIBLE_TOGGLE).click()
    else:
        page.focus("#__palette_0")
        page.keyboard.press("Enter")
    assert page.evaluate(SCHEME) == "slate"  # at once, before Material
    assert page.locator(VISIBLE_TOGGLE).get_attribute("title") == "Switch to light mode"
    page.wait_for_function("() => true")  # let Playwright hand us the held request
    assert len(held) == 1 and not material_started(page)
    held[0].continue_()
    page.wait_for_function(MATERIAL_STARTED)


@pytest.mark.parametrize("how", ["click", "Enter"])
def test_a_colour_scheme_change_before_materials_script_arrives_is_kept(
    page: object, console_errors: list[str], site_url: str, how: str
) -> None:
    held = _hold_bundle(page)
    page.goto(site_url + LONG_PAGE, wait_until="networkidle")
    _switch_to_dark_before_material(page, how, held)
    assert page.evaluate(SCHEME) == "slate"
    assert page.locator(VISIBLE_TOGGLE).get_attribute("title") == "Switch to light mode"
    page.unroute(f"**{BUNDLE}*")
    page.reload(wait_until="networkidle")
    assert page.evaluate(SCHEME) == "slate" and not material_started(page)
    assert console_errors == []


def test_a_colour_scheme_change_is_kept_when_the_browser_stores_nothing(
    page: object, site_url: str
) -> None:
    # Some browsers refuse storage (privacy settings): Material is told of the
    # change itself when it starts, not only through the stored choice.
    page.add_init_script("Storage.prototype.setItem = () => { throw new Error('refused'); };")
    held = _hold_bundle(page)
    page.goto(site_url + LONG_PAGE, wait_until="networkidle")
    _switch_to_dark_before_material(page, "click", held)
    assert page.evaluate(SCHEME) == "slate"
    assert page.locator(VISIBLE_TOGGLE).get_attribute("title") == "Switch to light mode"


def test_after_the_first_interaction_material_works(
    page: object, console_errors: list[str], site_url: str
) -> None:
    page.set_viewport_size({"width": 1280, "height": 600})
    page.goto(site_url + LONG_PAGE, wait_until="networkidle")
    page.mouse.move(640, 300)
    page.mouse.wheel(0, 1500)  # the first interaction
    page.wait_for_function(MATERIAL_STARTED)
    # The header shows the page's title once its heading has scrolled away.
    page.locator(".md-header__title--active").wait_for(state="attached")
    # Back to top appears when the reader scrolls back up (navigation.top).
    page.mouse.wheel(0, -300)
    page.locator(".md-top").wait_for(state="visible")
    # Material's own palette toggle switches the scheme and remembers it.
    page.locator(VISIBLE_TOGGLE).click()
    page.wait_for_function("() => document.body.dataset.mdColorScheme === 'slate'")
    page.reload(wait_until="networkidle")
    assert page.evaluate(SCHEME) == "slate"
    assert console_errors == []
