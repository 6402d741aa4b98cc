"""A case study's page in a real browser: the story comes soon, and every fact prints."""

from __future__ import annotations

import json
from pathlib import Path

import pytest

pytestmark = pytest.mark.browser

PHONE = {"width": 375, "height": 667}
DESKTOP = {"width": 1280, "height": 800}
# The y of the story's first heading: the first <h2> of the article outside the facts.
FIRST_STORY_HEADING = """() => {
  const heading = [...document.querySelectorAll("article h2")].find(
    (h) => !h.closest(".cs-facts, .cs-content-note, .cs-more-facts"));
  return heading.getBoundingClientRect().top + window.scrollY;
}"""
# Each fact's label and whether it shows (print hides nothing a reader needs).
FACTS = """() => [...document.querySelectorAll(
    ".cs-facts dt, .cs-more-facts dt, .cs-sources li, .cs-content-note")].map(
  (node) => [node.textContent.trim(), node.checkVisibility()])"""


def _case_study_urls(site_dir: Path) -> list[str]:
    data = json.loads((site_dir / "case-studies" / "case-studies.json").read_text())
    return [study["url"] for study in data["case_studies"]]


def test_on_a_phone_every_story_starts_within_two_screens(
    browser: object, site_url: str, site_dir: Path
) -> None:
    context = browser.new_context(viewport=PHONE)
    page = context.new_page()
    late = {}
    for url in _case_study_urls(site_dir):
        page.goto(site_url + url)
        y = page.evaluate(FIRST_STORY_HEADING)
        if y > 2 * PHONE["height"]:
            late[url] = round(y)
    context.close()
    assert late == {}


def test_on_a_desktop_the_key_facts_take_about_a_third_of_the_screen(
    browser: object, site_url: str, site_dir: Path
) -> None:
    context = browser.new_context(viewport=DESKTOP)
    page = context.new_page()
    tall = {}
    for url in _case_study_urls(site_dir):
        page.goto(site_url + url)
        height = page.locator(".cs-facts").bounding_box()["height"]
        if height > 0.375 * DESKTOP["height"]:
            tall[url] = round(height)
    context.close()
    assert tall == {}


def test_print_keeps_every_fact_and_source(browser: object, site_url: str, site_dir: Path) -> None:
    context = browser.new_context()
    page = context.new_page()
    page.emulate_media(media="print")
    hidden = {}
    for url in _case_study_urls(site_dir):
        page.goto(site_url + url)
        facts = page.evaluate(FACTS)
        labels = [label for label, _ in facts]
        assert {"Organisation", "Evidence", "Service areas", "Last reviewed"} <= set(labels)
        shown_labels = page.locator(".cs-facts dt, .cs-more-facts dt").all_inner_texts()
        assert len(shown_labels) == len(set(shown_labels)), url  # nothing printed twice
        missing = [label for label, shown in facts if not shown]
        if missing:
            hidden[url] = missing
    context.close()
    assert hidden == {}
