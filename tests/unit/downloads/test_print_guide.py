"""The whole guide on one page: ids unique, links to sections, headings one level down."""

from __future__ import annotations

import collections
import re

from hooks.downloads.print_guide import Source, demote, sections, slug

LADDER = (
    '<h1 id="the-ladder">The ladder</h1>\n'
    '<p>See <a href="../what-is-coproduction/#roots">its roots</a>, '
    '<a href="#rungs">the rungs</a>, <a href="../../guides/x/">a guide not printed</a>, '
    '<a href="https://example.org/">elsewhere</a> and a note.<sup id="fnref:1">'
    '<a class="footnote-ref" href="#fn:1">1</a></sup></p>\n'
    '<h2 id="rungs">Rungs</h2><img src="../../assets/ladder.svg" alt="The ladder">\n'
    '<div class="footnote"><ol><li id="fn:1"><p>A source. '
    '<a class="footnote-backref" href="#fnref:1">&#8617;</a></p></li></ol></div>'
)
WHAT = (
    '<h1 id="what">What</h1><h2 id="roots">Roots</h2><p>Note.<sup id="fnref:1">'
    '<a href="#fn:1">1</a></sup></p><div class="footnote"><ol><li id="fn:1">x</li></ol></div>'
)
SOURCES = [
    Source("understand/what-is-coproduction/", "What coproduction is", WHAT),
    Source("understand/ladder/", "The ladder of involvement", LADDER),
    Source("glossary/", "Glossary", "<p>No heading of its own.</p>"),
]


def _made() -> dict[str, object]:
    return {s.anchor: s for s in sections(SOURCES, "print/")}


def test_sections_keep_the_navigation_order_and_a_section_id_each() -> None:
    made = sections(SOURCES, "print/")
    assert [s.anchor for s in made] == [
        "understand-what-is-coproduction",
        "understand-ladder",
        "glossary",
    ]
    assert [s.title for s in made] == [s.title for s in SOURCES]


def test_no_id_appears_twice_across_sections() -> None:
    html = "".join(str(s.html) for s in sections(SOURCES, "print/"))
    ids = re.findall(r'\sid="([^"]*)"', html)
    assert "understand-ladder--fn:1" in ids and "understand-what-is-coproduction--fn:1" in ids
    assert [i for i, n in collections.Counter(ids).items() if n > 1] == []


def test_links_to_printed_pages_become_in_page_anchors() -> None:
    ladder = str(_made()["understand-ladder"].html)
    assert 'href="#understand-what-is-coproduction--roots"' in ladder
    assert 'href="#understand-ladder--rungs"' in ladder
    assert 'href="#understand-ladder--fn:1"' in ladder  # footnotes stay in their section
    assert 'href="#understand-ladder--fnref:1"' in ladder


def test_other_links_and_images_still_lead_where_they_did() -> None:
    ladder = str(_made()["understand-ladder"].html)
    assert 'href="../guides/x/"' in ladder
    assert 'href="https://example.org/"' in ladder
    assert 'src="../assets/ladder.svg"' in ladder
    page = '<a href="../../print/">all</a><img src="../../a.png">'
    (made,) = sections([Source("x/y/", "Y", page)], "print.html")
    assert str(made.html) == '<a href="print/">all</a><img src="a.png">'
    (made,) = sections([Source("x/", "X", '<a href="../print/">all</a>')], "print/")
    assert str(made.html) == '<a href="./">all</a>'


def test_headings_move_one_level_down_so_the_print_page_has_one_h1() -> None:
    html = "".join(str(s.html) for s in sections(SOURCES, "print/"))
    assert "<h1" not in html
    assert '<h2 id="understand-ladder--the-ladder">The ladder</h2>' in html
    assert demote("<h5>a</h5><h6>b</h6>") == "<h6>a</h6><h6>b</h6>"


def test_a_page_without_its_own_h1_is_given_its_title() -> None:
    made = _made()
    assert made["understand-ladder"].has_heading
    assert not made["glossary"].has_heading


def test_a_page_not_built_in_a_preview_is_still_a_section() -> None:
    (made,) = sections([Source("a/", "A", None)], "print/")
    assert made.html is None and made.anchor == "a"


def test_ids_and_addresses_are_derived_predictably() -> None:
    assert slug("") == "home"
    assert slug("law/northern-ireland/") == "law-northern-ireland"
    assert slug("law/index.html") == "law"


def test_two_pages_that_slug_alike_get_different_sections() -> None:
    made = sections([Source("a-b/", "1", "<p>1</p>"), Source("a/b/", "2", "<p>2</p>")], "print/")
    assert [s.anchor for s in made] == ["a-b", "a-b-2"]


def test_tabs_radio_groups_and_labels_stay_paired_within_a_section() -> None:
    tabs = (
        '<input id="__tabbed_1_1" name="__tabbed_1" type="radio">'
        '<label for="__tabbed_1_1">A</label>'
    )
    (made,) = sections([Source("x/", "X", tabs)], "print/")
    assert 'id="x--__tabbed_1_1" name="x--__tabbed_1"' in str(made.html)
    assert 'for="x--__tabbed_1_1"' in str(made.html)


def test_a_rewritten_attribute_cannot_open_another_attribute() -> None:
    hostile = """<a href='#x" onclick="alert(1)'>x</a>"""
    (made,) = sections([Source("x/", "X", hostile)], "print/")
    assert str(made.html) == '<a href="#x--x&quot; onclick=&quot;alert(1)">x</a>'
