"""The opt-in Bertalign-style scorer for whole documents (``AlignParams(scorer="margin")``)."""

from __future__ import annotations

import numpy as np
import pytest

from provenance.align import AlignParams, align
from provenance.embed import Embedder
from provenance.errors import AlignmentError
from provenance.model import Bead
from tests.test_align import ENGLISH, ORIGINAL, HashEmbedder, check_invariants, e5, pairs  # noqa: F401

MARGIN = AlignParams(scorer="margin")


class RecordingEmbedder(HashEmbedder):
    """The hashing embedder, remembering every text it was asked for."""

    def __init__(self) -> None:
        self.seen: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.seen.extend(texts)
        return super().embed(texts)


def test_margin_scorer_aligns_one_to_one_and_finds_a_merge(e5: Embedder) -> None:  # noqa: F811
    assert pairs(align(ENGLISH, ORIGINAL, embedder=e5, mode="document", params=MARGIN)) == [
        ((i,), (i,)) for i in range(7)
    ]
    derivative = [
        ENGLISH[0],
        "The construction work had taken almost three years and cost 45 million euros.",
        *ENGLISH[3:],
    ]
    beads = align(derivative, ORIGINAL, embedder=e5, mode="document", params=MARGIN)
    assert ((1,), (1, 2)) in pairs(beads)
    check_invariants(beads, len(derivative))


def test_margin_scorer_embeds_the_joined_text_of_neighbouring_sentences() -> None:
    original = ["Erster Satz hier.", "Zweiter Satz dort.", "Dritter Satz am Ende.", "Vierter und letzter."]
    derivative = ["First sentence here.", "Second sentence there.", "Third sentence at the end."]
    recorder = RecordingEmbedder()
    align(derivative, original, embedder=recorder, mode="document", params=MARGIN)
    assert "Erster Satz hier. Zweiter Satz dort." in recorder.seen
    assert " ".join(original) in recorder.seen  # runs of up to four sentences
    assert " ".join(derivative) in recorder.seen
    # the default scorer approximates merged sentences by summed vectors: nothing joined is embedded
    default = RecordingEmbedder()
    align(derivative, original, embedder=default, mode="document")
    assert "Erster Satz hier. Zweiter Satz dort." not in default.seen
    assert " ".join(derivative) not in default.seen


def test_margin_scorer_leaves_excerpt_mode_alone() -> None:
    original = [f"Satz Nummer {k} über das Thema {k}." for k in range(30)]
    derivative = [f"Satz Nummer {k} über das Thema {k}." for k in (12, 13, 14)]
    recorder = RecordingEmbedder()
    beads = align(derivative, original, embedder=recorder, mode="excerpt", params=MARGIN)
    assert beads == align(derivative, original, embedder=HashEmbedder(), mode="excerpt")
    assert all(" Satz" not in text for text in recorder.seen)  # no joined runs


def test_margin_scorer_keeps_a_long_document_complete_with_insertions() -> None:
    rng = np.random.default_rng(3)
    vocab = [f"w{k}" for k in range(2000)]
    original = [" ".join(rng.choice(vocab, 8)) for _ in range(200)]
    derivative = list(original)
    for pos in (150, 60):
        derivative.insert(pos, " ".join(rng.choice(vocab, 8)))
    beads = align(derivative, original, embedder=HashEmbedder(), mode="document", params=MARGIN)
    check_invariants(beads, len(derivative))
    assert Bead((60,), (), 0.0) in beads
    assert sum(1 for b in beads if len(b.derivative) == 1 and len(b.original) == 1) >= 195
    assert sorted(j for b in beads for j in b.original) == list(range(200))


def test_unknown_scorer_is_an_alignment_error() -> None:
    with pytest.raises(AlignmentError, match="scorer"):
        align(["a"], ["b"], embedder=HashEmbedder(), params=AlignParams(scorer="bert"))
