"""Our client for Pagefind's service mode, against the real (pinned) Pagefind."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from pagefind_service import PagefindError, PagefindService

PAGE = (
    '<!doctype html><html lang="en-GB"><head><title>{title}</title></head>'
    "<body><main data-pagefind-body><h1>{title}</h1><p>{text}</p></main></body></html>"
)


def test_pages_sent_one_by_one_are_written_as_one_index(tmp_path: Path) -> None:
    index = PagefindService({"exclude_selectors": [".headerlink"]})
    index.add_page(PAGE.format(title="Paying people", text="Pay for time."), "pay/index.html")
    index.add_page(PAGE.format(title="Ladder", text="Steps of involvement."), "ladder/index.html")
    index.write(str(tmp_path / "pagefind"))
    assert len(list((tmp_path / "pagefind" / "fragment").iterdir())) == 2
    entry = json.loads((tmp_path / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en-gb"]["page_count"] == 2


def test_a_folder_already_built_can_be_indexed_whole(tmp_path: Path) -> None:
    site = tmp_path / "site"
    (site / "a").mkdir(parents=True)
    (site / "a" / "index.html").write_text(PAGE.format(title="A", text="Alpha."))
    (site / "index.html").write_text(PAGE.format(title="Home", text="Welcome."))
    index = PagefindService({})
    index.add_folder(str(site))
    index.write(str(site / "pagefind"))
    entry = json.loads((site / "pagefind" / "pagefind-entry.json").read_text())
    assert entry["languages"]["en-gb"]["page_count"] == 2


def test_a_refused_request_is_an_error_not_a_hang(tmp_path: Path) -> None:
    index = PagefindService({})
    index._index = 999  # no such index
    index.add_page(PAGE.format(title="A", text="Alpha."), "a/index.html")
    with pytest.raises(PagefindError):
        index.write(str(tmp_path / "pagefind"))


def test_a_stopped_process_is_an_error_not_a_hang(tmp_path: Path) -> None:
    index = PagefindService({})
    index.close()
    with pytest.raises(PagefindError, match="stopped"):
        index.add_page(PAGE.format(title="A", text="Alpha."), "a/index.html")
        index.write(str(tmp_path / "pagefind"))
