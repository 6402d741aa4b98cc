"""A second accessibility engine: HTML_CodeSniffer (WCAG2AA) finds no errors.

axe-core (test_accessibility_axe.py) checks every page; HTML_CodeSniffer
applies other rules (a form must have a submit button, every form control a
name), so it runs on one page of each kind the templates make, as the page
first shows and again once Material's script has started. Its warnings and
notices ask a person to judge, so they are counted, not failed.
HTMLCS.js comes from the npm package html_codesniffer (package.json), which
`make test` installs with `npm ci`; without it the test fails and says so.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Iterator

import pytest

from tests.support.checkers import MissingCheckerError, htmlcs_script, run_htmlcs
from tests.support.material import wake_material

pytestmark = pytest.mark.browser

# One page of each kind the templates make.
PAGE_KINDS = {
    "home": "",
    "guide page": "guides/getting-started/",
    "law page": "law/england/",
    "case-study index": "case-studies/",
    "case study": "case-studies/rushey-green-time-bank/",
    "listing": "case-studies/principle/reciprocity/",
    "search page": "search/",
    "Easy Read page": "easy-read/what-is-coproduction/",
}


@pytest.fixture(scope="module")
def htmlcs_page(browser: object) -> Iterator[object]:
    try:
        script = htmlcs_script()
    except MissingCheckerError as missing:
        pytest.fail(str(missing), pytrace=False)
    context = browser.new_context()
    # An init script, like axe's: the pages' security policy blocks added scripts.
    context.add_init_script(script)
    yield context.new_page()
    context.close()


@pytest.mark.parametrize("kind", PAGE_KINDS)
def test_html_codesniffer_finds_no_errors(
    kind: str, htmlcs_page: object, site_url: str, record_property: object
) -> None:
    page = htmlcs_page
    page.goto(site_url + PAGE_KINDS[kind], wait_until="load")
    found = {"before interaction": run_htmlcs(page)}
    wake_material(page)
    found["after interaction"] = run_htmlcs(page)
    errors = [
        f"{state}: {m['code']}: {m['msg']}\n    {m['element']}"
        for state, messages in found.items()
        for m in messages
        if m["type"] == "error"
    ]
    counts = {state: dict(Counter(m["type"] for m in ms)) for state, ms in found.items()}
    record_property("htmlcs_messages", counts)  # warnings and notices, for the record
    assert found["before interaction"], "HTML_CodeSniffer reported nothing at all"
    assert not errors, f"HTML_CodeSniffer (WCAG2AA) on {kind} ({counts}):\n" + "\n".join(errors)
