"""Macros that pages call."""

from __future__ import annotations

from mkdocs.structure.files import File, Files, InclusionLevel

from hooks.case_studies.macros import section_link


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


def test_link_to_a_section_a_fork_removed_is_plain_text() -> None:
    assert section_link(_files("index.md"), "index.md", "law/index.md", "the law") == "the law"


def test_link_to_a_page_a_fork_excluded_is_plain_text() -> None:
    files = _files("index.md", "law/index.md")
    files.get_file_from_path("law/index.md").inclusion = InclusionLevel.EXCLUDED
    assert section_link(files, "index.md", "law/index.md", "the law") == "the law"


def test_macro_arguments_filter_the_record_fields_they_name() -> None:
    from hooks.case_studies.macros import record_filters
    from hooks.case_studies.store import matching

    records = [
        {"title": "A", "principles": ["equality"], "nation": "Wales"},
        {"title": "B", "principles": ["reciprocity"], "nation": "Wales"},
    ]
    filters = record_filters("reciprocity", "Wales", None, None)
    assert filters["principles"] == "reciprocity" and filters["service_areas"] is None
    assert [r["title"] for r in matching(records, **filters)] == ["B"]
