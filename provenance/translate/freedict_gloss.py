"""Offline word-by-word gloss into English from a FreeDict dictionary (``fra-eng``, ``spa-eng``, ``ita-eng``,
``nld-eng``, ``pol-eng``, ``por-eng``).

The same contract as the Ding gloss (``translate/gloss.py``): source word order, one English rendering per word,
names, numbers and unknown words kept as written. A word is looked up as a closed-class word first (the language's
``lang/function_words``: the dictionaries give those their rare senses or lack them), then as written
(FreeDict's headwords are lemmas: a form listed on its own is mostly meant so, "porto" = "port", not a form of
"portare"), then by its simplemma lemma ("augmenté" -> "augmenter"). The longest multi-word headword starting at a
word wins ("pomme de terre" -> "potato"). A capitalised word inside a sentence is a name unless the dictionary
writes it capitalised (countries, peoples); so is a word in capitals ("SNCF"). The index is
``lang/freedict.gloss_table``.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from provenance.lang.freedict import MAX_PHRASE, GlossTable
from provenance.lang.lemmas import lemma

# letters only: an apostrophe or hyphen ends a word, so elided articles ("l'État", "dell'anno") are words of
# their own; numbers and punctuation are copied as they are
_WORD = re.compile(r"[^\W\d_]+")
_SENTENCE_START = {"", ".", "!", "?", ":", "«", "»", '"', "“", "”", "—", "–", "¿", "¡"}


@dataclass
class FreeDictGlosser:
    """Glosses ``lang`` text word by word from one FreeDict gloss table."""

    lang: str
    table: GlossTable
    function: dict[str, str]

    def word(self, word: str, *, sentence_start: bool = False) -> str | None:
        """The English rendering of one word, or None (kept as written)."""
        single, _phrases, capitalised = self.table
        low = word.lower()
        if word[:1].isupper() and not sentence_start and low not in capitalised:
            return None  # a name, also when it starts with an article ("Le Monde", "El País")
        if low in self.function:
            return self.function[low]
        if len(word) > 1 and word.isupper():
            return None  # an acronym
        if low in single:
            return single[low]
        base = lemma(low, self.lang)
        return single.get(base) if base != low else None

    def gloss(self, text: str) -> str:
        _single, phrases, _capitalised = self.table
        matches = list(_WORD.finditer(text))
        out: list[str] = []
        pos = 0
        k = 0
        glossed = False  # whether the previous word was rendered in English
        while k < len(matches):
            m = matches[k]
            before = text[pos : m.start()]
            # an elided word rendered in English is a word of its own: "n'a" -> "not has", "l'État" -> "the État"
            out.append(" " if glossed and before in {"'", "’"} else before)
            start = (before.strip()[-1:] if before.strip() else "".join(out).rstrip()[-1:]) in _SENTENCE_START
            taken, rendering = self._phrase(text, matches, k, phrases)
            if rendering is None and not self._kept(text, matches, k, start):
                rendering = self.word(m.group(), sentence_start=start)
            rendering = m.group() if rendering is None else rendering
            end = matches[k + taken - 1].end()
            glossed = rendering != m.group() or taken > 1
            if start and m.group()[:1].isupper() and rendering[:1].islower():
                rendering = rendering[:1].upper() + rendering[1:]
            out.append(rendering)
            pos = end
            k += taken
        out.append(text[pos:])
        # a dropped word ("pas" of "ne ... pas") leaves two spaces
        return re.sub(r"(?<=\S) {2,}(?=\S)", " ", "".join(out))

    def _kept(self, text: str, matches: list[re.Match[str]], k: int, start: bool) -> bool:
        """Letters stuck to a number ("1er", "3a") and a sentence's first word when a capitalised word follows
        it ("Saint-Malo", "Jean Dupont") are kept as written: the first is an ordinal, the second a name."""
        m = matches[k]
        if m.start() > 0 and text[m.start() - 1].isdigit():
            return True
        if not start or not m.group()[:1].isupper() or m.group().lower() in self.function or k + 1 >= len(matches):
            return False
        after = matches[k + 1]
        return text[m.end() : after.start()] in {" ", "-"} and after.group()[:1].isupper()

    @staticmethod
    def _phrase(text: str, matches: list[re.Match[str]], k: int, phrases: dict[str, str]) -> tuple[int, str | None]:
        """The longest multi-word headword starting at word ``k`` (words separated by spaces, hyphens or
        apostrophes only): (words it takes, its rendering), or (1, None)."""
        if not phrases:
            return 1, None
        for size in range(min(MAX_PHRASE, len(matches) - k), 1, -1):
            run = matches[k : k + size]
            gaps = (text[a.end() : b.start()] for a, b in zip(run, run[1:], strict=False))
            if all(g in {" ", "-", "'", "’"} for g in gaps):
                key = " ".join(m.group().lower() for m in run)
                if key in phrases:
                    return size, phrases[key]
        return 1, None
