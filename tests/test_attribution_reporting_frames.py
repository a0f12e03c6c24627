"""How far a credit carries and which frames credit an outlet the registry may not know.

News paragraphs keep reporting their source after the credit: a following sentence without a cue of its own
belongs to the passage when it keeps the credit's tense (reported speech is back-shifted), and ends it when it is
the author's present, the author's own check, other news, or a remark about the report. Outlets are credited by
what outlets do with a story, by their edition, by a description that the next sentence names, and by a regional
edition's place after the name.
"""

from __future__ import annotations

from dataclasses import replace

import pytest

from provenance.attribution import find_passages
from tests.attribution_helpers import REGISTRY, make_doc
from tests.attribution_helpers import the_passage as only


def texts(*blocks: str) -> list[str]:
    return [p.text for p in find_passages(make_doc(*blocks), REGISTRY)]


CREDIT = "According to Bild, the ministry refused to pay for the repairs."


@pytest.mark.parametrize(
    "after",
    [
        "Officials had warned the council in writing as early as January.",
        "Critically ill patients would instead be taken to Dresden by road.",
        "Police kept the road closed for two hours.",
    ],
)
def test_a_sentence_in_the_credits_past_goes_on_rendering_the_outlet(after: str) -> None:
    assert texts(f"{CREDIT} {after}") == [f"{CREDIT} {after}"]


@pytest.mark.parametrize(
    "after",
    [
        "Boat owners have announced a protest for next weekend.",  # the author's present
        "The ministry would not confirm this.",  # the author's own check
        "Separately, the central bank kept its rates unchanged.",  # other news
        "The ministry called the report premature.",  # a remark about the report
        "It is hard to believe.",
    ],
)
def test_the_authors_present_check_or_other_news_ends_the_passage(after: str) -> None:
    assert texts(f"{CREDIT} {after}") == [CREDIT]


def test_a_present_tense_credit_carries_present_sentences() -> None:
    credit = "Bild reports that the ministry wants to close the depot."
    assert texts(f"{credit} Workers are due to meet on Monday.") == [f"{credit} Workers are due to meet on Monday."]


def test_a_sentence_naming_another_outlet_is_not_carried() -> None:
    assert texts(f"{CREDIT} Le Monde has a different figure.")[0] == CREDIT


@pytest.mark.parametrize(
    "sentence",
    [
        "Le Monde broke the news that the prefect had resigned.",
        "Le Monde carried a long piece on the island's ferry on Saturday.",
        "Le Monde devotes its front page to the strike.",
        "Le Monde has obtained a draft of the decree.",
    ],
)
def test_what_outlets_do_with_a_story_credits_them(sentence: str) -> None:
    p = only(sentence)
    assert (p.kind, p.outlet.id if p.outlet else None) == ("inline", "le-monde")


@pytest.mark.parametrize(
    "sentence",
    [
        "Le Monde won a national press prize last year.",
        "Le Monde was founded in 1944.",
        "Le Monde announced that it would cut 40 jobs.",
        "Le Monde published a correction and said it would review its procedures.",
    ],
)
def test_news_about_an_outlet_credits_nothing(sentence: str) -> None:
    assert texts(sentence) == []


def test_an_edition_before_the_name_keeps_the_outlet_the_subject() -> None:
    assert only("Friday's Kommersant said the smelter had cut output by a tenth.").outlet.id == "kommersant"


def test_an_outlet_described_first_is_the_one_named_next() -> None:
    first = "A Moscow-based business daily reported on Monday that the smelter had cut its output."
    second = "Kommersant said the plant had lost two of its three buyers."
    p = only(f"{first} {second}")
    assert (p.outlet.id, p.text) == ("kommersant", f"{first} {second}")


def test_a_regional_edition_after_the_name_is_part_of_the_credit() -> None:
    p = only("Two warehouses burned overnight, the regional broadcaster Bild Hamburg reported.")
    assert p.outlet.id == "bild"


def test_a_place_based_description_before_the_name_is_part_of_the_credit() -> None:
    p = only("A sawmill would have to switch to lorries, writes the Moscow-based Kommersant.")
    assert p.outlet.id == "kommersant"


def test_an_english_masthead_writes_in_english_and_foreign_only_leaves_it_out() -> None:
    doc = replace(
        make_doc("The Helsinki paper Helsinki Times reported that staff had been told of the plans on Monday."),
        language="en",
    )
    found = find_passages(doc, REGISTRY)
    assert [p.language for p in found] == ["en"]
    assert find_passages(doc, REGISTRY, same_language=False) == []


def test_foreign_only_keeps_outlets_in_other_languages() -> None:
    doc = replace(make_doc(CREDIT, "CBS News reported that the talks had failed."), language="en")
    assert [p.outlet.id for p in find_passages(doc, REGISTRY)] == ["bild", "cbs-news"]
    assert [p.outlet.id for p in find_passages(doc, REGISTRY, same_language=False)] == ["bild"]


def test_a_report_told_in_the_present_goes_on_in_the_past_of_its_events() -> None:
    credit = "Bild reports that farmers blocked the motorway on Monday."
    after = "Police allowed the tractors to stay for two hours."
    assert texts(f"{credit} {after}") == [f"{credit} {after}"]


def test_what_happened_after_the_report_is_the_authors_update() -> None:
    assert texts(f"{CREDIT} Police later confirmed that two divers had joined the search.") == [CREDIT]


def test_the_outlet_named_again_as_a_source_goes_on() -> None:
    credit = "Bild leads with a survey of municipal budgets."
    after = "According to figures compiled by the paper, 41 towns closed last year with a deficit."
    assert texts(f"{credit} {after}") == [f"{credit} {after}"]


def test_an_abbreviation_in_brackets_after_the_name_keeps_the_frame() -> None:
    assert only("Kommersant (KS) reported on Thursday that the smelter had cut output.").outlet.id == "kommersant"


def test_a_relative_clause_that_reports_credits_the_outlet() -> None:
    sentence = "The delay was first made public by Kommersant, which disclosed on Wednesday that the plant had stopped."
    assert only(sentence).outlet.id == "kommersant"


def test_an_english_name_of_a_foreign_paper_is_no_english_masthead() -> None:
    doc = replace(make_doc("The Xinmin Evening News reported that fares would rise by a fifth."), language="en")
    assert [p.language for p in find_passages(doc, REGISTRY)] != ["en"]


def test_an_outlet_quoted_by_another_keeps_its_words() -> None:
    sentence = "The smelter cut its output, Kommersant, quoted by Reuters, said on Thursday."
    assert only(sentence).outlet.id == "kommersant"


def test_an_outlet_introduced_with_its_abbreviation_is_the_one_the_abbreviation_names() -> None:
    first = "The trade weekly Molkerei Rundschau (MR) reported that two dairies had cut prices."
    second = "Farmers had expected a rise, MR said."
    p = only(f"{first} {second}")
    assert p.text == f"{first} {second}"


def test_what_an_outlet_called_something_is_its_words() -> None:
    sentence = 'The plan has been framed as what Le Monde called "a decade lost to paperwork".'
    assert only(sentence).outlet.id == "le-monde"


def test_an_edition_after_an_inverted_credit() -> None:
    sentence = "Cities will be allowed to cap short-term lets, writes Monday's Kommersant."
    assert only(sentence).outlet.id == "kommersant"


def test_a_description_named_in_the_next_sentence_beats_a_name_in_the_paragraph_above() -> None:
    above = "Fires burned near the Bild coast on Friday."  # "Bild" here names no report
    first = "The fire spread quickly, the Moscow business daily reported on Saturday."
    second = "Kommersant said some 1,200 people had spent the night in a sports hall."
    found = find_passages(make_doc(above, f"{first} {second}"), REGISTRY)
    assert [(p.outlet.id, p.text) for p in found] == [("kommersant", f"{first} {second}")]


def test_the_author_judging_how_a_reported_date_looks_ends_the_passage() -> None:
    credit = "According to Bild, the school would reopen in March."
    assert texts(f"{credit} That date now looks optimistic.") == [credit]


def test_a_description_is_the_outlet_named_in_the_paragraph_above() -> None:
    found = find_passages(
        make_doc(
            "Corriere della Sera has followed the preparations for months.",
            "According to the Milan daily, some 3,000 residents took part in the drill.",
            "The organisers had planned for twice as many.",
        ),
        REGISTRY,
    )
    assert [(p.outlet_name, p.text[:30]) for p in found] == [("Corriere della Sera", "According to the Milan daily, ")]


@pytest.mark.parametrize(
    "sentence",
    [
        "Approval has become a bottleneck across Europe, said Konrad Pietsch, a rolling-stock engineer who advises "
        "several operators.",
        "Demand will keep rising, said Ines Duarte, an analyst at a Lisbon bank.",
        "The figures are plausible, said Marek Zawada, the union's negotiator.",
    ],
)
def test_a_name_described_as_somebody_doing_a_job_is_no_outlet(sentence: str) -> None:
    assert texts(sentence) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "The port will close in May, said Dnevnik Vardar, a regional broadcaster.",
        "The port will close in May, wrote Kurier Szczeciński, the city's oldest paper.",
    ],
)
def test_a_name_described_as_an_outlet_keeps_its_credit(sentence: str) -> None:
    assert len(texts(sentence)) == 1


def test_the_outlet_named_by_its_place_is_part_of_the_frame() -> None:
    doc = make_doc(
        "Customs officers searched seven shops in and around Freiburg on Tuesday, the Badische Zeitung reported.",
        '"We pay for every hour that anyone works here," the owner told the Freiburg paper.',
    )
    frames = [doc.text[f.start : f.end] for p in find_passages(doc, REGISTRY) for f in p.frame]
    assert "the Freiburg paper" in " ".join(frames)


def test_the_outlet_relaying_its_source_by_its_place_is_part_of_the_frame() -> None:
    doc = make_doc(
        "Customs officers searched seven shops in and around Freiburg on Tuesday, the Badische Zeitung reported. "
        "About 40 workers were questioned, according to the customs office, quoted by the Freiburg paper."
    )
    frames = [doc.text[f.start : f.end] for p in find_passages(doc, REGISTRY) for f in p.frame]
    assert "quoted by the Freiburg paper" in " ".join(frames)


def test_a_passive_it_is_said_is_the_texts_hedge_not_a_credit() -> None:
    """"It is said that he lived on the streets" keeps the outlet's hedge in its words; "It said that" credits it."""
    doc = make_doc("The Badische Zeitung reported that the singer had died. It is said that he sometimes lived on the "
                   "streets. It said that he was 73.")
    frames = [doc.text[f.start : f.end] for p in find_passages(doc, REGISTRY) for f in p.frame]
    assert not any("is said" in f for f in frames) and any(f.startswith("It said") for f in frames)


def test_news_about_the_outlet_itself_is_no_passage() -> None:
    assert texts(
        "Der Tagesspiegel has a new editor-in-chief.",
        "The Berlin paper announced on Monday that its long-time deputy will take over in April.",
    ) == []


@pytest.mark.parametrize(
    "sentence",
    [
        "Santa Cruz's Folha do Vale said the harbour would close for dredging in March.",  # a place's possessive
        "The regional radio's news site radiosul.pt reported that the harbour would close in March.",
        "Folha do Vale on Tuesday carried a report that the harbour would close in March.",  # when, before the verb
        "The weekly Folha do Vale disclosed that the harbour would close in March.",  # a verb of disclosure
    ],
)
def test_an_outlet_stays_the_subject_across_possessives_times_and_verbs(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_a_pollster_that_found_something_is_no_outlet() -> None:
    assert texts("Vaalikone, a polling company, found support for the Greens at 9 percent.") == []


def test_two_credits_of_one_outlet_a_sentence_apart_in_a_paragraph_are_one_passage() -> None:
    first = "The harbour will close for dredging in March, the weekly Folha do Vale reported."
    between = "Ferries would dock at the old fish quay until the summer."
    second = "The works will cost 4 million euros, Folha do Vale said."
    assert texts(f"{first} {between} {second}") == [f"{first} {between} {second}"]


def test_credits_of_one_outlet_stay_apart_across_the_authors_words_and_join_across_a_paragraph_break() -> None:
    first = "The harbour will close for dredging in March, the weekly Folha do Vale reported."
    mine = "I think that is far too late for the fishermen."
    second = "The works will cost 4 million euros, Folha do Vale said."
    assert len(texts(f"{first} {mine} {second}")) == 2
    assert len(texts(first, mine, second)) == 2
    assert len(texts(first, second)) == 1  # one report over two paragraphs, nothing of the author's between


def test_the_paper_named_again_mid_paragraph_continues_the_outlet_credited_above() -> None:
    credit = "The harbour will close for dredging in March, the weekly Folha do Vale reported."
    mine = "Patience is wearing thin on the quay."
    again = "The harbour master told the paper he expected delays until the summer."
    found = find_passages(make_doc(credit, f"{mine} {again}"), REGISTRY)
    assert [p.text for p in found] == [credit, again]
    assert found[1].outlet_name == found[0].outlet_name


def test_the_paper_after_another_outlet_described_in_the_paragraph_is_not_the_one_above() -> None:
    credit = "The harbour will close for dredging in March, the weekly Folha do Vale reported."
    other = "Correio do Sul, the city's main daily, put the closure in local terms."
    again = "The paper wrote that fishermen would lose half a season."
    found = find_passages(make_doc(credit, f"{other} {again}"), REGISTRY)
    assert all("Folha" not in p.outlet_name for p in found if again in p.text)


@pytest.mark.parametrize(
    "sentence",
    [
        "The local news site Tidningen Nord (tidningennord.se) reported that the ferry would stop in May.",
        "The ferry will stop in May, according to the Swedish-language site Tidningen Nord.",
    ],
)
def test_a_bracketed_domain_or_a_language_site_keeps_the_credit(sentence: str) -> None:
    assert texts(sentence) == [sentence]


def test_an_unregistered_outlet_is_one_outlet_with_or_without_its_description_or_initials() -> None:
    first = "Capital, the business weekly, writes that the draft was rewritten three times."
    second = "Capital says two deputy ministers threatened to resign."
    third = "One of them told CBW that the text was final."
    found = find_passages(make_doc(f"The Capital Business Weekly is read by investors. {first} {second}"), REGISTRY)
    assert [p.text for p in found] == [f"{first} {second}"]
    assert texts(f"The weekly Capital Business Weekly reported the news. {third}")[0].endswith(third)


def test_a_registered_name_inside_a_longer_name_is_not_that_outlet() -> None:
    """ "As Nordwest Spiegel reported" is not the registry's Spiegel (as "Prabhat Khabar" is not Khabar); an article
    of the name's language before it ("und Die Bild berichtet") still belongs to the registered name."""
    found = find_passages(make_doc("As Nordwest Spiegel reported on Friday, 23 people have died on the road."),
                          REGISTRY)
    assert all(p.outlet is None or p.outlet.id != "spiegel" for p in found)
    german = find_passages(make_doc("Die Brücke wird saniert, und Die Bild berichtet, dass sie 2027 schließt."),
                           REGISTRY)
    assert german and german[0].outlet is not None and german[0].outlet.id == "bild"


def test_a_sentence_that_introduces_the_outlet_by_description_opens_its_passage() -> None:
    p = only("The regional news was grim. The Aarhus daily that first reported the closure now has the dates. By May "
             "the night ward will move to the city hospital, Midtjyllands Avis wrote in its Friday edition.")
    assert p.text.startswith("The Aarhus daily that first reported")
    assert p.outlet_name == "Midtjyllands Avis"


def test_a_sentence_about_a_network_that_is_no_outlet_does_not_open_the_passage() -> None:
    p = only("The Spanish high-speed rail network had another bad weekend. El Mundo reports that signal failures "
             "delayed 42 trains.")
    assert p.text.startswith("El Mundo reports")


@pytest.mark.parametrize("frame", ["wrote in its Wednesday edition.", "reported on its website."])
def test_an_unregistered_name_that_reports_in_its_own_edition_is_an_outlet(frame: str) -> None:
    p = only(f"Night care will move to the city hospital, Fyens Stiftstidende {frame} Nurses were not consulted.")
    assert p.outlet_name == "Fyens Stiftstidende"


def test_an_interview_presented_after_its_credit_runs_over_its_labelled_exchange_only() -> None:
    found = find_passages(make_doc(
        "In a long interview with the farm weekly Landbrugsavisen, she set out her position. The key exchanges, in our "
        "translation:",
        "LA: Farmers say the rules will ruin them. Are they wrong?",
        "Minister: Some are right about their own farms. But we cannot pay people to stop farming.",
        "LA: How much money is on the table?",
        "Minister: About 90 million kroner over four years.",
        "The opposition called the interview evasive.",
    ), REGISTRY)
    assert len(found) == 1
    assert found[0].text.startswith("LA: Farmers say") and found[0].text.endswith("over four years.")


def test_an_outlet_credited_in_a_clause_after_before_or_since_is_credited() -> None:
    p = only("Her comments came a day after Helsingin Sanomat reported, citing a draft budget, that the ministry had "
             "dropped the plan.")
    assert p.outlet_name == "Helsingin Sanomat"


def test_a_title_with_an_elided_article_is_an_outlets_name() -> None:
    p = only("The airport will finish the year with 17.8 million passengers, according to L'Eco di Bergamo. Nobody "
             "expected it.")
    assert p.outlet_name == "L'Eco di Bergamo"


def test_a_press_review_item_is_its_headline_and_the_summary_that_reports_the_outlet() -> None:
    found = find_passages(make_doc(
        "Paris metro line 15 delayed again — Le Monde",
        "The evening daily says the first phase will not open before late next year.",
        "Wheat stocks sufficient for five months, says the supply minister",
        "Not much new here: the minister repeated last month's figure.",
    ), REGISTRY)
    assert [p.text.split("\n")[-1] for p in found] == [
        "The evening daily says the first phase will not open before late next year."]
    assert found[0].text.startswith("Paris metro line 15 delayed again")


def test_an_elided_particle_joins_the_words_of_a_name() -> None:
    p = only("Ridership rose 18 per cent, the regional paper Dernières Nouvelles d'Alsace reported.")
    assert p.outlet_name.endswith("Dernières Nouvelles d'Alsace")


def test_words_reported_in_the_present_under_a_past_speech_tag_go_on_with_a_past_credit() -> None:
    p = only("Line D carried 21,400 passengers a day, Dernières Nouvelles d'Alsace reported. The rise is largely down "
             "to a new shopping centre, the operator said.")
    assert p.text.endswith("the operator said.")


def test_a_dateline_of_two_cities_and_an_agency_is_no_part_of_the_passage() -> None:
    p = only("SHANGHAI/BEIJING, May 22 (Wire) - A carmaker owes its suppliers 4.6 billion yuan, the financial magazine "
             "Caixin reported on Wednesday.")
    assert p.text.startswith("A carmaker owes")


def test_the_outlet_named_again_after_an_opening_phrase_goes_on_reporting() -> None:
    found = find_passages(make_doc(
        "A carmaker owes its suppliers 4.6 billion yuan, the financial magazine Caixin reported on Wednesday.",
        "Citing documents seen by its reporters, the magazine said two suppliers had stopped deliveries.",
    ), REGISTRY)
    assert any(p.text.startswith("Citing documents seen by its reporters") or "Citing documents" in p.text
               for p in found)


def test_news_about_the_outlets_own_people_is_no_continuation() -> None:
    found = find_passages(make_doc(
        "Rents rose 11 percent, Público reported.",
        "Der Tagesspiegel has a new editor-in-chief. The Berlin paper announced that its long-time deputy will take "
        "over in April.",
    ), REGISTRY)
    assert all("deputy" not in p.text for p in found)


def test_an_outlet_named_by_its_countrys_possessive_goes_on_from_where_it_was_named() -> None:
    p = only("More interesting was a smaller item in Le Monde. France's best-selling newspaper wrote that grant "
             "applications fell by 40 percent.")
    assert p.text.startswith("More interesting was a smaller item")


def test_a_citys_network_is_no_outlet_named_again() -> None:
    found = find_passages(make_doc(
        "Fares will rise to 45 roubles, the local newspaper Vechernyaya Kazan reported.",
        "Kazan's public transport network carried more passengers last year than ever.",
    ), REGISTRY)
    assert all("network carried" not in p.text for p in found)


def test_an_outlet_described_first_and_named_next_is_one_passage() -> None:
    found = find_passages(make_doc(
        "The port is short of crane operators, a Busan-based daily reported on Thursday.",
        "Around 70 of the 410 operators will retire by 2027, the Busan Ilbo said.",
    ), REGISTRY)
    assert len(found) == 1 and found[0].outlet_name == "Busan Ilbo"
    assert found[0].text.startswith("The port is short") and found[0].text.endswith("the Busan Ilbo said.")


def test_an_outlet_described_by_its_kind_and_named_in_the_next_paragraph_is_one_passage() -> None:
    found = find_passages(make_doc(
        "The bridge will stay closed to lorries until 2027, a regional newspaper reported on Tuesday.",
        "Inspectors found fresh cracks in two girders in January, the Westdeutsche Allgemeine Zeitung reported.",
    ), REGISTRY)
    assert len(found) == 1 and found[0].text.startswith("The bridge will stay closed")


def test_an_outlet_described_by_its_kind_alone_and_never_named_gives_no_passage() -> None:
    assert not find_passages(make_doc(
        "The bridge will stay closed to lorries until 2027, a regional newspaper reported on Tuesday.",
        "Hauliers are furious about the detour.",
    ), REGISTRY)


def test_an_exchange_whose_answers_are_labelled_by_a_role_runs_to_its_last_answer() -> None:
    found = find_passages(make_doc(
        "The prefect explained the decision in an interview with Le Monde, which we have translated in part:",
        "Le Monde: Why close the beach now?",
        "The prefect: Because the sensors recorded gas levels above the threshold twice.",
        "Le Monde: Farmers say they are being blamed unfairly.",
        "The prefect: Nobody is being blamed.",
        "The beach will stay closed until further notice.",
    ), REGISTRY)
    assert len(found) == 1 and found[0].text.endswith("Nobody is being blamed.")


def test_an_unregistered_name_reporting_at_the_end_of_the_sentence_with_a_day_is_an_outlet() -> None:
    p = only("Operators billed the state for water delivered to 40 abandoned hamlets, Rajasthan Patrika reported on "
             "Thursday.")
    assert p.outlet_name == "Rajasthan Patrika"


def test_an_outlet_described_by_kind_and_named_in_the_next_sentence_is_one_passage() -> None:
    p = only("The city's official newspaper reported on Wednesday that the fountain show would stop for three weeks. "
             "Le Monde said a routine inspection had found corrosion in two pipes.")
    assert p.text.startswith("The city's official newspaper") and p.outlet_name == "Le Monde"


def test_a_digest_headline_credited_in_brackets_is_a_headline_passage_a_captions_credit_is_not() -> None:
    found = find_passages(make_doc("* Paris metro line 15 to open two years late (Le Monde)",
                                   "Photo: the newsroom of the paper in Paris (Le Monde)"), REGISTRY)
    assert [(p.kind, p.text) for p in found] == [("headline", "Paris metro line 15 to open two years late")]


@pytest.mark.parametrize(
    "line",
    ['**Kommersant** — "Six kilometres, eleven years, one ribbon"',
     'Ziarul de Iasi: "Six kilometres, eleven years, one ribbon"'],
)
def test_a_digest_headline_under_its_outlets_label_is_a_headline_passage(line: str) -> None:
    found = find_passages(make_doc("The regional papers led on the ring road.", line), REGISTRY)
    assert [(p.kind, p.text) for p in found] == [("headline", '"Six kilometres, eleven years, one ribbon"')]


def test_a_speakers_role_before_a_quotation_is_no_outlets_label() -> None:
    assert find_passages(make_doc('Tram chief: "We underestimated the winter"', "He spoke on Monday."), REGISTRY) == []


@pytest.mark.parametrize(
    "described",
    [
        "A Baltic daily with deep roots in the shipyards reported on Friday",
        "The eastern Slovak daily that first reported the change said",
        "A newspaper in Szeged wrote",
        "Poland's main grocery trade weekly reported",
    ],
)
def test_an_outlet_described_with_what_qualifies_it_and_named_later_in_the_paragraph(described: str) -> None:
    first = f"{described} that the yard had signed a contract for two ferries."
    middle = "The ferries will carry 120 cars each."
    named = "According to the newspaper, Folha do Vale, the yard will rent an extra slipway."
    (p,) = find_passages(make_doc(f"{first} {middle} {named}"), REGISTRY)
    assert p.text.startswith(described) and p.text.endswith("slipway.")


def test_a_description_is_not_a_name_of_another_kind_in_the_next_paragraph() -> None:
    described = "The crew landed crab out of season, a Busan-based newspaper reported on Tuesday."
    agency = "The Yonhap news agency, citing a coast guard official, said the captain denied it."
    found = find_passages(make_doc(described, agency), REGISTRY)
    assert [p.text for p in found] == [agency]


def test_the_agency_names_a_news_agency_again_but_not_a_newspaper() -> None:
    agency = "The agency, citing an official, said the country was short of 14,000 welders."
    credit = "Yards declined orders, the news agency Yonhap reported on Sunday."
    (p,) = find_passages(make_doc(credit, agency), REGISTRY)
    assert p.text.endswith(agency)
    (p,) = find_passages(make_doc("Yards declined orders, Le Monde reported on Sunday.", agency), REGISTRY)
    assert agency not in p.text


@pytest.mark.parametrize(
    "sentence",
    ["The minister said Le Monde would be sued.", "The union says Kommersant has cut forty jobs."],
)
def test_an_outlet_that_begins_the_clause_being_said_is_not_credited(sentence: str) -> None:
    assert find_passages(make_doc(sentence), REGISTRY) == []
