"""Language rules written once and used by several layers: the Cyrillic-to-Latin table (names compared across
scripts in compare/ and in the aligner's anchors) and the linking elements of German compounds (the gloss and the
compound split of the dictionary)."""

from __future__ import annotations

from provenance.align.anchors import fold as anchor_key
from provenance.lang.ding import linking_stems
from provenance.lang.words import CYRILLIC_LATIN, translit


def test_both_name_keys_read_the_one_cyrillic_table() -> None:
    assert CYRILLIC_LATIN["щ"] == "shch" and CYRILLIC_LATIN["ї"] == "i"
    # the aligner's anchor key: the city in Ukrainian and in English spelling meet
    assert anchor_key("Київ") == anchor_key("Kyiv") == "kiiv"
    assert anchor_key("Зеленський") == anchor_key("Zelenskyi")
    # compare's rough key collapses further (doubled letters, "kh" -> "h")
    assert translit("Херсон") == translit("Kherson") == translit("Cherson")
    assert translit("Юлія") == translit("Yulia")


def test_a_compound_modifier_is_tried_with_and_without_its_linking_element() -> None:
    assert linking_stems("arbeits") == ["arbeits", "arbeit"]
    assert linking_stems("brücken") == ["brücken", "brück", "brücke"]  # -en, then -n
    assert linking_stems("haus") == ["haus", "hau"]  # (a bare -s too: the callers keep what the dictionary knows)
    assert linking_stems("kind") == ["kind"]
