"""The template part of a page, read into blocks from Python-Markdown's HTML."""

from __future__ import annotations

from hooks.downloads.template_doc import (
    Heading,
    ListBlock,
    Paragraph,
    Run,
    Table,
    blocks,
    document,
    headings,
    plain,
    template_part,
)

PAGE = """# Role description template

Intro for editors.

## Guidance notes

- Write it with people.

## The template

### [Organisation name]: [role title]

Closing date: ________

#### What you will do

- go to **[number]** meetings
- read *short* papers
"""

SITE_EXTENSIONS = ["tables", "toc", "attr_list", "abbr"]
SITE_CONFIGS = {
    "toc": {"permalink": True},
    "abbr": {"glossary": {"NHS": "National Health Service"}},
}


def test_the_template_is_everything_after_the_template_heading() -> None:
    part = template_part(PAGE)
    assert part is not None
    text, line = part
    assert text.lstrip().startswith("### [Organisation name]: [role title]")
    assert "Guidance notes" not in text and "Write it with people" not in text
    assert PAGE.splitlines()[line - 2] == "## The template"


def test_a_page_without_the_heading_has_no_template() -> None:
    assert template_part("# Title\n\n## Notes\n\nText.\n") is None


def test_the_heading_inside_a_code_block_does_not_count() -> None:
    assert template_part("# T\n\n```\n## The template\n```\n") is None


def test_headings_are_shifted_so_the_template_starts_at_level_one() -> None:
    text, _ = template_part(PAGE)
    found = document(text, SITE_EXTENSIONS, SITE_CONFIGS)
    assert [(b.level, plain(b.runs)) for b in found if isinstance(b, Heading)] == [
        (1, "[Organisation name]: [role title]"),
        (2, "What you will do"),
    ]


def test_blanks_stay_as_written_for_the_reader_to_fill_in() -> None:
    text, _ = template_part(PAGE)
    found = document(text, SITE_EXTENSIONS, SITE_CONFIGS)
    assert Paragraph((Run("Closing date: ________"),)) in found
    assert headings(found)[0] == "[Organisation name]: [role title]"


def test_bold_and_italic_become_runs_and_permalinks_are_left_out() -> None:
    text, _ = template_part(PAGE)
    found = document(text, SITE_EXTENSIONS, SITE_CONFIGS)
    listing = next(b for b in found if isinstance(b, ListBlock))
    assert not listing.ordered
    assert listing.items[0] == (
        Paragraph((Run("go to "), Run("[number]", bold=True), Run(" meetings"))),
    )
    assert listing.items[1] == (
        Paragraph((Run("read "), Run("short", italic=True), Run(" papers"))),
    )
    assert "¶" not in repr(found)


def test_numbered_and_nested_lists_keep_their_kind_and_depth() -> None:
    found = document("1. one\n2. two\n    - inner\n")
    (listing,) = found
    assert listing.ordered
    assert listing.items[1] == (
        Paragraph((Run("two"),)),
        ListBlock(False, ((Paragraph((Run("inner"),)),),)),
    )


def test_tables_keep_their_header_row_and_empty_cells() -> None:
    found = document("| Detail | Your answer |\n| --- | --- |\n| Your name | |\n| Date | |\n")
    (table,) = found
    assert isinstance(table, Table)
    assert table.header == (((Run("Detail"),), (Run("Your answer"),)),)
    assert table.rows == (((Run("Your name"),), ()), ((Run("Date"),), ()))
    assert table.columns == 2


def test_abbreviations_and_links_keep_their_text_and_external_addresses() -> None:
    found = document(
        "Ask the NHS, or see [the guidance](https://example.org/g).",
        SITE_EXTENSIONS,
        SITE_CONFIGS,
    )
    assert found == [Paragraph((Run("Ask the NHS, or see the guidance (https://example.org/g)."),))]


def test_line_breaks_survive_and_source_line_ends_do_not() -> None:
    found = blocks("<p>Name:<br>\nAddress:\nline two</p>")
    assert found == [Paragraph((Run("Name:\nAddress: line two"),))]
