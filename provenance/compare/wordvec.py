"""Word vectors for the detectors: those of the current run's resources (``lang/vectors.py``), and the words whose
vectors ``provenance setup`` computes ahead of any check: frequent English words (``table_words``) and the frequent
words of each source language with a lexicon (``source_table_words``)."""

from __future__ import annotations

import numpy as np

from provenance.compare.lexicon import load_lexicon
from provenance.compare.opposites import _WN_MAX_RANK, _lexicon_pairs
from provenance.compare.tokens import fold, lemma
from provenance.lang import wordnet
from provenance.lang.frequency import frequent_words
from provenance.lang.resources import current

#: WordNet lemmas tagged at least this often in its corpus go into the set-up table whatever they mean: the
#: English words of a translation the antonym and addition checks compare with (about 6,000 words)
TABLE_MIN_COUNT = 5
#: a lemma with WordNet antonyms needs only this count: it and its antonyms are what the antonym check embeds
#: for a passage word (about 7,500 words with them)
TABLE_MIN_COUNT_ANTONYMS = 1
#: source languages whose frequent words set-up embeds: those with a lexicon (the cross-lingual antonym check of
#: compare/antonyms_vectors.py asks for the original's words, which made most of the model's work at check time)
SOURCE_TABLE_LANGUAGES = ("de", "es", "fr", "it", "pt", "ru")
#: distinct words (as the checks ask for them) per source language: on the first 300 DEMETR pairs of the
#: throughput benchmark 3,000 held 65% of the original's words the checks embedded, 6,000 held 76%. With 3,000, the
#: words still computed at check time were 632 on those pairs and 265 on a new 2,000-word WMT article (mostly German
#: compounds and names); 10,000 held 270 and 85 of them (20,000: 361 and 125). Each costs about 8 ms of one core
#: at set-up: 10,000 words in six languages about 8 minutes, 7,000 more per language than 3,000 did
SOURCE_TABLE_SIZE = 10_000
#: frequency-list entries read per word wanted (inflected forms share a lemma)
_SOURCE_LIST_PER_WORD = 10


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


def source_table_words(lang: str, size: int = SOURCE_TABLE_SIZE) -> list[str]:
    """The ``size`` most frequent words of source language ``lang`` in the form the cross-lingual checks ask for
    them (folded lemmas), leaving out what they never ask: words under three letters or with other characters than
    letters, the lexicon's stop words and negation cues. Raises FrequencyDataMissing without a frequency list."""
    lex = load_lexicon(lang)
    keys: dict[str, None] = {}  # in frequency order
    for word in frequent_words(lang, size * _SOURCE_LIST_PER_WORD):
        if len(word) < 3 or not word.isalpha() or lex.has_word("stop.words", word) or lex.has_word(
                "negation.cues", word):
            continue
        key = fold(lemma(word, lang))
        if key and " " not in key:
            keys[key] = None
            if len(keys) >= size:
                break
    return list(keys)


def build_table(words: list[str] | None = None) -> int:
    """Embed ``words`` (default: ``table_words()``) into the current run's word vectors (and so into the embedding
    table of its cache dir: later checks read them instead of running the model); the number of words."""
    words = table_words() if words is None else words
    vectors = current().word_vectors
    for start in range(0, len(words), _TABLE_CHUNK):
        vectors.get(words[start : start + _TABLE_CHUNK])
    return len(words)


_TABLE_CHUNK = 512  # words per call: each call's vectors are written to the cache before the next is embedded
