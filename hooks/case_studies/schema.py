"""Check one case study's front matter against `case_studies/schema.json`.

Pure functions, no MkDocs events: `load.py` calls `check_meta` for
every file. The JSON Schema (draft 2020-12) is the single declaration of the
fields; its `description` and `examples` become the "Fix:" text, so editors
read the same words here, on the fields page and in their editor.
"""

from __future__ import annotations

import datetime as dt
import difflib
import itertools
import json
import re
from collections.abc import Iterable
from pathlib import Path
from typing import Any

import yaml
from jsonschema import Draft202012Validator, FormatChecker, SchemaError, ValidationError

from hooks.common.errors import Problem, ordinal
from hooks.common.front_matter import Document

Schema = dict[str, Any]


def load_schema(path: Path) -> Schema:
    """The schema at `path`, trusted (tests and benchmarks; the build uses `checked_schema`)."""
    return json.loads(path.read_text(encoding="utf-8"))


def checked_schema(path: Path, display: str) -> tuple[Schema | None, list[Problem]]:
    """The schema at `path`, or None and why not: a fork may edit it, so a
    mistake in it is an editor's problem with its line, never a traceback."""
    restore = "restore case_studies/schema.json from the upstream project"
    if not path.is_file():
        return None, [Problem(display, 1, "(file)", "the case-study schema is missing", restore)]
    try:
        schema = load_schema(path)
        if not isinstance(schema, dict):
            raise SchemaError("the file must hold one JSON object, in { }")
        Draft202012Validator.check_schema(schema)
    except UnicodeDecodeError:
        return None, [Problem(display, 1, "(file)", "the text is not UTF-8", restore)]
    except json.JSONDecodeError as err:
        return None, [
            Problem(
                display,
                err.lineno,
                "(file)",
                f"this is not valid JSON: {err.msg}",
                "put names and text in double quotes, with a comma between items and none "
                f"after the last, or {restore}",
            )
        ]
    except SchemaError as err:
        where = ".".join(map(str, err.absolute_path)) or "(file)"
        return None, [
            Problem(
                display,
                _json_line(path.read_text(encoding="utf-8"), err.absolute_path),
                where,
                f"this is not a valid JSON Schema: {err.message}",
                f"compare it with a field that works, or {restore}",
            )
        ]
    return schema, []


def _json_line(text: str, path: Iterable[Any]) -> int:
    """Where `path` (`properties`, `title`, `type`) is written: each name after the last."""
    at = 0
    for step in path:
        found = text.find(json.dumps(step), at) if isinstance(step, str) else -1
        at = found if found >= 0 else at
    return text.count("\n", 0, at) + 1


def allowed_values(node: Schema) -> list[str]:
    """A field's allowed values (a list field's: its items'); [] if it allows any."""
    return list(node.get("enum") or node.get("items", {}).get("enum") or [])


def vocabulary(schema: Schema, field: str) -> list[str]:
    """The allowed values of `field` (a path such as `evidence.level`), in schema order."""
    return allowed_values(_subschema(schema, field.split(".")))


def to_json(value: Any) -> Any:
    """YAML values as JSON values: dates become `YYYY-MM-DD` (datetimes keep their time)."""
    if isinstance(value, dt.date):
        return value.isoformat()
    if isinstance(value, dict):
        return {str(k): to_json(v) for k, v in value.items()}
    if isinstance(value, list):
        return [to_json(v) for v in value]
    return value


def check_meta(
    doc: Document, schema: Schema, today: dt.date
) -> tuple[dict[str, Any], list[Problem]]:
    """Validate `doc.meta`; return the JSON-ready data and every problem found."""
    data = to_json(doc.meta)
    # A date is when someone checked the facts: a real date, and not a future one.
    dates = FormatChecker()
    dates.checks("date", raises=ValueError)(
        lambda value: not isinstance(value, str) or dt.date.fromisoformat(value) <= today
    )
    errors = list(Draft202012Validator(schema, format_checker=dates).iter_errors(data))
    # "2 Jan 2026" fails both `pattern` and `format`, and 12.5 both `type` and
    # `minimum`: one message for a value is enough.
    patterned = {tuple(e.absolute_path) for e in errors if e.validator == "pattern"}
    typed = {tuple(e.absolute_path) for e in errors if e.validator == "type"}
    errors = [
        e
        for e in errors
        if (e.validator != "format" or tuple(e.absolute_path) not in patterned)
        and (e.validator == "type" or tuple(e.absolute_path) not in typed)
    ]
    problems = []
    for err in errors:
        if err.validator == "additionalProperties":
            problems += _unknown_fields(doc, err)  # one problem for each unknown field
        else:
            problems.append(_problem(doc, schema, err, today))
    started = data.get("started")
    named = {tuple(e.absolute_path) for e in errors}  # a year the schema refused already
    if (
        isinstance(started, int)
        and not isinstance(started, bool)
        and started > today.year
        and ("started",) not in named
    ):
        problems.append(
            Problem(
                doc.path,
                doc.line_of("started"),
                "started",
                f"{started} is in the future",
                f"write the year it started, {today.year} or earlier",
            )
        )
    return data, problems


def _problem(doc: Document, schema: Schema, err: ValidationError, today: dt.date) -> Problem:
    path = list(err.absolute_path)
    field = _field_name(path)
    line = doc.line_at(*path)  # a list item's own line, not its list's
    which = _which(path)
    value = err.instance
    kind = err.validator
    if kind == "required":
        missing = err.message.split("'")[1]
        name = f"{field}.{missing}" if field else missing
        return Problem(
            doc.path,
            line,
            name,
            f"{which}this required field is missing",
            _fix(schema, [*path, missing], add=missing),
        )
    if kind == "dependentRequired":
        return Problem(
            doc.path,
            doc.line_of("support"),
            "support",
            "support is shown with a content note, but there is no content_note",
            _fix(schema, ["content_note"], add="content_note"),
        )
    if kind == "format" and _date(value):  # a real date, so one in the future
        fix = f"write the date you checked the facts, today ({today.isoformat()}) or earlier"
        return Problem(doc.path, line, field, f"{which}{value} is in the future", fix)
    fix = _fix(schema, path)
    if kind == "enum" and isinstance(value, bool):
        fix = f"put the word in quotes if you mean it as text. {fix}"
    elif kind == "enum" and not isinstance(value, (list, dict)):
        near = difflib.get_close_matches(str(value), [str(v) for v in err.validator_value], n=1)
        fix = f"did you mean '{near[0]}'? {fix}" if near else fix
    return Problem(doc.path, line, field or "(front matter)", which + _describe(err), fix)


def _unknown_fields(doc: Document, err: ValidationError) -> list[Problem]:
    """A problem for each field the schema does not know, with the nearest known name."""
    path = list(err.absolute_path)
    field, which = _field_name(path), _which(path)
    allowed = sorted(err.schema.get("properties", {}))
    problems = []
    for unknown in sorted(set(err.instance) - set(allowed)):
        guess = difflib.get_close_matches(unknown, allowed, n=1)
        hint = f"did you mean '{guess[0]}'? " if guess else ""
        problems.append(
            Problem(
                doc.path,
                doc.line_at(*path, unknown),
                f"{field}.{unknown}" if field else unknown,
                f"{which}this is not a case-study field",
                f"{hint}Use only these fields: {', '.join(allowed)}",
            )
        )
    return problems


class _Indented(yaml.SafeDumper):
    """Lists indented under their field, as case_studies/_template.md writes them."""

    def increase_indent(self, flow: bool = False, indentless: bool = False) -> None:
        return super().increase_indent(flow, False)


_QUOTED_DATE = re.compile(r"'(\d{4}-\d{2}-\d{2})'")
# What one item of each list field is called, so a problem can say "the second principle".
_ITEM_NOUNS = {
    "principles": "principle",
    "service_areas": "service area",
    "sources": "source",
    "outcomes": "outcome",
    "lived_experience_roles": "role",
    "tags": "tag",
}


def _which(path: list[Any]) -> str:
    """ "the second principle: " for `principles[1]`; "" for a field that is not a list item."""
    for top, index in itertools.pairwise(path):
        if isinstance(index, int) and isinstance(top, str):
            return f"the {ordinal(index)} {_ITEM_NOUNS.get(top, 'item')}: "
    return ""


# JSON Schema's type names as an editor would say them.
_PLAIN_TYPES = {
    "string": "text",
    "integer": "a whole number",
    "number": "a number",
    "boolean": "true or false",
    "array": "a list, one item per line starting '- '",
    "object": "a group of fields",
    "null": "empty",
}


def _describe(err: ValidationError) -> str:
    value, kind, arg = err.instance, err.validator, err.validator_value
    shown = json.dumps(value, ensure_ascii=False, default=str)
    arg_list = ", ".join(map(str, arg)) if isinstance(arg, list) else ""
    if (value is None or value == "") and kind in ("enum", "type"):
        return "this is empty"
    if kind == "enum" and isinstance(value, bool):  # yes, no, true, false, on, off
        return f"YAML reads this as a yes/no answer, not one of the allowed values ({arg_list})"
    if kind == "enum" and isinstance(value, (list, dict)):
        return f"this should be one of the allowed values ({arg_list}), not a list"
    if kind == "enum":
        return f"{shown} is not one of the allowed values ({arg_list})"
    if kind == "type":
        wanted = " or ".join(_PLAIN_TYPES[t] for t in (arg if isinstance(arg, list) else [arg]))
        given = {list: "a list", dict: "a group of fields"}.get(type(value), shown)
        return f"this should be {wanted}, not {given}"
    if kind == "pattern" and isinstance(value, str):
        if value.strip().lower().startswith(("javascript:", "data:", "vbscript:")):
            return f"{shown} is a script address, which is never allowed"
        if "accessed" in err.absolute_path or "last_reviewed" in err.absolute_path:
            return f"{shown} is not a date written as YYYY-MM-DD"
        return f"{shown} is not a secure web address (https://)"
    if kind == "format":
        return f"{shown} is not a real date"
    if kind == "maxLength":
        return f"this is {len(value)} characters long, over the {arg}-character limit"
    if kind in ("minLength", "minItems"):
        return "this is empty"
    if kind == "uniqueItems":
        return "this list has the same value more than once"
    if kind in ("minimum", "maximum"):
        low, high = err.schema.get("minimum"), err.schema.get("maximum")
        if high is None:  # an outcome's source number
            return f"{shown} is less than {low}, the smallest allowed"
        return f"{shown} is not a year between {low} and {high}"  # started
    return err.message


def _fix(schema: Schema, path: list[Any], add: str = "") -> str:
    if path and isinstance(path[-1], int):
        path = path[:-1]  # a list item: the list's own description, values and example
    node = _subschema(schema, path)
    text = node.get("description", "See the Case-study fields page.")
    text = re.sub(r"^Optional(, only with \w+)?\. ", "", text)
    allowed = allowed_values(node)
    if allowed:
        text += f" Allowed values: {', '.join(allowed)}."
    if node.get("examples"):
        names = [step for step in path if isinstance(step, str)]
        text += " For example:" + _yaml_example(add or (names[-1] if names else ""), node)
    return text


def _yaml_example(name: str, node: Schema) -> str:
    """The schema's example as an editor writes it: YAML, a list as lines starting '- '.

    One line for a single value (`nation: England`); a list or a group of
    fields on the lines below, indented as the editor would write them.
    """
    example = node["examples"][0]
    data = {name: example} if name else example
    text = yaml.dump(data, Dumper=_Indented, allow_unicode=True, sort_keys=False, width=1000)
    text = _QUOTED_DATE.sub(r"\1", text).rstrip("\n")  # dates as the template writes them
    if isinstance(example, (list, dict)) or "\n" in text:
        return "\n" + "\n".join(f"      {line}" for line in text.splitlines())
    return f" {text}"


def _subschema(schema: Schema, path: list[Any]) -> Schema:
    """The schema for the field at `path` (list positions resolve to the items' schema)."""
    node = schema
    for step in path:
        if isinstance(step, int):
            node = node.get("items", {})
        else:
            node = node.get("properties", {}).get(step, {})
    return node


def _date(value: Any) -> dt.date | None:
    try:
        return dt.date.fromisoformat(value) if isinstance(value, str) and len(value) == 10 else None
    except ValueError:
        return None


def _field_name(path: list[Any]) -> str:
    """`sources.accessed` for ["sources", 1, "accessed"]: the item is named in words instead."""
    return ".".join(str(step) for step in path if not isinstance(step, int))
