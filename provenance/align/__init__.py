"""Sentence alignment between a derivative (a translated passage or document) and its original.

Modules: ``aligner`` (``align()``, the orchestration), ``vectors`` (what is embedded), ``features`` (what
every bead score needs, computed once), ``anchors``, ``lexical`` (the dictionary term), ``scoring`` (bead
values), ``document`` and ``excerpt`` (the two dynamic programs), ``params`` (weights and bead types).

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

With known translations, document mode first anchors on rapidfuzz (align/memory.py): a derivative sentence and an
    original whose known translation are each other's clear best match, next to another such pair and with no
    merge reading closer on a side without one, are fixed as a 1:1 bead without embedding either, first over the
    whole texts, then inside the windows between fixed beads; only the windows left are embedded (in one batch) and
    aligned as above. A fixed bead's score is its
    rapidfuzz similarity to the known translation.

Beads cover every derivative sentence exactly once and every original sentence at most once, and
are sorted by derivative index (deletions sit after the bead preceding them in the original).
``Bead.score`` is the calibrated similarity in [0, 1] for matched beads and 0 for null beads.
"""

from __future__ import annotations

from provenance.align.aligner import align, format_beads
from provenance.align.anchors import anchors, fold
from provenance.align.lexical import version_tag
from provenance.align.params import ALIGN_VERSION, DEFAULT_PARAMS, AlignParams

__all__ = ["ALIGN_VERSION", "DEFAULT_PARAMS", "AlignParams", "align", "anchors", "fold", "format_beads", "version_tag"]
