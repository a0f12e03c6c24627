"""Shapes of credit that hold for any outlet, registered or not.

A credit is recognised by how the sentence is built, not by the outlet's name: a description set off by commas
between an outlet named again and its verb, a masthead written without its diacritics, an adjective of any kind in
the description before a name, a masthead made of an ordinary English word when the article goes on to call it a
paper, a colon at the end of a credit over a quoted paragraph, a block quote credited by the sentence under it, an
interview announced before its printed exchange, initials of a compound masthead, a place of several words in a
description, a press review's label with the outlet's place and language in brackets, a description opening on a
lower-case adjective, a name the next sentence calls "the newspaper", what an outlet ran named by what outlets
publish, a show "of" a broadcaster, "It" opening a paragraph after an outlet that was the subject, a weekday's
edition before a name, a document the report describes going on in the present, a day's edition "of" a masthead, a
report "on" a topic that carries a claim, "a calculation by X suggests", an abbreviation in brackets inside an
apposition, a plural noun after an ordinary opening word read as no verb; and what is none: an agency after a
newspaper, an outlet that is itself the news, a factory's site that something happens "to", a speaker's role label,
a review's next item after "Meanwhile", the author's clause before "but X writes", what an outlet wrote in English.
"""

from __future__ import annotations

from provenance.attribution import find_passages
from tests.attribution_helpers import REGISTRY, make_doc


def passages(*blocks: str | tuple[str, str]) -> list[tuple[str, str]]:
    return [(p.outlet_name, p.text) for p in find_passages(make_doc(*blocks), REGISTRY, same_language=False)]


def test_a_description_between_the_outlet_named_again_and_its_verb_keeps_the_passage_going() -> None:
    credit = "The Maltese daily Il-Kuljum reported that two ferries had been withdrawn."
    again = "The newspaper, which is close to the dockers' union, quoted a crew member as saying the hulls leaked."
    ((_, text),) = passages(f"{credit} {again}")
    assert text.endswith(again)


def test_another_agency_set_off_by_commas_after_a_newspaper_is_not_the_newspaper_again() -> None:
    credit = "Yards declined orders, Le Monde reported on Sunday."
    other = "The agency, citing an official, said the country was short of welders."
    ((_, text),) = passages(credit, other)
    assert other not in text


def test_a_masthead_written_without_its_diacritics_is_still_a_masthead() -> None:
    ((outlet, _),) = passages("Brnensky denik reports that forty houses in Modrice were flooded overnight.")
    assert outlet == "Brnensky denik"


def test_a_language_adjective_is_a_description_not_a_name() -> None:
    credit = "The council shortlisted three bidders, the Sharjah daily Al Dar reported on Monday."
    again = "The Arabic-language newspaper said the emirate would contribute the land."
    found = passages(f"{credit} {again}")
    assert len(found) == 1 and found[0][1].endswith(again)


def test_any_adjective_may_describe_the_outlet_before_its_name() -> None:
    ((outlet, _),) = passages(
        "According to the industrial trade paper Kogyo Keizai Shimbun, 23 suppliers have leased land near the site."
    )
    assert outlet.endswith("Kogyo Keizai Shimbun") and "industrial" in outlet


def test_an_ordinary_english_word_is_a_masthead_when_the_article_calls_it_a_paper_next() -> None:
    found = passages(
        "Orvin is in talks to open a design centre in Masdar City, Globes reported on Wednesday. According to the "
        "Hebrew-language business daily, the board approved a first budget last month."
    )
    assert [outlet for outlet, _ in found] == ["Globes"]


def test_a_pronoun_opening_the_sentence_is_never_taken_for_a_masthead() -> None:
    found = passages(
        "The port extended the dredging contract, Le Monde revealed on Monday. It reported that two board members "
        "had asked for an audit. According to the paper, the audit was refused."
    )
    assert [outlet for outlet, _ in found] == ["Le Monde"]


def test_a_credit_ending_in_a_colon_introduces_the_quoted_paragraph_below() -> None:
    editorial = '"A transport system cannot be built by driving families into poverty. The city must say how."'
    found = passages(
        "The city says the first electric buses will run in March.",
        "Pikiran Rakyat, the city's oldest daily, put it this way in Thursday's editorial:",
        editorial,
        "We tend to agree with the paper, up to a point.",
    )
    assert found == [("Pikiran Rakyat, the city's oldest daily", editorial)]


def test_a_block_quote_is_credited_by_the_sentence_right_under_it() -> None:
    quote = "The city will remove all 4,200 parking meters by spring. Drivers will pay with an app."
    under = "That is how Le Monde, the Paris daily, summed up the plan on Tuesday."
    ((outlet, text),) = passages(("blockquote", quote), f"{under} Critics say the app needs an ID number.")
    assert outlet == "Le Monde" and text.startswith(quote[:30]) and text.endswith(under)


def test_an_announced_interview_is_its_printed_exchange_not_the_announcement() -> None:
    blocks = [
        "Levan Kiknadze gave a long interview to Batumelebi, an independent newspaper based in Adjara, on Thursday.",
        "Batumelebi: Dredging stopped in September. What happened?",
        "Kiknadze: The agency asked for another study. It will be finished in February.",
        "Batumelebi: Will the berth still take the largest ships?",
        "Kiknadze: Yes. The depth will be 16 metres.",
    ]
    ((outlet, text),) = passages(*blocks)
    assert outlet == "Batumelebi"
    assert text.startswith("Batumelebi: Dredging") and text.endswith("16 metres.")


def test_an_interview_sentence_that_reports_what_was_said_stays_a_passage() -> None:
    ((_, text),) = passages("The mayor gave a long interview to Le Monde on Monday, saying the port would close.")
    assert "port would close" in text


def test_the_initials_of_a_compound_masthead_continue_its_passage() -> None:
    text = (
        "The second tram line will open eight months late, Tampere-based daily Aamulehti reports. According to the "
        "paper, a supplier of masts has gone into administration. AL writes that the delay could add 14 million "
        "euros to the budget."
    )
    assert [t for _, t in passages(text)] == [text]


def test_a_place_of_several_words_describes_the_outlet_named_before() -> None:
    text = (
        "Tuoi Tre wrote on Thursday that the port authority was seeking two new berths. The Ho Chi Minh City daily "
        "also said the province wanted a rail link to the port."
    )
    assert [outlet for outlet, _ in passages(text)] == ["Tuoi Tre"]


def test_a_review_label_with_place_and_language_in_brackets_credits_the_item_and_gives_its_language() -> None:
    doc = make_doc(
        "Each week we translate and summarise front pages from regional dailies.",
        'Prabhat Kiran (Ranchi, Hindi): "Coal-belt villages wait six years for new homes"',
        "More than 1,100 families displaced by mining still live in temporary housing.",
        'Dina Malar (Chennai, Tamil): "Airport runway extension cleared after 15-year wait"',
        "The state government has bought the last 18 acres needed to lengthen the runway.",
    )
    found = find_passages(doc, REGISTRY, same_language=False)
    assert [(p.outlet_name, p.language) for p in found] == [("Prabhat Kiran", "hi"), ("Dina Malar", "ta")]
    assert found[1].text.endswith("lengthen the runway.")


def test_the_speaker_a_credit_quotes_is_part_of_its_frame() -> None:
    doc = make_doc('The plant will close, Le Monde reported. The newspaper quoted him as saying: "We had no choice."')
    (p,) = find_passages(doc, REGISTRY, same_language=False)
    assert "The newspaper quoted him as saying:" in [doc.text[s.start : s.end] for s in p.frame]


def test_the_owner_of_an_outlet_is_not_the_outlet_reporting() -> None:
    assert passages("The owner of Poland's Le Monde reported a 4 percent rise in digital revenue.") == []
    ((outlet, _),) = passages("Le Monde reported a 4 percent rise in the price of bread.")
    assert outlet == "Le Monde"


def test_a_dateline_in_capitals_over_a_headline_in_capitals_is_no_outlet_label() -> None:
    found = passages(
        "IBADAN: A CHIEFTAINCY ROW GOES TO COURT",
        "A family has gone to court over who may succeed the late chief. The magazine says the state has said "
        "nothing so far.",
    )
    assert "IBADAN" not in [outlet for outlet, _ in found]


def test_a_sentence_in_another_tense_between_two_of_the_reports_stays_in_it() -> None:
    text = (
        "Le Monde obtained the waiting lists for the first quarter. They show 1,140 people waiting for surgery. "
        "It said the hospital had lost nine anaesthetists since 2024."
    )
    assert [t for _, t in passages(text)] == [text]


def test_the_authors_comment_between_two_of_the_reports_sentences_ends_it() -> None:
    text = (
        "Le Monde obtained the waiting lists for the first quarter. That is a scandal, in our view. "
        "It said the hospital had lost nine anaesthetists since 2024."
    )
    ((_, found),) = passages(text)[:1]
    assert "scandal" not in found


def test_a_description_opening_on_a_lower_case_adjective_sums_up_the_review_item_above_it() -> None:
    found = passages(
        'Bystrický denník: "Ski lift fares to rise by a fifth"',
        "The central Slovak weekly leads on the operators' new price list. Skiers interviewed by the paper call the "
        "rise steep.",
    )
    assert [outlet for outlet, _ in found] == ["Bystrický denník"]
    assert found[0][1].endswith("call the rise steep.")


def test_the_agency_after_a_newspaper_goes_on_with_nobody_across_paragraphs() -> None:
    found = passages(
        "Fences were damaged along the shore, the regional daily Vesti Pomorja reported.",
        "The Harbour Master, as the paper is known locally, posted photographs of the pier.",
        "The storm peaked at 03:10 with gusts of 110 km/h, the agency said.",
    )
    assert all("the agency said" not in text for _, text in found)


def test_a_name_opening_a_sentence_is_the_outlet_the_next_sentence_calls_the_newspaper() -> None:
    opening = "Bursa's Olay Gazetesi put a figure on it this week: a bus pass now costs a fifth of a pension."
    going_on = "The newspaper found that fares had doubled in three years."
    assert passages(f"{opening} {going_on}") == [("Bursa's Olay Gazetesi", f"{opening} {going_on}")]


def test_an_outlet_that_is_the_news_is_not_the_outlet_the_next_sentence_names_again() -> None:
    text = (
        "Kanal Veritas, one of the country's opposition channels, was fined twice in March over its election "
        "coverage. The channel says it will appeal."
    )
    assert passages(text) == []


def test_a_description_followed_by_a_name_is_another_outlet_not_the_subject_before() -> None:
    text = "Radio Pelikan appealed both fines in court. The public broadcaster STVR was warned but not fined."
    assert passages(text) == []


def test_an_outlet_that_ran_a_long_interview_credits_the_excerpt_quoted_under_it() -> None:
    found = passages(
        "The Faroese fishing weekly Fiskitíðindi ran a long interview with a trawler owner. An excerpt, in our "
        "translation:",
        ("blockquote", "Why are you selling the boat? Because the quota no longer pays for the crew."),
    )
    assert found == [("The Faroese fishing weekly Fiskitíðindi",
                      "Why are you selling the boat? Because the quota no longer pays for the crew.")]


def test_a_speakers_role_over_quoted_words_is_no_masthead() -> None:
    found = passages(
        'Gdansk port chief: "We underestimated the frost"',
        "The head of the port company admitted the delays in a long interview with the city's main daily.",
        "Dziennik Baltycki, the newspaper that has covered the port for years, put questions to its chief "
        "executive. Excerpts, translated by our newsroom:",
        "Dziennik Baltycki: Passengers waited for an hour. Who was responsible?",
        "Nowak: I am. We never tested the cranes in wet snow.",
    )
    assert "Gdansk port chief" not in [outlet for outlet, _ in found]


def test_a_headings_last_word_and_the_next_paragraphs_first_are_no_persons_name() -> None:
    found = passages(
        ("heading", "Kerala"),
        "Malaimurasu reports that the festival dispute has reached the high court in Madurai.",
    )
    assert [outlet for outlet, _ in found] == ["Malaimurasu"]


def test_a_few_words_naming_the_story_over_a_block_quote_present_it_as_the_outlets() -> None:
    found = passages(
        "Mathrubhumi, the Kozhikode daily, devotes its front page to the landslide. Its lead story, in short:",
        ("blockquote", "Two villages in Wayanad were cut off overnight, and 140 families have moved to relief camps."),
    )
    assert found == [("Mathrubhumi, the Kozhikode daily",
                      "Two villages in Wayanad were cut off overnight, and 140 families have moved to relief camps.")]


def test_an_outlet_described_as_the_first_to_report_opens_the_passage_that_names_it_next() -> None:
    lede = "A local newspaper in the eastern port city was the first to report the loss of the contract."
    named = "The paper, Vidzemes Balss, said the yard's management had told staff on Monday."
    assert passages(f"{lede} {named}") == [("The paper, Vidzemes Balss", f"{lede} {named}")]


def test_a_credit_pointing_back_at_the_sentence_before_takes_it_in() -> None:
    before = "In the highlands, crews missed the 20-minute target in one call in seven last year."
    credit = "The figures were published by Krkonošský deník, which obtained them from the rescue service."
    assert passages(f"{before} {credit}") == [("Krkonošský deník", f"{before} {credit}")]


def test_a_demonstrative_credit_takes_in_the_sentence_it_points_back_at() -> None:
    before = "The new station will sit four kilometres from the centre, and nobody has paid for a bus."
    credit = "That was the conclusion of the local paper Kurzemes Vārds, which asked the county who would run buses."
    assert passages(f"{before} {credit}") == [("the local paper Kurzemes Vārds", f"{before} {credit}")]


def test_an_outlets_report_that_puts_a_figure_credits_the_sentence() -> None:
    said = "El País's report on Thursday put the number of people who have left their homes at about 2,500."
    assert passages(said) == [("El País", said)]


def test_a_description_qualified_by_its_region_credits_before_the_name_comes() -> None:
    described = "The regional daily for Friesland reported on Saturday that the operator wants to drop a crossing."
    named = "The paper, the Leeuwarder Courant, said the boat often sails with fewer than twenty passengers."
    ((_, text),) = passages(f"{described} {named}")
    assert text == f"{described} {named}"


def test_speaking_to_a_broadcasters_programme_credits_it() -> None:
    said = "Speaking to Omrop Fryslân's morning show on Monday, the mayor said the island was no bus route."
    assert passages(said) == [("Omrop Fryslân", said)]


def test_the_authors_aside_after_a_credited_sentence_ends_the_passage() -> None:
    credited = "Only 61 people applied for the posts, reports Etelä-Suomen Sanomat, and fewer than half qualify."
    aside = "If that sounds familiar, it should: Tampere went through the same thing."
    assert passages(f"{credited} {aside}") == [("Etelä-Suomen Sanomat", credited)]


def test_a_description_does_not_reach_back_into_the_paragraph_above() -> None:
    doc = make_doc("Schools are closing across the Gaeltacht",
                   "Irish-language news site Nuacht24 reported that six schools had fewer than ten pupils.")
    (p,) = find_passages(doc, REGISTRY, same_language=False)
    assert p.outlet_name == "Irish-language news site Nuacht24"


def test_a_source_line_over_a_live_blogs_next_entry_credits_the_entry_above() -> None:
    found = passages(
        "**14:30** — In the east, three towns vote today.",
        "The only rival of the incumbent in Odorheiu withdrew on Friday, citing health reasons, and the mayor now "
        "runs unopposed in a town of thirty thousand.",
        "*Source: Székelyhon, translated by our correspondent.*",
        "**11:00** — Polls have been open for four hours.",
    )
    assert [t[:40] for _, t in found] == ["The only rival of the incumbent in Odorh"]


def test_a_review_item_after_a_topic_shift_is_not_the_headline_s_summary() -> None:
    found = passages(
        "The front pages in Vilnius this morning.",
        "Lietuvos rytas: Port strike ends after nine days.",
        "Meanwhile, the weekly magazines lead on heating bills, which rose sharply in January.",
    )
    assert found and all("heating bills" not in text for _, text in found)


def test_an_interviewee_speaking_in_the_first_person_in_a_q_and_a_stays_in_the_exchange() -> None:
    answer = "A: Not this year. Our order book is full until spring."
    found = passages("In an interview with the Flemish daily De Standaard, he said:",
                     f"Q: Will you close the Genk site?\n{answer}")
    assert found and found[0][1].endswith("full until spring.")


def test_speaking_on_a_programme_of_a_broadcaster_credits_the_broadcaster() -> None:
    ((outlet, text),) = passages(
        "Speaking on the evening bulletin of Radio Vallès on Friday, the mayor said the road would reopen in May."
    )
    assert outlet == "Radio Vallès" and text.startswith("Speaking")


def test_it_opening_the_next_paragraph_goes_on_for_an_outlet_that_was_the_subject() -> None:
    follow = "It said that two of the four pumps had failed during the storm."
    found = passages(
        "Kurier Szczeciński, the regional paper owned by a local trust, ran a long report on Monday showing that "
        "the city's flood barriers were never tested.",
        follow,
    )
    assert len(found) == 1 and found[0][1].endswith(follow)


def test_a_weekday_edition_before_an_unknown_masthead_is_no_given_name() -> None:
    found = passages(
        "Tuesday's Novi List added that the harbour authority has not yet signed the lease. Novi List said the "
        "tenant had asked for a decision by March."
    )
    assert [outlet for outlet, _ in found] == ["Novi List"]


def test_the_author_s_clause_before_but_and_a_reporting_outlet_is_left_out() -> None:
    ((_, text),) = passages(
        "We had hoped to visit the orchards ourselves, but Nový Čas writes that frost destroyed half the apricot crop."
    )
    assert text.startswith("Nový Čas writes")


def test_what_an_outlet_said_in_an_english_dispatch_is_no_translation() -> None:
    doc = make_doc("Kyodo, the Japanese news agency, said in an English-language dispatch that exports fell.")
    assert [p.language for p in find_passages(doc, REGISTRY)] == ["en"]


def test_a_document_the_report_describes_goes_on_in_the_present() -> None:
    credit = ("The provincial daily Kuriero Frisia reported on Tuesday that a draft of the plan, seen by the paper, "
              "sets a target of 18 percent fewer cows by 2030.")
    more = "The draft also foresees a fund of 240 million euros for farmers who switch to grazing."
    ((_, text),) = passages(f"{credit} {more}")
    assert text.endswith(more)


def test_a_day_s_edition_of_an_unknown_masthead_reports() -> None:
    ((name, text),) = passages("Tuesday's edition of Nordlysa reported that the operator had drawn up a "
                               "contingency plan for the crossing.")
    assert name == "Nordlysa" and text.startswith("Tuesday's edition")


def test_a_report_on_a_topic_that_carries_a_claim_is_a_passage_and_a_bare_topic_is_not() -> None:
    claim = ("Sudwerft Ilbo ran a long report on shipbuilders in the city struggling to recruit welders, with one "
             "yard saying a third of its night shifts were vacant.")
    assert [name for name, _ in passages(claim)] == ["Sudwerft Ilbo"]
    assert passages("Le Monde ran a story on the strike.") == []


def test_an_abbreviation_in_brackets_before_the_comma_of_an_apposition() -> None:
    ((_, text),) = passages("The country's biggest daily, Helsingin Sanomat (HS), says the finance ministry floated "
                            "a levy on sauna stoves.")
    assert text.startswith("The country's biggest daily")


def test_a_plural_noun_after_an_ordinary_opening_word_is_no_present_verb() -> None:
    credit = "The new track will cross the river on a new bridge, Jornal de Notícias reported."
    more = "Journey times between the two cities would drop to under one hour."
    ((_, text),) = passages(f"{credit} {more}")
    assert text.endswith(more)


def test_a_site_that_is_a_place_is_no_outlet_named_again_but_one_spoken_to_is() -> None:
    credit = "Meduza reported that the cannery would close in March."
    place = "Town planners will have to decide what happens to the site, which sits on valuable land."
    spoken = "An official said to the site that talks with buyers would resume."
    ((_, text),) = passages(credit, place)
    assert place not in text
    ((_, text),) = passages(credit, spoken)
    assert text.endswith(spoken)


def test_a_report_by_the_outlet_as_the_subject_credits_it_and_a_complaint_by_it_does_not() -> None:
    ((name, _),) = passages("A calculation by Le Monde suggests that heating costs will rise by a third.")
    assert name == "Le Monde"
    assert passages("A complaint by Le Monde was rejected by the court.") == []
