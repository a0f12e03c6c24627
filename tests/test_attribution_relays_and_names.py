"""Whose words a sentence renders when two outlets meet in it, and the forms an outlet's name takes.

A relay credits the outlet it cites, whether the citing comes first ("Citing X, the site reported") or the quoting
outlet stands in apposition ("X, as quoted by Y, reported"). An outlet goes by its initials once named in full
("JN" after "Jornal de Notícias"), by any "-language" description, and an outlet the registry lacks is known by the
lead-in that introduces its text. Lines a live blog puts over a paragraph (a time, a place) are not part of it.
"""

from __future__ import annotations

from provenance.attribution import find_passages
from tests.attribution_helpers import make_doc
from tests.attribution_helpers import passages_in as found
from tests.attribution_helpers import the_passage as only


def test_a_fronted_citing_credits_the_cited_outlet() -> None:
    p = only("Citing the Szczecin daily Kurier Szczeciński, the news site Notes from Poland reported that the "
             "ferry line would be sold.")
    assert "Kurier Szczeciński" in p.outlet_name and p.text.startswith("Citing")


def test_a_named_outlet_quoted_by_another_keeps_its_words() -> None:
    p = only("The Gyeongnam Sinmun, as quoted by The Korea Herald, reported that the yard would close in May.")
    assert p.outlet_name == "Gyeongnam Sinmun"


def test_a_person_quoted_by_an_outlet_is_the_outlets_quotation() -> None:
    p = only('"We are exhausted," said Yann Le Goff, quoted by Ouest-France.')
    assert p.outlet_name == "Ouest-France"


def test_initials_after_the_full_name_are_the_same_outlet() -> None:
    p = only("Jornal de Notícias reported on Tuesday that the office had processed a third of the requests. "
             "JN said some applicants had been given dates in 2027.")
    assert p.text.endswith("dates in 2027.")


def test_initials_name_the_outlet_the_article_introduced_not_a_registered_namesake() -> None:
    passages = found(
        "The mayor sat down with the Dresden regional daily Sächsische Zeitung. Part of the conversation:",
        "SZ: The plant has been empty for two years. What happens there?",
        "Mayor: We have two serious bidders.",
    )
    assert passages and all("Sächsische" in p.outlet_name for p in passages)


def test_any_language_adjective_describes_an_outlet() -> None:
    p = only("No agency had recorded cancellations, according to a report in the Castilian-language daily El País.")
    assert p.outlet is not None and p.outlet.id == "el-pais"
    unknown = only("Citing the Slovene-language weekly Mladina, the site reported that the minister would resign.")
    assert unknown.language == "sl"


def test_an_outlet_the_registry_lacks_is_known_by_its_lead_in() -> None:
    p = only(
        "Firefighters pumped water all night. Here is how Tribun Bali described the scene on Saturday evening:",
        "Dozens of scavengers carried their belongings to the main road as the wind turned.",
    )
    assert p.outlet_name == "Tribun Bali" and p.text.startswith("Dozens")
    assert found(
        "Firefighters pumped water all night. Here is how Made Wirawan described the scene on Saturday evening:",
        "Dozens of scavengers carried their belongings to the main road as the wind turned.",
    ) == []


def test_a_live_blogs_time_line_is_not_part_of_the_entry() -> None:
    p = only("10:35\nUkrainska Pravda broke the news that the deputy governor has been dismissed.")
    assert p.text.startswith("Ukrainska Pravda")


def test_a_live_blogs_time_on_the_entrys_own_line_opens_the_line_not_the_sentence() -> None:
    # the time, with or without a zone or a dash, stands before the outlet as a dateline does
    for time in ("10:15", "10:15 CET", "10:15 —"):
        p = only(f"{time} The Moscow daily Kommersant reported that the minister wants to cap support payments.")
        assert "Kommersant" in p.outlet_name and p.text.startswith("The Moscow daily"), time
    p = only("10:15 The Estonian daily Postimees reported that the minister wants to cap support payments.")
    assert "Postimees" in p.outlet_name and p.text.startswith("The Estonian daily")


def test_the_outlet_described_by_the_place_its_name_holds_goes_on_with_its_report() -> None:
    p = only("Folha de São Paulo revealed on Sunday that the airline had asked for more landing slots in Recife. "
             "The Sao Paulo newspaper said the request covered three weekly flights.")
    assert p.outlet_name == "Folha de São Paulo" and p.text.endswith("three weekly flights.")


def test_a_title_opening_a_name_marks_a_person_and_the_outlet_quoting_them_is_the_source() -> None:
    p = only('"We can now operate here," the manager, Dr Mihaela Popa, said, quoted by Ziarul de Iasi.')
    assert p.outlet_name == "Ziarul de Iasi"


def test_a_place_after_an_indefinite_article_describes_the_outlet_named_next() -> None:
    p = only("A Guangzhou newspaper reported last month that nine fires had started in corridors. The Southern "
             "Metropolis Daily said most of the batteries had been bought second-hand.")
    assert p.outlet_name == "The Southern Metropolis Daily" and p.text.startswith("A Guangzhou newspaper")
    # a Portuguese title that opens with its article is a name all the same
    assert only("A Bola reported on Monday that the coach would stay.").outlet_name == "A Bola"


def test_an_outlet_the_registry_lacks_described_and_publishing_labels_its_interview() -> None:
    found_ = found("The reformist daily Shargh interviewed the engineer Maryam Sadeghi. An excerpt:",
                   "Shargh: Is the fuel oil really the main culprit?",
                   "Sadeghi: It is not the only culprit, but it is the one that changed.",
                   "Shargh: Would closing schools make any difference?",
                   "Sadeghi: It protects children for a day.")
    assert any(p.text.startswith("Shargh: Is the fuel oil") and p.text.endswith("for a day.") for p in found_)


def test_a_site_named_by_its_domain_and_by_its_name_is_one_outlet() -> None:
    p = only("A battery plant will open six months late, local news site Delmagyar.hu reported on Friday. "
             "Delmagyar, the online edition of a regional daily, said the permit was still missing.")
    assert p.text.endswith("still missing.")


def test_it_reports_for_the_outlet_that_opened_the_sentence_before() -> None:
    p = only("Kommersant, a Moscow business daily, went further on Monday. It claimed that the ministry had "
             "already shared the seismic data.")
    assert p.text.startswith("Kommersant")
    # the outlet's management is no outlet reporting
    assert found("Bild's management said no newsroom would close. It said it had invited the union to talks.") == []


def test_sentences_their_lead_in_and_the_quote_below_are_one_passage() -> None:
    p = only(
        "Al-Akhbar reported that the ministry had shared the data. The paper wrote:",
        '"Nobody in Beirut wants to be blamed a second time for an empty well."',
    )
    assert p.text.startswith("Al-Akhbar") and p.text.endswith('empty well."')


def test_the_text_under_a_lead_in_goes_on_in_the_next_paragraph() -> None:
    p = only(
        "Le Monde reported on Friday:",
        ("blockquote", "The heatstroke ward set up in April has run out of beds."),
        "The paper also said that officials in Barmer had halted construction work in the afternoon.",
    )
    assert p.text.startswith("The heatstroke") and p.text.endswith("in the afternoon.")


def test_a_headline_and_the_story_under_it_are_one_passage() -> None:
    p = only(
        'BILD: "Bridge closed for a year"',
        "The paper reports that inspectors found cracks in two of the piers.",
    )
    assert p.text.startswith('"Bridge closed') and p.text.endswith("two of the piers.")


def test_the_outlets_report_goes_on() -> None:
    p = only(
        "Der Spiegel put it bluntly in an editorial:",
        ("blockquote", "A ferry is a road that floats."),
        "Spiegel went on to argue that councils should set the fares to zero.",
    )
    assert p.text.endswith("fares to zero.")


def test_frames_with_a_descriptor_after_the_name_or_a_part_of_the_day() -> None:
    assert only("Deliveries will be delayed by nine months, the Kommersant business daily reported on Wednesday.")
    assert only("SVT Norrbotten broke the news on Thursday morning, reporting that the miners had been evacuated.")


def test_names_the_registry_lacks_by_their_shape() -> None:
    assert only("As 74.ru reported on Thursday, parents kept their children home.").outlet_name == "74.ru"
    assert only("Novi list claimed on Saturday that the dock had been resold.").outlet_name == "Novi list"


def test_a_broadcasters_regional_service_is_the_broadcaster() -> None:
    from provenance.model import Outlet
    from tests.attribution_helpers import TinyRegistry

    registry = TinyRegistry([Outlet("svt", "SVT", "sv", kind="broadcaster"),
                             Outlet("rbc", "RBC", "ru", kind="broadcaster")])
    doc = make_doc("The hunt was briefly halted on Friday, according to SVT Dalarna, but it resumed the same day.")
    (p,) = find_passages(doc, registry)
    assert p.outlet is not None and p.outlet.id == "svt"
    # a longer name that holds a broadcaster's is another body
    assert find_passages(make_doc("RBC Capital Markets said the shares would rise."), registry) == []


def test_going_public_with_figures_is_reporting() -> None:
    assert only("Over in Spain, El País went public with figures showing that rents have risen by 64 per cent.")


def test_the_authors_question_after_reported_speech_is_no_interview() -> None:
    p = only(
        "The region has refused to create one, Le Monde noted, though sources told the paper they expect to win.",
        "Will the hoteliers win?",
        "Whether their argument holds is debatable. Barcelona has hardly struggled to fill its hotels.",
    )
    assert p.text.endswith("expect to win.")
    interview = only(
        "Speaking to Le Monde on Thursday, the union leader was blunt about the timetable.",
        "Will the ferries run normally in August?",
        '"If there is no agreement, no. We are not prepared to pay for a plan we have not seen."',
    )
    assert interview.text.endswith('have not seen."')


def test_an_outlet_described_as_english_language_writes_in_english() -> None:
    p = only("Kommersant, the English-language edition, reported that the plant would close.")
    assert p.language == "en"
    assert only("Tuoi Tre News, the English-language service, reported that the ferry would stop.").language == "en"


def test_a_person_named_by_their_employer_speaks_for_themself() -> None:
    assert found('"Blocking is cheap and it works," said a former Le Monde journalist who now lives in Canada.') == []


def test_a_name_followed_by_who_is_a_person_not_an_outlet() -> None:
    # outlets take "which": the name an unregistered speaker gives is no masthead, however it is credited
    assert found('"A bus is not the same promise," said Haruko Ibaragi, who runs an inn near the station.') == []
    assert found("Over 900 pipes were cleaned, according to Gerrit Maasdam, who chairs the foundation.") == []


def test_a_list_of_headline_lines_credits_each_line() -> None:
    passages = found(
        "On the front pages:\nBILD: Budget passes at 3 a.m. after walkout\nTeachers promised a rise - Le Monde",
        "Our own notes follow below.",
    )
    assert [p.text for p in passages] == ["Budget passes at 3 a.m. after walkout", "Teachers promised a rise"]


def test_the_items_of_a_press_list_credit_outlets_the_registry_lacks() -> None:
    passages = found(
        "Front pages",
        "* Cluj airport to add night flights to Lisbon from June (Monitorul de Cluj)",
        "* Cruise arrivals to be capped at three a day (Le Monde)",
        "* Danube water levels lowest in February for two decades (Balkan Insight)",
        "* Students queue for rental flats as term opens (our own reporting)",
    )
    # an English-language site and the desk's own reporting credit no foreign outlet
    assert [p.outlet_name for p in passages] == ["Monitorul de Cluj", "Le Monde"]


def test_sources_cited_in_the_report_go_on_with_it() -> None:
    p = only(
        "The port operator is to lease 12 older tankers, the business daily Kommersant disclosed on Thursday.",
        "The vessels would carry oil products, according to two sources cited in the report.",
    )
    assert p.text.endswith("cited in the report.")


def test_an_interview_published_by_an_outlet_and_a_quoted_name() -> None:
    p = only("The minister said in an interview published on Sunday by the Spanish daily El País that talks go on.")
    assert p.outlet is not None and p.outlet.id == "el-pais"
    q = only("The mayor said in an interview with the French newspaper 'Le Monde' that a compromise was possible.")
    assert q.outlet is not None and q.outlet.id == "le-monde"


def test_the_first_word_of_a_name_given_in_full_is_the_outlet() -> None:
    p = only(
        "A trader is in talks to buy a stake in a terminal, the business newspaper Valor Economico reported.",
        "The deal would value the terminal at 2.3 billion reais, Valor said, citing two people close to the talks.",
    )
    assert p.text.endswith("close to the talks.")
    # a word of another name is no short form
    passages = found("The business newspaper Valor Economico reported that the deal was off.",
                     "Separately, Valor Capital Group said it would invest in the port.")
    assert len(passages) == 1


def test_a_press_reviews_item_labelled_with_an_unregistered_outlet_runs_through_its_summary() -> None:
    # the label names the outlet, the summary under the unquoted headline describes it again
    p = only(
        "## Zadarski glas: Ferry fares to the islands set to double in winter",
        "The Zadar daily says the operator has asked the port authority for a higher fare from November.",
    )
    assert p.outlet_name == "Zadarski glas"
    assert p.text.startswith("Ferry fares") and p.text.endswith("from November.")


def test_labelled_list_items_under_a_press_heading_credit_each_outlet() -> None:
    passages = found(
        "The headlines",
        "- **Pärnu Kuller:** Town to close two of its three saunas next year",
        "- **Kauno diena:** Stadium repairs to cost twice the estimate",
    )
    assert [p.outlet_name for p in passages] == ["Pärnu Kuller", "Kauno diena"]


def test_labels_that_are_not_outlets_credit_nothing() -> None:
    # a kicker, ordinary words, a questioner's label repeated through an exchange, a transcript's speaker
    assert found("EXPLAINER: What the new media law means for the broadcaster",
                 "The law changes how the board is chosen.") == []
    assert found("Today: snow closes schools and the budget fight goes on") == []
    exchange = found(
        "Delo: Why did the line close?", "Novak: The money ran out.",
        "Delo: Some councillors say it was never needed.", "Novak: They are wrong.",
    )
    assert all(p.kind != "headline" for p in exchange)


def test_a_masthead_ending_in_a_lower_case_word_for_a_paper_is_an_outlet() -> None:
    # Lithuanian "diena" (day) and Estonian "leht" (sheet) are words papers' names carry, like "noviny" or "list"
    assert only("Kauno diena reported that the stadium roof would cost twice the estimate.").outlet_name == (
        "Kauno diena")
    assert only("Lõunaleht reported that the ferry would stop in January.").outlet_name == "Lõunaleht"


def test_an_unregistered_outlet_with_an_adverb_before_its_verb() -> None:
    p = only("Maaseudun Tulevaisuus previously reported that two wholesalers had not paid their pickers.")
    assert p.outlet_name == "Maaseudun Tulevaisuus"


def test_a_cleft_sentence_puts_the_outlet_in_focus_as_its_subject() -> None:
    p = only("It was Ziarul de Iasi that broke the news in June that the mayor was under investigation. The paper "
             "reported two weeks later that prosecutors had searched city hall.")
    assert p.outlet_name == "Ziarul de Iasi" and p.text.endswith("searched city hall.")


def test_the_first_words_of_an_unregistered_name_credit_the_same_outlet_again() -> None:
    """"the Schwäbische" after "the Schwäbische Zeitung" is one outlet with one report, not a second passage."""
    p = only("Eleven family bakeries in the district have shut since January, reports the Schwäbische Zeitung, the "
             "Ravensburg-based regional paper. Owners cited energy costs, and the paper found that only two had found "
             "a buyer. The local trade guild told the Schwäbische that it expects further closures this year.")
    assert p.text.endswith("further closures this year.")
