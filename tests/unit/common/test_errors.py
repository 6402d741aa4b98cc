"""The one error format editors see."""

from __future__ import annotations

import pytest
from mkdocs.exceptions import PluginError

from hooks.common.errors import EditorError, Problem, raise_if_any


def test_problem_reads_path_line_field_problem_fix() -> None:
    p = Problem("case_studies/a.md", 4, "nation", "'Englund' is not a nation", "write England")
    assert str(p) == "case_studies/a.md:4: nation: 'Englund' is not a nation. Fix: write England"


def test_all_problems_are_reported_together_in_file_order() -> None:
    problems = [Problem("b.md", 1, "x", "bad", "y"), Problem("a.md", 9, "x", "bad", "y")]
    with pytest.raises(EditorError) as caught:
        raise_if_any(problems)
    text = str(caught.value)
    assert "2 problems" in text
    assert text.index("a.md:9") < text.index("b.md:1")
    assert isinstance(caught.value, PluginError)  # MkDocs reports it without a traceback


def test_no_problems_raise_nothing() -> None:
    raise_if_any([])
