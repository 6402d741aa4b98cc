"""The glossary explains the terms the guide uses, and the guide keeps one
spelling: "coproduction" and "wellbeing", except in names, titles and quotes."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from tests.support.sites import ROOT

DOCS = ROOT / "docs"
CASE_STUDIES = ROOT / "case_studies"
GLOSSARY = DOCS / "glossary.md"
ABBREVIATIONS = ROOT / "includes" / "abbreviations.md"

# Jargon, named bodies and legal terms the pages use that a member of the
# public may not know. Each needs a glossary entry, and each must still be
# used on a page outside the glossary, so this list stays honest.
PAGE_TERMS = (
    "standstill period", "transparency notice", "public service mutual",
    "integrated care system", "integrated care board", "limited capability for work",
    "light touch regime", "light touch contract", "Provider Selection Regime",
    "social value", "co-design", "peer support", "lived experience",
    "personal and public involvement", "Llais", "safeguarding", "DBS", "PVG",
    "AccessNI", "UK GDPR", "special category data", "trauma-informed", "time bank",
    "self-directed support", "SEND", "Easy Read",
    # More found by reading every page.
    "advocate", "best value", "conflict of interest", "contracting authority", "devolved",
    "direct payment", "due regard", "Health Board", "Healthwatch", "hearing loop",
    "integrated care partnership", "Integration Joint Board", "lawful basis",
    "multiple disadvantage", "Patient and Client Council", "public contributor",
    "public sector equality duty", "regulated activity", "terms of reference", "third sector",
    "COSLA", "CSO", "GRIPP", "HSC", "ICO", "NES", "OHID", "PiiAF", "PPI", "SEN", "SSI",
    "UNCRC", "WSI",
)  # fmt: skip
# Terms that only the case studies use. They are pages of the site too.
CASE_STUDY_TERMS = ("extra-care housing", "recovery college", "participatory budgeting")

# Where "co-production" or "well-being" may stay: names of organisations,
# titles of publications and Acts, and the notes that explain the spelling.
# Quotes, citations (footnotes) and the titles of linked pages are skipped.
ALLOWED_SPELLINGS = (
    "National Co-production Advisory Group",  # Think Local Act Personal's group
    "Co-production Network for Wales",
    "Co-production Guide",  # Department of Health (Northern Ireland), 2018
    "Co-production and Involvement Audit",  # Co-production Network for Wales
    "ladder of co-production",  # Think Local Act Personal's title
    "co-production self-assessment framework",  # New Economics Foundation's title
    "Social Services and Well-being (Wales) Act",
    "Well-being of Future Generations (Wales) Act",
    "spelt co-production",  # the notes on the other spelling
    "coproduction and co-production",
    "write it as co-production",
)  # fmt: skip
OTHER_SPELLING = re.compile(r"co-produc\w*|well-being", re.IGNORECASE)


def _flat(text: str) -> str:
    return " ".join(text.split())


def _glossary_entries() -> set[str]:
    """Every term the glossary defines, lower case: each definition-list term,
    each bold term in a definition, and what each abbreviation stands for."""
    entries: set[str] = set()
    lines = GLOSSARY.read_text(encoding="utf-8").splitlines()
    section = ""
    for number, line in enumerate(lines[:-1]):
        if line.startswith("## "):
            section = line[3:].strip()
        if not line.strip() or line.startswith((" ", ":")) or not lines[number + 1].startswith(":"):
            continue
        entries.add(line.strip().lower())
        definition = [lines[number + 1][1:]]
        for more in lines[number + 2 :]:
            if not more.startswith("    "):
                break
            definition.append(more)
        text = _flat(" ".join(definition))
        entries.update(bold.lower() for bold in re.findall(r"\*\*(.+?)\*\*", text))
        if section == "Abbreviations":
            entries.add(re.split(r"[.,:]", text, maxsplit=1)[0].strip().lower())
    return entries


def _is_defined(term: str, entries: set[str]) -> bool:
    term = term.lower()
    return any(entry in (term, term + "s") for entry in entries)


def _uses(term: str, text: str) -> bool:
    # Abbreviations match case and whole words; other terms any case, with
    # plurals and endings allowed ("conflicts of interest", "time banking").
    if term.replace(" ", "").isupper():
        return re.search(rf"\b{re.escape(term)}\b", text) is not None
    words = r"s? ".join(re.escape(word) for word in term.split())
    return re.search(rf"(?<!\w){words}", text, re.IGNORECASE) is not None


def _text(paths: list[Path]) -> str:
    return _flat(" ".join(p.read_text(encoding="utf-8") for p in paths))


def _pages() -> list[Path]:
    return sorted(DOCS.rglob("*.md"))


def _rel(path: Path) -> str:
    return path.relative_to(DOCS).as_posix()


@pytest.mark.parametrize("term", PAGE_TERMS + CASE_STUDY_TERMS)
def test_term_has_a_glossary_entry(term: str) -> None:
    assert _is_defined(term, _glossary_entries()), f"add {term!r} to docs/glossary.md"


@pytest.mark.parametrize("term", PAGE_TERMS)
def test_term_is_used_on_a_page(term: str) -> None:
    pages = [p for p in _pages() if p != GLOSSARY]
    assert _uses(term, _text(pages)), f"no page uses {term!r}: take it off PAGE_TERMS"


@pytest.mark.parametrize("term", CASE_STUDY_TERMS)
def test_term_is_used_in_a_case_study(term: str) -> None:
    studies = sorted(CASE_STUDIES.glob("*.md"))
    assert _uses(term, _text(studies)), f"no case study uses {term!r}"


def test_every_glossary_abbreviation_is_marked_up_on_every_page() -> None:
    glossary = GLOSSARY.read_text(encoding="utf-8").partition("## Abbreviations")[2]
    terms = re.findall(r"(?m)^(\S.*)\n:", glossary.partition("## Sources")[0])
    listed = set(re.findall(r"(?m)^\*\[([^\]]+)\]:", ABBREVIATIONS.read_text(encoding="utf-8")))
    missing = [t for t in terms if not set(t.split()) & listed]
    assert terms and not missing, f"add to includes/abbreviations.md: {missing}"


def _running_text(markdown: str) -> str:
    """The page's own words: without citations, quotes or linked titles."""
    text = re.sub(r"(?m)^\[\^[^\]]+\]:.*$", " ", markdown)  # footnotes cite titles
    text = re.sub(r"(?m)^\s*>.*$", " ", text)  # block quotes
    text = re.sub(r"\[[^\]]*\]\(https://[^)]*\)", " ", text)  # titles of linked pages
    text = re.sub(r"\]\([^)]*\)", "]", text)  # link addresses
    text = _flat(text.replace("**", ""))
    text = re.sub(r'"[^"]{0,300}"|“[^”]{0,300}”', " ", text)  # quotes
    for allowed in ALLOWED_SPELLINGS:
        text = re.sub(re.escape(allowed), " ", text, flags=re.IGNORECASE)
    return text


def test_allowed_spellings_are_still_used() -> None:
    text = _text(_pages()).replace("**", "")
    unused = [a for a in ALLOWED_SPELLINGS if a.lower() not in text.lower()]
    assert not unused, f"take these off ALLOWED_SPELLINGS: {unused}"


@pytest.mark.parametrize("path", _pages(), ids=_rel)
def test_page_spells_coproduction_and_wellbeing_the_house_way(path: Path) -> None:
    found = OTHER_SPELLING.findall(_running_text(path.read_text(encoding="utf-8")))
    assert not found, f"write coproduction and wellbeing (or allow a name or title): {found}"
