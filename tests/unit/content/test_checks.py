"""Content lint: each check on small Markdown and HTML strings."""

from __future__ import annotations

import pytest

from hooks.common.markdown_mask import mask
from hooks.content.lint import lint


def _messages(markdown: str) -> list[str]:
    return [f"{p.line}: {p.field}: {p.problem}" for p in lint(markdown, "docs/x.md")]


@pytest.mark.parametrize("text", ["here", "Click here", "read more", "More.", "this page"])
def test_vague_link_text_is_reported(text: str) -> None:
    assert _messages(f"See [{text}](a.md).") == [
        f"1: link: the link text '{text}' does not say where the link goes"
    ]


def test_empty_and_bare_address_links_are_reported() -> None:
    assert _messages("[](a.md)\n\n[https://x.org](https://x.org)\n\n<https://y.org>") == [
        "1: link: the link has no text",
        "3: link: the link text is a bare address (https://x.org)",
        "5: link: the link text is a bare address (https://y.org)",
    ]


def test_descriptive_links_and_images_with_alt_text_pass() -> None:
    assert _messages("Read [the Care Act 2014](a.md).\n\n![A meeting](m.png)") == []


def test_decorative_image_in_html_with_empty_alt_passes_but_missing_alt_fails() -> None:
    assert _messages('<img src="a.png" alt="">\n\n<img src="b.png">') == [
        "3: <img>: the image has no alt text"
    ]


@pytest.mark.parametrize(
    "image",
    [
        "![](../assets/easy-read/tick.svg){ .decorative }",
        "![](tick.svg){.decorative}",
        '![](tick.svg "A title"){: .decorative }',
        "![](tick.svg){ .decorative .large }",
    ],
)
def test_markdown_image_with_empty_alt_passes_when_marked_decorative(image: str) -> None:
    assert _messages(f"{image}\nYou can say no.") == []


@pytest.mark.parametrize(
    "image",
    [
        "![](tick.svg)",
        "![](tick.svg) { .decorative }",
        "![](tick.svg){ .decorated }",
        "![](tick.svg){ .not-decorative }",
        "![ ](tick.svg)\n{ .decorative }",
    ],
)
def test_markdown_image_with_empty_alt_fails_unless_decorative_follows_it(image: str) -> None:
    assert _messages(image) == ["1: image: the image has no alt text"]


def test_image_without_alt_text_fix_says_how_to_mark_it_decorative() -> None:
    (problem,) = lint("![](tick.svg)", "docs/x.md")
    assert "![](picture.svg){ .decorative }" in problem.fix
    assert "<img" not in problem.fix


def test_heading_order_second_h1_and_empty_heading() -> None:
    assert _messages("# Title\n\n## Part\n\n#### Deep\n\n# Again\n\n##\n") == [
        "5: heading: the heading jumps from level 2 to level 4",
        "7: heading: this is a second level-1 heading",
        "9: heading: the heading is empty",
    ]


def test_page_may_start_at_level_2_under_its_title() -> None:
    assert _messages("## First\n\n### Second\n") == []


def test_table_without_header_row_is_reported_and_html_table_needs_th() -> None:
    md = "| | |\n|---|---|\n| a | b |\n\n<table><tr><td>a</td></tr></table>\n"
    assert _messages(md) == [
        "1: table: the table has no header row",
        "5: <table>: the table has no header cells",
    ]


@pytest.mark.parametrize("tag", ["script", "iframe", "object", "embed", "style"])
def test_script_running_tags_are_refused(tag: str) -> None:
    assert _messages(f"Text\n\n<{tag}></{tag}>")[0].startswith(
        f"3: <{tag}>: <{tag}> is not allowed"
    )


def test_event_handlers_and_unsafe_addresses_are_refused() -> None:
    assert _messages(
        '<a href="javascript:go()">Go to the form</a>\n'
        '<img src="data:image/png;base64,AA" alt="x">\n'
        '<div onmouseover="x()">Text</div>'
    ) == [
        "1: <a>: the href address uses javascript:, which can run code",
        "2: <img>: the src address uses data:, which can run code",
        "3: <div>: the onmouseover attribute runs code in the reader's browser",
    ]


def test_attribute_lists_may_not_run_code_or_set_styles_but_braces_in_text_pass() -> None:
    assert _messages(
        '[Book a place](form.md){ onclick="go()" }\n'
        '## Our panel {: style="color:red" }\n'
        '![A map](map.png){ src="javascript:go()" .wide }\n'
        "Write {name} and {: .note #pay }; { width=300 } is fine too."
    ) == [
        "1: { attributes }: the onclick attribute runs code in the reader's browser",
        "2: { attributes }: the inline style sets a colour, which escapes the contrast checks",
        "3: { attributes }: the src address uses javascript:, which can run code",
    ]


def test_attribute_lists_are_read_as_markdown_reads_them() -> None:
    assert _messages(
        "We offer {ongoing} support, {style} and { href } words; {one-off} fee.\n"
        '## Heading { title="}" onclick="go()" }\n'
        "## Tabbed {\tonmouseover=go() }"
    ) == [
        "2: { attributes }: the onclick attribute runs code in the reader's browser",
        "3: { attributes }: the onmouseover attribute runs code in the reader's browser",
    ]


def test_allow_list_accepts_what_content_needs_and_refuses_the_rest() -> None:
    ok = (
        "<details markdown><summary>More about pay</summary>Text</details>\n"
        '<figure><img src="a.png" alt="A chart"><figcaption>Pay rates</figcaption></figure>\n'
        '<div class="grid cards"><span class="note">x</span></div>\n'
        '<abbr title="National Health Service">NHS</abbr><ol start="2"><li>a</li></ol>'
    )
    assert _messages(ok) == []
    assert _messages('<form action="/x"></form>') == [
        "1: <form>: <form> is not on the allow-list of HTML tags"
    ]
    assert _messages('<span data-x="1">a</span>') == [
        "1: <span>: the data-x attribute is not on the allow-list"
    ]


def test_inline_styles_are_refused_and_colour_is_named() -> None:
    assert _messages(
        '<span style="background-color:red">a</span> <span style="width:2em">b</span>'
    ) == [
        "1: <span>: inline styles are blocked by the Content-Security-Policy",
        "1: <span>: the inline style sets a colour, which escapes the contrast checks",
    ]


def test_code_and_comments_are_not_checked_and_keep_their_lines() -> None:
    md = "```html\n<script>x</script>\n[here](a)\n```\n`<iframe>`\n<!-- [here](a) -->\n[here](b)"
    assert mask(md).count("\n") == md.count("\n")
    assert _messages(md) == ["7: link: the link text 'here' does not say where the link goes"]


def test_offset_turns_body_lines_into_file_lines() -> None:
    assert [p.line for p in lint("[here](a)", "docs/x.md", offset=5)] == [6]


def test_a_reference_link_with_no_address_on_the_page_is_reported() -> None:
    # Markdown shows [text][label] as plain bracketed text when nothing defines the label.
    text = (
        "See [the Care Act][care act] and [the Wales Act][wales].\n"
        "Footnotes[^1][^2] and [^1][a link][] are not links to check.\n\n"
        "[Care  Act]: https://www.legislation.gov.uk/ukpga/2014/23\n"
        "[^1]: A note.\n"
    )
    assert [str(p) for p in lint(text, "docs/a.md")] == [
        "docs/a.md:1: link: the link '[the Wales Act][wales]' has no address: no line on the "
        "page starts '[wales]:'. Fix: add a line '[wales]: address' below the paragraph, or "
        "write the link as [text](address)",
        "docs/a.md:2: link: the link '[a link][]' has no address: no line on the page starts "
        "'[a link]:'. Fix: add a line '[a link]: address' below the paragraph, or write the "
        "link as [text](address)",
    ]
