"""Word vectors for the detectors: those of the current run's resources (``lang/vectors.py``), and the English
words whose vectors ``provenance setup`` computes ahead of any check (``table_words``)."""

from __future__ import annotations

import numpy as np

from provenance.compare.lexicon import load_lexicon
from provenance.compare.opposites import _WN_MAX_RANK, _lexicon_pairs
from provenance.compare.tokens import fold
from provenance.lang import wordnet
from provenance.lang.resources import current

#: WordNet lemmas tagged at least this often in its corpus go into the set-up table whatever they mean: the
#: English words of a translation the antonym and addition checks compare with (about 6,000 words)
TABLE_MIN_COUNT = 5
#: a lemma with WordNet antonyms needs only this count: it and its antonyms are what the antonym check embeds
#: for a passage word (about 7,500 words with them)
TABLE_MIN_COUNT_ANTONYMS = 1


def word_vectors(words: list[str]) -> dict[str, np.ndarray]:
    """Normalised vectors for ``words``, each embedded once per run (under the run's cache dir)."""
    return current().word_vectors.get(words)


def table_words() -> list[str]:
    """The English words whose vectors the set-up step stores: WordNet lemmas frequent in its tagged corpus, the
    tagged lemmas that have antonyms with those antonyms, and the English lexicon's stop words and antonym pairs. In
    the forms the checks ask for (folded lemmas, antonyms as listed); single words only (the checks skip phrases).

    On the DEMETR and WMT article runs these were about half of the words embedded at check time; the rest are
    words of the original (cross-lingual checks) and rarer English words, embedded on demand as before."""
    english = load_lexicon("en")
    words = {fold(w) for w in english.entries("stop.words")}  # WordNet lists no function words; the checks ask some
    for left, rights in _lexicon_pairs(english).items():
        words |= {left, *rights}
    wn = wordnet.get()
    if wn is not None:
        for lemma, count in wordnet.tagged_counts().items():
            if count >= TABLE_MIN_COUNT:
                words.add(lemma)
            if count >= TABLE_MIN_COUNT_ANTONYMS:
                antonyms = wn.antonyms(lemma, _WN_MAX_RANK, satellites=False)
                if antonyms:
                    words |= {lemma, *antonyms}
    words |= {fold(w) for w in words}
    return sorted(w for w in words if w and " " not in w)


def build_table() -> int:
    """Embed ``table_words()`` into the current run's word vectors (and so into the embedding table of its cache
    dir: later checks read them instead of running the model); the number of words."""
    words = table_words()
    vectors = current().word_vectors
    for start in range(0, len(words), _TABLE_CHUNK):
        vectors.get(words[start : start + _TABLE_CHUNK])
    return len(words)


_TABLE_CHUNK = 512  # words per call: each call's vectors are written to the cache before the next is embedded
