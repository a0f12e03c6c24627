"""`provenance setup` builds the compiled resources a check needs, ahead of the first check."""

from __future__ import annotations

import sqlite3
from pathlib import Path

from provenance.align.features import reference_sentences
from provenance.compare import wordnet
from provenance.config import Config
from provenance.resources import build_resources


def test_setup_builds_what_a_first_check_would_build(tmp_path: Path) -> None:
    built = {item.name: item for item in build_resources(Config(cache_dir=tmp_path), languages=("en",))}
    assert built["lemma trie (en)"].ready
    assert built["WordNet maps"].ready == (wordnet.data_dir() is not None)
    assert built["CLDR country and language names"].ready and list((tmp_path / "cldr").glob("names-*.marshal"))
    gloss = built["Ding gloss index"]
    assert gloss.ready or "not found" in gloss.note  # missing data is reported, not an error
    # the aligner's reference sentences are embedded once, into the embedding cache a check reads
    with sqlite3.connect(tmp_path / "provenance.sqlite3") as conn:
        rows = conn.execute("SELECT COUNT(*) FROM embeddings").fetchone()[0]
    assert rows == len(set(reference_sentences()))
    again = {item.name: item for item in build_resources(Config(cache_dir=tmp_path), languages=("en",))}
    assert again["aligner reference sentence vectors"].seconds < built["aligner reference sentence vectors"].seconds
