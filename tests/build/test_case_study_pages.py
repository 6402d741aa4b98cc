"""Case-study pages, listings, index and export, built from fixture sites."""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from bs4 import BeautifulSoup
from jsonschema import Draft202012Validator, FormatChecker

from tests.support.sites import Build


@pytest.fixture(scope="module")
def fixture_site(case_study_build: Build) -> Build:
    return case_study_build


@pytest.fixture(scope="module")
def hostile_site(hostile_build: Build) -> Build:
    return hostile_build


def _soup(site: Build, path: str) -> BeautifulSoup:
    return BeautifulSoup((site.site_dir / path).read_text(encoding="utf-8"), "html.parser")


def test_case_study_page_shows_its_facts_panel(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/time-swap/index.html")
    facts = {
        dt.get_text(): dd
        for dt, dd in zip(soup.select(".cs-facts dt"), soup.select(".cs-facts dd"), strict=True)
    }
    assert facts["Organisation"].get_text() == "Fixture Time Bank"
    assert facts["Where"].get_text() == "Cardiff (Wales)"
    assert facts["Since"].get_text() == "2001"
    assert facts["Status"].get_text() == "Active"
    assert facts["Lived-experience roles"].get_text() == "members"
    source = facts["Sources"].select_one("li")
    assert source.a["href"] == "https://source.example/time-swap"
    assert source.get_text() == "Fixture source, Fixture Publisher (accessed 2 January 2026)"
    assert facts["Last reviewed"].get_text() == "3 January 2026"


def test_case_study_page_links_principles_and_ladder_step_that_exist(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/time-swap/index.html")
    principles = {a.get_text(): a["href"] for a in soup.select(".cs-facts dd li a")}
    assert principles["Reciprocity"] == "../../principles/reciprocity/"
    # The fixture has no equality page: plain text, and the strict build still passes.
    assert "Equality" in soup.select_one(".cs-facts").get_text() and "Equality" not in principles
    ladder = soup.find("dt", string="Level of involvement").find_next("dd").a
    assert ladder["href"] == "../../understand/ladder/#co-production"


def test_content_note_comes_before_the_story(fixture_site: Build) -> None:
    article = _soup(fixture_site, "case-studies/time-swap/index.html").select_one("article")
    text = article.get_text()
    note = article.select_one(".cs-content-note")
    assert "This story mentions loneliness." in note.get_text()
    assert "Talk to someone you trust." in note.get_text()
    assert text.index("Content note") < text.index("What they did")


def test_case_study_pages_are_not_in_the_navigation(fixture_site: Build) -> None:
    nav = _soup(fixture_site, "index.html").select_one("nav.md-nav--primary").get_text()
    assert "Case studies" in nav
    assert "Time Swap" not in nav and "Advice Panel" not in nav


def test_index_lists_every_case_study_in_title_order(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/index.html")
    titles = [a.get_text() for a in soup.select(".cs-card__title a")]
    assert titles == ["Advice Panel", "Time Swap"]
    assert soup.select_one("#cs-count").get_text() == "2 case studies"
    assert soup.select_one("#cs-count")["aria-live"] == "polite"
    assert soup.select_one("#cs-filters").has_attr("hidden")  # shown by the script only


def test_index_links_to_a_static_listing_page_per_filter_value(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/index.html")
    links = {a.get_text(): a["href"] for a in soup.select(".cs-browse a")}
    assert links["reciprocity"] == "principle/reciprocity/"
    assert links["Northern Ireland"] == "nation/northern-ireland/"
    assert links["community development"] == "service-area/community-development/"
    assert links["consultation"] == "involvement/consultation/"
    for href in links.values():
        assert (fixture_site.site_dir / "case-studies" / href / "index.html").is_file(), href


def test_static_listing_page_lists_only_matching_case_studies(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/principle/reciprocity/index.html")
    assert soup.h1.get_text() == "Case studies: reciprocity"
    cards = soup.select(".cs-card__title a")
    assert [(a.get_text(), a["href"]) for a in cards] == [("Time Swap", "../../time-swap/")]


def test_macros_list_and_count_case_studies_with_checked_links(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "index.html")
    text = soup.select_one("article").get_text()
    assert "We have 2 case studies, 1 showing reciprocity." in text
    assert "None in Scotland yet." in text
    link = soup.select_one("article li a")
    assert (link.get_text(), link["href"]) == ("Time Swap", "case-studies/time-swap/")


def test_export_validates_against_the_published_schema(fixture_site: Build) -> None:
    folder = fixture_site.site_dir / "case-studies"
    data = json.loads((folder / "case-studies.json").read_text())
    schema = json.loads((folder / "case-studies.schema.json").read_text())
    assert data["$schema"] == "https://fixture.example/case-studies/case-studies.schema.json"
    errors = list(Draft202012Validator(schema, format_checker=FormatChecker()).iter_errors(data))
    assert errors == []
    assert [c["slug"] for c in data["case_studies"]] == ["advice-panel", "time-swap"]
    assert data["case_studies"][1]["sources"][0]["accessed"] == "2026-01-02"


def test_csv_export_has_a_row_per_case_study(fixture_site: Build) -> None:
    rows = list(
        csv.DictReader(
            io.StringIO((fixture_site.site_dir / "case-studies/case-studies.csv").read_text())
        )
    )
    assert [r["title"] for r in rows] == ["Advice Panel", "Time Swap"]
    assert rows[1]["principles"] == "reciprocity; equality"


def test_index_offers_the_data_for_download(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/index.html")
    section = soup.find("h2", string="Download the data").find_next("p")
    hrefs = {a["href"] for a in section.select("a")}
    assert {"case-studies.json", "case-studies.csv", "fields/"} <= hrefs


def test_fields_page_lists_every_schema_field(fixture_site: Build) -> None:
    schema = json.loads((Path(__file__).parents[2] / "case_studies" / "schema.json").read_text())
    soup = _soup(fixture_site, "case-studies/fields/index.html")
    shown = [th.get_text() for th in soup.select("tbody th")]
    assert shown == list(schema["properties"])


def test_edit_link_opens_the_case_study_file(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/time-swap/index.html")
    edit = soup.select_one('a[rel~="edit"]')["href"]
    assert edit == "https://github.com/example/fixture/edit/main/case_studies/time-swap.md"


def test_hostile_case_study_is_rendered_as_inert_text(hostile_site: Build) -> None:
    # html5lib parses as browsers do: text inside <title> is never markup, so the
    # minifier may write "<" there unescaped. html.parser would misread it.
    for path in ("case-studies/hostile/index.html", "case-studies/index.html", "index.html",
                 "case-studies/principle/reciprocity/index.html"):  # fmt: skip
        html = (hostile_site.site_dir / path).read_text(encoding="utf-8")
        soup = BeautifulSoup(html, "html5lib")
        article = soup.select_one("article")
        assert article.find_all(["script", "iframe", "img", "b"]) == [], path
        assert not any(k.startswith("on") for tag in article.find_all(True) for k in tag.attrs), (
            path
        )
        assert "42" not in article.get_text(), path
        assert "{{ 6*7 }}" in article.get_text(), path
        assert not any(
            s.get("src") is None and "alert" in s.get_text() for s in soup.find_all("script")
        ), path
    html = (hostile_site.site_dir / "case-studies/hostile/index.html").read_text(encoding="utf-8")
    page = BeautifulSoup(html, "html5lib")
    text = page.select_one("article").get_text()
    assert "<script>alert('body')</script>" in text
    assert "{% if true %}shown{% endif %}" in text
    assert "<script>code</script>" in page.select_one("article code").get_text()
    assert page.h1.get_text() == "<script>alert('title')</script> {{ 6*7 }}"
    assert page.title.get_text().startswith("<script>alert('title')</script>")
    source = page.select_one(".cs-sources a")
    assert source["href"] == 'https://source.example/?q="><script>alert(1)</script>'


def test_real_site_has_at_least_twelve_case_studies_with_sources(site_dir: Path) -> None:
    data = json.loads((site_dir / "case-studies" / "case-studies.json").read_text())
    assert len(data["case_studies"]) >= 12
    for study in data["case_studies"]:
        page = site_dir / study["url"] / "index.html"
        soup = BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser")
        assert soup.select(".cs-sources a[href^='https://']"), study["slug"]


def test_every_link_between_case_study_pages_resolves(site_dir: Path) -> None:
    broken = []
    for page in sorted((site_dir / "case-studies").rglob("*.html")):
        for a in BeautifulSoup(page.read_text(encoding="utf-8"), "html.parser").select(
            "article a[href]"
        ):
            href = a["href"].split("#")[0]
            if not href or "://" in href or href.startswith(("mailto:", "#")):
                continue
            target = (page.parent / href).resolve()
            if not (target.is_file() or (target / "index.html").is_file()):
                broken.append(f"{page.relative_to(site_dir)} -> {a['href']}")
    assert broken == []
