"""What axe cannot see: keyboard use, focus, reflow, text spacing and print.

Runs on the real built site, served under its published path. Material's
script loads on the reader's first interaction; checks of what it does wake
it first (tests/support/material.py), and layout is checked before and after.
"""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.a11y import sample_paths, serve_as_published
from tests.support.material import BUNDLE, material_started, wake_material
from tests.support.sites import Build

pytestmark = pytest.mark.browser

# Pages sampled for the slower, element-by-element checks.
SAMPLE = ["", "accessibility/"]
# The same, plus the a11y_showcase fixture's page of every component.
FOCUS_SAMPLE = [("site", p) for p in SAMPLE] + [("showcase", "components/")]

# WCAG 1.4.12's test values, applied with !important as a user style sheet would.
TEXT_SPACING = """
* { line-height: 1.5 !important; letter-spacing: 0.12em !important;
    word-spacing: 0.16em !important; }
p { margin-bottom: 2em !important; }
"""

_FOCUSABLE = """() => [...document.querySelectorAll(
  'a[href], button, input:not([type=hidden]), select, textarea, summary, [tabindex]'
)].filter(el => {
  if (el.tabIndex < 0 || el.disabled || el.closest('[hidden], [inert]')) return false;
  const style = getComputedStyle(el);
  if (style.visibility !== 'visible' || style.display === 'none') return false;
  // Material's colour-scheme radios are see-through; their label shows focus.
  const shown = el.matches('.md-option') ? el.nextElementSibling : el;
  if (!shown || shown.hidden) return false;
  const box = shown.getBoundingClientRect();
  return box.width > 0 && box.height > 0;
}).map((el, i) => { el.dataset.tabCheck = i; return [String(i), el.outerHTML.slice(0, 120)]; })"""

_FOCUS_STATE = """() => {
  const el = document.activeElement;
  const shown = el.matches('.md-option') ? el.nextElementSibling : el;
  const style = getComputedStyle(shown);
  const box = shown.getBoundingClientRect();
  // What a sighted user sees at the centre of the focused element (2.4.11).
  const hit = document.elementFromPoint(box.left + box.width / 2, box.top + box.height / 2);
  return {
    id: el.dataset.tabCheck || el.outerHTML.slice(0, 120),
    html: el.outerHTML.slice(0, 120),
    outline: style.outlineStyle !== 'none' ? parseFloat(style.outlineWidth) : 0,
    body: el === document.body,
    underHeader: !el.closest('.md-header') && hit !== null && hit.closest('.md-header') !== null,
  };
}"""

_OVERFLOWING = """() => {
  const width = document.documentElement.clientWidth;
  const scrolls = el => {
    for (let p = el.parentElement; p; p = p.parentElement) {
      const o = getComputedStyle(p).overflowX;
      if (o === 'auto' || o === 'scroll' || o === 'hidden') return p !== document.documentElement
        && p !== document.body;
    }
    return false;
  };
  return [...document.querySelectorAll('.md-header *, .md-content *, .md-footer *')]
    .filter(el => {
      const b = el.getBoundingClientRect();
      return b.width > 0 && b.right > width + 1 && !scrolls(el);
    }).map(el => el.outerHTML.slice(0, 100));
}"""

_CLIPPED = """() => [...document.querySelectorAll('body *')].filter(el => {
  const s = getComputedStyle(el);
  const hides = v => v === 'hidden' || v === 'clip';
  const clips = hides(s.overflowY) || hides(s.overflowX);
  if (!clips || !el.innerText || !el.innerText.trim() || el.getClientRects().length === 0)
    return false;
  if (el.closest('[hidden]')) return false;
  if (el.getBoundingClientRect().right <= 0) return false;  // the closed menu drawer
  return el.scrollHeight > el.clientHeight + 1 ||
    (s.textOverflow !== 'ellipsis' && el.scrollWidth > el.clientWidth + 1);
}).map(el => el.className + ': ' + el.innerText.slice(0, 60))"""


@pytest.fixture(scope="module")
def published_url(site_dir: Path, site_config: object) -> Iterator[str]:
    with serve_as_published(site_dir, site_config["site_url"]) as url:
        yield url


@pytest.fixture(scope="module")
def showcase_url(showcase_build: Build) -> Iterator[str]:
    assert showcase_build.ok, showcase_build.log
    with serve_as_published(showcase_build.site_dir, "https://fixture.example/") as url:
        yield url


def _tab_until(page: object, predicate: str, limit: int = 80) -> bool:
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate(predicate):
            return True
    return False


@pytest.mark.parametrize("path", ["", "accessibility/", "404.html"])
def test_first_tab_stop_is_the_skip_link_and_it_moves_focus_into_main(
    page: object, published_url: str, path: str
) -> None:
    page.goto(published_url + path)
    page.keyboard.press("Tab")
    first = page.evaluate("() => [document.activeElement.className, document.activeElement.text]")
    assert "site-skip" in first[0] and first[1].strip() == "Skip to main content"
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.activeElement.closest('main') !== null")
    page.keyboard.press("Tab")
    assert page.evaluate("() => !document.activeElement.closest('.md-sidebar, .md-header')"), (
        "After the skip link, Tab should go past the menus, into the page's content"
    )


@pytest.mark.parametrize("material", [False, True], ids=["before-material", "after-material"])
@pytest.mark.parametrize(("site", "path"), FOCUS_SAMPLE)
def test_every_interactive_element_is_reachable_and_visibly_focused(
    page: object, request: pytest.FixtureRequest, site: str, path: str, material: bool
) -> None:
    base = request.getfixturevalue("published_url" if site == "site" else "showcase_url")
    if not material:  # a keyboard user's first keys, before Material's script arrives
        page.route(f"**{BUNDLE}*", lambda route: route.abort())
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(base + path)
    page.wait_for_load_state("load")
    if material:
        wake_material(page)
    expected = dict(page.evaluate(_FOCUSABLE))
    reached, problems = set(), []
    for _ in range(len(expected) + 10):
        page.keyboard.press("Tab")
        state = page.evaluate(_FOCUS_STATE)
        if state["body"] or state["id"] in reached:
            break
        reached.add(state["id"])
        if state["outline"] < 2:
            problems.append(f"no visible focus outline: {state['html']}")
        if state["underHeader"]:  # look again once fading overlays have gone
            page.wait_for_timeout(400)
            state = page.evaluate(_FOCUS_STATE)
        if state["underHeader"]:
            problems.append(f"focus hidden under the header: {state['html']}")
    missing = [html for key, html in expected.items() if key not in reached]
    assert material_started(page) is material
    assert len(expected) > 5
    assert not missing, f"Not reachable by Tab: {missing}"
    assert not problems, problems


@pytest.mark.parametrize("size", [(320, 640), (320, 256)], ids=["320px", "400pc-zoom"])
def test_no_kind_of_page_scrolls_sideways_at_320_css_pixels(
    browser: object, published_url: str, site_dir: Path, size: tuple[int, int]
) -> None:
    # 400 % zoom of a 1280 by 1024 window is a 320 by 256 CSS-pixel viewport.
    context = browser.new_context(viewport={"width": size[0], "height": size[1]})
    page = context.new_page()
    found = {}
    for path in sample_paths(site_dir):  # every guide, and one page of each other kind
        page.goto(published_url + path)
        for state in ("before interaction", "after interaction"):
            if state == "after interaction":
                wake_material(page)
            wide = page.evaluate("() => document.documentElement.scrollWidth - innerWidth")
            overflowing = page.evaluate(_OVERFLOWING)
            if wide > 0 or overflowing:
                found[f"{path or '/'} ({state})"] = (wide, overflowing[:5])
    context.close()
    assert not found, found


@pytest.mark.parametrize("width", [1280, 320])
def test_text_spacing_overrides_clip_nothing(
    browser: object, published_url: str, width: int
) -> None:
    # A reader's own style sheet is not subject to the page's Content-Security-
    # Policy; a test-injected <style> is, so this context bypasses the policy.
    context = browser.new_context(bypass_csp=True)
    page = context.new_page()
    page.set_viewport_size({"width": width, "height": 800})
    for path in SAMPLE:
        page.goto(published_url + path)
        page.add_style_tag(content=TEXT_SPACING)
        assert page.evaluate("() => getComputedStyle(document.body).wordSpacing") != "0px"
        assert page.evaluate(_CLIPPED) == [], path
        wake_material(page)
        assert page.evaluate(_CLIPPED) == [], f"{path}, once Material has started"
    context.close()


def test_colour_scheme_toggle_is_reachable_and_labelled(page: object, published_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(published_url)
    wake_material(page)  # tests/browser/test_first_visit.py covers the toggle before it
    assert _tab_until(page, "() => document.activeElement.name === '__palette'")
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == (
        "Switch to dark mode"
    )
    page.keyboard.press("Enter")
    assert page.evaluate("() => document.body.dataset.mdColorScheme") == "slate"
    assert page.evaluate("() => document.activeElement.getAttribute('aria-label')") == (
        "Switch to light mode"
    )


def test_search_is_usable_by_keyboard_alone(page: object, published_url: str) -> None:
    page.set_viewport_size({"width": 1280, "height": 800})
    page.goto(published_url)
    # From the header's Search link to the search page, then the labelled field.
    assert _tab_until(page, "() => document.activeElement.matches('.cg-search-link')")
    page.keyboard.press("Enter")
    page.wait_for_url("**/search/")
    # The labelled field has focus on arrival.
    page.wait_for_function("() => document.activeElement.name === 'q'")
    page.keyboard.type("accessibility")
    page.keyboard.press("Enter")
    status = page.get_by_role("status")
    assert status.get_attribute("aria-live") == "polite"
    status.filter(has_text="for \u201c").wait_for()
    assert _tab_until(page, "() => !!document.activeElement.closest('[data-cg-search-results]')")
    target = page.evaluate("() => document.activeElement.href")
    page.keyboard.press("Enter")
    page.wait_for_url(target)


def test_single_key_shortcuts_are_off(page: object, published_url: str) -> None:
    page.goto(published_url)
    wake_material(page)  # the shortcuts are Material's
    for key in ("s", "f", "/", "n", "."):
        page.keyboard.press(key)
    assert page.evaluate("() => document.activeElement === document.body")
    assert page.url.rstrip("/") == published_url.rstrip("/")


def test_print_hides_menus_and_writes_out_external_links(page: object, published_url: str) -> None:
    page.goto(published_url + "accessibility/")
    page.emulate_media(media="print")
    for selector in (".md-header", ".md-sidebar--primary", ".md-footer"):
        assert page.locator(selector).first.evaluate("el => getComputedStyle(el).display") == (
            "none"
        ), selector
    link = page.locator(".md-content a[href^='https://www.w3.org']").first
    after = link.evaluate("el => getComputedStyle(el, '::after').content")
    assert "https://www.w3.org/TR/WCAG22/" in after
