"""The page security helpers: scanning a built page and working out its changes."""

from __future__ import annotations

import base64
import hashlib
from pathlib import Path

import jinja2
import pytest

from hooks.safety import page_safety
from hooks.safety.page_safety import HEADERS, content_markup, headers_file, secure_page

FRAGMENTS = Path(__file__).resolve().parents[3] / "overrides" / "fragments"

PAGE = """<!doctype html>
<html><head>
<meta charset="utf-8">
<script>var a = "<b>" && 1;</script>
<script src="assets/x.js"></script>
<script id="__config" type="application/json">{"a": 1}</script>
</head><body>
<a href="https://example.com/?a=1&amp;b=2" title="It's &quot;here&quot;">out</a>
<a href="../guide/">in</a>
<a href="#top">anchor</a>
<a href="mailto:x@example.org">mail</a>
<a href="//cdn.example/x" rel="nofollow">scheme-relative</a>
</body></html>"""


def _fragments() -> object:
    env = jinja2.Environment(loader=jinja2.FileSystemLoader(FRAGMENTS), autoescape=True)
    return env.get_template("page_safety.html").module


def _expected_hash(text: str) -> str:
    return "'sha256-" + base64.b64encode(hashlib.sha256(text.encode()).digest()).decode() + "'"


def test_scan_keeps_inline_scripts_exactly_as_written() -> None:
    found = page_safety.scan(PAGE)
    assert found.inline_scripts == ['var a = "<b>" && 1;', '{"a": 1}']


def test_script_hash_matches_what_browsers_compute() -> None:
    # The CSP spec's example: alert('Hello, world.');
    assert (
        page_safety.script_hash("alert('Hello, world.');")
        == "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )


def test_policy_allows_only_this_site_and_the_page_own_scripts() -> None:
    policy = page_safety.content_security_policy(["a()", "b()", "a()"])
    directives = dict(d.split(" ", 1) for d in policy.split("; "))
    assert directives["default-src"] == "'self'"
    assert directives["script-src"] == " ".join(
        ["'self'", *sorted([_expected_hash("a()"), _expected_hash("b()")])]
    )
    assert "unsafe-inline" not in policy
    assert directives["object-src"] == "'none'"
    assert directives["img-src"] == "'self' data:"
    assert directives["base-uri"] == "'self'"
    assert directives["form-action"] == "'self'"


@pytest.mark.parametrize(
    ("href", "external"),
    [
        ("https://example.com/", True),
        ("HTTP://example.com/", True),
        ("//example.com/x", True),
        ("../guide/", False),
        ("#top", False),
        ("mailto:x@example.org", False),
        ("/coproduction-guide/", False),
    ],
)
def test_external_links_are_absolute_web_addresses(href: str, external: bool) -> None:
    assert page_safety.is_external(href) is external


def test_safe_rel_is_added_once_and_keeps_existing_values() -> None:
    assert page_safety.with_safe_rel([("href", "x")]) == [
        ("href", "x"),
        ("rel", "noopener noreferrer"),
    ]
    assert page_safety.with_safe_rel([("rel", "nofollow noopener"), ("href", "x")]) == [
        ("href", "x"),
        ("rel", "nofollow noopener noreferrer"),
    ]


@pytest.mark.parametrize(
    ("tag", "attrs", "fetched"),
    [
        ("img", {"src": "http://example.com/a.png"}, ["http://example.com/a.png"]),
        ("img", {"srcset": "a.png 1x, http://x.test/b.png 2x"}, ["http://x.test/b.png"]),
        ("script", {"src": "http://x.test/a.js"}, ["http://x.test/a.js"]),
        ("link", {"rel": "stylesheet", "href": "http://x.test/a.css"}, ["http://x.test/a.css"]),
        ("link", {"rel": "canonical", "href": "http://x.test/"}, []),
        ("a", {"href": "http://x.test/"}, []),
        ("img", {"src": "https://x.test/a.png"}, ["https://x.test/a.png"]),
        ("img", {"src": "//x.test/a.png"}, ["//x.test/a.png"]),
        ("img", {"src": "../a.png"}, []),
        ("form", {"action": "http://x.test/send"}, ["http://x.test/send"]),
    ],
)
def test_every_absolute_address_a_tag_loads_is_found(
    tag: str, attrs: dict[str, str], fetched: list[str]
) -> None:
    assert page_safety.fetched_urls(tag, attrs) == fetched


def test_a_scan_tells_http_from_https_resources() -> None:
    page = '<img src="http://x.test/a.png" alt=""><img src="https://x.test/b.png" alt="">'
    found = page_safety.scan(page)
    assert (found.insecure, found.remote) == (["http://x.test/a.png"], ["https://x.test/b.png"])


def test_secure_page_puts_the_policy_right_after_the_charset() -> None:
    html, _ = secure_page(PAGE, _fragments())
    head = html[html.index("<head>") :]
    assert head.startswith(
        '<head>\n<meta charset="utf-8"><meta http-equiv="Content-Security-Policy"'
    )
    assert '<meta name="referrer" content="no-referrer">' in html
    assert html.index("Content-Security-Policy") < html.index("<script")


def test_secure_page_without_a_charset_puts_the_policy_first_in_head() -> None:
    html, _ = secure_page("<html><head><title>t</title></head></html>", _fragments())
    assert html.startswith('<html><head><meta http-equiv="Content-Security-Policy"')


def test_secure_page_marks_only_external_links_and_keeps_their_attributes() -> None:
    html, _ = secure_page(PAGE, _fragments())
    assert (
        '<a href="https://example.com/?a=1&amp;b=2" title="It&#39;s &#34;here&#34;"'
        ' rel="noopener noreferrer">out</a>'
    ) in html
    assert '<a href="//cdn.example/x" rel="nofollow noopener noreferrer">' in html
    for untouched in ('<a href="../guide/">', '<a href="#top">', '<a href="mailto:x@example.org">'):
        assert untouched in html


def test_secure_page_changes_nothing_but_the_policy_and_links() -> None:
    html, _ = secure_page(PAGE, _fragments())
    assert page_safety.scan(html).inline_scripts == page_safety.scan(PAGE).inline_scripts
    assert html.endswith("</body></html>")
    assert html.count("<a ") == PAGE.count("<a ")


def test_secure_page_hashes_the_scripts_it_finds() -> None:
    html, found = secure_page(PAGE, _fragments())
    assert _expected_hash(found.inline_scripts[0]).replace("'", "&#39;") in html


def test_headers_file_applies_every_header_to_every_path() -> None:
    text = headers_file(HEADERS)
    assert text.startswith("/*\n")
    assert "  Content-Security-Policy: frame-ancestors 'none';" in text
    assert len(text.splitlines()) == len(HEADERS) + 1


def test_without_the_policy_links_are_still_made_safe() -> None:
    # `mkdocs serve` injects an inline live-reload script, so it gets no policy.
    html, _ = secure_page(PAGE, _fragments(), with_policy=False)
    assert "Content-Security-Policy" not in html
    assert 'rel="noopener noreferrer"' in html


def test_scripts_in_the_page_text_are_never_hashed() -> None:
    # Defence in depth: if raw HTML slipped past the content checks, the policy blocks it.
    page = "<html><head><script>theme()</script></head><body><article><p>x</p>"
    page += "<script>alert(1)</script></article><script>footer()</script></body></html>"
    found = page_safety.scan(page)
    assert found.inline_scripts == ["theme()", "footer()"]
    assert found.content_scripts == 1
    assert page_safety.script_hash("alert(1)") not in page_safety.content_security_policy(
        found.inline_scripts
    )


def test_only_a_webassembly_page_may_compile_webassembly() -> None:
    assert "'wasm-unsafe-eval'" not in page_safety.content_security_policy(["a()"])
    policy = page_safety.content_security_policy(["a()"], webassembly=True)
    assert "script-src 'self' 'wasm-unsafe-eval' 'sha256-" in policy
    assert "'unsafe-eval'" not in policy


def test_text_inside_a_title_is_never_read_as_a_script() -> None:
    # A minifier may write "<" unescaped inside <title>, where browsers treat it as text.
    page = (
        "<html><head><meta charset=utf-8><title><script>alert(1)</script></title>"
        "<script>real()</script></head><body><a href='https://x.example/?q=\"><script>'>x</a>"
        "</body></html>"
    )
    found = page_safety.scan(page)
    assert found.inline_scripts == ["real()"]
    assert len(found.external_links) == 1


EXTERNAL = ["https://example.com/", "HTTPS:example.com", "h&#116;tps://example.com/",
            "&#104;ttps:example.com", "ht\ttps://example.com/", "//example.com/"]  # fmt: skip
SCRIPT = ["javascript:alert(1)", "JavaScript:alert(1)", " javascript:alert(1)",
          "java&#9;script:alert(1)", "java\nscript:alert(1)", "&#106;avascript:alert(1)",
          "vbscript:msgbox(1)", "data:text/html,<script>alert(1)</script>"]  # fmt: skip


@pytest.mark.parametrize(
    ("href", "kind"),
    [(href, "external_links") for href in EXTERNAL] + [(href, "script_links") for href in SCRIPT],
)
def test_every_way_of_writing_an_external_or_a_script_address_is_found(
    href: str, kind: str
) -> None:
    # The scan decodes what it must: these leave the site, or run code, however
    # they are written.
    page = f'<html><head></head><body><a class="x" href="{href}">x</a></body></html>'
    assert len(getattr(page_safety.scan(page), kind)) == 1


def test_links_within_the_site_are_not_reported_as_external() -> None:
    page = '<a href="../guide/">a</a><a href=#top>b</a><a href="mailto:x@example.org">c</a>'
    assert page_safety.scan(page).external_links == []


@pytest.mark.parametrize(
    "tag",
    [
        '<img src="http://example.com/a.png" alt="">',
        '<img src="h&#116;tp://example.com/a.png" alt="">',
        '<img srcset="a.png 1x, HTTP://example.com/b.png 2x" alt="">',
        '<link rel="stylesheet" href="http://example.com/a.css">',
        '<iframe src="ht\ttp://example.com/"></iframe>',
    ],
)
def test_every_way_of_loading_a_file_over_http_is_found(tag: str) -> None:
    assert len(page_safety.scan(f"<html><head></head><body>{tag}</body></html>").insecure) == 1


def test_the_site_own_files_are_not_reported_as_insecure() -> None:
    page = (
        '<link rel="stylesheet" href="../a.css"><img src="b.png" alt=""><img src="/c.png" alt="">'
    )
    assert page_safety.scan(page).insecure == []


def test_ordinary_links_are_not_script_addresses() -> None:
    page = (
        '<a href="../guide/">a</a><a href="#javascript:">b</a><a href="mailto:x@example.org">c</a>'
        '<a href="https://example.org/javascript:x">d</a><a href="data.csv">e</a>'
    )
    assert page_safety.scan(page).script_links == []


def test_content_markup_finds_what_no_page_text_may_hold_but_not_words_about_it() -> None:
    page = (
        '<head><meta charset="utf-8"><style>x{}</style></head><body onload="x()">'
        '<article><p>Text <code>&lt;meta&gt; onclick="x"</code></p>'
        '<META http-equiv="refresh" content="0"><b title="a>b" OnClick="go()">x</b>'
        '<span style="color:red">y</span><form class="cs-filters"></form></article></body>'
    )
    assert content_markup(page) == ["<meta>", "onclick", "style"]
    assert content_markup("<p onclick='x()'>no article</p>") == []
