"""axe-core finds nothing on the site, in the light or the dark colour scheme.

Runs every rule tagged WCAG 2.0, 2.1 and 2.2 A and AA plus best practice, as
each page first shows and again once Material's script has started (it loads
on the first interaction), on every guide and one page of each other kind
(`sample_paths` in tests/support/a11y.py), and on every page of the
`a11y_showcase` fixture (one of every component the theme styles).

docs/assets/data/accessibility-results.json, which the accessibility
statement shows, is written only by `make a11y-results` (axe on every page);
this test compares its run with it and fails, naming that command, when the
figures differ. No test writes into the repository.
"""

from __future__ import annotations

import datetime as dt
import shutil
from collections.abc import Iterator
from pathlib import Path

import pytest

from hooks.case_studies.pages import FACETS
from tests.support.a11y import (
    STATES,
    AxeRun,
    page_paths,
    record,
    run_axe,
    sample_paths,
    serve_as_published,
)
from tests.support.a11y_results import COMMAND, RESULTS, differences, kept
from tests.support.browser import serve_directory
from tests.support.sites import ROOT, Build

pytestmark = pytest.mark.browser


@pytest.fixture(scope="module")
def published_url(site_dir: Path, site_config: object) -> Iterator[str]:
    with serve_as_published(site_dir, site_config["site_url"]) as url:
        yield url


@pytest.fixture(scope="module")
def site_axe(site_dir: Path, published_url: str) -> AxeRun:
    return run_axe(published_url, sample_paths(site_dir))


@pytest.fixture(scope="module")
def showcase_axe(showcase_build: Build) -> AxeRun:
    assert showcase_build.ok, showcase_build.log
    with serve_as_published(showcase_build.site_dir, "https://fixture.example/") as url:
        return run_axe(url, page_paths(showcase_build.site_dir))


def test_every_kind_of_page_has_no_axe_violations_in_either_scheme(
    site_axe: AxeRun, site_dir: Path
) -> None:
    assert len(site_axe.pages) >= 2 and site_axe.schemes == ["light", "dark"]
    pages = set(site_axe.pages)
    kinds = {"", "404.html", "search/", "accessibility/", "case-studies/", "case-studies/fields/"}
    assert kinds <= pages, sorted(kinds - pages)
    guides = {path for path in page_paths(site_dir) if path.startswith("guides/")}
    assert len(guides) > 10 and guides <= pages, sorted(guides - pages)
    for section in ("understand/", "principles/", "law/", "easy-read/", "forms-and-templates/"):
        assert [p for p in pages if p.startswith(section)], section
    studies = [p for p in pages if p.startswith("case-studies/")]
    listings = tuple(f"{segment}/" for segment, *_ in FACETS)
    assert any(p.removeprefix("case-studies/").startswith(listings) for p in studies), studies
    assert len(studies) >= 4, studies  # index, fields, a listing, a case study
    assert site_axe.states == ["before interaction", "after interaction"]
    assert not site_axe.violations, "axe found:\n" + site_axe.summary()


def test_every_styled_component_has_no_axe_violations_in_either_scheme(
    showcase_axe: AxeRun,
) -> None:
    assert "components/" in showcase_axe.pages
    assert not showcase_axe.violations, "axe found:\n" + showcase_axe.summary()


def test_accessibility_statement_shows_the_latest_axe_results(
    site_axe: AxeRun, site_dir: Path
) -> None:
    saved = kept()
    changed = differences(saved, record(site_axe, dt.date.today().isoformat()))
    if changed:
        pytest.fail(
            f"{RESULTS.relative_to(ROOT)} does not match what axe finds now "
            f"({', '.join(changed)} differ). Run `{COMMAND}` (axe on every page; it rewrites "
            "the file), check what it reports, and commit the file.",
            pytrace=False,
        )
    statement = (site_dir / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert f"<td>{saved['date']}</td>" in statement
    assert f"<td>{len(page_paths(site_dir))} (every page of the site)</td>" in statement
    assert f"<td>{saved['violations']}</td>" in statement


def test_axe_reports_what_it_finds_in_each_scheme(minimal_build: Build, tmp_path: Path) -> None:
    """The runner itself: a picture with no text alternative is found in both schemes."""
    assert minimal_build.ok, minimal_build.log
    site = shutil.copytree(minimal_build.site_dir, tmp_path / "site")
    home = site / "index.html"
    html = home.read_text(encoding="utf-8")
    home.write_text(html.replace("</h1>", '</h1><img src="missing.png">', 1), encoding="utf-8")
    with serve_directory(site) as url:
        run = run_axe(url, [""])
    found = {(v["scheme"], v["state"], v["rule"]) for v in run.violations}
    expected = {(s, state, "image-alt") for s in ("light", "dark") for state in STATES}
    assert expected <= found, run.summary()
