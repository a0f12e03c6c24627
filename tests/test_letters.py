"""Diacritics are stripped in one place, for every reader that compares names or words across spellings."""

from __future__ import annotations

from provenance.attribution.structures import _plain
from provenance.lang.words import fold
from provenance.letters import strip_marks


def test_marks_go_and_letters_that_do_not_decompose_or_other_scripts_stay() -> None:
    assert strip_marks("Olsztyńska Zürich São Paulo") == "Olsztynska Zurich Sao Paulo"
    assert strip_marks("Łódź Øresund Straße") == "Łodz Øresund Straße"
    assert strip_marks("Київ") == "Киів"  # "ї" loses its diaeresis; Cyrillic stays Cyrillic


def test_each_reader_adds_its_own_rules_on_top() -> None:
    assert fold("L’Équipe") == "l'equipe"  # the word checks: case and apostrophes too
    # the finder's outlet names: written without diacritics, and with the letters that do not decompose spelt plain
    assert _plain("Gazeta Olsztyńska") == _plain("Gazeta Olsztynska") == "gazeta olsztynska"
    assert _plain("Łódzki Øst") == "lodzki ost"
