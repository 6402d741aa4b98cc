"""Links between pages: each reaches a page, each #anchor a heading, with the line and the fix."""

from __future__ import annotations

from hooks.common.markdown_mask import mask
from hooks.content.links import (
    Link,
    check_links,
    ids_in,
    links_in,
    nav_problems,
    redirect_problems,
    resolve,
)

PAGES = {"index.md", "law/index.md", "law/wales.md", "guides/paying-people.md", "assets/a.svg"}
IDS = {"law/wales.md": {"procurement-in-wales", "sources"}, "index.md": {"start"}}


def _problems(text: str, src_uri: str = "guides/paying-people.md", excluded=()) -> list[str]:
    links = links_in(mask(text), f"docs/{src_uri}", src_uri, offset=4)
    return [str(p) for p in check_links(links, PAGES | set(excluded), set(excluded), IDS)]


def test_links_that_reach_their_page_and_heading_pass() -> None:
    text = (
        "See [Wales](../law/wales.md#procurement-in-wales) and [home](../index.md).\n"
        "![A picture](../assets/a.svg) and [the top](#top) of this page.\n"
        "[ref]: ../law/index.md\n"
        "[Elsewhere](https://example.org/x.md) and [mail](mailto:a@b.c).\n"
    )
    assert _problems(text) == []


def test_a_link_to_no_page_names_the_line_and_the_nearest_page() -> None:
    assert _problems("Intro.\n\nSee [Wales](../law/wlaes.md).\n") == [
        "docs/guides/paying-people.md:7: link '../law/wlaes.md': no such page. Fix: did you "
        "mean '../law/wales.md'? Links count from this page's own folder"
    ]


def test_a_picture_with_no_file_names_the_line_and_the_nearest_file() -> None:
    # A missing picture built silently as a broken image (found by a bug hunt).
    text = "Intro.\n\n![A chart](../assets/b.svg)\n[![Logo](../assets/c.svg)](../index.md)\n"
    # Alt text that wraps or holds brackets, as link text may (a second bug hunt).
    text += "![A tick that is\ndrawn [in blue]](../assets/d.svg)\n"
    assert _problems(text) == [
        "docs/guides/paying-people.md:7: link '../assets/b.svg': no such file. Fix: did you "
        "mean '../assets/a.svg'? Links count from this page's own folder",
        "docs/guides/paying-people.md:8: link '../assets/c.svg': no such file. Fix: did you "
        "mean '../assets/a.svg'? Links count from this page's own folder",
        "docs/guides/paying-people.md:10: link '../assets/d.svg': no such file. Fix: did you "
        "mean '../assets/a.svg'? Links count from this page's own folder",
    ]


def test_a_link_to_no_heading_names_the_nearest_heading() -> None:
    assert _problems("See [it](../law/wales.md#procurement-wales).\n") == [
        "docs/guides/paying-people.md:5: link '../law/wales.md#procurement-wales': "
        "'law/wales.md' has no heading '#procurement-wales'. Fix: did you mean "
        "'#procurement-in-wales'? the part after # is the heading in lower case, with hyphens "
        "for spaces"
    ]


def test_a_link_to_a_page_left_out_by_exclude_docs_fails_with_the_link_to_fix() -> None:
    problems = _problems("[Scotland](../law/scotland.md)\n", excluded={"law/scotland.md"})
    assert problems == [
        "docs/guides/paying-people.md:5: link '../law/scotland.md': 'law/scotland.md' is left "
        "out of this site (exclude_docs in mkdocs.yml). Fix: remove the link, or on a page "
        "with 'render_macros: true' write {{ link_to('law/scotland.md', 'the link text') }}, "
        "which shows plain text when the page is left out"
    ]


def test_links_in_code_and_footnote_definitions_are_not_links() -> None:
    text = "`[x](nowhere.md)`\n\n```\n[y](nowhere.md)\n```\n\n[^1]: Some source, checked 2026.\n"
    assert _problems(text) == []


def test_anchors_of_a_page_that_was_not_rendered_are_not_checked() -> None:
    # A preview (mkdocs serve --dirty) renders only what changed.
    links = [Link("docs/index.md", 3, "index.md", "guides/paying-people.md#nowhere")]
    assert check_links(links, PAGES, set(), IDS) == []


def test_targets_resolve_from_the_page_s_own_folder() -> None:
    assert resolve("guides/x.md", "../law/wales.md#a") == ("law/wales.md", "a")
    assert resolve("guides/x.md", "#here") == ("guides/x.md", "here")
    assert resolve("index.md", "law/my%20page.md") == ("law/my page.md", "")


def test_ids_are_read_from_rendered_html() -> None:
    html = '<h2 id="scope">Scope</h2><li id=fn:1>x</li><p class="id">no</p>'
    assert ids_in(html) == {"scope", "fn:1"}


def test_every_way_of_writing_a_link_is_checked() -> None:
    # Each a broken link a bug hunt found shipping silently, on lines 5 to 10.
    text = (
        "See the [Social Services and Well-being\n(Wales) Act](../law/walse.md).\n"
        "[Welsh law](../law/wails.md 'Wales title')\n"
        "[the [bracketed] law](../law/scotlnd.md)\n"
        "[![Logo of the guide](../assets/a.svg)](../law/nireland.md)\n"
        "[spaces](<../law/wales.md#the duties>)\n"
    )
    found = [p.split(": link ")[0] + " " + p.split("'")[1] for p in _problems(text)]
    assert found == [
        "docs/guides/paying-people.md:6 ../law/walse.md",
        "docs/guides/paying-people.md:7 ../law/wails.md",
        "docs/guides/paying-people.md:8 ../law/scotlnd.md",
        "docs/guides/paying-people.md:9 ../law/nireland.md",
        "docs/guides/paying-people.md:10 ../law/wales.md#the duties",
    ]


def test_a_menu_entry_for_a_page_exclude_docs_leaves_out_is_named() -> None:
    # MkDocs only notes it, and the menu would link to a page that is not there.
    nav = [{"Home": "index.md"}, {"Law": ["law/index.md", {"Wales": "law/wales.md"}]}]
    # A redirect above the menu names a page too: the menu's own line is the one.
    text = (
        "redirect_maps:\n  old.md: law/wales.md\n"
        "nav:\n  - Home: index.md\n  - Law:\n    - law/index.md\n    - Wales: law/wales.md\n"
    )
    excluded = {"law/index.md", "law/wales.md"}
    found = [str(p) for p in nav_problems(nav, excluded, text, "mkdocs.yml")]
    assert found == [
        "mkdocs.yml:6: nav: the menu lists 'law/index.md', which exclude_docs leaves out. "
        "Fix: delete it from nav too, or take it out of exclude_docs",
        "mkdocs.yml:7: nav: the menu lists 'law/wales.md', which exclude_docs leaves out. "
        "Fix: delete it from nav too, or take it out of exclude_docs",
    ]
    assert nav_problems(nav, set(), text, "mkdocs.yml") == []
    assert nav_problems(None, {"law/index.md"}, text, "mkdocs.yml") == []


def test_a_redirect_from_an_address_that_is_still_a_page_is_named_at_its_line() -> None:
    # The redirect replaced the page, and the build passed (found by a bug hunt).
    # Either spelling of a page's address: x.md and x/index.md both build x/.
    text = (
        "plugins:\n  redirects:\n    redirect_maps:\n      law/wales.md: law/index.md\n"
        "      guides/paying-people/index.md: index.md\n      law.md: index.md\n"
    )
    redirects = {
        "law/wales.md": "law/index.md",
        "guides/paying-people/index.md": "index.md",
        "law.md": "index.md",
        "old/gone.md": "index.md",
    }
    found = [str(p) for p in redirect_problems(redirects, PAGES, text, "mkdocs.yml")]
    assert found == [
        f"mkdocs.yml:{line}: redirect_maps: '{old}' is the address of the page '{page}', so "
        "this redirect would replace it. Fix: delete the redirect, or move or delete the page "
        "first"
        for line, old, page in (
            (4, "law/wales.md", "law/wales.md"),
            (5, "guides/paying-people/index.md", "guides/paying-people.md"),
            (6, "law.md", "law/index.md"),
        )
    ]
