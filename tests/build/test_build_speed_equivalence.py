"""Speed-ups that must not change what readers get.

- hooks/nav_cache.py reuses the navigation rendered for one page outside the
  navigation on its neighbours. Built without it, every page is the same.
- hooks/search.py sends Pagefind each page while the site builds. The index
  holds the same pages as one built by `pagefind --site` after the build.
"""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

from tests.support.fork import tracked_files
from tests.support.sites import ROOT, Build, html_pages, run_mkdocs_build


def _copy_project(dest: Path) -> Path:
    for rel in tracked_files():
        (dest / rel).parent.mkdir(parents=True, exist_ok=True)
        shutil.copy2(ROOT / rel, dest / rel)
    return dest


def test_pages_are_the_same_without_the_navigation_cache(built_site: Build, tmp_path: Path) -> None:
    project = _copy_project(tmp_path / "project")
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
    assert page_count(built_site.site_dir) == page_count(copy) > 50
