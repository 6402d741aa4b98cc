"""Turn case-study records into the Markdown of the pages MkDocs builds.

Pure functions, no MkDocs events: `case_studies.py` calls them from
`on_files`. All HTML comes from autoescaped Jinja templates in
`overrides/fragments/`; front-matter values are only ever template *data*,
and bodies are never templates at all. Each page is YAML front matter, one
raw HTML block, and (for a case study) the story's Markdown with its raw
HTML made inert, so MkDocs renders the story as it renders any page.
"""

from __future__ import annotations

import json
import re
from dataclasses import dataclass
from typing import Any

from markdown.extensions.toc import slugify
from mkdocs.utils import get_relative_url

from hooks.case_studies.content import NONE_FOUND
from hooks.case_studies.load import public
from hooks.case_studies.store import Record
from hooks.common import fragments

# (URL segment, record field, query parameter, heading) for each filter. A
# field inside a mapping is named by its path: `evidence.level`.
FACETS = (
    ("principle", "principles", "principle", "Principle"),
    ("nation", "nation", "nation", "Nation"),
    ("service-area", "service_areas", "service_area", "Service area"),
    ("involvement", "involvement", "involvement", "Level of involvement"),
    ("evidence", "evidence.level", "evidence", "Evidence"),
)
_OPTIONAL = (
    "region",
    "status",
    "lived_experience_roles",
    "outcomes",
    "evidence",
    "people_reached",
    "website",
    "content_note",
    "support",
    "consent",
    "tags",
)
# Not printable for YAML (PyYAML's Reader.NON_PRINTABLE), or a YAML line break.
_YAML_UNSAFE = re.compile("[\x7f-\x9f\ud800-\udfff\ufffe\uffff\u2028\u2029]")
_CODE = re.compile(r"(^(?:```|~~~).*?^(?:```|~~~)[ \t]*$|`+[^`\n]*`+)", re.M | re.S)
_ANCHOR = re.compile(
    r"^#{1,6}\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$|\bid=\"([\w-]+)\"", re.M
)


def public_fields(record: Record) -> dict[str, Any]:
    """Every schema field (absent ones as None), for templates with strict undefined."""
    return {**dict.fromkeys(_OPTIONAL, None), **public(record)}


def describe_field(spec: dict[str, Any]) -> dict[str, Any]:
    """A schema property as the fields page shows it, with the parts of a mapping
    (such as `evidence`'s `level` and `url`) or of each item in a list of them."""
    allowed = spec.get("enum") or spec.get("items", {}).get("enum") or []
    example = spec.get("examples", [""])[0]
    shown = example if isinstance(example, str) else json.dumps(example, ensure_ascii=False)
    inner = spec.get("properties") or spec.get("items", {}).get("properties") or {}
    parts = [{"name": name, **describe_field(part)} for name, part in inner.items()]
    return {
        "description": spec.get("description", ""),
        "allowed": allowed,
        "example": shown,
        "parts": parts,
    }


def facet_slug(value: str) -> str:
    """`Northern Ireland` → `northern-ireland`: a facet value as a URL segment."""
    return re.sub(r"[^a-z0-9]+", "-", value.lower()).strip("-")


def values_of(record: Record, field: str) -> list[str]:
    """The record's values of `field` (a path such as `evidence.level`); [] if it has none."""
    value: Any = record
    for step in field.split("."):
        value = value.get(step) if isinstance(value, dict) else None
    if value is None:
        return []
    return value if isinstance(value, list) else [value]


def what_changed(record: Record) -> str | None:
    """A card's line on what changed: the first outcome, or that none was found."""
    outcomes = record.get("outcomes")
    if outcomes:
        return str(outcomes[0]["text"])
    if values_of(record, "evidence.level") == [NONE_FOUND]:
        return "No published evaluation found"
    return None


def facet_values(records: list[Record], field: str, order: list[str]) -> list[tuple[str, int]]:
    """Each value of `field` that some record has, in vocabulary order, with its count."""
    counts = {v: 0 for v in order}
    for record in records:
        for value in values_of(record, field):
            counts[value] = counts.get(value, 0) + 1
    return [(v, n) for v, n in counts.items() if n]


def inert_markdown(body: str) -> str:
    """Escape `<` outside code, so raw HTML in a story shows as text, never as markup."""
    parts = _CODE.split(body)
    return "".join(p if i % 2 else p.replace("<", "&lt;") for i, p in enumerate(parts))


def anchors_in(markdown_text: str) -> set[str]:
    """The ids a page's headings (or explicit `id="…"`) will have."""
    found = set()
    for heading, explicit, html_id in _ANCHOR.findall(markdown_text):
        found.add(explicit or html_id or slugify(heading, "-"))
    return found


@dataclass
class Links:
    """Links from generated pages to optional docs pages, only where they exist.

    Like `macros.section_link`: a fork without the principle or ladder pages
    still builds strictly, its case studies just show plain text there.
    """

    targets: dict[str, tuple[str, set[str]]]  # src_uri -> (url, anchors)

    def href(self, src_uri: str, from_url: str, anchors: tuple[str, ...] = ()) -> str | None:
        target = self.targets.get(src_uri)
        if target is None:
            return None
        url, known = target
        anchor = next((a for a in anchors if a in known), "")
        return get_relative_url(url, from_url) + (f"#{anchor}" if anchor else "")


def page_markdown(meta: dict[str, Any], body: str = "") -> str:
    """A generated page's Markdown: safe YAML front matter, then the story if any.

    The page's HTML (facts panel, cards, …) is not in the Markdown: the hook
    adds it in `on_page_content`, so Markdown never parses it (faster, and
    raw-HTML checks on Markdown never see trusted template output).
    """
    # Title and description stay as written: the theme escapes them where
    # Material would print them raw (overrides/main.html, partials/header.html).
    # JSON is YAML too (a flow mapping, strings double-quoted and escaped), and
    # writing it is ten times faster than yaml.safe_dump. Characters YAML
    # refuses, or might read as line breaks, are written as \u escapes.
    front = _YAML_UNSAFE.sub(lambda m: f"\\u{ord(m[0]):04x}", json.dumps(meta, ensure_ascii=False))
    return f"---\n{front}\n---\n\n{inert_markdown(body)}\n"


def render(folder: str, template: str, **context: Any) -> str:
    return fragments.render(folder, template, **context)


def principle_link(links: Links, principle: str, from_url: str) -> str | None:
    return links.href(f"principles/{principle}.md", from_url)


def ladder_link(links: Links, step: str, from_url: str) -> str | None:
    candidates = (step, "co-production") if step == "coproduction" else (step,)
    return links.href("understand/ladder.md", from_url, candidates)
