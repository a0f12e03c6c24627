"""The attribution finder's word lists (``data/attribution.toml``), compiled once into regular expressions."""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import cache
from typing import Any

from provenance.attribution.patterns import (
    APPOSITION_STOP,
    CLOSE_MARKS,
    DESCRIBING_INSERTION,
    INSERTION,
    NAME_RE,
    NAME_WORD,
    OPEN_MARKS,
    PLACE,
    TIME_PHRASE,
)
from provenance.attribution.vocabulary import either, finder_data
from provenance.calendar import calendar_words
from provenance.letters import strip_marks

# months, weekdays and a day's ordinal endings are listed once, in data/calendar.toml
_EN_DATES = calendar_words("en")
_MONTHS = "|".join(re.escape(m) for m in (*_EN_DATES.months, *_EN_DATES.month_abbreviations))


@dataclass(frozen=True)
class UnknownOutletWords:
    """``[unknown_outlets]``: the evidence that a name in a reporting frame is an outlet (attribution/unknown.py)."""

    threshold: int
    name_words: frozenset[str]  # "Zeitung", "Sanomat", "TV"
    compound_endings: tuple[str, ...]  # "bladet", "lehti": the last part of a one-word masthead ("Fiskeribladet")
    strong_before: re.Pattern[str]  # "told X", "in an interview with X"
    strong_after: re.Pattern[str]  # "X reported that", "X wrote:"
    outlet_verbs: re.Pattern[str]  # "X leads with", "X ran a story"
    news_about: re.Pattern[str]  # "X, a channel, was fined": the name as the subject of "be"
    not_outlets: frozenset[str]  # "NATO", "Eurostat"
    org_words: frozenset[str]  # "ministry", "police"
    person_pronouns: re.Pattern[str]  # "X said he"
    agent_endings: tuple[str, ...]  # "-er", "-ist": "X, a rolling-stock engineer": a person
    agent_not_person: frozenset[str]  # "broadcaster", "publisher": ... unless the noun names an outlet
    given_names: frozenset[str]  # "Anna": "Anna Kowalska reported" names a person
    tld_languages: dict[str, str]  # "pl" -> "pl"
    english_mastheads: frozenset[str]  # "Times", "Daily": an unknown outlet so named writes in English
    foreign_articles: frozenset[str]  # "Le", "Der": ... unless its name has a foreign article ("Le Journal")


def _unknown_outlet_words(raw: dict[str, Any]) -> UnknownOutletWords:
    data = raw["unknown_outlets"]
    grammar = raw["grammar"]
    medium = rf"(?:{either(grammar['medium_prepositions'])})\s+(?:{either(grammar['outlet_possessives'])})"  # "on its"
    # "X first reported", "X has previously written": the adverbs and the perfect a frame carries before its verb
    # (not "also" or "later", which go on with an outlet named before: "The Doshin also reported" may be its nickname)
    going_on = set(raw["cues"]["continuation_adverbs"])
    fresh = [w for w in grammar["frame_adverbs"] if w not in going_on]
    adverb = rf"(?:(?:{either(grammar['perfect'])})\s+)?(?:(?:{either(fresh)}|\w+ly)\s+)?"
    return UnknownOutletWords(
        threshold=int(data["threshold"]),
        # (with and without their marks: "Brnensky denik" is written for "Brněnský deník")
        name_words=frozenset(
            form for w in [*data["name_words"], *raw.get("name_words", {}).get("any", {})]
            for form in (w.lower(), strip_marks(w.lower()))
        ),
        compound_endings=tuple(w.lower() for w in data["compound_endings"]),
        strong_before=re.compile(rf"(?:^|[\s,;:(—–-])(?:{alt(data['strong_before'])})(?:\s+the)?\s*$", re.I),
        # the reported words follow: "that" (after up to four words), a colon or comma, a quotation, or the end
        strong_after=re.compile(
            rf"^\s*(?:,[^,.;:]{{1,80}},\s*)?{adverb}(?:{alt(data['strong_after'])})\b"
            # ... or "in its Wednesday edition", "on its website" ("its" is a publication's, not a person's) or a time
            # ("on Thursday") to the end
            r"(?:(?:\s+[\w'’-]+){0,4}?\s+that\b|\s*(?:on\s+\w+\s*)?[:,]|\s+[\"“„«]"
            rf"|(?:\s+{medium}(?:\s+[\w'’-]+){{1,3}}|\s+(?:{either(raw['time']['frame_relative'])})"
            rf"\s+\w+(?:\s+\w+)?|\s+(?:{either(raw['time']['frame_days'])}))?\s*[.)]?\s*$)",
            re.I,
        ),
        outlet_verbs=re.compile(
            rf"^\s*(?:,[^,.;:]{{1,80}},\s*)?{adverb}(?:{alt(data['outlet_verbs'])}"
            rf"|(?:{either(data['product_verbs'])})\s+(?:(?:{either(raw['articles']['english'])}|its)\s+)?"
            rf"(?:[\w'’-]+\s+){{0,2}}?(?:{either(data['products'])}))\b",
            re.I,
        ),
        news_about=re.compile(rf"^\s*(?:,[^,.;:]{{1,80}},\s*)?(?:{alt(data['news_about'])})\b", re.I),
        not_outlets=frozenset(data["not_outlets"]),
        english_mastheads=frozenset(data["english_mastheads"]),
        foreign_articles=frozenset(data["foreign_articles"]),
        org_words=frozenset(w.lower() for w in data["org_words"]),
        person_pronouns=re.compile(
            rf"^\s*(?:{either(data['pronoun_verbs'])})\s+(?:that\s+)?(?:{alt(data['person_pronouns'])})\b", re.I
        ),
        agent_endings=tuple(data["agent_endings"]),
        agent_not_person=frozenset(w.lower() for w in data["agent_not_person"]),
        tld_languages=dict(data["tld_languages"]),
        given_names=frozenset(data["given_names"]),
    )


def _frame_words(raw: dict[str, Any]) -> list[str]:
    """The first word of every cue, verb and report noun: a cheap test that a sentence may hold a frame."""
    cues = raw["cues"]
    lists = [
        cues["before"],
        cues["after"],
        cues.get("after_that", []),
        cues.get("participles_that", []),
        cues.get("after_quote", []),
        cues["report_nouns"],
        cues["quote_before"],
        cues["quote_after"],
        cues.get("programme_speech", []),
        raw["unknown_outlets"]["strong_before"],
        raw["unknown_outlets"]["strong_after"],
        raw["unknown_outlets"]["outlet_verbs"],
        raw["leadin"]["openers"],
        raw["cues"]["frame_firsts"],
    ]
    return sorted({phrase.split()[0] for words in lists for phrase in words if phrase.split()})


@dataclass(frozen=True)
class Lexicon:
    raw: dict[str, Any]
    descriptor_prefix: re.Pattern[str]  # "the German daily " right before a name
    descriptor_name: re.Pattern[str]  # "the German daily Name"
    descriptor_hit: re.Pattern[str]  # just "daily Name", to find candidates quickly
    descriptor_last_words: frozenset[str]
    leadin_opener: re.Pattern[str]
    translation_note: re.Pattern[str]
    anaphor: re.Pattern[str]
    source_line: re.Pattern[str]
    cue_before: re.Pattern[str]
    cue_before_pattern: re.Pattern[str] | None  # "was put at 310 million euros by X"
    report_before: re.Pattern[str]
    report_subject: re.Pattern[str]  # "A calculation by " opening the sentence: the report by X is the subject
    report_subject_verb: re.Pattern[str]  # "suggests", "found": that report's verb right after the name
    closing_credit: re.Pattern[str]
    cue_after: re.Pattern[str]
    verb_after: re.Pattern[str]
    verb_bare: re.Pattern[str]  # "X explained the obstacles:" (the `after_that` verbs without "that")
    quote_before: re.Pattern[str]
    quote_after: re.Pattern[str]
    possessive_report: re.Pattern[str]
    after_unknown: re.Pattern[str]
    coverage: re.Pattern[str]
    quote_intro: re.Pattern[str]
    quote_back_reference: re.Pattern[str]  # "That is how X summed it up." right under a block quote
    back_credit: re.Pattern[str]  # "The figures were published by X": the sentence before renders X too
    interview_given: re.Pattern[str]  # "... gave a long interview to " right before the outlet
    continuation: re.Pattern[str]
    continuation_tag: re.Pattern[str]
    negative: re.Pattern[str]
    first_person: frozenset[str]
    commentary_opener: re.Pattern[str]
    evaluative: re.Pattern[str]
    judgement: re.Pattern[str]
    speech_tag: re.Pattern[str]
    demonyms: dict[str, str]
    name_first: dict[str, str]  # "Die Presse" -> de
    name_any: dict[str, str]  # "Dziennik Gazeta Prawna" -> pl
    cue_that: re.Pattern[str]  # "X added on Tuesday that", "X struck a calmer tone, noting that"
    quote_tag: re.Pattern[str]  # '"...," X declared'
    announcement: re.Pattern[str]  # "Below are the main points as reported by X."
    excerpt_noun: re.Pattern[str]  # "The key passage:", "An extract:"
    apposition_after: re.Pattern[str]  # "Vedomosti, the Moscow business daily,"
    apposition_tail: re.Pattern[str]  # ", the Freiburg regional daily" right after a credited name
    name_descriptor: re.Pattern[str]  # "the Rheinische Post newspaper"
    omission: re.Pattern[str]  # "What the NZZ does not mention is ..."
    verification_note: re.Pattern[str]  # "The account could not be independently verified."
    back_reference: re.Pattern[str]  # "Not every farmer sees it that way."
    seen_by: re.Pattern[str]  # "according to documents seen by El Confidencial"
    quoted_by: re.Pattern[str]  # "X, quoted by Y": the quote_before words anywhere
    by_the_outlet: re.Pattern[str]  # "figures compiled by the paper", "told the paper": the outlet again
    outlet_anaphor: re.Pattern[str]  # "the paper", "the online newspaper"
    introduction: re.Pattern[str]  # "A Sapporo-based newspaper reported ...": an outlet described before it is named
    bare_introduction: re.Pattern[str]  # "a regional newspaper reported": described by kind alone
    kind_introduction: re.Pattern[str]  # "a newspaper in Szeged wrote": by kind alone, then qualified
    descriptor_kinds: dict[str, str]  # "daily" -> "print", "news agency" -> "agency": what a descriptor names
    subject_of_clause: re.Pattern[str]  # " would ...": after "said X", X begins the reported clause
    end_marker: re.Pattern[str]  # "-- end of excerpt --": a line that closes an excerpt (fullmatch)
    kind_anaphors: dict[str, re.Pattern[str]]  # "agency" -> "the agency": names again an outlet of that kind only
    post_modifier: re.Pattern[str]  # " with deep roots in ...", " that first reported ...": qualifies a description
    place_anaphor: re.Pattern[str]  # "the Geneva daily", "the Zurich paper": an outlet described by its place
    relay: re.Pattern[str]  # "..., RIA reported, citing Fontanka": the second outlet is the source
    went_on: re.Pattern[str]  # "added", "went on": the outlet continues what it said before
    topic_shift: re.Pattern[str]  # "Separately, ...": the article moves on to other news
    contrast_before: re.Pattern[str]  # "..., but " right before an outlet that reports: the clause is the author's
    in_english: re.Pattern[str]  # "said in an English dispatch": the credited text was written in English
    non_response: re.Pattern[str]  # "The ministry would not confirm this.": the author's own check
    report_object: re.Pattern[str]  # "The ministry called the report premature": a sentence about the report
    outlet_action: re.Pattern[str]  # "X broke the news that": the outlet, then what outlets do with a story
    what_called: re.Pattern[str]  # "what the Volkskrant called": after the name, before its quoted words
    interview: re.Pattern[str]  # "Speaking to X, the minister ...": the Q&A under it is the outlet's
    conversation: re.Pattern[str]  # "in an interview with X": a conversation printed below, not reported speech
    self_object: re.Pattern[str]  # "X published a correction": what it published is about itself
    outlet_own: re.Pattern[str]  # "its long-time deputy", "its English-language staff": news about the outlet
    by_its_reporters: re.Pattern[str]  # "seen by its reporters": the outlet's own people reporting
    employee: re.Pattern[str]  # " journalist", " former reporter" right after a name: its employee
    employee_reports: re.Pattern[str]  # what an employee does that is the outlet's reporting ("wrote")
    present_reporting: frozenset[str]  # "reports", "leads", "carries": an outlet's verb in the present
    afterwards: re.Pattern[str]  # "later", "has since": what happened after the report
    participle_next: frozenset[str]  # "figures compiled by": the -ed form is a participle
    speech_verbs: frozenset[str]  # "said", "reports": one-word verbs of a speech tag
    present_auxiliaries: frozenset[str]  # with the speech verbs in -s: a sentence in the present
    past_auxiliaries: frozenset[str]  # with the other speech verbs: a sentence in the past
    frame_hint: re.Pattern[str]  # any word a reporting frame needs: sentences without one credit nobody
    edition: re.Pattern[str]  # "Friday's" before an outlet's name: its edition, the outlet still the subject
    article_adjectives: re.Pattern[str]  # "The conservative " before a name: part of its description
    subject_boundary: re.Pattern[str]  # ", and " / "Yesterday " / "last week ": an outlet after it is a subject
    bare_adjectives: re.Pattern[str]  # "writes reformist Sharq": adjectives before a name, with or without article
    programme: re.Pattern[str]  # "on X's morning programme": after the outlet's name
    programme_speech: re.Pattern[str]  # "she said on", "made the case on": before it (not "was broadcast on")
    programme_of: re.Pattern[str]  # "speaking on the morning programme of": the show named before its broadcaster
    honorifics: frozenset[str]  # "Senator", "Dr": a person's name follows
    sentence_openers: frozenset[str]  # "On Monday Vedomosti": words before a name, not part of it
    line_fillers: frozenset[str]  # dates and labels a credit line may carry besides the outlet
    unknown: UnknownOutletWords  # evidence that a name in a reporting frame is an outlet the registry lacks


def alt(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first (then alphabetical, so the pattern string does not depend on the
    hash seed), any whitespace between words."""
    parts = sorted({w.strip() for w in words if w.strip()}, key=lambda w: (-len(w), w))
    return "|".join(r"\s+".join(re.escape(tok) for tok in p.split()) for p in parts)


# "the Dresden-based Sächsische Zeitung": a place with "-based" works as an adjective before a name
BASED = r"[A-ZÀ-Þ][\w'’.]*-based"
# "the Malay-language daily": any language's name with "-language" is an adjective of outlets
LANGUAGE_ADJECTIVE = r"(?-i:[A-ZÀ-Þ][\w'’]*)-language"


@cache
def load_lexicon() -> Lexicon:
    raw = finder_data()
    words = raw["outlet_words"]
    words = {
        **words,
        "adjectives": [*words["adjectives"], *words.get("adjectives_trade", []), *words.get("adjectives_region", [])],
    }
    demonyms = dict(raw["demonyms"]) | dict(raw.get("more_places", {}))
    demonyms_after = dict(raw.get("demonyms_after", {}))
    article = rf"(?:{either(raw['articles']['before_name'])})"
    medium = either(raw["grammar"]["medium_prepositions"])  # "said on BBC Radio 4"
    topic = either(raw["grammar"]["topic_prepositions"])  # "reported on the strike"
    # "the German daily", "Finland's largest daily", "le quotidien italien"
    # any lower-case word shaped like an adjective, before a descriptor that a name follows ("the industrial trade
    # paper X", "the agricultural weekly X"); not in a description standing alone ("the academic paper found")
    adjective_shape = rf"(?-i:[a-z][a-z-]{{2,}}(?:{either(raw['grammar']['adjective_endings'])}))"
    desc = (
        rf"(?:(?<![\w'’]){article}\s+)?(?:(?P<demonym>{alt(demonyms)})(?:['’]s)?[\s-]+)?"
        # a sentence's opening word is no place: "Citing Dziennik Bałtycki" names no "Citing daily"
        rf"(?:(?!(?i:{alt(raw['names']['sentence_openers'])})\b)(?-i:{PLACE})(?:-based)?\s+)?"
        rf"(?:(?:{alt(words['adjectives'])}|{LANGUAGE_ADJECTIVE}|{adjective_shape})[\s-]+){{0,3}}"
        rf"(?:{alt(words['descriptors'])})"
        rf"(?:\s+(?P<demonym_after>{alt(demonyms_after)}))?"
    )
    # "X has also reported", "X on Tuesday carried a report"
    after_time = (
        rf"(?:\s+(?:{TIME_PHRASE}))?"
        rf"(?:\s+(?:{either(raw['grammar']['perfect'])}))?(?:\s+(?:{either(raw['grammar']['frame_adverbs'])}))?"
    )
    editions = alt(raw["cues"]["edition_possessives"]).replace("'", "['’]")
    verbs_after = alt(raw["cues"]["after"])
    # entries whose middle words vary are regular expressions ("ran ... under the headline")
    verbs_after = "|".join([*raw["cues"].get("after_patterns", []), verbs_after])
    adjectives = f"{alt(words['adjectives'])}|{LANGUAGE_ADJECTIVE}"
    descriptors = alt(words["descriptors"])
    # "the online newspaper", "the broadcaster": an outlet named again by what it is
    # ... or by its place ("the Toulouse daily added", "he told the Freiburg paper"): a capitalised word, whatever
    # the pattern's case flag
    # ... or by its country's or city's possessive ("Israel's biggest-selling newspaper", "Finland's largest daily")
    # (a possessive needs a ranking word: "Kazan's public transport network" is no outlet)
    # (a place may take four words: "the Ho Chi Minh City daily")
    # publication verbs that also carry a load or lead a race ("carried only 31%"): see outlet_action
    other_publication = [v for v in raw["cues"]["publication_verbs"] if v not in raw["grammar"]["load_verbs"]]
    desc_anaphor = (rf"(?:the\s+(?:(?:{adjectives}|{BASED}|(?-i:[A-ZÀ-ÖØ-Þ][\w'’-]+))[\s-]+){{0,4}}"
                    rf"|(?-i:[A-ZÀ-ÖØ-Þ][\w-]+)['’]s\s+(?:[\w-]*(?:{either(words['ranking_endings'])})"
                    rf"|{either(words['ranking_words'])})[\s-]+"
                    rf"(?:(?:{adjectives}|[\w-]+)[\s-]+)?)(?:{descriptors})")
    # the outlet referred back to: "the paper", "the Lille daily"
    the_outlet = rf"(?:{alt(raw['leadin'].get('anaphors', []))}|{desc_anaphor})"
    # the words of an apposition before its descriptor ("the Moscow business daily"), up to a preposition or clause
    appositive_words = rf"(?:(?!(?i:{APPOSITION_STOP})\s)[\w'’-]+\s+){{0,4}}?"
    insertions = alt(raw["cues"].get("after_insertions", []))
    quote_words = raw["cues"]
    english = either(raw["articles"]["english"])  # "the", "a", "an": before a description
    according = either(raw["cues"]["according"])  # "according to the paper", "per the broadcaster"
    ordinal = either(_EN_DATES.ordinal_suffixes)  # "12th March"
    look_adverbs = "|".join(re.escape(w) + r"\s+" for w in raw["commentary"]["look_adverbs"])  # "now looks"
    before_subject = "|".join(re.escape(w) + r" \w+" for w in raw["time"]["before_subject"])  # "last week X said"
    return Lexicon(
        raw=raw,
        # the name follows the descriptor, or stands in apposition: "Finland's largest daily, Helsingin Sanomat,"
        descriptor_prefix=re.compile(rf"(?i:{desc}),?\s+$"),
        # (the name may stand in quotation marks: "the Belgian newspaper 'Le Soir'")
        descriptor_name=re.compile(rf"\b(?i:{desc}),?\s+[\"“‘'«]?(?P<name>{NAME_RE})"),
        descriptor_hit=re.compile(
            rf"\b(?i:{alt(words['descriptors'])})(?:\s+(?i:{alt(demonyms_after)}))?,?\s+(?P<name>{NAME_WORD})"
        ),
        descriptor_last_words=frozenset(
            [d.split()[-1].lower() for d in words["descriptors"]] + [d.lower() for d in demonyms_after]
        ),
        subject_of_clause=re.compile(rf"^\s+(?:{alt(raw['cues']['subject_of_clause'])})\b", re.I),
        end_marker=re.compile(rf"[\W_]*(?:{alt(raw['leadin']['end_markers'])})[\W_]*", re.I),
        leadin_opener=re.compile(rf"^\W*(?:\d{{1,2}}[.)]\s+)?(?:{alt(raw['leadin']['openers'])})\b", re.I),
        translation_note=re.compile(rf"\b(?:{alt(raw['leadin']['translation_notes'])})\b", re.I),
        anaphor=re.compile(rf"\b(?:{alt(raw['leadin'].get('anaphors', []))})\b", re.I),
        # "Source: X", "Source (Polish): X"
        source_line=re.compile(
            rf"^\W*(?P<label>{alt(raw['source_labels']['labels'])})\s*(?:\([^()\n]{{1,40}}\)\s*)?:\s*(?P<name>.+?)\W*$",
            re.I,
        ),
        cue_before=re.compile(
            rf"(?:^|[\s,;:(—–-])(?:as\s+)?(?:{alt(raw['cues']['before'])})\s*[,:]?(?:\s+{article})?"
            rf"(?:\s+(?:{editions}))?\s*{OPEN_MARKS}$",
            re.I,
        ),
        cue_after=re.compile(
            # a descriptor after the name: "the Nikkei business daily reported"
            rf"^{CLOSE_MARKS}(?:\s+(?:{alt([*words['descriptors'], *words.get('after_name', [])])}))?"
            rf"{INSERTION}"
            rf"(?:\s+(?:{alt(raw['cues'].get('after_insertions', []))})\s+[^,.;:]{{1,60}}?)?{after_time}"
            rf"\s+(?P<verb>{verbs_after})"
            r"(?=$|[\s,.:;])",
            re.I,
        ),
        verb_after=re.compile(rf"\b(?:{verbs_after})\b", re.I),
        verb_bare=re.compile(
            rf"^{CLOSE_MARKS}(?:\s*,[^,.;:]{{1,80}},)?{after_time}\s+(?:{alt(raw['cues'].get('after_that', []))})\b",
            re.I,
        ),
        cue_before_pattern=(
            re.compile(rf"(?:{'|'.join(raw['cues']['before_patterns'])})(?:\s+{article})?\s*{OPEN_MARKS}$", re.I)
            if raw["cues"].get("before_patterns")
            else None
        ),
        closing_credit=re.compile(
            rf"(?:^|[(,;—–-])\s*(?:{alt(raw['leadin']['closing_credits'])})\s*(?:{article}\s+)?{OPEN_MARKS}$",
            re.I,
        ),
        report_before=re.compile(
            rf"(?:^|[\s,;:(—–-])(?:{alt(raw['cues']['report_lead'])})\s+(?:(?:{either(raw['grammar']['determiners'])})\s+)?"
            rf"(?:[\w-]+\s+){{0,2}}?(?:{alt(raw['cues']['report_nouns'] + raw['cues'].get('seen_nouns', []))})"
            rf"(?:\s+(?:{alt(raw['cues']['report_participles'])}))?\s+(?:{alt(raw['cues']['report_prepositions'])})"
            rf"(?:\s+{article})?\s*{OPEN_MARKS}$",
            re.I,
        ),
        report_subject=re.compile(
            rf"^\W*(?:(?:{either(raw['grammar']['determiners'])})\s+)(?:[\w-]+\s+){{0,2}}?"
            rf"(?:{alt(raw['cues']['report_nouns'] + raw['cues'].get('seen_nouns', []))})"
            rf"(?:\s+(?:{alt(raw['cues']['report_participles'])}))?\s+(?:{either(raw['cues']['report_agents'])})"
            rf"(?:\s+{article})?\s*$",
            re.I,
        ),
        report_subject_verb=re.compile(rf"^\s*(?:{alt(raw['cues']['report_verbs'])})\b", re.I),
        quote_before=re.compile(
            rf"(?:^|[\s,;(—–-])(?:{alt(quote_words['quote_before'])})(?:\s+{article})?\s*{OPEN_MARKS}$", re.I
        ),
        quote_after=re.compile(
            rf"^\s+(?:{alt(quote_words['quote_after'])})\b.{{1,160}}?\b(?:{alt(quote_words['quote_saying'])})\b",
            re.I | re.S,
        ),
        after_unknown=re.compile(
            rf"^(?:\s*(?:[,.;:)\]\"”»]|$)|\s+(?:{verbs_after}|{alt(raw['cues']['publication_verbs'])}|"
            rf"{alt(raw['cues'].get('after_that', []))}|"
            rf"{either(raw['grammar']['after_name'])})\b)",
            re.I,
        ),
        coverage=re.compile(
            rf"^\s+(?:\w+ly\s+)?(?:{topic})\s+(?!(?:{either((*_EN_DATES.weekdays, *raw['time']['weekend']))}|\d))",
            re.I,
        ),
        possessive_report=re.compile(
            # "X's own report", "X's Moscow correspondent", "X's political editor": up to two words before the noun
            rf"^['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{alt(raw['cues']['report_nouns'])})\b[^.;:]{{0,60}}?"
            rf"(?:\b(?:{alt(raw['cues']['report_verbs'])})\b|:(?=\s))",  # "X's verdict was blunt: ..."
            re.I,
        ),
        quote_intro=re.compile(rf"\b(?:{alt(raw['cues']['report_nouns'] + raw['cues']['quote_intro'])})\b", re.I),
        quote_back_reference=re.compile(rf"^\W*(?:{alt(raw['cues']['quote_back_references'])})\b", re.I),
        back_credit=re.compile(
            rf"^\W*(?:{either(raw['cues']['back_credit_pointers'])})\s+(?:[\w'’-]+\s+)?"
            rf"(?:{either(raw['cues']['back_credit_nouns'])})\s+(?:{alt(raw['cues']['back_credit_auxiliaries'])})\s+"
            rf"(?:\w+ly\s+)?(?:{alt(raw['cues']['back_credit_verbs'])})\s+(?:\w+\s+){{0,3}}?by\b",
            re.I,
        ),
        interview_given=re.compile(
            rf"\b(?:{alt(raw['cues']['interview_givers'])})\s+(?:{either(raw['grammar']['interview_determiners'])})\s+"
            rf"(?:[\w-]+\s+){{0,2}}interviews?\s+(?:{either(raw['grammar']['interview_prepositions'])})\s+(?:the\s+)?$",
            re.I,
        ),
        # "The paper added that", "According to the news outlet, ...", and the outlet described as the subject of
        # a past-tense verb, whatever it did: "The paper reviewed the register", "The broadcaster has obtained ...",
        # "The paper found that ..." (irregular pasts too)
        # (not what it is: "The tabloid was founded in 1952", "The paper is celebrating")
        continuation=re.compile(
            # (after an opening phrase of its own: "Citing documents seen by its reporters, the magazine said")
            rf"^\W*(?:(?:{either(raw['cues']['continuation_openers'])})\b[^,.;:\"“”«»]{{3,80}},\s+)?"
            rf"(?:(?:{alt(raw['cues']['continuation'])}|{desc_anaphor})\b{DESCRIBING_INSERTION}(?:\s+\w+){{0,2}}?\s*,?\s*"
            rf"(?:{alt(raw['cues']['continuation_verbs'])})\b|(?:{alt(raw['cues'].get('continuation_cues', []))})\b"
            rf"|(?:{according})\s+{desc_anaphor}\b"
            rf"|{the_outlet}{DESCRIBING_INSERTION}"
            rf"(?:\s+(?:{either(raw['cues']['continuation_adverbs'])}))?"
            rf"\s+(?:(?:{either(raw['grammar']['perfect_singular'])})\s+)?"
            rf"(?!(?:{either(raw['cues']['continuation_not_past'])})\b)"
            rf"(?:[a-z]+ed|{alt(raw['cues']['irregular_past'])})\b)",
            re.I,
        ),
        # "..., the paper added, ...", '"...," he said in the interview', "..., according to the broadcaster"
        continuation_tag=re.compile(
            rf"(?:^|[,—–])\s*(?:{alt(raw['leadin'].get('anaphors', []))}|{desc_anaphor}|"
            rf"{either(raw['grammar']['pronouns'])})\s+"
            rf"(?:{alt(raw['cues']['continuation_verbs'])})\b"
            # whom it was said to, when that is the outlet: '"...," he told the Freiburg paper'
            rf"(?:\s+{the_outlet}\b)?"
            # '"...," the owner told the Freiburg paper'
            rf"|\b(?:{alt(raw['cues']['to_the_outlet'])})\s+(?:{desc_anaphor})\b"
            rf"|[,—–(]\s*(?:{according})\s+{the_outlet}\b"
            # "..., according to airport operator ANA, quoted by the Funchal paper": the outlet relaying its source
            rf"|[,—–(]\s*(?:{alt(raw['cues']['quote_before'])})\s+{the_outlet}\b"
            # "..., according to the document." : the paper's source named by what it is
            rf"|[,—–(]\s*(?:{according})\s+the\s+(?:[\w-]+\s+)?"
            rf"(?:{alt(raw['cues']['report_nouns'] + raw['cues'].get('seen_nouns', []))})\s*[.)]?\s*$",
            re.I,
        ),
        negative=re.compile(rf"(?:^|\W)(?:{alt(raw['negative']['phrases'])})"
                            rf"|(?:^|\W)(?:{alt(raw['negative']['relations'])})\s+(?:[\w'’.-]+\s+){{0,3}}?(?-i:[A-Z])",
                            re.I),
        first_person=frozenset(w.lower() for w in raw["commentary"]["first_person"]),
        commentary_opener=re.compile(rf"^\W*(?:{alt(raw['commentary']['openers'])})(?=\W|$)", re.I),
        evaluative=re.compile(rf"\b(?:{alt(raw['commentary']['evaluative'])})\b", re.I),
        judgement=re.compile(
            rf"^\W*(?:(?:{alt(raw['commentary']['judgement_subjects'])})"
            # "That date now looks optimistic": a demonstrative, a noun, how it looks to the author
            rf"|(?:(?:{alt(raw['commentary']['look_openers'])})\s+)?"
            rf"(?:{either(raw['grammar']['demonstratives'])})(?:\s+[\w'’-]+){{0,2}}?\s+"
            rf"(?:{look_adverbs})?"
            rf"(?:{alt(raw['commentary']['look_verbs'])}))\s+(?:[\w'’-]+\s+){{0,4}}?"
            rf"(?:{alt(raw['commentary']['judgement_words'])})\b",
            re.I,
        ),
        speech_tag=re.compile(
            rf"(?:[,—–]\s*(?P<who>(?:[\w'’.-]+\s+){{0,4}}?)(?:{alt(raw['commentary'].get('speech_verbs', []))})\b"
            r"|\baccording\s+to\b)",
            re.I,
        ),
        demonyms={" ".join(k.lower().split()): v for k, v in (demonyms | demonyms_after).items()},
        name_first=dict(raw.get("name_words", {}).get("first", {})),
        # (a word written with its marks is that language's before any other's without them: "diario", "diário")
        name_any={strip_marks(k.lower()): v for k, v in raw.get("name_words", {}).get("any", {}).items()}
        | {k.lower(): v for k, v in raw.get("name_words", {}).get("any", {}).items()},
        cue_that=re.compile(
            rf"^{CLOSE_MARKS}(?:(?:\s*,[^,.;:]{{1,80}},)?(?:\s+(?:{insertions})\s+[^,.;:]{{1,60}}?)?{after_time}"
            rf"\s+(?:{alt(raw['cues'].get('after_that', []))})"
            rf"(?:(?:\s+[\w'’-]+){{0,4}}?\s+that\b|\s*[,.](?=\s|$)|(?:\s+[\w'’-]+){{0,6}}?\s*:(?=\s))"
            rf"|[^.;:!?]{{0,100}}?(?:,|\s+by)\s+(?:{alt(raw['cues'].get('participles_that', []))})\s+that\b)",
            re.I,
        ),
        quote_tag=re.compile(
            rf"^{CLOSE_MARKS}(?:\s*,[^,.;:]{{1,80}},)?{after_time}\s+(?:{alt(raw['cues'].get('after_quote', []))})"
            r"(?=$|[\s,.:;])",
            re.I,
        ),
        announcement=re.compile(rf"^\W*(?:{alt(raw['leadin'].get('announcements', []))})\b", re.I),
        excerpt_noun=re.compile(rf"\b(?:{alt(raw['leadin']['excerpt_nouns'])})\b", re.I),
        apposition_after=re.compile(
            rf"(?P<name>{NAME_RE}),\s+(?P<desc>(?i:{english})\s+(?P<words>{appositive_words})"
            rf"(?i:{descriptors}))(?=,)"
        ),
        apposition_tail=re.compile(
            rf",\s+(?i:{english})\s+{appositive_words}(?i:{descriptors})(?=[,.;:)])"
        ),
        omission=re.compile(
            rf"^\W*what\s+(?:[\w'’.-]+\s+){{1,4}}?(?:{alt(raw['commentary'].get('omissions', []))})\b", re.I
        ),
        verification_note=re.compile(rf"\b(?:{alt(raw['commentary']['verification_notes'])})\b", re.I),
        back_reference=re.compile(rf"\b(?:{alt(raw['commentary']['back_references'])})\b", re.I),
        # only outlets (and investigators) "see" leaked documents: the name after "seen by" is an outlet's
        seen_by=re.compile(
            rf"\b(?i:{alt(raw['cues'].get('seen_nouns', []))})\s+(?i:{either(raw['cues']['seen_verbs'])})\s+by\s+"
            rf"(?P<name>{NAME_RE})(?=\s*[,.;:)]|\s*$)"
        ),
        quoted_by=re.compile(rf"\b(?:{alt(quote_words['quote_before'])})\b", re.I),
        # "... compiled by the paper", "two sources cited in the report": the outlet's reporting goes on
        by_the_outlet=re.compile(rf"\b(?:(?:{either(raw['cues']['to_the_described'])})\s+{desc_anaphor}"
                                 rf"|(?:{either(raw['cues']['cited_in'])})\s+in\s+the\s+"
                                 rf"(?:{either(raw['cues']['cited_in_nouns'])}))\b",
                                 re.I),
        outlet_anaphor=re.compile(rf"\b{the_outlet}\b", re.I),
        # "X, citing Y": Y is the source; "X, quoted by Y": still X
        relay=re.compile(rf"\b(?:{alt(raw['cues']['relay'])})\b(?!\s+by\b)", re.I),
        non_response=re.compile(rf"\b(?:{alt(raw['commentary']['non_responses'])})\b", re.I),
        report_object=re.compile(
            "".join(rf"(?<!{re.escape(w)} )" for w in raw["cues"]["report_object_credits"])
            + rf"\b(?:{alt(raw['cues']['report_objects'])})\b",
            re.I,
        ),
        outlet_action=re.compile(
            rf"^{CLOSE_MARKS}(?:\s*,[^,.;:]{{1,80}},)?{after_time}(?:\s+[a-z]+ly)?"
            rf"\s+(?:(?:{alt(other_publication)})(?=\s+[\w\"“„«'‘])"
            # (a verb that also carries a load or a lead takes no quantity: "the ferry link carried only 31% of its
            # capacity"; "interviewed more than 300 riders" is the outlet's act)
            rf"|(?:{alt(raw['grammar']['load_verbs'])})(?=\s+[\w\"“„«'‘])"
            rf"(?!\s+(?:(?:{alt(raw['grammar']['quantity_hedges'])})\s+)?[\d$€£]))",
            re.I,
        ),
        what_called=re.compile(rf"^\s+(?:{alt(raw['cues']['what_called'])})\s*[\"“„«‘']", re.I),
        interview=re.compile(rf"\b(?:{alt(raw['cues']['interview_words'])})\b", re.I),
        conversation=re.compile(rf"\b(?:{alt(raw['cues']['interview_conversation'])})\b", re.I),
        outlet_own=re.compile(rf"\bits\s+(?:[\w'’-]+\s+){{0,2}}(?:{alt(raw['cues']['outlet_own'])})\b", re.I),
        employee=re.compile(rf"^\s+(?:(?:{either(raw['cues']['employee_ranks'])})\s+)?"
                            rf"(?:{alt(raw['cues']['employees'])})\b", re.I),
        employee_reports=re.compile(rf"\b(?:{alt(raw['cues']['employee_reports'])})\b", re.I),
        by_its_reporters=re.compile(
            rf"\b(?:{either(raw['cues']['reporters_prepositions'])})\s+its\s+(?:[\w'’-]+\s+){{0,2}}"
            rf"(?:{alt(raw['cues']['outlet_reporters'])})\b", re.I
        ),
        self_object=re.compile(rf"^\s+(?:{alt(raw['cues']['publication_self_objects'])})\b", re.I),
        present_reporting=frozenset(
            v
            for v in [*raw["commentary"]["speech_verbs"], *raw["cues"]["publication_verbs"], *raw["cues"]["after"]]
            if " " not in v and v.endswith("s")
        ),
        afterwards=re.compile(rf"\b(?:{alt(raw['cues']['afterwards'])})\b", re.I),
        participle_next=frozenset(raw["cues"]["participle_next"]),
        speech_verbs=frozenset(v for v in raw["commentary"]["speech_verbs"] if " " not in v),
        present_auxiliaries=frozenset(raw["cues"]["present_auxiliaries"])
        | {v for v in raw["commentary"]["speech_verbs"] if v.endswith("s") and " " not in v},
        past_auxiliaries=frozenset(raw["cues"]["past_auxiliaries"])
        | frozenset(raw["cues"]["irregular_past"])
        | {v for v in raw["commentary"]["speech_verbs"] if not v.endswith("s") and " " not in v},
        topic_shift=re.compile(rf"^\W*(?:{alt(raw['cues']['topic_shift'])})\b", re.I),
        in_english=re.compile(
            rf"\b(?:{medium})\s+(?:{alt(raw['cues']['piece_determiners'])})\s+English(?:-language)?\s+"
            rf"(?:[\w-]+\s+)?(?:"
            rf"{alt([*raw['cues']['english_pieces'], *raw['cues']['report_nouns'], *words['language_editions']])})s?\b",
            re.I,
        ),
        contrast_before=re.compile(rf"(?:[,;]\s*(?:{alt(raw['cues']['contrast_clauses'])})|;)\s+$", re.I),
        went_on=re.compile(rf"\b(?:{either(raw['cues']['went_on'])})\b", re.I),
        frame_hint=re.compile(rf"[:\"“”„«»]|\b(?:{alt(_frame_words(raw))})", re.I),
        introduction=re.compile(
            rf"\b(?i:{english})\s+[A-ZÀ-Þ][\w'’-]+(?:-based)?\s+(?:[a-z][\w-]*\s+){{0,3}}(?i:{descriptors})\b"
        ),
        bare_introduction=re.compile(
            rf"(?:\b(?i:{english})|(?<![\w'’])[A-ZÀ-Þ][\w-]+['’]s)\s+"  # "a regional ...", "Germany's main ..."
            rf"(?:(?:(?i:{adjectives}|{alt(demonyms)})|[a-z][\w-]*['’]s)[\s-]+){{1,3}}(?i:{descriptors})\b"
            # after a possessive any plain words describe it: "Porto's biggest-selling daily newspaper", "the city's
            # own newspaper"
            rf"|(?:(?<![\w'’])[A-ZÀ-Þ][\w-]+['’]s|\b(?i:the)\s+[a-z][\w-]*['’]s)\s+(?:[a-z][\w-]*[\s-]+){{0,3}}"
            rf"(?i:{descriptors})\b"
        ),
        # "a newspaper" with what qualifies it next ("a newspaper in Szeged"): the same introduction by kind alone
        kind_introduction=re.compile(
            rf"\b(?i:{either(raw['articles']['indefinite'])})\s+(?i:{descriptors})\b"
            rf"(?=\s+(?i:{alt(words['post']['openers'])})\s)"
        ),
        descriptor_kinds={
            " ".join(d.lower().split()): kind for kind, ds in words["kinds"].items() for d in ds
        },
        kind_anaphors={k: re.compile(rf"\bthe\s+(?:{alt(ws)})\b", re.I) for k, ws in words["kind_anaphors"].items()},
        post_modifier=re.compile(rf"\s+(?i:{alt(words['post']['openers'])})\s"),
        place_anaphor=re.compile(
            rf"\b(?i:the)\s+[A-ZÀ-Þ][\w'’-]+(?:-based)?\s+(?:(?i:{adjectives})[\s-]+){{0,2}}(?i:{descriptors})\b"
        ),
        bare_adjectives=re.compile(
            rf"(?<![\w'’])(?:(?i:{english})\s+)?(?:(?:(?i:{adjectives})|{BASED})[\s-]+){{1,3}}$"
        ),
        subject_boundary=re.compile(
            rf"(?:[,;:(—–-]|[\"”»]|\b(?:{alt(raw['cues']['subject_connectives'])}|"
            rf"{before_subject}"
            # a date: "On 12 March Kathimerini reported", "on March 12, 2026", "On 3 May 2025"
            rf"|on\s+(?:\d{{1,2}}(?:{ordinal})?\s+(?:{_MONTHS})|(?:{_MONTHS})\s+\d{{1,2}}(?:{ordinal})?)"
            rf"(?:,?\s+\d{{4}})?))$",
            re.I,
        ),
        edition=re.compile(
            rf"(?:^|(?<=\s))(?:{editions})\s*$",
            re.I,
        ),
        article_adjectives=re.compile(
            rf"(?:^|(?<=\s))(?i:{english})\s+(?:(?:(?i:{adjectives})|{BASED})[\s-]+){{1,3}}$"
        ),
        programme=re.compile(rf"^['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{alt(raw['cues']['programme_nouns'])})\b", re.I),
        programme_speech=re.compile(
            rf"\b(?:{alt(raw['cues']['programme_speech'])})\b[^.!?;]{{0,80}}?"
            rf"\b(?:{either(raw['grammar']['programme_prepositions'])})\s*$", re.I
        ),
        programme_of=re.compile(
            rf"\b(?:{alt(raw['cues']['programme_speech'])})\b[^.!?;]{{0,80}}?\b(?:{medium})\s+"
            rf"(?:{alt(raw['cues']['piece_determiners'])})\s+"
            rf"(?:[\w-]+\s+){{0,2}}?(?:{alt(raw['cues']['programme_nouns'])})\s+of\s*$", re.I
        ),
        honorifics=frozenset(w.lower() for w in raw["names"]["honorifics"]),
        sentence_openers=frozenset(w.lower() for w in raw["names"]["sentence_openers"]) | frozenset(
            (*_EN_DATES.months, *_EN_DATES.weekdays)),
        line_fillers=frozenset(w.lower() for w in raw["credit_line"]["fillers"]) | frozenset(
            (*_EN_DATES.months, *_EN_DATES.month_abbreviations, *calendar_words("de").months)),
        unknown=_unknown_outlet_words(raw),
        name_descriptor=re.compile(rf"\b(?i:the)\s+(?P<name>{NAME_RE})\s+(?i:{alt(words.get('after_name', []))})\b"),
    )


# --------------------------------------------------------------------------- working structures
