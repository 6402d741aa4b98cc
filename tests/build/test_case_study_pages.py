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


def _facts(panel: object) -> dict[str, object]:
    """A summary list's values by label: each row is a <div> holding one dt and one dd."""
    rows = panel.select(".cs-summary-list > .cs-summary-list__row")
    assert all(len(row.find_all(["dt", "dd"], recursive=False)) == 2 for row in rows)
    return {row.dt.get_text(): row.dd for row in rows}


def test_key_facts_are_a_short_summary_list_before_the_story(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/time-swap/index.html")
    facts = _facts(soup.select_one(".cs-facts"))
    assert list(facts) == [
        "Organisation", "Where", "Started", "Level of involvement", "Principles", "Evidence",
    ]  # fmt: skip
    assert facts["Organisation"].get_text() == "Fixture Time Bank"
    assert facts["Where"].get_text() == "Cardiff (Wales)"
    assert facts["Started"].get_text() == "2001, still running"
    assert facts["Principles"].get_text() == "Reciprocity, Equality"
    evidence = facts["Evidence"].a
    assert (evidence.get_text(), evidence["href"]) == (
        "Own report", "https://source.example/time-swap-report",
    )  # fmt: skip


def test_long_facts_and_sources_follow_the_story(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/time-swap/index.html")
    article = soup.select_one("article")
    more = article.select_one(".cs-more-facts")
    story_headings = [h for h in article.find_all("h2") if not h.find_parent(class_="cs-facts")]
    assert story_headings[-1] is more.h2  # after the story's last section
    facts = _facts(more)
    assert list(facts) == ["What changed", "Lived-experience roles", "Service areas",
                           "Last reviewed"]  # fmt: skip
    outcome = facts["What changed"].li
    assert outcome.get_text() == "Members swapped 2,000 hours of help in 2024. (source 2)"
    assert outcome.a["href"] == "#cs-source-2" and more.select_one("#cs-source-2")
    assert facts["Lived-experience roles"].get_text() == "members"
    assert facts["Last reviewed"].get_text() == "3 January 2026"
    source = more.select_one(".cs-sources li")
    assert source.a["href"] == "https://source.example/time-swap"
    assert source.get_text() == "Fixture source, Fixture Publisher (accessed 2 January 2026)"


def test_case_study_page_links_principles_and_ladder_step_that_exist(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/time-swap/index.html")
    facts = _facts(soup.select_one(".cs-facts"))
    principles = {a.get_text(): a["href"] for a in facts["Principles"].select("a")}
    assert principles == {"Reciprocity": "../../principles/reciprocity/"}
    # The fixture has no equality page: plain text, and the strict build still passes.
    assert "Equality" in facts["Principles"].get_text()
    ladder = facts["Level of involvement"].a
    assert ladder["href"] == "../../understand/ladder/#co-production"


def test_content_note_comes_right_after_the_key_facts_and_before_the_story(
    fixture_site: Build,
) -> None:
    article = _soup(fixture_site, "case-studies/time-swap/index.html").select_one("article")
    text = article.get_text()
    note = article.select_one(".cs-content-note")
    assert note.find_previous_sibling() is article.select_one(".cs-facts")
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


def test_index_counts_case_studies_by_nation_at_the_top(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/index.html")
    glance = soup.select_one("article .cs-glance")
    assert glance is soup.select_one("article p:nth-of-type(2)")  # right after the intro
    assert glance.get_text() == "2 case studies by nation: Wales\xa0(1), Northern Ireland\xa0(1)."
    links = {a.get_text(): a["href"] for a in glance.select("a")}
    assert links == {"Wales": "nation/wales/", "Northern Ireland": "nation/northern-ireland/"}


def test_each_card_shows_its_nation_and_what_changed(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/index.html")
    cards = {c.select_one(".cs-card__title").get_text(): c for c in soup.select(".cs-card")}
    facts = {
        title: {dt.get_text(): dt.find_next_sibling("dd").get_text() for dt in card.select("dt")}
        for title, card in cards.items()
    }
    assert facts["Time Swap"]["Nation"] == "Wales"
    assert facts["Time Swap"]["What changed"] == "Members swapped 2,000 hours of help in 2024."
    assert facts["Advice Panel"]["Nation"] == "Northern Ireland"
    assert facts["Advice Panel"]["What changed"] == "No published evaluation found"


def test_evidence_is_a_filter_and_a_static_listing_per_level(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/index.html")
    options = [o["value"] for o in soup.select("#cs-filter-evidence option")]
    assert options == ["", "none found", "own report"]
    cards = {c.select_one(".cs-card__title").get_text(): c["data-evidence"]
             for c in soup.select(".cs-card")}  # fmt: skip
    assert cards == {"Advice Panel": "none found", "Time Swap": "own report"}
    links = {a.get_text(): a["href"] for a in soup.select(".cs-browse a")}
    assert links["none found"] == "evidence/none-found/"
    assert links["own report"] == "evidence/own-report/"
    listing = _soup(fixture_site, "case-studies/evidence/none-found/index.html")
    assert listing.h1.get_text() == "Case studies: none found"
    assert [a.get_text() for a in listing.select(".cs-card__title a")] == ["Advice Panel"]


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


def test_export_carries_each_case_studys_evidence(fixture_site: Build) -> None:
    folder = fixture_site.site_dir / "case-studies"
    data = json.loads((folder / "case-studies.json").read_text())
    evidence = {c["slug"]: c["evidence"] for c in data["case_studies"]}
    assert evidence == {
        "advice-panel": {"level": "none found"},
        "time-swap": {"level": "own report", "url": "https://source.example/time-swap-report"},
    }
    rows = list(csv.DictReader(io.StringIO((folder / "case-studies.csv").read_text())))
    assert [r["evidence"] for r in rows] == [
        "none found", "own report, https://source.example/time-swap-report",
    ]  # fmt: skip


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


def test_fields_page_lists_the_allowed_evidence_levels(fixture_site: Build) -> None:
    soup = _soup(fixture_site, "case-studies/fields/index.html")
    row = next(tr for tr in soup.select("tbody tr") if tr.th.get_text() == "evidence")
    parts = {li.code.get_text(): li for li in row.select(".cs-field-parts li")}
    assert set(parts) == {"level", "url"}
    assert [c.get_text() for c in parts["level"].select("code")[1:]] == [
        "none found", "own report", "independent evaluation", "peer-reviewed study",
    ]  # fmt: skip


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


def test_real_site_has_case_studies_from_every_nation_and_for_every_principle(
    site_dir: Path,
) -> None:
    studies = json.loads((site_dir / "case-studies" / "case-studies.json").read_text())
    studies = studies["case_studies"]
    assert len(studies) >= 24
    index = BeautifulSoup((site_dir / "case-studies/index.html").read_text(), "html.parser")
    glance = {a.get_text(): a for a in index.select(".cs-glance a")}
    for nation in ("Wales", "Scotland", "Northern Ireland"):
        count = sum(1 for s in studies if s["nation"] == nation)
        assert count >= 3, nation
        assert f"{nation}\xa0({count})" in glance[nation].parent.get_text(), nation
        listing = site_dir / "case-studies" / glance[nation]["href"] / "index.html"
        cards = BeautifulSoup(listing.read_text(), "html.parser").select(".cs-card")
        assert len(cards) == count, nation
    for principle in ("equality", "diversity", "access", "reciprocity"):
        listing = site_dir / "case-studies/principle" / principle / "index.html"
        cards = BeautifulSoup(listing.read_text(), "html.parser").select(".cs-card")
        assert len(cards) >= 3, principle
        page = BeautifulSoup(
            (site_dir / "principles" / principle / "index.html").read_text(), "html.parser"
        )
        listed = {a["href"] for a in page.select("article li a[href*='case-studies/']")}
        assert len(listed) >= 3, principle


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
