"""Which files the case-study collection adds to a build, and what is in them.

Pure functions and one small class, no MkDocs events: `events.py` calls
`Site.generate` from `on_files`. Everything is rendered from the records
already in memory (never by re-reading files), so each case study costs a
constant amount of work however many there are.

The index and each listing show `PAGE_SIZE` cards a page. Page 1 keeps its
address; page n lives at `<page>/page/<n>/`. The pagination links follow the
GOV.UK Design System pattern
(https://design-system.service.gov.uk/components/pagination/): first, last,
current and its neighbours, with an ellipsis for a gap.

All HTML comes from autoescaped Jinja templates in `overrides/fragments/`;
front-matter values are only ever template *data*, and bodies are never
templates at all. Each page is YAML front matter and (for a case study) the
story's Markdown with its raw HTML made inert, so MkDocs renders the story
as it renders any page; the hook adds the page's HTML around its content.
"""

from __future__ import annotations

import functools
import json
import posixpath
import re
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

import yaml
from markdown.extensions.toc import slugify
from markupsafe import Markup
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from hooks.case_studies import export
from hooks.case_studies.content import NONE_FOUND
from hooks.case_studies.load import public
from hooks.case_studies.schema import allowed_values, vocabulary
from hooks.case_studies.store import Record, values_of
from hooks.common import fragments
from hooks.common.errors import Problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

INDEX = "case-studies/index.md"
FIELDS = "case-studies/fields.md"
CARDS = "case-studies/cards.json"
LADDER = "understand/ladder.md"  # the ladder of participation, linked from each step
# Cards on one page of the index or of a listing. A card is about 600 bytes
# of HTML (the real site's, minified), so 50 add at most about 30 KiB even
# if they did not compress at all: a first visit stays under the 70 KiB
# budget (issue #9) however many case studies there are, and a reader who
# browses without JavaScript clicks "Next" once per 50, not once per 10.
PAGE_SIZE = 50
HIDDEN = InclusionLevel.NOT_IN_NAV
# Front matter that keeps a page out of search (overrides/main.html
# leaves out its data-pagefind-body). Listings repeat their case studies' cards: a search
# finds the case study itself.
UNSEARCHED = {"exclude": True}
Generated = tuple[str, str, InclusionLevel]
Cards = list[dict[str, Any]]
Pages = dict[str, Any] | None  # what the pagination fragment shows; None on a lone page
# (URL segment, record field, query parameter, heading) for each filter. A
# field inside a mapping is named by its path: `evidence.level`.
FACETS = (
    ("principle", "principles", "principle", "Principle"),
    ("nation", "nation", "nation", "Nation"),
    ("service-area", "service_areas", "service_area", "Service area"),
    ("involvement", "involvement", "involvement", "Level of involvement"),
    ("evidence", "evidence.level", "evidence", "Evidence"),
)
# libyaml's writer when PyYAML has it (its wheels do): 0.04 s for a 1,000-case-study
# build's pages, where Python's takes 1 s.
_YAML = getattr(yaml, "CSafeDumper", yaml.SafeDumper)
_CODE = re.compile(r"(^(?:```|~~~).*?^(?:```|~~~)[ \t]*$|`+[^`\n]*`+)", re.M | re.S)
_ANCHOR = re.compile(
    r"^#{1,6}\s+(.*?)\s*(?:\{[^}]*#([\w-]+)[^}]*\})?\s*#*\s*$|\bid=\"([\w-]+)\"", re.M
)
# A docs page here would take the address of a page of cards.
_PAGED = re.compile(r"case-studies/(?:[^/]+/[^/]+/)?page/\d+(?:/index)?\.md")


def listing_uri(segment: str, value: str) -> str:
    """`nation`, `Northern Ireland` → `case-studies/nation/northern-ireland.md`."""
    return f"case-studies/{segment}/{slugify(value, '-')}.md"


def page_uri(src_uri: str, number: int) -> str:
    """`case-studies/index.md`, 3 → `case-studies/page/3.md` (page 1: `src_uri` itself)."""
    if number == 1:
        return src_uri
    stem = src_uri.removesuffix(".md").removesuffix("/index")
    return f"{stem}/page/{number}.md"


def page_numbers(current: int, count: int) -> list[int | None]:
    """The page numbers to link to; None where pages are left out (an ellipsis)."""
    wanted = sorted({1, count, *range(max(1, current - 1), min(count, current + 1) + 1)})
    shown: list[int | None] = []
    last = 0
    for n in wanted:
        if n - last == 2:
            shown.append(n - 1)  # one page left out: its number costs no more than "⋯"
        elif n - last > 2:
            shown.append(None)
        shown.append(n)
        last = n
    return shown


def describe_field(spec: dict[str, Any]) -> dict[str, Any]:
    """A schema property as the fields page shows it, with the parts of a mapping
    (such as `evidence`'s `level` and `url`) or of each item in a list of them."""
    allowed = allowed_values(spec)
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


def page_markdown(meta: dict[str, Any], body: str = "") -> str:
    """A generated page's Markdown: safe YAML front matter, then the story if any.

    The page's HTML (facts panel, cards, …) is not in the Markdown: the hook
    adds it in `on_page_content`, so Markdown never parses it (faster, and
    raw-HTML checks on Markdown never see trusted template output).
    """
    # Title and description stay as written: the theme escapes them where
    # Material would print them raw (overrides/main.html, partials/header.html).
    front = yaml.dump(meta, Dumper=_YAML, allow_unicode=True, sort_keys=False)
    return f"---\n{front}---\n\n{inert_markdown(body)}\n"


def clashes(schema: dict[str, Any], taken: set[str]) -> list[Problem]:
    """Docs pages at an address the collection itself needs."""
    ours = {INDEX, FIELDS, CARDS}
    ours |= {listing_uri(seg, v) for seg, field, *_ in FACETS for v in vocabulary(schema, field)}
    return [
        Problem(f"docs/{uri}", 1, "(file name)", "the case-study pages use this address",
                "move or rename this page")
        for uri in sorted(ours & taken | {t for t in taken if _PAGED.fullmatch(t)})
    ]  # fmt: skip


def edit_uri(config: MkDocsConfig, root: Path, folder: str, slug: str) -> str | None:
    """'Edit this page' opens case_studies/<slug>.md, not a docs file that does not exist."""
    if not config.edit_uri or "?" in config.edit_uri or config.edit_uri_template:
        return None
    docs = Path(config.docs_dir).resolve().relative_to(root.resolve()).as_posix()
    return posixpath.join(posixpath.relpath(folder, docs), f"{slug}.md")


class GeneratedFile(File):
    """A generated file that `mkdocs serve --dirty` writes again only once it changed.

    MkDocs takes a file made from text as changed in every build, so each save
    in the preview rebuilt every listing and data file: about 120 pages at
    1,000 case studies, more than the story the editor saved. `changed_at` is
    when this file's text (with its pre-rendered HTML) last changed; as for a
    file on disk, it is written again if what the site holds is older. A full
    build writes every file whatever this says.
    """

    changed_at = float("inf")

    def is_modified(self) -> bool:
        dest = Path(self.abs_dest_path)
        return not dest.is_file() or dest.stat().st_mtime < self.changed_at


class Site:
    """The build's settings the generated pages need, resolved once."""

    def __init__(self, config: MkDocsConfig, schema: dict[str, Any], files: Files) -> None:
        self.config = config
        self.schema = schema
        self.fragments = fragments.folder(config)
        self.links = _links(files, vocabulary(schema, "principles"))
        self.html: dict[str, str] = {}  # src_uri -> HTML placed before the page's content
        self.after: dict[str, str] = {}  # src_uri -> HTML after a story (its long facts)
        # Every schema field (absent ones as None), for templates with strict undefined.
        self.absent = dict.fromkeys(schema["properties"])
        self.cards: dict[tuple[str, int], Markup] = {}  # (href, heading level) -> card

    def page(self, src_uri: str, meta: dict[str, Any], html: str, body: str = "") -> str:
        self.html[src_uri] = html
        return page_markdown(meta, body)

    def url(self, src_uri: str) -> str:
        return File(src_uri, None, "", use_directory_urls=self.config.use_directory_urls).url

    def href(self, src_uri: str, from_url: str) -> str:
        return get_relative_url(self.url(src_uri), from_url)

    def docs_href(self, src_uri: str, from_url: str, anchors: tuple[str, ...] = ()) -> str | None:
        """A link to one of the optional docs pages (`_links`); None if this site has none."""
        target = self.links.get(src_uri)
        if target is None:
            return None
        url, known = target
        anchor = next((a for a in anchors if a in known), "")
        return get_relative_url(url, from_url) + (f"#{anchor}" if anchor else "")

    def generate(self, records: list[Record]) -> list[Generated]:
        """Every file the collection adds but the stories: (src_uri, content, inclusion).

        A story's page is rendered only when MkDocs builds it (`story`), so a
        `--dirty` build that skips an unchanged story does no work for it.
        """
        facets = self._facets(records)
        index = self._index(records, facets)
        return [*index, self._fields(), *self._data(records), *self._listings(records, facets)]

    def story(self, record: Record) -> str:
        """A story page's Markdown; the HTML before it (key facts) and after it (the rest)."""
        here = record["url"]
        step = record["involvement"]
        view = {
            **self.absent,
            **public(record),
            "principles": [
                (
                    p,
                    self.docs_href(f"principles/{p}.md", here),
                    self.href(listing_uri("principle", p), here),
                )
                for p in record["principles"]
            ],
            "involvement": (
                step,
                self.docs_href(
                    LADDER,
                    here,
                    (step, "co-production") if step == "coproduction" else (step,),
                ),
                self.href(listing_uri("involvement", step), here),
            ),
            "service_areas": [
                (s, self.href(listing_uri("service-area", s), here))
                for s in record["service_areas"]
            ],
            "nation": (record["nation"], self.href(listing_uri("nation", record["nation"]), here)),
            "index": self.href(INDEX, here),
        }
        src_uri = f"case-studies/{record['slug']}.md"
        self.after[src_uri] = fragments.render(
            self.fragments, "case-study-more-facts.html", cs=view
        )
        meta = {
            "title": record["title"],
            "description": record["summary"],
        }
        html = fragments.render(self.fragments, "case-study-page.html", cs=view)
        return self.page(src_uri, meta, html, record["_body"])

    def _facets(self, records: list[Record]) -> list[tuple[Any, ...]]:
        return [
            (seg, field, param, label,
             facet_values(records, field, vocabulary(self.schema, field)))
            for seg, field, param, label in FACETS
        ]  # fmt: skip

    def _linked(self, facets: list[tuple[Any, ...]], here: str) -> list[tuple[Any, ...]]:
        """Each facet value with its count and the href of its listing, from `here`."""
        return [
            (seg, field, param, label,
             [(v, n, self.href(listing_uri(seg, v), here)) for v, n in values])
            for seg, field, param, label, values in facets
        ]  # fmt: skip

    def _index(self, records: list[Record], facets: list[tuple[Any, ...]]) -> list[Generated]:
        meta = {
            "title": "Case studies",
            "description": "Real examples of coproduction to browse by principle, nation, "
            "service area and level of involvement.",
            "case_study_filters": True,
        }
        listed = self.config.nav is None or _mentions(self.config.nav, INDEX)
        html = functools.partial(self._index_html, facets)
        shown = InclusionLevel.INCLUDED if listed else HIDDEN
        return self._paged(INDEX, records, meta, html, shown)

    def _index_html(self, facets: list[Any], here: str, cards: Cards, pages: Pages) -> str:
        names = {"json": "case-studies.json", "csv": "case-studies.csv",
                 "schema": "case-studies.schema.json", "cards": "cards.json"}  # fmt: skip
        downloads = {k: get_relative_url(f"case-studies/{n}", here) for k, n in names.items()}
        downloads["fields"] = self.href(FIELDS, here)
        return fragments.render(
            self.fragments, "case-study-index.html", cards=cards, card=self._card_html,
            facets=self._linked(facets, here), downloads=downloads, pagination=pages,
        )  # fmt: skip

    def _listings(self, records: list[Record], facets: list[tuple[Any, ...]]) -> list[Generated]:
        out = []
        for seg, field, _param, label, values in facets:
            for value, _count in values:
                meta = {
                    "title": f"Case studies: {value}",
                    "description": f"Case studies by {label.lower()}: {value}.",
                    "search": UNSEARCHED,
                }
                html = functools.partial(self._listing_html, label, value)
                shown = [r for r in records if value in values_of(r, field)]
                out += self._paged(listing_uri(seg, value), shown, meta, html, HIDDEN)
        return out

    def _listing_html(self, label: str, value: str, here: str, cards: Cards, pages: Pages) -> str:
        return fragments.render(
            self.fragments, "case-study-listing.html", cards=cards, card=self._card_html,
            index=self.href(INDEX, here), label=label, value=value, pagination=pages,
        )  # fmt: skip

    def _paged(
        self, src: str, records: list[Record], meta: dict[str, Any],
        html: Callable[[str, Cards, Pages], str], inclusion: InclusionLevel,
    ) -> list[Generated]:  # fmt: skip
        """Page 1 at `src` (`inclusion`), then pages of `PAGE_SIZE` cards if there are more."""
        groups = [records[i : i + PAGE_SIZE] for i in range(0, len(records), PAGE_SIZE)] or [[]]
        count = len(groups)
        out = []
        for number, group in enumerate(groups, 1):
            uri = page_uri(src, number)
            here = self.url(uri)
            href = functools.partial(self._page_href, src, here)
            pages = None
            if count > 1:  # hrefs relative to this page
                pages = {
                    "current": number,
                    "count": count,
                    "total": len(records),  # cards on all the pages together
                    "previous": href(number - 1) if number > 1 else None,
                    "next": href(number + 1) if number < count else None,
                    "links": [
                        (n, None if n is None else href(n)) for n in page_numbers(number, count)
                    ],
                }
            page_meta = dict(meta)
            if number > 1:  # the index's later pages: its cards, repeated from the stories
                page_meta["title"] += f" (page {number} of {count})"
                page_meta["search"] = UNSEARCHED
            body = html(here, [self._card(r, here) for r in group], pages)
            page = self.page(uri, page_meta, body)
            out.append((uri, page, inclusion if number == 1 else HIDDEN))
        return out

    def _page_href(self, src: str, here: str, number: int) -> str:
        return self.href(page_uri(src, number), here)

    def _fields(self) -> Generated:
        required = set(self.schema["required"])
        fields = [
            {"name": name, "required": name in required, **describe_field(spec)}
            for name, spec in self.schema["properties"].items()
        ]
        here = self.url(FIELDS)
        html = fragments.render(
            self.fragments, "case-study-fields.html", fields=fields, index=self.href(INDEX, here)
        )
        meta = {
            "title": "Case-study fields",
            "description": "Every field of a case study's front matter, "
            "from case_studies/schema.json.",
        }
        return FIELDS, self.page(FIELDS, meta, html), HIDDEN

    def _data(self, records: list[Record]) -> list[Generated]:
        name = "case-studies/case-studies.schema.json"
        site_url = self.config.site_url
        schema_url = urljoin(site_url, name) if site_url else posixpath.basename(name)
        shown = InclusionLevel.INCLUDED
        out = [
            ("case-studies/schema.json", json.dumps(self.schema, indent=2) + "\n", shown),
            (name, json.dumps(export.export_schema(self.schema), indent=2) + "\n", shown),
            ("case-studies/case-studies.json", export.export_json(records, schema_url), shown),
            ("case-studies/case-studies.csv", export.export_csv(records, self.schema), shown),
        ]
        if len(records) > PAGE_SIZE:  # the filters fetch it only when cards are on other pages
            out.append((CARDS, self._cards_json(records), shown))
        return out

    def _cards_json(self, records: list[Record]) -> str:
        """What each card shows, its facets and its href (from case-studies/), in index order."""
        keys = ("title", "organisation", "summary", "nation", "principles", "service_areas",
                "involvement")  # fmt: skip
        cards = [
            {"href": get_relative_url(r["url"], CARDS), **{k: r[k] for k in keys},
             "evidence": "|".join(values_of(r, "evidence.level")),
             "changed": what_changed(r)}
            for r in records
        ]  # fmt: skip
        return json.dumps({"cards": cards}, ensure_ascii=False, separators=(",", ":")) + "\n"

    def _card(self, record: Record, from_url: str) -> dict[str, Any]:
        return {
            **self.absent,
            **public(record),
            "href": get_relative_url(record["url"], from_url),
            "changed": what_changed(record),
        }

    def _card_html(self, card: dict[str, Any], level: int) -> Markup:
        """A card, rendered once for every listing at the same depth (so the same href).

        A case study is on the index and on a listing for each of its
        principles, service areas, nation and involvement: about seven times.
        That is about a tenth of a preview's rebuild (`make serve`), where
        every listing is made again to see whether it changed.
        """
        key = (card["href"], level)
        if key not in self.cards:
            html = fragments.render(self.fragments, "case-study-card.html", c=card, level=level)
            self.cards[key] = Markup(html)  # noqa: S704 - output of an autoescaped template
        return self.cards[key]


def _links(files: Files, principles: list[str]) -> dict[str, tuple[str, set[str]]]:
    """The optional docs pages generated pages link to, if this site has them.

    Like `macros.section_link`: a fork without the principle or ladder pages
    still builds strictly, its case studies just show plain text there.
    Each is src_uri -> (url, the anchors of its headings).
    """
    targets = {}
    for src_uri in [*(f"principles/{p}.md" for p in principles), LADDER]:
        file = files.get_file_from_path(src_uri)
        if file is not None and file.is_documentation_page():
            anchors = anchors_in(file.content_string) if src_uri == LADDER else set()
            targets[src_uri] = (file.url, anchors)
    return targets


def _mentions(nav: object, src_uri: str) -> bool:
    """Whether the configured nav lists `src_uri` (a fork may leave the index out)."""
    if isinstance(nav, str):
        return nav == src_uri
    if isinstance(nav, dict):
        return any(_mentions(v, src_uri) for v in nav.values())
    if isinstance(nav, list):
        return any(_mentions(v, src_uri) for v in nav)
    return False
