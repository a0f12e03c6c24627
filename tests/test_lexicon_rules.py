"""The detectors' rules that live in the lexicon files are read into typed objects and checked when read."""

from __future__ import annotations

import pytest

from provenance.compare.hedge_rules import hedge_rules, parse_hedge_rules
from provenance.compare.lexicon import LEXICON_DIR
from provenance.errors import LexiconError

LANGS = sorted(p.stem for p in LEXICON_DIR.glob("*.toml") if "." not in p.stem and p.stem != "entities")


@pytest.mark.parametrize("lang", LANGS)
def test_every_lexicon_file_has_hedge_rules_of_the_documented_shape(lang: str) -> None:
    rules = hedge_rules(lang)
    assert rules.lang == lang
    assert all(isinstance(w, str) and w for w in rules.strong | rules.conditional | rules.modal)


def test_german_rules_tell_reported_soll_from_a_plan() -> None:
    de = hedge_rules("de")
    assert "soll" in de.soll and "soll" in de.strong
    assert de.participle is not None and de.participle.match("gesagt") and not de.participle.match("unterwegs")


def test_romance_conditionals_have_endings_and_modal_verbs() -> None:
    fr = hedge_rules("fr")
    assert "rait" in fr.conditional_endings and "pouvoir" in fr.modal_lemmas
    assert hedge_rules("pt").conditional_endings == ("ria", "riam")


def test_a_language_without_a_lexicon_has_empty_rules() -> None:
    assert hedge_rules("xx").strong == frozenset() and hedge_rules("xx").participle is None


@pytest.mark.parametrize(
    ("data", "complaint"),
    [
        ({"hedge": {"rules": {"strnog": ["soll"]}}}, "unknown key"),
        ({"hedge": {"rules": {"strong": "soll"}}}, "list of non-empty strings"),
        ({"hedge": {"rules": {"strong": ["soll", 3]}}}, "list of non-empty strings"),
        ({"hedge": {"rules": {"participle": "(unclosed"}}}, "not a regular expression"),
        ({"hedge": {"rules": {"participle": 7}}}, "must be a string"),
        ({"conditional": {"endings": ["rait", ""]}}, "list of non-empty strings"),
        ({"conditional": ["rait"]}, "must be a table"),
    ],
)
def test_malformed_rules_are_refused_when_read(data: dict, complaint: str) -> None:
    with pytest.raises(LexiconError, match=complaint):
        parse_hedge_rules("xx", data)
