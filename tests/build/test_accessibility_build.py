"""The build refuses inaccessible or unsafe content, saying how to fix it.

A real build of tests/fixtures/a11y_broken/ proves the content lint's
warnings reach the editor and fail a strict build. A brand colour below
contrast is refused by the brand check, tested without a build in
tests/unit/brand/test_palette.py.
"""

from __future__ import annotations

from pathlib import Path

from bs4 import BeautifulSoup

from tests.support.sites import Build, build_fixture

EXPECTED_LINT = [
    "docs/index.md:9: image: the image has no alt text. Fix: describe what the image shows "
    "inside ![...]; if it is only decorative, leave the brackets empty and mark it straight "
    "after: ![](picture.svg){ .decorative }",
    "docs/index.md:11: link: the link text 'click here' does not say where the link goes. "
    "Fix: write link text that says where the link goes, like [the Care Act 2014](...)",
    "docs/index.md:13: heading: the heading jumps from level 1 to level 4. "
    "Fix: use ## here, or add the missing level above",
    "docs/index.md:15: heading: this is a second level-1 heading. "
    "Fix: use ## here: a page has one # heading, its title",
    "docs/index.md:17: table: the table has no header row. "
    "Fix: write a heading for each column in the first row",
    "docs/index.md:21: <script>: <script> is not allowed: it runs code in the reader's browser. "
    "Fix: remove it; to show a video or map, link to it instead",
    "docs/index.md:23: <a>: the href address uses javascript:, which can run code. "
    "Fix: link to an https:// address or a page of this site",
    "docs/index.md:23: <a>: the onclick attribute runs code in the reader's browser. "
    "Fix: remove it; the site's own scripts add any behaviour",
    "docs/index.md:25: <span>: the inline style sets a colour, which escapes the contrast "
    "checks. Fix: remove the style; use the theme's colours or ask for a class in site.css",
]


def _lint_lines(build: Build) -> list[str]:
    prefix = "WARNING -  content: "
    return [line.removeprefix(prefix) for line in build.warnings if line.startswith(prefix)]


def test_content_lint_reports_every_mistake_with_its_line_and_fix(tmp_path: Path) -> None:
    build = build_fixture("a11y_broken", tmp_path)
    assert build.returncode == 1
    assert _lint_lines(build) == EXPECTED_LINT
    assert "this is only an example" not in "\n".join(build.warnings)  # code is not checked


def test_showcase_site_builds_cleanly_with_brand_stylesheet_and_no_inline_style(
    showcase_build: Build,
) -> None:
    build = showcase_build
    assert build.ok, build.log
    # Published under a content-hashed name (hooks/output/production.py).
    (brand_css,) = (build.site_dir / "assets" / "stylesheets").glob("brand.*.css")
    css = brand_css.read_text()
    assert "--brand-primary: #1d4f76;" in css and "--brand-link: #3a8dcf;" in css
    soup = BeautifulSoup((build.site_dir / "index.html").read_text(), "html.parser")
    assert soup.html["lang"] == "en-GB"
    assert soup.select_one("a.site-skip")["href"] == "#main-content"
    assert soup.select_one("main #main-content") is not None
    assert soup.select_one("a.cg-search-link").get_text(strip=True) == "Search"
    search = BeautifulSoup((build.site_dir / "search" / "index.html").read_text(), "html.parser")
    button = search.select_one("form[role=search] button")
    assert button is not None and button.get("type", "submit") == "submit"  # minified: default
    assert search.select_one("[role=status]")["aria-live"] == "polite"
    assert soup.select_one("form[data-md-component=palette]") is None
    assert not soup.select("style") and not soup.select("[style]")
