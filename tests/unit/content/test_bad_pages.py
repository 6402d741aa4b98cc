"""Bad page files: each is refused with a clear message, checked without a build.

Each file in tests/bad_inputs/pages/ goes through the checks the content and
safety hooks run on a docs page (tests/support/corpus.py), and the lines an
editor would see are compared exactly. The odd files that must build
normally are built in tests/build/test_bad_pages.py.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from tests.support.corpus import BAD_PAGES, BUILT_PAGES, docs_page_problems, refusal

CORPUS = BAD_PAGES
_MACROS_FIX = (
    "Fix: use only the site's macros (case_study_count, case_study_list, link_to, whats_new), "
    "or delete 'render_macros: true'"
)

# What an editor sees for each bad file: the exact lines of the error.
REFUSED = {
    "malformed_yaml.md": [
        "docs/malformed_yaml.md:2: (front matter): the front matter is not valid YAML: "
        "a quotation mark on this line is never closed. "
        "Fix: add the closing quotation mark, or remove the opening one"
    ],
    "tab_indentation.md": [
        "docs/tab_indentation.md:5: (front matter): the front matter is not valid YAML: "
        "a line is indented with a tab. Fix: indent with spaces, not tabs"
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


def _assert_refused(found: list[str], expected: list[str]) -> None:
    count = len(expected)
    heading = f"The site was not built: {count} problem{'s' * (count != 1)} to fix:"
    assert found == [heading, *expected]


def test_every_file_in_the_corpus_has_an_expected_outcome() -> None:
    assert sorted(p.name for p in CORPUS.glob("*.md")) == sorted([*REFUSED, *BUILT_PAGES])


@pytest.mark.parametrize("name", sorted(REFUSED))
def test_bad_page_is_refused_with_a_clear_message(name: str) -> None:
    found = refusal(docs_page_problems(CORPUS / name, f"docs/{name}"))
    _assert_refused(found, REFUSED[name])


@pytest.mark.parametrize("name", BUILT_PAGES)
def test_odd_pages_that_must_build_have_no_problems(name: str) -> None:
    assert docs_page_problems(CORPUS / name, f"docs/{name}") == []


def test_page_over_the_size_limit_is_refused(tmp_path: Path) -> None:
    paragraph = b"People who use services help to design them. " * 20 + b"\n\n"
    body = paragraph * (5_000_000 // len(paragraph) + 1)
    data = b"---\ntitle: Huge\ndescription: Too big.\n---\n\n# Huge\n\n" + body
    (tmp_path / "huge.md").write_bytes(data)
    _assert_refused(
        refusal(docs_page_problems(tmp_path / "huge.md", "docs/huge.md")),
        [
            f"docs/huge.md:1: (file): the file is {len(data):,} bytes, over the 1,000,000-byte "
            "limit. Fix: split it up or remove pasted data"
        ],
    )
