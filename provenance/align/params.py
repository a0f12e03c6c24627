"""Alignment weights and the bead types (shared by every stage of the aligner)."""

from __future__ import annotations

from dataclasses import dataclass

ALIGN_VERSION = "1.5"  # 1.3: with a memory, document mode fixes sure 1:1 pairs by rapidfuzz (align/memory.py); 1.4:
# runs of two sure pairs are enough where no merge reads closer; 1.5: and again inside the windows between fixed beads
SMALL_PAIRS = 400  # below this many sentence pairs the unrelated level is blended with a prior
PRIOR_WEIGHT = 30.0
EXCERPT_MAX = 40  # auto mode: derivatives up to this many sentences are aligned as excerpts

BEAD_TYPES: tuple[tuple[int, int], ...] = (
    (1, 1),
    (1, 2),
    (2, 1),
    (1, 3),
    (3, 1),
    (2, 2),
    (2, 3),
    (3, 2),
    (1, 4),
    (4, 1),
)


@dataclass(frozen=True)
class AlignParams:
    """Tunable weights. The document-mode weights were tuned on the Text+Berg dev document, the dictionary
    weights on it and on WMT dev (see benchmarks/alignment.py); the excerpt-mode costs were set by hand
    on handmade German-English examples like those in tests/test_align.py (there is no gold set of
    reordered quotes)."""

    null: float = 0.2  # cost of an insertion or deletion bead
    merge: float = 0.1  # cost per extra sentence in an n:m bead
    length: float = 0.1  # weight of the length-ratio penalty
    anchor: float = 0.1  # weight of shared numbers / names / quotes
    fuzz: float = 0.3  # weight of the rapidfuzz similarity to a known translation
    cover: float = 0.25  # penalty weight when a sentence in a merged bead matches nothing
    cover_min: float = 0.3  # ... i.e. its best calibrated 1:1 similarity inside the bead is below this
    weight: float = 0.5  # a bead's value grows by this fraction of its score per extra sentence
    band: int = 8  # half-width of the band in document mode
    top_k: int = 3  # first-pass candidates per derivative sentence (document mode)
    excerpt_k: int = 6  # candidates per derivative sentence (excerpt mode)
    excerpt_cover: float = 1.5  # excerpt and auto modes: ``cover`` (a merge must not hide an omission)
    excerpt_min: float = 0.2  # excerpt mode: similarity a bead needs to beat an insertion ...
    excerpt_rel: float = 0.35  # ... or this share of the median best similarity, when higher
    excerpt_null: float = 0.0  # excerpt mode: cost of an insertion (a quote may add a sentence)
    skip: float = 0.02  # excerpt mode: cost per original sentence skipped forwards
    max_skip: int = 12  # excerpt mode: forward skips beyond this count as a jump
    reorder: float = 0.08  # excerpt mode: cost of a backward or long jump
    paragraph: float = 0.1  # cost of a merged bead across paragraphs; excerpt jumps to a far paragraph
    null_short: float = 0.3  # document mode: dropping a fragment with few letters costs up to this share less
    short_letters: int = 20  # ... a fragment: fewer letters than this (OCR debris, page numbers, captions)
    local: float = 0.5  # document mode: share of the per-sentence unrelated level in calibration (hubs)
    scorer: str = "value"  # document mode: "value" (the bead value above) or "margin" (Bertalign-style, opt-in)
    margin_skip: float = 0.1  # margin scorer: cost of an insertion or deletion (Bertalign's defaults, untuned)
    margin_window: int = 5  # margin scorer: the band reaches this many sentences beyond neighbouring anchors
    # document mode, when both languages are given and a FreeDict dictionary is installed: weight of the share of
    # content words that a word of the other side translates or repeats (tuned on Text+Berg dev + WMT dev) ...
    lexical: float = 0.1
    lexical_base: float = 0.3  # ... the share at which the term is neutral
    lexical_cover: float = 0.5  # penalty weight when a sentence of a merged bead shares few words with the other side
    lexical_cover_min: float = 0.12  # ... i.e. less than this share of its content words
    # document mode with known translations: a mutual best rapidfuzz match at least this similar (0: off) ...
    memory_fuzz: float = 0.6
    memory_margin: float = 0.1  # ... and this far ahead of the runner-up is sure (see align/memory.py)
    memory_window_fuzz: float = 0.45  # ... and inside a window between fixed beads, this similar (0: no second pass)


DEFAULT_PARAMS = AlignParams()
