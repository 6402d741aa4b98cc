"""`make serve`'s preview: a `--dirty` build rebuilds what an edit changed, and only that.

The real project is copied, with the session's build of it (`built_site`,
copied with its files' times, as a first `make serve` build leaves them);
one case study is edited; a `--dirty` build into that folder must give the
edited pages exactly as a clean build of the edited project does, and leave
the other stories untouched.
"""

from __future__ import annotations

import os
import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from pathlib import Path

import pytest

from tests.support.fork import copy_project
from tests.support.sites import ROOT, Build, run_mkdocs_build

STORY = "healthy-living-club"
OLD_TITLE = "title: The Healthy Living Club"
NEW_TITLE = "title: The Healthy Living Club in Stockwell"
ADDED = "A sentence added while previewing."


@pytest.fixture(scope="module")
def preview(tmp_path_factory: pytest.TempPathFactory, built_site: Build) -> dict[str, object]:
    tmp = tmp_path_factory.mktemp("preview")
    project = copy_project(tmp / "project")
    site = tmp / "site"
    shutil.copytree(built_site.site_dir, site)  # copy2: each file keeps its time
    before = {p: p.stat().st_mtime_ns for p in site.rglob("*.html")}
    story = project / "case_studies" / f"{STORY}.md"
    text = story.read_text(encoding="utf-8")
    assert OLD_TITLE in text
    story.write_text(text.replace(OLD_TITLE, NEW_TITLE) + f"\n{ADDED}\n", encoding="utf-8")
    dirty = run_mkdocs_build(project, site, "mkdocs.yml", "--dirty")
    clean = run_mkdocs_build(project, tmp / "clean")
    return {"site": site, "before": before, "dirty": dirty, "clean": clean}


def _changed(preview: dict[str, object]) -> set[str]:
    site: Path = preview["site"]  # type: ignore[assignment]
    before: dict[Path, int] = preview["before"]  # type: ignore[assignment]
    return {p.relative_to(site).as_posix() for p, t in before.items() if p.stat().st_mtime_ns != t}


def test_a_dirty_build_is_strict_and_quiet(preview: dict[str, object]) -> None:
    dirty: Build = preview["dirty"]  # type: ignore[assignment]
    assert dirty.ok, dirty.log
    assert "dirty" not in dirty.log.lower()


def test_the_edited_story_and_its_listings_match_a_clean_build(
    preview: dict[str, object],
) -> None:
    dirty: Build = preview["dirty"]  # type: ignore[assignment]
    clean: Build = preview["clean"]  # type: ignore[assignment]
    assert clean.ok, clean.log
    for page in (f"case-studies/{STORY}/index.html", "case-studies/index.html",
                 "case-studies/nation/england/index.html", "index.html",
                 "principles/equality/index.html"):  # fmt: skip
        rebuilt = (dirty.site_dir / page).read_text(encoding="utf-8")
        assert rebuilt == (clean.site_dir / page).read_text(encoding="utf-8"), page
    story = (dirty.site_dir / f"case-studies/{STORY}/index.html").read_text(encoding="utf-8")
    assert ADDED in story
    assert "The Healthy Living Club in Stockwell" in story


def test_only_the_edited_story_is_rebuilt_among_the_stories(preview: dict[str, object]) -> None:
    changed = _changed(preview)
    stories = {
        f"case-studies/{p.stem}/index.html" for p in (ROOT / "case_studies").glob("[!_]*.md")
    }
    assert len(stories) >= 12
    assert changed & stories == {f"case-studies/{STORY}/index.html"}
    assert "index.html" in changed  # the home page counts case studies: always rebuilt
    assert "guides/paying-people/index.html" not in changed  # no macros, unchanged


def test_the_search_index_holds_every_page_after_a_dirty_build(
    preview: dict[str, object],
) -> None:
    dirty: Build = preview["dirty"]  # type: ignore[assignment]
    clean: Build = preview["clean"]  # type: ignore[assignment]

    def fragments(site: Path) -> list[str]:
        return sorted(p.name for p in (site / "pagefind" / "fragment").iterdir())

    assert fragments(dirty.site_dir) == fragments(clean.site_dir)


def _get(url: str) -> str:
    """The page's text; a preview that hangs fails here, after 30 s, not forever."""
    with urllib.request.urlopen(url, timeout=30) as response:  # noqa: S310 - our own server
        return response.read().decode("utf-8")


def _wait_for(url: str, wanted: str, seconds: float = 120) -> str:
    deadline = time.monotonic() + seconds
    text = ""
    while time.monotonic() < deadline:
        try:
            text = _get(url)
        except OSError:
            text = ""  # not serving yet
        if wanted in text:
            return text
        time.sleep(0.5)
    raise AssertionError(f"{url} never showed {wanted!r}; last:\n{text[:2000]}")


def test_the_preview_shows_a_broken_save_s_problems_and_recovers(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    with socket.socket() as probe:  # a free port on this machine
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    log = tmp_path / "serve.log"
    env = {**os.environ, "NO_MKDOCS_2_WARNING": "1", "NO_COLOR": "1"}
    with log.open("w") as out:
        server = subprocess.Popen(  # make serve's command
            [sys.executable, "-m", "mkdocs", "serve", "--dirty", "--no-strict",
             "--dev-addr", f"127.0.0.1:{port}"],
            cwd=project, env=env, stdout=out, stderr=subprocess.STDOUT,
        )  # fmt: skip
        try:
            page = f"http://127.0.0.1:{port}/case-studies/{STORY}/"
            _wait_for(page, "The Healthy Living Club</h1>")
            story = project / "case_studies" / f"{STORY}.md"
            good = story.read_text(encoding="utf-8")
            line = good.splitlines().index("nation: England") + 1
            story.write_text(good.replace("nation: England", "nation: Cornwall"), "utf-8")
            shown = _wait_for(page, "problem")
            assert f"case_studies/{STORY}.md:{line}: nation: &#34;Cornwall&#34; is not one" in shown
            assert "Fix:" in shown
            other = _get(f"http://127.0.0.1:{port}/guides/paying-people/")
            assert "case_studies/" in other  # whichever page the editor is on
            story.write_text(good, encoding="utf-8")
            _wait_for(page, "The Healthy Living Club</h1>")
            assert "Paying and rewarding people" in _get(
                f"http://127.0.0.1:{port}/guides/paying-people/"
            )
        finally:
            server.terminate()
            server.wait(timeout=30)
    text = log.read_text(encoding="utf-8")
    assert f"case_studies/{STORY}.md:{line}: nation:" in text  # our message, in our form
    rebuilds = text.split("Detected file changes")[1:]
    assert rebuilds and not any("[macros]" in part for part in rebuilds)
