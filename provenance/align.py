"""Sentence alignment between a derivative (a translated passage or document) and its original.

Similarity
    Every sentence is embedded once (cross-lingual e5, see embed.py). A bead that merges several
    consecutive sentences on one side is represented by the normalised sum of their vectors, so no
    long strings are embedded. Raw e5 cosines are high for any pair (unrelated sentences score about
    0.8), so they are calibrated per alignment: ``x = (cos - base) / (1 - base)`` with ``base`` the mean
    cosine of all pairs; related pairs then score about 0.5, unrelated ones about 0. When there are
    few pairs (a one-sentence quote), most of them may be true matches, so ``base`` is blended with
    the level measured against a fixed set of unrelated reference sentences (data/reference_sentences.txt).
    In document mode (many pairs) half of ``base`` is replaced by a per-pair level, the mean of the
    two blocks' average cosines to every block of the other side (the dot product with the other
    side's mean vector, so it costs O(n)): vague sentences and OCR debris that resemble everything
    (hubs) are calibrated down, as in Vecalign's normalisation by random sentences. When known
    translations of the original sentences are given, their (same-language) embedding cosine is
    averaged in and a rapidfuzz character similarity adds a bonus. Language-independent anchors
    (numbers, capitalised names folded to Latin script, short quoted strings) that both sides share
    add a bonus; a length-ratio term (characters, relative to the document's overall ratio)
    penalises implausible beads, as in Gale-Church.

Dictionary term (document mode, when ``derivative_lang`` and ``original_lang`` are given and a FreeDict
    dictionary for the pair is installed; see lang/freedict.py)
    Every number and every word of three letters or more that is not frequent in its document (a
    function word) gets a set of keys: itself, its simplemma lemma and their dictionary translations,
    folded like anchors; an unknown German or Dutch compound is looked up by its longest known tail.
    A word of one block is covered when it shares a key with a word of the other block, so
    translations (either direction's dictionary), repeated names and numbers all count. A bead gains
    ``lexical * (share - lexical_base)`` with ``share`` the covered fraction of both blocks' words
    (hunalign's idea), and a merged bead pays ``lexical_cover`` when one of its sentences has less
    than ``lexical_cover_min`` of its words covered: e5 often finds an untranslated neighbour similar
    enough to merge, the words rarely agree. Coverage is computed as bit masks per sentence pair
    inside the band only.

Bead value
    ``value(a:b) = (x + anchors - length) * (1 + weight * (a + b - 2)) - merge * (a + b - 2)`` for
    beads with sentences on both sides (1:1, 1:2, 2:1, 1:3, 3:1, 2:2, 2:3, 3:2, 1:4, 4:1: at most
    five sentences, as in Bertalign), and ``-null`` for insertions ``[k] -> []`` and deletions
    ``[] -> [i]``; in document mode a fragment with few letters (page numbers, OCR debris,
    ``short_letters``) is up to ``null_short`` cheaper to leave unmatched. Merged vectors of
    unrelated sentences are closer to each other than single ones, so ``base`` is measured per bead
    type. A merged bead also pays when one of its sentences matches
    nothing on the other side (its best 1:1 similarity inside the bead is low: the merge would hide
    an insertion or deletion) and when it spans a paragraph boundary (paragraphs are soft anchors).
    The aligner maximises the total value (weights: ``AlignParams``).

Two modes (``mode="auto"`` picks one)
    document: both sides are whole texts in the same order (the Vecalign/Bertalign setting).
        First pass: the top-3 originals of each derivative sentence are candidate 1:1 anchors; the
        heaviest monotone chain of anchors (a weighted longest increasing subsequence, Fenwick
        tree, O(n log m)) fixes the diagonal. Second pass: a dynamic program over all bead types
        restricted to a band around that diagonal (interpolated between anchors), vectorised per row:
        near-linear in the length, every original sentence covered.
    excerpt: the derivative is a short passage quoting a stretch of a long original, possibly out of
        order (a quote may use original sentences 3, 9 and 4). Each derivative sentence gets its
        best original candidates (top-k by similarity, plus the neighbours needed for 1:n beads).
        A dynamic program over derivative positions keeps, as state, the last original sentence
        used. Continuing with the next original sentence costs nothing; skipping forward costs a
        little per skipped sentence (quotes leave sentences out); going backwards or jumping far
        costs a fixed reorder penalty (forbidden with ``allow_reorder=False``). A bead must be clearly
        similar (``excerpt_min``, or a share of the median best similarity, whichever is higher) to
        beat an insertion, so an added sentence next to an omitted one is not forced into a bead.
        Paragraph indices, when given, act as soft anchors: jumping to a paragraph that is not the
        same or the next one costs extra.
        Originals skipped inside the matched stretch become deletion beads; originals outside it are
        not reported (the passage only quotes part of the article).
    document, ``scorer="margin"`` (opt-in): a Bertalign-style scorer for whole documents. The joined
        text of every run of two to four sentences is embedded for real (about four times the
        embedding work); a bead scores once, whatever its size: the cosine of the two joined texts minus
        their mean cosine with the sentences just outside the other block (a local margin), times
        log2(1 + shorter/longer) of the ratio-corrected byte lengths; insertions and deletions cost
        ``margin_skip``. The band runs from ``margin_window`` sentences before one first-pass anchor
        (top-k raw cosines) to as far after the next. Anchors, known translations and paragraphs are
        not used. On Text+Berg it is worse than the default on dev and better on the held-out files
        (docs/benchmarks.md); the default stays the dev-selected one.
    auto (the default) checks a quote: excerpt mode for derivatives up to 40 sentences or half the
        original, otherwise document mode with free ends (originals before the first and after the
        last match cost nothing and are not reported). Both use a stronger coverage penalty than
        whole-document alignment: a merge hiding an omitted sentence is worse than a split fragment.

Beads cover every derivative sentence exactly once and every original sentence at most once, and
are sorted by derivative index (deletions sit after the bead preceding them in the original).
``Bead.score`` is the calibrated similarity in [0, 1] for matched beads and 0 for null beads.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Sequence
from dataclasses import dataclass, replace
from functools import lru_cache

import numpy as np

from provenance.embed import Embedder
from provenance.errors import AlignmentError
from provenance.model import Bead

ALIGN_VERSION = "1.2"
_SMALL_PAIRS = 400  # below this many sentence pairs the unrelated level is blended with a prior
_PRIOR_WEIGHT = 30.0
_EXCERPT_MAX = 40  # auto mode: derivatives up to this many sentences are aligned as excerpts

_BEAD_TYPES: tuple[tuple[int, int], ...] = (
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


DEFAULT_PARAMS = AlignParams()


# --------------------------------------------------------------------------- anchors

_NUMBER = re.compile(r"\d+(?:[.,'\u00a0\u202f ]\d{3})*(?:[.,]\d+)?")
_CAPWORD = re.compile(r"\b[^\W\d_][\w'’-]*")
_QUOTED = re.compile(r"[\"“„«‹‚‘]\s*([^\"“”„«»‹›‚‘’]{1,60}?)\s*[\"”“»›’‘]")
_CYRILLIC = str.maketrans(
    {
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "е": "e", "ё": "e", "є": "ie", "ж": "zh",
        "з": "z", "и": "i", "і": "i", "ї": "i", "й": "i", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o",
        "п": "p", "р": "r", "с": "s", "т": "t", "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh",
        "щ": "shch", "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "iu", "я": "ia",
    }
)  # fmt: skip


@lru_cache(maxsize=65536)
def fold(word: str) -> str:
    """Lower case, Latin script, no diacritics: "Selenskyj", "Зеленський" and "Zelensky" come close."""
    w = word.lower().translate(_CYRILLIC)
    w = unicodedata.normalize("NFKD", w)
    w = "".join(ch for ch in w if not unicodedata.combining(ch) and ch.isalnum())
    # common transliteration variants collapse to one spelling
    for a, b in (("sch", "sh"), ("tsch", "ch"), ("j", "i"), ("y", "i"), ("w", "v"), ("kh", "h"), ("ck", "k")):
        w = w.replace(a, b)
    return w


def _number_key(raw: str) -> str:
    digits = re.sub(r"[.,'\u00a0\u202f ]", "", raw)
    if re.fullmatch(r"\d{1,3}(?:[.,'\u00a0\u202f ]\d{3})+", raw):
        return digits  # thousands separators of any convention
    return raw.replace(",", ".")


def anchors(sentence: str) -> frozenset[str]:
    """Language-independent tokens that a translation keeps: numbers, names, short quotes."""
    keys: set[str] = set()
    for m in _NUMBER.finditer(sentence):
        keys.add("n:" + _number_key(m.group(0).strip()))
    for k, m in enumerate(_CAPWORD.finditer(sentence)):
        word = m.group(0)
        if k == 0 or len(word) < 3 or not word[0].isupper():
            continue  # sentence-initial capitals say nothing
        keys.add("w:" + fold(word)[:5])
    for m in _QUOTED.finditer(sentence):
        inner = m.group(1)
        if len(inner.split()) <= 4:
            keys.add("q:" + fold(inner)[:12])
    return frozenset(keys)


def _anchor_shared(der: Sequence[frozenset[str]], ori: Sequence[frozenset[str]]) -> np.ndarray:
    """Dense (n, m) count of shared anchors, built from an inverted index (sparse in practice)."""
    shared = np.zeros((len(der), len(ori)), dtype=np.float32)
    index: dict[str, list[int]] = {}
    for j, keys in enumerate(ori):
        for key in keys:
            index.setdefault(key, []).append(j)
    for i, keys in enumerate(der):
        for key in keys:
            cols = index.get(key)
            if cols and len(cols) <= 20:  # an anchor found everywhere anchors nothing
                shared[i, cols] += 1.0
    return shared


# --------------------------------------------------------------------------- features


@dataclass
class _Features:
    """Everything the bead scorer needs, precomputed once per alignment."""

    d_blocks: dict[int, np.ndarray]  # a -> (n - a + 1, dim) merged derivative vectors
    o_blocks: dict[int, np.ndarray]
    t_blocks: dict[int, np.ndarray] | None  # merged vectors of known translations
    base: dict[tuple[int, int], float]  # mean cosine of unrelated blocks, per bead type
    t_base: dict[tuple[int, int], float]
    d_len: np.ndarray  # prefix sums of character lengths
    o_len: np.ndarray
    log_ratio: float
    shared: np.ndarray  # 2-D prefix sums of shared anchors, (n + 1, m + 1)
    d_anchor: np.ndarray  # prefix sums of anchor counts
    o_anchor: np.ndarray
    fuzz: np.ndarray | None  # (n, m) rapidfuzz similarity in [0, 1] to the known translations
    single: np.ndarray  # (n, m) calibrated 1:1 similarity, for the coverage check of merged beads
    d_par: np.ndarray | None  # paragraph index per sentence
    o_par: np.ndarray | None
    d_level: dict[tuple[int, int], np.ndarray] | None = None  # per-block unrelated level, per bead type
    o_level: dict[tuple[int, int], np.ndarray] | None = None
    local: float = 0.0
    d_letters: np.ndarray | None = None  # letters per sentence
    o_letters: np.ndarray | None = None
    margin: _MarginData | None = None  # set for the opt-in margin scorer
    lex: _LexData | None = None  # set when the dictionary term is on (document mode)


@dataclass
class _MarginData:
    """Vectors of the joined text of every run of up to four sentences (the margin scorer)."""

    d_real: dict[int, np.ndarray]  # a -> (n - a + 1, dim), block starting at each sentence
    o_real: dict[int, np.ndarray]
    d_bytes: np.ndarray  # prefix sums of UTF-8 lengths (+1 for the joining space)
    o_bytes: np.ndarray
    char_ratio: float  # original bytes per derivative byte over the whole documents


@dataclass
class _LexData:
    """Content words of every sentence as sets of keys in the derivative's language, and which words of
    each sentence a sentence on the other side covers (bit masks, filled inside the band)."""

    d_keys: list[list[frozenset[str]]]  # per derivative sentence, per content word (at most 64)
    o_keys: list[list[frozenset[str]]]  # per original sentence: the word itself and its dictionary translations
    d_union: list[frozenset[str]]
    o_union: list[frozenset[str]]
    d_words: np.ndarray  # prefix sums of content-word counts
    o_words: np.ndarray
    d_mask: np.ndarray  # (n, m) uint64: words of derivative sentence i found in original sentence j
    o_mask: np.ndarray  # (n, m) uint64: words of original sentence j found in derivative sentence i


_LEX_WORD = re.compile(r"[^\W\d_]{3,}|\d+(?:[.,]\d+)*")


def _content_words(sentences: Sequence[str], lang: str) -> list[list[tuple[str, str]]]:
    """(surface, lemma) of the numbers and words of three letters or more; those found in many sentences
    of the document (more than a tenth, at least four) are function words here and dropped."""
    from provenance.lang.lemmas import lemma

    tokens = [[(w, lemma(w, lang).lower()) for w in _LEX_WORD.findall(s)] for s in sentences]
    df: dict[str, int] = {}
    for sent in tokens:
        for lem in {lem for _, lem in sent}:
            df[lem] = df.get(lem, 0) + 1
    limit = max(4.0, 0.1 * len(sentences))
    return [[(w, lem) for w, lem in sent if df[lem] <= limit][:64] for sent in tokens]


_COMPOUNDING = frozenset({"de", "nl"})  # languages that write compounds as one word


def _word_keys(word: str, lem: str, pairs: dict[str, tuple[str, ...]], compounds: bool) -> frozenset[str]:
    """The word, its lemma and their dictionary translations, folded; an unknown compound is looked up by
    its longest known tail (Kurzarbeits|entschädigung)."""
    low = word.lower()
    found = pairs.get(lem, ()) + pairs.get(low, ())
    keys = {fold(word), fold(lem)}
    if not found and compounds and len(low) >= 8:
        for cut in range(2, len(low) - 3):
            tail = low[cut:]
            if tail in pairs:
                keys.add(fold(tail))
                found = pairs[tail]
                break
    keys.update(fold(t) for t in found)
    return frozenset(keys)


def version_tag(derivative_lang: str | None, original_lang: str | None, params: AlignParams | None = None) -> str:
    """ALIGN_VERSION, plus '+freedict' where document mode would use the dictionary term for this pair: the
    same version aligns differently with and without the dictionary installed."""
    from provenance.lang.freedict import available

    params = params or DEFAULT_PARAMS
    used = bool(params.lexical > 0.0 and derivative_lang and original_lang
                and available(original_lang, derivative_lang))
    return ALIGN_VERSION + ("+freedict" if used else "")


def _lex_data(
    derivative: Sequence[str], original: Sequence[str], derivative_lang: str, original_lang: str
) -> _LexData | None:
    """Keys for the dictionary term, or None when no FreeDict dictionary covers the two languages. Both
    sides get their words' translations, so a pair matches through the dictionary of either direction."""
    from provenance.lang.freedict import word_pairs
    from provenance.lang.lemmas import cache_root

    o_pairs = word_pairs(original_lang, derivative_lang, cache_dir=cache_root())
    d_pairs = word_pairs(derivative_lang, original_lang, cache_dir=cache_root())
    if not o_pairs and not d_pairs:
        return None
    d_keys = [
        [_word_keys(w, lem, d_pairs, derivative_lang in _COMPOUNDING) for w, lem in sent]
        for sent in _content_words(derivative, derivative_lang)
    ]
    o_keys = [
        [_word_keys(w, lem, o_pairs, original_lang in _COMPOUNDING) for w, lem in sent]
        for sent in _content_words(original, original_lang)
    ]
    n, m = len(derivative), len(original)
    return _LexData(
        d_keys=d_keys,
        o_keys=o_keys,
        d_union=[frozenset().union(*sent) for sent in d_keys],
        o_union=[frozenset().union(*sent) for sent in o_keys],
        d_words=_prefix([len(sent) for sent in d_keys]),
        o_words=_prefix([len(sent) for sent in o_keys]),
        d_mask=np.zeros((n, m), dtype=np.uint64),
        o_mask=np.zeros((n, m), dtype=np.uint64),
    )


def _fill_lex_masks(lex: _LexData, lo: np.ndarray, hi: np.ndarray) -> None:
    """Word coverage masks for the cells that beads inside the band (rows lo..hi) can touch."""
    n = len(lex.d_keys)
    m = len(lex.o_keys)
    for i in range(n):
        j_lo, j_hi = int(lo[max(0, i - 4)]), int(min(m, hi[min(n, i + 5)] + 1))
        d_words, d_union = lex.d_keys[i], lex.d_union[i]
        for j in range(j_lo, j_hi):
            o_union = lex.o_union[j]
            if d_union.isdisjoint(o_union):
                continue
            lex.d_mask[i, j] = sum(1 << k for k, keys in enumerate(d_words) if not keys.isdisjoint(o_union))
            lex.o_mask[i, j] = sum(1 << k for k, keys in enumerate(lex.o_keys[j]) if not keys.isdisjoint(d_union))


def _lex_coverage(
    lex: _LexData, rows: np.ndarray, cols: np.ndarray, i0: np.ndarray, a: int, j0: np.ndarray, b: int
) -> tuple[np.ndarray, np.ndarray]:
    """Share of the content words of both blocks that a word of the other block translates (or repeats),
    and the lowest such share of a single sentence in the bead (a sentence without content words counts 1)."""
    covered_d = np.bitwise_count(np.bitwise_or.reduce(lex.d_mask[rows, cols], axis=2))  # (k, a)
    covered_o = np.bitwise_count(np.bitwise_or.reduce(lex.o_mask[rows, cols], axis=1))  # (k, b)
    total = (lex.d_words[i0 + a] - lex.d_words[i0]) + (lex.o_words[j0 + b] - lex.o_words[j0])
    share = (covered_d.sum(axis=1) + covered_o.sum(axis=1)).astype(np.float64) / np.maximum(total, 1.0)
    d_count = np.diff(lex.d_words)[rows[:, :, 0]]
    o_count = np.diff(lex.o_words)[cols[:, 0, :]]
    worst = np.minimum(
        np.where(d_count > 0, covered_d / np.maximum(d_count, 1.0), 1.0).min(axis=1),
        np.where(o_count > 0, covered_o / np.maximum(o_count, 1.0), 1.0).min(axis=1),
    )
    return share, worst


def _blocks(vectors: np.ndarray, sizes: Sequence[int], weights: np.ndarray | None = None) -> dict[int, np.ndarray]:
    """Merged vectors of every run of ``a`` consecutive sentences, a weighted sum renormalised."""
    out: dict[int, np.ndarray] = {}
    weighted = vectors if weights is None else vectors * weights[:, None].astype(np.float32)
    cum = np.vstack([np.zeros((1, vectors.shape[1]), dtype=np.float32), np.cumsum(weighted, axis=0)])
    for a in sorted(set(sizes)):
        if a > len(vectors):
            out[a] = np.zeros((0, vectors.shape[1]), dtype=np.float32)
            continue
        merged = cum[a:] - cum[:-a]
        norms = np.linalg.norm(merged, axis=1, keepdims=True)
        out[a] = (merged / np.maximum(norms, 1e-9)).astype(np.float32)
    return out


def _prefix(values: Sequence[float]) -> np.ndarray:
    return np.concatenate([[0.0], np.cumsum(np.asarray(values, dtype=np.float64))])


def _mean_cos(a: np.ndarray, b: np.ndarray, rng: np.random.Generator) -> float:
    """Mean cosine of all pairs (sampled when large): the 'unrelated' level of this embedder."""
    if len(a) * len(b) > 250_000:
        a = a[rng.choice(len(a), 500, replace=len(a) < 500)]
        b = b[rng.choice(len(b), 500, replace=len(b) < 500)]
    return float(np.mean(a @ b.T)) if len(a) and len(b) else 0.0


def _features(
    derivative: Sequence[str],
    original: Sequence[str],
    d_vec: np.ndarray,
    o_vec: np.ndarray,
    t_vec: np.ndarray | None,
    translations: Sequence[str | None] | None,
    *,
    whole: bool = True,
    d_par: Sequence[int] | None = None,
    o_par: Sequence[int] | None = None,
    ref_vec: np.ndarray | None = None,
    local: float = 0.0,
) -> _Features:
    sizes = sorted({a for a, _ in _BEAD_TYPES} | {b for _, b in _BEAD_TYPES})
    rng = np.random.default_rng(0)
    d_blocks, o_blocks = _blocks(d_vec, sizes), _blocks(o_vec, sizes)
    t_blocks = _blocks(t_vec, sizes) if t_vec is not None else None
    # merged vectors of unrelated blocks are closer to each other than single sentences are (averaging
    # cancels noise), so every bead type gets its own "unrelated" level
    base: dict[tuple[int, int], float] = {}
    t_base: dict[tuple[int, int], float] = {}
    r_blocks = _blocks(ref_vec, sizes) if ref_vec is not None else None

    def level(left: np.ndarray, right: np.ndarray, a: int, b: int) -> float:
        own = _mean_cos(left, right, rng)
        pairs = len(left) * len(right)
        if r_blocks is None or pairs >= _SMALL_PAIRS:
            return min(own, 0.95)
        # few pairs, many of them true matches: lean on the level against unrelated reference text
        prior = (_mean_cos(left, r_blocks[b], rng) + _mean_cos(r_blocks[a], right, rng)) / 2.0
        return min((pairs * own + _PRIOR_WEIGHT * prior) / (pairs + _PRIOR_WEIGHT), 0.95)

    for a, b in _BEAD_TYPES:
        base[(a, b)] = level(d_blocks[a], o_blocks[b], a, b)
        if t_blocks is not None:
            t_base[(a, b)] = level(d_blocks[a], t_blocks[b], a, b)
    d_chars = [len(s) for s in derivative]
    o_chars = [len(s) for s in original]
    # the length ratio of two whole documents is the best prior for their beads; an excerpt says
    # nothing about it, so there a translation is expected to be about as long as its original
    log_ratio = math.log((sum(d_chars) + 1) / (sum(o_chars) + 1)) if whole else 0.0
    d_keys = [anchors(s) for s in derivative]
    o_keys = [anchors(s) for s in original]
    shared = _anchor_shared(d_keys, o_keys)
    shared_prefix = np.zeros((len(derivative) + 1, len(original) + 1), dtype=np.float64)
    shared_prefix[1:, 1:] = np.cumsum(np.cumsum(shared, axis=0), axis=1)
    fuzz_matrix = None
    if translations is not None:
        from rapidfuzz import fuzz, process

        known = [t if t else "" for t in translations]
        fuzz_matrix = process.cdist(
            [s.lower() for s in derivative], [t.lower() for t in known], scorer=fuzz.ratio, dtype=np.float32, workers=1
        ) / np.float32(100.0)
        fuzz_matrix[:, [not t for t in known]] = 0.0
    d_level = o_level = None
    if local > 0.0:
        # the mean cosine of a block to all blocks on the other side is its dot product with their
        # mean vector: a sentence-specific "unrelated" level that tames hubs (CSLS / Vecalign style)
        d_level, o_level = {}, {}
        for a, b in _BEAD_TYPES:
            d_level[(a, b)] = d_blocks[a] @ o_blocks[b].mean(axis=0) if len(o_blocks[b]) else np.zeros(len(d_blocks[a]))
            o_level[(a, b)] = o_blocks[b] @ d_blocks[a].mean(axis=0) if len(d_blocks[a]) else np.zeros(len(o_blocks[b]))
    b11 = base[(1, 1)]
    if d_level is not None and o_level is not None:
        pair = (1.0 - local) * b11 + local * 0.5 * (d_level[(1, 1)][:, None] + o_level[(1, 1)][None, :])
        single = (d_vec @ o_vec.T - pair) / (1.0 - b11)
    else:
        single = (d_vec @ o_vec.T - b11) / (1.0 - b11)
    return _Features(
        d_level=d_level,
        o_level=o_level,
        d_letters=np.asarray([sum(ch.isalpha() for ch in t) for t in derivative], dtype=np.float64),
        o_letters=np.asarray([sum(ch.isalpha() for ch in t) for t in original], dtype=np.float64),
        local=local,
        d_par=np.asarray(d_par, dtype=np.int64) if d_par is not None else None,
        o_par=np.asarray(o_par, dtype=np.int64) if o_par is not None else None,
        single=single,
        d_blocks=d_blocks,
        o_blocks=o_blocks,
        t_blocks=t_blocks,
        base=base,
        t_base=t_base,
        d_len=_prefix(d_chars),
        o_len=_prefix(o_chars),
        log_ratio=log_ratio,
        shared=shared_prefix,
        d_anchor=_prefix([len(k) for k in d_keys]),
        o_anchor=_prefix([len(k) for k in o_keys]),
        fuzz=fuzz_matrix,
    )


def _similarity(f: _Features, i0: np.ndarray, a: int, j0: np.ndarray, b: int) -> np.ndarray:
    """Calibrated similarity of derivative blocks [i0, i0+a) with original blocks [j0, j0+b) (arrays)."""
    u = f.d_blocks[a][i0]
    cos = np.einsum("kd,kd->k", u, f.o_blocks[b][j0])
    base = f.base[(a, b)]
    if f.d_level is not None and f.o_level is not None:
        pair = (1.0 - f.local) * base + f.local * 0.5 * (f.d_level[(a, b)][i0] + f.o_level[(a, b)][j0])
        x = (cos - pair) / (1.0 - base)
    else:
        x = (cos - base) / (1.0 - base)
    if f.t_blocks is not None:
        tcos = np.einsum("kd,kd->k", u, f.t_blocks[b][j0])
        t_base = f.t_base[(a, b)]
        x = 0.5 * x + 0.5 * (tcos - t_base) / (1.0 - t_base)
    return np.clip(x, -1.0, 1.0)


def _bead_values(
    f: _Features, p: AlignParams, i0: int | np.ndarray, a: int, j0: np.ndarray, b: int
) -> tuple[np.ndarray, np.ndarray]:
    """(value, similarity) of beads derivative [i0, i0+a) : original [j0, j0+b); i0 an int or like j0."""
    i0, j0 = np.broadcast_arrays(np.asarray(i0, dtype=np.int64), np.asarray(j0, dtype=np.int64))
    x = _similarity(f, i0, a, j0, b)
    rows = i0[:, None, None] + np.arange(a)[None, :, None]
    cols = j0[:, None, None] + np.arange(b)[None, None, :]
    lex = None
    if f.lex is not None:
        share, worst = _lex_coverage(f.lex, rows, cols, i0, a, j0, b)
        lex = p.lexical * (share - p.lexical_base)
        if a + b > 2:  # a sentence of a merged bead that shares no words with the other side hides a null bead
            lex = lex - p.lexical_cover * np.maximum(p.lexical_cover_min - worst, 0.0)
    if f.margin is not None:
        return _margin_values(f.margin, i0, a, j0, b, lex), x
    i1 = i0 + a
    j1 = j0 + b
    shared = f.shared[i1, j1] - f.shared[i0, j1] - f.shared[i1, j0] + f.shared[i0, j0]
    union = (f.d_anchor[i1] - f.d_anchor[i0]) + (f.o_anchor[j1] - f.o_anchor[j0]) - shared
    anchor = np.where(union > 0, shared / np.maximum(union, 1.0), 0.0)
    d_chars = f.d_len[i1] - f.d_len[i0]
    o_chars = f.o_len[j1] - f.o_len[j0]
    length = np.abs(np.log((d_chars + 10.0) / (o_chars + 10.0)) - f.log_ratio)
    score = x + p.anchor * anchor - p.length * length
    if lex is not None:
        score = score + lex
    if f.fuzz is not None:
        best = f.fuzz[rows, cols].reshape(len(i0), -1).max(axis=1)
        score = score + p.fuzz * np.maximum(best - 0.3, 0.0)
    value = score * (1.0 + p.weight * (a + b - 2)) - p.merge * (a + b - 2)
    if a + b > 2 and f.d_par is not None and f.o_par is not None:
        # paragraph boundaries are soft anchors: a merged bead rarely spans two paragraphs
        crosses = (f.d_par[i0] != f.d_par[i1 - 1]) | (f.o_par[j0] != f.o_par[j1 - 1])
        value = value - p.paragraph * crosses
    if a + b > 2:
        # every sentence of a merged bead must match something on the other side; otherwise the
        # merge only hides an insertion or deletion
        sub = f.single[rows, cols]  # (k, a, b)
        cover = np.minimum(sub.max(axis=2).min(axis=1), sub.max(axis=1).min(axis=1))
        value = value - p.cover * np.maximum(p.cover_min - cover, 0.0)
    return value, x


def _neighbour_cos(vec: np.ndarray, single: np.ndarray, start: np.ndarray, size: int) -> np.ndarray:
    """Mean cosine of each row of ``vec`` with the sentence before and the one after block [start, start+size)."""
    n = len(single)
    left, right = start - 1, start + size
    total = np.zeros(len(vec))
    count = np.zeros(len(vec))
    for idx in (left, right):
        ok = (idx >= 0) & (idx < n)
        total += np.where(ok, np.einsum("kd,kd->k", vec, single[np.clip(idx, 0, n - 1)]), 0.0)
        count += ok
    return total / np.maximum(count, 1.0)


def _margin_values(
    md: _MarginData, i0: np.ndarray, a: int, j0: np.ndarray, b: int, lex: np.ndarray | None = None
) -> np.ndarray:
    """Bertalign-style bead value: cosine of the joined texts minus their mean cosine with the sentences just
    outside the other block, times log2(1 + shorter/longer) of the (ratio-corrected) lengths. Each bead
    scores once whatever its size, so a merge must beat the sum of its parts."""
    u, v = md.d_real[a][i0], md.o_real[b][j0]
    cos = np.einsum("kd,kd->k", u, v)
    near = 0.5 * (_neighbour_cos(u, md.o_real[1], j0, b) + _neighbour_cos(v, md.d_real[1], i0, a))
    d_len = (md.d_bytes[i0 + a] - md.d_bytes[i0]) * md.char_ratio
    o_len = md.o_bytes[j0 + b] - md.o_bytes[j0]
    ratio = np.minimum(d_len, o_len) / np.maximum(np.maximum(d_len, o_len), 1.0)
    margin = cos - near if lex is None else cos - near + lex
    return margin * np.log2(1.0 + ratio)


# --------------------------------------------------------------------------- document mode


def _anchor_chain(sim: np.ndarray, k: int) -> list[tuple[int, int]]:
    """Heaviest chain of (i, j) with i and j strictly increasing among each row's top-k cells."""
    n, m = sim.shape
    k = min(k, m)
    top = np.argpartition(-sim, k - 1, axis=1)[:, :k] if k < m else np.tile(np.arange(m), (n, 1))
    tree = [(0.0, -1)] * (m + 1)  # Fenwick tree over j: best (total, node) ending at column <= j
    nodes: list[tuple[int, int, int]] = []  # (i, j, previous node)

    def query(j: int) -> tuple[float, int]:
        best = (0.0, -1)
        j += 1
        while j > 0:
            if tree[j][0] > best[0]:
                best = tree[j]
            j -= j & -j
        return best

    def update(j: int, value: tuple[float, int]) -> None:
        j += 1
        while j <= m:
            if value[0] > tree[j][0]:
                tree[j] = value
            j += j & -j

    best_end = (0.0, -1)
    for i in range(n):
        row = []
        for j in top[i]:
            w = float(sim[i, j])
            if w <= 0:
                continue
            prev_total, prev_node = query(int(j) - 1)
            row.append((prev_total + w, int(j), prev_node))
        for total, j, prev_node in row:  # update after the row: one anchor per derivative sentence
            nodes.append((i, j, prev_node))
            update(j, (total, len(nodes) - 1))
            if total > best_end[0]:
                best_end = (total, len(nodes) - 1)
    chain = []
    node = best_end[1]
    while node >= 0:
        i, j, node = nodes[node]
        chain.append((i, j))
    return chain[::-1]


def _null_costs(f: _Features, p: AlignParams, size: int, *, original: bool = False) -> np.ndarray:
    """Cost of leaving each sentence unmatched: OCR debris and page furniture (few letters) is cheap to drop."""
    letters = f.o_letters if original else f.d_letters
    if f.margin is not None:
        return np.full(size, p.margin_skip)
    if p.null_short <= 0.0 or letters is None:
        return np.full(size, p.null)
    short = np.maximum(1.0 - letters / max(p.short_letters, 1), 0.0)
    return p.null * (1.0 - p.null_short * short)


def _centre_band(sim1: np.ndarray, p: AlignParams, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Band of ``p.band`` sentences around the line through the first-pass anchors (per DP row 0..n)."""
    chain = _anchor_chain(sim1, p.top_k)
    # band centre per derivative prefix length i (DP coordinates 0..n), through the anchor cells
    xs = [0.0] + [i + 0.5 for i, _ in chain] + [float(n)]
    ys = [0.0] + [j + 0.5 for _, j in chain] + [float(m)]
    centre = np.interp(np.arange(n + 1), xs, ys)
    width = max(p.band, 2)
    # a row also reaches its neighbours' centres, so a run of deletions (a jump of the centre
    # between two rows) stays inside the band
    before = np.concatenate([centre[:1], centre[:-1]])
    after = np.concatenate([centre[1:], centre[-1:]])
    lo = np.clip(np.floor(np.minimum(centre, before) - width).astype(int), 0, m)
    hi = np.clip(np.ceil(np.maximum(centre, after) + width).astype(int), 0, m)
    return lo, hi


def _window_band(md: _MarginData, p: AlignParams, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """Bertalign's second-pass window: rows between two first-pass anchors (top-k raw cosines, heaviest
    monotone chain) reach from ``margin_window`` before the previous anchor's column to as far after
    the next one's."""
    chain = [(i + 1, j + 1) for i, j in _anchor_chain(md.d_real[1] @ md.o_real[1].T, p.top_k)]
    if chain and chain[-1] != (n, m) and (chain[-1][0] == n or chain[-1][1] == m):
        chain.pop()
    if not chain or chain[-1] != (n, m):
        chain.append((n, m))
    lo, hi = np.zeros(n + 1, dtype=int), np.zeros(n + 1, dtype=int)
    prev_i, prev_j = 0, 0
    for i, j in chain:
        lo[prev_i + 1 : i + 1] = max(0, prev_j - p.margin_window)
        hi[prev_i + 1 : i + 1] = min(m, j + p.margin_window)
        prev_i, prev_j = i, j
    lo[0], hi[0] = lo[1] if n else 0, hi[1] if n else m
    return lo, hi


def _align_document(
    n: int, m: int, f: _Features, p: AlignParams, sim1: np.ndarray, *, free_ends: bool = False
) -> list[Bead]:
    if f.margin is not None:
        lo, hi = _window_band(f.margin, p, n, m)
    else:
        lo, hi = _centre_band(sim1, p, n, m)
    # both ends must be reachable
    lo[0], hi[n] = 0, m
    for i in range(1, n + 1):  # keep the band connected so a path always exists
        lo[i] = min(lo[i], hi[i - 1])
    for i in range(n - 1, -1, -1):
        hi[i] = max(hi[i], lo[i + 1])
    if f.lex is not None:
        _fill_lex_masks(f.lex, lo, hi)
    neg = -1e18
    null_d, null_o = _null_costs(f, p, n), _null_costs(f, p, m, original=True)
    # all bead values inside the band, computed per bead type in one vectorised call
    table: dict[tuple[int, int], dict[int, tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]]] = {}
    for a, b in ((1, 0), *_BEAD_TYPES):
        ends, idxs, srcs, bounds = [], [], [], [0]
        for i in range(a, n + 1):
            cols = np.arange(lo[i], hi[i] + 1)
            src = cols - b
            ok = np.nonzero((src >= lo[i - a]) & (src <= hi[i - a]))[0]
            ends.append(np.full(len(ok), i))
            idxs.append(ok)
            srcs.append(src[ok])
            bounds.append(bounds[-1] + len(ok))
        if len(bounds) == 1:
            continue
        end_arr, src_arr = np.concatenate(ends), np.concatenate(srcs)
        if b == 0:
            values, sims_all = -null_d[end_arr - 1], np.zeros(len(end_arr))
        elif len(end_arr):
            values, sims_all = _bead_values(f, p, end_arr - a, a, src_arr, b)
        else:
            values = sims_all = np.zeros(0)
        per_row = {}
        for k, i in enumerate(range(a, n + 1)):
            lo_k, hi_k = bounds[k], bounds[k + 1]
            if hi_k > lo_k:
                per_row[i] = (idxs[k], src_arr[lo_k:hi_k], values[lo_k:hi_k], sims_all[lo_k:hi_k])
        table[(a, b)] = per_row
    score = [np.full(hi[i] - lo[i] + 1, neg) for i in range(n + 1)]
    back: list[np.ndarray] = [np.zeros((hi[i] - lo[i] + 1, 2), dtype=np.int16) for i in range(n + 1)]
    sims: list[np.ndarray] = [np.zeros(hi[i] - lo[i] + 1) for i in range(n + 1)]
    score[0][0] = 0.0
    for i in range(n + 1):
        cols = np.arange(lo[i], hi[i] + 1)
        cur, bk, sm = score[i], back[i], sims[i]
        for (a, b), per_row in table.items():
            entry = per_row.get(i)
            if entry is None:
                continue
            idx, src, v, x = entry
            val = score[i - a][src - lo[i - a]] + v
            better = val > cur[idx]
            if better.any():
                sel = idx[better]
                cur[sel] = val[better]
                bk[sel] = (a, b)
                sm[sel] = x[better]
        # deletions [] -> [j] move along the row; with free ends (the derivative may quote only part
        # of the original) the originals before the first and after the last match cost nothing
        free = free_ends and (i == 0 or i == n)
        for c in range(1, len(cols)):
            val = cur[c - 1] - (0.0 if free else null_o[cols[c] - 1])
            if val > cur[c]:
                cur[c] = val
                bk[c] = (0, 1)
                sm[c] = 0.0
    beads: list[Bead] = []
    i, j = n, m
    while i > 0 or j > 0:
        c = j - lo[i]
        a, b = (int(v) for v in back[i][c])
        if a == 0 and b == 0:  # unreachable: cannot happen with a connected band
            raise AlignmentError("alignment band is disconnected")
        beads.append(
            Bead(tuple(range(i - a, i)), tuple(range(j - b, j)), float(max(sims[i][c], 0.0)) if a and b else 0.0)
        )
        i, j = i - a, j - b
    return beads[::-1]


# --------------------------------------------------------------------------- excerpt mode


def _align_excerpt(
    n: int,
    m: int,
    f: _Features,
    p: AlignParams,
    sim1: np.ndarray,
    x1: np.ndarray,
    allow_reorder: bool,
    d_par: Sequence[int] | None,
    o_par: Sequence[int] | None,
) -> list[Bead]:
    k = min(p.excerpt_k, m)
    # the similarity a bead needs grows with how clearly this derivative's sentences match at all
    # (known translations make true matches score higher, and unrelated ones less forgivable)
    threshold = max(p.excerpt_min, p.excerpt_rel * float(np.median(x1.max(axis=1))))
    options: list[list[tuple[int, int, int, float, float]]] = [[] for _ in range(n)]  # (a, j0, b, value, sim)
    for i in range(n):
        for a in sorted({a for a, _ in _BEAD_TYPES}):
            if i + a > n:
                continue
            # candidates: best originals of the block's sentences
            cand: set[int] = set()
            for di in range(a):
                row = sim1[i + di]
                cand.update(int(j) for j in np.argpartition(-row, k - 1)[:k])
            for b in sorted({b for aa, b in _BEAD_TYPES if aa == a}):
                starts = sorted({j - t for j in cand for t in range(b) if 0 <= j - t <= m - b})
                if not starts:
                    continue
                j0 = np.asarray(starts)
                values, x = _bead_values(f, p, i, a, j0, b)
                # an excerpt's sentence only counts as found when it is clearly similar; a weak match
                # is more likely an addition next to an omission
                values = values - threshold * (1.0 + p.weight * (a + b - 2))
                for jj, v, s in zip(starts, values, x, strict=True):
                    options[i].append((a, jj, b, float(v), float(s)))
    neg = -1e18
    # state: last original sentence used (-1 before any); best[i][state] = (total, step that got there)
    best: list[dict[int, tuple[float, _Step | None]]] = [{} for _ in range(n + 1)]
    best[0][-1] = (0.0, None)

    def transition(prev_end: int, start: int) -> float:
        if prev_end < 0:
            return 0.0
        gap = start - prev_end - 1
        if 0 <= gap <= p.max_skip:
            cost = p.skip * gap
        elif start <= prev_end and not allow_reorder:
            return neg
        else:
            cost = p.reorder
        if d_par is not None and o_par is not None and abs(o_par[start] - o_par[prev_end]) > 1:
            cost += p.paragraph
        return -cost

    for i in range(n):
        if not best[i]:
            continue
        states = list(best[i].items())
        for state, (total, _) in states:  # insertion [i] -> []
            val = total - p.excerpt_null
            if val > best[i + 1].get(state, (neg, None))[0]:
                best[i + 1][state] = (val, _Step(i, 1, -1, 0, 0.0, state))
        for a, j0, b, value, s in options[i]:
            top, from_state = neg, -1
            for state, (total, _) in states:
                t = transition(state, j0)
                if t > neg / 2 and total + t > top:
                    top, from_state = total + t, state
            if top <= neg / 2:
                continue
            end = j0 + b - 1
            val = top + value
            if val > best[i + a].get(end, (neg, None))[0]:
                best[i + a][end] = (val, _Step(i, a, j0, b, s, from_state))
    state = max(best[n], key=lambda st: best[n][st][0])
    beads: list[Bead] = []
    pos = n
    while pos > 0:
        step = best[pos][state][1]
        if step is None:  # unreachable: every position has an insertion step
            raise AlignmentError("excerpt alignment lost its back pointer")
        if step.j0 < 0:
            beads.append(Bead((step.i,), (), 0.0))
        else:
            beads.append(
                Bead(tuple(range(step.i, step.i + step.a)), tuple(range(step.j0, step.j0 + step.b)), max(step.sim, 0.0))
            )
        pos, state = step.i, step.prev
    beads.reverse()
    return _add_deletions(_dedupe(beads))


@dataclass(frozen=True)
class _Step:
    i: int
    a: int
    j0: int  # -1: insertion
    b: int
    sim: float
    prev: int  # state (last original index) before this step


def _dedupe(beads: list[Bead]) -> list[Bead]:
    """An original sentence may be used once: the weaker bead loses it (and may become an insertion)."""
    owner: dict[int, int] = {}
    for idx, bead in enumerate(beads):
        for j in bead.original:
            if j not in owner or beads[owner[j]].score < bead.score:
                owner[j] = idx
    out = []
    for idx, bead in enumerate(beads):
        kept = tuple(j for j in bead.original if owner[j] == idx)
        out.append(bead if kept == bead.original else Bead(bead.derivative, kept, bead.score if kept else 0.0))
    return out


def _add_deletions(beads: list[Bead]) -> list[Bead]:
    used = sorted({j for b in beads for j in b.original})
    if not used:
        return beads
    missing = [j for j in range(used[0], used[-1] + 1) if j not in set(used)]
    out = list(beads)
    for j in missing:
        # after the last bead (in list order) whose originals precede j
        pos = 0
        for idx, bead in enumerate(out):
            if bead.original and max(bead.original) < j:
                pos = idx + 1
        out.insert(pos, Bead((), (j,), 0.0))
    return out


# --------------------------------------------------------------------------- entry point


def _embed(embedder: Embedder, texts: Sequence[str]) -> np.ndarray:
    vecs = np.asarray(embedder.embed(list(texts)), dtype=np.float32)
    if vecs.ndim != 2 or len(vecs) != len(texts):
        raise AlignmentError(f"embedder {embedder.name} returned {vecs.shape} for {len(texts)} texts")
    return vecs


def align(
    derivative: Sequence[str],
    original: Sequence[str],
    *,
    embedder: Embedder | None = None,
    translations: Sequence[str | None] | None = None,
    allow_reorder: bool = True,
    derivative_paragraphs: Sequence[int] | None = None,
    original_paragraphs: Sequence[int] | None = None,
    mode: str = "auto",
    params: AlignParams = DEFAULT_PARAMS,
    derivative_lang: str | None = None,
    original_lang: str | None = None,
) -> list[Bead]:
    """Align derivative sentences with original sentences (see the module docstring).

    ``mode``: "document" (both sides whole and in order; every original sentence appears in a bead),
    "excerpt" (a passage quoting part of a longer original, possibly reordered), or "auto": excerpt
    for derivatives up to 40 sentences or half the original's length, else document with the
    deletions before the first and after the last matched sentence dropped.
    ``derivative_lang`` / ``original_lang`` (ISO 639-1) switch on the dictionary term in document mode.
    """
    n, m = len(derivative), len(original)
    if translations is not None and len(translations) != m:
        raise AlignmentError(f"{len(translations)} translations for {m} original sentences")
    for name, par, size in (
        ("derivative", derivative_paragraphs, n),
        ("original", original_paragraphs, m),
    ):
        if par is not None and len(par) != size:
            raise AlignmentError(f"{len(par)} {name} paragraph indices for {size} sentences")
    if n == 0:
        return []
    if m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)]
    if embedder is None:
        from provenance.embed import get_embedder

        # without a Config there is no agreed cache location: keep vectors in memory only
        embedder = get_embedder(persistent=False)
    vecs = _embed(embedder, [*derivative, *original])
    d_vec, o_vec = vecs[:n], vecs[n:]
    t_vec = None
    if translations is not None and any(translations):
        t_vec = _embed(embedder, [t if t else o for t, o in zip(translations, original, strict=True)])
    else:
        translations = None
    auto = mode == "auto"
    if auto or mode == "excerpt":
        # checking a quote, a merged bead that hides an omitted sentence costs more than a
        # fragment split off (the reverse trade-off of aligning whole documents)
        params = replace(params, cover=max(params.cover, params.excerpt_cover))
    if auto:
        # a quoted passage is usually much shorter than its article; two long texts of similar
        # length are aligned as whole documents (banded, near-linear)
        mode = "excerpt" if (n <= _EXCERPT_MAX or n * 2 <= m) else "document"
    ref_vec = _embed(embedder, _reference_sentences()) if n * m < _SMALL_PAIRS else None
    f = _features(
        derivative,
        original,
        d_vec,
        o_vec,
        t_vec,
        translations,
        whole=mode == "document",
        d_par=derivative_paragraphs,
        o_par=original_paragraphs,
        ref_vec=ref_vec,
        # with few pairs the mean over the other side is dominated by the true matches themselves
        local=params.local if mode == "document" and n * m >= _SMALL_PAIRS else 0.0,
    )
    if params.scorer not in ("value", "margin"):
        raise AlignmentError(f"unknown alignment scorer {params.scorer!r} (use value or margin)")
    if mode == "document" and params.scorer == "margin":
        f.margin = _margin_data(embedder, derivative, original, d_vec, o_vec)
    if mode == "document" and params.lexical > 0.0 and derivative_lang and original_lang:
        f.lex = _lex_data(derivative, original, derivative_lang, original_lang)
    sim1, x1 = _bead_values_matrix(f, params, n, m)
    if mode == "document":
        beads = _align_document(n, m, f, params, sim1, free_ends=auto)
        if auto:  # the interface promises deletions only inside the matched stretch
            while beads and not beads[0].derivative:
                beads.pop(0)
            while beads and not beads[-1].derivative:
                beads.pop()
        return beads
    if mode == "excerpt":
        return _align_excerpt(n, m, f, params, sim1, x1, allow_reorder, derivative_paragraphs, original_paragraphs)
    raise AlignmentError(f"unknown alignment mode {mode!r} (use auto, document or excerpt)")


def _margin_data(
    embedder: Embedder, derivative: Sequence[str], original: Sequence[str], d_vec: np.ndarray, o_vec: np.ndarray
) -> _MarginData:
    """Embed the joined text of every run of two to four sentences on both sides (the margin scorer)."""
    real: list[dict[int, np.ndarray]] = []
    for texts, single in ((derivative, d_vec), (original, o_vec)):
        blocks = {1: single}
        for a in range(2, 5):
            runs = [" ".join(texts[i : i + a]) for i in range(len(texts) - a + 1)]
            blocks[a] = _embed(embedder, runs) if runs else np.zeros((0, single.shape[1]), dtype=np.float32)
        real.append(blocks)
    d_bytes = _prefix([len(t.encode("utf-8")) + 1 for t in derivative])
    o_bytes = _prefix([len(t.encode("utf-8")) + 1 for t in original])
    return _MarginData(real[0], real[1], d_bytes, o_bytes, float(o_bytes[-1] / max(d_bytes[-1], 1.0)))


@lru_cache(maxsize=1)
def _reference_sentences() -> tuple[str, ...]:
    from importlib import resources

    raw = resources.files("provenance").joinpath("data", "reference_sentences.txt").read_text(encoding="utf-8")
    return tuple(line.strip() for line in raw.splitlines() if line.strip() and not line.startswith("#"))


def _bead_values_matrix(f: _Features, p: AlignParams, n: int, m: int) -> tuple[np.ndarray, np.ndarray]:
    """(n, m) values and similarities of all 1:1 beads (the matrix form of ``_bead_values``)."""
    x = f.single
    if f.t_blocks is not None:
        t_base = f.t_base[(1, 1)]
        x = 0.5 * x + 0.5 * (f.d_blocks[1] @ f.t_blocks[1].T - t_base) / (1.0 - t_base)
    x = np.clip(x, -1.0, 1.0)
    shared = np.diff(np.diff(f.shared, axis=0), axis=1)
    union = np.diff(f.d_anchor)[:, None] + np.diff(f.o_anchor)[None, :] - shared
    anchor = np.where(union > 0, shared / np.maximum(union, 1.0), 0.0)
    length = np.abs(np.log((np.diff(f.d_len)[:, None] + 10.0) / (np.diff(f.o_len)[None, :] + 10.0)) - f.log_ratio)
    score = x + p.anchor * anchor - p.length * length
    if f.fuzz is not None:
        score = score + p.fuzz * np.maximum(f.fuzz - 0.3, 0.0)
    return score, x


def format_beads(beads: Sequence[Bead], *, original_first: bool = True) -> str:
    """One bead per line in the Vecalign/Bertalign gold format, e.g. ``[3,4]:[5]``."""
    return "\n".join(b.gold_format(original_first=original_first) for b in beads)
