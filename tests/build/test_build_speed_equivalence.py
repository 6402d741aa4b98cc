"""Speed-ups that must not change what readers get.

- hooks/nav_cache.py reuses the navigation rendered for one page outside the
  navigation on its neighbours. Built without it, every page is the same.
- hooks/search.py sends Pagefind each page while the site builds. The index
  holds the same pages as one built by `pagefind --site` after the build.
- hooks/story_prerender.py converts and renders case studies ahead in second
  processes on a large build. Built without it, every file is the same, even
  when those processes fail on some pages.
"""

from __future__ import annotations

import json
import re
import shutil
import subprocess
import sys
from pathlib import Path

from bench.build_scale import write_synthetic
from tests.support.fork import copy_project
from tests.support.sites import Build, file_bytes, html_pages, run_mkdocs_build


def test_pages_are_the_same_without_the_navigation_cache(built_site: Build, tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    base = project / "mkdocs.base.yml"
    text = base.read_text(encoding="utf-8")
    assert "  - hooks/nav_cache.py\n" in text
    base.write_text(text.replace("  - hooks/nav_cache.py\n", ""), encoding="utf-8")
    uncached = run_mkdocs_build(project, tmp_path / "site")
    assert uncached.ok, uncached.log
    ours = [p.relative_to(built_site.site_dir) for p in html_pages(built_site.site_dir)]
    theirs = [p.relative_to(uncached.site_dir) for p in html_pages(uncached.site_dir)]
    assert ours == theirs
    case_studies = [p for p in ours if p.parts[0] == "case-studies"]
    assert len(case_studies) > 12  # the cache was in play: many pages share a folder
    different = [
        str(p)
        for p in ours
        if (built_site.site_dir / p).read_bytes() != (uncached.site_dir / p).read_bytes()
    ]
    assert different == []


def test_search_index_holds_what_pagefind_finds_in_the_built_site(
    built_site: Build, tmp_path: Path
) -> None:
    copy = tmp_path / "site"
    shutil.copytree(built_site.site_dir, copy, ignore=shutil.ignore_patterns("pagefind"))
    subprocess.run(
        [sys.executable, "-m", "pagefind", "--site", str(copy), "--silent",
         "--exclude-selectors", ".headerlink"],
        check=True,
    )  # fmt: skip

    def fragments(site: Path) -> list[str]:
        return sorted(p.name for p in (site / "pagefind" / "fragment").iterdir())

    def page_count(site: Path) -> int:
        entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
        return entry["languages"]["en-gb"]["page_count"]

    # Each fragment is named by the hash of one page's indexed text and data.
    assert fragments(built_site.site_dir) == fragments(copy)
    # Every page with a body (not the case-study listings: search: exclude).
    pages = html_pages(built_site.site_dir)
    searched = [p for p in pages if b"data-pagefind-body" in p.read_bytes()]
    assert page_count(built_site.site_dir) == page_count(copy) == len(searched) > 30


# Injected into a copy of the project: fails two case studies in each second
# process that story_prerender.py starts (one raises, one logs a warning),
# changes a third's Markdown in the first, and notes each, so the build must
# convert or render those itself.
FAULTS = """
import logging
import os
import time
from pathlib import Path

_BUILD_PROCESS = os.getpid()


def _elsewhere(page, config, *endings):
    # In a second process only, on these pages: note the page.
    if os.getpid() == _BUILD_PROCESS or not page.url.endswith(endings):
        return False
    with Path(config.config_file_path).with_name("faults.txt").open("a") as notes:
        notes.write(page.url + "\\n")
    return True


def _fail_elsewhere(page, config, raises, warns):
    if _elsewhere(page, config, raises, warns):
        if page.url.endswith(raises):
            raise RuntimeError("fails in the second process only")
        logging.getLogger("mkdocs.plugins.faults").warning("only in the second process")


def on_page_markdown(markdown, page, config, files):  # converting Markdown ahead
    if os.getpid() == _BUILD_PROCESS and page.url.endswith("00000/"):
        time.sleep(0.5)  # the second process reaches the last stories first, however busy
    _fail_elsewhere(page, config, raises="00097/", warns="00095/")
    if _elsewhere(page, config, "00093/"):  # converted from other Markdown: not taken
        return markdown + "\\nOnly in the second process.\\n"
    return markdown


def on_page_context(context, page, config, nav):  # rendering templates ahead
    _fail_elsewhere(page, config, raises="00003/", warns="00007/")
    return context
"""


def test_case_studies_rendered_ahead_give_the_same_site(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    write_synthetic(project / "case_studies", 100)  # with the 12 real ones: past MIN_STORIES
    (project / "hooks" / "faults.py").write_text(FAULTS, encoding="utf-8")
    base = project / "mkdocs.base.yml"
    text = base.read_text(encoding="utf-8")
    assert "  - hooks/story_prerender.py\n" in text
    base.write_text(text + "  - hooks/faults.py\n", encoding="utf-8")
    ahead = run_mkdocs_build(project, tmp_path / "ahead")
    assert ahead.ok, ahead.log
    rendered = re.search(r"Rendering (\d+) case-study pages ahead, in a second process", ahead.log)
    assert rendered and int(rendered[1]) > 112  # the stories and their listings
    assert "only in the second process" not in ahead.log  # the build's own render logs
    faults = (project / "faults.txt").read_text(encoding="utf-8").split()
    assert faults == [
        "case-studies/synthetic-00097/",  # converted from the last story back
        "case-studies/synthetic-00095/",
        "case-studies/synthetic-00093/",
        "case-studies/synthetic-00003/",  # rendered in build order
        "case-studies/synthetic-00007/",
    ]

    base.write_text(base.read_text().replace("  - hooks/story_prerender.py\n", ""))
    here = run_mkdocs_build(project, tmp_path / "here")
    assert here.ok, here.log
    assert "second process" not in here.log
    files, theirs = file_bytes(ahead.site_dir), file_bytes(here.site_dir)
    assert sorted(files) == sorted(theirs)
    assert len([p for p in files if p.parts[0] == "case-studies" and p.name == "index.html"]) > 112
    different = [str(p) for p in files if files[p] != theirs[p]]
    assert different == []  # pages, data files and the search index alike


def test_a_warning_for_a_story_converted_ahead_is_logged_by_the_build(tmp_path: Path) -> None:
    project = copy_project(tmp_path / "project")
    last = write_synthetic(project / "case_studies", 100)[-1]  # prepared ahead, in a second process
    with last.open("a", encoding="utf-8") as story:
        story.write("\nRead [the missing guide](../../guides/missing.md).\n")
    built = run_mkdocs_build(project, tmp_path / "site")
    assert not built.ok
    assert "case-studies/synthetic-00099.md' contains a link '../../guides/missing.md'" in built.log
    assert "Aborted with 1 warnings in strict mode!" in built.log
