"""Whom a statement is credited to, and whether it is doubted, are two things.

"Según el auto, el regidor habría favorecido ..." names a source and marks the claim as unproven; "According to the
court order, the mayor favoured ..." keeps the source and drops the doubt, also when no translation is known. A
hearsay particle ("podobno", "naar verluidt", "alegadamente") is evidence on its own. "Fear that the delays will push
ships away" rendered "fear the delay could push ships away" is a fear either way: no hedge added. An outlet that
relays people close to a firm has its "soll" rendered by "citing"; one that read an internal audit and still hedges
doubts it itself. Without a translation, a conditional ("envisagerait de supprimer") rendered "will cut" is a
possibility stated as certain; "fría" (cold) and "la Consellería" only end like conditionals.
"""

from __future__ import annotations

from provenance.pairs import compare_texts


def _major(original: str, passage: str, lang: str, translation: str | None = None) -> list[str]:
    return [f.subtype.value for f in compare_texts(original, passage, source_lang=lang, translation=translation)
            if f.subtype and f.severity.rank >= 2]


def test_a_source_kept_without_its_doubt_drops_the_hedge_without_a_translation() -> None:
    assert _major("Según el auto, el regidor habría favorecido a dos empresas vinculadas a un familiar.",
                  "According to the court order, the mayor favoured two companies linked to a relative.",
                  "es") == ["hedge"]


def test_a_source_kept_with_its_doubt_is_faithful_without_a_translation() -> None:
    assert _major("Según el auto, el regidor habría favorecido a dos empresas vinculadas a un familiar.",
                  "According to the court order, the mayor allegedly favoured two companies linked to a relative.",
                  "es") == []


def test_a_hearsay_particle_is_doubt_beside_a_named_source_in_polish_dutch_and_portuguese() -> None:
    assert _major("Według prokuratury burmistrz podobno przyjął łapówkę od dewelopera.",
                  "According to prosecutors, the mayor took a bribe from a developer.", "pl") == ["hedge"]
    assert _major("Volgens het OM heeft de wethouder naar verluidt steekpenningen aangenomen.",
                  "According to prosecutors, the alderman took bribes.", "nl") == ["hedge"]
    assert _major("Segundo o Ministério Público, o autarca alegadamente recebeu subornos.",
                  "According to prosecutors, the mayor received bribes.", "pt") == ["hedge"]


def test_a_fear_keeps_its_modal_whatever_the_modal() -> None:
    assert _major("I commercianti del centro temono che i ritardi spingano le navi verso La Spezia.",
                  "Shopkeepers in the city centre fear the delay could push ships towards La Spezia.", "it",
                  translation="Shopkeepers in the city centre fear that the delays will push ships towards La Spezia.",
                  ) == []


def test_a_certainty_made_a_possibility_outside_a_fear_is_still_a_hedge_added() -> None:
    assert _major("I ritardi spingeranno le navi verso La Spezia.",
                  "The delays could push ships towards La Spezia.", "it",
                  translation="The delays will push ships towards La Spezia.") == ["hedge"]


def test_hearsay_relayed_from_people_is_rendered_but_a_document_read_leaves_the_doubt_the_outlet_s() -> None:
    original = "Der Versorger soll Tausenden Kunden zu hohe Abschläge berechnet haben."
    translation = "The supplier is alleged to have charged thousands of customers excessive advance payments."
    people = "The supplier overcharged thousands of customers, the paper reported, citing people close to the firm."
    audit = "The supplier overcharged thousands of customers, the paper reported, citing an internal audit."
    assert _major(original, people, "de", translation=translation) == []
    assert _major(original, audit, "de", translation=translation) == ["hedge"]


def test_a_conditional_stated_as_will_is_a_possibility_made_certain_without_a_translation() -> None:
    original = "La compagnie envisagerait de supprimer deux rotations quotidiennes dès la rentrée."
    assert _major(original, "The company will cut two daily crossings from September.", "fr") == ["hedge"]
    assert _major(original, "The company could cut two daily crossings from September.", "fr") == []


def test_a_word_with_a_conditional_ending_that_is_no_verb_is_no_conditional() -> None:
    # "fría" (cold) has the ending of "-ría" conditionals; "Consellería" is a name
    original = "La Consellería abrirá el lunes un refugio para los días de ola de frío en una sala fría del centro."
    assert _major(original, "The regional ministry will open a shelter for cold spells on Monday.", "es") == []


def test_a_speakers_probably_dropped_under_a_kept_says_is_a_hedge_dropped() -> None:
    """"The IMG says the delay will probably last until spring" rendered "The IMG says the delay will last until
    spring": the reporting verb is kept, the speaker's own estimate is not."""
    original = "Het IMG zegt dat de vertraging waarschijnlijk tot het voorjaar zal duren."
    translation = "The IMG says the delay will probably last until spring."
    assert _major(original, "The IMG says the delay will last until the spring.", "nl", translation) == ["hedge"]
    assert _major(original, "The IMG says the delay is likely to last until spring.", "nl", translation) == []


def test_an_unnamed_source_left_out_makes_the_unconfirmed_account_a_fact() -> None:
    """ "According to a source in the mayor's office, the cause was ..." rendered as a plain statement: the outlet's
    caution is gone, a major hedge drift. A named source left out ("according to the city's figures") only leaves the
    source unnamed, a minor one."""
    original = "По данным источника в мэрии, причиной аварии стал износ трубы."
    assert _major(original, "The break was caused by wear on the pipe.", "ru",
                  "According to a source in the mayor's office, the cause of the accident was wear on the pipe.") == [
        "hedge"]
    assert _major("По данным мэрии, причиной аварии стал износ трубы.", "The break was caused by wear on the pipe.",
                  "ru", "According to the mayor's office, the cause of the accident was wear on the pipe.") == []
