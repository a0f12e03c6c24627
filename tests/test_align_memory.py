"""With a translation memory, document alignment fixes the sure 1:1 pairs by rapidfuzz and embeds only the rest."""

from __future__ import annotations

import zlib

import numpy as np

from provenance.align import AlignParams, align
from provenance.align.features import reference_sentences
from provenance.align.memory import Window, fixed_pairs, fuzz_matrix, windows
from provenance.model import Bead

WORDS = [
    "river", "bridge", "mayor", "council", "budget", "school", "harbour", "train", "market", "winter",
    "police", "museum", "farmer", "tower", "storm", "garden", "doctor", "station", "village", "factory",
    "opened", "closed", "built", "sold", "found", "lost", "repaired", "visited", "praised", "blamed",
    "yesterday", "quietly", "again", "early", "late", "suddenly", "slowly", "after", "before", "during",
]


def english(k: int) -> str:
    """A distinct sentence per index (the known translation of original sentence k)."""
    rng = np.random.default_rng(k)
    return f"The {' '.join(rng.choice(WORDS, 9))} in {1990 + k}."


def german(k: int) -> str:
    return " ".join(word[::-1] for word in english(k).split())


class CountingEmbedder:
    """Bag of words hashed into 512 dimensions; counts the texts it embeds."""

    name = "counting-hash"

    def __init__(self) -> None:
        self.texts: list[str] = []

    def embed(self, texts: list[str]) -> np.ndarray:
        self.texts += texts
        out = np.full((len(texts), 512), 0.05, dtype=np.float32)
        for row, text in enumerate(texts):
            for word in text.lower().split():
                out[row, zlib.crc32(word.strip(".,:").encode()) % 512] += 1.0
        return out / np.linalg.norm(out, axis=1, keepdims=True)


def _document() -> tuple[list[str], list[str], list[str]]:
    """60 original sentences with their translations; the passage renders them, but leaves out original 30,
    adds a sentence of its own after original 44, and splits original 50 in two."""
    original = [german(k) for k in range(60)]
    translations = [english(k) for k in range(60)]
    derivative = []
    for k in range(60):
        if k == 30:
            continue
        if k == 50:
            words = translations[k].split()
            derivative += [" ".join(words[:5]) + ".", " ".join(words[5:])]
            continue
        derivative.append(translations[k].replace("The ", "A ") if k % 3 == 0 else translations[k])
        if k == 44:
            derivative.append("Our reporter could not reach anyone for comment on Sunday evening.")
    return derivative, original, translations


def _diagonal(size: int, value: float = 0.9) -> np.ndarray:
    fuzz = np.full((size, size), 0.1, dtype=np.float32)
    np.fill_diagonal(fuzz, value)
    return fuzz


def test_a_sure_pair_is_fixed_when_a_sure_neighbour_confirms_it() -> None:
    texts = [english(k) for k in range(8)]
    fuzz = _diagonal(8, 1.0)  # each passage sentence is its translation, word for word
    fuzz[5, 5] = 0.5  # too different from its translation to be sure: it breaks the run
    fuzz[7, 6] = fuzz[6, 7] = 0.95  # 6 and 7 each have a close runner-up: unsure
    whole_texts_only = AlignParams(memory_window_fuzz=0.0)  # the first pass, over the whole texts
    # 0-4 is a run; 4 sits at its edge, and joined with its unsure neighbour neither text reads closer
    assert fixed_pairs(fuzz, whole_texts_only, texts, texts) == [(0, 0), (1, 1), (2, 2), (3, 3), (4, 4)]
    assert fixed_pairs(fuzz, AlignParams(memory_fuzz=0.0), texts, texts) == []  # switched off
    fuzz[2, 3] = 0.95  # a close runner-up makes (2, 2) unsure, and with it (3, 3): 4 is left alone
    assert fixed_pairs(fuzz, whole_texts_only, texts, texts) == [(0, 0), (1, 1)]


def test_inside_a_window_between_fixed_beads_a_clear_best_pair_is_fixed_too() -> None:
    texts = [english(k) for k in range(9)]
    fuzz = _diagonal(9, 1.0)
    fuzz[4, 4] = 0.5  # loosely rendered: not sure over the whole texts (under memory_fuzz)
    fuzz[6, 6] = 0.7
    fuzz[6, 1] = 0.65  # a runner-up far away, outside the window that fixed beads 5 and 7 leave around 6
    whole_texts_only = AlignParams(memory_window_fuzz=0.0)
    assert (4, 4) not in fixed_pairs(fuzz, whole_texts_only, texts, texts)
    assert (6, 6) not in fixed_pairs(fuzz, whole_texts_only, texts, texts)
    assert fixed_pairs(fuzz, AlignParams(), texts, texts) == [(k, k) for k in range(9)]  # nothing left to embed
    fuzz[4, 4] = 0.4  # too different from its translation even there: left to the aligner
    assert (4, 4) not in fixed_pairs(fuzz, AlignParams(), texts, texts)


def test_inside_a_window_a_pair_that_is_not_each_others_best_over_the_whole_texts_is_left_to_the_aligner() -> None:
    texts = [english(k) for k in range(9)]
    fuzz = _diagonal(9, 1.0)
    # the passage replaced sentence 4 with one of its own: alone in its window with the omitted original 4, the two
    # look alike by chance, but the added sentence reads closer still to translation 7, which passage sentence 7 renders
    fuzz[4, 4], fuzz[4, 7] = 0.5, 0.55
    assert (4, 4) not in fixed_pairs(fuzz, AlignParams(), texts, texts)
    fuzz[4, 7] = 0.3
    assert (4, 4) in fixed_pairs(fuzz, AlignParams(), texts, texts)


def test_inside_a_window_a_pair_with_a_close_runner_up_there_is_left_to_the_aligner() -> None:
    texts = [english(k) for k in range(9)]
    fuzz = _diagonal(9, 1.0)
    fuzz[4, 4], fuzz[5, 5] = 0.5, 0.5
    fuzz[4, 5] = fuzz[5, 4] = 0.45  # inside the window 4-5 each has a close runner-up: unsure
    pairs = fixed_pairs(fuzz, AlignParams(), texts, texts)
    assert (4, 4) not in pairs and (5, 5) not in pairs


def test_a_sure_pair_next_to_a_split_is_left_to_the_aligner() -> None:
    translations = [english(k) for k in range(8)]
    words = translations[4].split()
    # passage sentence 4 renders the first half of translation 4, sentence 5 the rest: the pair (4, 4) may still
    # look sure, but the two passage sentences joined read closer to translation 4 than sentence 4 alone
    derivative = [*translations[:4], " ".join(words[:6]), " ".join(words[6:]), *translations[5:]]
    fuzz = fuzz_matrix(derivative, translations)
    assert fuzz[4, 4] >= 0.6  # sure by itself (each is the other's best match)
    pairs = fixed_pairs(fuzz, AlignParams(), derivative, translations)
    assert (3, 3) in pairs and (4, 4) not in pairs


def test_fixed_pairs_keep_the_order_of_both_texts() -> None:
    fuzz = np.full((8, 8), 0.1, dtype=np.float32)
    for i in range(4):  # the passage tells the second half of the original first
        fuzz[i, i + 4] = fuzz[i + 4, i] = 0.9
    texts = [english(k) for k in range(8)]
    pairs = fixed_pairs(fuzz, AlignParams(), texts, texts)
    assert len(pairs) == 4 and [j for _i, j in pairs] == sorted(j for _i, j in pairs)  # one run fixed, one left


def test_windows_cover_everything_between_fixed_pairs() -> None:
    assert windows([(1, 1), (2, 2), (5, 6)], 7, 8) == [
        Window(0, 1, 0, 1), Window(2, 2, 2, 2), Window(3, 5, 3, 6), Window(6, 7, 7, 8)]


def test_a_memory_embeds_only_the_unsure_windows_and_finds_the_same_beads() -> None:
    derivative, original, translations = _document()
    full, anchored = CountingEmbedder(), CountingEmbedder()
    kwargs = {"translations": translations}  # auto mode, as `check` aligns: a document with free ends
    everything = align(derivative, original, embedder=full, params=AlignParams(memory_fuzz=0.0), **kwargs)
    beads = align(derivative, original, embedder=anchored, **kwargs)
    assert len(full.texts) == len(derivative) + 2 * len(original)
    sentences = [t for t in anchored.texts if t not in reference_sentences()]  # small windows calibrate on those
    assert len(sentences) < len(full.texts) / 5  # only around the edges, the omission, the addition and the split
    pairs = [(b.derivative, b.original) for b in beads]
    assert pairs == [(b.derivative, b.original) for b in everything]
    assert ((), (30,)) in pairs  # the omitted original sentence
    assert ((44,), ()) in pairs  # the reporter's own sentence
    assert ((50, 51), (50,)) in pairs  # one original sentence rendered as two
    covered = sorted(i for b in beads for i in b.derivative)
    assert covered == list(range(len(derivative)))


def test_a_fixed_bead_scores_its_similarity_to_the_known_translation() -> None:
    derivative, original, translations = _document()
    beads = align(derivative, original, embedder=CountingEmbedder(), translations=translations)
    fixed = next(b for b in beads if b.derivative == (10,))
    assert fixed == Bead((10,), (10,), 1.0)  # passage sentence 10 is translation 10, word for word
