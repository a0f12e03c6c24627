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
