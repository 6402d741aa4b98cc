"""A fork's own Easy Read pages and pictograms get the same checks and layout.

`tests/fixtures/easy_read/` is a fork with one Easy Read page that passes
(with its own pictograms) and, in `failing/easy-read/`, one page for each
rule it can break; the tests add those to the fork and check the messages.
"""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.sites import FIXTURES, Build, build_fixture, copy_fixture, run_mkdocs_build

FAILING = FIXTURES / "easy_read" / "failing" / "easy-read"

# Every message the failing pages give, exactly as an editor sees it.
EXPECTED = [
    "docs/easy-read/abbreviation.md:14: (abbreviation): NHS is not explained. Fix: write it "
    'in full, "National Health Service", or explain it before you use it',
    "docs/easy-read/bad-front-matter.md:6: easy_read.standard_page: there is no page "
    "docs/guides/nowhere.md. Fix: check the spelling (a path inside docs/)",
    "docs/easy-read/bad-front-matter.md:7: easy_read.checked_by: a check needs its date "
    "too. Fix: add 'checked_on: YYYY-MM-DD' below it, the day the group checked the page",
    "docs/easy-read/hard-words.md:9: (page): the reading ease is -61.9; Easy Read pages "
    "score 70 or more. Fix: use shorter, everyday words, starting with line 14: "
    '"Organisations institutionalise participatory methodologies"',
    "docs/easy-read/long-average.md:9: (page): the sentences average 12.2 words; Easy Read "
    "pages average 12 or fewer. Fix: split the longest sentences, starting with line 14: "
    '"The money you get from us can change the help that you get…"',
    "docs/easy-read/long-sentence.md:16: (sentence): this sentence has 19 words; Easy Read "
    'sentences have 15 or fewer. Fix: split it: "We meet in the hall by the park, and we '
    'start with tea and…"',
    "docs/easy-read/no-picture.md:18: (picture): this point has no picture. Fix: start the "
    "point with a picture line, like ![](../assets/easy-read/tick.svg){ .decorative }, "
    "directly followed by its first sentence",
]


@pytest.fixture(scope="module")
def passing(tmp_path_factory: pytest.TempPathFactory) -> Build:
    return build_fixture("easy_read", tmp_path_factory.mktemp("easy_read"))


@pytest.fixture(scope="module")
def failing(tmp_path_factory: pytest.TempPathFactory) -> Build:
    tmp = tmp_path_factory.mktemp("easy_read_failing")
    project = copy_fixture("easy_read", tmp / "project")
    names = sorted(p.name for p in FAILING.glob("*.md"))
    for name in names:
        shutil.copy2(FAILING / name, project / "docs" / "easy-read" / name)
    config = project / "mkdocs.yml"
    config.write_text(config.read_text() + "".join(f"      - easy-read/{name}\n" for name in names))
    return run_mkdocs_build(project, tmp / "site")


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_a_forks_easy_read_page_passes_and_is_laid_out_in_rows(passing: Build) -> None:
    assert passing.ok, passing.log
    page = _soup(passing.site_dir / "easy-read" / "paying" / "index.html")
    points = page.select("article .easy-read-point")
    assert len(points) == 2
    for point in points:
        img = point.select_one(".easy-read-picture > img")
        src = (passing.site_dir / "easy-read" / "paying" / img["src"]).resolve()
        assert src.is_file(), img["src"]
        assert src.parent.name == "pictures"
        assert point.select_one(".easy-read-words p")


def test_a_forks_easy_read_page_and_its_standard_page_link_to_each_other(
    passing: Build,
) -> None:
    home = _soup(passing.site_dir / "index.html")
    link = home.find("a", string="Easy Read version")
    assert link is not None and link["href"].rstrip("/").endswith("easy-read/paying")
    easy = _soup(passing.site_dir / "easy-read" / "paying" / "index.html")
    back = easy.find("a", string="Standard version")
    assert back is not None and back["href"] in ("../..", "../../", "../../index.html")


def test_a_forks_failing_easy_read_pages_are_all_reported_at_once(failing: Build) -> None:
    assert failing.returncode != 0
    assert not (failing.site_dir / "index.html").exists()
    reported = [line.strip() for line in failing.log.splitlines() if line.startswith("  docs/")]
    assert reported == EXPECTED, failing.log
    assert "Traceback" not in failing.log
