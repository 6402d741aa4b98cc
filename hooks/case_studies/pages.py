"""Which files the case-study collection adds to a build, and what is in them.

Pure functions and one small class, no MkDocs events: `case_studies.py`
calls `Site.generate` from `on_files`. Everything is rendered from the
records already in memory (never by re-reading files), so each case study
costs a constant amount of work however many there are.
"""

from __future__ import annotations

import functools
import json
import posixpath
from collections.abc import Callable
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from markupsafe import Markup
from mkdocs.structure.files import File, InclusionLevel
from mkdocs.utils import get_relative_url

from hooks.case_studies import export, paging
from hooks.case_studies import render as cr
from hooks.case_studies.store import Record
from hooks.common import fragments
from hooks.common.errors import Problem

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

INDEX = "case-studies/index.md"
FIELDS = "case-studies/fields.md"
CARDS = "case-studies/cards.json"
# Cards on one page of the index or of a listing. A card is about 600 bytes
# of HTML (the real site's, minified), so 50 add at most about 30 KiB even
# if they did not compress at all: a first visit stays under the 70 KiB
# budget (issue #9) however many case studies there are, and a reader who
# browses without JavaScript clicks "Next" once per 50, not once per 10.
PAGE_SIZE = 50
HIDDEN = InclusionLevel.NOT_IN_NAV
# Front matter that keeps a page out of search (overrides/main.html,
# search._excluded). Listings repeat their case studies' cards: a search
# finds the case study itself.
UNSEARCHED = {"exclude": True}
Generated = tuple[str, str, InclusionLevel]
Cards = list[dict[str, Any]]
Pages = paging.Pagination | None


def vocabulary(schema: dict[str, Any], field: str) -> list[str]:
    """The allowed values of `field` (a path such as `evidence.level`), in schema order."""
    spec = schema
    for step in field.split("."):
        spec = spec["properties"][step]
    return list(spec.get("enum") or spec.get("items", {}).get("enum", []))


def listing_uri(segment: str, value: str) -> str:
    return f"case-studies/{segment}/{cr.facet_slug(value)}.md"


def clashes(schema: dict[str, Any], taken: set[str]) -> list[Problem]:
    """Docs pages at an address the collection itself needs."""
    ours = {INDEX, FIELDS, CARDS}
    ours |= {listing_uri(seg, v) for seg, field, *_ in cr.FACETS for v in vocabulary(schema, field)}
    return [
        Problem(f"docs/{uri}", 1, "(file name)", "the case-study pages use this address",
                "move or rename this page")
        for uri in sorted(ours & taken | {t for t in taken if paging.is_paged_address(t)})
    ]  # fmt: skip


def edit_uri(config: MkDocsConfig, root: Path, folder: str, slug: str) -> str | None:
    """'Edit this page' opens case_studies/<slug>.md, not a docs file that does not exist."""
    if not config.edit_uri or "?" in config.edit_uri or config.edit_uri_template:
        return None
    return posixpath.join(_folder_from_docs(config.docs_dir, str(root), folder), f"{slug}.md")


@functools.lru_cache(maxsize=8)
def _folder_from_docs(docs_dir: str, root: str, folder: str) -> str:
    docs = Path(docs_dir).resolve().relative_to(Path(root).resolve()).as_posix()
    return posixpath.relpath(folder, docs)


class Site:
    """The build's settings the generated pages need, resolved once."""

    def __init__(self, config: MkDocsConfig, schema: dict[str, Any], files: Files) -> None:
        self.config = config
        self.schema = schema
        self.fragments = fragments.folder(config)
        self.links = _links(files)
        self.html: dict[str, str] = {}  # src_uri -> HTML placed before the page's content
        self._urls: dict[str, str] = {}  # src_uri -> URL, worked out once
        self._cards: dict[tuple[str, int], Markup] = {}  # (href, heading level) -> card

    def page(self, src_uri: str, meta: dict[str, Any], html: str, body: str = "") -> str:
        self.html[src_uri] = html
        return cr.page_markdown(meta, body)

    def url(self, src_uri: str) -> str:
        if src_uri not in self._urls:
            directory_urls = self.config.use_directory_urls
            self._urls[src_uri] = File(src_uri, None, "", use_directory_urls=directory_urls).url
        return self._urls[src_uri]

    def href(self, src_uri: str, from_url: str) -> str:
        return get_relative_url(self.url(src_uri), from_url)

    def generate(self, records: list[Record]) -> list[Generated]:
        """Every file the collection adds but the stories: (src_uri, content, inclusion).

        A story's page is rendered only when MkDocs builds it (`story`), so a
        `--dirty` build that skips an unchanged story does no work for it.
        """
        self._cards = {}
        facets = self._facets(records)
        index = self._index(records, facets)
        return [*index, self._fields(), *self._data(records), *self._listings(records, facets)]

    def story(self, record: Record) -> tuple[str, str, str]:
        """A story page's Markdown, the HTML before it (key facts) and after it (the rest)."""
        here = record["url"]
        view = {
            **cr.public_fields(record),
            "principles": [
                (
                    p,
                    cr.principle_link(self.links, p, here),
                    self.href(listing_uri("principle", p), here),
                )
                for p in record["principles"]
            ],
            "involvement": (
                record["involvement"],
                cr.ladder_link(self.links, record["involvement"], here),
                self.href(listing_uri("involvement", record["involvement"]), here),
            ),
            "service_areas": [
                (s, self.href(listing_uri("service-area", s), here))
                for s in record["service_areas"]
            ],
            "nation": (record["nation"], self.href(listing_uri("nation", record["nation"]), here)),
            "index": self.href(INDEX, here),
        }
        before = cr.render(self.fragments, "case-study-page.html", cs=view)
        after = cr.render(self.fragments, "case-study-more-facts.html", cs=view)
        meta = {
            "title": record["title"],
            "description": record["summary"],
        }
        return cr.page_markdown(meta, record["_body"]), before, after

    def _facets(self, records: list[Record]) -> list[tuple[Any, ...]]:
        return [
            (seg, field, param, label,
             cr.facet_values(records, field, vocabulary(self.schema, field)))
            for seg, field, param, label in cr.FACETS
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
        return cr.render(
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
                shown = [r for r in records if value in cr.values_of(r, field)]
                out += self._paged(listing_uri(seg, value), shown, meta, html, HIDDEN)
        return out

    def _listing_html(self, label: str, value: str, here: str, cards: Cards, pages: Pages) -> str:
        return cr.render(
            self.fragments, "case-study-listing.html", cards=cards, card=self._card_html,
            index=self.href(INDEX, here), label=label, value=value, pagination=pages,
        )  # fmt: skip

    def _paged(
        self, src: str, records: list[Record], meta: dict[str, Any],
        html: Callable[[str, Cards, Pages], str], inclusion: InclusionLevel,
    ) -> list[Generated]:  # fmt: skip
        """Page 1 at `src` (`inclusion`), then pages of `PAGE_SIZE` cards if there are more."""
        groups = paging.chunks(records, PAGE_SIZE)
        out = []
        for number, group in enumerate(groups, 1):
            uri = paging.page_uri(src, number)
            here = self.url(uri)
            pages = None
            if len(groups) > 1:
                link = functools.partial(self._page_href, src, here)
                pages = paging.paginate(number, len(groups), len(records), link)
            page_meta = dict(meta)
            if number > 1:  # the index's later pages: its cards, repeated from the stories
                page_meta["title"] += f" (page {number} of {len(groups)})"
                page_meta["search"] = UNSEARCHED
            body = html(here, [self._card(r, here) for r in group], pages)
            page = self.page(uri, page_meta, body)
            out.append((uri, page, inclusion if number == 1 else HIDDEN))
        return out

    def _page_href(self, src: str, here: str, number: int) -> str:
        return self.href(paging.page_uri(src, number), here)

    def _fields(self) -> Generated:
        required = set(self.schema["required"])
        fields = [
            {"name": name, "required": name in required, **cr.describe_field(spec)}
            for name, spec in self.schema["properties"].items()
        ]
        here = self.url(FIELDS)
        html = cr.render(
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
             "evidence": "|".join(cr.values_of(r, "evidence.level")),
             "changed": cr.what_changed(r)}
            for r in records
        ]  # fmt: skip
        return json.dumps({"cards": cards}, ensure_ascii=False, separators=(",", ":")) + "\n"

    def _card(self, record: Record, from_url: str) -> dict[str, Any]:
        return {
            **cr.public_fields(record),
            "href": get_relative_url(record["url"], from_url),
            "changed": cr.what_changed(record),
        }

    def _card_html(self, card: dict[str, Any], level: int) -> Markup:
        """A card, rendered once for every listing at the same depth (so the same href).

        A case study is on the index and on a listing for each of its
        principles, service areas, nation and involvement: about seven times.
        """
        key = (card["href"], level)
        if key not in self._cards:
            html = cr.render(self.fragments, "case-study-card.html", c=card, level=level)
            self._cards[key] = Markup(html)  # noqa: S704 - output of an autoescaped template
        return self._cards[key]


def _links(files: Files) -> cr.Links:
    """The optional docs pages generated pages link to, if this site has them."""
    wanted = [*(f"principles/{p}.md" for p in ("equality", "diversity", "access", "reciprocity"))]
    wanted.append("understand/ladder.md")
    targets = {}
    for src_uri in wanted:
        file = files.get_file_from_path(src_uri)
        if file is not None and file.is_documentation_page():
            anchors = (
                cr.anchors_in(file.content_string) if src_uri.startswith("understand/") else set()
            )
            targets[src_uri] = (file.url, anchors)
    return cr.Links(targets)


def _mentions(nav: object, src_uri: str) -> bool:
    """Whether the configured nav lists `src_uri` (a fork may leave the index out)."""
    if isinstance(nav, str):
        return nav == src_uri
    if isinstance(nav, dict):
        return any(_mentions(v, src_uri) for v in nav.values())
    if isinstance(nav, list):
        return any(_mentions(v, src_uri) for v in nav)
    return False
