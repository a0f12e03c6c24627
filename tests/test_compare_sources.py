"""Who a statement is from: the original's source and the article's credit.

A credit ("..., the site said") names the outlet; it carries an "according to X" of the original only when it names
X too. Left out, a source that accuses ("according to investigators") turns an allegation into a fact, which a
reviewer must see; any other source left out is worth a note. A name of several words the passage does not have as
a whole was replaced, even where the passage names one of its words elsewhere.
"""

from __future__ import annotations

from provenance.compare import entity, hedge
from provenance.compare.base import PairContext
from provenance.compare.tokens import side_from_text
from provenance.model import Severity


def _ctx(passage: str, original: str, translation: str, lang: str, credit: str = "") -> PairContext:
    """The pair as the pipeline makes it: the credit's words blanked in the passage, given as the credit."""
    blanked = passage.replace(credit, " " * len(credit)) if credit else passage
    return PairContext(der=side_from_text(blanked, "en"), src=side_from_text(original, lang),
                       trans=side_from_text(translation, "en"), credit_words=frozenset(credit.lower().split()))


def _hedges(ctx: PairContext) -> list[Severity]:
    return [f.severity for f in hedge.detect(ctx).findings]


def test_an_accusers_account_stated_as_fact_under_the_outlets_credit_is_major() -> None:
    ctx = _ctx("Sorokin took 4.5 million roubles from a contractor, the site said.",
               "По версии следствия, Сорокин получил от подрядчика 4,5 млн рублей.",
               "According to investigators, Sorokin received 4.5 million roubles from a contractor.", "ru",
               credit="the site said")
    assert _hedges(ctx) == [Severity.MAJOR]


def test_a_credit_that_names_the_source_carries_the_originals_according_to() -> None:
    ctx = _ctx("Sorokin took 4.5 million roubles from a contractor, the site said, citing investigators.",
               "По версии следствия, Сорокин получил от подрядчика 4,5 млн рублей.",
               "According to investigators, Sorokin received 4.5 million roubles from a contractor.", "ru",
               credit="the site said, citing investigators")
    assert _hedges(ctx) == []


def test_another_source_left_out_under_the_credit_is_a_note() -> None:
    ctx = _ctx("The line will reopen in June, the paper said.",
               "Según la empresa, la línea reabrirá en junio.",
               "According to the company, the line will reopen in June.", "es", credit="the paper said")
    assert _hedges(ctx) == [Severity.MINOR]


def test_a_longer_name_replaced_is_a_swap_though_the_passage_names_its_place_elsewhere() -> None:
    ctx = _ctx('The decision was criticised by Greenpeace Poland. "It is bad news for the people of Kraków," '
               "he said.",
               "Decyzję skrytykował Krakowski Alarm Smogowy. „To zła wiadomość dla krakowian” – powiedział.",
               'The decision was criticised by the Kraków Smog Alert. "It is bad news for the people of Kraków," '
               "he said.", "pl")
    found = {f.evidence["name"]: f for f in entity.detect(ctx).findings}
    assert "explicitation" not in found["Greenpeace"].evidence


def test_the_month_may_is_no_modal_that_keeps_a_statement_attributed() -> None:
    ctx = _ctx("The line will reopen in May, the paper said.",
               "Según la empresa, la línea reabrirá en mayo.",
               "According to the company, the line will reopen in May.", "es", credit="the paper said")
    assert _hedges(ctx) == [Severity.MINOR]


def _omitted(original: str, translation: str, lang: str) -> list[Severity]:
    from provenance.compare import coverage

    ctx = PairContext(der=side_from_text("", "en"), src=side_from_text(original, lang),
                      trans=side_from_text(translation, "en"))
    return [f.severity for f in coverage.detect(ctx).findings]


def test_the_other_sides_reply_left_out_is_major() -> None:
    assert _omitted("Il Comune replica che i pagamenti sono stati sospesi per irregolarità nei documenti della ditta.",
                    "The municipality replies that the payments were suspended over irregularities in the firm's "
                    "documents.", "it") == [Severity.MAJOR]


def test_a_denial_of_what_the_claim_implies_left_out_is_major() -> None:
    assert _omitted("Увольнений, по его словам, не планировалось.", "He said no layoffs were planned.",
                    "ru") == [Severity.MAJOR]
    assert _omitted("В комитете сообщили, что такого разрешения не выдавали.",
                    "The committee said that no such permit had been issued.", "ru") == [Severity.MAJOR]


def test_an_assurance_about_something_else_left_out_is_a_note() -> None:
    assert _omitted("La concejala aseguró que el tráfico en la avenida se mantendrá durante las obras.",
                    "The councillor assured that traffic on the avenue will be maintained during the works.",
                    "es") == [Severity.MINOR]


def test_soll_with_a_separable_verbs_perfect_is_hearsay_made_fact() -> None:
    from provenance.pairs import compare_texts

    found = compare_texts("Die Kette soll Beschäftigten in drei Filialen Überstunden abverlangt haben.",
                          "The chain made staff in three branches work unpaid overtime.", source_lang="de")
    assert [(f.subtype.value, f.evidence["original_cues"]) for f in found if f.subtype and f.severity.rank >= 2] == [
        ("hedge", ["soll"])]
