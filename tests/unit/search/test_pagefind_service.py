"""Our client for Pagefind's service mode, against the real (pinned) Pagefind."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from hooks.search.pagefind_service import PagefindError, PagefindService, indexed_part
from tests.support.sites import file_bytes

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


def test_after_writing_pagefind_exits_by_itself_rather_than_being_killed(tmp_path: Path) -> None:
    index = PagefindService({})
    index.add_page(PAGE.format(title="A", text="Alpha."), "a/index.html")
    index.write(str(tmp_path / "pagefind"))
    assert index._process.returncode == 0  # a killed process has -9


ARTICLE = (
    '<!doctype html><html lang="en-GB"><head><meta charset="utf-8"><title>{title} - Guide</title>'
    '<link rel="stylesheet" href="main.css"><script>var x = 1;</script></head><body>'
    '<header><nav><a href="/">Home</a> <a href="/other/">Menu words, not indexed</a></nav></header>'
    '<main><article class="md-content__inner"><div data-pagefind-body><h1>{title}</h1>'
    '<p>{text} <img src="a.png" alt="A picture"></p></div><div class="page-end">Last reviewed</div>'
    "</article></main><footer>Footer words</footer></body></html>"
)


def test_only_the_language_title_and_article_are_sent() -> None:
    page = ARTICLE.format(title="Ladder", text="Steps of involvement.")
    sent = indexed_part(page)
    assert sent.startswith('<!doctype html><html lang="en-GB"><head>')
    assert "<title>Ladder - Guide</title></head><body><div data-pagefind-body><h1>" in sent
    assert sent.endswith('<div class="page-end">Last reviewed</div></body></html>')
    assert "Menu words" not in sent and "Footer words" not in sent and "var x" not in sent


@pytest.mark.parametrize(
    "page",
    [
        PAGE.format(title="No article", text="The body is not in an article."),
        ARTICLE.format(title="A", text="B").replace("<h1>", '<h1 data-pagefind-meta="title">'),
        ARTICLE.format(title="A", text="B").replace("<body>", '<body data-pagefind-filter="x">'),
        ARTICLE.format(title="A", text="B").replace("<title>A - Guide</title>", ""),
        ARTICLE.format(title="A", text="B").replace("<div data-pagefind-body>", "<div>"),
    ],
)
def test_a_page_marked_any_other_way_is_sent_whole(page: str) -> None:
    assert indexed_part(page) == page


def test_the_index_of_the_parts_sent_is_the_index_of_the_whole_pages(tmp_path: Path) -> None:
    pages = {
        "ladder/index.html": ARTICLE.format(title="Ladder", text="Steps of involvement."),
        "pay/index.html": ARTICLE.format(title="Paying people", text="Pay for time & travel."),
        "plain/index.html": PAGE.format(title="Plain", text="Sent whole."),
    }
    for name, send in (("whole", str), ("parts", indexed_part)):
        index = PagefindService({"exclude_selectors": [".headerlink"]})
        for path, html in pages.items():
            index.add_page(send(html), path)
        index.write(str(tmp_path / name))
    whole, parts = file_bytes(tmp_path / "whole"), file_bytes(tmp_path / "parts")
    assert len(whole) > 5
    assert parts == whole


def test_the_preview_s_index_is_written_by_pagefind_while_the_build_goes_on(
    tmp_path: Path,
) -> None:
    index = PagefindService({})
    index.add_page(PAGE.format(title="A", text="Alpha."), "a/index.html")
    index.write_later(str(tmp_path / "pagefind"))
    entry = tmp_path / "pagefind" / "pagefind-entry.json"
    deadline = time.monotonic() + 30
    while not entry.exists() and time.monotonic() < deadline:
        time.sleep(0.05)
    index.close()
    assert entry.exists()


def test_files_left_out_are_not_written(tmp_path: Path) -> None:
    index = PagefindService({})
    index.add_page(PAGE.format(title="A", text="Alpha."), "a/index.html")
    index.write(str(tmp_path / "pagefind"), leave_out=("pagefind-ui.js",))
    assert (tmp_path / "pagefind" / "pagefind.js").exists()
    assert not (tmp_path / "pagefind" / "pagefind-ui.js").exists()
