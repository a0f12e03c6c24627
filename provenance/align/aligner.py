"""``align()``: checks its arguments, embeds, builds the features and runs the mode's dynamic program."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from provenance.align.document import align_document
from provenance.align.excerpt import align_excerpt
from provenance.align.features import build_features, reference_sentences
from provenance.align.lexical import lex_data
from provenance.align.params import DEFAULT_PARAMS, EXCERPT_MAX, SMALL_PAIRS, AlignParams
from provenance.align.scoring import margin_data, single_values
from provenance.align.vectors import embed, sentence_vectors
from provenance.embed import Embedder
from provenance.errors import AlignmentError
from provenance.model import Bead


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
    """Align derivative sentences with original sentences (see the package docstring).

    ``mode``: "document" (both sides whole and in order; every original sentence appears in a bead),
    "excerpt" (a passage quoting part of a longer original, possibly reordered), or "auto": excerpt
    for derivatives up to 40 sentences or half the original's length, else document with the
    deletions before the first and after the last matched sentence dropped.
    ``derivative_lang`` / ``original_lang`` (ISO 639-1) switch on the dictionary term in document mode.
    """
    n, m = len(derivative), len(original)
    _check(n, m, translations, derivative_paragraphs, original_paragraphs)
    if n == 0 or m == 0:
        return [Bead((i,), (), 0.0) for i in range(n)]
    if params.scorer not in ("value", "margin"):
        raise AlignmentError(f"unknown alignment scorer {params.scorer!r} (use value or margin)")
    if mode not in ("auto", "document", "excerpt"):
        raise AlignmentError(f"unknown alignment mode {mode!r} (use auto, document or excerpt)")
    if embedder is None:
        from provenance.embed import get_embedder

        # without a Config there is no agreed cache location: keep vectors in memory only
        embedder = get_embedder(persistent=False)
    if translations is not None and not any(translations):
        translations = None
    d_vec, o_vec, t_vec = sentence_vectors(embedder, derivative, original, translations)
    auto = mode == "auto"
    if auto:
        # checking a quote, a merged bead that hides an omitted sentence costs more than a fragment split off
        # (the reverse trade-off of aligning whole documents); a quoted passage is usually much shorter than
        # its article, two long texts of similar length are aligned as whole documents (banded, near-linear)
        mode = "excerpt" if (n <= EXCERPT_MAX or n * 2 <= m) else "document"
    if auto or mode == "excerpt":
        params = replace(params, cover=max(params.cover, params.excerpt_cover))
    whole = mode == "document"
    f = build_features(
        derivative, original, d_vec, o_vec, t_vec, translations, whole=whole,
        d_par=derivative_paragraphs, o_par=original_paragraphs,
        ref_vec=embed(embedder, reference_sentences()) if n * m < SMALL_PAIRS else None,
        # with few pairs the mean over the other side is dominated by the true matches themselves
        local=params.local if whole and n * m >= SMALL_PAIRS else 0.0,
    )
    if whole and params.scorer == "margin":
        f.margin = margin_data(embedder, derivative, original, d_vec, o_vec)
    if whole and params.lexical > 0.0 and derivative_lang and original_lang:
        f.lex = lex_data(derivative, original, derivative_lang, original_lang)
    sim1, x1 = single_values(f, params, n, m)
    if not whole:
        return align_excerpt(n, m, f, params, sim1, x1, allow_reorder, derivative_paragraphs, original_paragraphs)
    beads = align_document(n, m, f, params, sim1, free_ends=auto)
    while auto and beads and not beads[0].derivative:  # the interface promises deletions only inside the stretch
        beads.pop(0)
    while auto and beads and not beads[-1].derivative:
        beads.pop()
    return beads


def _check(n: int, m: int, translations: Sequence[str | None] | None, d_par: Sequence[int] | None,
           o_par: Sequence[int] | None) -> None:
    if translations is not None and len(translations) != m:
        raise AlignmentError(f"{len(translations)} translations for {m} original sentences")
    for name, par, size in (("derivative", d_par, n), ("original", o_par, m)):
        if par is not None and len(par) != size:
            raise AlignmentError(f"{len(par)} {name} paragraph indices for {size} sentences")


def format_beads(beads: Sequence[Bead], *, original_first: bool = True) -> str:
    """One bead per line in the Vecalign/Bertalign gold format, e.g. ``[3,4]:[5]``."""
    return "\n".join(b.gold_format(original_first=original_first) for b in beads)
