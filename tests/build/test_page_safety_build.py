"""Every built page carries its security policy and safe external links."""

from __future__ import annotations

import base64
import hashlib
import os
import subprocess
import sys
from pathlib import Path
from urllib.parse import urlsplit

import pytest
from bs4 import BeautifulSoup

from hooks.safety.page_safety import HEADERS, headers_file
from tests.support.sites import (
    FIXTURES,
    QUIET_ENV,
    ROOT,
    build_fixture_with_page,
    copy_fixture,
    run_mkdocs_build,
)

Pages = dict[Path, BeautifulSoup]


def test_every_page_has_a_policy_before_anything_it_loads(site_pages: Pages) -> None:
    assert site_pages
    for path, soup in site_pages.items():
        head = soup.head
        first = head.find(["meta", "script", "link", "style"], attrs={"charset": False})
        assert first.get("http-equiv") == "Content-Security-Policy", path
        assert head.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


# The policy every page must carry, written out here rather than computed by
# the code under test: this site's own files only, and the page's own inline
# scripts by their SHA-256 hashes ("{hashes}"); the search page alone may
# compile WebAssembly ("{wasm}"), for Pagefind. No page evaluates strings.
POLICY = (
    "default-src 'self'; script-src 'self'{wasm}{hashes}; style-src 'self'; "
    "img-src 'self' data:; font-src 'self'; object-src 'none'; base-uri 'self'; "
    "form-action 'self'"
)


def _sha256_source(script: str) -> str:
    """The CSP source that allows exactly `script`, computed as CSP Level 3 defines it."""
    digest = hashlib.sha256(script.encode("utf-8")).digest()
    return f"'sha256-{base64.b64encode(digest).decode('ascii')}'"


def test_every_page_policy_allows_exactly_its_own_inline_scripts(
    site_dir: Path, site_pages: Pages
) -> None:
    assert site_pages
    for path, soup in site_pages.items():
        inline = [s.string or "" for s in soup.find_all("script") if not s.has_attr("src")]
        assert inline, path
        hashes = "".join(f" {h}" for h in sorted({_sha256_source(s) for s in inline}))
        search = path.relative_to(site_dir).as_posix() == "search/index.html"
        expected = POLICY.format(wasm=" 'wasm-unsafe-eval'" if search else "", hashes=hashes)
        policy = soup.find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert policy["content"] == expected, path
        assert "unsafe-inline" not in policy["content"]
        assert "'unsafe-eval'" not in policy["content"]


def test_the_policy_hash_is_the_one_browsers_compute() -> None:
    # CSP's own worked example: the hash of the script text alert('Hello, world.');
    assert _sha256_source("alert('Hello, world.');") == (
        "'sha256-qznLcsROx4GACP2dm0UCKCzCG+HiZ1guq6ZZDob/Tng='"
    )


def _leaves_the_site(href: str) -> bool:
    """An absolute http(s) address or a scheme-relative one (//host/...)."""
    href = href.strip()
    return href.startswith("//") or urlsplit(href).scheme.lower() in ("http", "https")


def test_every_external_link_has_noopener_and_noreferrer(site_dir: Path, site_pages: Pages) -> None:
    missing = []
    for path, soup in site_pages.items():
        for link in soup.find_all("a", href=True):
            rel = set(link.get("rel") or [])
            if _leaves_the_site(link["href"]) and not {"noopener", "noreferrer"} <= rel:
                missing.append(f"{path.relative_to(site_dir)}: {link['href']}")
    assert not missing, missing


def test_site_ships_response_headers_for_hosts_that_read_them(site_dir: Path) -> None:
    text = (site_dir / "_headers").read_text(encoding="utf-8")
    for name, value in HEADERS.items():
        assert f"  {name}: {value}\n" in text
    assert "frame-ancestors 'none'" in text


def test_an_image_over_plain_http_fails_the_build_at_its_line(tmp_path: Path) -> None:
    page = (
        b"---\ntitle: Photos\ndescription: Photos.\nlast_reviewed: 2026-11-26\n---\n\n# Photos\n\n"
        b"![A meeting](http://images.example/meeting.jpg)\n"
    )
    build = build_fixture_with_page("minimal", tmp_path, "photos.md", page)
    assert build.returncode != 0
    assert "Traceback" not in build.log
    assert (
        "docs/photos.md:9: (page): the page loads 'http://images.example/meeting.jpg' over an "
        "insecure http connection. Fix: use its https address, or put the file in docs/ and "
        "link to that"
    ) in build.log


@pytest.mark.parametrize(
    ("added", "message"),
    [
        (
            "![Members](http://images.example/swap.jpg)",
            "the page loads 'http://images.example/swap.jpg' over an insecure http connection.",
        ),
        (
            "![Members](https://images.example/swap.jpg)",
            "the page loads 'https://images.example/swap.jpg' from another site, which the "
            "security policy blocks.",
        ),
        (
            # A reference-style link: the story's own check looks only for "](javascript:".
            "See [the form][f].\n\n[f]: javascript:alert(1)",
            "the page links to 'javascript:alert(1)', a script address, which is never allowed.",
        ),
        (
            # Markdown reads \` as a backtick, not code: the story's raw HTML stays HTML.
            'Escaped \\`<meta http-equiv="refresh" content="0;url=https://x.example/">` here.',
            "the page's text has a <meta> element, which no page may hold.",
        ),
        (
            'Escaped \\`<b onclick="go()">bold</b>` here.',
            "the onclick attribute runs code in the reader's browser.",
        ),
        (
            "We were :smile: about it.",  # pymdownx.emoji draws it from a CDN
            "an emoji written as :name: loads its picture from another site. Fix: type the",
        ),
        (
            "Escaped \\`<script>alert(1)</script>` here.",
            "the page's text has a <script> element, which no page may hold.",
        ),
    ],
    ids=[
        "http-image",
        "other-site-image",
        "script-link",
        "meta-refresh",
        "event-handler",
        "emoji",
        "script",
    ],
)
def test_a_problem_found_in_a_case_study_page_names_its_own_file_and_line(
    tmp_path: Path, added: str, message: str
) -> None:
    project = copy_fixture("case_study_site", tmp_path / "project")
    story = project / "case_studies" / "time-swap.md"
    text = (FIXTURES / "case_study_site" / "case_studies" / "time-swap.md").read_text()
    story.write_text(f"{text}\n{added}\n", encoding="utf-8")
    build = run_mkdocs_build(project, tmp_path / "site")
    line = len(story.read_text().splitlines())
    assert build.returncode != 0 and "Traceback" not in build.log
    assert f"case_studies/time-swap.md:{line}: (page): {message}" in build.log


def test_security_md_shows_the_headers_the_build_writes() -> None:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "```\n" + headers_file(HEADERS) + "```" in text


# A preview build (`mkdocs serve`), run the way the CLI runs one, in a fresh process.
PREVIEW_BUILD = """
import logging

from mkdocs.commands.build import build
from mkdocs.config import load_config

logging.basicConfig()
config = load_config("mkdocs.yml", site_dir="../site")
config.plugins.on_startup(command="serve", dirty=False)
try:
    build(config)
finally:
    config.plugins.on_shutdown()
"""


@pytest.mark.parametrize(
    ("front_matter", "expected"),
    [
        ("---\ntitle: Escape\nrender_macros: true\n---", "8: macros: it calls '.system'"),
        # MkDocs also ends front matter at "...".
        ("---\ntitle: Escape\nrender_macros: true\n...", "8: macros: it calls '.system'"),
        # MkDocs reads !ENV (here: true); our reader refuses it, and the guard never
        # passed the page, so its macros must not run either.
        (
            "---\ntitle: Escape\nrender_macros: !ENV [NO_SUCH_VARIABLE, true]\n---",
            "3: (front matter): the front matter is not valid YAML",
        ),
        # The macros plugin stops on this field, before it looks at anything else.
        ("---\ntitle: Escape\nignore_macros: true\n---", "3: ignore_macros: this field is no"),
        # Jinja would stop on it, deep in the theme.
        ("---\ntitle: Escape\ntemplate: nothere.html\n---", "3: template: the theme has no"),
    ],
    ids=["dashes", "dots", "env-tag", "retired-field", "no-such-template"],
)
def test_the_preview_does_not_render_a_page_the_macros_guard_refused(
    tmp_path: Path, front_matter: str, expected: str
) -> None:
    # The preview collects problems instead of stopping; the refused Jinja must still not run.
    project = copy_fixture("minimal", tmp_path / "project")
    marker = tmp_path / "ran"
    escape = f"{{{{ cycler.__init__.__globals__.os.system('touch {marker}') }}}}"
    page = f"{front_matter}\n\n# Escape\n\n{escape}\n"
    (project / "docs" / "escape.md").write_text(page, encoding="utf-8")
    proc = subprocess.run(
        [sys.executable, "-c", PREVIEW_BUILD],
        cwd=project,
        env={**os.environ, **QUIET_ENV},
        capture_output=True,
        text=True,
        timeout=600,
        check=False,
    )
    assert f"docs/escape.md:{expected}" in proc.stderr
    assert (tmp_path / "site" / "escape" / "index.html").exists()  # the build went on
    assert not marker.exists()
