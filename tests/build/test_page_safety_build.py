"""Every built page carries its security policy and safe external links."""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from hooks.safety.csp import content_security_policy
from hooks.safety.html_safety import is_external, scan
from hooks.safety.page_safety import HEADERS, headers_file
from tests.support.sites import (
    FIXTURES,
    ROOT,
    build_fixture_with_page,
    copy_fixture,
    html_pages,
    run_mkdocs_build,
)


def _soup(path: Path) -> BeautifulSoup:
    return BeautifulSoup(path.read_text(encoding="utf-8"), "html.parser")


def test_every_page_has_a_policy_before_anything_it_loads(site_dir: Path) -> None:
    for path in html_pages(site_dir):
        head = _soup(path).head
        first = head.find(["meta", "script", "link", "style"], attrs={"charset": False})
        assert first.get("http-equiv") == "Content-Security-Policy", path
        assert head.find("meta", attrs={"name": "referrer"})["content"] == "no-referrer"


def test_every_page_policy_allows_exactly_its_own_inline_scripts(site_dir: Path) -> None:
    for path in html_pages(site_dir):
        html = path.read_text(encoding="utf-8")
        found = scan(html)
        policy = _soup(path).find("meta", attrs={"http-equiv": "Content-Security-Policy"})
        assert found.inline_scripts, path
        # Only the search page compiles WebAssembly (Pagefind); no page evaluates strings.
        wasm = path.relative_to(site_dir).as_posix() == "search/index.html"
        assert policy["content"] == content_security_policy(found.inline_scripts, wasm), path
        assert "unsafe-inline" not in policy["content"]
        assert "'unsafe-eval'" not in policy["content"]


def test_every_external_link_has_noopener_and_noreferrer(site_dir: Path) -> None:
    missing = []
    for path in html_pages(site_dir):
        for link in _soup(path).find_all("a", href=True):
            rel = set(link.get("rel") or [])
            if is_external(link["href"]) and not {"noopener", "noreferrer"} <= rel:
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


def test_an_insecure_image_in_a_case_study_names_its_own_file_and_line(tmp_path: Path) -> None:
    project = copy_fixture("case_study_site", tmp_path / "project")
    story = project / "case_studies" / "time-swap.md"
    text = (FIXTURES / "case_study_site" / "case_studies" / "time-swap.md").read_text()
    story.write_text(text + "\n![Members](http://images.example/swap.jpg)\n", encoding="utf-8")
    build = run_mkdocs_build(project, tmp_path / "site")
    line = len(story.read_text().splitlines())
    assert build.returncode != 0 and "Traceback" not in build.log
    assert (
        f"case_studies/time-swap.md:{line}: (page): the page loads "
        "'http://images.example/swap.jpg' over an insecure http connection."
    ) in build.log


def test_security_md_shows_the_headers_the_build_writes() -> None:
    text = (ROOT / "SECURITY.md").read_text(encoding="utf-8")
    assert "```\n" + headers_file(HEADERS) + "```" in text
