"""The Easy Read build checks: short sentences, easy words, a picture per point.

Pure functions over one page's Markdown body. An Easy Read page is written
as `##` sections of points; each point starts with a picture line directly
followed by its first sentence, and each further sentence of the point is
its own paragraph:

    ## Money you spend

    ![](../assets/easy-read/receipt.svg){ .decorative }
    They should pay back the money you spend to take part.

    For example, your bus fare.

`check_page` finds every problem at once, each naming the file, the line and
(for a long sentence) the sentence itself. Sentences, words and syllables are
counted by hooks/common/readability.py, the scorer the plain-English tests
use, so the build and the tests agree on every figure.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Mapping
from dataclasses import dataclass

from hooks.common.errors import Problem
from hooks.common.markdown_mask import mask
from hooks.common.readability import prose_blocks, score_text, sentences_in, words_in

MAX_SENTENCE_WORDS = 15
MAX_AVERAGE_WORDS = 12
MIN_READING_EASE = 70
QUOTE_CHARS = 60

PICTURE_EXAMPLE = "![](../assets/easy-read/tick.svg){ .decorative }"
_HEADING = re.compile(r"^ {0,3}#{1,6}(?:\s|$)")
_PICTURE = re.compile(r"^\s*!\[[^\]]*\]\([^)]*\)(?:\{[^}]*\})?\s*(?P<rest>.*)$")
_HTML_PICTURE = re.compile(r"^\s*<img\b", re.IGNORECASE)


@dataclass(frozen=True)
class Sentence:
    """One sentence as the scorer reads it, and the line it starts on."""

    line: int
    text: str

    @property
    def words(self) -> int:
        return len(words_in(self.text))


@dataclass(frozen=True)
class Block:
    """A paragraph, heading or other block of the body, by its first line."""

    line: int
    lines: tuple[str, ...]

    @property
    def heading(self) -> bool:
        return bool(_HEADING.match(self.lines[0]))

    @property
    def picture(self) -> bool:
        return bool(_PICTURE.match(self.lines[0]) or _HTML_PICTURE.match(self.lines[0]))


def blocks(body: str, first_line: int = 1) -> list[Block]:
    """The body's blocks (code and comments masked); `first_line` is the body's line."""
    found: list[Block] = []
    current: list[str] = []
    start = first_line
    for number, line in enumerate(mask(body).split("\n"), start=first_line):
        if current and (not line.strip() or _HEADING.match(line)):
            found.append(Block(start, tuple(current)))
            current = []
        if _HEADING.match(line):
            found.append(Block(number, (line,)))
        elif line.strip():
            if not current:
                start = number
            current.append(line)
    if current:
        found.append(Block(start, tuple(current)))
    return found


def sentences(block: Block) -> list[Sentence]:
    """The block's sentences, each with the line its first word is on.

    A picture's alt text is not part of the point's first sentence: it is
    shown (and read out) apart from it, so it is left out of the counts.
    """
    lines = list(block.lines)
    picture = _PICTURE.match(lines[0])
    if picture:
        lines[0] = picture["rest"]
    word_lines = [
        block.line + i
        for i, line in enumerate(lines)
        for _ in words_in(" ".join(prose_blocks(line)))
    ]
    found = []
    position = 0
    for prose in prose_blocks("\n".join(lines)):
        for text in sentences_in(prose):
            line = word_lines[position] if position < len(word_lines) else block.line
            found.append(Sentence(line, text.strip()))
            position += len(words_in(text))
    return found


def _point_starts(page_blocks: list[Block]) -> Iterator[Block]:
    """The first block of each point. A point is a picture block and the text
    blocks after it, or text blocks with no picture before them in their section."""
    after_heading = True  # the top of the page counts as a section's start
    for block in page_blocks:
        if not block.heading and (block.picture or after_heading):
            yield block
        after_heading = block.heading


def check_page(body: str, path: str, first_line: int, glossary: Mapping[str, str]) -> list[Problem]:
    """Every Easy Read problem in one page's body."""
    page_blocks = blocks(body, first_line)
    page = [s for b in page_blocks for s in sentences(b)]
    line = page_blocks[0].line if page_blocks else 1
    problems = [
        *_long_sentences(page, path),
        *_page_limits(page, line, path),
        *_pictures(page_blocks, path),
        *_abbreviations(page, path, glossary),
    ]
    return sorted(problems)


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with … if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # not halfway through a word
    return cut.rstrip(" ,;:") + "…"


def _long_sentences(page: list[Sentence], path: str) -> list[Problem]:
    return [
        Problem(
            path,
            s.line,
            "(sentence)",
            f"this sentence has {s.words} words; Easy Read sentences have "
            f"{MAX_SENTENCE_WORDS} or fewer",
            f'split it: "{quote(s.text)}"',
        )
        for s in page
        if s.words > MAX_SENTENCE_WORDS
    ]


def _page_limits(page: list[Sentence], line: int, path: str) -> list[Problem]:
    """The page's average sentence length and reading ease, reported on its first line."""
    problems = []
    score = score_text([s.text for s in page])
    longest = max(page, key=lambda s: s.words, default=None)
    if longest and score.words_per_sentence > MAX_AVERAGE_WORDS:
        problems.append(
            Problem(
                path,
                line,
                "(page)",
                f"the sentences average {score.words_per_sentence:.1f} words; Easy Read pages "
                f"average {MAX_AVERAGE_WORDS} or fewer",
                f"split the longest sentences, starting with line {longest.line}: "
                f'"{quote(longest.text)}"',
            )
        )
    if score.sentences and score.reading_ease < MIN_READING_EASE:
        hardest = min(page, key=lambda s: score_text([s.text]).reading_ease)
        problems.append(
            Problem(
                path,
                line,
                "(page)",
                f"the reading ease is {score.reading_ease:.1f}; Easy Read pages score "
                f"{MIN_READING_EASE} or more",
                f"use shorter, everyday words, starting with line {hardest.line}: "
                f'"{quote(hardest.text)}"',
            )
        )
    return problems


def _pictures(page_blocks: list[Block], path: str) -> list[Problem]:
    problems = []
    for first in _point_starts(page_blocks):
        if _HTML_PICTURE.match(first.lines[0]):
            problems.append(
                Problem(
                    path,
                    first.line,
                    "(picture)",
                    "this picture is written in HTML, whose address is not adjusted "
                    "for the built page",
                    f"write it in Markdown, like {PICTURE_EXAMPLE}",
                )
            )
        elif not first.picture:
            problems.append(
                Problem(
                    path,
                    first.line,
                    "(picture)",
                    "this point has no picture",
                    f"start the point with a picture line, like {PICTURE_EXAMPLE}, "
                    "directly followed by its first sentence",
                )
            )
        elif len(first.lines) == 1 and not _PICTURE.match(first.lines[0])["rest"].strip():
            problems.append(
                Problem(
                    path,
                    first.line,
                    "(picture)",
                    "the picture has no sentence after it",
                    "write the point's first sentence on the line straight after the picture",
                )
            )
    return problems


def _abbreviations(page: list[Sentence], path: str, glossary: Mapping[str, str]) -> list[Problem]:
    """A glossary abbreviation is explained if its meaning is written in the
    same sentence or before it; otherwise the first use is reported."""
    problems = []
    for term, meaning in sorted(glossary.items()):
        pattern = re.compile(rf"(?<![\w-]){re.escape(term)}(?![\w-])")
        read = ""
        for s in page:
            read += " " + s.text.casefold()
            if pattern.search(s.text):
                if meaning.casefold() not in read:
                    problems.append(
                        Problem(
                            path,
                            s.line,
                            "(abbreviation)",
                            f"{term} is not explained",
                            f'write it in full, "{meaning}", or explain it before you use it',
                        )
                    )
                break
    return problems
