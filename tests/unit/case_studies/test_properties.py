"""Property tests: whatever an editor writes, the loader and validator answer
with a record or with our own Problems, and nothing else escapes."""

from __future__ import annotations

import datetime as dt
from pathlib import Path

import yaml
from hypothesis import HealthCheck, example, given, settings
from hypothesis import strategies as st
from mkdocs.utils.meta import get_data

from hooks.case_studies.load import check_document
from hooks.case_studies.pages import page_markdown
from hooks.case_studies.schema import load_schema
from hooks.common.errors import Problem
from hooks.common.front_matter import read_document
from tests.unit.case_studies.texts import check_text

SCHEMA = load_schema(Path(__file__).resolve().parents[3] / "case_studies" / "schema.json")
TODAY = dt.date(2026, 11, 26)
FIELDS = [*SCHEMA["properties"], "titel", "sources.url"]
scalars = st.one_of(
    st.none(), st.booleans(), st.integers(), st.floats(allow_nan=False), st.text(max_size=30),
    st.dates(), st.sampled_from(["England", "equality", "coproduction", "javascript:x", "http://x"]),
)  # fmt: skip


def _containers(inner: st.SearchStrategy) -> st.SearchStrategy:
    return st.lists(inner, max_size=3) | st.dictionaries(st.text(max_size=8), inner, max_size=3)


values = st.recursive(scalars, _containers, max_leaves=10)


def _outcome_is_ours(record: object, problems: list[object]) -> None:
    assert all(isinstance(p, Problem) for p in problems)
    assert (record is None) == bool(problems)
    for problem in problems:
        assert str(problem).startswith("case_studies/x.md:")
        assert " Fix: " in str(problem)


@settings(max_examples=300, deadline=None)
@given(st.text())
def test_any_text_gives_a_record_or_problems(text: str) -> None:
    _outcome_is_ours(*check_text(text, "case_studies/x.md", "x", SCHEMA, TODAY))


@settings(max_examples=200, deadline=None)
@given(st.text(), st.text(alphabet=":-[]{}'\"\t\n #|>&*!%@`", max_size=40))
def test_front_matter_shaped_text_gives_a_record_or_problems(body: str, noise: str) -> None:
    text = f"---\ntitle: x\n{noise}\n---\n{body}"
    _outcome_is_ours(*check_text(text, "case_studies/x.md", "x", SCHEMA, TODAY))


@settings(max_examples=200, deadline=None)
@given(st.dictionaries(st.sampled_from(FIELDS), values, max_size=12), st.text(max_size=50))
def test_any_yaml_fields_give_a_record_or_problems(meta: dict, body: str) -> None:
    text = "---\n" + yaml.safe_dump(meta, allow_unicode=True) + "---\n" + body
    _outcome_is_ours(*check_text(text, "case_studies/x.md", "x", SCHEMA, TODAY))


@settings(
    max_examples=100, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture]
)
@given(st.binary(max_size=400))
def test_any_bytes_on_disk_give_a_record_or_problems(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "x.md"
    path.write_bytes(data)
    doc = read_document(path, "case_studies/x.md")
    _outcome_is_ours(*check_document(doc, "x", SCHEMA, TODAY, ()))


@given(st.text(), st.text())
@example("a\u2028b\x85c\u2029", "del\x7f and \ufffe")
@example('"quoted": #not a comment', "back\\slash, tab\t, new\nline, emoji \U0001f600")
@settings(max_examples=300, deadline=None)  # a busy machine is slow, not wrong
def test_generated_front_matter_reads_back_as_written(title: str, description: str) -> None:
    # A story's title and summary reach MkDocs through the front matter we write.
    meta = {"title": title, "description": description}
    _, read = get_data(page_markdown(meta, "Story."))
    assert read == meta
