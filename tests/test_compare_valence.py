"""Tone reversal: the VADER lexicon's word valence as evidence that a passage word says the opposite of the
translation's word at the same place, where WordNet lists no antonymy."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import load_config
from provenance.lang import valence
from provenance.lang.resources import Resources, using
from provenance.model import Finding
from provenance.pairs import compare_texts


def _negation(fs: list[Finding]) -> list[Finding]:
    return [f for f in fs if f.subtype and f.subtype.value == "negation"]


@pytest.fixture
def real_lexicon() -> None:
    if not valence.load():
        pytest.skip("vaderSentiment is not installed")


def test_lexicon_keeps_words_and_drops_emoticons(tmp_path: Path) -> None:
    path = tmp_path / "vader_lexicon.txt"
    path.write_text(":)\t2.0\t0.5\t[2, 2]\nhero\t2.6\t0.4\t[3, 2]\nvillain\t-2.6\t0.5\t[-3, -2]\nbroken\tx\n",
                    encoding="utf-8")
    table = valence.load(path)
    assert table == {"hero": 2.6, "villain": -2.6}
    assert valence.valence("heroes", table) == 2.6  # through the lemma
    assert valence.valence("table", table) == 0.0


def test_missing_lexicon_is_an_empty_table(tmp_path: Path) -> None:
    """The setting vader_lexicon (PROVENANCE_VADER_LEXICON) names the file; a name of no file means no table."""
    config = load_config(tmp_path, environ={"PROVENANCE_VADER_LEXICON": str(tmp_path / "absent.txt")})
    with using(Resources.from_config(config)):
        assert valence.lexicon_path() is None
        assert valence.load() == {}


def test_the_table_answers_for_english_words_only(tmp_path: Path) -> None:
    """Detectors ask the valence table whether it holds a language's words instead of testing the language."""
    path = tmp_path / "vader_lexicon.txt"
    path.write_text("hero\t2.6\t0.4\t[3, 2]\n", encoding="utf-8")
    config = load_config(tmp_path, environ={"PROVENANCE_VADER_LEXICON": str(path)})
    with using(Resources.from_config(config)):
        assert valence.for_language("en") == {"hero": 2.6}
        assert valence.for_language("de") == {}


def test_opposite_tone_at_the_same_place_is_a_minor_antonym(real_lexicon: None) -> None:
    fs = compare_texts("Die Verhandlungen endeten mit einem Erfolg.", "The negotiations ended in collapse.",
                       source_lang="de", translation="The negotiations ended in success.")
    (f,) = _negation(fs)
    assert f.severity.value == "minor" and f.derivative.text == "collapse"
    assert f.evidence["antonym"]["source"] == "valence"
    assert f.evidence["antonym"]["translation"] == "success"


def test_same_tone_rewording_is_not_a_reversal(real_lexicon: None) -> None:
    fs = compare_texts("Die Kinder wurden in dem Heim jahrelang misshandelt.",
                       "The children were mistreated in the home for years.", source_lang="de",
                       translation="The children were abused in the home for years.")
    assert not [f for f in _negation(fs) if f.evidence.get("antonym", {}).get("source") == "valence"]


def test_negated_word_keeps_the_tone_of_its_opposite(real_lexicon: None) -> None:
    fs = compare_texts("Das Ergebnis war gut.", "The result was not bad.", source_lang="de",
                       translation="The result was good.")
    assert not [f for f in _negation(fs) if f.evidence.get("antonym", {}).get("source") == "valence"]


def test_words_of_different_parts_of_speech_are_not_opposites(real_lexicon: None) -> None:
    fs = compare_texts("Es war sicher eine anstrengende Woche.", "It was certainly a week.", source_lang="de",
                       translation="It was a stressful week.")
    assert not [f for f in _negation(fs) if f.evidence.get("antonym", {}).get("source") == "valence"]


# ------------------------------------------------------------------ scales from the lexicon's axes


def _scale(fs: list[Finding]) -> list[Finding]:
    return [f for f in _negation(fs) if f.evidence.get("antonym", {}).get("source", "").startswith("axis:")]


def test_opposite_end_of_an_amount_scale_is_a_minor_antonym() -> None:
    # 'low' is no antonym of 'many', but the amount is reversed
    fs = compare_texts("Jedes Jahr fahren viele Touristen zum Riff.", "A low number of tourists travel to the reef.",
                       source_lang="de", translation="Many tourists travel to the reef.")
    (f,) = _scale(fs)
    assert f.severity.value == "minor" and f.derivative.text == "low"
    assert f.evidence["antonym"]["source"] == "axis:amount" and f.evidence["antonym"]["translation"] == "Many"
    assert "reverse the amount" in f.explanation


def test_same_end_of_a_scale_is_rewording() -> None:
    fs = compare_texts("Jedes Jahr fahren viele Touristen zum Riff.", "A large number of tourists travel to the reef.",
                       source_lang="de", translation="Many tourists travel to the reef.")
    assert not _scale(fs)


def test_misspelt_word_keeps_its_place_on_the_scale() -> None:
    fs = compare_texts("Schließlich wurden die Holzräder ersetzt.", "Initiallly, the wooden wheels were replaced.",
                       source_lang="de", translation="Eventually, the wooden wheels were replaced.")
    (f,) = _scale(fs)
    assert f.evidence["antonym"]["source"] == "axis:time order"


def test_scale_words_far_apart_in_a_long_rewording_are_not_paired(real_lexicon: None) -> None:
    # one replaced stretch: 'success' closes the translation's side, 'collapse' sits early in the passage's
    fs = compare_texts("Die Gespräche waren ein Erfolg, sagten Beamte in Genf.",
                       "The talks ended in collapse after long nights of quarrels, officials in Geneva said.",
                       source_lang="de", translation="The talks were a success, officials in Geneva said.")
    assert not _negation(fs)


# ------------------------------------------------------------------ legitimate renderings that look like flips


def _flips(fs: list[Finding]) -> list[Finding]:
    return [f for f in _negation(fs) if f.severity.rank >= 2]


def test_an_age_is_not_the_opposite_of_young() -> None:
    fs = compare_texts("Ein 19-Jähriger fiel ins Gleis.", "A 19-year old fell onto the track.", source_lang="de",
                       translation="A young man fell onto the track.")
    assert not _negation(fs)
    fs = compare_texts("Der junge Mann kam.", "The old man came.", source_lang="de",
                       translation="The young man came.")
    assert _flips(fs)


def test_a_negative_prefix_near_the_lost_negation_carries_it() -> None:
    fs = compare_texts("Der Fahrer konnte nicht rechtzeitig bremsen.", "The driver was unable to brake in time.",
                       source_lang="de", translation="The driver of the vehicle could not stop in time.")
    assert not _flips(fs)
    # a prefixed word elsewhere in the sentence does not
    fs = compare_texts("Er ging nicht in das Haus.", "He went into the unknown house.", source_lang="de",
                       translation="He did not go into the house.")
    assert _flips(fs)


def test_passive_defeat_is_a_loss_and_according_to_is_no_word_of_agreement() -> None:
    assert not _flips(compare_texts("Sie verloren gegen Ehlers.", "They lost to Ehlers.", source_lang="de",
                                    translation="They were defeated by Ehlers."))
    assert not _flips(compare_texts("Laut Polizei stritten die beiden danach erneut.",
                                    "As reported by the police, the two then resumed their dispute.",
                                    source_lang="de",
                                    translation="Another scuffle followed between the two, according to the police."))
