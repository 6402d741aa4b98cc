"""axe-core finds nothing on any page, in the light or the dark colour scheme.

Runs every rule tagged WCAG 2.0, 2.1 and 2.2 A and AA plus best practice, on
every built page of the real site and of the `a11y_showcase` fixture (one of
every component the theme styles), as each page first shows and again once
Material's script has started (it loads on the first interaction). Keeps docs/assets/data/
accessibility-results.json, which the accessibility statement shows, in step
with the latest run.
"""

from __future__ import annotations

import datetime as dt
import json
from collections.abc import Iterator
from pathlib import Path

import pytest

from tests.support.a11y import AxeRun, page_paths, record, run_axe, serve_as_published
from tests.support.sites import ROOT, build_fixture

pytestmark = pytest.mark.browser

RESULTS = ROOT / "docs" / "assets" / "data" / "accessibility-results.json"
# What the statement shows of a run. The page count is not kept: the build
# counts pages itself, so adding a page never fails this test. Nor does the
# passing of time: a test that fails by date alone would block unrelated fixes.
COMPARED = (
    "axe_version",
    "runner",
    "tags",
    "schemes",
    "violations",
    "violations_by_rule",
    "disabled_rules",
)


@pytest.fixture(scope="module")
def published_url(site_dir: Path, site_config: object) -> Iterator[str]:
    with serve_as_published(site_dir, site_config["site_url"]) as url:
        yield url


@pytest.fixture(scope="module")
def site_axe(browser: object, site_dir: Path, published_url: str) -> AxeRun:
    return run_axe(browser, published_url, page_paths(site_dir))


@pytest.fixture(scope="module")
def showcase_axe(browser: object, tmp_path_factory: pytest.TempPathFactory) -> AxeRun:
    build = build_fixture("a11y_showcase", tmp_path_factory.mktemp("showcase"))
    assert build.ok, build.log
    with serve_as_published(build.site_dir, "https://fixture.example/") as url:
        return run_axe(browser, url, page_paths(build.site_dir))


def test_every_page_of_the_site_has_no_axe_violations_in_either_scheme(site_axe: AxeRun) -> None:
    assert len(site_axe.pages) >= 2 and site_axe.schemes == ["light", "dark"]
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
    latest = record(site_axe, dt.date.today().isoformat())
    kept = json.loads(RESULTS.read_text(encoding="utf-8")) if RESULTS.exists() else {}
    if any(kept.get(key) != latest[key] for key in COMPARED) or "date" not in kept:
        RESULTS.parent.mkdir(parents=True, exist_ok=True)
        RESULTS.write_text(json.dumps(latest, indent=2) + "\n", encoding="utf-8")
        pytest.fail(
            f"The accessibility statement's results were out of date; {RESULTS.relative_to(ROOT)} "
            "now holds this run's. Commit it and run the tests again.",
            pytrace=False,
        )
    statement = (site_dir / "accessibility" / "index.html").read_text(encoding="utf-8")
    assert f"<td>{kept['date']}</td>" in statement
    assert f"<td>{len(site_axe.pages)} (every page of the site)</td>" in statement
    assert f"<td>{kept['violations']}</td>" in statement
