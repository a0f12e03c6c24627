"""Cue matching over tokens (``Lexicon.find``): phrases first, longest first, no overlaps."""

from __future__ import annotations

from provenance.compare.lexicon import Lexicon
from provenance.compare.tokens import side_from_text


def _cues(entries: list[str], text: str) -> list[tuple[int, int, str]]:
    lex = Lexicon("en", {"test": {"cues": entries}})
    return [(c.start, c.end, c.entry) for c in lex.find("test.cues", side_from_text(text, "en").tokens)]


def test_a_phrase_is_found_wherever_its_words_stand() -> None:
    assert _cues(["no longer"], "No longer here, and no longer there.") == [(0, 2, "no longer"), (5, 7, "no longer")]


def test_longer_phrases_claim_their_words_before_shorter_ones_and_single_words() -> None:
    assert _cues(["not", "not at all", "at all"], "It is not at all clear.") == [(2, 5, "not at all")]


def test_phrases_may_start_with_a_prefix_or_any_word() -> None:
    assert _cues(["kein* mehr"], "Es gibt keine mehr.") == [(2, 4, "kein* mehr")]
    assert _cues(["is _ to"], "He is due to speak.") == [(1, 4, "is _ to")]


def test_a_gapped_phrase_needs_its_parts_in_order_inside_one_clause() -> None:
    # entries come back folded
    assert _cues(["wies ... zurück"], "Er wies die Vorwürfe zurück.") == [(1, 5, "wies ... zuruck")]
    assert _cues(["wies ... zurück"], "Er wies sie. Dann zurück.") == []
