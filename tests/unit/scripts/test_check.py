"""`make check`: the build's plain checks, run over the files without building the site."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

from scripts.check import page_problems, settings

TODAY = dt.date(2026, 12, 7)


def test_page_problems_are_found_with_the_build_s_messages(tmp_path: Path) -> None:
    docs = tmp_path / "docs"
    docs.mkdir()
    (docs / "good.md").write_text(
        "---\ntitle: Good\ndescription: Fine.\nlast_reviewed: 2026-12-01\n---\n\n# Good\n",
        encoding="utf-8",
    )
    (docs / "bad.md").write_text(
        "---\ntitle: Bad\ndescription: Wrong.\nlast_reviewed: 01/12/2026\n---\n\n# Bad\n\n"
        "![](x.png) and [click here](good.md)\n",
        encoding="utf-8",
    )
    found = [str(p) for p in sorted(page_problems(docs, TODAY, 12))]
    assert found == [
        "docs/bad.md:4: last_reviewed: '01/12/2026' is not a date written as YYYY-MM-DD. "
        "Fix: write the date as "
        "year-month-day, for example 'last_reviewed: 2026-12-07'",
        "docs/bad.md:9: image: the image has no alt text. Fix: describe what the image shows "
        "inside ![...]; if it is only decorative, leave the brackets empty and mark it "
        "straight after: ![](picture.svg){ .decorative }",
        "docs/bad.md:9: link: the link text 'click here' does not say where the link goes. Fix: "
        "write link text that says where the link goes, like [the Care Act 2014](...)",
    ]


def test_settings_find_a_list_of_plugins_and_a_colour_too_light(tmp_path: Path) -> None:
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Fork\nplugins:\n  - tags\nextra:\n  brand:\n"
        '    primary: "#ffff00"\n    accent: "#8a3a00"\n',
        encoding="utf-8",
    )
    extra, problems = settings(tmp_path)
    assert extra["brand"]["primary"] == "#ffff00"
    assert [(p.line, p.field) for p in problems] == [
        (2, "plugins"),
        (4, "extra.organisation"),
        (6, "extra.brand.primary"),
    ]


def test_settings_are_checked_as_the_build_checks_them_whatever_tags_they_hold(
    tmp_path: Path,
) -> None:
    # A !!python/name tag once left every identity and brand check out, and the
    # logo and feedback address were never checked here (found by a bug hunt).
    (tmp_path / "mkdocs.yml").write_text(
        "site_name: Fork\nmarkdown_extensions:\n  pymdownx.emoji:\n"
        "    emoji_index: !!python/name:material.extensions.emoji.twemoji\n"
        "extra:\n  organisation:\n    name: Fork Trust\n"
        "    contact_email: !ENV [CHECK_TEST_UNSET_EMAIL, a@fork.example]\n"  # as MkDocs reads it
        "    feedback_url: forms.example/x\n"
        '  brand:\n    primary: "#f5c400"\n    accent: "#8a3a00"\n'
        "    logo: assets/images/missing.png\n",
        encoding="utf-8",
    )
    (tmp_path / "docs").mkdir()
    _, problems = settings(tmp_path)
    assert [p.field for p in sorted(problems)] == [
        "extra.organisation.feedback_url",
        "extra.brand.primary",
        "extra.brand.logo",
    ], problems
