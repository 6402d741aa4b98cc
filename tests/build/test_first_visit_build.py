"""Built pages leave Material's script to the loader, which names a file that exists."""

from __future__ import annotations

import json
import re
from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.sites import html_pages

_LOADER_SRC = re.compile(r"script\.src = (\"[^\"]+\");")


def test_no_page_loads_materials_script_with_the_page(site_dir: Path) -> None:
    loading = [
        str(path.relative_to(site_dir))
        for path in html_pages(site_dir)
        if BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser").select(
            "script[src*='/bundle.']"
        )
    ]
    assert not loading


def test_every_page_has_the_loader_and_it_names_materials_bundle(site_dir: Path) -> None:
    problems = []
    for path in html_pages(site_dir):
        if path.name == "404.html":
            continue  # linked by the published path, checked in the browser tests
        found = _LOADER_SRC.findall(path.read_text(encoding="utf-8"))
        target = (path.parent / json.loads(found[0])).resolve() if len(found) == 1 else None
        if target is None or not target.is_file() or not target.name.startswith("bundle."):
            problems.append(f"{path.relative_to(site_dir)}: {found}")
    assert not problems, problems
