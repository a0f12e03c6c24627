"""Splits and merges the aligner left apart: sentence boundaries are the translator's choice, not a finding.

The aligner pairs sentences by similarity and prices 1-2 and 2-1 beads above 1-1. A desk that merges two sentences
of the original into one ("..., after a hot and dry summer" for "Ursache ist der heiße und trockene Sommer.") or
splits one in two then reads, after alignment, as a 1-1 bead plus an unaligned sentence: an addition and an
omission of the same content. Here the known translation of the original settles it, word by word: an unaligned
sentence joins the bead next to it when that bead's other side holds its content words.

A quotation the sentence splitter cut in two ('"People are anxious.' / 'Many have mortgages," she said.') is one
unit too: a piece of it left unaligned joins the bead of the piece that completes it.

Pure functions over indices; words are compared as lemmas, leaving out stop words and words shorter than three
letters; figures count as words where ``words`` gives them (the pipeline passes ``settle.with_figures``).
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence

from provenance.model import Bead

# an unaligned original sentence joins a neighbouring bead when at least MIN_SHARED of its content words are in the
# bead's derivative but not in the bead's own original, and they are at least SHARE of its content words
MIN_SHARED = 2
SHARE = 0.34
# ... or, for a sentence of at most SHORT_WORDS content words, one of them when the bead's derivative holds them all
SHORT_WORDS = 3
# an unaligned derivative sentence joins a neighbouring bead when at least COVERED of its content words are in the
# bead's translation (and at least MIN_SHARED of them are not already rendered by the bead's derivative)
COVERED = 0.5
# quotation marks: a sentence with an odd number of them leaves a quotation open or closes one opened before it
QUOTE_MARKS = "\"“”«»„"

Words = Callable[[str], frozenset[str]]


def regroup(
    beads: Sequence[Bead],
    derivative: Sequence[str],
    translations: Sequence[str | None],
    words: Words,
    rebuts: Callable[[str], bool] = lambda text: False,
) -> list[Bead]:
    """``beads`` with unaligned sentences joined to the bead next to them where the translation shows a split or a
    merge. ``derivative`` holds the derivative sentences, ``translations`` the known translation of each original
    sentence (None where there is none), ``words`` gives a text's content words. An original sentence that
    ``rebuts`` ("Deutsche Bahn rejects this account.") joins only a bead whose derivative rebuts too: sharing the
    names of the claim it answers does not render it."""
    der = [words(t) for t in derivative]
    split_quote = [sum(t.count(q) for q in QUOTE_MARKS) % 2 == 1 for t in derivative]
    trans = [words(t) if t else frozenset() for t in translations]
    rebuttal = [bool(t) and rebuts(t) for t in translations]
    der_rebuttal = [rebuts(t) for t in derivative]
    out = _split_rebuttals(list(beads), rebuttal, der_rebuttal)
    while (_merge_original(out, der, trans, rebuttal, der_rebuttal) or _merge_quotation(out, split_quote)
           or _merge_derivative(out, der, trans)):
        pass
    return out


def _split_rebuttals(beads: list[Bead], rebuttal: Sequence[bool], der_rebuttal: Sequence[bool]) -> list[Bead]:
    """A rebuttal the aligner merged into a bead whose derivative rebuts nothing stands alone again, as the
    omission it is ("Deutsche Bahn rejects this account." merged with the next sentence for its names)."""
    out: list[Bead] = []
    for bead in beads:
        if len(bead.original) < 2 or not bead.derivative or _rebuts_in(bead, der_rebuttal):
            out.append(bead)
            continue
        first, last = bead.original[0], bead.original[-1]
        before = [first] if first < len(rebuttal) and rebuttal[first] else []
        after = [last] if last < len(rebuttal) and rebuttal[last] and last != first else []
        kept = tuple(j for j in bead.original if j not in before and j not in after)
        if not kept:
            out.append(bead)
            continue
        out += [Bead((), (j,), 0.0) for j in before]
        out.append(Bead(bead.derivative, kept, bead.score))
        out += [Bead((), (j,), 0.0) for j in after]
    return out


def _rebuts_in(bead: Bead, der_rebuttal: Sequence[bool]) -> bool:
    """Whether one of the bead's derivative sentences rebuts."""
    return any(der_rebuttal[i] for i in bead.derivative if i < len(der_rebuttal))


def _union(sets: Sequence[frozenset[str]], indices: Sequence[int]) -> frozenset[str]:
    return frozenset().union(*(sets[i] for i in indices if i < len(sets)))


def _merge_original(beads: list[Bead], der: Sequence[frozenset[str]], trans: Sequence[frozenset[str]],
                    rebuttal: Sequence[bool], der_rebuttal: Sequence[bool]) -> bool:
    """Join one unaligned original sentence to the bead next to it that renders it; True if one was joined."""
    taken = _aligned(beads)
    for k, bead in enumerate(beads):
        if not bead.derivative or not bead.original:
            continue
        rebuts = _rebuts_in(bead, der_rebuttal)
        said = _union(der, bead.derivative)
        missing = said - _union(trans, bead.original)
        for j in (min(bead.original) - 1, max(bead.original) + 1):
            if j in taken or not 0 <= j < len(trans) or not trans[j] or (rebuttal[j] and not rebuts):
                continue
            shared = missing & trans[j]
            plain = {w for w in trans[j] if not w[:1].isdigit()}  # (its figures aside)
            # (a short sentence whose every word the derivative holds: "The shipyard employs about 900 people"
            # in "The yard employs around 1,900 people and ...", its figure changed)
            whole = bool(shared) and len(plain) <= SHORT_WORDS and plain <= said
            if (len(shared) >= MIN_SHARED or whole) and len(said & trans[j]) >= SHARE * len(trans[j]):
                beads[k] = Bead(bead.derivative, tuple(sorted((*bead.original, j))), bead.score)
                _release(beads, j)
                return True
    return False


def _aligned(beads: Sequence[Bead]) -> set[int]:
    """Original sentences some derivative sentence renders."""
    return {j for b in beads if b.derivative for j in b.original}


def _release(beads: list[Bead], j: int) -> None:
    """Original sentence ``j`` is rendered after all: drop its omission bead (beyond the excerpt it has none)."""
    beads[:] = [b for b in beads if b.derivative or b.original != (j,)]


def _merge_quotation(beads: list[Bead], split_quote: Sequence[bool]) -> bool:
    """Join one unaligned derivative sentence that opens or closes a quotation to the bead holding the neighbour
    that closes or opens it; True if one was joined."""
    for k, bead in enumerate(beads):
        if bead.original or len(bead.derivative) != 1 or not split_quote[bead.derivative[0]]:
            continue
        i = bead.derivative[0]
        for n, near in _neighbours(beads, k, i):
            if any(0 <= j < len(split_quote) and split_quote[j] for j in near):
                _join(beads, n, k, i)
                return True
    return False


def _neighbours(beads: Sequence[Bead], k: int, i: int) -> Iterator[tuple[int, set[int]]]:
    """The beads other than bead ``k`` that have an original and hold derivative sentence ``i - 1`` or ``i + 1``:
    their place, and which of the two they hold."""
    for n, other in enumerate(beads):
        near = {i - 1, i + 1} & set(other.derivative)
        if n != k and other.original and near:
            yield n, near


def _join(beads: list[Bead], n: int, k: int, i: int) -> None:
    """Derivative sentence ``i``, alone in bead ``k``, joins bead ``n``."""
    other = beads[n]
    beads[n] = Bead(tuple(sorted((*other.derivative, i))), other.original, other.score)
    del beads[k]


def _merge_derivative(beads: list[Bead], der: Sequence[frozenset[str]], trans: Sequence[frozenset[str]]) -> bool:
    """Join one unaligned derivative sentence to the bead next to it whose original it renders (a split), or pair
    it with an unaligned original sentence between its neighbours that it renders; True if one was joined."""
    for k, bead in enumerate(beads):
        if bead.original or len(bead.derivative) != 1:
            continue
        i = bead.derivative[0]
        own = der[i] if i < len(der) else frozenset()
        if not own:
            continue
        for n, _near in _neighbours(beads, k, i):
            other = beads[n]
            theirs = _union(trans, other.original)
            new = own & (theirs - _union(der, other.derivative))
            if len(new) >= MIN_SHARED and len(own & theirs) >= COVERED * len(own):
                _join(beads, n, k, i)
                return True
        j = _free_partner(beads, i, own, trans)
        if j is not None:
            beads[k] = Bead((i,), (j,), bead.score)
            _release(beads, j)
            return True
    return False


def _free_partner(beads: list[Bead], i: int, own: frozenset[str], trans: Sequence[frozenset[str]]) -> int | None:
    """The unaligned original sentence, between the originals of the beads around derivative sentence ``i``,
    that renders most of it, if any renders enough."""
    before = [j for b in beads if b.derivative and max(b.derivative) < i for j in b.original]
    after = [j for b in beads if b.derivative and min(b.derivative) > i for j in b.original]
    low, high = max(before, default=-1), min(after, default=len(trans))
    taken = _aligned(beads)
    best, best_j = 0, None
    for j in range(low + 1, min(high, len(trans))):
        if j in taken or not trans[j]:
            continue
        shared = len(own & trans[j])
        if shared >= MIN_SHARED and shared >= COVERED * min(len(own), len(trans[j])) and shared > best:
            best, best_j = shared, j
    return best_j
