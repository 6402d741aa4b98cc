"""Promises the law and practice pages keep, read from their Markdown.

The law pages say where each rule applies, state settled law plainly,
give Wales, Scotland and Northern Ireland pages of their own, and tell
England's readers what the Health Bill would change. New practice pages
cite their sources.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from hooks.common.front_matter import parse_document
from tests.support.readability import score_markdown
from tests.support.sites import ROOT

LAW = ROOT / "docs" / "law"
# Phrases that hedge what a primary source settles (issue: "settled law is stated").
HEDGES = ("not verified", "not yet verified", "widely reported", "we have not checked",
          "have not verified", "could not verify")  # fmt: skip
NATION_PAGES = {
    "wales.md": (800, ("Social Services and Well-being (Wales) Act 2014",
                       "Well-being of Future Generations (Wales) Act 2015",
                       "Health and Social Care (Quality and Engagement) (Wales) Act 2020",
                       "Social Partnership and Public Procurement (Wales) Act 2023", "Llais")),
    "scotland.md": (700, ("National Health Service (Scotland) Act 1978", "Planning with People",
                          "Community Empowerment (Scotland) Act 2015",
                          "Public Contracts (Scotland) Regulations 2015")),
    "northern-ireland.md": (700, ("Health and Social Care (Reform) Act (Northern Ireland) 2009",
                                  "Patient and Client Council", "Northern Ireland Act 1998",
                                  "Disability Discrimination Act 1995")),
}  # fmt: skip
NEW_PRACTICE_PAGES = ("coproducing-research", "keeping-people-safe", "consent-and-stories",
                      "trauma-informed-involvement", "children-and-young-people",
                      "recruiting-and-training")  # fmt: skip


def _body(path: Path) -> str:
    return parse_document(path.read_text(encoding="utf-8"), str(path)).body


@pytest.mark.parametrize("page", sorted(p.name for p in LAW.glob("*.md")))
def test_no_law_page_hedges_settled_law(page: str) -> None:
    text = (LAW / page).read_text(encoding="utf-8").lower()
    assert [h for h in HEDGES if h in text] == []


@pytest.mark.parametrize("page", ["england.md", *NATION_PAGES])
def test_every_section_of_a_nation_s_page_says_where_it_applies(page: str) -> None:
    sections = re.split(r"^## ", _body(LAW / page), flags=re.M)[1:]
    unlabelled = [s.splitlines()[0] for s in sections
                  if "**Applies to:**" not in s and not s.startswith("Sources")]  # fmt: skip
    assert unlabelled == []


def test_the_procurement_table_has_a_nation_column() -> None:
    table = [line for line in _body(LAW / "procurement.md").splitlines() if line.startswith("|")]
    header = [cell.strip() for cell in table[0].strip("|").split("|")]
    assert "Where" in header
    assert any("Scotland" in row for row in table) and any("Wales" in row for row in table)


@pytest.mark.parametrize(("page", "rule"), sorted(NATION_PAGES.items()))
def test_each_devolved_nation_has_a_full_page_citing_its_acts(page: str, rule: tuple) -> None:
    least, names = rule
    body = _body(LAW / page)
    assert score_markdown(body).words >= least
    assert [n for n in names if n not in body] == []
    assert body.count("https://www.legislation.gov.uk/") >= 5


def test_england_s_pages_say_what_the_health_bill_would_change_and_when_checked() -> None:
    for page in ("england.md", "index.md"):
        doc = parse_document((LAW / page).read_text(encoding="utf-8"), page)
        assert "Health Bill" in doc.body or "Health Bill" in str(doc.meta["pending_changes"])
        (change,) = doc.meta["pending_changes"]
        assert change["checked"] and change["check_again"] > change["checked"]
    assert "until it becomes law" in _body(LAW / "england.md").lower()


@pytest.mark.parametrize("page", NEW_PRACTICE_PAGES)
def test_each_new_practice_page_is_full_length_and_cites_its_sources(page: str) -> None:
    text = (ROOT / "docs" / "guides" / f"{page}.md").read_text(encoding="utf-8")
    doc = parse_document(text, page)
    assert 700 <= score_markdown(doc.body).words <= 1_200
    assert len(re.findall(r"^\[\^[^\]]+\]: .*https://", doc.body, flags=re.M)) >= 5
    assert doc.meta["last_reviewed"]
