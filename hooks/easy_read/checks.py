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
from collections.abc import Mapping
from dataclasses import dataclass

from hooks.common.errors import Problem
from hooks.common.readability import prose_blocks, score_text, sentences_in, words_in
from hooks.content.markdown_mask import mask

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


@dataclass(frozen=True)
class Figures:
    """What the checks measured on one page."""

    sentences: int
    words: int
    longest: Sentence | None
    average: float
    reading_ease: float
    pictures: int
    points: int


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


def measure(page_blocks: list[Block]) -> Figures:
    """The page's figures: sentences, the longest, average, reading ease, pictures."""
    all_sentences = [s for b in page_blocks for s in sentences(b)]
    score = score_text([s.text for s in all_sentences])
    longest = max(all_sentences, key=lambda s: s.words, default=None)
    points = sum(1 for _ in _points(page_blocks))
    pictures = sum(1 for b in page_blocks if b.picture)
    return Figures(
        score.sentences,
        score.words,
        longest,
        score.words_per_sentence,
        score.reading_ease,
        pictures,
        points,
    )


def _points(page_blocks: list[Block]) -> list[list[Block]]:
    """The page's points: a picture block and the text blocks after it, or
    text blocks with no picture before them in their section."""
    points: list[list[Block]] = []
    current: list[Block] | None = None
    for block in page_blocks:
        if block.heading:
            current = None
        elif block.picture or current is None:
            current = [block]
            points.append(current)
        else:
            current.append(block)
    return points


def check_page(
    body: str, path: str, first_line: int, glossary: Mapping[str, str]
) -> tuple[Figures, list[Problem]]:
    """Every Easy Read problem in one page's body, and the page's figures."""
    page_blocks = blocks(body, first_line)
    figures = measure(page_blocks)
    problems = [
        *_long_sentences(page_blocks, path),
        *_page_limits(page_blocks, figures, path),
        *_pictures(page_blocks, path),
        *_abbreviations(page_blocks, path, glossary),
    ]
    return figures, sorted(problems)


def quote(text: str, limit: int = QUOTE_CHARS) -> str:
    """`text` cut at a word boundary to at most `limit` characters, with … if cut."""
    text = " ".join(text.split())
    if len(text) <= limit:
        return text
    cut = text[: limit - 1]
    if text[limit - 1] != " " and " " in cut:
        cut = cut.rsplit(" ", 1)[0]  # not halfway through a word
    return cut.rstrip(" ,;:") + "…"


def _long_sentences(page_blocks: list[Block], path: str) -> list[Problem]:
    return [
        Problem(
            path,
            s.line,
            "(sentence)",
            f"this sentence has {s.words} words; Easy Read sentences have "
            f"{MAX_SENTENCE_WORDS} or fewer",
            f'split it: "{quote(s.text)}"',
        )
        for b in page_blocks
        for s in sentences(b)
        if s.words > MAX_SENTENCE_WORDS
    ]


def _page_limits(page_blocks: list[Block], figures: Figures, path: str) -> list[Problem]:
    problems = []
    line = page_blocks[0].line if page_blocks else 1
    if figures.longest and figures.average > MAX_AVERAGE_WORDS:
        problems.append(
            Problem(
                path,
                line,
                "(page)",
                f"the sentences average {figures.average:.1f} words; Easy Read pages "
                f"average {MAX_AVERAGE_WORDS} or fewer",
                f"split the longest sentences, starting with line {figures.longest.line}: "
                f'"{quote(figures.longest.text)}"',
            )
        )
    if figures.sentences and figures.reading_ease < MIN_READING_EASE:
        hardest = min(
            (s for b in page_blocks for s in sentences(b)),
            key=lambda s: score_text([s.text]).reading_ease,
        )
        problems.append(
            Problem(
                path,
                line,
                "(page)",
                f"the reading ease is {figures.reading_ease:.1f}; Easy Read pages score "
                f"{MIN_READING_EASE} or more",
                f"use shorter, everyday words, starting with line {hardest.line}: "
                f'"{quote(hardest.text)}"',
            )
        )
    return problems


def _pictures(page_blocks: list[Block], path: str) -> list[Problem]:
    problems = []
    for point in _points(page_blocks):
        first = point[0]
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


def _abbreviations(
    page_blocks: list[Block], path: str, glossary: Mapping[str, str]
) -> list[Problem]:
    """A glossary abbreviation is explained if its meaning is written in the
    same sentence or before it; otherwise the first use is reported."""
    problems = []
    page = [s for b in page_blocks for s in sentences(b)]
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
