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


def test_the_preview_collects_problems_instead_of_raising_and_then_raises_again() -> None:
    import pytest

    from hooks.common.errors import EditorError, Problem, collect_instead, raise_if_any

    problem = Problem("docs/x.md", 3, "title", "this is empty", "write the title")
    shown: list[Problem] = []
    collect_instead(shown)
    try:
        raise_if_any([problem])  # the preview goes on and shows it
    finally:
        collect_instead(None)
    assert shown == [problem]
    with pytest.raises(EditorError) as raised:
        raise_if_any([problem])
    assert "docs/x.md:3: title: this is empty. Fix: write the title" in str(raised.value)
