"""scripts/compare_builds.py tells known differences from unexplained ones.

The ProperDocs job in .github/workflows/test.yml runs the script itself;
these tests check its comparison on small folders, with no second tool.
"""

from __future__ import annotations

import gzip
from pathlib import Path

from scripts.compare_builds import KNOWN, compare

PAGE = '<html><head><meta content="{}, mkdocs-material-9.8.2" name=generator><title>A</title>'


def _write(folder: Path, files: dict[str, bytes]) -> Path:
    for rel, data in files.items():
        path = folder / rel
        path.parent.mkdir(parents=True, exist_ok=True)
        path.write_bytes(data)
    return folder


def _sites(tmp_path: Path, a: dict[str, bytes], b: dict[str, bytes]) -> tuple[Path, Path]:
    return _write(tmp_path / "mkdocs", a), _write(tmp_path / "properdocs", b)


def test_the_generator_tag_is_a_known_difference_with_a_reason(tmp_path: Path) -> None:
    first, second = _sites(
        tmp_path,
        {"a/index.html": PAGE.format("mkdocs-1.6.1").encode(), "x.css": b"p{}"},
        {"a/index.html": PAGE.format("mkdocs-ProperDocs 1.6.7").encode(), "x.css": b"p{}"},
    )
    result = compare(first, second)
    assert (result.compared, result.identical, result.unexplained) == (2, 1, [])
    assert result.explained["generator tag"] == ["a/index.html"]
    assert all(known.reason for known in KNOWN)


def test_any_other_change_is_unexplained_and_shown(tmp_path: Path) -> None:
    first, second = _sites(
        tmp_path,
        {"a.html": PAGE.format("mkdocs-1.6.1").encode() + b"<p>One</p>"},
        {"a.html": PAGE.format("mkdocs-ProperDocs 1.6.7").encode() + b"<p>Two</p>"},
    )
    (line,) = compare(first, second).unexplained
    assert line.startswith("a.html: differs") and "One" in line and "Two" in line


def test_a_generator_like_text_outside_html_is_not_excused(tmp_path: Path) -> None:
    first, second = _sites(
        tmp_path,
        {"feed.xml": b'<meta name="generator" content="mkdocs-1.6.1">'},
        {"feed.xml": b'<meta name="generator" content="ProperDocs 1.6.7">'},
    )
    assert len(compare(first, second).unexplained) == 1


def test_a_file_in_one_build_only_is_unexplained(tmp_path: Path) -> None:
    first, second = _sites(tmp_path, {"a.txt": b"a", "b.txt": b"b"}, {"a.txt": b"a", "c.txt": b"c"})
    assert compare(first, second).unexplained == [
        "b.txt: only in the MkDocs build",
        "c.txt: only in the ProperDocs build",
    ]


def test_gzip_files_are_compared_by_their_contents(tmp_path: Path) -> None:
    same = b"<urlset></urlset>"
    first, second = _sites(
        tmp_path,
        {"sitemap.xml.gz": gzip.compress(same, mtime=1)},
        {"sitemap.xml.gz": gzip.compress(same, mtime=2)},
    )
    result = compare(first, second)
    assert (result.identical, result.unexplained) == (1, [])
