"""How a credited passage opens when the credit is not the plain "X reported that" at the start of a sentence.

A sentence adverb or a date may stand before the outlet ("Yet X reported", "On 12 March X reported"); an outlet
the registry lacks is known by a compound masthead ("Fiskeribladet"); a sentence that only says the outlet covered
a topic opens the passage when the next one reports what it found ("The paper found that ..."); and a paragraph of
its own that names the outlet credited above by a description ("The regional daily laid out why:") leads into the
quotation below it.
"""

from __future__ import annotations

from tests.attribution_helpers import passages_in as found
from tests.attribution_helpers import the_passage as only


def test_a_sentence_adverb_before_the_outlet_keeps_it_the_subject() -> None:
    for adverb in ("Yet", "Still,", "Instead,", "Similarly,"):
        p = only(f"The numbers look good on paper. {adverb} Dnevnik reported that seaside hotels have applied for "
                 "3,000 work permits.")
        assert p.outlet_name == "Dnevnik" and p.text.startswith(adverb), adverb


def test_a_compound_masthead_says_an_unknown_name_is_an_outlet() -> None:
    p = only("Fiskeribladet concluded that nine companies would pay most of the new fee.")
    assert p.outlet_name == "Fiskeribladet"
    # a short name merely ending like one is a person
    assert not found("Travis concluded that nine companies would pay most of the new fee.")


def test_a_covered_topic_opens_the_passage_when_the_next_sentence_reports_a_finding() -> None:
    p = only("Le Monde ran a story on four islands where desalination units have never been switched on. "
             "The paper found that on one of them the plant has sat in its crates since 2021.")
    assert p.outlet_name == "Le Monde" and p.text.startswith("Le Monde ran") and p.text.endswith("2021.")
    # coverage alone quotes nothing
    assert not found("Le Monde ran a story on four islands. The ministry has not commented.")


def test_a_description_of_the_outlet_above_leads_into_the_quotation_below() -> None:
    passages = found(
        "Voltéo will recruit 300 technicians in January, Le Monde reported on Wednesday.",
        "The Paris daily laid out why the calendar has slipped:",
        ("blockquote", "Production was supposed to begin in April but has now been put back to September."),
    )
    assert [p.kind for p in passages] == ["inline", "leadin"]
    assert passages[1].text.startswith("Production") and passages[1].outlet_name == "Le Monde"


def test_an_outlet_described_with_a_possessive_is_the_one_named_next() -> None:
    p = only("Porto's biggest-selling daily newspaper says the two operators have agreed a draft timetable. "
             "Jornal de Noticias reported on Wednesday that trains would run four times a day.")
    assert p.outlet_name == "Jornal de Noticias" and p.text.startswith("Porto's")


def test_a_name_written_without_its_diacritics_is_the_same_outlet() -> None:
    p = only("Gazeta Olsztyńska, the regional daily in Olsztyn, disclosed the draft on Tuesday. Gazeta Olsztynska "
             "also reported that the authority wants an engine-noise certificate for boats.")
    assert p.text.endswith("boats.")


def test_a_date_before_the_outlet_keeps_it_the_subject() -> None:
    for date in ("On 12 March", "On March 12, 2026,", "On 3rd May"):
        p = only(f"{date} Dnevnik reported that seaside hotels have applied for 3,000 work permits.")
        assert p.outlet_name == "Dnevnik", date
    # a date inside the sentence leaves the name an object: nothing credits it
    assert not found("The deal signed on 12 March Le Monde called a scandal.")
