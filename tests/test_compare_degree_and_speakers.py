"""How much and who: a part made a majority or the whole, and a short quote given to someone who did not say it.

"partly" against "largely" is a part made a majority; "some farmers" against "farmers" says all of them did it,
while "some 200 farmers", "many farmers" or "for weeks" for "for several weeks" count in the passage's own words.
A quote of a few words the translation quotes too is still someone's words: given to another named person, it is a
quotation drift, though the same words without marks would be a term.
"""

from __future__ import annotations

from provenance.compare import quotation
from provenance.compare.base import PairContext
from provenance.compare.tokens import side_from_text
from provenance.pairs import compare_texts


def _major(original: str, passage: str, translation: str, lang: str) -> list[str]:
    return [f.subtype.value for f in compare_texts(original, passage, source_lang=lang, translation=translation)
            if f.subtype and f.severity.rank >= 2]


def test_partly_made_largely_is_intensity() -> None:
    assert _major("Il calo è dovuto in parte alla deviazione delle rotte.",
                  "The decline is largely the result of routes being diverted.",
                  "The decline is partly due to the diversion of routes.", "it") == ["intensity"]


def test_some_of_a_group_made_the_whole_group_is_intensity() -> None:
    assert _major("Parte de los agricultores ya ha renunciado a sembrar maíz.",
                  "Farmers have already given up on planting maize.",
                  "Some farmers have already given up on sowing maize.", "es") == ["intensity"]


def test_a_count_in_the_passages_own_words_is_no_whole_made_of_a_part() -> None:
    original, translation = "Unos 200 agricultores protestaron.", "Some 200 farmers protested."
    assert _major(original, "About 200 farmers protested.", translation, "es") == []
    assert _major("Parte de los agricultores protestaron.", "Many farmers protested.", "Some farmers protested.",
                  "es") == []
    assert _major("Los vecinos se quejaban desde hacía varias semanas.", "Residents had complained for weeks.",
                  "Residents had been complaining for several weeks.", "es") == []


def test_a_short_quote_given_to_another_named_person_is_a_quotation_drift() -> None:
    ctx = PairContext(der=side_from_text('Club president Éric Fabre called it a "foreseeable drift".', "en"),
                      src=side_from_text("Son chef de file, Julien Marty, parle d'une « dérive prévisible ».", "fr"),
                      trans=side_from_text('Its leader, Julien Marty, speaks of a "foreseeable drift".', "en"))
    (f,) = quotation.detect(ctx).findings
    assert "Éric Fabre" in f.explanation


def test_a_paraphrase_quoted_beside_a_real_quote_is_a_quotation_drift() -> None:
    """The original quotes the lawyer's second sentence only; the passage puts his paraphrased position in quotation
    marks too."""
    ctx = PairContext(
        der=side_from_text('"The discrepancies are down to faulty scales on board," the lawyer said. "My client has '
                           'never hidden anything."', "en"),
        src=side_from_text("Su abogado sostiene que las discrepancias se deben a errores en la báscula del barco. "
                           "«Mi cliente nunca ha ocultado nada».", "es"),
        trans=side_from_text("His lawyer maintains that the discrepancies are due to errors in the ship's scales. "
                             '"My client has never hidden anything."', "en"))
    (f,) = quotation.detect(ctx).findings
    assert f.evidence["direction"] == "marks added" and "discrepancies" in f.explanation


def test_a_few_words_set_off_in_quotation_marks_are_no_quote_put_in_a_mouth() -> None:
    ctx = PairContext(
        der=side_from_text('She also completed her doctorate "on the side" and started as a notary in 2012.', "en"),
        src=side_from_text('Sie schulterte "nebenbei" die Promotion und trat 2012 ihre erste Stelle an.', "de"),
        trans=side_from_text("She also completed her doctorate 'in passing' and started her first 'real' job in "
                             "2012.", "en"))
    assert not quotation.detect(ctx).findings


def _major_offline(original: str, passage: str, lang: str) -> list[str]:
    return [f.subtype.value for f in compare_texts(original, passage, source_lang=lang)
            if f.subtype and f.severity.rank >= 2]


def test_without_a_translation_a_part_of_a_group_made_most_of_it_is_intensity() -> None:
    assert _major_offline("Часть депутатов городской думы раскритиковала решение.",
                          "Most members of the city duma criticised the move.", "ru") == ["intensity"]
    assert _major_offline("Alcuni commercianti di via Cimarosa temono la chiusura.",
                          "Most shopkeepers on Via Cimarosa fear the closure.", "it") == ["intensity"]


def test_without_a_translation_the_originals_own_majority_is_rendered_not_made() -> None:
    # "the larger part" is a majority, though "part" is in it
    assert "intensity" not in _major_offline("Сейчас в большей части города действует ограничение в 20 км/ч.",
                                             "Across most of the city the limit is currently 20km/h.", "ru")
    # the original's majority stands elsewhere ("most of the grapes"): the vineyards were still only some
    assert _major_offline("Alcuni vigneti nella zona di Farra hanno perso gran parte dei grappoli.",
                          "Most vineyards around Farra lost the bulk of their grapes.", "it") == ["intensity"]


def _hedges_offline(original: str, passage: str, lang: str) -> list[str]:
    return [f.evidence.get("direction", "") for f in compare_texts(original, passage, source_lang=lang,
                                                                   translator="gloss")
            if f.subtype and f.subtype.value == "hedge" and f.severity.rank >= 2]


def test_without_a_translation_a_fact_given_a_modal_of_possibility_is_a_hedge_added() -> None:
    assert _hedges_offline("El pleno del Ayuntamiento aprobó el jueves una moratoria de dos años.",
                           "The city council could approve a two-year moratorium.", "es") == ["added"]
    assert _hedges_offline("El pleno del Ayuntamiento aprobó el jueves una moratoria de dos años.",
                           "The city council approved a two-year moratorium on Thursday.", "es") == []


def test_without_a_translation_a_possibility_fear_or_risk_of_the_original_licenses_the_modal() -> None:
    assert _hedges_offline("El Ayuntamiento podría aprobar una moratoria de dos años.",
                           "The city council could approve a two-year moratorium.", "es") == []
    assert _hedges_offline("Die Händler befürchten, dass die Schiffe nach Genua ausweichen.",
                           "Traders say the ships could move to Genoa.", "de") == []


def test_a_part_made_the_whole_counts_where_the_sentence_moves_the_count_to_its_end() -> None:
    """"In some of the 96 flats ..." and "... in all 96 flats": the figure after each quantifier says they count the
    same flats, though the two sentences put them at opposite ends."""
    original = "In een deel van de 96 woningen zitten zwarte plekken op muren en plafonds."
    passage = "Black spots have appeared on walls and ceilings in all 96 flats."
    assert "intensity" in _major(original, passage, "In some of the 96 flats there are black spots on walls and "
                                 "ceilings.", "nl")
    assert "intensity" in _major_offline(original, passage, "nl")


def test_all_after_of_names_the_whole_a_part_is_taken_of() -> None:
    """"close to half of all those in the estuary" for "almost half of those": the part is kept, "all" is the whole
    it is a part of; "all of the rafts" for "some of the rafts" makes the part the whole."""
    original = "El cierre afecta a unas 1.200 bateas, casi la mitad de las que hay en la ría."
    translation = "The closure affects some 1,200 rafts, almost half of those in the estuary."
    assert _major(original, "The ban covers around 1,200 rafts, close to half of all those in the estuary.",
                  translation, "es") == []
    assert _major("El cierre afecta a algunas de las bateas de la ría.", "The closure affects all of the rafts in the "
                  "estuary.", "The closure affects some of the rafts in the estuary.", "es").count("intensity") == 1
