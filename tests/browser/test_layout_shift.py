"""The case-study index keeps still as it loads on a phone: CLS at most 0.1.

Cumulative layout shift as Chrome counts it (PerformanceObserver
'layout-shift', shifts without recent input), on a phone-sized viewport
with the CPU slowed four times through the DevTools protocol, from the
first paint until a moment after the page has loaded.
"""

from __future__ import annotations

import pytest

pytestmark = pytest.mark.browser

GOOD_CLS = 0.1  # web.dev's "good" threshold
PHONE = {"width": 360, "height": 740}
CPU_SLOWDOWN = 4

_OBSERVE = """
window.__cls = 0;
window.__shifts = [];
new PerformanceObserver(list => {
  for (const entry of list.getEntries()) {
    if (entry.hadRecentInput) continue;
    window.__cls += entry.value;
    window.__shifts.push({
      value: entry.value,
      sources: (entry.sources || []).map(s =>
        s.node ? (s.node.id || s.node.className || s.node.nodeName) : "?"),
    });
  }
}).observe({ type: "layout-shift", buffered: true });
"""


def layout_shift(browser: object, url: str) -> tuple[float, list[dict]]:
    context = browser.new_context(
        viewport=PHONE, device_scale_factor=2, is_mobile=True, has_touch=True
    )
    context.add_init_script(_OBSERVE)
    page = context.new_page()
    try:
        cdp = context.new_cdp_session(page)
        cdp.send("Emulation.setCPUThrottlingRate", {"rate": CPU_SLOWDOWN})
        page.goto(url, wait_until="load")
        page.wait_for_timeout(1000)
        return page.evaluate("window.__cls"), page.evaluate("window.__shifts")
    finally:
        context.close()


@pytest.mark.parametrize("query", ["", "?nation=Wales"])
def test_case_study_index_does_not_shift_on_a_phone(
    browser: object, site_url: str, query: str
) -> None:
    cls, shifts = layout_shift(browser, site_url + "case-studies/" + query)
    assert cls <= GOOD_CLS, f"CLS {cls:.3f} on a phone: {shifts}"
