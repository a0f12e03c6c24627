"""Faithful restatements that say the same thing with other words stay quiet.

A negation carried by a phrase that means "not working", a negative quantifier against a comparison with
everyone, a dimension word after its measure, the source of an estimate as the subject that puts it at a value, and
an outlet's hearsay rendered by its relay of others are all the original's meaning, not a flip or a dropped hedge.
"""

from __future__ import annotations

from provenance.pairs import compare_texts


def _major(fs: list, subtype: str) -> list:
    return [f for f in fs if f.subtype and f.subtype.value == subtype and f.severity.rank >= 2]


def test_out_of_action_carries_did_not_work() -> None:
    fs = compare_texts(
        "Dalle 6 alle 11 il sistema di riconoscimento delle targhe non ha funzionato e gli addetti hanno dovuto "
        "controllare i documenti a mano.",
        "The number-plate cameras were out of action from 6 a.m. until 11 a.m., forcing staff to check papers by hand.",
        source_lang="it",
        translation="From 6 to 11 the number-plate recognition system did not work and staff had to check documents "
        "by hand.")
    assert not _major(fs, "negation")


def test_nobody_better_is_better_than_anyone() -> None:
    fs = compare_texts("Dbamy o nie lepiej niż ktokolwiek.", "Nobody looks after them better than we do.",
                       source_lang="pl", translation="We look after them better than anyone.")
    assert not _major(fs, "negation")


def test_a_depth_is_no_opposite_of_shallow() -> None:
    fs = compare_texts("Grund ist die Fahrrinne, die an mehreren Stellen nur noch 1,60 Meter tief ist.",
                       "The reason is the channel, which has become too shallow in places, at just 1.60 metres.",
                       source_lang="de",
                       translation="The reason is the channel, which is now only 1.60 metres deep in several places.")
    assert not _major(fs, "negation")


def test_who_puts_a_figure_at_a_value_is_its_source() -> None:
    fs = compare_texts("Der Kaufpreis liegt nach Angaben des Hauses bei 180.000 Euro.",
                       "The gallery put the price at 180,000 euros.", source_lang="de",
                       translation="According to the institution, the purchase price is 180,000 euros.")
    assert not _major(fs, "hedge")


def test_an_outlets_relay_renders_its_hearsay() -> None:
    fs = compare_texts("Die Molkerei soll im Sommer schließen.",
                       "Citing people close to the company, the paper reported that the dairy will close in summer.",
                       source_lang="de", translation="The dairy is said to be closing in the summer.")
    assert not _major(fs, "hedge")
    # without the relay the hearsay is made fact
    fs = compare_texts("Die Molkerei soll im Sommer schließen.", "The dairy will close in summer.",
                       source_lang="de", translation="The dairy is said to be closing in the summer.")
    assert _major(fs, "hedge")


def test_a_state_reached_is_no_intensifier_unless_a_part_was_said() -> None:
    fs = compare_texts("À terme, le site doit employer 1 200 personnes.",
                       "Once fully up and running, the plant is meant to employ 1,200 people.",
                       source_lang="fr", translation="In the long run the site is due to employ 1,200 people.")
    assert not _major(fs, "intensity")
    fs = compare_texts("La planta está parcialmente operativa.", "The plant is fully operational.",
                       source_lang="es", translation="The plant is partially operational.")
    assert _major(fs, "intensity")


def test_her_account_made_the_subject_keeps_it_attributed() -> None:
    fs = compare_texts("Besonders eindrucksvoll sei eine Serie aus dem Winter 1945.",
                       "She singled out a series from the winter of 1945 as the most striking.", source_lang="de",
                       translation="According to her, a series from the winter of 1945 is especially powerful.")
    assert not _major(fs, "hedge")
    fs = compare_texts("Le altre aspettano la bonifica, che secondo il porto dovrebbe finire entro l'estate.",
                       "The others wait for the clean-up, which the port expects to end by summer.", source_lang="it",
                       translation="The others await the clean-up, which according to the port should end by summer.")
    assert not _major(fs, "hedge")
    fs = compare_texts("Selon lui, les coûts de sécurité sont passés de 90 000 à 210 000 euros.",
                       "By his account, security costs climbed from 90,000 to 210,000 euros.", source_lang="fr",
                       translation="According to him, security costs rose from 90,000 to 210,000 euros.")
    assert not _major(fs, "hedge")


def test_a_measure_with_its_word_swapped_is_a_flip() -> None:
    fs = compare_texts("Die Mauer ist drei Meter hoch.", "The wall is three metres low.", source_lang="de",
                       translation="The wall is three metres high.")
    assert _major(fs, "negation")


def test_not_ruled_out_renders_a_negated_exclude_without_a_translation() -> None:
    fs = compare_texts("Gli investigatori del Corpo forestale non escludono la pista dolosa.",
                       "Investigators from the forestry corps have not ruled out arson.", source_lang="it")
    assert not _major(fs, "negation")


def test_no_before_a_number_numbers_a_bridge_it_negates_nothing() -> None:
    fs = compare_texts("Мосты № 1 и № 2 закроют на ремонт.", "Bridges No. 1 and No 2 will be closed for repairs.",
                       source_lang="ru")
    assert not _major(fs, "negation")
