"""Problems an editor can fix, and the one error that reports them all.

Every check (case studies, page front matter, content lint) describes a
problem as `path:line: field: problem. Fix: what to write instead`, collects
them all, and raises one `EditorError`, so an editor sees every mistake in
one build and never a Python traceback.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass

from mkdocs.exceptions import PluginError


@dataclass(frozen=True, order=True)
class Problem:
    """One mistake, located precisely enough for an editor to find and fix."""

    path: str
    line: int
    field: str
    problem: str
    fix: str

    def __str__(self) -> str:
        return f"{self.path}:{self.line}: {self.field}: {_sentence(self.problem)} Fix: {self.fix}"


ORDINALS = ("first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth")


def ordinal(index: int) -> str:
    """`0` -> "first": list items counted from one, in words, as editors count them."""
    return ORDINALS[index] if index < len(ORDINALS) else f"number {index + 1}"


def _sentence(text: str) -> str:
    text = text.strip()
    return text if text.endswith((".", "?", "!")) else text + "."


class EditorError(PluginError):
    """Raised once, with every problem found; MkDocs prints it and exits 1."""

    def __init__(self, problems: Iterable[Problem], heading: str = "") -> None:
        self.problems = sorted(problems)
        count = len(self.problems)
        heading = heading or f"The site was not built: {count} problem{'s' * (count != 1)} to fix"
        super().__init__("\n".join([heading + ":", *(f"  {p}" for p in self.problems)]))


# In `make serve`'s preview the problems are shown in the browser instead
# (hooks/preview/): the build goes on, and the preview shows them all.
_collected: list[Problem] | None = None


def collect_instead(into: list[Problem] | None) -> None:
    """From now on add problems to `into` rather than raise them (None: raise again)."""
    global _collected
    _collected = into


def raise_if_any(problems: Iterable[Problem], heading: str = "") -> None:
    """Raise an EditorError listing `problems`, if there are any (or collect them, previewing).

    Every caller can go on after a collected problem: it leaves out what is
    wrong (an invalid case study, say) or uses a safe default.
    """
    problems = list(problems)
    if problems and _collected is not None:
        _collected.extend(problems)
    elif problems:
        raise EditorError(problems, heading)
