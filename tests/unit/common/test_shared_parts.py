"""Parts shared by many pages: minified and scanned once, skipped after a check."""

from __future__ import annotations

from hooks.common import shared_parts
from hooks.output.production import minify, minify_around
from hooks.safety import html_safety

HEADER = """<header class="md-header">
  <a href="../.." class="md-logo">Home</a>
  <script>document.body.dataset.x = "1";</script>
</header>"""
NAV = """
    <li class="md-nav__item"><a href="../../guide/"> Guide </a></li>
    <li class="md-nav__item"><a href="https://example.org/"> Elsewhere </a></li>
"""
FOOTER = """<footer class="md-footer">
  <p>Made with <a href="http://example.com/">a tool</a></p>
</footer>"""


def page(title: str, header: str = HEADER, nav: str = NAV, footer: str = FOOTER) -> str:
    return f"""<!doctype html>
<html lang="en"><head>
  <meta charset="utf-8">
  <title>{title}</title>
  <script>var page = "{title}";</script>
</head><body>
  {header}
  <nav class="md-nav"><ul class="md-nav__list">{nav}</ul></nav>
  <article class="md-content">
    <h1>{title}</h1>
    <p>Read <a href="https://example.net/{title}">the source</a>.</p>
  </article>
  {footer}
</body></html>"""


class Parts:
    """A stand-in for nav_cache: every page shares the same parts."""

    def __init__(self, *parts: str) -> None:
        self.parts = list(parts)

    def parts_of(self, url: str) -> list[str]:
        return self.parts


def test_parts_are_found_in_page_order_once_each() -> None:
    html = page("One")
    spans = shared_parts.locate(html, [FOOTER, HEADER, "<p>not in the page</p>", ""])
    assert [text for _, _, text in spans] == [HEADER, FOOTER]
    assert all(html[start:end] == text for start, end, text in spans)


def test_overlapping_parts_are_skipped_once() -> None:
    html = page("One")
    spans = shared_parts.locate(html, [HEADER, HEADER[10:60]])
    assert [text for _, _, text in spans] == [HEADER]


def test_a_part_is_skipped_only_after_both_ways_agreed_on_its_first_page() -> None:
    calls: list[str] = []

    def whole(html: str) -> str:
        calls.append("whole")
        return html.upper()

    def around(html: str, spans: list[shared_parts.Span]) -> str:
        calls.append("around")
        return html.upper()

    skipping = shared_parts.Skipping(Parts(HEADER))
    assert skipping.run(page("One"), "a/", whole, around) == page("One").upper()
    assert calls == ["whole", "around"] and skipping.verdicts == {HEADER: True}
    calls.clear()
    assert skipping.run(page("Two"), "a/", whole, around) == page("Two").upper()
    assert calls == ["around"]


def test_a_part_that_changes_the_result_is_never_skipped() -> None:
    skipping = shared_parts.Skipping(Parts(NAV))

    def around(html: str, spans: list[shared_parts.Span]) -> str:
        return "wrong"

    for title in ("One", "Two"):
        assert skipping.run(page(title), "a/", str.upper, around) == page(title).upper()
    assert skipping.verdicts == {NAV: False}


def test_minifying_around_minified_parts_gives_the_whole_page_minified() -> None:
    parts = [minify(HEADER), minify(NAV), minify(FOOTER)]
    html = page("One", *parts)
    spans = shared_parts.locate(html, parts)
    assert len(spans) == 3
    assert minify_around(html, spans) == minify(page("One"))


def test_scanning_around_parts_finds_what_a_whole_scan_finds() -> None:
    html = page("One")
    spans = shared_parts.locate(html, [HEADER, NAV, FOOTER])
    known = [(start, end, html_safety.scan(text)) for start, end, text in spans]
    around = html_safety.scan(html, known)
    whole = html_safety.scan(html)
    assert around == whole
    # What the parts hold is in the result: the header's script, the nav's
    # external link (at its place in the page) and the footer's http link.
    assert len(whole.inline_scripts) == 2 and whole.insecure == []
    assert [html[t.start : t.end] for t in around.external_links] == [
        '<a href="https://example.org/">',
        '<a href="https://example.net/One">',
        '<a href="http://example.com/">',
    ]


def test_a_part_inside_the_article_is_not_taken_for_the_themes() -> None:
    # Inside the article a script is the page's own (blocked, never hashed),
    # so a part scanned on its own does not pass the check there.
    html = page("One", header="").replace("<h1>One</h1>", "<h1>One</h1>" + HEADER)

    def around(html: str, spans: list[shared_parts.Span]) -> html_safety.Scan:
        return html_safety.scan(html, [(a, b, html_safety.scan(text)) for a, b, text in spans])

    skipping = shared_parts.Skipping(Parts(HEADER))
    found = skipping.run(html, "a/", html_safety.scan, around)
    assert skipping.verdicts == {HEADER: False}
    assert found.content_scripts == 1 and len(found.inline_scripts) == 1


def test_a_hook_skips_the_parts_its_page_shares_and_does_whole_pages_without_a_cache() -> None:
    class Cache:
        def parts_of(self, url: str) -> list[str]:
            return [HEADER] if url == "case-studies/a/" else []

    calls: list[str] = []

    def whole(html: str) -> int:
        calls.append("whole")
        return len(html)

    def around(html: str, spans: list[shared_parts.Span]) -> int:
        calls.append("around")
        return len(html)

    skipping = shared_parts.Skipping(Cache())
    for url in ("case-studies/a/", "case-studies/a/", "guide/"):
        assert skipping.run(page("One"), url, whole, around) == len(page("One"))
    assert calls == ["whole", "around", "around", "whole"]
    assert skipping.verdicts == {HEADER: True}
    calls.clear()
    assert shared_parts.Skipping().run(page("One"), "case-studies/a/", whole, around) > 0
    assert calls == ["whole"]
