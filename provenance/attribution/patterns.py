"""Every pattern and limit of the attribution finder that is not a word list, in one place.

Word lists live in ``provenance/data/attribution.toml`` and are compiled by ``lexicon.py``; what stays here is
the shape of names, quotation marks, datelines and labels, and how sure each way of finding a passage is. The few
closed-class words these shapes hold (name particles, articles, time words, layout labels) are read from the same
file and joined in the order written.
"""

from __future__ import annotations

import re

from provenance.attribution.vocabulary import either, words

# How sure each way of finding a passage is (an unknown outlet costs a further 20%).
CONFIDENCE = {
    "headline": 0.8,
    "leadin_blockquote": 0.95,
    "leadin_plain": 0.85,
    "source_blockquote": 0.9,
    "source_plain": 0.8,
    "source_after": 0.6,
    "blockquote_line": 0.9,
    "blockquote_back": 0.85,
    "blockquote_link": 0.85,
    "blockquote_before": 0.8,
    "inline": 0.85,
    "quote": 0.85,
    "link": 0.6,
}
UNKNOWN_OUTLET_FACTOR = 0.8
MAX_PLAIN_PARAGRAPHS = 6  # a lead-in rarely introduces more; beyond that we are guessing wildly
MAX_EXCHANGE_PARAGRAPHS = 60  # a labelled Q&A under a lead-in: its labels end it
MAX_LEADIN_WORDS = 14
MAX_ATTRIBUTION_LINE_WORDS = 10
MIN_LINK_WORDS = 3  # anchor words for a link alone to make a passage
MAX_LINKS_PER_OUTLET = 3
MAX_CREDIT_WORDS = 25  # a caption or credit line is short
MIN_CREDITED_QUOTE_WORDS = 6  # '"a disaster" (Le Monde)' is a scare quote, not a quoted passage

# quotation marks some languages put around outlet names: «Коммерсантъ», „Spiegel“, »Spiegel«
OPEN_MARKS = r"(?:[«„\"“‚‘»›]\s?)?"
CLOSE_MARKS = r"(?:\s?[»«“”\"'’›‹])?"
# words set off between a subject and its verb: "X, which is owned by a bank, reported", "the paper (a weekly) said"
INSERTION = r"(?:\s*,[^,.;:]{1,80},|\s*\([^()\n]{1,60}\))?"
# ... after an outlet named again, only a description of it: "The newspaper, which is linked to the union, quoted"
# (not "The agency, citing an official, said": another agency's words after a newspaper's)
DESCRIBING_INSERTION = (
    rf"(?:\s*,\s+(?:{either(words('grammar.describing_insertions'))})\b[^,.;:]{{1,80}},"
    r"|\s*\([^()\n]{1,60}\))?"
)
GENITIVE = re.compile(rf"\b(?:{either(words('articles.german_genitive'))})\s+(?P<stem>[A-ZÄÖÜ][\w-]+?)s\b")
QUOTE_PAIRS = {'"': '"', "“": "”", "„": "“", "«": "»", "‘": "’", "‚": "‘", "”": "”"}
WORD_RE = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# a full stop belongs to a name only inside it or after a capital ("F.A.Z.", "S. Paulo"), not "... Onet."
NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ](?:[\w'’&-]|\.(?=\w))*(?:(?<=[A-ZÀ-ÖØ-Þ])\.)?"
NAME_GAP = r"(?:[ \t]|\n(?![ \t]*\n))+"  # names do not run across a blank line
NAME_PARTICLE = rf"(?:{either(words('names.particles'))})"
# a newsletter or list item's label: one to three capitalised words and a colon, then a new sentence
_LABEL_NAME = r"[A-ZÀ-ÖØ-Þ][\w'’.&-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.&-]*){0,2}"
_LABEL_END = r":\s+(?=[A-ZÀ-ÖØ-Þ\"“„«])"
LABEL = re.compile(_LABEL_NAME + _LABEL_END)
# a speaker's label in a printed exchange: a label as above, or a role ("The prefect: ...", "Minister: ...")
# (in bold or italics too: "**Lamas:** We have work until 2029.")
SPEAKER_LABEL = re.compile(
    rf"[*_]{{0,3}}(?:{_LABEL_NAME}|The\s+[\w'’-]+(?:\s+[\w'’-]+)?)(?:[*_]{{1,3}}:|:[*_]{{0,3}})\s+(?=[A-ZÀ-ÖØ-Þ\"“„«])"
)
# a channel's number inside a name: "TV 2 Østjylland", "Antena 3", "RTL 2" (not "2,000" or "3.5")
NAME_NUMBER = r"\d{1,2}(?![\d.,]\d)"
# an elided particle joined to the next word: "Dernières Nouvelles d'Alsace", "Corriere dell'Umbria"
NAME_ELIDED = rf"(?:{either(words('names.elided_particles'))})['’]"
NAME_RE = (
    rf"{NAME_WORD}(?:{NAME_GAP}(?:{NAME_PARTICLE}{NAME_GAP}){{0,2}}(?:{NAME_ELIDED})?{NAME_WORD}"
    rf"|[ \t]{NAME_NUMBER}(?=[ \t]+{NAME_WORD}|[ \t]+[a-z]|[,.;:]|$)){{0,4}}"
)
# an outlet's abbreviation in brackets right after its name: "Lebensmittel Zeitung (LZ) reported"
BRACKETED_ABBREVIATION = re.compile(r"[ \t]*\(([A-ZÀ-Þ][A-Za-zÀ-ÿ0-9.&-]{0,11})\)")
# the article opening many foreign titles ("Le Canard enchaîné", "Il manifesto", "Die tageszeitung")
FOREIGN_ARTICLE = re.compile(rf"(?:{either(words('articles.title_capitalised'))})(?:\s|$)")
# a place before a descriptor: "the Rio de Janeiro daily", "the Munich-based"
PLACE = (
    rf"(?P<place>[A-ZÀ-Þ][\w'’]+(?:[ \t]+(?:(?:{either(words('names.place_particles'))})[ \t]+)?"
    r"[A-ZÀ-Þ][\w'’]+){0,2})"
)
# "on its website", "in their Friday edition": where an outlet published, after its reporting verb
MEDIUM_PREPOSITIONS = either(words("grammar.medium_prepositions"))
OUTLET_POSSESSIVES = either(words("grammar.outlet_possessives"))
OWN_MEDIUM = re.compile(rf"^\s+(?:{MEDIUM_PREPOSITIONS})\s+(?:{OUTLET_POSSESSIVES})\s", re.I)
# after "X said": the outlet announcing its own plans ("said last month it would close its print edition")
SELF_NEWS = re.compile(
    rf"(?:\s+[\w'’-]+){{0,3}}?\s+(?:that\s+)?it\s+(?:{either(words('grammar.plans'))})\b",
    re.I,
)
# a thread's post number: "1/ ", "2/7 "
POST_NUMBER = re.compile(r"\d{1,3}/\d{0,3}[ \t]+(?=\S)")
# one or two capitalised words naming a place: "Prague", "Basel City"
PLACE_WORDS = r"[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)?"
# words that end an apposition's description ("Mr Jones, a columnist at the daily," is a person)
APPOSITION_STOP = either(words("grammar.apposition_stops"))
# when, between an outlet and its reporting verb: "X on Tuesday carried a report", "X last week revealed"
TIME_PHRASE = (
    rf"(?:{either(words('time.relative'))})\s+\w+(?:\s+(?:{either(words('time.parts_of_day'))}))?"
    rf"|{either(words('time.deictic'))}"
)
# a possessive that places an outlet before its name: "Porto Alegre's Zero Hora", "the public radio's news site X"
POSSESSIVE_BEFORE = re.compile(
    r"(?:^|(?<=[\s,;:(]))(?:(?i:the)\s+(?:[\w-]+\s+){0,2}[\w-]+|[A-ZÀ-Þ][\w.'’-]*(?:\s+[A-ZÀ-Þ][\w.'’-]*){0,2})"
    r"['’]s\s*$"
)
# a live blog's time opening an entry: "09:12", "9.12 pm"
CLOCK = rf"\d{{1,2}}[:.]\d{{2}}(?:\s*(?:{either(words('time.clock_suffixes'))}))?"
# a dateline or a live-blog time before the sentence: "BERLIN — ", "SÃO PAULO, 3 May — ", "09:12 — ", "09:12 CET — ",
# a bare time ("09:12 The daily ...", "08:45 GMT The daily"; any capitals as a zone only before a dash, so that
# "09:12 BBC reported" keeps its outlet), and
# a place in ordinary capitals before a long dash: "Prague — "
DATELINE = re.compile(
    r"\s*(?:(?:[A-ZÀ-Þ][A-ZÀ-Þ'’./-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’./-]+){0,2}(?:,\s+[^—–\n]{1,30}?)?"
    rf"|{CLOCK}(?:\s*[A-Z]{{2,4}})?)\s+[—–-]\s+"
    rf"|{CLOCK}(?:\s+(?:{either(words('time.clock_zones'))}))?\s+(?=\S)"
    r"|[A-ZÀ-Þ][\w'’.-]+(?:\s+[A-ZÀ-Þ][\w'’.-]+){0,2}(?:,\s+[^—–\n]{1,30}?)?\s+[—–]\s+)"
)

# a header line above an article's text: "Brief | 12 February 2025", "By Anna Kim", "Updated 3 May 2025, 10:14"
HEADER_LINE = re.compile(
    rf"(?i:{either(words('layout.header_labels'))})\b.{{0,60}}|.{{0,60}}\|.{{0,60}}"
    r"|.{0,40}\b(?:\d{1,2}\s+[A-Z][a-z]+|[A-Z][a-z]+\s+\d{1,2},?)\s+\d{4}\b.{0,30}"
)
MAX_HEADER_WORDS = 10

# a headline credited after a dash, as press reviews print them: '"Budget: the least bad option" - Le Figaro'
HEADLINE_CREDIT = re.compile(
    r"[\s*_>#-]*(?P<head>[\"“„«].{8,200}?[\"”“»]|[A-ZÀ-Þ][^\n]{8,300}?)[\s*_]*\s[-–—]\s+[\s*_]*"
    # (a hyphen inside a word belongs to the name: "Al-Masry Al-Youm", "Ouest-France")
    r"(?P<name>[A-ZÀ-Þa-z](?:[^\n\-–—:;!?\"“”]|(?<=\w)-(?=\w)){1,60}?)[\s*_.]*"
)
# ... or in brackets after it, as digests list them: "* Metro line 1 to add night trains (Tuoi Tre)"
HEADLINE_BRACKET_CREDIT = re.compile(
    r"[\s*_>#-]*(?P<head>[\"“„«][^\n]{8,200}?[\"”“»]|[A-ZÀ-Þ][^\n]{8,200}?[^.!?\s])[\s*_]*\s\("
    r"(?P<name>[A-ZÀ-Þ][^()\n,;:]{1,60}?)\)[\s*_]*"
)  # (no full stop after it: "... the Leipziger Volkszeitung (LVZ)." is a sentence and its abbreviation)


# ... or as the label before it, the headline quoted: '**Hürriyet** — "Third price rise in a month"',
# 'Ziarul de Iași: "Six kilometres, one ribbon"' (quoted: "Madrid: The city's metro ..." is a dateline)
# (a name's words, not a speaker's role: 'Tampere tram chief: "We underestimated the winter"')
# a label's place and language in brackets: "**Prabhat Khabar (Ranchi, Hindi):** ..."
_LABEL_DETAILS = r"(?:[ \t]*\((?P<details>[^()\n]{1,40})\))?"
HEADLINE_LABEL_CREDIT = re.compile(
    # (before a colon, a masthead's later words may be lower-case: "Bystrický denník: "...")
    rf"[\s*_>#-]*(?P<name>{NAME_RE}|{NAME_WORD}(?:[ \t][\w'’.&-]+){{1,3}}(?=(?:[ \t]*\([^()\n]{{1,40}}\))?[\s*_]*:))"
    rf"{_LABEL_DETAILS}[\s*_]*(?::|\s[-–—])[\s*_]+"
    rf"(?P<head>[\"“„«][^\n]{{8,200}}?[\"”“»])[\s*_.]*"
)


# a press review's item labelled with its outlet, the headline unquoted: "Haniotika Nea: Gavdos ferry fares set to
# double", "**Kauno diena:** Stadium repairs to cost twice the estimate" (a heading, a bold label or capitals)
# (a masthead's later words may be lower-case: "Kauno diena", "Jutarnji list")
LABELLED_HEADLINE = re.compile(
    rf"[\s*_>#-]*(?P<name>{NAME_WORD}(?:[ \t][\w'’.&-]+){{0,3}}){_LABEL_DETAILS}[\s*_]*:[\s*_]+"
    rf"(?P<head>[A-ZÀ-ÖØ-Þ0-9][^\n]{{8,300}}?)[\s*_]*"
)


def headline_credit(body: str) -> re.Match[str] | None:
    """A headline and the outlet it credits, after a dash, in brackets, or as its label."""
    return (
        HEADLINE_CREDIT.fullmatch(body)
        or HEADLINE_BRACKET_CREDIT.fullmatch(body)
        or HEADLINE_LABEL_CREDIT.fullmatch(body)
    )


MAX_HEADLINE_WORDS = 50  # (a roundup's one-line item may summarise the story before its dash and credit)
CUE_WINDOW = 240  # characters either side of a name in which its reporting cue must stand
MAX_UNQUOTED_HEADLINES = 3  # more "Name – tagline" lines than this on a page are a menu, not a press review

# the label of a question or an answer in an interview's text: "Q:", "A.", "Question:", "Antwort:"
QA_LABEL = re.compile(rf"\W{{0,3}}(?:{either(words('layout.qa_labels'))})\s*[:.]\s", re.I)
# a credit line of its own under a quotation: "— Makedonia, 24 July 2025", "– Le Soir"
DASH_CREDIT = re.compile(r"\W{0,3}[—–―]\s*(?P<name>[A-ZÀ-Þ][^,\n(]{1,60}?)\s*(?:,\s*[^\n]{0,40})?\W*")
# an outlet's headline quoted before its possessive: '"Empty pots" was BirGün's front-page headline'
HEADLINE_POSSESSIVE = re.compile(
    rf"['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{either(words('layout.headline_nouns'))})\b", re.I
)
# the label under a "Source: X" line before the outlet's text: "Details: ...", "Quote: ..."
DETAILS_LABEL = re.compile(rf"\s*(?:{either(words('layout.details_labels'))})\s*:\s*", re.I)
