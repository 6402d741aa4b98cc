"""The generic page checks: file, front matter types, and an empty page."""

from __future__ import annotations

from pathlib import Path

import pytest

from hooks.common.front_matter import parse_document, read_document
from hooks.content.page_fields import check_document, theme_problems


def _problems(text: str) -> list[str]:
    return [str(p) for p in check_document(parse_document(text, "docs/p.md"))]


def test_a_normal_page_has_no_problems() -> None:
    assert _problems("---\ntitle: A\ndescription: B\nrender_macros: true\n---\n\n# A\n") == []
    assert _problems("---\ntitle: A\ndescription: B\nsearch:\n  exclude: true\n---\n\n# A\n") == []


def test_a_misspelt_field_is_named_at_its_line_with_the_field_it_nearly_is() -> None:
    page = "---\ntitle: A\nlast_reveiwed: 2026-12-07\nDescription: B\nteam: Policy\n---\n\n# A\n"
    assert _problems(page) == [
        "docs/p.md:1: description: this page has no description. Fix: add 'description: ' "
        "and one sentence, for search results and shared links, to the front matter",
        "docs/p.md:3: last_reveiwed: this is not a page field, so the site ignores it. "
        "Fix: did you mean 'last_reviewed'? Correct the spelling",
        "docs/p.md:4: Description: this is not a page field, so the site ignores it. "
        "Fix: did you mean 'description'? Correct the spelling",
    ]  # `team` is close to no page field: a fork's own, for its own templates


def test_the_retired_ignore_macros_field_is_named_with_its_replacement() -> None:
    assert _problems("---\ntitle: A\ndescription: B\nignore_macros: true\n---\n\nText.\n") == [
        "docs/p.md:4: ignore_macros: this field is no longer read: the macros plugin stops on "
        "it. Fix: write 'render_macros: false' instead"
    ]


def test_front_matter_below_a_blank_line_is_one_problem_not_missing_fields() -> None:
    assert _problems("\n---\ntitle: A\ndescription: B\n---\n\nText.\n") == [
        "docs/p.md:1: (front matter): the '---' line must be the very first line of the "
        "file. Fix: delete the blank lines above it"
    ]
    assert _problems("---\ntitle: A\ndescription: B\n---\n\n\n---\nkey: v\n") == []


def test_a_page_needs_a_title_and_a_description() -> None:
    assert _problems("# A page\n\nText.\n") == [
        "docs/p.md:1: title: this page has no title. "
        "Fix: add 'title: ' and the page's name to the front matter",
        "docs/p.md:1: description: this page has no description. Fix: add 'description: ' "
        "and one sentence, for search results and shared links, to the front matter",
    ]


def test_an_empty_page_is_refused() -> None:
    assert _problems("") == [
        "docs/p.md:1: (page): the page is empty. Fix: add its front matter "
        "(title, description) and text, or delete the file"
    ]


def test_front_matter_with_no_text_is_refused_at_the_line_after_it() -> None:
    assert _problems("---\ntitle: A\n---\n\n  \n") == [
        "docs/p.md:3: (page): the page has front matter but no text. "
        "Fix: write the page's text below this closing '---' line"
    ]


@pytest.mark.parametrize(
    ("line", "expected"),
    [
        ("title: [a, b]", "docs/p.md:2: title: this should be text, but it is a list."),
        ("title:", "docs/p.md:2: title: this should be text, but it is empty."),
        ("description: {a: 1}", "description: this should be text, but it is a group of fields."),
        ("render_macros: 'yes'", "render_macros: this should be true or false, but it is 'yes'."),
        ("render_macros: 1", "render_macros: this should be true or false, but it is 1."),
        ("search: false", "search: this should be 'exclude: true', but it is False."),
        ("search: {exclude: 'yes'}", "search: this should be 'exclude: true', but it is a group"),
        ("search: {boost: 2}", "search: this should be 'exclude: true', but it is a group"),
    ],
)
def test_fields_of_the_wrong_type_are_refused(line: str, expected: str) -> None:
    others = "".join(f"{n}: A\n" for n in ("title", "description") if not line.startswith(n))
    found = _problems(f"---\n{line}\n{others}---\n\nText.\n")
    assert len(found) == 1 and expected in found[0]


def test_file_problems_are_reported_alone(tmp_path: Path) -> None:
    path = tmp_path / "p.md"
    path.write_bytes(b"---\ntitle: caf\xe9\n---\n")
    found = [str(p) for p in check_document(read_document(path, "docs/p.md"))]
    assert found == [
        "docs/p.md:2: (file): the text is not UTF-8. Fix: save the file with UTF-8 encoding"
    ]


def test_an_unclosed_quote_is_reported_on_the_line_where_it_opens() -> None:
    found = _problems('---\ntitle: A\ndescription: "Never closed\nowner: x\n---\n\nText.\n')
    assert found == [
        "docs/p.md:3: (front matter): the front matter is not valid YAML: a quotation mark on "
        "this line is never closed. Fix: add the closing quotation mark, or remove the opening one"
    ]


@pytest.mark.parametrize(
    ("line", "problems"),
    [
        ("template: main.html", []),
        ("icon: material/home", []),
        ("template: guide.html", ["docs/a.md:2: template: the theme has no template 'guide.html'"]),
        ("template: ../mkdocs.yml", ["docs/a.md:2: template: the theme has no template"]),
        ("icon: material/hom", ["docs/a.md:2: icon: the theme has no icon 'material/hom'"]),
        ("icon: 3", ["docs/a.md:2: icon: the theme has no icon 3"]),
        ("hide: 5", ["docs/a.md:2: hide: this should be a list of what to hide (navigation,"]),
        ("hide: [toc, sidebar]", ["docs/a.md:2: hide: this should be a list of what to hide"]),
        ("hide: [navigation, toc]", []),
    ],
)
def test_a_template_or_icon_the_theme_lacks_is_refused(
    tmp_path: Path, line: str, problems: list[str]
) -> None:
    # Without the check MkDocs stops with a traceback from deep in a template.
    (tmp_path / ".icons" / "material").mkdir(parents=True)
    (tmp_path / ".icons" / "material" / "home.svg").write_text("<svg/>")
    (tmp_path / "main.html").write_text("")
    doc = parse_document(f"---\n{line}\n---\n# A\n", "docs/a.md")
    found = [str(p) for p in theme_problems(doc, [str(tmp_path)])]
    assert [f[: len(p)] for f, p in zip(found, problems, strict=False)] == problems
    assert len(found) == len(problems)
