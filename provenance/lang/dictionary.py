"""The Ding dictionary as a German word -> English lemmas lookup, over all its equivalents (not just the gloss's
first): the mode B word check (``compare/lexical.py``) and the antonym checks ask it.

Every German word gets the English equivalents of all its entries (lemmatised; compounds split as the gloss
splits them), and an English word its synonyms through the German headwords it translates. The index is
compiled under the run's cache dir (``lang/ding.py``); the object is kept per dictionary file in memory.
"""

from __future__ import annotations

import logging
from pathlib import Path

from provenance.lang.ding import Glosser, linking_stems, load_equivalents
from provenance.lang.lemmas import lemma, lemma_as_written
from provenance.lang.resources import Resources, current

log = logging.getLogger("provenance.lang")

_MAX_HOP = 25  # German headwords followed per English word for synonyms (common words have hundreds)


class Dictionary:
    """German word -> English lemmas, over the all-equivalents index of the Ding dictionary."""

    def __init__(self, path: Path, cache_dir: Path | None) -> None:
        exact, lower, heads, en_pos, de_pos, reverse = load_equivalents(path, cache_dir)
        self.exact, self.lower, self.en_pos, self.de_pos, self.reverse = exact, lower, en_pos, de_pos, reverse
        # the gloss's lookup chain (lemma, compound split, hyphen parts) over all equivalents
        self._glosser = Glosser(exact, lower, heads)
        self._memo: dict[str, frozenset[str]] = {}
        self._hop: dict[str, list[frozenset[str]]] = {}

    def _direct(self, form: str) -> set[str]:
        found: set[str] = set()
        for hit in (self.exact.get(form), self.lower.get(form.lower())):
            if hit:
                found.update(hit.split())
        return found

    def _raw(self, word: str) -> frozenset[str]:
        if word in self._memo:
            return self._memo[word]
        found: set[str] = set()
        for form in {word, word.capitalize(), lemma_as_written(word, "de")}:
            found |= self._direct(form)
        if not found:
            glossed = self._glosser.word(word)
            if glossed:
                found.update(w if w.startswith("~") else lemma(w, "en") for w in glossed.split())
        if len(word) >= 8 and "-" not in word:
            found |= self._head(word)  # 'Motorradfahrer' is also a 'rider', 'Tripleformel' a 'formula'
        out = frozenset(found)
        self._memo[word] = out
        return out

    def _head(self, word: str) -> set[str]:
        """The equivalents of a compound's longest known last part (a noun headword of 4+ letters)."""
        parts = self.compound(word)
        return set(parts[1]) if parts else set()

    def compound(self, word: str) -> tuple[frozenset[str], frozenset[str]] | None:
        """(modifier equivalents, head equivalents) of a noun compound split at its longest known head
        ('Volleyball|spieler'); the modifier may be unknown (empty set)."""
        if not word[:1].isupper() or len(word) < 8:
            return None
        low = word.lower()
        for i in range(3, len(low) - 3):
            hit = self.exact.get(low[i:].capitalize())
            if not hit:
                continue
            mod = low[:i]
            stems = linking_stems(mod)
            mod_eq: set[str] = set()
            for stem in stems:
                if len(stem) >= 3:
                    mod_eq |= self._direct(stem.capitalize()) | self._direct(stem)
            return (frozenset(w.lstrip("~") for w in mod_eq), frozenset(w.lstrip("~") for w in hit.split()))
        return None

    def equivalents(self, word: str) -> frozenset[str]:
        """English lemmas the dictionary gives for ``word`` in any sense (empty when it does not know it)."""
        return frozenset(w.lstrip("~") for w in self._raw(word))

    def plain(self, word: str) -> frozenset[str]:
        """Only the equivalents of plain senses (not colloquial, regional, slang...)."""
        return frozenset(w for w in self._raw(word) if not w.startswith("~"))

    def german_pos(self, word: str) -> str:
        return self.de_pos.get(word) or self.de_pos.get(lemma_as_written(word, "de")) or ""

    def synonyms(self, english: str) -> list[frozenset[str]]:
        """The equivalents of the German headwords ``english`` translates: its synonyms through German."""
        if english not in self._hop:
            heads = self.reverse.get(english, "").split()[:_MAX_HOP]
            self._hop[english] = [frozenset(w.lstrip("~") for w in self.exact.get(h, "").split()) for h in heads]
        return self._hop[english]


def _dictionary(path: Path, cache_dir: Path) -> Dictionary | None:
    # kept per dictionary file: its index depends on the file only, so a later run with another cache dir uses
    # the copy in memory
    if path not in _BY_PATH:
        _BY_PATH[path] = _read_dictionary(path, cache_dir)
    return _BY_PATH[path]


_BY_PATH: dict[Path, Dictionary | None] = {}


def _read_dictionary(path: Path, cache_dir: Path) -> Dictionary | None:
    if not path.is_file():
        return None
    try:
        return Dictionary(path, cache_dir)
    except (OSError, ValueError) as exc:  # an unreadable dictionary disables this check, nothing else
        log.warning("lexical check disabled: cannot read %s: %s", path, exc)
        return None


#: the Ding dictionary reads German into English
SOURCE, TARGET = "de", "en"


def for_pair(src: str, tgt: str, resources: Resources | None = None) -> Dictionary | None:
    """The Ding dictionary when it reads ``src`` into ``tgt`` and is installed, else None: a detector asks the
    resource whether it answers for its pair of languages instead of testing the languages itself."""
    return dictionary(resources) if (src, tgt) == (SOURCE, TARGET) else None


def dictionary(resources: Resources | None = None) -> Dictionary | None:
    """The Ding dictionary of ``resources`` (default: the current run's), its index under their cache dir; None
    when it is not installed."""
    res = resources or current()
    return _dictionary(res.ding, res.cache_dir)
