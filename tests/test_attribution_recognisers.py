"""The attribution package piece by piece: the article index, each inline construction, each recogniser run on
its own over a fresh ledger, and the resolver that orders them and settles what they propose.

``test_attribution.py`` documents what ``find_passages`` finds as a whole; these tests say which part finds it.
"""

from __future__ import annotations

import dataclasses

import pytest

import provenance.attribution.recognisers as rec
from provenance.attribution import find_passages
from provenance.attribution.cues import DECLINED, INLINE_CONSTRUCTIONS, deciding_construction, subject_position
from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.lexicon import load_lexicon
from provenance.attribution.resolver import RECOGNISERS, Recogniser, merge_interview
from provenance.model import Span
from tests.attribution_helpers import REGISTRY, make_doc

LE_MONDE_ARTICLE = "https://www.lemonde.fr/economie/article/2025/04/04/port.html"


def index(*blocks: str | tuple[str, str], links: list[tuple[str, str]] = ()) -> ArticleIndex:
    return ArticleIndex.build(make_doc(*blocks, links=links), REGISTRY)


def proposed(recognise: Recogniser, ix: ArticleIndex) -> list[tuple[str, str, str, str]]:
    """What one recogniser proposes on its own: (kind, outlet, passage text, evidence text)."""
    ledger = Ledger()
    recognise(ix, ledger)
    out = []
    for c in ledger.found:
        outlet = c.mention.outlet.id if c.mention.outlet else c.mention.written
        evidence = c.cue.slice(ix.text).strip() if c.cue else ""
        out.append((c.kind, outlet, c.span.slice(ix.text), evidence))
    return out


# --------------------------------------------------------------------------- the index


def test_the_index_reads_blocks_sentences_quotations_and_mentions_once() -> None:
    ix = index(
        "Flour is dear. According to Bild, bakers are closing.",
        ("blockquote", '"We cannot pay the ovens," one baker said.'),
    )
    assert [b.kind for b in ix.blocks] == ["paragraph", "blockquote"]
    assert [s.slice(ix.text) for s in ix.blocks[0].sentences] == [
        "Flour is dear.",
        "According to Bild, bakers are closing.",
    ]
    assert [q.slice(ix.text) for q in ix.quotes] == ['"We cannot pay the ovens,"']
    assert [(m.outlet.id if m.outlet else None, m.written) for m in ix.mentions] == [("bild", "Bild")]


def test_the_index_knows_an_outlet_the_registry_lacks_from_its_frame() -> None:
    ix = index("The Lithuanian daily Vakaro Rytas reported that the bridge will close.")
    (mention,) = ix.mentions
    assert mention.outlet is None and mention.written.endswith("Vakaro Rytas")


def test_the_index_does_not_change_once_built() -> None:
    ix = index("According to Bild, bakers are closing.")
    with pytest.raises(dataclasses.FrozenInstanceError):
        ix.mentions = ()  # type: ignore[misc]


def test_the_index_blanks_quotations_when_asked_for_the_authors_words() -> None:
    ix = index('He said "we told Bild nothing" and left.')
    block = ix.blocks[0]
    outside = ix.outside_quotes(block.span)
    assert len(outside) == len(block.span) and "Bild" not in outside and outside.endswith("and left.")


# --------------------------------------------------------------------------- inline constructions


@pytest.mark.parametrize(
    ("sentence", "construction", "verdict"),
    [
        ("According to Bild, the ministry refused to pay the bill.", "according to", "inline"),
        ("The mayor told Le Monde that the harbour will close in May.", "according to", "inline"),
        ("Le Monde reported that flour prices rose by a fifth.", "verb frame", "inline"),
        ("The harbour will close in May, Reuters reports.", "verb frame", "inline"),
        ("Le Monde reported on Thursday: flour prices rose by a fifth.", "verb frame", "inline_colon"),
        ("Le Monde added on Tuesday that the harbour would close.", "verb that", "inline"),
        ("The harbour will close in May (via Reuters).", "trailing credit", "inline"),
        ("Le Monde's reporting suggests the deal is off.", "possessive", "inline"),
        ('"A quiet revolution" was Le Monde\'s front-page headline.', "headline possessive", "inline"),
        ("She made the case on Bild's morning programme that taxes must fall.", "programme", "inline"),
        ("From the German Bild: the ministry refused to pay.", "colon label", "leadin_colon"),
        ("The minister was quoted by Kommersant as saying the talks had failed.", "quoted by", "quote"),
        ('"Rome is running dry," Corriere della Sera declared.', "quote tag", "quote"),
        # constructions that recognise a phrase as no credit at all stop the search
        ("Le Monde's correspondent was expelled from the country.", "possessive", DECLINED),
        ("Der Spiegel reported on the scandal in detail.", "verb frame", DECLINED),
        ("Kommersant said last month it would close its print edition.", "verb frame", DECLINED),
    ],
)
def test_each_inline_construction_decides_its_own_phrasing(sentence: str, construction: str, verdict: str) -> None:
    ix = index(sentence)
    sent = ix.blocks[0].sentences[0]
    assert deciding_construction(ix.text, ix.lex, sent, ix.mentions[0]) == (construction, verdict)
    assert ix.inline_cue(sent, ix.mentions[0]) == (None if verdict == DECLINED else verdict)


def test_a_name_without_a_frame_is_decided_by_no_construction() -> None:
    ix = index("Le Monde has a new editor.")
    assert deciding_construction(ix.text, ix.lex, ix.blocks[0].sentences[0], ix.mentions[0]) is None


@pytest.mark.parametrize(
    ("before", "subject"),
    [
        ("", True),
        ("The conservative", True),  # an article and adjectives belong to the name
        ("The ferry will stop, and", True),
        ("Yesterday", True),
        ("Last week", True),
        ("Die Fähre fährt nicht mehr, und", True),  # connectives of other languages come from the lexicon
        ("Le ferry s'arrête, mais", True),
        ("The minister praised", False),  # the outlet is an object
    ],
)
def test_an_outlet_is_the_subject_after_a_clause_boundary_or_a_connective(before: str, subject: bool) -> None:
    assert subject_position(load_lexicon(), before + " ") is subject


def test_the_inline_constructions_are_tried_in_a_declared_order() -> None:
    names = [name for name, _ in INLINE_CONSTRUCTIONS]
    assert len(names) == len(set(names))
    # "Le Monde's" is settled as a possessive before a verb frame can read it
    assert names.index("possessive") < names.index("verb frame")


# --------------------------------------------------------------------------- recognisers, each on its own


HARBOUR = "The harbour will close for two days in May."
BILD_ARTICLE = "https://www.bild.de/politik/harbour-123.html"


def _case(
    what: str,
    recogniser: str,
    blocks: list[str | tuple[str, str]],
    expected: tuple[str, str, str, str],
    links: tuple[tuple[str, str], ...] = (),
) -> object:
    return pytest.param(recogniser, blocks, list(links), expected, id=f"{recogniser}: {what}")


# each recogniser alone on an article of its construction: (kind, outlet, passage, evidence) it proposes
ONE_EACH = [
    _case(
        "a lead-in takes the block quote under it",
        "structural",
        ["The row reached Berlin. From the German Bild:", ("blockquote", HARBOUR), "Nobody cares, I think."],
        ("leadin", "bild", HARBOUR, "From the German Bild:"),
    ),
    _case(
        "a Source line takes the plain text under it, up to commentary",
        "structural",
        ["Source: Reuters", HARBOUR, "I find that odd."],
        ("source_block", "reuters", HARBOUR, "Source: Reuters"),
    ),
    _case(
        "a Source line over a Details label",
        "source_details",
        [f"Source: Reuters\nDetails: {HARBOUR}"],
        ("source_block", "reuters", HARBOUR, "Source: Reuters"),
    ),
    _case(
        "a credit line closing a paragraph credits the paragraph",
        "closing_lines",
        [f"{HARBOUR}\n(Source: Corriere della Sera, translated)"],
        ("source_block", "corriere", HARBOUR, "(Source: Corriere della Sera, translated)"),
    ),
    _case(
        "a credit line under a quote",
        "blockquotes",
        [("blockquote", HARBOUR), "— Le Monde, 4 April"],
        ("blockquote", "le-monde", HARBOUR, "— Le Monde, 4 April"),
    ),
    _case(
        "a frame in the sentence before a quote",
        "blockquotes",
        ["Le Monde described the scene in the harbour:", ("blockquote", HARBOUR)],
        ("blockquote", "le-monde", HARBOUR, "Le Monde described the scene in the harbour:"),
    ),
    _case(
        "a link to the outlet's article inside the quote",
        "blockquotes",
        [("blockquote", "The harbour will close, as the paper put it.")],
        ("blockquote", "le-monde", "The harbour will close, as the paper put it.", "the paper"),
        links=(("the paper", LE_MONDE_ARTICLE),),
    ),
    _case(
        "a quotation followed only by its credit",
        "quote_credits",
        ['Residents were blunt. "We will not leave our houses for anybody at all" (Corriere della Sera).'],
        ("quote", "corriere", '"We will not leave our houses for anybody at all"', "(Corriere della Sera)"),
    ),
    _case(
        "a headline credited after a dash",
        "headlines",
        ['"Budget: the least bad option" - Le Monde'],
        ("headline", "le-monde", '"Budget: the least bad option"', "Le Monde"),
    ),
    _case(
        "a credited sentence and the sentence that goes on reporting it",
        "inline",
        ["According to Bild, the ministry refused to pay. The paper added that nobody would comment. It is raining."],
        (
            "inline",
            "bild",
            "According to Bild, the ministry refused to pay. The paper added that nobody would comment.",
            "Bild",
        ),
    ),
    _case(
        "an outlet described by its place is the one named before",
        "inline",
        ["Bild has seen the letter. According to the Berlin tabloid, the minister will resign."],
        ("inline", "bild", "According to the Berlin tabloid, the minister will resign.", "Bild"),
    ),
    _case(
        "a sentence whose words link to an outlet's article",
        "links",
        ["The ministry refused to pay for the new harbour, the paper says."],
        ("link", "bild", "The ministry refused to pay for the new harbour, the paper says.", "pay for the new harbour"),
        links=(("pay for the new harbour", BILD_ARTICLE),),
    ),
]


@pytest.mark.parametrize(("recogniser", "blocks", "links", "expected"), ONE_EACH)
def test_each_recogniser_on_its_own(
    recogniser: str,
    blocks: list[str | tuple[str, str]],
    links: list[tuple[str, str]],
    expected: tuple[str, str, str, str],
) -> None:
    assert proposed(getattr(rec, recogniser).recognise, index(*blocks, links=links)) == [expected]


def test_inline_an_outlet_relaying_another_credits_the_other() -> None:
    ix = index("Kommersant reported that the talks failed, citing Reuters.")
    assert [(kind, outlet) for kind, outlet, _, _ in proposed(rec.inline.recognise, ix)] == [("inline", "reuters")]


def test_links_a_link_on_the_outlets_name_alone_is_no_passage() -> None:
    ix = index("We read Bild every day.", links=[("Bild", BILD_ARTICLE)])
    assert proposed(rec.links.recognise, ix) == []


# --------------------------------------------------------------------------- the resolver


def test_a_recogniser_does_not_propose_inside_what_an_earlier_one_claimed() -> None:
    ix = index("From the German Bild:", ("blockquote", "The minister told Le Monde that he would resign."))
    assert [p[1] for p in proposed(rec.inline.recognise, ix)] == ["le-monde"]  # alone, the inline frame is seen
    ledger = Ledger()
    rec.structural.recognise(ix, ledger)
    rec.inline.recognise(ix, ledger)
    assert [(c.kind, c.mention.outlet.id) for c in ledger.found if c.mention.outlet] == [("leadin", "bild")]


def test_structural_recognisers_run_before_inline_ones_and_links_after_the_resolver() -> None:
    order = [recognise for _, recognise in RECOGNISERS]
    assert order.index(rec.structural.recognise) < order.index(rec.inline.recognise)
    assert rec.links.recognise not in order  # it runs after merging, so links inside passages attach to them


def test_the_resolver_merges_an_interviews_labelled_questions_into_one_passage() -> None:
    ix = index("Kommersant: Why now?\nMayor: Because engineers made it.\nKommersant: And then?\nMayor: Then we stop.")
    ledger = Ledger()
    rec.inline.recognise(ix, ledger)
    assert len(ledger.found) == 2  # one lead-in per question
    (merged,) = merge_interview(ix, ledger.found)
    assert merged.span.slice(ix.text) == ix.text


def test_the_resolver_gives_a_source_lines_link_to_the_passage_it_credits() -> None:
    doc = make_doc(
        "Le Monde reports that the harbour will close in May.",
        "Source: Le Monde",
        links=[("Source: Le Monde", LE_MONDE_ARTICLE)],
    )
    (p,) = find_passages(doc, REGISTRY)
    assert (p.kind, p.text, p.urls) == (
        "inline",
        "Le Monde reports that the harbour will close in May.",
        [LE_MONDE_ARTICLE],
    )


def test_the_ledger_tells_claimed_text_from_free_text() -> None:
    ledger = Ledger()
    ledger.claim(Span(10, 20), None)
    assert ledger.is_claimed(Span(15, 30)) and not ledger.is_claimed(Span(20, 30))


@pytest.mark.parametrize(
    ("outlet", "speaker"),
    [("Kommersant", "Ivanova:"), ("Corriere della Sera", "**Ivanova:**")],  # a name of many words, bold labels
)
def test_an_interview_with_the_outlet_as_questioner_is_one_passage_up_to_the_last_answer(
    outlet: str, speaker: str
) -> None:
    doc = make_doc(
        f"The mayor spoke to {outlet} about the bridge. Part of the exchange:",
        f"{outlet}: Why close the bridge now?",
        f"{speaker} Because the engineers found cracks in two piers.",
        f"{outlet}: When will it reopen?",
        f"{speaker} Not before the spring.",
        "The council meets on Friday to vote on the repair budget.",
    )
    (passage,) = find_passages(doc, REGISTRY)
    assert passage.text.startswith(f"{outlet}: Why close")
    assert passage.text.endswith("Not before the spring.")


def test_an_outlet_label_then_another_label_once_is_no_interview() -> None:
    doc = make_doc(
        "Kommersant: Bridge to close for repairs",
        "Ivanova: Steel prices climb for a third month",
        "The rest of the papers lead on the weather.",
    )
    passages = find_passages(doc, REGISTRY)
    assert [p.text for p in passages if p.outlet_name == "Kommersant"] == ["Bridge to close for repairs"]


@pytest.mark.parametrize("closing", ["-- end of excerpt --", "Background"])
def test_an_excerpt_under_a_lead_in_ends_at_an_end_marker_or_a_plain_subheading(closing: str) -> None:
    doc = make_doc(
        "From Kommersant, 9 November:",
        "Sales offices say that fewer than one in three flats is occupied.",
        "Developers have introduced payment plans of up to twelve years.",
        closing,
        "The government argues that the city was always designed to grow over decades.",
    )
    (p,) = find_passages(doc, REGISTRY)
    assert p.text.endswith("twelve years.")


def test_a_registered_outlets_initials_are_the_same_outlet() -> None:
    doc = make_doc("The bridge will close for a year, CDS reported.", "Corriere della Sera said the cost had doubled.")
    (p,) = find_passages(doc, REGISTRY)
    assert p.outlet_name == "Corriere della Sera" and p.text.startswith("The bridge")


def test_an_excerpt_under_a_lead_in_stops_at_a_third_paragraph_that_says_nothing_of_the_outlet() -> None:
    paragraphs = [
        "Protesters gathered at the gates of the pumping station at dawn and ordered workers to stop the pumps.",
        "By midday they had set up tents near the entrance and read out a list of demands.",
        "Libya pumps around 1.3 million barrels a day, and oil accounts for almost all of its exports.",
    ]
    (p,) = find_passages(make_doc("Here is how Kommersant described the scene:", *paragraphs), REGISTRY)
    assert p.text.endswith("list of demands.")
    again = paragraphs[:2] + ["The paper said the field's operator had declared force majeure."]
    (p,) = find_passages(make_doc("Here is how Kommersant described the scene:", *again), REGISTRY)
    assert p.text.endswith("force majeure.")


def test_a_source_line_between_two_paragraphs_closes_the_one_above_when_the_one_below_credits_another() -> None:
    above = "Kommersant said the ministry had frozen the tender."
    mine = "Only 15 percent of the money had been paid out by the end of September."
    below = "The mayor, speaking to Le Monde on Thursday, sounded unworried."
    found = find_passages(make_doc(above, mine, "Source: Corriere della Sera", below), REGISTRY)
    assert [(p.outlet_name, p.text) for p in found if p.outlet_name == "Corriere della Sera"] == [
        ("Corriere della Sera", mine)]


def test_an_announced_excerpt_of_an_interview_runs_to_its_last_labelled_answer() -> None:
    qa = [line for n in range(4) for line in (f"Question: Is stage {n} ready?", f"Answer: Stage {n} is ready.")]
    doc = make_doc(
        "The mayor spoke to Kommersant about the floods. Below are excerpts from the interview.",
        *qa,
        "The city council meets next week.",
    )
    (p,) = find_passages(doc, REGISTRY)
    assert p.text.startswith("Question: Is stage 0") and p.text.endswith("Stage 3 is ready.")
