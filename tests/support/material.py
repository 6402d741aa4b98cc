"""Material's script arrives on the reader's first interaction: wake it as a reader would.

A page loads without Material's bundle.js; the first key press, click,
touch, wheel, scroll or focus fetches it (overrides/partials/javascripts/
first-visit.html). Tests that check what Material does press a key first.
"""

from __future__ import annotations

BUNDLE = "/assets/javascripts/bundle."

# Material's palette adds <meta name="theme-color"> when it starts; nothing
# else on the page does, so it shows that Material's components are mounted.
MATERIAL_STARTED = "() => document.querySelector('meta[name=theme-color]') !== null"


def material_started(page: object) -> bool:
    return page.evaluate(MATERIAL_STARTED)


def wake_material(page: object) -> None:
    """Press Shift (a key with no effect of its own), then wait for Material to start."""
    page.keyboard.press("Shift")
    page.wait_for_function(MATERIAL_STARTED)
