"""Run axe-core (bundled by axe-playwright-python) over built pages.

One Chromium per colour scheme, the two side by side, one tab reused for
every page, axe injected by an init script so each page load gets it
without a round trip.
Each page is checked twice: as it first shows, before Material's script
(loaded on the first interaction), and again once Material has started.
"""

from __future__ import annotations

import functools
import json
import re
import tempfile
from collections import Counter
from collections.abc import Iterator
from concurrent.futures import ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from importlib.metadata import version
from pathlib import Path
from urllib.parse import urlparse

from axe_playwright_python.base import AXE_SCRIPT

from hooks.case_studies.pages import FACETS
from tests.support.browser import launch_chromium, serve_directory
from tests.support.material import wake_material
from tests.support.sites import html_pages

# WCAG 2.0, 2.1 and 2.2 at levels A and AA, plus Deque's best practices.
AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa", "best-practice"]

# Rules switched off, each with the reason. Empty: every rule runs.
DISABLED_RULES: dict[str, str] = {}

SCHEMES = {"light": "light", "dark": "dark"}
# Material's name for each scheme, which the page must show before axe runs.
MATERIAL_SCHEME = {"light": "default", "dark": "slate"}
STATES = ("before interaction", "after interaction")


@dataclass
class AxeRun:
    """What axe found on every page in one run."""

    axe_version: str = ""
    pages: list[str] = field(default_factory=list)
    schemes: list[str] = field(default_factory=list)
    states: list[str] = field(default_factory=list)
    violations: list[dict] = field(default_factory=list)

    def by_rule(self) -> dict[str, int]:
        """Number of failing elements for each rule."""
        counts: Counter[str] = Counter()
        for v in self.violations:
            counts[v["rule"]] += v["nodes"]
        return dict(sorted(counts.items()))

    def summary(self) -> str:
        return "\n".join(
            f"{v['scheme']} {v['page']} ({v['state']}): {v['rule']} ({v['impact']}) x{v['nodes']}: "
            f"{v['targets'][:3]}"
            for v in self.violations
        )


def axe_options() -> dict:
    """Every rule of `AXE_TAGS`, reporting every failing element.

    `resultTypes`: axe still runs every rule on every element, but details
    only one element each for passes, incomplete and inapplicable results,
    which we never read (https://github.com/dequelabs/axe-core/blob/develop/doc/API.md#options-parameter).
    It halves the time a page takes (12 pages in both schemes: 45 s -> 22 s).
    """
    rules = {rule: {"enabled": False} for rule in DISABLED_RULES}
    return {
        "runOnly": {"type": "tag", "values": AXE_TAGS},
        "rules": rules,
        "resultTypes": ["violations"],
    }


def page_paths(site_dir: Path) -> list[str]:
    """Every built HTML page as a URL path relative to the site root.

    Redirect stubs are left out: they are not pages, the statement does not
    count them, and a browser leaves them at once for the page they name.
    """
    paths = []
    for p in html_pages(site_dir):
        rel = p.relative_to(site_dir).as_posix()
        paths.append(rel.removesuffix("index.html"))
    return paths


# Pages of one kind share one template and differ only in their text, which
# the build's own checks read on every page (tests/fixtures/a11y_showcase/
# holds one of every component the theme styles, and is opened in full). So
# page-by-page browser checks open every guide (docs/guides/), each page of
# a kind of its own (the home page, search, 404, the accessibility
# statement...), and the first page, in path order, of each kind below.
# `make a11y-results` still runs axe on every page.
_SECTIONS = ("understand/", "principles/", "law/", "easy-read/", "forms-and-templates/")
_LISTING = re.compile(rf"^case-studies/(?:{'|'.join(segment for segment, *_ in FACETS)})/[^/]+/")
_INDEX_PAGE = re.compile(r"^case-studies/page/\d+/$")


def sample_paths(site_dir: Path) -> list[str]:
    """The pages browser tests open one by one: every guide, and one page of each kind."""
    export = site_dir / "case-studies" / "case-studies.json"
    studies = {s["url"] for s in json.loads(export.read_text(encoding="utf-8"))["case_studies"]}

    def kind(path: str) -> str:
        if path in studies:
            return "a case study"
        if _LISTING.match(path):
            return "a listing"
        if _INDEX_PAGE.match(path):
            return "a later page of the case-study index"
        return next((section for section in _SECTIONS if path.startswith(section)), path)

    sample: dict[str, str] = {}
    for path in page_paths(site_dir):
        sample.setdefault(kind(path), path)
    return sorted(sample.values())


def run_axe(site_url: str, paths: list[str]) -> AxeRun:
    """Run axe on every path in both colour schemes, before and after the
    first interaction; collect every violation.

    Axe is the slowest browser check, so the two schemes run side by side,
    each in its own thread with its own Chromium (Playwright's sync API
    wants one instance per thread): on a machine with a core to spare they
    take the time of one.
    """
    with ThreadPoolExecutor(max_workers=len(SCHEMES)) as pool:
        found = list(pool.map(functools.partial(_axe_in_scheme, site_url, paths), SCHEMES))
    return AxeRun(
        axe_version=found[0][0],
        pages=paths,
        schemes=list(SCHEMES),
        states=list(STATES),
        violations=[v for _, violations in found for v in violations],
    )


def _axe_in_scheme(site_url: str, paths: list[str], scheme: str) -> tuple[str, list[dict]]:
    """axe's version and every violation on `paths` in one colour scheme."""
    version = ""
    violations: list[dict] = []
    with launch_chromium() as browser:
        context = browser.new_context(color_scheme=SCHEMES[scheme])
        context.add_init_script(AXE_SCRIPT)
        page = context.new_page()
        for path in paths:
            page.goto(site_url + path, wait_until="load")
            shown = page.evaluate("() => document.body.dataset.mdColorScheme")
            assert shown == MATERIAL_SCHEME[scheme], f"{path}: {scheme} shows {shown}"
            for state in STATES:
                if state == "after interaction":
                    wake_material(page)
                result = page.evaluate("opts => axe.run(document, opts)", axe_options())
                version = result["testEngine"]["version"]
                violations += [
                    {
                        "scheme": scheme,
                        "page": path or "/",
                        "state": state,
                        "rule": v["id"],
                        "impact": v["impact"],
                        "nodes": len(v["nodes"]),
                        "targets": [n["target"] for n in v["nodes"]],
                    }
                    for v in result["violations"]
                ]
        context.close()
    return version, violations


def axe_playwright_version() -> str:
    return version("axe-playwright-python")


def record(run: AxeRun, today: str) -> dict:
    """The figures the accessibility statement shows, as the tests keep them."""
    return {
        "date": today,
        "axe_version": run.axe_version,
        "runner": f"axe-playwright-python {axe_playwright_version()}",
        "tags": AXE_TAGS,
        "schemes": run.schemes,
        "violations": len(run.violations),
        "violations_by_rule": run.by_rule(),
        "disabled_rules": DISABLED_RULES,
    }


@contextmanager
def serve_as_published(site_dir: Path, site_url: str) -> Iterator[str]:
    """Serve `site_dir` under the path of `site_url`, as it is published.

    The 404 page links its styles by absolute path (/coproduction-guide/...),
    so only a site served under that path shows the 404 page as readers see it.
    """
    prefix = urlparse(site_url).path.strip("/")
    if not prefix:
        with serve_directory(site_dir) as url:
            yield url
        return
    with tempfile.TemporaryDirectory() as root:
        mount = Path(root, prefix)
        mount.parent.mkdir(parents=True, exist_ok=True)
        mount.symlink_to(site_dir, target_is_directory=True)
        with serve_directory(Path(root)) as url:
            yield url + prefix + "/"
