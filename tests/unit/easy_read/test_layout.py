"""Easy Read points become rows of picture and words, from Python-Markdown's own output."""

from __future__ import annotations

import markdown
from bs4 import BeautifulSoup

from hooks.easy_read.layout import top_level, wrap_points
from tests.support.sites import ROOT

TEMPLATES = str(ROOT / "overrides" / "fragments")
PAGE = """# Getting paid

Some words before any picture stay as they are.

## Your time

![](../assets/easy-read/money.svg){ .decorative }
You should get something back.

Many groups pay people.

- A list belongs to its point.

![A receipt](../assets/easy-read/receipt.svg)
Keep your receipts.

## Next part

![](../assets/easy-read/tick.svg){ .decorative }

A picture on its own line, words below.
"""


def _wrapped(text: str) -> BeautifulSoup:
    html = markdown.markdown(text, extensions=["attr_list", "toc"])
    return BeautifulSoup(wrap_points(html, TEMPLATES), "html.parser")


def test_each_point_is_a_row_of_its_picture_and_its_words() -> None:
    points = _wrapped(PAGE).select("div.easy-read-point")
    assert len(points) == 3
    for point in points:
        children = [c.name for c in point.find_all(recursive=False)]
        assert children == ["div", "div"]
        assert point.select("div.easy-read-picture > img")
    first = points[0].select_one(".easy-read-words")
    assert [p.get_text() for p in first.find_all("p", recursive=False)] == [
        "You should get something back.",
        "Many groups pay people.",
    ]
    assert first.select_one("ul > li").get_text() == "A list belongs to its point."


def test_a_point_ends_at_the_next_picture_or_heading() -> None:
    soup = _wrapped(PAGE)
    second = soup.select("div.easy-read-point")[1]
    assert second.select_one(".easy-read-words").get_text(" ", strip=True) == "Keep your receipts."
    assert second.find_next_sibling().name == "h2"


def test_a_picture_alone_takes_the_paragraph_after_it_as_its_words() -> None:
    third = _wrapped(PAGE).select("div.easy-read-point")[2]
    words = third.select_one(".easy-read-words").get_text(" ", strip=True)
    assert words == "A picture on its own line, words below."


def test_the_picture_keeps_its_markup_and_the_text_before_any_picture_is_untouched() -> None:
    soup = _wrapped(PAGE)
    img = soup.select_one(".easy-read-picture img")
    assert img["alt"] == "" and img["class"] == ["decorative"]
    assert img["src"] == "../assets/easy-read/money.svg"
    intro = soup.find("p")
    assert intro.get_text() == "Some words before any picture stay as they are."
    assert intro.parent.name == "[document]"
    assert [h.name for h in soup.find_all(["h1", "h2"])] == ["h1", "h2", "h2"]


def test_words_are_escaped_once_and_never_twice() -> None:
    soup = _wrapped("![](x.svg){ .decorative }\nFish & chips <b>cost</b> less.\n")
    words = soup.select_one(".easy-read-words p")
    assert words.get_text() == "Fish & chips cost less."
    assert words.b is not None


def test_a_page_without_pictures_is_unchanged() -> None:
    html = markdown.markdown("# Title\n\nJust words.\n\n## More\n\nStill words.\n")
    assert wrap_points(html, TEMPLATES) == html


def test_top_level_elements_are_found_whatever_they_hold() -> None:
    html = '<p>a <img src="x"> b</p>\n<hr />\n<div><div>c</div></div><br>'
    assert [(e.tag, html[e.start : e.end][:5]) for e in top_level(html)] == [
        ("p", "<p>a "),
        ("hr", "<hr /"),
        ("div", "<div>"),
        ("br", "<br>"),
    ]
