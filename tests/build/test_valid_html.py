"""Every built page of the real site is valid HTML to the W3C Nu HTML Checker.

vnu.jar comes from the npm package vnu-jar (package.json), which `make test`
installs with `npm ci`; it needs Java. Without either the test fails and
says so: a skipped check would let invalid pages through unnoticed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.checkers import MissingCheckerError, run_vnu


def test_every_built_page_is_valid_html(site_dir: Path) -> None:
    try:
        pages, errors = run_vnu(site_dir)
    except MissingCheckerError as missing:
        pytest.fail(str(missing), pytrace=False)
    assert pages >= 50
    assert not errors, f"vnu found {len(errors)} errors in {pages} pages:\n" + "\n".join(
        map(str, errors[:40])
    )


def test_material_toggles_have_names_and_its_search_toggle_is_gone(site_dir: Path) -> None:
    """Material's search checkbox is gone (search is its own page); the toggles
    that stay (the menu, "On this page") have names, for HTML_CodeSniffer."""
    from bs4 import BeautifulSoup

    for name in ("index.html", "guides/getting-started/index.html", "case-studies/index.html"):
        soup = BeautifulSoup((site_dir / name).read_text(encoding="utf-8"), "html.parser")
        assert soup.find(id="__search") is None, name
        assert [i["type"] for i in soup.select("[data-md-toggle=search]")] == ["hidden"], name
        assert soup.find(id="__drawer")["aria-label"] == "Menu", name
        assert soup.find(id="__toc")["aria-label"] == "On this page", name
        assert not soup.select("label[aria-label]"), name
