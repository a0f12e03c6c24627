"""The dictionary term of the aligner (``AlignParams.lexical``): word coverage through a FreeDict dictionary.

The sentence vectors here carry no information (a fixed pseudo-random vector per text), so only the
dictionary can tell which German sentence the French text leaves out. The dictionary is the tiny
fixture in tests/fixtures/freedict.
"""

from __future__ import annotations

import zlib
from collections.abc import Iterator
from pathlib import Path

import numpy as np
import pytest

from provenance.align import AlignParams, align
from provenance.config import Config
from provenance.lang import freedict
from provenance.lang.resources import Resources, using

FIXTURES = Path(__file__).parent / "fixtures" / "freedict"

GERMAN = [
    "Der Bürgermeister eröffnete gestern die neue Brücke.",  # 0
    "Die ganze Gemeinde feierte das große Fest bis spät in die Nacht hinein.",  # 1: not translated
    "Die Arbeiten dauerten drei Jahre.",  # 2
    "Radfahrer bekommen einen eigenen Weg.",  # 3
]
FRENCH = [
    "Le maire a inauguré hier le nouveau pont.",
    "Les travaux de construction ont duré au total trois longues années.",
    "Les cyclistes obtiennent leur propre voie.",
]
LEXICAL = AlignParams(lexical=1.0, lexical_base=0.3, lexical_cover=1.0, lexical_cover_min=0.2)


class NoiseEmbedder:
    """A fixed random unit vector per text: every pair looks equally unrelated."""

    name = "noise"

    def embed(self, texts: list[str]) -> np.ndarray:
        rows = []
        for text in texts:
            vec = np.random.default_rng(zlib.crc32(text.encode())).standard_normal(64).astype(np.float32)
            rows.append(vec / np.linalg.norm(vec))
        return np.vstack(rows)


def dictionaries_in(folder: Path, cache: Path) -> Resources:
    return Resources.from_config(Config(cache_dir=cache, freedict_dir=folder))


@pytest.fixture(autouse=True)
def _fixture_dictionary(monkeypatch: pytest.MonkeyPatch, tmp_path: Path) -> Iterator[None]:
    monkeypatch.setattr(freedict, "_loaded", {})
    with using(dictionaries_in(FIXTURES, tmp_path / "cache")):
        yield


def _pairs(beads: list) -> list[tuple[tuple[int, ...], tuple[int, ...]]]:
    return [(b.original, b.derivative) for b in beads]


def test_the_dictionary_finds_the_sentence_a_translation_left_out() -> None:
    kwargs = {"embedder": NoiseEmbedder(), "mode": "document", "derivative_lang": "fr", "original_lang": "de"}
    beads = align(FRENCH, GERMAN, params=LEXICAL, **kwargs)  # type: ignore[arg-type]
    assert _pairs(beads) == [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), (2,))]
    # without it, lengths alone pull the long untranslated sentence into a merged bead
    plain = align(FRENCH, GERMAN, params=AlignParams(), **kwargs)  # type: ignore[arg-type]
    assert ((1, 2), (1,)) in _pairs(plain)


def test_the_term_needs_both_languages() -> None:
    without_languages = align(FRENCH, GERMAN, embedder=NoiseEmbedder(), mode="document", params=LEXICAL)
    plain = align(FRENCH, GERMAN, embedder=NoiseEmbedder(), mode="document", params=AlignParams())
    assert _pairs(without_languages) == _pairs(plain)


def test_without_an_installed_dictionary_the_term_is_off(tmp_path: Path) -> None:
    kwargs = {"embedder": NoiseEmbedder(), "mode": "document", "derivative_lang": "fr", "original_lang": "de",
              "resources": dictionaries_in(tmp_path, tmp_path / "cache")}  # no dictionary in that folder
    with_term = align(FRENCH, GERMAN, params=LEXICAL, **kwargs)  # type: ignore[arg-type]
    plain = align(FRENCH, GERMAN, params=AlignParams(), **kwargs)  # type: ignore[arg-type]
    assert _pairs(with_term) == _pairs(plain)


def test_excerpt_mode_does_not_use_the_dictionary(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(freedict, "word_pairs", lambda *a, **k: pytest.fail("excerpt mode read the dictionary"))
    align(FRENCH[:1], GERMAN, embedder=NoiseEmbedder(), mode="excerpt", params=LEXICAL, derivative_lang="fr",
          original_lang="de")
