"""Macros that pages call."""

from __future__ import annotations

import pytest
from mkdocs.structure.files import File, Files, InclusionLevel

from hooks.case_studies.macros import (
    filter_problems,
    missing_page_problems,
    record_filters,
    section_link,
)
from hooks.case_studies.store import matching, set_records
from hooks.common import page_store
from hooks.common.front_matter import parse_document


def _files(*paths: str) -> Files:
    return Files([File(p, "docs", "site", use_directory_urls=True) for p in paths])


def test_link_to_an_existing_page_is_a_relative_markdown_link() -> None:
    files = _files("index.md", "law/index.md", "guides/paying-people.md")
    assert section_link(files, "guides/paying-people.md", "law/index.md", "the law") == (
        "[the law](../law/index.md)"
    )


def test_link_keeps_its_anchor() -> None:
    files = _files("index.md", "law/index.md")
    assert section_link(files, "index.md", "law/index.md#wales", "Wales") == (
        "[Wales](law/index.md#wales)"
    )


def test_link_to_a_section_a_fork_left_out_is_plain_text() -> None:
    files = _files("index.md", "law/index.md")
    files.get_file_from_path("law/index.md").inclusion = InclusionLevel.EXCLUDED  # exclude_docs
    assert section_link(files, "index.md", "law/index.md", "the law") == "the law"


def test_a_link_to_a_page_not_in_docs_is_named_at_its_call_with_the_page_it_means() -> None:
    # It was named lines away, with a fix that counted from the page's folder,
    # which link_to does not (found by a bug hunt). Keyword and variable
    # arguments are checked too: the check runs when the macro does.
    files = _files("index.md", "guides/paying-people.md")
    text = (
        "---\ntitle: A\nrender_macros: true\n---\n\nGuides/paying-peple.md is a typo.\n\n"
        "{% set p = 'guides/paying-peple.md' %}{{ link_to(p, 'pay') }}\n"
    )
    page_store.set_documents({"a.md": parse_document(text, "docs/a.md")})
    try:
        found = [str(p) for p in missing_page_problems(files, "a.md", "guides/paying-peple.md")]
        good = missing_page_problems(files, "a.md", "guides/paying-people.md#top")
    finally:
        page_store.set_documents({})
    assert found == [
        "docs/a.md:8: macros: link_to('guides/paying-peple.md'): there is no such page in "
        "docs/. Fix: did you mean 'guides/paying-people.md'? link_to takes the page's path "
        "inside docs/, such as 'guides/paying-people.md', wherever the page that links is"
    ]
    assert good == []


@pytest.mark.parametrize(
    "call",
    [
        'link_to("principles/" ~ n ~ ".md", n)',
        "link_to(d ~ n ~ '.md', n)",  # a path begun in a variable (a fifth hunt)
        "link_to(src_uri=d ~ n ~ '.md', text=n)",
        "link_to((d ~ n) ~ '.md', n)",
    ],
)
def test_a_link_to_path_worked_out_on_the_page_is_named_at_the_call(call: str) -> None:
    # It was named at the body's first line, then at an earlier call whose link
    # text happened to match (third to fifth bug hunts).
    files = _files("index.md", "principles/access.md")
    text = (
        "---\ntitle: A\nrender_macros: true\n---\n\n{{ link_to('index.md', 'principles') }}\n"
        "{% set d = 'principles/' %}\n"
        f'{{% for n in ["access", "diversty"] %}}\n- {{{{ {call} }}}}\n{{% endfor %}}\n'
    )
    page_store.set_documents({"a.md": parse_document(text, "docs/a.md")})
    try:
        (problem,) = missing_page_problems(files, "a.md", "principles/diversty.md")
    finally:
        page_store.set_documents({})
    assert (problem.path, problem.line) == ("docs/a.md", 9)


def test_link_to_a_page_that_is_not_there_is_plain_text() -> None:
    # A misspelt path is never silent: link_to names it at its line (above),
    # so no dead link is shipped.
    files = _files("index.md", "law/index.md")
    assert section_link(files, "index.md", "law/indx.md", "the law") == "the law"


def test_macro_arguments_filter_the_record_fields_they_name() -> None:
    records = [
        {"title": "A", "principles": ["equality"], "nation": "Wales"},
        {"title": "B", "principles": ["reciprocity"], "nation": "Wales"},
    ]
    filters = record_filters("reciprocity", "Wales", None, None)
    assert filters["principles"] == "reciprocity" and filters["service_areas"] is None
    assert [r["title"] for r in matching(records, **filters)] == ["B"]


def test_a_filter_value_no_case_study_can_have_is_named_at_its_line() -> None:
    # nation="Walse" would list nothing, and say nothing, on every build.
    set_records([], {"nation": ["England", "Scotland", "Wales", "Northern Ireland"]})
    text = (
        "---\ntitle: A\nrender_macros: true\n---\n\n# A\n\nWalse is a typo.\n\n"
        "{{ case_study_list(None, 'Walse') }}\n"
    )  # the call's line, not the first line with the word (found by a bug hunt)
    page_store.set_documents({"a.md": parse_document(text, "docs/a.md")})
    try:
        found = [str(p) for p in filter_problems("a.md", record_filters(None, "Walse", None, None))]
        good = filter_problems("a.md", record_filters(None, "Wales", None, None))
    finally:
        set_records([])
        page_store.set_documents({})
    assert found == [
        "docs/a.md:10: macros: 'Walse' is not a nation a case study can have, so this would "
        "always find none. Fix: did you mean 'Wales'? use one of: England, Scotland, Wales, "
        "Northern Ireland"
    ]
    assert good == []
