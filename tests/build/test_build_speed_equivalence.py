"""Speed-ups that must not change a single byte of any page.

hooks/nav_cache.py reuses the navigation rendered for one page outside the
navigation on its neighbours. Built without it, every page is the same.
"""

from __future__ import annotations

import shutil
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
