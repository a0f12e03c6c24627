"""Facts made of possibilities and refusals, and what only looks like a change.

A passage that says an order "has been won" where the original says it "may" come states a possibility as a fact;
"has ruled out" strengthening a line the original is studying reverses it. "Has yet to be decided" is "has not yet
been set", "will stop calling at" is "will no longer stop at", "is due to start" keeps "is expected to start", and
"three and a half metres" is 3.5 metres: no change. A name the diff puts in place of another's is a substitution
even when it is a well-known city. A desk that merges two original sentences, one with a figure both give or one
whose every word it keeps, renders both: the aligner's 1-1 bead grows to 2-1. "Destroyed" for "damaged", "halted"
for "reduced" raise what happened on one scale; "cut" for "reduced" does not. "Not enough contractors" is "a shortage
of contractors"; "whose child" names from its other end the relation "mother of a pupil" names; "mancano i parcheggi"
(parking is lacking) is "not enough parking". "Une partie des élus" made "all the councillors" is a part made whole,
also without a translation.
"""

from __future__ import annotations

from provenance.compare.lexicon import load_lexicon
from provenance.compare.tokens import side_from_text
from provenance.model import Bead
from provenance.pairs import compare_texts
from provenance.regroup import regroup
from provenance.settle import with_figures


def _major(original: str, passage: str, translation: str, lang: str) -> list[str]:
    return [f.subtype.value for f in compare_texts(original, passage, source_lang=lang, translation=translation)
            if f.subtype and f.severity.rank >= 2]


def _words(text: str) -> frozenset[str]:
    words = (w.strip(".,%").lower() for w in text.split())
    return frozenset(w for w in words if len(w) >= 3 and w.isalpha() and w not in {"the", "and", "for", "its"})


def test_a_possibility_stated_as_done_is_a_dropped_hedge() -> None:
    assert _major("Stocznia może otrzymać zamówienie na budowę trzech promów.",
                  "The shipyard has won an order to build three ferries.",
                  "The shipyard may receive an order to build three ferries.", "pl") == ["hedge"]


def test_a_refusal_where_the_original_has_no_negation_reverses_it() -> None:
    assert _major("Salud estudia además reforzar la atención telefónica.",
                  "The department has ruled out strengthening its telephone line.",
                  "The health department is also studying strengthening telephone care.", "es") == ["negation"]


def test_yet_to_is_not_yet() -> None:
    assert _major("Aunque todavía no se ha fijado la cantidad.", "Though the amount has yet to be decided.",
                  "Although the amount has not yet been set.", "es") == []


def test_a_verb_of_ceasing_before_a_gerund_is_no_longer() -> None:
    assert _major("I vaporetti non fermeranno più a Rialto.", "The boats will stop calling at Rialto.",
                  "The boats will no longer stop at Rialto.", "it") == []


def test_a_schedule_keeps_an_expectation() -> None:
    assert _major("As obras deverão começar em março.", "Construction is due to start in March.",
                  "Works are expected to start in March.", "pt") == []


def test_three_and_a_half_is_three_point_five() -> None:
    assert _major("Le onde hanno superato i tre metri e mezzo.", "Waves topped 3.5 metres.",
                  "The waves exceeded three and a half metres.", "it") == []


def test_a_well_known_city_in_place_of_another_name_is_a_substitution() -> None:
    assert "entity" in _major("Secondo i geologi dell'Università di Pisa, il fenomeno è aggravato.",
                              "Geologists at the University of Florence say the problem is made worse.",
                              "According to geologists at the University of Pisa, the phenomenon is aggravated.",
                              "it")


def test_the_other_side_discrediting_the_figures_is_a_rebuttal() -> None:
    side = side_from_text("The mayor's office called these figures unreliable.", "en")
    assert load_lexicon("en").find("rebuttal.cues", side.tokens)


def test_a_figure_both_give_joins_a_merged_sentence_to_its_bead() -> None:
    derivative = ["New orders fell 38% in the third quarter, and 250 fitters work short hours."]
    translations = ["Incoming orders were 38 percent lower in the quarter.", "Around 250 fitters work short hours."]
    beads = [Bead((), (0,), 0.0), Bead((0,), (1,), 0.4)]
    assert regroup(beads, derivative, translations, with_figures(_words)) == [Bead((0,), (0, 1), 0.4)]


def test_a_short_sentence_whose_every_word_the_passage_keeps_joins_though_its_figure_changed() -> None:
    derivative = ["The shipyard employs 1,900 people and builds hulls for foreign yards."]
    translations = ["The shipyard employs 900.", "The shipyard builds hulls for foreign yards."]
    beads = [Bead((), (0,), 0.0), Bead((0,), (1,), 0.4)]
    assert regroup(beads, derivative, translations, with_figures(_words)) == [Bead((0,), (0, 1), 0.4)]


def test_a_verb_of_the_same_scale_at_a_higher_degree_is_intensity() -> None:
    assert _major("La tempête a endommagé une partie de la digue du Vil.", "The storm destroyed the Vil sea wall.",
                  "The storm damaged part of the Vil sea wall.", "fr") == ["intensity"]
    assert _major("A empresa já reduziu turnos.", "The company has halted production.",
                  "The company has already reduced shifts.", "pt") == ["intensity"]


def test_a_verb_of_the_same_degree_is_no_intensity() -> None:
    assert _major("A empresa já reduziu turnos.", "The company has already cut shifts.",
                  "The company has already reduced shifts.", "pt") == []


def test_a_well_known_city_beside_the_new_name_that_replaces_one_stays_explicitation() -> None:
    found = compare_texts("Le groupe scolaire de Villeurbanne restera fermé.",
                          "The school complex in Vénissieux, on the edge of Lyon, will stay closed.",
                          source_lang="fr", translation="The school complex in Villeurbanne will remain closed.")
    assert [f.severity.value for f in found if f.subtype and f.subtype.value == "entity"
            and f.derivative and f.derivative.text == "Lyon"] in ([], ["minor"])


def test_a_name_inside_a_hyphenated_description_is_explicitation() -> None:
    assert _major("O custo é financiado pelo Plano de Recuperação e Resiliência.",
                  "The cost is paid for by the EU-funded recovery plan.",
                  "The cost is financed by the Recovery and Resilience Plan.", "pt") == []


def test_could_as_a_past_ability_is_no_possibility_made_fact() -> None:
    assert _major("Das Feuer konnte rasch wieder gelöscht werden.", "The fire was quickly extinguished.",
                  "The fire could quickly be put out.", "de") == []


def test_a_refusal_followed_by_a_preposition_refuses_nothing() -> None:
    assert _major("Die Mehrheiten dafür sind knapp, in den Ausschüssen sogar ablehnend.",
                  "The majority is tight, even being rejected in the committees.",
                  "The majority for that is tight, even dismissive in the committees.", "de") == []


def test_a_negated_word_whose_antonym_the_translation_has_is_the_same_statement() -> None:
    original = "De oplevering liep bijna een jaar vertraging op door een tekort aan aannemers."
    translation = "The handover was delayed by almost a year because of a shortage of contractors."
    assert _major(original, "The handover was delayed by almost a year because there were not enough contractors.",
                  translation, "nl") == []
    assert _major(original, "The handover was delayed by almost a year although there were enough contractors.",
                  translation, "nl") != []


def test_a_relation_named_from_its_other_end_is_no_opposite() -> None:
    original = "« On a appris la nouvelle par les réseaux sociaux », regrette Sandrine Abadie, mère d'un élève."
    translation = '"We found out from social media," regrets Sandrine Abadie, mother of a pupil.'
    assert _major(original, '"We found out on social media," Sandrine Abadie, whose child is a pupil there, said.',
                  translation, "fr") == []


def test_a_verb_of_lacking_in_the_original_balances_a_negation_of_enough() -> None:
    for original, lang in (("Nel porto mancano i parcheggi per i camion.", "it"),
                           ("Im Hafen fehlen Parkplätze für Lastwagen.", "de"),
                           ("Au port, il manque des places pour les camions.", "fr")):
        passage = "The port does not have enough parking for lorries."
        assert "negation" not in [f.subtype.value for f in compare_texts(original, passage, source_lang=lang)
                                  if f.subtype and f.severity.rank >= 2], lang


def test_a_part_of_a_group_made_all_of_it_without_a_translation() -> None:
    for original, lang in (("Une partie des élus bellilois s'oppose au projet.", "fr"),
                           ("Una parte de los concejales se opone al proyecto.", "es"),
                           ("Часть депутатов выступила против проекта.", "ru")):
        assert [f.subtype.value for f in compare_texts(original, "All the councillors oppose the plan.",
                                                       source_lang=lang)
                if f.subtype and f.severity.rank >= 2] == ["intensity"], lang
