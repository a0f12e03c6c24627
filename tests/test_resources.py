"""`provenance setup` builds the compiled resources a check needs, ahead of the first check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

import numpy as np
import pytest

from provenance.align.features import reference_sentences
from provenance.compare import wordvec
from provenance.config import Config
from provenance.lang import wordnet
from provenance.lang.resources import Resources, using
from provenance.resources import build_resources
from tests.conftest import link_compiled


def test_setup_builds_what_a_first_check_would_build(tmp_path: Path, compiled_resources: Path) -> None:
    # (the English word vectors, minutes of model time, have their own tests below; WordNet, the Ding indexes and
    # the FreeDict word lists, most of a minute to build, are the session's: set-up finds them ready)
    link_compiled(tmp_path, compiled_resources, names=("wordnet", "gloss", "freedict"))
    built = {item.name: item for item in build_resources(Config(cache_dir=tmp_path), languages=("en",),
                                                         word_table=False)}
    assert built["lemma trie (en)"].ready
    assert built["WordNet maps"].ready == (wordnet.data_dir() is not None)
    assert built["CLDR country and language names"].ready and list((tmp_path / "cldr").glob("names-*.marshal"))
    assert built["outlet registry"].ready and list((tmp_path / "registry").glob("registry-*.pickle"))
    gloss = built["Ding gloss index"]
    assert gloss.ready or "not found" in gloss.note  # missing data is reported, not an error
    # the aligner's reference sentences are embedded once, into the embedding cache a check reads
    with sqlite3.connect(tmp_path / "provenance.sqlite3") as conn:
        rows = conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]
    assert rows == len(set(reference_sentences()))
    again = {item.name: item for item in build_resources(Config(cache_dir=tmp_path), languages=("en",),
                                                         word_table=False)}
    assert again["aligner reference sentence vectors"].seconds < built["aligner reference sentence vectors"].seconds


def _embedding_rows(cache: Path) -> int:
    with sqlite3.connect(cache / "provenance.sqlite3") as conn:
        return int(conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0])


def test_the_set_up_word_table_holds_frequent_english_words_and_their_antonyms() -> None:
    if wordnet.get() is None:
        pytest.skip("WordNet data not installed")
    words = set(wordvec.table_words())
    # frequent words, a tagged word with its WordNet antonyms, and the hand lexicon's pairs
    assert {"house", "increase", "decrease", "rise", "fall", "good", "bad"} <= words
    assert {"and", "with"} <= words  # function words, which WordNet does not list
    assert wordnet.tagged_counts()["house"] >= wordvec.TABLE_MIN_COUNT
    assert all(" " not in w for w in words)  # the checks embed single words only
    assert "notawordatall" not in words
    assert len(words) < 20_000  # minutes of model time at set-up, not an hour


def test_a_check_reads_the_set_up_vectors_instead_of_embedding_its_words(tmp_path: Path,
                                                                         monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(wordvec, "table_words", lambda: ["harbour", "quay", "increase"])
    setup = Resources.from_config(Config(cache_dir=tmp_path))
    with using(setup):
        assert wordvec.build_table() == 3
    assert _embedding_rows(tmp_path) == 3
    later = Resources.from_config(Config(cache_dir=tmp_path))  # a later run in the same cache: nothing computed
    with using(later):
        table = wordvec.word_vectors(["quay", "increase"])
        assert later.word_vectors.embedder().computed == 0  # type: ignore[attr-defined]
        fresh = wordvec.word_vectors(["pier"])  # a word outside the table is embedded on demand, as before
        assert later.word_vectors.embedder().computed == 1  # type: ignore[attr-defined]
    # the stored rows are the vectors a check computes itself, bit for bit (so no finding changes)
    alone = Resources.from_config(Config(cache_dir=tmp_path / "other"))
    with using(alone):
        own = wordvec.word_vectors(["quay", "increase", "pier"])
    assert all(np.array_equal(table[w], own[w]) for w in ("quay", "increase"))
    assert np.array_equal(fresh["pier"], own["pier"])


def test_the_source_table_holds_a_language_s_frequent_words_as_the_cross_lingual_check_asks_for_them() -> None:
    words = wordvec.source_table_words("de", size=500)
    assert len(words) == 500 and len(set(words)) == 500
    assert {"haus", "jahr", "regierung"} & set(words)  # frequent content words, lemmatised and folded
    assert "jahre" not in words and "hauser" not in words  # inflected forms are asked as their lemmas
    # stop words and negation cues are never asked ('der' is: the lemma of 'dem', which the lexicon does not list)
    assert not {"und", "die", "nicht", "kein"} & set(words)
    assert all(w == w.lower() and " " not in w for w in words)  # folded single words, as the checks ask
    assert wordvec.source_table_words("de", size=50) == words[:50]  # the most frequent first


def test_the_source_table_reads_far_enough_down_the_frequency_list_for_its_full_size() -> None:
    # inflected forms share a lemma and stop words are left out, so the list is read well past the size wanted
    for lang in ("de", "ru"):
        words = wordvec.source_table_words(lang)
        assert len(words) == wordvec.SOURCE_TABLE_SIZE == len(set(words))


def test_without_word_frequencies_set_up_skips_the_source_tables(tmp_path: Path,
                                                                 monkeypatch: pytest.MonkeyPatch) -> None:
    from provenance.lang import frequency

    def missing(lang: str, limit: int) -> list[str]:
        raise frequency.FrequencyDataMissing("word frequencies not installed (pip install wordfreq)")

    monkeypatch.setattr(wordvec, "frequent_words", missing)
    monkeypatch.setattr(wordvec, "table_words", lambda: ["harbour"])
    built = {item.name: item for item in build_resources(Config(cache_dir=tmp_path), languages=())
             if item.name.startswith("word vectors")}
    assert built["word vectors of frequent English words"].ready
    german = built["word vectors of frequent words (de)"]
    assert not german.ready and "not installed" in german.note
    assert _embedding_rows(tmp_path) == len(set(reference_sentences())) + 1  # and the English word only
