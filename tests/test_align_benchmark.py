"""The WMT development documents of benchmarks/alignment.py and its bead scoring."""

from __future__ import annotations

from benchmarks.alignment import score, wmt_documents
from tests.conftest import shared_data


def test_wmt_documents_cover_every_sentence_once_and_mark_dropped_segments_as_null_beads() -> None:
    shared_data("wmt_newstest", "newstest2021.de-fr.src.de")
    docs = wmt_documents()
    assert 20 <= len(docs) <= 40
    assert docs == wmt_documents()  # seeded: the same documents every run
    nulls = 0
    for doc in docs:
        de = sorted(i for src, _ in doc.gold for i in src)
        fr = sorted(j for _, tgt in doc.gold for j in tgt)
        assert de == list(range(len(doc.de))) and fr == list(range(len(doc.fr)))
        for src, tgt in doc.gold:
            assert src or tgt
            if not (src and tgt):
                nulls += 1
                assert len(src) + len(tgt) == 1  # null beads are one sentence each
    assert nulls > 20  # the dropped segments


def test_strict_scores_count_exact_beads_and_null_beads_only_in_precision() -> None:
    gold = [((0,), (0,)), ((1,), ()), ((2, 3), (1,))]
    perfect = score(gold, gold).scores()
    assert perfect["f1_strict"] == 1.0
    split = score(gold, [((0,), (0,)), ((1,), ()), ((2,), (1,)), ((3,), ())]).scores()
    assert split["p_strict"] == 0.5 and split["r_strict"] == 0.5
    assert split["f1_lax"] > split["f1_strict"]
