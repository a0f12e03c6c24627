"""The comparison engine on handmade pairs: each detector catches its drift, and ordinary
translation variation is left alone."""

from __future__ import annotations

import pytest

from provenance.compare import compare_aligned, verdict
from provenance.model import Bead, Sentence, Span, Translation
from provenance.pairs import compare_texts


def kinds(findings) -> set[tuple[str, str | None]]:  # noqa: ANN001
    return {(f.kind.value, f.subtype.value if f.subtype else None) for f in findings}


def serious(findings) -> list:  # noqa: ANN001
    return [f for f in findings if f.severity.rank >= 2]


# ------------------------------------------------------------------ numbers


def test_number_word_changed_is_critical_drift_with_both_sides():
    fs = compare_texts("Russland fordert fünf Regionen.", "Russia demands four regions.", source_lang="de")
    (f,) = [f for f in fs if f.subtype and f.subtype.value == "number"]
    assert f.severity.value == "critical"
    assert f.derivative.text == "four" and f.original.text == "fünf"
    assert "fünf" in f.explanation and "four" in f.explanation


def test_number_formats_across_languages_match():
    assert not compare_texts("Es gab mehr als 272.000 Infektionen.", "There were more than 272,000 infections.",
                             source_lang="de")
    assert not compare_texts("Das kostet 1,5 Millionen Euro.", "That costs 1.5 million euros.", source_lang="de")
    assert not compare_texts("Il y avait sept personnes.", "There were 7 people.", source_lang="fr")


def test_a_converted_range_in_brackets_is_the_same_quantity():
    src = "Odlanie nowego krasnala kosztuje od 4 do 7 tysięcy złotych."
    tr = "Casting a new dwarf costs between 4,000 and 7,000 zlotys."
    fs = compare_texts(src, "Casting a new dwarf costs between 4,000 and 7,000 zloty (roughly €950 to €1,650).",
                       source_lang="pl", translation=tr)
    assert not _numbers(fs)
    fs = compare_texts(src, "Casting a new dwarf costs between 4,000 and 9,000 zloty.", source_lang="pl",
                       translation=tr)
    assert [f.derivative.text for f in _numbers(fs)] == ["9,000"]


def _numbers(fs):  # noqa: ANN001, ANN202
    return [f for f in fs if f.subtype and f.subtype.value == "number"]


def test_number_word_opening_a_german_compound_is_a_count():
    assert not _numbers(compare_texts("Die NBA hat eine zehntägige Quarantäne verordnet.",
                                      "The NBA ordered a ten-day quarantine.", source_lang="de"))
    assert not _numbers(compare_texts("Über ein Drittel hat sich infiziert.", "Over one third are infected.",
                                      source_lang="de"))
    # the count is still compared: 'zehntägige' is not seven days
    assert _numbers(compare_texts("Die NBA hat eine zehntägige Quarantäne verordnet.",
                                  "The NBA ordered a quarantine of seven days.", source_lang="de"))


def test_digit_groups_split_by_spaces_are_one_number():
    assert not _numbers(compare_texts("Партия вернула государству 110 100 евро.",
                                      "The party returned 110,100 euros to the state.", source_lang="ru"))
    assert not _numbers(compare_texts("Il y avait 3 500 personnes.", "There were 3,500 people.", source_lang="fr"))
    assert _numbers(compare_texts("Il y avait 3 500 personnes.", "There were 3,800 people.", source_lang="fr"))


def test_russian_ordinals_in_any_case_are_numbers():
    assert not _numbers(compare_texts("Башмаков стал четвертым в зачете.", "Bashmakov was fourth in the standings.",
                                      source_lang="ru"))
    assert _numbers(compare_texts("Башмаков стал четвертым в зачете.", "Bashmakov was fifth in the standings.",
                                  source_lang="ru"))


def test_a_score_is_not_a_clock_time():
    assert not _numbers(compare_texts("Sie verloren mit 1:2 (17:21, 21:17).", "They lost 1-2 (17-21, 21-17).",
                                      source_lang="de"))
    assert _numbers(compare_texts("Sie verloren mit 1:2.", "They lost 1-3.", source_lang="de"))
    # a clock time still matches the 12-hour form of its hour
    assert not _numbers(compare_texts("Das Treffen beginnt um 21:30 Uhr.", "The meeting starts at 9:30 pm.",
                                      source_lang="de"))


def test_number_changed_digits_in_russian():
    fs = compare_texts("В городе живут 28 000 человек.", "The town has 38,000 inhabitants.", source_lang="ru")
    assert ("drift", "number") in kinds(fs)


# ------------------------------------------------------------------ entities


def test_people_swapped_ukrainians_russians():
    fs = compare_texts("Putin verlangt den Abzug der Ukrainer aus dem Donbass.",
                       "Putin demands the withdrawal of the Russians from the Donbas.", source_lang="de")
    (f,) = [f for f in fs if f.subtype and f.subtype.value == "entity"]
    assert f.derivative.text == "Russians" and f.original.text == "Ukrainer"
    assert f.severity.value == "critical"


def test_name_shared_by_original_and_translation_replaced_in_passage():
    fs = compare_texts("Nach den Verlusten sprach Bush über den Handel in Asien.",
                       "After the losses, Prince William spoke about trade in Asia.", source_lang="de",
                       translation="After the losses, Bush talked about trade in Asia.")
    (f,) = [f for f in fs if f.subtype and f.subtype.value == "entity"]
    assert "Bush" in f.explanation and "William" in f.derivative.text
    assert f.severity.value == "critical"


def test_name_added_where_the_translation_has_nothing_is_an_addition():
    fs = compare_texts("Der Professor unterrichtet den Kurs über Medien.",
                       "The professor teaches the Vackerberg course on media.", source_lang="de",
                       translation="The professor teaches the course on media.")
    assert [(f.kind.value, f.derivative.text) for f in fs] == [("addition", "Vackerberg")]
    # a name alone adds no claim (desks name what the original implies): shown, but minor
    assert "adds the name 'Vackerberg'" in fs[0].explanation and fs[0].severity.value == "minor"


def test_finding_too_weak_to_report_does_not_hide_its_word_from_later_checks():
    # 'Harvard' is also a dictionary word, so the name check is unsure (below the reporting threshold);
    # the word must still reach the addition check
    fs = compare_texts("Der Professor unterrichtet den Kurs über Medien.",
                       "The professor teaches the Harvard course on media.", source_lang="de",
                       translation="The professor teaches the course on media.")
    assert [(f.kind.value, f.detector, f.derivative.text) for f in fs] == [("addition", "coverage", "Harvard")]


def test_name_replacing_a_name_of_the_original_stays_entity_drift():
    # 'Korb' is gone and a new name said it: a swap, even though the word order makes it look inserted
    fs = compare_texts("Die Partei wird ihre Schulden begleichen, sagte Korb.",
                       "The party will pay its debts, Abramenko said.", source_lang="de",
                       translation="The party will pay its debts, said Korb.")
    assert ("drift", "entity") in kinds(fs) and ("addition", None) not in kinds(fs)


def test_misspelt_word_at_the_start_of_a_sentence_is_not_a_name():
    # 'Initiallly' is capitalised only because it opens the sentence; one slip away from 'initially'
    fs = compare_texts("Anfangs wurden die Holzräder durch eiserne ersetzt.",
                       "Initiallly, the wooden wheels were replaced by iron ones.", source_lang="de",
                       translation="At first, the wooden wheels were replaced by iron ones.")
    assert ("drift", "entity") not in kinds(fs)
    fs = compare_texts("Pawlenko sagte, die Räder seien ersetzt worden.",
                       "Kowalczyk said the wheels had been replaced.", source_lang="de",
                       translation="Pawlenko said the wheels had been replaced.")
    assert ("drift", "entity") in kinds(fs)  # an unknown name at the start of a sentence is still a name


def test_transliterated_place_names_are_the_same_entity():
    assert not compare_texts("Die Armee zog sich aus Cherson zurück.", "The army withdrew from Kherson.",
                             source_lang="de")
    assert not compare_texts("Армия отошла из Херсона.", "The army withdrew from Kherson.", source_lang="ru")


def test_gender_flip_with_known_translation():
    fs = compare_texts("Er hat nicht geantwortet.", "She did not answer.", source_lang="de",
                       translation="He did not answer.")
    assert ("drift", "entity") in kinds(fs)


# ------------------------------------------------------------------ negation


def test_negation_dropped_across_languages():
    for src, lang in (("Er hat das Angebot nicht angenommen.", "de"), ("Il n'a pas accepté l'offre.", "fr"),
                      ("No aceptó la oferta.", "es"), ("Он не принял предложение.", "ru")):
        fs = compare_texts(src, "He accepted the offer.", source_lang=lang)
        assert ("drift", "negation") in kinds(fs), lang


def test_antonym_against_known_translation():
    fs = compare_texts("Die Regierung hat den Plan gebilligt.", "The government rejected the plan.",
                       source_lang="de", translation="The government approved the plan.")
    assert ("drift", "negation") in kinds(fs)


def test_antonym_of_a_synonym_found_by_word_vectors():
    # 'triumph' is not in the antonym lexicon, but it is far closer to 'success' (the antonym of 'failure')
    fs = compare_texts("Die Gespräche waren ein Triumph.", "The talks were a failure.", source_lang="de",
                       translation="The talks were a triumph.")
    (f,) = [f for f in fs if f.subtype and f.subtype.value == "negation"]
    assert f.derivative.text == "failure" and "triumph" in f.explanation
    assert f.evidence["embedding"] is True


def test_the_fallback_against_the_original_pairs_only_its_frequent_words(monkeypatch):  # noqa: ANN001
    # mode A: 'slow' has no counterpart in the translation, so the word-vector check falls back to the original's
    # words; a compound and a place name (rarer than Zipf 3.5, outside the set-up table) are not embedded for it
    import provenance.compare.antonyms_vectors as vectors

    asked: list[str] = []
    real = vectors.word_vectors
    monkeypatch.setattr(vectors, "word_vectors", lambda words: asked.extend(words) or real(words))
    compare_texts("Das Kraftfahrzeugrennen in Hinterzarten war gestern sehr schnell.",
                  "The motor race in Hinterzarten was slow yesterday.", source_lang="de",
                  translation="The motor race in Hinterzarten took place yesterday.")
    assert {"schnell", "gestern"} <= set(asked)  # the fallback ran, on the original's frequent words
    assert not {"kraftfahrzeugrennen", "hinterzarten"} & set(asked)


def test_negation_rendered_by_prefix_is_not_flagged():
    fs = compare_texts("Das ist nicht korrekt.", "This is incorrect.", source_lang="de",
                       translation="This is not correct.")
    assert not serious(fs)


def test_a_verb_that_says_something_did_not_happen_renders_a_negation():
    # negative implicatives: "avoid", "ignore", "run out of" carry the original's "not" / "no longer"
    for src, der, tr in (
        ("Man will lange Schlangen am Eingang vermeiden.", "People will not have to queue for long at the gate.",
         "The aim is to avoid long queues at the entrance."),
        ("Chi non rispetta gli orari paga una multa.", "Venues that ignore the hours pay a fine.",
         "Those who do not respect the hours pay a fine."),
        ("Nous n'avons plus la place de produire.", "We have run out of room to produce.",
         "We no longer have room to produce."),
    ):
        fs = compare_texts(src, der, source_lang={"M": "de", "C": "it", "N": "fr"}[src[0]], translation=tr)
        assert not [f for f in fs if f.subtype and f.subtype.value == "negation"], der


def test_a_lost_negation_is_shown_where_the_passage_renders_what_it_negated():
    # two sentences in one bead: the first keeps its "not", the second loses its "no"; the finding points at the
    # flipped clause, not at the negation that stayed
    fs = compare_texts(
        "Der Abschnitt erfüllt die Normen nicht. Akute Gefahr besteht laut Wasserverband nicht.",
        "The stretch does not meet the standards. According to the water board, there is acute danger.",
        source_lang="de",
        translation="The stretch does not meet the standards. According to the water board, there is no acute danger.",
    )
    (f,) = [f for f in fs if f.subtype and f.subtype.value == "negation"]
    assert f.derivative.text == "acute danger"


def test_a_quote_given_to_someone_else_points_at_the_quote_and_the_name() -> None:
    fs = compare_texts(
        "«Без пересмотра тарифа мы просто не сможем обновить подвижной состав», — заявил Игорь Шахов. Председатель "
        "комиссии Елена Гордеева.",
        '"Without revising the fare we simply cannot renew our rolling stock," said Elena Gordeeva, who chairs the '
        "commission.",
        source_lang="ru",
        translation='"Without revising the fare we simply cannot renew our rolling stock," said Igor Shakhov. Elena '
                    "Gordeeva chairs the commission.",
    )
    quoted = [f for f in fs if f.subtype and f.subtype.value == "quotation"]
    assert quoted and "Elena Gordeeva" in quoted[0].derivative.text


def test_posture_verbs_and_staying_put_are_no_opposites():
    for der, tr in (("Hundreds of tree pits have sat empty for years.",
                     "Hundreds of tree pits have stood empty for years."),
                    ("Concession passes will not change in price.", "Concession passes will stay at the same price.")):
        fs = compare_texts("Cientos de alcorques llevan años vacíos.", der, source_lang="es", translation=tr)
        assert not serious(fs), der
    fs = compare_texts("Cientos de alcorques llevan años vacíos.", "The price will change.", source_lang="es",
                       translation="The price will stay the same.")
    assert [f.derivative.text for f in serious(fs)] == ["change"]


# ------------------------------------------------------------------ hedges and intensity


def test_reported_speech_made_fact_seed_case():
    fs = compare_texts("Witkoff soll Putins Forderungen missverstanden haben.",
                       "Witkoff misunderstood Putin's demands.", source_lang="de")
    (f,) = [f for f in fs if f.subtype and f.subtype.value == "hedge"]
    assert f.severity.value == "major" and "soll" in f.explanation


def test_hedge_kept_is_not_flagged():
    for der in ("Witkoff reportedly misunderstood Putin's demands.",
                "Witkoff is said to have misunderstood Putin's demands."):
        assert not compare_texts("Witkoff soll Putins Forderungen missverstanden haben.", der, source_lang="de")


def test_laut_rendered_as_according_to_is_fine_and_dropped_is_flagged():
    src = "Laut Polizei war der Fahrer betrunken."
    assert not compare_texts(src, "According to the police, the driver was drunk.", source_lang="de")
    assert ("drift", "hedge") in kinds(compare_texts(src, "The driver was drunk.", source_lang="de"))


def test_laut_as_an_adjective_is_no_hedge():
    # 'so laut schreien' is 'cry so loudly'; the preposition 'laut' ('according to') is still a hedge
    assert not compare_texts("Die Kinder schreien so laut.", "The children scream so loudly.",
                             source_lang="de")
    assert ("drift", "hedge") in kinds(compare_texts("Der Fahrer war laut Polizei betrunken.",
                                                     "The driver was drunk.", source_lang="de"))


def test_according_to_for_a_german_attribution_frame_is_no_added_hedge():
    for src in ("Die Polizei nahm nach eigenen Angaben einen Verdächtigen fest.",
                "Die Polizei nahm nach einem Medienbericht einen Verdächtigen fest."):
        fs = compare_texts(src, "According to the police, they arrested a suspect.", source_lang="de")
        assert ("drift", "hedge") not in kinds(fs)
    fs = compare_texts("Die Polizei nahm einen Verdächtigen fest.",
                       "According to rumours, the police arrested a suspect.", source_lang="de")
    assert ("drift", "hedge") in kinds(fs)


def test_according_to_for_a_russian_attribution_frame_is_no_added_hedge():
    for src in ("По его словам, сумма составляет около 300 000 евро.",
                "По последним данным, сумма составляет около 300 000 евро."):
        fs = compare_texts(src, "According to him, the sum is about 300,000 euros.", source_lang="ru")
        assert ("drift", "hedge") not in kinds(fs)


def test_a_plan_or_an_epistemic_modal_keeps_the_hedge():
    # 'soll' as a plan rendered 'to be held'; 'möglicherweise' rendered with 'could'
    assert ("drift", "hedge") not in kinds(compare_texts("Die Pferdeschau soll wieder stattfinden.",
                                                         "Horse show to be held again.", source_lang="de"))
    assert ("drift", "hedge") not in kinds(compare_texts("Er wird möglicherweise die Spiele verpassen.",
                                                         "He could miss the matches.", source_lang="de",
                                                         translation="He will possibly miss the matches."))


def test_a_capitalised_noun_is_no_konjunktiv_form():
    # 'Läufe' (races) folds to 'laufe', a Konjunktiv I form of 'laufen'
    assert ("drift", "hedge") not in kinds(compare_texts("Der Kalender umfasst 13 Läufe.",
                                                         "The calendar includes 13 races.", source_lang="de"))


def test_claims_as_a_noun_is_no_hedge():
    fs = compare_texts("Argentinien bittet seine Gläubiger, auf einen Teil ihrer Forderungen zu verzichten.",
                       "Argentina asks its creditors to waive some of their claims.", source_lang="de")
    assert ("drift", "hedge") not in kinds(fs)


def test_hedges_in_other_languages():
    assert ("drift", "hedge") in kinds(compare_texts("Il aurait quitté la ville.", "He left the town.",
                                                     source_lang="fr"))
    assert ("drift", "hedge") in kinds(compare_texts("Он якобы покинул город.", "He left the town.",
                                                     source_lang="ru"))


def test_partly_made_completely_is_intensity():
    fs = compare_texts("Witkoff hat Putin teilweise missverstanden.", "Witkoff completely misunderstood Putin.",
                       source_lang="de")
    (f,) = [f for f in fs if f.subtype and f.subtype.value == "intensity"]
    assert "teilweise" in f.explanation and "completely" in f.explanation


# ------------------------------------------------------------------ quotation


def test_paraphrase_put_in_quotes():
    fs = compare_texts("Der Minister kritisierte die Pläne.", 'The minister called the plans "a disaster".',
                       source_lang="de")
    assert ("drift", "quotation") in kinds(fs)


def test_same_language_quote_with_changed_words():
    fs = compare_texts('He said: "We will consider the proposal."', 'He said: "We will reject the proposal."',
                       source_lang="en")
    assert ("drift", "quotation") in kinds(fs) or ("drift", "negation") in kinds(fs)


# ------------------------------------------------------------------ coverage


def _sentences(texts: list[str]) -> tuple[str, list[Sentence]]:
    out, pos = [], 0
    for i, t in enumerate(texts):
        out.append(Sentence(i, t, Span(pos, pos + len(t))))
        pos += len(t) + 1
    return " ".join(texts), out


def test_added_sentence_and_dropped_rebuttal_from_beads():
    _, der = _sentences(["Putin met Witkoff.", "The talks were a total failure for Ukraine."])
    _, ori = _sentences(["Putin traf Witkoff.", "Der Kreml bestritt jedoch, dass es Streit gegeben habe."])
    beads = [Bead((0,), (0,), 0.9), Bead((1,), (), 0.0), Bead((), (1,), 0.0)]
    fs = compare_aligned(der, ori, beads, translations=None, derivative_lang="en", original_lang="de")
    add = [f for f in fs if f.kind.value == "addition"]
    om = [f for f in fs if f.kind.value == "omission"]
    assert add and add[0].derivative.span == der[1].span
    assert om and om[0].severity.value == "major"  # a denial is a rebuttal, not filler
    assert om[0].original.span == ori[1].span


def test_a_negation_the_passage_adds_over_words_the_gloss_lacks_is_only_minor():
    """Without a translation to diff, the gloss still says which words the original has: "four will not open"
    for "four stay closed" negates a word the original lacks; "the pool will not open" for "the pool opens" does
    not."""
    _, ori = _sentences(["Vier Bäder bleiben geschlossen."])
    gloss = [Translation("Vier Bäder bleiben geschlossen.", "four baths remain closed", "de", "en", "gloss:ding")]
    beads = [Bead((0,), (0,), 0.9)]
    _, der = _sentences(["Four pools will not open."])
    fs = compare_aligned(der, ori, beads, translations=None, glosses=gloss, derivative_lang="en", original_lang="de")
    assert [f.severity.value for f in fs if f.subtype and f.subtype.value == "negation"] in ([], ["minor"])
    _, ori = _sentences(["Vier Bäder öffnen."])
    gloss = [Translation("Vier Bäder öffnen.", "four baths open", "de", "en", "gloss:ding")]
    fs = compare_aligned(der, ori, beads, translations=None, glosses=gloss, derivative_lang="en", original_lang="de")
    assert [f.severity.value for f in fs if f.subtype and f.subtype.value == "negation"] == ["critical"]


def test_the_credit_of_a_sentence_carries_the_konjunktiv_of_indirect_speech_not_the_outlets_soll():
    def check(original: str, passage: str, frame: str) -> list:
        # the pipeline blanks the credit's words in the passage and passes them beside it
        start = passage.index(frame)
        blanked = passage[:start] + " " * len(frame) + passage[start + len(frame):]
        _, der = _sentences([blanked])
        _, ori = _sentences([original])
        fs = compare_aligned(der, ori, [Bead((0,), (0,), 0.9)], translations=None, derivative_lang="en",
                             original_lang="de", credit=[(Span(start, start + len(frame)), frame)])
        return [f for f in fs if f.subtype and f.subtype.value == "hedge" and f.severity.rank >= 2]

    assert not check("Nach seinen Worten gebe es keine Pläne für Entlassungen.",
                     "There were no plans for layoffs, the spokesman told the paper.", "the spokesman told the paper")
    assert check("Der Minister soll Geld angenommen haben.", "The minister took money, the paper said.",
                 "the paper said")


def test_dropped_separable_verb_rebuttal_is_major_and_explained():
    _, der = _sentences(["The mayor says the minister lied."])
    _, ori = _sentences(["Der Bürgermeister sagt, der Minister habe gelogen.",
                         "Das Amt wies diese Darstellung am Abend entschieden zurück."])
    beads = [Bead((0,), (0,), 0.9), Bead((), (1,), 0.0)]
    fs = compare_aligned(der, ori, beads, translations=None, derivative_lang="en", original_lang="de")
    (om,) = [f for f in fs if f.kind.value == "omission"]
    assert om.severity.value == "major"
    assert "rebuttal" in om.explanation and "wies zurück" in om.explanation


def test_dropped_subheading_is_not_an_omission():
    _, der = _sentences(["The mayor spoke first.", "Then the minister answered."])
    _, ori = _sentences(["Zuerst sprach der Bürgermeister.", "Streit im Rathaus", "Dann antwortete der Minister."])
    beads = [Bead((0,), (0,), 0.9), Bead((), (1,), 0.0), Bead((1,), (2,), 0.9)]
    fs = compare_aligned(der, ori, beads, translations=None, derivative_lang="en", original_lang="de")
    assert not [f for f in fs if f.kind.value == "omission"]


def test_shortened_attribution_frame_is_not_an_omission():
    fs = compare_texts("Nach Informationen der Zeitung hielt die Stadt an ihrer Forderung fest.",
                       "According to the paper, the town held firm to its demand.", source_lang="de",
                       translation="According to information obtained by the paper, the town held firm to its demand.")
    assert not [f for f in fs if f.kind.value == "omission"]


def test_added_clause_with_known_translation():
    fs = compare_texts("Die Gespräche endeten am Abend.",
                       "The talks ended in the evening after Putin humiliated the American envoy in public.",
                       source_lang="de", translation="The talks ended in the evening.")
    assert ("addition", None) in kinds(fs)


def test_translation_side_carries_translator_name():
    _, der = _sentences(["There were protests in four regions."])
    _, ori = _sentences(["In fünf Regionen gab es Proteste."])
    tr = [Translation("In fünf Regionen gab es Proteste.", "There were protests in five regions.", "de", "en",
                      "memory:desk.tmx")]
    fs = compare_aligned(der, ori, [Bead((0,), (0,), 1.0)], translations=tr, derivative_lang="en",
                         original_lang="de")
    (f,) = fs
    assert f.original.translator == "memory:desk.tmx"
    assert f.original.translation == "There were protests in five regions."


# ------------------------------------------------------------------ legitimate variation


def test_legitimate_variation_is_not_serious():
    src = "Bisher wurden in Spanien mehr als 272.000 Infektionen registriert."
    ref = "So far more than 272.000 infections have been recorded in Spain."
    for der in ("So far, more than 272,000 infections have been registered in Spain.",  # synonyms, format
                "In Spain, more than 272,000 infections have so far been recorded.",  # word order
                "so far more than 272,000 infections have been recorded in spain",  # casing, punctuation
                "So far more than 272,000 infectoins have been recorded in Spain."):  # typo
        assert not serious(compare_texts(src, der, source_lang="de", translation=ref)), der
        assert not serious(compare_texts(src, der, source_lang="de")), der


def test_verdict_names_the_most_severe_kind():
    assert verdict([]) == "faithful"
    fs = compare_texts("In fünf Regionen soll es Proteste gegeben haben.", "There were protests in four regions.",
                       source_lang="de")
    assert verdict(fs) == "drift"
    assert {f.subtype.value for f in fs} == {"number", "hedge"}


def test_multi_sentence_texts_are_aligned_then_compared():
    src = "Putin traf Witkoff in Moskau. Die Gespräche dauerten fünf Stunden. Danach reiste Witkoff ab."
    der = "Putin met Witkoff in Moscow. The talks lasted four hours. Then Witkoff left."
    fs = compare_texts(src, der, source_lang="de")
    # spans point into the full texts, not into single sentences
    (number,) = [f for f in fs if f.subtype and f.subtype.value == "number"]
    assert number.derivative.span.slice(der) == "four"
    assert number.original.span.slice(src) == "fünf"
    assert not [f for f in fs if f.kind.value == "addition"]


def test_legitimate_variation_in_other_languages():
    assert not serious(compare_texts("L'armée n'a pas quitté la ville de Kherson.",
                                     "The army did not leave the city of Kherson.", source_lang="fr"))
    assert not serious(compare_texts("Дегтярев заявил, что партия поддержит Фургала в суде.",
                                     "Degtyarev said the party would support Furgal in court.", source_lang="ru"))
    assert not serious(compare_texts("El ministerio no confirmó la cifra de 1.500 muertos.",
                                     "The ministry did not confirm the figure of 1,500 dead.", source_lang="es"))


def test_institution_names_rendered_differently_are_not_entity_drift():
    fs = compare_texts("МЧС сообщило о пожаре.", "The Ministry of Emergency Situations reported a fire.",
                       source_lang="ru", translation="EMERCOM reported a fire.")
    assert not [f for f in fs if f.subtype and f.subtype.value == "entity" and f.severity.rank >= 2]


def test_hedge_added_by_the_passage():
    fs = compare_texts("Die Regierung hat das Gesetz beschlossen.", "The government allegedly passed the law.",
                       source_lang="de")
    (f,) = [f for f in fs if f.subtype and f.subtype.value == "hedge"]
    assert f.evidence["direction"] == "added"


def test_a_minor_guess_on_words_a_major_finding_covers_is_not_reported_again():
    # "completely" for "partly" is an intensified claim; the word-vector antonym guess on the
    # same word would only repeat it as a weaker, minor finding
    findings = compare_texts(
        "Der Minister soll die Angebote teilweise missverstanden haben.",
        "The minister completely misunderstood the offers.",
        source_lang="de",
        translation="The minister is said to have partly misunderstood the offers.",
    )
    on_completely = [f for f in findings if f.derivative and f.derivative.text == "completely"]
    assert [(f.subtype.value if f.subtype else None, f.severity.value) for f in on_completely] == [
        ("intensity", "major")
    ]
    assert {f.subtype.value for f in findings if f.subtype} == {"hedge", "intensity"}


def test_minor_findings_on_other_or_fewer_words_are_kept_beside_a_major_one():
    from provenance.compare import _unshadowed
    from provenance.model import DriftSubtype, Finding, FindingKind, Severity, SideRef

    def finding(severity: Severity, start: int, end: int) -> Finding:
        return Finding(FindingKind.DRIFT, DriftSubtype.MEANING, severity, 0.6,
                       SideRef("x", Span(start, end)), None, "why", "test")

    major, same, inside, elsewhere = (finding(Severity.MAJOR, 10, 30), finding(Severity.MINOR, 10, 30),
                                      finding(Severity.MINOR, 12, 20), finding(Severity.MINOR, 40, 45))
    # only the same words are shadowed: a sentence-wide finding keeps the word-level ones inside it
    assert _unshadowed([major, same, inside, elsewhere]) == [major, inside, elsewhere]


@pytest.mark.parametrize(
    ("left_out", "translation", "major"),
    [
        # what the claim leaves open, or a denial of what it implies: the reader needs it
        ("Eine Entscheidung über die Schließung des Werks sei noch nicht gefallen, sagte ein Sprecher.",
         "No decision on closing the plant has been taken yet, a spokesman said.", True),
        ("Entlassungen seien nach Angaben des Betriebsrats im Werk Süd nicht geplant.",
         "According to the works council, no layoffs are planned at the southern plant.", True),
        # "to be clarified" is no correction
        ("Ob der Umbau technisch und rechtlich machbar ist, soll bis Ostern geklärt werden.",
         "Whether the conversion is technically and legally feasible is to be clarified by Easter.", False),
    ],
)
def test_a_left_out_sentence_that_qualifies_the_claim_is_major(left_out: str, translation: str, major: bool):
    _, der = _sentences(["The plant will close in March."])
    _, ori = _sentences(["Das Werk soll im März schließen.", left_out])
    beads = [Bead((0,), (0,), 0.9), Bead((), (1,), 0.0)]
    trans = [Translation(ori[0].text, "The plant is to close in March.", "de", "en", "memory"),
             Translation(left_out, translation, "de", "en", "memory")]
    fs = compare_aligned(der, ori, beads, translations=trans, derivative_lang="en", original_lang="de")
    (om,) = [f for f in fs if f.kind.value == "omission"]
    assert (om.severity.value == "major") is major
