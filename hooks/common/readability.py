"""Flesch reading ease for the guide's Markdown pages, computed offline.

One implementation for two users: the Easy Read build checks
(hooks/easy_read/) and the plain-English tests (tests/support/readability.py),
so a page scores the same in both.

The score is Rudolf Flesch's formula:

    206.835 - 1.015 * (words / sentences) - 84.6 * (syllables / words)

Higher is easier: 60-70 is plain English, 30-50 is hard. How we count:

- **Text.** Only the prose a reader reads: front matter, code, tables,
  HTML tags (block tags such as <p> and <li> end a block), link and image
  URLs, footnote references and definitions, abbreviation definitions,
  macro calls and bare URLs are stripped first.
- **Sentences.** A sentence ends at `.`, `!` or `?` followed by a space or the
  end of a block. Every heading, list item, definition-list line and
  paragraph is a block, so a heading or bullet without a full stop still
  counts as one sentence (that is how a reader takes it in).
- **Words.** Runs of letters, with inner apostrophes or hyphens
  ("don't", "co-design" is one word). Numbers are not counted as words.
- **Syllables.** Each hyphen-joined part of a word is split with pyphen's
  US English hyphenation patterns (pinned in requirements.txt; they
  split more finely than the British ones); every piece that holds a vowel
  letter (a, e, i, o, u, y) is one syllable, and every word has at least one.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

import pyphen

from hooks.common.markdown_mask import mask

_FRONT_MATTER = re.compile(r"\A---\s*\n.*?\n---\s*\n", re.DOTALL)
_JINJA = re.compile(r"\{\{.*?\}\}|\{%.*?%\}|\{#.*?#\}", re.DOTALL)
_FOOTNOTE_DEF = re.compile(r"^\[\^[^\]]+\]:.*(?:\n(?: {4}|\t).*)*", re.MULTILINE)
_ABBR_DEF = re.compile(r"^\*\[[^\]]+\]:.*$", re.MULTILINE)
_FOOTNOTE_REF = re.compile(r"\[\^[^\]]+\]")
_IMAGE = re.compile(r"!\[([^\]]*)\]\([^)]*\)")
_LINK = re.compile(r"\[([^\]]+)\]\((?:[^()]|\([^)]*\))*\)")
_REF_LINK = re.compile(r"\[([^\]]+)\]\[[^\]]*\]")
_HTML_BLOCK_TAG = re.compile(
    r"</?(?:p|li|ol|ul|div|h[1-6]|dl|dt|dd|table|tr|td|th|blockquote|section)\b[^>]*>",
    re.IGNORECASE,
)
_HTML_TAG = re.compile(r"<[^>]+>")
_BARE_URL = re.compile(r"https?://\S+")
_ATTR_LIST = re.compile(r"\{:?[^}]*\}")
_ADMONITION = re.compile(r'^\s*(?:!!!|\?\?\?\+?)\s*\w+(?:\s+"([^"]*)")?\s*$', re.MULTILINE)
_TABLE_ROW = re.compile(r"^\s*\|.*$", re.MULTILINE)
_BLOCK_START = re.compile(r"^\s*(?:#{1,6}\s+|[-*+]\s+(?:\[[ xX]\]\s+)?|\d+[.)]\s+|>\s*|:\s{3})")
_SENTENCE_END = re.compile(r"[.!?]+[\"'\u201d\u2019)]*(?=\s|$)")
_WORD = re.compile(r"[A-Za-z]+(?:['\u2019-][A-Za-z]+)*")
_VOWEL = re.compile(r"[aeiouy]", re.IGNORECASE)
_HYPHENATOR = pyphen.Pyphen(lang="en_US", left=1, right=1)


@dataclass(frozen=True)
class Score:
    """Counts for one text and its Flesch reading ease."""

    sentences: int
    words: int
    syllables: int

    @property
    def words_per_sentence(self) -> float:
        return self.words / self.sentences if self.sentences else 0.0

    @property
    def reading_ease(self) -> float:
        if not self.words or not self.sentences:
            return 0.0
        return 206.835 - 1.015 * self.words_per_sentence - 84.6 * (self.syllables / self.words)


def count_syllables(word: str) -> int:
    """Syllables in one word: pyphen pieces that hold a vowel, at least one per part."""
    total = 0
    for part in re.split(r"['\u2019-]", word):
        if not part:
            continue
        pieces = _HYPHENATOR.inserted(part.lower()).split("-")
        total += max(1, sum(1 for piece in pieces if _VOWEL.search(piece)))
    return max(1, total)


def words_in(text: str) -> list[str]:
    """The words of `text` (runs of letters; numbers are not words)."""
    return _WORD.findall(text)


def prose_blocks(markdown: str) -> list[str]:
    """The reader-visible prose of a Markdown page, one string per block."""
    # Code and comments blanked as the content checks blank them (markdown_mask).
    text = mask(_FRONT_MATTER.sub("", markdown, count=1))
    for pattern in (_JINJA, _FOOTNOTE_DEF, _ABBR_DEF, _TABLE_ROW):
        text = pattern.sub("", text)
    text = _ADMONITION.sub(lambda m: m.group(1) or "", text)
    text = _FOOTNOTE_REF.sub("", text)
    text = _IMAGE.sub(r"\1", text)
    text = _LINK.sub(r"\1", text)
    text = _REF_LINK.sub(r"\1", text)
    text = _HTML_BLOCK_TAG.sub("\n\n", text)
    for pattern in (_HTML_TAG, _BARE_URL, _ATTR_LIST):
        text = pattern.sub(" ", text)

    blocks: list[str] = []
    current: list[str] = []
    for line in text.splitlines():
        starts_block = _BLOCK_START.match(line)
        if not line.strip() or starts_block:
            if current:
                blocks.append(" ".join(current))
            current = []
        if line.strip():
            current.append(_BLOCK_START.sub("", line).strip() if starts_block else line.strip())
    if current:
        blocks.append(" ".join(current))
    return [" ".join(b.split()) for b in blocks if words_in(b)]


def sentences_in(block: str) -> list[str]:
    """Split one block into sentences; text after the last stop is a sentence too."""
    parts = [p for p in _SENTENCE_END.split(block) if words_in(p)]
    return parts or [block]


def score_text(blocks: list[str]) -> Score:
    """Count sentences, words and syllables over prose blocks."""
    sentences = [s for block in blocks for s in sentences_in(block)]
    words = [w for s in sentences for w in words_in(s)]
    return Score(
        sentences=len(sentences),
        words=len(words),
        syllables=sum(count_syllables(w) for w in words),
    )


def score_markdown(markdown: str) -> Score:
    """The Flesch counts for a Markdown page's prose."""
    return score_text(prose_blocks(markdown))
