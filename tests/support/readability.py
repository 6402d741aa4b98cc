"""Flesch reading ease of the guide's pages: a report for editors and tests.

The scoring itself lives in hooks/common/readability.py, which the Easy Read
build checks use too, so the tests and the build count the same way.
"""

from __future__ import annotations

import sys
from pathlib import Path

from hooks.common.readability import (
    Score,
    count_syllables,
    prose_blocks,
    score_markdown,
    score_text,
    sentences_in,
    words_in,
)

__all__ = [
    "Score",
    "count_syllables",
    "prose_blocks",
    "report",
    "score_markdown",
    "score_text",
    "sentences_in",
    "words_in",
]


def report(docs_dir: Path) -> str:
    """One line per page: words, sentences, words per sentence and reading ease."""
    lines = [f"{'page':44} {'words':>6} {'w/sent':>7} {'ease':>6}"]
    for path in sorted(docs_dir.rglob("*.md")):
        score = score_markdown(path.read_text(encoding="utf-8"))
        lines.append(
            f"{path.relative_to(docs_dir).as_posix():44} {score.words:6d} "
            f"{score.words_per_sentence:7.1f} {score.reading_ease:6.1f}"
        )
    return "\n".join(lines)


if __name__ == "__main__":  # python -m tests.support.readability [docs]
    sys.stdout.write(report(Path(sys.argv[1] if len(sys.argv) > 1 else "docs")) + "\n")
