"""Bad page files: each fails the build with a clear message, or builds correctly.

Each file in tests/bad_inputs/pages/ is added to a copy of the minimal fixture
site, in docs/ and in the navigation, and built in a fresh process.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from bs4 import BeautifulSoup

from tests.support.sites import ROOT, Build, build_fixture_with_page, copy_fixture, run_mkdocs_build

CORPUS = ROOT / "tests" / "bad_inputs" / "pages"
_MACROS_FIX = (
    "Fix: use only the site's macros (case_study_count, case_study_list, link_to, whats_new), "
    "or delete 'render_macros: true'"
)

# What an editor sees for each bad file: the exact lines of the error.
REFUSED = {
    "malformed_yaml.md": [
        "docs/malformed_yaml.md:2: (front matter): the front matter is not valid YAML "
        "(a quotation mark on this line is never closed). "
        "Fix: add the closing quotation mark, or remove the opening one"
    ],
    "tab_indentation.md": [
        "docs/tab_indentation.md:5: (front matter): the front matter is not valid YAML "
        "(found character '\\t' that cannot start any token). Fix: indent with spaces, not tabs"
    ],
    "unclosed_front_matter.md": [
        "docs/unclosed_front_matter.md:1: (front matter): the front matter has no closing "
        "'---' line. Fix: add a line with three hyphens (---) after the last field"
    ],
    "not_utf8.md": [
        "docs/not_utf8.md:2: (file): the text is not UTF-8. Fix: save the file with UTF-8 encoding"
    ],
    "binary.md": [
        "docs/binary.md:1: (file): this is not a text file. "
        "Fix: save it as plain text (Markdown) with UTF-8 encoding"
    ],
    "empty.md": [
        "docs/empty.md:1: (page): the page is empty. "
        "Fix: add its front matter (title, description) and text, or delete the file"
    ],
    "front_matter_only.md": [
        "docs/front_matter_only.md:4: (page): the page has front matter but no text. "
        "Fix: write the page's text below this closing '---' line"
    ],
    "title_wrong_type.md": [
        "docs/title_wrong_type.md:2: title: this should be text, but it is a list. "
        "Fix: write 'title: ' and then the text on one line"
    ],
    "render_macros_not_boolean.md": [
        "docs/render_macros_not_boolean.md:4: render_macros: this should be true or false, "
        "but it is 'yes'. Fix: write 'render_macros: true' or delete the line"
    ],
    "macro_dunder.md": [
        "docs/macro_dunder.md:11: macros: it calls '.__subclasses__', which is not one of the "
        "site's macros; it reaches the hidden attribute '__class__'; it reaches the hidden "
        "attribute '__mro__'; it reaches the hidden attribute '__subclasses__'. " + _MACROS_FIX
    ],
    "macro_config_and_globals.md": [
        "docs/macro_config_and_globals.md:9: macros: it uses 'config', which is not one of the "
        "site's macros. " + _MACROS_FIX,
        "docs/macro_config_and_globals.md:11: macros: it calls '.popen', which is not one of the "
        "site's macros; it calls '.read', which is not one of the site's macros; it reaches the "
        "hidden attribute '__globals__'; it reaches the hidden attribute '__init__'; it uses "
        "'cycler', which is not one of the site's macros. " + _MACROS_FIX,
    ],
    "macro_syntax_error.md": [
        "docs/macro_syntax_error.md:9: macros: this is not valid macro syntax "
        "(unexpected '}', expected ')'). " + _MACROS_FIX
    ],
}
BUILT = ("bom.md", "macro_without_opt_in.md")


def _build_with_page(tmp_path: Path, name: str, data: bytes) -> Build:
    return build_fixture_with_page("minimal", tmp_path, name, data)


def _assert_refused(build: Build, expected: list[str]) -> None:
    assert build.returncode != 0, build.log
    assert "Traceback" not in build.log, build.log
    count = len(expected)
    heading = f"The site was not built: {count} problem{'s' * (count != 1)} to fix:"
    lines = [line.strip() for line in build.log.splitlines()]
    start = next(i for i, line in enumerate(lines) if line.endswith(heading))
    assert lines[start + 1 : start + 1 + count] == expected, build.log


def test_every_file_in_the_corpus_has_an_expected_outcome() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.md")) == sorted([*REFUSED, *BUILT])


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_page_is_refused_with_a_clear_message(tmp_path: Path, name: str) -> None:
    build = _build_with_page(tmp_path, name, (CORPUS / name).read_bytes())
    _assert_refused(build, REFUSED[name])


def test_page_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    paragraph = b"People who use services help to design them. " * 20 + b"\n\n"
    body = paragraph * (5_000_000 // len(paragraph) + 1)
    data = b"---\ntitle: Huge\ndescription: Too big.\n---\n\n# Huge\n\n" + body
    build = _build_with_page(tmp_path, "huge.md", data)
    _assert_refused(
        build,
        [
            f"docs/huge.md:1: (file): the file is {len(data):,} bytes, over the 1,000,000-byte "
            "limit. Fix: split it up or remove pasted data"
        ],
    )


def _page(build: Build, name: str) -> BeautifulSoup:
    html = build.site_dir / name.removesuffix(".md") / "index.html"
    return BeautifulSoup(html.read_text(encoding="utf-8"), "html.parser")


def test_page_starting_with_a_byte_order_mark_builds_normally(tmp_path: Path) -> None:
    build = _build_with_page(tmp_path, "bom.md", (CORPUS / "bom.md").read_bytes())
    assert build.ok, build.log
    soup = _page(build, "bom.md")
    article = soup.select_one("article")
    assert soup.h1.get_text(strip=True).removesuffix("¶") == "Getting started"
    assert soup.title.get_text().startswith("Getting started")
    assert soup.select_one('meta[name="description"]')["content"] == "First steps in coproduction."
    # The front matter was read as front matter, not shown as text.
    assert "description:" not in article.get_text()
    assert "\ufeff" not in (build.site_dir / "bom" / "index.html").read_text(encoding="utf-8")


def test_template_syntax_on_a_page_without_opt_in_is_shown_as_text(tmp_path: Path) -> None:
    name = "macro_without_opt_in.md"
    build = _build_with_page(tmp_path, name, (CORPUS / name).read_bytes())
    assert build.ok, build.log
    text = _page(build, name).select_one("article").get_text()
    assert "This page shows {{ ''.__class__ }} as plain text." in text
    assert "<class" not in text


def test_a_bad_line_in_the_abbreviations_file_is_refused_with_its_line(tmp_path: Path) -> None:
    project = copy_fixture("minimal", tmp_path / "project")
    abbreviations = project / "includes" / "abbreviations.md"
    abbreviations.write_text(abbreviations.read_text() + "PSR means Provider Selection Regime\n")
    lines = len(abbreviations.read_text().splitlines())
    result = run_mkdocs_build(project, tmp_path / "site")
    assert result.returncode == 1
    assert "Traceback" not in result.log
    assert (
        f"includes/abbreviations.md:{lines}: (abbreviation): this line is not an abbreviation. "
        "Fix: write it as *[TERM]: what it stands for"
    ) in result.log
