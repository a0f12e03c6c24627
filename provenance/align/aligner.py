"""``align()``: checks its arguments, picks the mode, embeds in one batch and aligns the whole texts or, with a
memory in document mode, only the windows between the beads that the memory fixes (align/memory.py)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from provenance.align.block import Task, align_block
from provenance.align.memory import Window, fixed_pairs, fuzz_matrix, windows
from provenance.align.params import DEFAULT_PARAMS, EXCERPT_MAX, AlignParams
from provenance.align.vectors import sentence_vectors
from provenance.embed import Embedder
from provenance.errors import AlignmentError
from provenance.lang.resources import Resources, current, using
from provenance.model import Bead


def align(
    derivative: Sequence[str], original: Sequence[str], *, embedder: Embedder | None = None,
    translations: Sequence[str | None] | None = None, allow_reorder: bool = True,
    derivative_paragraphs: Sequence[int] | None = None, original_paragraphs: Sequence[int] | None = None,
    mode: str = "auto", params: AlignParams = DEFAULT_PARAMS, derivative_lang: str | None = None,
    original_lang: str | None = None, resources: Resources | None = None,
) -> list[Bead]:
    """Align derivative sentences with original sentences (see the package docstring).

    ``mode``: "document" (both sides whole and in order; every original sentence appears in a bead),
    "excerpt" (a passage quoting part of a longer original, possibly reordered), or "auto": excerpt
    for derivatives up to 40 sentences or half the original's length, else document with the
    deletions before the first and after the last matched sentence dropped.
    ``derivative_lang`` / ``original_lang`` (ISO 639-1) switch on the dictionary term in document mode.
    ``resources``: where the dictionaries and lemma tries are (default: the current run's).
    """
    with using(resources or current()):
        n, m = len(derivative), len(original)
        _check(n, m, translations, derivative_paragraphs, original_paragraphs, params, mode)
        if n == 0 or m == 0:
            return [Bead((i,), (), 0.0) for i in range(n)]
        if embedder is None:
            from provenance.embed import get_embedder

            embedder = get_embedder(persistent=False)  # without a Config there is no agreed cache location
        auto = mode == "auto"
        if auto:  # a quote is usually much shorter than its article; two long texts are aligned as documents
            mode = "excerpt" if (n <= EXCERPT_MAX or n * 2 <= m) else "document"
        if auto or mode == "excerpt":  # checking a quote, a merge hiding an omission is worse than a split fragment
            params = replace(params, cover=max(params.cover, params.excerpt_cover))
        known = translations if translations is not None and any(translations) else None
        task = Task(derivative, original, known, derivative_paragraphs, original_paragraphs, embedder, params,
                    (derivative_lang, original_lang), allow_reorder)
        if mode == "excerpt":
            vecs = sentence_vectors(embedder, derivative, original, known)
            return align_block(task, Window(0, n, 0, m), vecs, whole=False)
        fuzz = fuzz_matrix(derivative, known) if known is not None and params.scorer == "value" else None
        fixed = fixed_pairs(fuzz, params, derivative, known) if fuzz is not None and known is not None else []
        spans = windows(fixed, n, m)
        d_idx = [i for w in spans for i in range(w.d0, w.d1)]  # only the windows' sentences are embedded
        o_idx = [j for w in spans for j in range(w.o0, w.o1)]
        d_vec, o_vec, t_vec = sentence_vectors(embedder, [derivative[i] for i in d_idx], [original[j] for j in o_idx],
                                               [known[j] for j in o_idx] if known is not None else None)
        beads: list[Bead] = []
        d_at = o_at = 0
        for k, w in enumerate(spans):
            d_end, o_end = d_at + w.d1 - w.d0, o_at + w.o1 - w.o0
            vecs = (d_vec[d_at:d_end], o_vec[o_at:o_end], t_vec[o_at:o_end] if t_vec is not None else None)
            beads += align_block(task, w, vecs, whole=True, free_start=auto and w.d0 == 0, free_end=auto and w.d1 == n)
            d_at, o_at = d_end, o_end
            if k < len(fixed) and fuzz is not None:  # a fixed bead scores its similarity to the known translation
                beads.append(Bead((fixed[k][0],), (fixed[k][1],), float(fuzz[fixed[k]])))
        while auto and beads and not beads[0].derivative:  # the interface promises deletions only inside the stretch
            beads.pop(0)
        while auto and beads and not beads[-1].derivative:
            beads.pop()
        return beads


def _check(n: int, m: int, translations: Sequence[str | None] | None, d_par: Sequence[int] | None,
           o_par: Sequence[int] | None, params: AlignParams, mode: str) -> None:
    if translations is not None and len(translations) != m:
        raise AlignmentError(f"{len(translations)} translations for {m} original sentences")
    for name, par, size in (("derivative", d_par, n), ("original", o_par, m)):
        if par is not None and len(par) != size:
            raise AlignmentError(f"{len(par)} {name} paragraph indices for {size} sentences")
    if params.scorer not in ("value", "margin"):
        raise AlignmentError(f"unknown alignment scorer {params.scorer!r} (use value or margin)")
    if mode not in ("auto", "document", "excerpt"):
        raise AlignmentError(f"unknown alignment mode {mode!r} (use auto, document or excerpt)")


def format_beads(beads: Sequence[Bead], *, original_first: bool = True) -> str:
    """One bead per line in the Vecalign/Bertalign gold format, e.g. ``[3,4]:[5]``."""
    return "\n".join(b.gold_format(original_first=original_first) for b in beads)
