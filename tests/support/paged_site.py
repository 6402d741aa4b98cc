"""A fixture site with more case studies than one page of the index holds.

`case_study_site` plus `STUDIES` generated case studies with varied facets,
so the index and some listing pages have several pages of cards. One title
holds markup, which must always show as text.
"""

from __future__ import annotations

from pathlib import Path

from tests.support.sites import Build, copy_fixture, run_mkdocs_build
from tests.support.stories import NONE_FOUND, SECOND_SOURCE, STORY

STUDIES = 120
NATIONS = ("England", "Scotland", "Wales", "Northern Ireland", "UK-wide", "International")
AREAS = ("mental health", "dementia", "cancer", "criminal justice", "older people")
PRINCIPLES = ("equality", "diversity", "access", "reciprocity")
STEPS = ("coproduction", "co-design", "engagement", "consultation", "informing")
MARKUP_TITLE = "Generated study 007 <em>not markup</em>"


def facets(i: int) -> dict[str, object]:
    """Study i's facets: every other study shows reciprocity, so its listing has two pages."""
    principles = sorted({PRINCIPLES[i % 4], *(["reciprocity"] if i % 2 == 0 else [])})
    return {
        "nation": NATIONS[i % len(NATIONS)],
        "service_areas": [AREAS[i % len(AREAS)]],
        "principles": principles,
        "involvement": STEPS[i % len(STEPS)],
    }


def title(i: int) -> str:
    return MARKUP_TITLE if i == 7 else f"Generated study {i:03d}"


def study(i: int) -> str:
    f = facets(i)
    areas = "".join(f"\n  - {a}" for a in f["service_areas"])
    principles = "".join(f"\n  - {p}" for p in f["principles"])
    return f"""---
title: "{title(i)}"
organisation: Generated Trust {i % 7}
summary: Generated case study {i} for the pagination tests.
location: Town {i}
nation: {f["nation"]}
service_areas:{areas}
principles:{principles}
involvement: {f["involvement"]}
started: {1990 + i % 30}
sources:
  - title: Generated source
    url: https://source.example/generated-{i}
    publisher: Generated Publisher
    accessed: 2026-01-02
{SECOND_SOURCE}{NONE_FOUND}last_reviewed: 2026-01-03
---
{STORY}"""


def build_paged_site(tmp_path: Path) -> Build:
    project = copy_fixture("case_study_site", tmp_path / "project")
    for i in range(STUDIES):
        path = project / "case_studies" / f"generated-study-{i:03d}.md"
        path.write_text(study(i), encoding="utf-8")
    return run_mkdocs_build(project, tmp_path / "site")
