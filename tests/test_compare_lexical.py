"""The cross-lingual word check (mode B, German original, English passage, no translation).

Most tests use a small dictionary in the Ding format written for them; the ones that need
Debian's trans-de-en skip with a reason where it is not installed.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import Config
from provenance.lang import dictionary as lang_dictionary
from provenance.lang import ding as ding_module
from provenance.lang.ding import build_equivalents, load_equivalents
from provenance.lang.resources import DEFAULT_DING, Resources, current, using
from provenance.model import DriftSubtype, Finding, FindingKind, Severity
from provenance.pairs import compare_texts
from tests.conftest import FIXTURES

SAMPLE = FIXTURES / "compare" / "ding-lexical.txt"


def lexical_findings(tmp_path: Path, source: str, passage: str, *, dictionary: Path = SAMPLE,
                     translation: str | None = None, source_lang: str = "de") -> list[Finding]:
    config = Config(cache_dir=tmp_path / "cache", gloss_dictionary=str(dictionary))
    found = compare_texts(source, passage, source_lang=source_lang, derivative_lang="en", translation=translation,
                          config=config)
    return [f for f in found if f.detector == "lexical"]


def test_the_dictionary_answers_for_german_into_english_only(tmp_path: Path) -> None:
    """The word and antonym checks ask for a dictionary of their pair of languages instead of testing the
    languages: the Ding dictionary reads German into English."""
    with using(Resources.from_config(Config(cache_dir=tmp_path / "cache", gloss_dictionary=str(SAMPLE)))):
        ding = lang_dictionary.for_pair("de", "en")
        assert ding is not None and "manufacturer" in ding.plain("Hersteller")
        assert lang_dictionary.for_pair("fr", "en") is None and lang_dictionary.for_pair("de", "fr") is None
    with using(Resources.from_config(Config(cache_dir=tmp_path / "cache", gloss_dictionary=str(tmp_path / "no")))):
        assert lang_dictionary.for_pair("de", "en") is None  # not installed


def test_index_keeps_every_english_equivalent_lemmatised() -> None:
    exact, _lower, heads, en_pos, de_pos, reverse = build_equivalents(SAMPLE)
    assert set(exact["Hersteller"].split()) == {"manufacturer", "producer"}  # both synonyms, not just the first
    assert "plant" in exact["Werke"].split()  # the plural subentry, lemmatised
    assert "Hersteller" in heads and "Hersteller" in reverse["manufacturer"].split()
    assert en_pos["small"] == "a" and de_pos["groß"] == "a"


def test_register_marked_senses_are_kept_but_marked() -> None:
    exact, *_ = build_equivalents(SAMPLE)
    words = exact["Polizei"].split()
    assert "police" in words and "~old" in words  # "Old Bill [Br.] [slang]" links, but is no antonym evidence


def test_equivalents_index_is_cached_like_the_gloss_index(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    cache = tmp_path / "index-cache"  # its own: the shared indexes are linked into "cache"
    monkeypatch.setattr(ding_module, "_loaded", {})
    load_equivalents(SAMPLE, cache)
    [cached] = list((cache / "gloss").iterdir())
    assert "equiv" in cached.name and str(SAMPLE.stat().st_size) in cached.name

    def no_build(_path: Path) -> None:
        raise AssertionError("the index should have come from the cache")

    monkeypatch.setattr(ding_module, "_loaded", {})
    monkeypatch.setattr(ding_module, "build_equivalents", no_build)
    assert "manufacturer" in load_equivalents(SAMPLE, cache)[0]["Hersteller"]


def test_a_faithful_rendering_with_synonyms_gives_no_finding(tmp_path: Path) -> None:
    assert lexical_findings(tmp_path, "Der Hersteller baute ein Werk in der Stadt.",
                            "The producer built a factory in the town.") == []
    assert lexical_findings(tmp_path, "Der Hersteller baute ein Werk in der Stadt.",
                            "The manufacturer constructed a plant in the city.") == []


def test_a_word_the_dictionary_does_not_give_at_its_place_is_a_minor_substitution(tmp_path: Path) -> None:
    [f] = lexical_findings(tmp_path, "Der Hersteller baute ein Werk in der Stadt.",
                           "The manufacturer built a train in the city.")
    assert (f.kind, f.subtype, f.severity) == (FindingKind.DRIFT, DriftSubtype.MEANING, Severity.MINOR)
    assert f.derivative is not None and f.derivative.text == "train"
    assert f.original is not None and f.original.text == "Werk"


def test_an_antonym_from_the_passage_language_lexicon_is_negation(tmp_path: Path) -> None:
    # en.toml pairs 'countryside' with 'city'; the dictionary gives 'Stadt' as 'town; city'
    [f] = lexical_findings(tmp_path, "Der Hersteller baute ein Werk in der Stadt.",
                           "The manufacturer built a plant in the countryside.")
    assert f.subtype is DriftSubtype.NEGATION and f.evidence["antonym"] == "city"


def test_an_adjective_swapped_is_intensity(tmp_path: Path) -> None:
    [f] = lexical_findings(tmp_path, "Der Hersteller baute ein neues Werk.",
                           "The manufacturer built a governmental plant.")
    assert f.subtype is DriftSubtype.INTENSITY and f.severity is Severity.MINOR


def test_a_dictionary_antonym_is_negation_with_full_severity(tmp_path: Path) -> None:
    [f] = lexical_findings(tmp_path, "Der Hersteller baute ein großes Werk.",
                           "The manufacturer built a small plant.")
    assert (f.subtype, f.severity) == (DriftSubtype.NEGATION, Severity.CRITICAL)
    assert f.evidence["antonym"] in {"big", "large"}


def test_a_negated_word_rendered_by_its_antonym_is_not_flagged(tmp_path: Path) -> None:
    assert lexical_findings(tmp_path, "Der Hersteller baute ein nicht großes Werk.",
                            "The manufacturer built a small plant.") == []


def test_a_slang_sense_is_no_antonym(tmp_path: Path) -> None:
    # 'Polizei' can be 'Old Bill' [slang]; 'young' is not the opposite of the police
    found = lexical_findings(tmp_path, "Die Polizei baute ein Werk.", "The young police built a plant.")
    assert all(f.subtype is not DriftSubtype.NEGATION for f in found)


def test_a_place_of_the_original_missing_from_the_passage_is_an_omission(tmp_path: Path) -> None:
    [f] = lexical_findings(tmp_path, "Der Hersteller baute in Polen ein Werk.", "The manufacturer built a plant.")
    assert (f.kind, f.severity) == (FindingKind.OMISSION, Severity.MINOR)
    assert "Polen" in f.explanation


def test_words_beyond_the_rendered_stretch_are_an_excerpt_not_an_omission(tmp_path: Path) -> None:
    # a quote may render part of a sentence: only what is dropped inside the rendered stretch counts
    source = "Der Hersteller baute ein Werk in der Stadt, die Polizei baute in Polen einen neuen Zug."
    assert lexical_findings(tmp_path, source, "The manufacturer built a plant in the city.") == []


def test_separable_verbs_are_joined_with_their_particle(tmp_path: Path) -> None:
    # 'teilte ... mit' is 'mitteilen' (announce), not 'teilen' (share)
    assert lexical_findings(tmp_path, "Der Hersteller teilte ein Werk mit.",
                            "The manufacturer announced a plant.") == []


def test_only_mode_b_and_only_german_to_english(tmp_path: Path) -> None:
    source, passage = "Der Hersteller baute ein Werk in der Stadt.", "The manufacturer built a train in the city."
    assert lexical_findings(tmp_path, source, passage, translation="The manufacturer built a plant in the city.") == []
    assert lexical_findings(tmp_path, "Le fabricant a construit une usine en ville.", passage, source_lang="fr") == []


def test_the_dictionary_a_run_configures_does_not_outlive_the_run(tmp_path: Path) -> None:
    """The dictionary travels in the run's resources, not in module state: after a comparison with the sample
    dictionary, a lookup outside any run asks for the default one again."""
    lexical_findings(tmp_path, "Der Hersteller baute ein Werk in der Stadt.", "The producer built a factory.")
    sample = lang_dictionary.dictionary(Resources.from_config(Config(cache_dir=tmp_path, gloss_dictionary=str(SAMPLE))))
    assert sample is not None
    assert current().ding == DEFAULT_DING
    assert lang_dictionary.dictionary() is not sample


def test_without_the_dictionary_the_check_is_skipped_silently(tmp_path: Path) -> None:
    found = lexical_findings(tmp_path, "Der Hersteller baute ein Werk in der Stadt.",
                             "The manufacturer built a train in the city.", dictionary=tmp_path / "missing")
    assert found == []


def test_real_dictionary_links_a_news_sentence_and_catches_a_swap(tmp_path: Path) -> None:
    if not DEFAULT_DING.exists():
        pytest.skip("Debian's trans-de-en is not installed (make system-deps installs it)")
    source = "Die Regierung hat am Montag ein neues Gesetz gegen Lebensmittelverschwendung vorgestellt."
    assert lexical_findings(tmp_path, source, "On Monday the government presented a new law against food waste.",
                            dictionary=DEFAULT_DING) == []
    found = lexical_findings(tmp_path, source, "On Monday the opposition presented a new law against food waste.",
                             dictionary=DEFAULT_DING)
    assert found and found[0].derivative is not None and found[0].derivative.text == "opposition"


def test_a_compound_whose_modifier_is_rendered_as_another_noun_is_a_substitution(tmp_path: Path) -> None:
    assert lexical_findings(tmp_path, "Der Volleyballspieler baute ein Werk.",
                            "The volleyball player built a plant.") == []
    [f] = lexical_findings(tmp_path, "Der Volleyballspieler baute ein Werk.", "The basketball player built a plant.")
    assert f.subtype is DriftSubtype.MEANING and f.derivative is not None and f.derivative.text == "basketball"


def test_a_name_with_its_first_letter_changed_is_another_name(tmp_path: Path) -> None:
    # 'Hannover' / 'Hanover' and 'Cherson' / 'Kherson' are spelling variants; 'Gera' / 'Dera' is another town
    assert lexical_findings(tmp_path, "Der Hersteller baute ein Werk in Hannover.",
                            "The manufacturer built a plant in Hanover.") == []
    assert lexical_findings(tmp_path, "Der Hersteller baute ein Werk in Cherson.",
                            "The manufacturer built a plant in Kherson.") == []
    [f] = lexical_findings(tmp_path, "Der Hersteller baute ein Werk in Gera.",
                           "The manufacturer built a plant in Dera.")
    assert f.subtype is DriftSubtype.ENTITY and f.derivative is not None and f.derivative.text == "Dera"


def test_mode_a_german_word_whose_equivalent_is_the_opposite_is_a_minor_antonym_guess(tmp_path: Path) -> None:
    # the translation rewords the place beyond recognition ('compact build'); the dictionary still says
    # 'klein' is 'small' / 'little', the opposites of the passage's 'big'
    config = Config(cache_dir=tmp_path / "cache", gloss_dictionary=str(SAMPLE))
    found = compare_texts("Der Zug war klein.", "The train was big.", source_lang="de", derivative_lang="en",
                          translation="The train had a compact build.", config=config)
    (f,) = [f for f in found if f.subtype is DriftSubtype.NEGATION]
    assert f.severity is Severity.MINOR and f.evidence["antonym"]["source"] == "dictionary"
    assert f.original is not None and f.original.text == "klein"
    # the passage word the dictionary gives for a German word is not guessed to be its opposite
    found = compare_texts("Der Zug war klein.", "The train was small.", source_lang="de", derivative_lang="en",
                          translation="The train had a compact build.", config=config)
    assert not [f for f in found if f.subtype is DriftSubtype.NEGATION]


def test_an_antonym_at_the_other_end_of_the_sentence_is_no_flip(tmp_path: Path) -> None:
    # 'groß' describes the manufacturer at the start; 'small' the plant at the end: two words, no opposite
    found = lexical_findings(tmp_path, "Der große Hersteller baute in der Stadt ein neues Werk.",
                             "The manufacturer built a new plant in the city, and a rather small one at that.")
    assert not [f for f in found if f.subtype is DriftSubtype.NEGATION]
