"""Ranking candidates in stages, cheapest first.

1. date: candidates outside the window are dropped (undated ones stay, they cannot be judged);
2. keywords: the passage's names, numbers and carried-over words against each candidate's URL
   slug, title and lead (keywords.py); this orders the candidates for reading;
3. page text: up to ``read_max`` pages are read, best listing entries first and ``read_batch`` at a
   time until one page is clearly ahead (cheap plain text, no extraction; pages.py), and scored by
   BM25 over the same keywords (bm25.py), because a listing entry says little about a
   paragraph from the middle of a story, while the page holds its names, numbers and words; the best
   ``keep_after_text`` go on (with the stage off, the best ``keep_after_keywords`` of stage 2);
4. similarity: cross-lingual embeddings of each title (and lead) against the passage's sentences;
   a headline restates one sentence of the story, so the best-matching sentence counts;
5. coverage: the top ``fetch_top`` are fetched and extracted (and further ones, up to
   ``fetch_max``, while none covers ``sure_coverage`` of the passage), and the share of passage sentences
   that have a counterpart among the page's sentences (cosine at least ``sentence_threshold``,
   and the same names and numbers for full credit; counterparts distinct and in order) decides. A
   page that holds the passage covers nearly all of it; a same-day story on the same topic says
   similar things about other people.

The cheap score (stages 2-4) orders the fetching of stage 5. The final score of a fetched
candidate is mostly its coverage; candidates not fetched keep a discounted cheap score so that the
listing of runner-ups stays in a sensible order.
"""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable, Sequence
from datetime import date

import numpy as np

from provenance.align import anchors
from provenance.embed import Embedder

from .bm25 import bm25_scores
from .keywords import Keyword, candidate_keys, keyword_score, slug_words, term_counts
from .model import Candidate, DiscoverySettings

# cosine of e5 vectors: unrelated cross-lingual sentences sit around 0.75, translations around 0.9
_SIM_FLOOR, _SIM_SPAN = 0.72, 0.2
_KEYWORD_SHARE = 0.4  # of the cheap score; the rest is similarity
_TEXT_SHARE = 0.6  # of the cheap score of a page whose text was scored; the rest as above
# reading pages stops when the best text score is at least this and this many times the second best
_LEADER_SCORE, _LEADER_MARGIN = 0.5, 1.5
# the final score of a fetched candidate: coverage, closeness of the counterparts, and the cheap score
_COVERAGE_SHARE, _CLOSENESS_SHARE = 0.8, 0.05
_UNFETCHED = 0.5  # discount of the cheap score of a candidate that was not fetched
MAX_GAP = 5  # original sentences a quoted passage may skip between two of its sentences

#: sentences of a fetched page -> None when it could not be read (the reason goes to the candidate's note)
PageReader = Callable[[Candidate], list[str] | None]
#: plain text of a candidate's page -> None when it could not be read
TextReader = Callable[[Candidate], str | None]


def in_window(cands: Sequence[Candidate], window: tuple[date, date] | None) -> list[Candidate]:
    if window is None:
        return list(cands)
    return [c for c in cands if c.published is None or window[0] <= c.published <= window[1]]


def by_keywords(
    cands: Sequence[Candidate], keywords: Sequence[Keyword], keep: int, day: date | None
) -> list[Candidate]:
    for cand in cands:
        cand.keyword_score = keyword_score(
            keywords, candidate_keys([" ".join(slug_words(cand.url)), cand.title, cand.lead])
        )

    def distance(c: Candidate) -> int:
        return abs((c.published - day).days) if c.published and day else 9999

    return sorted(cands, key=lambda c: (-(c.keyword_score or 0.0), distance(c), c.url))[:keep]


def _clear_leader(scores: Sequence[float]) -> bool:
    """One page's text holds much of the passage's evidence and far more than any other page's."""
    top = sorted(scores, reverse=True)[:2]
    return bool(top) and top[0] >= _LEADER_SCORE and (len(top) < 2 or top[0] >= _LEADER_MARGIN * top[1])


def by_page_text(
    cands: Sequence[Candidate], keywords: Sequence[Keyword], read: TextReader, settings: DiscoverySettings
) -> list[Candidate]:
    """Read up to ``read_max`` of ``cands`` (ranked by stage 2), score their text; the best ``keep_after_text``.

    Pages are read ``read_batch`` at a time, best listing entries first, and reading stops after
    a batch that leaves one page clearly ahead (``_clear_leader``): its rivals among the unread
    pages are those whose listing entries matched the passage less, and they go no further. A page
    that cannot be read scores 0; ties keep the listing order.
    """
    shortlist = list(cands[: settings.read_max])
    read_ok: list[tuple[Candidate, Counter[str]]] = []
    tried: list[Candidate] = []
    scores: list[float] = []
    for start in range(0, len(shortlist), settings.read_batch):
        for cand in shortlist[start : start + settings.read_batch]:
            tried.append(cand)
            text = read(cand)
            if text is not None:
                read_ok.append((cand, term_counts([cand.title, text])))
        scores = bm25_scores(keywords, [counts for _, counts in read_ok])
        if _clear_leader(scores):
            break
    if not read_ok:
        return list(cands[: settings.keep_after_text])  # nothing could be read: the listing order stands
    for cand in tried:
        cand.text_score = 0.0  # a page that could not be read holds no evidence
    for (cand, _), score in zip(read_ok, scores, strict=True):
        cand.text_score = score
    order = {id(c): k for k, c in enumerate(tried)}
    return sorted(tried, key=lambda c: (-(c.text_score or 0.0), order[id(c)]))[: settings.keep_after_text]


def _title_text(cand: Candidate) -> str:
    title = cand.title or " ".join(slug_words(cand.url))
    return f"{title}. {cand.lead[:300]}" if cand.lead else title


def _norm(sim: float) -> float:
    return float(min(1.0, max(0.0, (sim - _SIM_FLOOR) / _SIM_SPAN)))


def by_similarity(cands: Sequence[Candidate], passage_vecs: np.ndarray, embedder: Embedder) -> list[Candidate]:
    if not cands:
        return []
    vecs = embedder.embed([_title_text(c) for c in cands])
    sims = (vecs @ passage_vecs.T).max(axis=1) if len(passage_vecs) else np.zeros(len(cands))
    for cand, sim in zip(cands, sims, strict=True):
        cand.similarity = float(sim)
        cand.score = _KEYWORD_SHARE * (cand.keyword_score or 0.0) + (1 - _KEYWORD_SHARE) * _norm(float(sim))
        if cand.text_score is not None:
            cand.score = _TEXT_SHARE * cand.text_score + (1 - _TEXT_SHARE) * cand.score
    return sorted(cands, key=lambda c: -c.score)


def _agreement(passage: Sequence[frozenset[str]], page: Sequence[frozenset[str]]) -> np.ndarray:
    """(n, m): share of each passage sentence's names and numbers that a page sentence has too (1: none to check)."""
    out = np.ones((len(passage), len(page)), dtype=np.float32)
    for i, mine in enumerate(passage):
        if mine:
            out[i] = [len(mine & theirs) / len(mine) for theirs in page]
    return out


def in_order_coverage(credit: np.ndarray, max_gap: int = MAX_GAP) -> float:
    """Share of passage sentences (rows) credited by page sentences (columns) taken one each and in order.

    A quoted passage is consecutive text of its original: its counterparts are distinct page
    sentences, in the same order, with at most ``max_gap`` page sentences skipped between two.
    A digest or another article on the same story has sentences close to several passage sentences,
    but one sentence close to all of them, or close ones scattered over the page; counting each
    passage sentence's best match anywhere took those for the original. The best chain is a small
    dynamic programme (rows x columns x gap).
    """
    n, m = credit.shape
    if not n or not m:
        return 0.0
    best_before = np.zeros(m)  # best chain value ending at each page sentence, over the rows done so far
    for i in range(n):
        row = credit[i]
        reach = np.zeros(m)  # best chain a match at column j may extend: ends in [j - 1 - max_gap, j - 1]
        for shift in range(1, min(max_gap + 2, m)):
            reach[shift:] = np.maximum(reach[shift:], best_before[:-shift])
        here = np.where(row > 0, row + reach, 0.0)
        best_before = np.maximum(best_before, here)
    return float(best_before.max() / n)


def by_coverage(
    cands: Sequence[Candidate],
    passage: Sequence[str],
    passage_vecs: np.ndarray,
    embedder: Embedder,
    read: PageReader,
    settings: DiscoverySettings,
) -> list[Candidate]:
    """Fetch the best of ``cands`` (ranked; see the module docstring) and rescore everything; best first.

    A passage sentence is covered by a page sentence that is close enough in meaning; half of
    that credit also needs the names and numbers to agree, because a same-day story on the same
    topic says the same things about other people and other figures.
    """
    ranked = list(cands)
    mine = [frozenset(a for a in anchors(s) if a[0] in "nw") for s in passage]
    limit = max(settings.fetch_top, settings.fetch_max)
    fetched = 0
    for cand in ranked[:limit]:
        sure = any(c.coverage is not None and c.coverage >= settings.sure_coverage for c in ranked[:fetched])
        if fetched >= settings.fetch_top and sure:
            break  # a page that holds the passage is in hand, and its closest rivals were read too
        fetched += 1
        sentences = read(cand)
        cheap = cand.score
        if not sentences or not len(passage_vecs):
            cand.coverage = 0.0 if sentences is not None else None
            cand.score = _UNFETCHED * cheap
            continue
        sims = passage_vecs @ embedder.embed(sentences).T
        agree = _agreement(mine, [anchors(s) for s in sentences])
        credit = (sims >= settings.sentence_threshold) * (0.5 + 0.5 * agree)
        cand.coverage = in_order_coverage(credit)
        # how close the counterparts are separates a page from its lightly edited copy
        best = sims.max(axis=1)
        closeness = float(
            np.clip((best - settings.sentence_threshold) / (1 - settings.sentence_threshold), 0, 1).mean()
        )
        cand.score = (
            _COVERAGE_SHARE * cand.coverage
            + _CLOSENESS_SHARE * closeness
            + (1 - _COVERAGE_SHARE - _CLOSENESS_SHARE) * cheap
        )
    for cand in ranked[fetched:]:
        cand.score *= _UNFETCHED
    return sorted(ranked, key=lambda c: -c.score)
