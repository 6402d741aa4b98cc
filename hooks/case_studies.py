"""Case studies: read `case_studies/*.md` once, fail early, generate their pages.

Events:
- `on_config`: forget the last build's records (hooks outlive `mkdocs serve` rebuilds).
- `on_files`: load and validate every case study (all problems, one error),
  share the records with the macros, and add generated files: a page per case
  study, the index, a listing page per filter value, the fields reference,
  the schema and the JSON and CSV export. `on_files` runs before the nav is
  built, so `case-studies/index.md` can be a nav entry; the rest stay out of
  the nav (`NOT_IN_NAV`), which keeps every page's nav short.
"""

from __future__ import annotations

import datetime as dt
import json
import posixpath
from pathlib import Path
from typing import TYPE_CHECKING, Any
from urllib.parse import urljoin

from mkdocs.structure.files import File, InclusionLevel

import case_study_export as export
import case_study_render as cr
from case_study_load import load_folder
from case_study_schema import load_schema
from case_study_store import Record, set_records
from editor_errors import Problem, raise_if_any

if TYPE_CHECKING:
    from mkdocs.config.defaults import MkDocsConfig
    from mkdocs.structure.files import Files

FOLDER = "case_studies"
INDEX = "case-studies/index.md"


def on_config(config: MkDocsConfig) -> None:
    set_records([])


def on_files(files: Files, config: MkDocsConfig) -> Files:
    root = Path(config.config_file_path).parent
    folder = root / FOLDER
    schema_path = folder / "schema.json"
    if not schema_path.is_file():
        raise_if_any(
            [
                Problem(
                    f"{FOLDER}/schema.json",
                    1,
                    "(file)",
                    "the case-study schema is missing",
                    "restore case_studies/schema.json from the upstream project",
                )
            ]
        )
    schema = load_schema(schema_path)
    taken = {f.src_uri for f in files}
    records, problems = load_folder(folder, FOLDER, schema, dt.date.today(), taken)
    generated = {
        INDEX,
        "case-studies/fields.md",
        *(
            f"case-studies/{seg}/{cr.facet_slug(v)}.md"
            for seg, *_ in cr.FACETS
            for v in _vocab(schema, seg)
        ),
    }
    problems += [
        Problem(
            f"docs/{uri}",
            1,
            "(file name)",
            "the case-study pages use this address",
            "move or rename this page",
        )
        for uri in sorted(generated & taken)
    ]
    raise_if_any(problems)
    for record in records:
        record["url"] = _url(config, f"case-studies/{record['slug']}.md")
    set_records(records)
    for src_uri, content, inclusion in _pages(records, schema, files, config):
        files.append(File.generated(config, src_uri, content=content, inclusion=inclusion))
    for record in records:
        page = files.get_file_from_path(f"case-studies/{record['slug']}.md")
        page.edit_uri = _edit_uri(config, root, record["slug"])
    return files


def _pages(
    records: list[Record], schema: dict[str, Any], files: Files, config: MkDocsConfig
) -> list[tuple[str, str, InclusionLevel]]:
    """Every generated file: (src_uri, content, inclusion)."""
    fragments = str(Path(config.theme.custom_dir or "overrides") / "fragments")
    links = _links(files)
    out = []
    hidden = InclusionLevel.NOT_IN_NAV
    for record in records:
        url = record["url"]
        html = cr.render(
            fragments,
            "case-study-page.html",
            cs=_view(record, schema, links, url, config),
            index=cr.get_relative_url(_url(config, INDEX), url),
        )
        meta = {"title": record["title"], "description": record["summary"]}
        out.append(
            (
                f"case-studies/{record['slug']}.md",
                cr.page_markdown(meta, html, record["_body"]),
                hidden,
            )
        )
    index_url = _url(config, INDEX)
    facets = [
        (
            seg,
            field,
            param,
            label,
            [
                (
                    v,
                    n,
                    cr.get_relative_url(
                        _url(config, f"case-studies/{seg}/{cr.facet_slug(v)}.md"), index_url
                    ),
                )
                for v, n in cr.facet_values(records, field, _vocab(schema, seg))
            ],
        )
        for seg, field, param, label in cr.FACETS
    ]
    downloads = {
        k: cr.get_relative_url(f"case-studies/{name}", index_url)
        for k, name in (
            ("json", "case-studies.json"),
            ("csv", "case-studies.csv"),
            ("schema", "case-studies.schema.json"),
        )
    }
    downloads["fields"] = cr.get_relative_url(_url(config, "case-studies/fields.md"), index_url)
    html = cr.render(
        fragments,
        "case-study-index.html",
        cards=[_card(r, index_url) for r in records],
        facets=facets,
        downloads=downloads,
    )
    out.append(
        (
            INDEX,
            cr.page_markdown(
                {
                    "title": "Case studies",
                    "description": "Real examples of coproduction, to browse by principle, nation, service area and level of involvement.",
                    "case_study_filters": True,
                },
                html,
            ),
            InclusionLevel.INCLUDED,
        )
    )
    for seg, field, _param, label, values in facets:
        for value, _count, _href in values:
            src = f"case-studies/{seg}/{cr.facet_slug(value)}.md"
            here = _url(config, src)
            chosen = [_card(r, here) for r in records if value in cr.values_of(r, field)]
            html = cr.render(
                fragments,
                "case-study-listing.html",
                cards=chosen,
                index=cr.get_relative_url(index_url, here),
                label=label,
                value=value,
            )
            out.append(
                (
                    src,
                    cr.page_markdown(
                        {
                            "title": f"Case studies: {value}",
                            "description": f"Case studies filtered by {label.lower()}: {value}.",
                        },
                        html,
                    ),
                    hidden,
                )
            )
    out.append(
        (
            "case-studies/fields.md",
            cr.page_markdown(
                {
                    "title": "Case-study fields",
                    "description": "Every field a case study's front matter can have, generated from case_studies/schema.json.",
                },
                cr.render(
                    fragments,
                    "case-study-fields.html",
                    fields=_fields(schema),
                    index=cr.get_relative_url(index_url, _url(config, "case-studies/fields.md")),
                ),
            ),
            hidden,
        )
    )
    export_schema_url = (
        urljoin(config.site_url or "", "case-studies/case-studies.schema.json")
        if config.site_url
        else "case-studies.schema.json"
    )
    out.append(
        ("case-studies/schema.json", json.dumps(schema, indent=2) + "\n", InclusionLevel.INCLUDED)
    )
    out.append(
        (
            "case-studies/case-studies.schema.json",
            json.dumps(export.export_schema(schema), indent=2) + "\n",
            InclusionLevel.INCLUDED,
        )
    )
    out.append(
        (
            "case-studies/case-studies.json",
            export.export_json(records, export_schema_url),
            InclusionLevel.INCLUDED,
        )
    )
    out.append(
        (
            "case-studies/case-studies.csv",
            export.export_csv(records, schema),
            InclusionLevel.INCLUDED,
        )
    )
    return out


def _view(
    record: Record, schema: dict[str, Any], links: cr.Links, url: str, config: MkDocsConfig
) -> dict[str, Any]:
    """What the case-study template shows, with every link already resolved."""
    index = _url(config, INDEX)

    def listing(seg: str, value: str) -> str:
        return cr.get_relative_url(
            _url(config, f"case-studies/{seg}/{cr.facet_slug(value)}.md"), url
        )

    return {
        **cr.public_fields(record),
        "principles": [
            (p, cr.principle_link(links, p, url), listing("principle", p))
            for p in record["principles"]
        ],
        "involvement": (
            record["involvement"],
            cr.ladder_link(links, record["involvement"], url),
            listing("involvement", record["involvement"]),
        ),
        "service_areas": [(s, listing("service-area", s)) for s in record["service_areas"]],
        "nation": (record["nation"], listing("nation", record["nation"])),
        "index": cr.get_relative_url(index, url),
    }


def _card(record: Record, from_url: str) -> dict[str, Any]:
    return {**cr.public_fields(record), "href": cr.get_relative_url(record["url"], from_url)}


def _links(files: Files) -> cr.Links:
    wanted = [f"principles/{p}.md" for p in ("equality", "diversity", "access", "reciprocity")] + [
        "understand/ladder.md"
    ]
    targets = {}
    for src_uri in wanted:
        file = files.get_file_from_path(src_uri)
        if file is not None and file.is_documentation_page():
            anchors = (
                cr.anchors_in(file.content_string) if src_uri.startswith("understand/") else set()
            )
            targets[src_uri] = (file.url, anchors)
    return cr.Links(targets)


def _fields(schema: dict[str, Any]) -> list[dict[str, Any]]:
    required = set(schema["required"])
    return [
        {"name": name, "required": name in required, **cr.describe_field(spec)}
        for name, spec in schema["properties"].items()
    ]


def _vocab(schema: dict[str, Any], segment: str) -> list[str]:
    field = next(f for seg, f, *_ in cr.FACETS if seg == segment)
    spec = schema["properties"][field]
    return list(spec.get("enum") or spec.get("items", {}).get("enum", []))


def _url(config: MkDocsConfig, src_uri: str) -> str:
    return File(src_uri, None, "", use_directory_urls=config.use_directory_urls).url


def _edit_uri(config: MkDocsConfig, root: Path, slug: str) -> str | None:
    """'Edit this page' opens case_studies/<slug>.md, not a docs file that does not exist."""
    if not config.edit_uri or "?" in config.edit_uri or config.edit_uri_template:
        return None
    up = posixpath.relpath(FOLDER, Path(config.docs_dir).relative_to(root).as_posix())
    return posixpath.join(up, f"{slug}.md")
