"""Tokens with character offsets, lemmas, and the word-level diff the detectors share.

A ``Side`` is one side of a bead (derivative, original or known translation): its
sentences joined, tokenised, with every token's offset into the text the sentences were
split from, so findings can point at exact spans.
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from functools import cached_property

# lemmas and word forms live in provenance.lang (align, the gloss, WordNet and the valence lexicon need them too);
# the detectors import them from here
from provenance.lang.lemmas import cache_root as cache_root  # opposites.py asks it for the cache dir
from provenance.lang.lemmas import is_known as is_known
from provenance.lang.lemmas import lemma as lemma
from provenance.lang.words import fold as fold
from provenance.lang.words import similar_word as similar_word
from provenance.lang.words import translit as translit
from provenance.model import Sentence, Span

# words (with inner hyphens/apostrophes), numbers with separators, single punctuation marks
_TOKEN_RE = re.compile(
    r"\d+(?:[.,\u00a0\u202f']\d{3})+(?:[.,]\d+)?(?!\d)"  # 272.000 / 272,000 / 1 000 000 / 1,234.5
    r"|\d+(?:[.,]\d+)?"
    r"|\w+(?:[-'’]\w+)*"
    r"|[^\w\s]",
    re.UNICODE,
)

QUOTE_CHARS = set("\"“”„«»‘’‚‹›「」『』")


@dataclass(frozen=True)
class Token:
    text: str
    start: int  # absolute offset into the side's source text
    end: int
    index: int  # position in the side's token list
    sentence_start: bool = False  # first word of a sentence

    @property
    def span(self) -> Span:
        return Span(self.start, self.end)

    @property
    def lower(self) -> str:
        return self.text.lower()

    @cached_property
    def is_word(self) -> bool:  # cached: the detectors ask it of every token many times over
        return any(ch.isalpha() for ch in self.text)

    @property
    def is_number(self) -> bool:
        return self.text[:1].isdigit()

    @property
    def is_capitalised(self) -> bool:
        return self.text[:1].isupper()


@dataclass
class Side:
    """Text of one bead side and its tokens. ``text`` is for display only; offsets are absolute."""

    text: str
    tokens: list[Token]
    lang: str
    span: Span | None = None
    _lemmas: list[str] | None = field(default=None, repr=False)

    @property
    def words(self) -> list[Token]:
        return [t for t in self.tokens if t.is_word]

    def lemmas(self) -> list[str]:
        if self._lemmas is None:
            self._lemmas = [lemma(t.text, self.lang) for t in self.tokens]
        return self._lemmas

    def snippet(self, first: Token, last: Token | None = None) -> str:
        """The original characters from ``first`` to ``last`` (inclusive) of this side."""
        last = last or first
        base = self.span.start if self.span else 0
        return self.text[first.start - base : last.end - base] if self.span else first.text


# the elided words of French and Italian ("l'", "qu'", "dell'") are split off before any lexicon is read (lexicon.py
# imports this module), so this spelling rule stays in code
_ELISION = re.compile(r"^((?:[a-zA-Z]|qu|lorsqu|puisqu|jusqu|quoiqu|dell|dall|nell|sull|all|un)['’])(\w.*)$",
                      re.IGNORECASE)
_ELIDING = {"fr", "it"}


def tokenize(text: str, offset: int = 0, lang: str | None = None) -> list[Token]:
    tokens: list[Token] = []
    at_start = True
    for m in _TOKEN_RE.finditer(text):
        tok = m.group(0)
        parts = [(tok, m.start())]
        el = _ELISION.match(tok) if lang in _ELIDING else None
        if el:  # "n'est" -> "n'", "est"; "l'important" -> "l'", "important"
            parts = [(el.group(1), m.start()), (el.group(2), m.start() + len(el.group(1)))]
        was_start = at_start
        for part, start in parts:
            tokens.append(Token(part, offset + start, offset + start + len(part), len(tokens),
                                at_start and part[0].isalnum()))
            at_start = False
        if not tok[0].isalnum():
            # quotes and brackets do not end the sentence start: '"It's ...' still starts a sentence
            at_start = tok in ".!?" or (was_start and tok in "\"“”„«»‹›'‘’([—–-")
    return tokens


def side_from_sentences(sentences: Sequence[Sentence], lang: str) -> Side:
    """Join sentences (keeping absolute offsets) into one bead side."""
    if not sentences:
        return Side("", [], lang, None)
    start, end = sentences[0].span.start, sentences[-1].span.end
    # rebuild the covered text with the sentences at their real offsets (gaps become spaces)
    chars = [" "] * (end - start)
    tokens: list[Token] = []
    for s in sentences:
        base = s.span.start - start
        chars[base : base + len(s.text)] = list(s.text)
        for t in tokenize(s.text, s.span.start, lang):
            tokens.append(Token(t.text, t.start, t.end, len(tokens), t.sentence_start))
    return Side("".join(chars), tokens, lang, Span(start, end))


def side_from_text(text: str, lang: str, offset: int = 0) -> Side:
    tokens = [Token(t.text, t.start, t.end, i, t.sentence_start) for i, t in enumerate(tokenize(text, offset, lang))]
    return Side(text, tokens, lang, Span(offset, offset + len(text)))


@dataclass(frozen=True)
class Opcode:
    tag: str  # equal | replace | insert | delete  (a = translation, b = derivative)
    a: tuple[int, int]
    b: tuple[int, int]


def word_diff(a: Side, b: Side) -> list[Opcode]:
    """Opcodes over lemmatised, case-folded tokens (punctuation kept as anchors)."""
    ka = [_key(t, lem) for t, lem in zip(a.tokens, a.lemmas(), strict=True)]
    kb = [_key(t, lem) for t, lem in zip(b.tokens, b.lemmas(), strict=True)]
    matcher = difflib.SequenceMatcher(None, ka, kb, autojunk=False)
    return [Opcode(tag, (i1, i2), (j1, j2)) for tag, i1, i2, j1, j2 in matcher.get_opcodes()]


def _key(tok: Token, lem: str) -> str:
    if tok.text in QUOTE_CHARS:
        return '"'
    return fold(lem) if tok.is_word else tok.text
