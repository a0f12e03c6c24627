"""Finding the passages of a derivative that it attributes to news outlets.

``find_passages(doc, registry)`` looks for five patterns, structural ones first so that a cue
inside a larger passage ("... told BILD." inside a translated block) does not start a passage
of its own:

1. lead-ins: a paragraph ending in a colon that names an outlet ("From the German Bild:",
   "Le Monde reported:") introduces the next block quote, or the next plain paragraphs; plain
   paragraphs run until author commentary, a heading or another attribution, and the passage is
   ``open_end`` because where it ends is a guess; "From Bild: ..." inside one paragraph takes the
   rest of that paragraph;
2. "Source: X" lines, before plain paragraphs (``source_block``), after a block quote, or closing
   plain text (then they credit the paragraph above, with low confidence);
3. block quotes with an attribution next to them (a line "— X, 4 April" inside or after the quote,
   a link to the outlet's site, or the sentence before naming the outlet with a reporting verb);
4. inline attribution, one or more whole sentences: "According to BILD, ...", "X reported that",
   ", reports X", "... told X", "citing X", "as X put it", direct quotes "as quoted by X" or
   "X quoted ... as saying" (kind ``quote``);
5. the sentence(s) whose words link to an article on an outlet's site (kind ``link``); tag links,
   name-only anchors, teasers and many links into one outlet (a site linking to itself) are not.

An outlet mention counts only with a cue: an outlet that is the subject of the news, a quoted
politician, scare quotes, bios and photo credits give no passage. Outlets come from the registry;
a name introduced as an outlet ("the Lithuanian daily Vakaro Rytas") that the registry does not
know gives ``outlet=None`` with the name as written. Cue lexicons live in ``data/attribution.toml``.
"""

from __future__ import annotations

import bisect
import re
import tomllib
from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from typing import Any, Generic, Protocol, TypeVar
from urllib.parse import urlsplit

from provenance.model import Document, Link, Outlet, Paragraph, Passage, QuoteSpan, Span
from provenance.segment import split_sentences

__all__ = ["OutletRegistry", "find_passages", "format_passages"]

T = TypeVar("T")

# How sure each way of finding a passage is (an unknown outlet costs a further 20%).
_CONFIDENCE = {
    "leadin_blockquote": 0.95,
    "leadin_plain": 0.85,
    "source_blockquote": 0.9,
    "source_plain": 0.8,
    "source_after": 0.6,
    "blockquote_line": 0.9,
    "blockquote_link": 0.85,
    "blockquote_before": 0.8,
    "inline": 0.85,
    "quote": 0.85,
    "link": 0.6,
}
_UNKNOWN_OUTLET_FACTOR = 0.8
_MAX_PLAIN_PARAGRAPHS = 6  # a lead-in rarely introduces more; beyond that we are guessing wildly
_MAX_LEADIN_WORDS = 14
_MAX_ATTRIBUTION_LINE_WORDS = 10
_MIN_LINK_WORDS = 3  # anchor words for a link alone to make a passage
_MAX_LINKS_PER_OUTLET = 3
_MAX_CREDIT_WORDS = 25  # a caption or credit line is short
_MIN_CREDITED_QUOTE_WORDS = 6  # '"a disaster" (Le Monde)' is a scare quote, not a quoted passage

# quotation marks some languages put around outlet names: «Коммерсантъ», „Spiegel“, »Spiegel«
_OPEN_MARKS = r"(?:[«„\"“‚‘»›]\s?)?"
_CLOSE_MARKS = r"(?:\s?[»«“”\"'’›‹])?"
_GENITIVE = re.compile(r"\b(?:des|eines)\s+(?P<stem>[A-ZÄÖÜ][\w-]+?)s\b")
_QUOTE_PAIRS = {'"': '"', "“": "”", "„": "“", "«": "»", "‘": "’", "‚": "‘", "”": "”"}
_WORD_RE = re.compile(r"[^\W\d_][\w'’-]*", re.UNICODE)
# a full stop belongs to a name only inside it or after a capital ("F.A.Z.", "S. Paulo"), not "... Onet."
_NAME_WORD = r"[A-ZÀ-ÖØ-ÞĀ-ŽА-ЯЁІЇЄҐ](?:[\w'’&-]|\.(?=\w))*(?:(?<=[A-ZÀ-ÖØ-Þ])\.)?"
_NAME_GAP = r"(?:[ \t]|\n(?![ \t]*\n))+"  # names do not run across a blank line
_NAME_PARTICLE = r"(?:de|del|della|dello|di|da|dos|das|do|la|le|el|van|von|der|den|am|im|of|the|y|e|i)"
# a newsletter or list item's label: one to three capitalised words and a colon, then a new sentence
_LABEL = re.compile(r"[A-ZÀ-ÖØ-Þ][\w'’.&-]*(?:\s+[A-ZÀ-ÖØ-Þ][\w'’.&-]*){0,2}:\s+(?=[A-ZÀ-ÖØ-Þ\"“„«])")
_NAME_RE = rf"{_NAME_WORD}(?:{_NAME_GAP}(?:{_NAME_PARTICLE}{_NAME_GAP})?{_NAME_WORD}){{0,4}}"
# the article opening many foreign titles ("Le Canard enchaîné", "Il manifesto", "Die tageszeitung")
_FOREIGN_ARTICLE = re.compile(r"(?:Le|La|Les|L'|L’|El|Il|Lo|Der|Die|Das|De|Het|O|Os|As)(?:\s|$)")
# a place before a descriptor: "the Rio de Janeiro daily", "the Munich-based"
_PLACE = r"(?P<place>[A-ZÀ-Þ][\w'’]+(?:\s+(?:(?:de|da|do|del|di|am|an|sur)\s+)?[A-ZÀ-Þ][\w'’]+){0,2})"
# after "X said": the outlet announcing its own plans ("said last month it would close its print edition")
_SELF_NEWS = re.compile(
    r"(?:\s+[\w'’-]+){0,3}?\s+(?:that\s+)?it\s+(?:would|will|plans|planned|intends|intended|aims|was\s+planning|"
    r"is\s+planning)\b",
    re.I,
)
# a thread's post number: "1/ ", "2/7 "
_POST_NUMBER = re.compile(r"\d{1,3}/\d{0,3}[ \t]+(?=\S)")
# one or two capitalised words naming a place: "Prague", "Basel City"
_PLACE_WORDS = r"[A-ZÀ-Þ][\w'’-]+(?:\s+[A-ZÀ-Þ][\w'’-]+)?"
# words that end an apposition's description ("Mr Jones, a columnist at the daily," is a person)
_APPOSITION_STOP = r"at|for|of|in|with|from|to|on|by|and|or|who|which|that|whose"
# a dateline or a live-blog time before the sentence: "BERLIN — ", "SÃO PAULO, 3 May — ", "09:12 — "
_DATELINE = re.compile(
    r"\s*(?:[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+(?:\s+[A-ZÀ-Þ][A-ZÀ-Þ'’.-]+){0,2}(?:,\s+[^—–\n]{1,30}?)?"
    r"|\d{1,2}[:.]\d{2}(?:\s*(?:am|pm|a\.m\.|p\.m\.|[A-Z]{2,4}))?)\s+[—–-]\s+"
)
# titles of people: "documents seen by Senator Lee" names a person, not an outlet
_HONORIFICS = frozenset(
    (
        *("mr", "mrs", "ms", "dr", "prof", "professor", "judge", "senator", "minister", "president", "sir", "lord"),
        *("lady", "general", "colonel", "mayor", "governor", "chancellor", "inspector", "detective", "herr", "frau"),
        *("monsieur", "madame", "señor", "señora", "signor", "signora"),
    )
)
# sentence openers that are not part of an outlet's name ("On Monday Vedomosti, the Moscow daily, ...")
_NOT_NAME_START = frozenset(
    (
        *("on", "in", "at", "but", "and", "yesterday", "today", "meanwhile", "the", "a", "an", "last", "this"),
        *("also", "then", "however", "now", "earlier", "later", "monday", "tuesday", "wednesday", "thursday"),
        *("friday", "saturday", "sunday", "january", "february", "march", "april", "may", "june", "july"),
        *("august", "september", "october", "november", "december"),
    )
)


class OutletRegistry(Protocol):
    """What attribution needs from ``sources.Registry``."""

    def find(self, name: str) -> Outlet | None: ...

    def by_url(self, url: str) -> Outlet | None: ...

    def mentions(self, text: str) -> list[tuple[Span, Outlet]]: ...


# --------------------------------------------------------------------------- lexicons


@dataclass(frozen=True)
class _Lexicon:
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
    apposition_after: re.Pattern[str]  # "Vedomosti, the Moscow business daily,"
    name_descriptor: re.Pattern[str]  # "the Rheinische Post newspaper"
    omission: re.Pattern[str]  # "What the NZZ does not mention is ..."
    verification_note: re.Pattern[str]  # "The account could not be independently verified."
    seen_by: re.Pattern[str]  # "according to documents seen by El Confidencial"
    outlet_anaphor: re.Pattern[str]  # "the paper", "the online newspaper"


def _alt(words: Iterable[str]) -> str:
    """Regex alternation of phrases, longest first, any whitespace between words."""
    parts = sorted({w.strip() for w in words if w.strip()}, key=len, reverse=True)
    return "|".join(r"\s+".join(re.escape(tok) for tok in p.split()) for p in parts)


@cache
def _lexicon() -> _Lexicon:
    raw = tomllib.loads(resources.files("provenance").joinpath("data", "attribution.toml").read_text(encoding="utf-8"))
    words = raw["outlet_words"]
    demonyms = dict(raw["demonyms"]) | dict(raw.get("more_places", {}))
    demonyms_after = dict(raw.get("demonyms_after", {}))
    article = r"(?:the|a|an|le|la|les|l'|el|los|il|lo|die|der|das|dem|den|des|de|het|o|a)"
    # "the German daily", "Finland's largest daily", "le quotidien italien"
    desc = (
        rf"(?:{article}\s+)?(?:(?P<demonym>{_alt(demonyms)})(?:['’]s)?[\s-]+)?"
        rf"(?:(?-i:{_PLACE})(?:-based)?\s+)?"
        rf"(?:(?:{_alt(words['adjectives'])})[\s-]+){{0,3}}(?:{_alt(words['descriptors'])})"
        rf"(?:\s+(?P<demonym_after>{_alt(demonyms_after)}))?"
    )
    after_time = r"(?:\s+(?:also|first|later|recently|previously|exclusively|earlier|now|again))?"
    verbs_after = _alt(raw["cues"]["after"])
    # entries whose middle words vary are regular expressions ("ran ... under the headline")
    verbs_after = "|".join([*raw["cues"].get("after_patterns", []), verbs_after])
    adjectives = _alt(words["adjectives"])
    descriptors = _alt(words["descriptors"])
    # "the online newspaper", "the broadcaster": an outlet named again by what it is
    desc_anaphor = rf"the\s+(?:(?:{adjectives})[\s-]+){{0,2}}(?:{descriptors})"
    insertions = _alt(raw["cues"].get("after_insertions", []))
    quote_words = raw["cues"]
    return _Lexicon(
        raw=raw,
        # the name follows the descriptor, or stands in apposition: "Finland's largest daily, Helsingin Sanomat,"
        descriptor_prefix=re.compile(rf"(?i:{desc}),?\s+$"),
        descriptor_name=re.compile(rf"\b(?i:{desc}),?\s+(?P<name>{_NAME_RE})"),
        descriptor_hit=re.compile(
            rf"\b(?i:{_alt(words['descriptors'])})(?:\s+(?i:{_alt(demonyms_after)}))?,?\s+(?P<name>{_NAME_WORD})"
        ),
        descriptor_last_words=frozenset(
            [d.split()[-1].lower() for d in words["descriptors"]] + [d.lower() for d in demonyms_after]
        ),
        leadin_opener=re.compile(rf"^\W*(?:{_alt(raw['leadin']['openers'])})\b", re.I),
        translation_note=re.compile(rf"\b(?:{_alt(raw['leadin']['translation_notes'])})\b", re.I),
        anaphor=re.compile(rf"\b(?:{_alt(raw['leadin'].get('anaphors', []))})\b", re.I),
        # "Source: X", "Source (Polish): X"
        source_line=re.compile(
            rf"^\W*(?P<label>{_alt(raw['source_labels']['labels'])})\s*(?:\([^()\n]{{1,40}}\)\s*)?:\s*(?P<name>.+?)\W*$",
            re.I,
        ),
        cue_before=re.compile(
            rf"(?:^|[\s,;:(—–-])(?:as\s+)?(?:{_alt(raw['cues']['before'])})\s*[,:]?(?:\s+{article})?\s*{_OPEN_MARKS}$",
            re.I,
        ),
        cue_after=re.compile(
            rf"^{_CLOSE_MARKS}(?:\s+(?:{_alt(words['descriptors'])}))?(?:\s*,[^,.;:]{{1,80}},)?"
            rf"(?:\s+(?:{_alt(raw['cues'].get('after_insertions', []))})\s+[^,.;:]{{1,60}}?)?{after_time}"
            rf"\s+(?P<verb>{verbs_after})"
            r"(?=$|[\s,.:;])",
            re.I,
        ),
        verb_after=re.compile(rf"\b(?:{verbs_after})\b", re.I),
        verb_bare=re.compile(
            rf"^{_CLOSE_MARKS}(?:\s*,[^,.;:]{{1,80}},)?{after_time}\s+(?:{_alt(raw['cues'].get('after_that', []))})\b",
            re.I,
        ),
        cue_before_pattern=(
            re.compile(rf"(?:{'|'.join(raw['cues']['before_patterns'])})(?:\s+{article})?\s*{_OPEN_MARKS}$", re.I)
            if raw["cues"].get("before_patterns")
            else None
        ),
        closing_credit=re.compile(
            rf"(?:^|[(,;—–-])\s*(?:{_alt(raw['leadin']['closing_credits'])})\s*(?:{article}\s+)?{_OPEN_MARKS}$", re.I
        ),
        report_before=re.compile(
            rf"(?:^|[\s,;:(—–-])(?:{_alt(raw['cues']['report_lead'])})\s+(?:(?:a|an|the|its|their)\s+)?"
            rf"(?:[\w-]+\s+){{0,2}}?(?:{_alt(raw['cues']['report_nouns'] + raw['cues'].get('seen_nouns', []))})"
            rf"(?:\s+(?:{_alt(raw['cues']['report_participles'])}))?\s+(?:{_alt(raw['cues']['report_prepositions'])})"
            rf"(?:\s+{article})?\s*{_OPEN_MARKS}$",
            re.I,
        ),
        quote_before=re.compile(
            rf"(?:^|[\s,;(—–-])(?:{_alt(quote_words['quote_before'])})(?:\s+{article})?\s*{_OPEN_MARKS}$", re.I
        ),
        quote_after=re.compile(
            rf"^\s+(?:{_alt(quote_words['quote_after'])})\b.{{1,160}}?\b(?:{_alt(quote_words['quote_saying'])})\b",
            re.I | re.S,
        ),
        after_unknown=re.compile(
            rf"^(?:\s*(?:[,.;:)\]\"”»]|$)|\s+(?:{verbs_after}|{_alt(raw['cues'].get('after_that', []))}|has|had|is|was|"
            r"also|on|in|last|this|said|says)\b)",
            re.I,
        ),
        coverage=re.compile(
            r"^\s+(?:\w+ly\s+)?(?:on|about)\s+(?!(?:monday|tuesday|wednesday|thursday|friday|saturday|sunday|"
            r"the\s+weekend|\d))",
            re.I,
        ),
        possessive_report=re.compile(
            # "X's own report", "X's Moscow correspondent", "X's political editor": up to two words before the noun
            rf"^['’]s\s+(?:[\w-]+\s+){{0,2}}?(?:{_alt(raw['cues']['report_nouns'])})\b[^.;:]{{0,60}}?"
            rf"(?:\b(?:{_alt(raw['cues']['report_verbs'])})\b|:(?=\s))",  # "X's verdict was blunt: ..."
            re.I,
        ),
        quote_intro=re.compile(rf"\b(?:{_alt(raw['cues']['report_nouns'] + raw['cues']['quote_intro'])})\b", re.I),
        continuation=re.compile(
            rf"^\W*(?:(?:{_alt(raw['cues']['continuation'])})\b(?:\s+\w+){{0,2}}?\s*,?\s*"
            rf"(?:{_alt(raw['cues']['continuation_verbs'])})\b|(?:{_alt(raw['cues'].get('continuation_cues', []))})\b)",
            re.I,
        ),
        # "..., the paper added, ...", '"...," he said in the interview', "..., according to the broadcaster"
        continuation_tag=re.compile(
            rf"(?:^|[,—–])\s*(?:{_alt(raw['leadin'].get('anaphors', []))}|{desc_anaphor}|he|she|they|it)\s+"
            rf"(?:{_alt(raw['cues']['continuation_verbs'])})\b"
            rf"|[,—–(]\s*(?:according\s+to|per)\s+(?:{_alt(raw['leadin'].get('anaphors', []))}|{desc_anaphor})\b",
            re.I,
        ),
        negative=re.compile(rf"(?:^|\W)(?:{_alt(raw['negative']['phrases'])})", re.I),
        first_person=frozenset(w.lower() for w in raw["commentary"]["first_person"]),
        commentary_opener=re.compile(rf"^\W*(?:{_alt(raw['commentary']['openers'])})(?=\W|$)", re.I),
        evaluative=re.compile(rf"\b(?:{_alt(raw['commentary']['evaluative'])})\b", re.I),
        judgement=re.compile(
            rf"^\W*(?:{_alt(raw['commentary']['judgement_subjects'])})\s+(?:[\w'’-]+\s+){{0,4}}?"
            rf"(?:{_alt(raw['commentary']['judgement_words'])})\b",
            re.I,
        ),
        speech_tag=re.compile(
            rf"(?:[,—–]\s*(?P<who>(?:[\w'’.-]+\s+){{0,4}}?)(?:{_alt(raw['commentary'].get('speech_verbs', []))})\b"
            r"|\baccording\s+to\b)",
            re.I,
        ),
        demonyms={" ".join(k.lower().split()): v for k, v in (demonyms | demonyms_after).items()},
        name_first=dict(raw.get("name_words", {}).get("first", {})),
        name_any={k.lower(): v for k, v in raw.get("name_words", {}).get("any", {}).items()},
        cue_that=re.compile(
            rf"^{_CLOSE_MARKS}(?:(?:\s*,[^,.;:]{{1,80}},)?(?:\s+(?:{insertions})\s+[^,.;:]{{1,60}}?)?{after_time}"
            rf"\s+(?:{_alt(raw['cues'].get('after_that', []))})(?:\s+[\w'’-]+){{0,4}}?\s+that\b"
            rf"|[^.;:!?]{{0,100}}?,\s+(?:{_alt(raw['cues'].get('participles_that', []))})\s+that\b)",
            re.I,
        ),
        quote_tag=re.compile(
            rf"^{_CLOSE_MARKS}(?:\s*,[^,.;:]{{1,80}},)?{after_time}\s+(?:{_alt(raw['cues'].get('after_quote', []))})"
            r"(?=$|[\s,.:;])",
            re.I,
        ),
        announcement=re.compile(rf"^\W*(?:{_alt(raw['leadin'].get('announcements', []))})\b", re.I),
        apposition_after=re.compile(
            rf"(?P<name>{_NAME_RE}),\s+(?P<desc>(?i:the|a|an)\s+(?P<words>(?:(?!(?i:{_APPOSITION_STOP})\s)[\w'’-]+\s+){{0,4}}?)"
            rf"(?i:{descriptors}))(?=,)"
        ),
        omission=re.compile(
            rf"^\W*what\s+(?:[\w'’.-]+\s+){{1,4}}?(?:{_alt(raw['commentary'].get('omissions', []))})\b", re.I
        ),
        verification_note=re.compile(rf"\b(?:{_alt(raw['commentary']['verification_notes'])})\b", re.I),
        # only outlets (and investigators) "see" leaked documents: the name after "seen by" is an outlet's
        seen_by=re.compile(
            rf"\b(?i:{_alt(raw['cues'].get('seen_nouns', []))})\s+(?i:seen|obtained|viewed|reviewed)\s+by\s+"
            rf"(?P<name>{_NAME_RE})(?=\s*[,.;:)]|\s*$)"
        ),
        outlet_anaphor=re.compile(rf"\b(?:{_alt(raw['leadin'].get('anaphors', []))}|{desc_anaphor})\b", re.I),
        name_descriptor=re.compile(rf"\b(?i:the)\s+(?P<name>{_NAME_RE})\s+(?i:{_alt(words.get('after_name', []))})\b"),
    )


# --------------------------------------------------------------------------- working structures


@dataclass(frozen=True)
class _Mention:
    span: Span  # the name, widened to its descriptor ("the German daily Bild")
    name_span: Span  # the name alone
    outlet: Outlet | None
    written: str
    language: str | None


@dataclass
class _Block:
    index: int
    span: Span
    kind: str
    sentences: list[Span]


@dataclass
class _Candidate:
    span: Span
    kind: str
    mention: _Mention
    cue: Span | None
    confidence: float
    open_end: bool = False
    extra_urls: list[str] = field(default_factory=list)
    context: list[Span] = field(default_factory=list)  # attribution text whose links belong to the passage


class _SpanIndex(Generic[T]):
    """Items with spans, sorted by start, for quick overlap queries on long documents."""

    def __init__(self, items: Iterable[tuple[Span, T]] = ()) -> None:
        pairs = sorted(items, key=lambda it: (it[0].start, it[0].end))
        self.starts = [sp.start for sp, _ in pairs]
        self.items = pairs
        self.longest = max((len(sp) for sp, _ in pairs), default=0)

    def add(self, span: Span, item: T) -> None:
        i = bisect.bisect_right(self.starts, span.start)
        self.starts.insert(i, span.start)
        self.items.insert(i, (span, item))
        self.longest = max(self.longest, len(span))

    def overlapping(self, span: Span) -> list[T]:
        """Items whose span overlaps ``span`` or lies inside it (empty spans count at their position)."""
        lo = bisect.bisect_left(self.starts, span.start - self.longest)
        hi = bisect.bisect_right(self.starts, span.end)
        return [
            item
            for sp, item in self.items[lo:hi]
            if sp.overlaps(span) or span.contains(sp) or (len(sp) == 0 and span.start <= sp.start < span.end)
        ]


class _Finder:
    def __init__(self, doc: Document, registry: OutletRegistry) -> None:
        self.doc = doc
        self.text = doc.text
        self.registry = registry
        self.lex = _lexicon()
        self.blocks = self._blocks()
        self.quotes = self._quote_spans()
        self.mentions = self._mentions()
        self.mention_index = _SpanIndex((m.name_span, m) for m in self.mentions)
        self.link_index = _SpanIndex((link.span, link) for link in self.doc.links)
        self.quote_index = _SpanIndex((q, q) for q in self.quotes)
        self.block_starts = [b.span.start for b in self.blocks]
        self.position = {id(b): i for i, b in enumerate(self.blocks)}
        self.claimed = _SpanIndex[Span]()
        self.found: list[_Candidate] = []
        self.credits: list[tuple[_Mention, Span]] = []  # Source lines crediting an inline passage above

    # ------------------------------------------------------------------ preparation

    def _blocks(self) -> list[_Block]:
        paragraphs: Sequence[Paragraph] = self.doc.paragraphs
        if not paragraphs:
            paragraphs = _split_paragraphs(self.text)
        blocks = []
        for i, p in enumerate(paragraphs):
            start, end = _strip_span(self.text, p.span.start, p.span.end)
            if end <= start:
                continue
            body = self.text[start:end]
            sents = [s.span for s in split_sentences(body, self.doc.language, offset=start)] or [Span(start, end)]
            blocks.append(_Block(i, Span(start, end), p.kind, sents))
        return blocks

    def _quote_spans(self) -> list[Span]:
        if self.doc.quotes:
            return [q.span for q in self.doc.quotes]
        return [q.span for q in _find_quotes(self.text)]

    def _mentions(self) -> list[_Mention]:
        known = sorted(self.registry.mentions(self.text), key=lambda m: (m[0].start, -m[0].end))
        out: list[_Mention] = []
        for span, outlet in known:
            written = self.text[span.start : span.end]
            if written.islower() and written not in (outlet.name, *outlet.aliases):
                continue  # "focus groups", "the guardian of", "público": a word, not the outlet
            start = span.start
            before = self.text[max(0, start - 40) : start].split()
            # cheap test before the regex
            if before and before[-1].lower().rstrip(",") in self.lex.descriptor_last_words:
                prefix = self.lex.descriptor_prefix.search(self.text[max(0, start - 80) : start])
                if prefix:
                    start -= len(prefix.group(0))
            out.append(_Mention(Span(start, span.end), span, outlet, self.text[start : span.end], outlet.language))
        taken = _SpanIndex((k.name_span, k) for k in out)
        for m in _GENITIVE.finditer(self.text):
            # German genitive: "Nach Informationen des Spiegels" names Der Spiegel
            stem = Span(m.start("stem"), m.end("stem"))
            outlet = None if taken.overlapping(stem) else self.registry.find(m.group("stem"))
            if outlet is not None:
                name_span = Span(stem.start, stem.end + 1)
                out.append(
                    _Mention(name_span, name_span, outlet, self.text[name_span.start : name_span.end], outlet.language)
                )
        known_index = _SpanIndex((k.span, k) for k in out)
        for m in self._descriptor_matches():
            name_span = Span(m.start("name"), m.end("name"))
            if any(k.span.overlaps(name_span) for k in known_index.overlapping(name_span)):
                continue
            name = m.group("name")
            outlet = self.registry.find(name) or self.registry.find(m.group(0))
            end = m.end()
            if outlet is None and not self.lex.after_unknown.match(self.text[end : end + 40]):
                # "Le Canard enchaîné revealed": a title that opens with a foreign article may carry a lower-case
                # word, when a reporting verb follows it
                tail = re.match(r"[ \t]+[a-zß-ÿ][\w'’-]*", self.text[end : end + 40])
                if not (
                    _FOREIGN_ARTICLE.match(name)
                    and tail
                    and self.lex.cue_after.match(self.text[end + tail.end() : end + tail.end() + 200])
                ):
                    continue  # "the daily Kremlin briefing": a capitalised word, not an outlet's name
                end += tail.end()
                name_span = Span(name_span.start, end)
            demonym = (m.group("demonym") or m.group("demonym_after") or "").lower()
            language = outlet.language if outlet else self.lex.demonyms.get(" ".join(demonym.split()))
            # the name with its description: "the daily Dziennik Gazeta Prawna" took "Dziennik" as a descriptor
            if outlet is None and language is None:
                language = self.name_language(self.text[name_span.start : name_span.end]) or self.name_language(
                    self.text[m.start() : end]
                )
            out.append(_Mention(Span(m.start(), end), name_span, outlet, self.text[m.start() : end], language))
        out.extend(self._described_unknowns(_SpanIndex((k.span, k) for k in out)))
        out.extend(self._named_again(out))
        return sorted(out, key=lambda m: m.span.start)

    def _named_again(self, mentions: list[_Mention]) -> list[_Mention]:
        """An outlet missing from the registry, once introduced as one ("Hungarian news site Telex", "Vedomosti,
        the Moscow daily,"), is the same outlet where its name recurs alone ("Per Telex, ...")."""
        names: dict[str, _Mention] = {}
        for m in mentions:
            if m.outlet is not None:
                continue
            name = self.text[m.name_span.start : m.name_span.end]
            # only a name next to its description: "the Geneva daily" describes a daily in Geneva, not one named so
            if len(name) >= 3 and (m.written.endswith(name) or m.written.startswith(name + ",")):
                names.setdefault(name, m)
        if not names:
            return []
        taken = _SpanIndex((m.span, m) for m in mentions)
        out = []
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        for hit in pattern.finditer(self.text):
            span = Span(hit.start(), hit.end())
            if taken.overlapping(span):
                continue
            first = names[hit.group()]
            out.append(_Mention(span, span, None, hit.group(), first.language))
        return out

    def name_language(self, name: str) -> str | None:
        """The language an unknown outlet's own name shows: "Die Presse", "Dziennik Gazeta Prawna"."""
        words = _WORD_RE.findall(name)
        if not words:
            return None
        if words[0] in self.lex.name_first and len(words) > 1:
            return self.lex.name_first[words[0]]
        return next((self.lex.name_any[w.lower()] for w in words if w.lower() in self.lex.name_any), None)

    def _described_unknowns(self, known: _SpanIndex[_Mention]) -> list[_Mention]:
        """Outlets missing from the registry that the text describes as outlets after their name:
        "Vedomosti, the Moscow business daily, ..." and "the Rheinische Post newspaper"."""
        out: list[_Mention] = []
        for m in [
            *self.lex.apposition_after.finditer(self.text),
            *self.lex.name_descriptor.finditer(self.text),
            *self.lex.seen_by.finditer(self.text),
        ]:
            start = m.start("name")
            words = list(_WORD_RE.finditer(m.group("name")))
            while words and words[0].group().lower() in _NOT_NAME_START | self.lex.demonyms.keys():
                words.pop(0)  # "On Monday Vedomosti": the name starts after the sentence's opening words
            if not words or words[0].group().rstrip(".").lower() in _HONORIFICS:
                continue  # "documents seen by Judge Weber": a person
            start += words[0].start()
            name_span = Span(start, m.end("name"))
            name = self.text[name_span.start : name_span.end]
            # "the German newspaper", "the Kremlin-friendly daily", "Finland's": a description, not a name
            if any(re.search(r"-\w*[a-z]$|['’]s$", w.group()) or w.group().lower() in self.lex.demonyms for w in words):
                continue
            if any(k.span.overlaps(name_span) for k in known.overlapping(name_span)):
                continue
            span = (
                Span(start, m.end())
                if "desc" in m.groupdict()
                else name_span
                if m.re is self.lex.seen_by
                else Span(m.start(), m.end())
            )
            described = self.text[span.start : span.end]
            language = next(
                (self.lex.demonyms[w.lower()] for w in _WORD_RE.findall(described) if w.lower() in self.lex.demonyms),
                None,
            )
            language = language or self.name_language(name)
            written = described if "desc" in m.groupdict() or m.re is self.lex.name_descriptor else name
            mention = _Mention(span, name_span, None, written, language)
            out.append(mention)
            known.add(span, mention)
        return out

    def _descriptor_matches(self) -> list[re.Match[str]]:
        """Matches of "the German daily Name", found from their descriptor word (fast on long texts)."""
        out: dict[int, re.Match[str]] = {}
        for hit in self.lex.descriptor_hit.finditer(self.text):
            name_start = hit.start("name")
            if name_start in out:
                continue
            window = max(0, hit.start() - 80)
            matches = list(self.lex.descriptor_name.finditer(self.text, window, min(len(self.text), hit.end() + 200)))
            for m in matches:
                if m.start("name") == name_start:
                    out[name_start] = m
                    break
            else:
                # "the daily Dziennik Gazeta Prawna", "the daily Diario de Sevilla": the hit's name word is itself a
                # foreign descriptor that the regex took as part of the description
                for m in matches:
                    if m.start() < name_start < m.start("name") and m.start("name") not in out:
                        out[m.start("name")] = m
                        break
        return [out[k] for k in sorted(out)]

    # ------------------------------------------------------------------ helpers

    def block_text(self, b: _Block) -> str:
        return self.text[b.span.start : b.span.end]

    def mentions_in(self, span: Span) -> list[_Mention]:
        return [m for m in self.mention_index.overlapping(span) if span.contains(m.name_span)]

    def is_claimed(self, span: Span) -> bool:
        return any(c.overlaps(span) for c in self.claimed.overlapping(span))

    def claim(self, *spans: Span | None) -> None:
        for span in spans:
            if span is not None:
                self.claimed.add(span, span)

    def outlet_links(self, span: Span) -> list[tuple[Link, Outlet]]:
        out = []
        for link in self.link_index.overlapping(span):
            if span.overlaps(link.span) or span.contains(link.span):
                outlet = self.registry.by_url(link.href) if link.href.startswith(("http://", "https://")) else None
                if outlet is not None:
                    out.append((link, outlet))
        return out

    def outside_quotes(self, span: Span) -> str:
        """The text of span with quoted stretches blanked out (same length)."""
        chars = list(self.text[span.start : span.end])
        for q in self.quote_index.overlapping(span):
            if q.overlaps(span):
                for i in range(max(q.start, span.start), min(q.end, span.end)):
                    chars[i - span.start] = " "
        return "".join(chars)

    def reported(self, sent: Span) -> bool:
        """The sentence carries a speech tag ("..., the director told the paper"): someone else's words."""
        text = self.outside_quotes(sent)
        for m in self.lex.speech_tag.finditer(text):
            # "as I said", "according to my figures" are the author speaking
            who = text if m.group("who") is None else m.group("who")
            if not any(w.lower() in self.lex.first_person and w != "US" for w in _WORD_RE.findall(who)):
                return True
        return False

    def is_commentary(self, span: Span) -> bool:
        """The author's own voice: first person, questions or exclamations, or an opinion opener.

        Sentences with a speech tag do not count: they report somebody else's words."""
        b = self.block_at(span)
        stripped = (_strip(self.text, s) for s in b.sentences)
        sents = [s for s in stripped if len(s) and span.start <= s.start and s.end <= span.end]
        if not sents:
            sents = [_strip(self.text, span)]
        voiced = [s for s in sents if not self.reported(s)]
        if not voiced:
            return False
        if voiced[0] == sents[0]:
            raw = self.text[sents[0].start : sents[0].end]
            if self.lex.commentary_opener.match(raw) or self.lex.judgement.match(raw) or self.lex.omission.match(raw):
                return True
        if any(self.lex.verification_note.search(self.outside_quotes(s)) for s in voiced):
            return True  # the author saying what could not be checked
        text = " ".join(self.outside_quotes(s) for s in voiced)
        if re.search(r"[!?](?=\s|$)", text):
            return True
        for word in _WORD_RE.findall(text):
            low = word.lower()
            if word == "US" or (low == "i" and word != "I"):
                continue
            if low in self.lex.first_person:
                return True
        return len(self.lex.evaluative.findall(text)) >= 2

    def add(self, cand: _Candidate, *claim: Span) -> None:
        self.found.append(cand)
        self.claim(cand.span, *claim)

    def next_block(self, i: int) -> _Block | None:
        return self.blocks[i + 1] if i + 1 < len(self.blocks) else None

    def prev_block(self, i: int) -> _Block | None:
        return self.blocks[i - 1] if i > 0 else None

    def quote_group(self, i: int) -> list[_Block]:
        """Consecutive block-quote blocks starting at i."""
        group = []
        while i < len(self.blocks) and self.blocks[i].kind == "blockquote":
            group.append(self.blocks[i])
            i += 1
        return group

    # ------------------------------------------------------------------ attribution lines

    def source_line(self, b: _Block) -> _Mention | None:
        """``Source: X`` -> the mention of X, if X is an outlet."""
        text = self.block_text(b)
        if len(_WORD_RE.findall(text)) > _MAX_ATTRIBUTION_LINE_WORDS or "\n\n" in text:
            return None
        m = self.lex.source_line.match(text)
        if not m:
            return None
        name_span = Span(b.span.start + m.start("name"), b.span.start + m.end("name"))
        inside = self.mentions_in(name_span)
        if inside:
            return inside[0]
        for link, outlet in self.outlet_links(name_span):
            return _Mention(link.span, link.span, outlet, link.text or outlet.name, outlet.language)
        outlet = self.registry.by_url(m.group("name")) if "." in m.group("name") else None
        if outlet is None:
            outlet = self.registry.find(m.group("name"))
        if outlet is None:
            return None
        return _Mention(name_span, name_span, outlet, m.group("name"), outlet.language)

    def attribution_line(self, b: _Block) -> _Mention | None:
        """A short line that only names the source: "— Gazeta Wyborcza, 4 April", "(El Mundo)"."""
        src = self.source_line(b)
        if src is not None:
            return src
        text = self.block_text(b)
        if len(_WORD_RE.findall(text)) > _MAX_ATTRIBUTION_LINE_WORDS or self.lex.negative.search(text):
            return None
        candidates = self.mentions_in(b.span)
        links = self.outlet_links(b.span)
        if not candidates and not links:
            return None
        mention = (
            candidates[0]
            if candidates
            else _Mention(links[0][0].span, links[0][0].span, links[0][1], links[0][0].text, links[0][1].language)
        )
        rest = (text[: mention.span.start - b.span.start] + text[mention.span.end - b.span.start :]).strip()
        # what is left is punctuation, a date or "source": the line is an attribution, not a sentence
        leftover = [w for w in _WORD_RE.findall(rest) if not _is_date_word(w)]
        if len(leftover) <= 3 and not re.search(r"[.!?]\s+\w", rest):
            return mention
        return None

    # ------------------------------------------------------------------ 1 + 2: lead-ins and Source lines

    def leadin(self, b: _Block) -> tuple[_Mention, Span] | None:
        """The last sentence of b ends in a colon and introduces an outlet's text."""
        if b.kind == "blockquote":
            return None
        if b.kind == "heading" and not self.block_text(b).rstrip().endswith(":"):
            return self.heading_leadin(b)
        sent = b.sentences[-1]
        start, end = _strip_span(self.text, sent.start, sent.end)
        s_text = self.text[start:end]
        announced = s_text.endswith(".") and bool(self.lex.announcement.match(s_text))
        if not s_text.endswith(":") and not announced:
            return None
        span = Span(start, end)
        found = self.mentions_in(span)
        if self.lex.negative.search(s_text):
            return None
        if not found:
            return self.anaphoric_leadin(b, span, announced=announced)
        mention = found[-1]
        words = len(_WORD_RE.findall(s_text))
        after = self.text[mention.span.end : end - 1]
        opener = self.lex.leadin_opener.match(s_text)
        verb = (
            self.lex.cue_after.match(after)
            or self.lex.cue_before.search(self.text[start : mention.span.start])
            or self.lex.translation_note.search(s_text)  # "(translated from Russian):" announces a quote
            # "X explained the remaining obstacles in a long piece:": a saying verb needs no "that" before a colon
            or self.lex.verb_bare.match(_after_apposition(mention, self.text[mention.span.end : end]))
        )
        if words > _MAX_LEADIN_WORDS and not verb:
            return None
        if not (opener or verb or words <= 8):
            return None
        return mention, span

    def heading_leadin(self, b: _Block) -> tuple[_Mention, Span] | None:
        """A heading over the outlet's text: "From Le Monde (translated)", "Bild reports", "According to Le Monde".

        A heading that only names the outlet ("How Der Spiegel broke the story") is about it, not its text."""
        text = self.block_text(b)
        found = [m for m in self.mentions_in(b.span) if m.outlet is not None]
        if not found or len(_WORD_RE.findall(text)) > _MAX_ATTRIBUTION_LINE_WORDS + 2 or self.lex.negative.search(text):
            return None
        mention = found[-1]
        after = self.text[mention.span.end : b.span.end]
        before = self.text[b.span.start : mention.span.start]
        if (
            self.lex.translation_note.search(text)
            or self.lex.leadin_opener.match(text)
            or self.lex.cue_after.match(after)
            or self.lex.cue_before.search(before)
        ):
            return mention, b.span
        return None

    def quote_leadin(self, b: _Block) -> tuple[_Mention, Span] | None:
        """A sentence that presents an outlet's report ("A long report in X described the scene.") before a
        paragraph that is one quotation: the marks say the paragraph is quoted, the sentence says from where."""
        nxt = self.next_block(self.position[id(b)])
        if b.kind in ("blockquote", "heading") or nxt is None or nxt.kind == "blockquote":
            return None
        if not self.is_full_quote(nxt) or self.is_claimed(nxt.span):
            return None
        sent = _strip(self.text, b.sentences[-1])
        s_text = self.text[sent.start : sent.end]
        if self.lex.negative.search(s_text) or self.is_commentary(sent):
            return None
        for mention in reversed(self.mentions_in(sent)):
            if self.inline_cue(sent, mention) is not None:
                return None  # the sentence makes a claim of its own: an inline passage
            pre = self.text[sent.start : mention.span.start]
            post = self.text[mention.span.end : sent.end]
            # "A report in X described ...": a report word and a reporting verb ("A report by X was criticised
            # by the minister" before the minister's words is not X's text)
            presents = self.lex.quote_intro.search(s_text) and self.lex.verb_after.search(post)
            if presents or self.lex.cue_after.match(post) or self.lex.cue_before.search(pre):
                return mention, sent
        return None

    def anaphoric_leadin(self, b: _Block, span: Span, *, announced: bool = False) -> tuple[_Mention, Span] | None:
        """ "X has seen the draft. Here is how the paper describes it:" - the colon sentence names X as "the paper".

        An announcement ("The following is a translation of its central section.") may name it as "its"."""
        s_text = self.text[span.start : span.end]
        anaphor = self.lex.anaphor.search(s_text)
        if len(_WORD_RE.findall(s_text)) > _MAX_LEADIN_WORDS:
            return self.document_leadin(b, span)
        earlier = self.mentions_in(Span(b.span.start, span.start))
        if not earlier:
            return self.document_leadin(b, span)
        mention = earlier[-1]
        if announced and (re.search(r"\b(?:its|their)\b", s_text, re.I) or self.lex.translation_note.search(s_text)):
            return mention, Span(b.span.start, span.end)
        if anaphor is None:
            return None
        after = s_text[anaphor.end() : -1]
        if not self.lex.cue_after.match(after) and (
            not self.lex.leadin_opener.match(s_text) or self.is_commentary(span)  # "Here is what I think of the paper:"
        ):
            return None
        return mention, Span(b.span.start, span.end)

    def document_leadin(self, b: _Block, span: Span) -> tuple[_Mention, Span] | None:
        """ "... according to a memo published by X." then "The memo, dated 4 May, reads in part:" - the colon
        sentence names the document the paragraph above credits to X, by the same noun."""
        s_text = self.text[span.start : span.end]
        if span.start != b.span.start or len(_WORD_RE.findall(s_text)) > 2 * _MAX_LEADIN_WORDS:
            return None
        m = re.match(r"^\W*the\s+(?:[\w-]+\s+)?(?P<noun>[\w-]+)\b", s_text, re.I)
        nouns = {n.lower() for n in self.lex.raw["cues"].get("seen_nouns", []) + self.lex.raw["cues"]["report_nouns"]}
        if m is None or m.group("noun").lower() not in nouns or self.is_commentary(span):
            return None
        noun = m.group("noun").lower().rstrip("s")
        prev = self.prev_block(self.position[id(b)])
        if prev is None or prev.kind != "paragraph":
            return None
        for sent in reversed(prev.sentences):
            st = _strip(self.text, sent)
            if not re.search(rf"\b{re.escape(noun)}s?\b", self.text[st.start : st.end], re.I):
                continue
            for mention in self.mentions_in(st):
                if self.inline_cue(st, mention) is not None:
                    return mention, span
        return None

    def plain_run(self, i: int) -> list[_Block]:
        """Plain paragraphs from block i on that continue a lead-in: stop at commentary, headings, cues."""
        run: list[_Block] = []
        j = i
        while j < len(self.blocks) and len(run) < _MAX_PLAIN_PARAGRAPHS:
            b = self.blocks[j]
            if b.kind in ("heading", "blockquote", "hr", "rule") or self.is_claimed(b.span):
                break
            if run and (self.is_commentary(b.span) or self.starts_attribution(b)):
                break
            if run and run[0].kind == "list" and b.kind != "list":
                break  # a lead-in over a list: the list is the passage
            if len(_WORD_RE.findall(self.block_text(b))) <= _MAX_CREDIT_WORDS and self.lex.negative.search(
                self.block_text(b)
            ):
                break  # a photo caption or a "Read more" line under the text is the page's, not the outlet's
            run.append(b)
            j += 1
        return run

    def is_full_quote(self, b: _Block) -> bool:
        """The whole paragraph is one quotation ("..." with at most closing punctuation after it)."""
        return any(q.start == b.span.start and q.end >= b.span.end - 1 for q in self.quote_index.overlapping(b.span))

    def starts_attribution(self, b: _Block) -> bool:
        return bool(self.leadin(b) or self.source_line(b) or self.attribution_line(b))

    def trim_commentary(self, run: list[_Block]) -> Span:
        """Span of the run without trailing sentences in the author's voice."""
        start = run[0].span.start
        end = run[-1].span.end
        last = run[-1]
        for sent in reversed(last.sentences[1:]):
            if self.is_commentary(sent):
                end = _strip_span(self.text, start, sent.start)[1]
            else:
                break
        return Span(start, end)

    def find_structural(self) -> None:
        i = 0
        while i < len(self.blocks):
            b = self.blocks[i]
            li = self.leadin(b) or self.quote_leadin(b)
            src = None if li else (self.source_line(b) if b.kind != "blockquote" else None)
            if li is None and src is None:
                i += 1
                continue
            if li:
                mention, cue = li
                kind = "leadin"
            else:
                assert src is not None
                mention, cue = src, b.span
                kind = "source_block"
                if self.credits_inline_above(i, src):
                    # "X is reporting that ... / Source: <link to X>": the line credits that sentence
                    self.credits.append((src, b.span))
                    self.claim(b.span)
                    i += 1
                    continue
                prev = self.prev_block(i)
                if prev is not None and prev.kind == "blockquote" and not self.is_claimed(prev.span):
                    start = i - 1
                    while start > 0 and self.blocks[start - 1].kind == "blockquote":
                        start -= 1
                    group = self.quote_group(start)
                    span = Span(group[0].span.start, group[-1].span.end)
                    self.add(
                        _Candidate(
                            span, "blockquote", mention, cue, _CONFIDENCE["source_blockquote"], context=[b.span]
                        ),
                        cue,
                    )
                    i += 1
                    continue
            nxt = self.next_block(i)
            if li and nxt is not None and nxt.kind == "heading" and self.text[cue.end - 1] == ".":
                # "Below are the main points as reported by X." over a sub-heading: the text starts under it
                i += 1
                nxt = self.next_block(i)
            closing = re.match(r"^\(.*\)\W*$", self.block_text(b), re.S)  # "(Source: X)" credits what is above
            if kind == "source_block" and (
                closing
                or nxt is None
                or nxt.kind == "heading"
                or self.is_commentary(nxt.span)
                or self.is_claimed(nxt.span)
            ):
                # "Source: X" closing a stretch of plain text: it credits the paragraph above, or all paragraphs
                # up to the heading above them (then both ends are known)
                above = self.credited_above(i)
                if above:
                    self.add(
                        _Candidate(
                            Span(above[0].span.start, above[-1].span.end),
                            kind,
                            mention,
                            cue,
                            _CONFIDENCE["source_after"],
                            open_end=len(above) == 1 and not self.bounded_above(above[0]),
                            context=[b.span],
                        ),
                        cue,
                    )
                i += 1
                continue
            if nxt is None or self.is_claimed(nxt.span):
                i += 1
                continue
            if nxt.kind == "blockquote":
                group = self.quote_group(i + 1)
                span = self.quote_body(group)
                conf = _CONFIDENCE["leadin_blockquote" if kind == "leadin" else "source_blockquote"]
                self.add(_Candidate(span, kind, mention, cue, conf, context=[b.span]), cue)
                i += 1 + len(group)
                continue
            run = self.plain_run(i + 1)
            if not run:
                i += 1
                continue
            quoted = 0
            while quoted < len(run) and self.is_full_quote(run[quoted]):
                quoted += 1
            if quoted:
                # paragraphs in quotation marks after a lead-in: the marks say where the passage ends
                run = run[:quoted]
                span = Span(run[0].span.start, run[-1].span.end)
                conf = _CONFIDENCE["leadin_blockquote" if kind == "leadin" else "source_blockquote"]
                self.add(_Candidate(span, kind, mention, cue, conf, context=[b.span]), cue)
                i += 1 + len(run)
                continue
            span = self.trim_commentary(run)
            conf = _CONFIDENCE["leadin_plain" if kind == "leadin" else "source_plain"]
            # a Source line of the same outlet right under the text closes it: the end is no guess
            under = self.next_block(self.position[id(run[-1])])
            closer = self.attribution_line(under) if under is not None and span.end == run[-1].span.end else None
            closed = closer is not None and _same_outlet(closer, mention)
            context = [b.span] + ([under.span] if closed and under is not None else [])
            self.add(_Candidate(span, kind, mention, cue, conf, open_end=not closed, context=context), cue)
            i += 1 + len(run)

    def under_heading(self, b: _Block) -> bool:
        prev = self.prev_block(self.position[id(b)])
        return prev is not None and prev.kind == "heading"

    def bounded_above(self, b: _Block) -> bool:
        """Nothing but a heading or the document's title line is above b: a text credited below starts at b."""
        if self.under_heading(b):
            return True
        # (a first paragraph of its own may be the author's introduction: no bound)
        return self.position[id(b)] == 1 and self.is_title(self.blocks[0])

    def is_title(self, b: _Block) -> bool:
        """The document's first block is one short line without closing punctuation (a plain-text title)."""
        text = self.block_text(b).strip()
        return (
            self.position[id(b)] == 0
            and "\n" not in text
            and len(_WORD_RE.findall(text)) <= 15
            and not re.search(r"[.!?:;]$", text)
        )

    def credited_above(self, i: int) -> list[_Block]:
        """Plain paragraphs above a closing Source line at block i: back to a heading when one bounds them
        within a few paragraphs, else only the paragraph right above (where the text starts is unknown)."""
        run: list[_Block] = []
        j = i - 1
        while j >= 0 and len(run) < _MAX_PLAIN_PARAGRAPHS:
            blk = self.blocks[j]
            if blk.kind != "paragraph" or self.is_claimed(blk.span) or self.is_title(blk):
                break
            if self.is_commentary(blk.span):
                break
            if run and self.starts_attribution(blk):
                break
            run.insert(0, blk)
            j -= 1
        if not run:
            return []
        if self.bounded_above(run[0]):
            return run
        return run[-1:]

    def credits_inline_above(self, i: int, src: _Mention) -> bool:
        """A sentence in the few paragraphs above attributes something to the same outlet inline."""
        for j in range(i - 1, max(-1, i - 4), -1):
            b = self.blocks[j]
            if b.kind == "heading":
                return False
            for sent in b.sentences:
                st = _strip(self.text, sent)
                if any(_same_outlet(m, src) and self.inline_cue(st, m) for m in self.mentions_in(st)):
                    return True
        return False

    def attach_credits(self) -> None:
        """Links of a Source line go to the nearest passage above it from the same outlet."""
        for mention, line in self.credits:
            above = [c for c in self.found if c.span.end <= line.start and _same_outlet(c.mention, mention)]
            if above:
                max(above, key=lambda c: c.span.end).context.append(line)

    def find_closing_lines(self) -> None:
        """A paragraph whose last line only credits an outlet ("...\n(Source: Corriere della Sera, translated)")."""
        for b in self.blocks:
            if b.kind in ("blockquote", "heading") or self.is_claimed(b.span):
                continue
            cut = self.text.rfind("\n", b.span.start, b.span.end)
            if cut <= b.span.start:
                continue
            start, end = _strip_span(self.text, cut, b.span.end)
            line = Span(start, end)
            if not re.match(r"[(—–-]", self.text[start:end]) and not self.lex.source_line.match(self.text[start:end]):
                continue  # a bare name under a text is a photo credit more often than a text credit
            mention = self.attribution_line(_Block(b.index, line, "paragraph", [line]))
            body = _strip(self.text, Span(b.span.start, cut))
            if mention is None or len(body) == 0 or self.is_commentary(body):
                continue
            self.add(_Candidate(body, "source_block", mention, line, _CONFIDENCE["source_after"], context=[line]), line)

    # ------------------------------------------------------------------ 3: block quotes

    def tail_attribution(self, group: list[_Block]) -> tuple[_Mention, Span, Span] | None:
        """An attribution closing the quote inside it: its last paragraph or its last line.

        Returns (mention, the attribution line, the quote without it).
        """
        last = group[-1]
        if len(group) > 1:
            line = self.attribution_line(last)
            if line is not None:
                return line, last.span, Span(group[0].span.start, group[-2].span.end)
        cut = self.text.rfind("\n", last.span.start, last.span.end)
        if cut > last.span.start:
            start, end = _strip_span(self.text, cut, last.span.end)
            line_block = _Block(last.index, Span(start, end), "paragraph", [Span(start, end)])
            line = self.attribution_line(line_block) if end > start else None
            if line is not None:
                body_end = _strip_span(self.text, group[0].span.start, cut)[1]
                return line, line_block.span, Span(group[0].span.start, body_end)
        return None

    def quote_body(self, group: list[_Block]) -> Span:
        """The quote without a closing attribution line inside it."""
        tail = self.tail_attribution(group)
        return tail[2] if tail else Span(group[0].span.start, group[-1].span.end)

    def find_blockquotes(self) -> None:
        i = 0
        while i < len(self.blocks):
            if self.blocks[i].kind != "blockquote":
                i += 1
                continue
            group = self.quote_group(i)
            span = Span(group[0].span.start, group[-1].span.end)
            i += len(group)
            if self.is_claimed(span):
                continue
            found = self.blockquote_attribution(group)
            if found is None:
                continue
            mention, cue, how, context = found
            body = self.quote_body(group)
            self.add(_Candidate(body, "blockquote", mention, cue, _CONFIDENCE[how], context=context), cue)

    def blockquote_attribution(self, group: list[_Block]) -> tuple[_Mention, Span, str, list[Span]] | None:
        last = group[-1]
        tail = self.tail_attribution(group)
        if tail is not None:
            return tail[0], tail[1], "blockquote_line", [tail[1]]
        after = self.next_block(self.position[id(last)])
        if after is not None and after.kind != "blockquote" and not self.is_claimed(after.span):
            line = self.attribution_line(after)
            if line is not None:
                return line, after.span, "blockquote_line", [after.span]
        span = Span(group[0].span.start, last.span.end)
        links = self.outlet_links(span)
        if links:
            link, outlet = links[-1]
            return (
                _Mention(link.span, link.span, outlet, link.text, outlet.language),
                link.span,
                "blockquote_link",
                [],
            )
        before = self.prev_block(self.position[id(group[0])])
        if before is not None and before.kind != "blockquote" and not self.is_claimed(before.span):
            sent = before.sentences[-1]
            s_text = self.text[sent.start : sent.end]
            if self.lex.negative.search(s_text):
                return None
            for mention in reversed(self.mentions_in(sent)):
                after_text = self.text[mention.span.end : sent.end]
                pre = self.text[sent.start : mention.span.start]
                if (
                    s_text.rstrip().endswith(":")
                    or self.lex.cue_after.match(after_text)
                    or self.lex.cue_before.search(pre)
                    or self.lex.quote_intro.search(s_text)
                ):
                    return mention, sent, "blockquote_before", [sent]
            for link, outlet in self.outlet_links(sent):
                return (
                    _Mention(link.span, link.span, outlet, link.text, outlet.language),
                    sent,
                    "blockquote_before",
                    [sent],
                )
        return None

    # ------------------------------------------------------------------ 4: inline attribution

    def find_quote_credits(self) -> None:
        """A quotation followed by a credit only: '"..." (RTVE, translated from Spanish)', '"..." — NOS'."""
        for q in self.quotes:
            if self.is_claimed(q) or len(_WORD_RE.findall(self.text[q.start : q.end])) < _MIN_CREDITED_QUOTE_WORDS:
                continue
            tail = self.text[q.end : q.end + 160]
            m = re.match(r"[ \t]*\((?P<credit>[^()\n]{1,100})\)", tail) or re.match(
                r"[ \t]*[—–][ \t]*(?P<credit>[^\n]{1,100}?)[ \t]*(?:\n|$)", tail
            )
            if m is None:
                continue
            start, end = _strip_span(self.text, q.end + m.start("credit"), q.end + m.end("credit"))
            line = self.attribution_line(_Block(-1, Span(start, end), "paragraph", [Span(start, end)]))
            if line is None:
                continue
            credit = Span(q.end + m.start(), q.end + m.end())
            self.add(_Candidate(q, "quote", line, credit, _CONFIDENCE["quote"], context=[credit]), credit)

    def inline_cue(self, sent: Span, mention: _Mention) -> str | None:
        """'inline', 'quote', 'inline_colon' (cue ends in a colon: the rest of the paragraph) or None."""
        text = self.text
        pre = text[sent.start : mention.span.start]
        post = _after_apposition(mention, text[mention.span.end : sent.end])
        if re.match(r"^['’]s\b", post):
            # "Le Monde's reporting suggests ..." quotes it; "Le Monde's correspondent was expelled" does not
            if self.lex.possessive_report.match(post) and self._subject_position(pre):
                return "inline"
            return None
        if re.match(r"^\s*(?:\([^)]{0,80}\))?\s*:\s*\S", post) and (
            not pre.strip()
            or _DATELINE.fullmatch(pre)  # "10:05 — Suspilne: ..." in a live blog
            or (self.lex.leadin_opener.match(pre) and len(_WORD_RE.findall(pre)) <= 5)
        ):
            return "leadin_colon"  # "From the German Bild: ..." inside a paragraph
        if self.lex.quote_before.search(pre):
            return "quote"
        if self.lex.quote_after.match(post) and self._subject_position(pre):
            return "quote"
        if self.lex.cue_before.search(pre) or self.lex.report_before.search(pre):
            return "inline"
        if self.lex.cue_before_pattern is not None and self.lex.cue_before_pattern.search(pre):
            return "inline"
        if self.lex.closing_credit.search(pre) and re.match(rf"^{_CLOSE_MARKS}[\s).\]]*$", post):
            return "inline"
        m = self.lex.cue_after.match(post)
        if m and self._subject_position(pre):
            rest = post[m.end() :]
            if self.lex.coverage.match(rest):
                return None  # "Der Spiegel reported on the scandal": coverage, no content quoted
            if _SELF_NEWS.match(rest):
                return None  # "X said last month it would move to digital-first": news about the outlet itself
            if re.match(r"^[^:.;!?\"“„«]{0,40}:", rest):  # "reported on Thursday: ..."
                return "inline_colon"
            return "inline"
        if self.lex.cue_that.match(post) and self._subject_position(pre):
            return "inline"  # "X added on Tuesday that ...", "X struck a calmer tone, noting that ..."
        if re.search(r"[,!?][\"”»’']\s*(?:(?i:the|a)\s+)?$", pre) and self.lex.quote_tag.match(post):
            return "quote"  # '"Rome is running dry," La Repubblica declared'
        return None

    @staticmethod
    def _subject_position(pre: str) -> bool:
        """The outlet is the subject: nothing before it, or a clause boundary / connective."""
        # an article belongs to the name: "The BBC reported", "Die Süddeutsche Zeitung berichtet"
        pre = pre.rstrip().rstrip('«„"“‚‘»›')
        pre = re.sub(r"(?:^|\s)(?:the|die|der|das|le|la|les|el|il|lo|de|het|o|a)\s*$", "", pre.strip(), flags=re.I)
        # a transcript's speaker ("PIOTR: ") or a thread's post number ("2/ ") opens the line, not the sentence
        pre = re.sub(r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ'’. -]{0,30}:|\d{1,3}/\d{0,3})\s*", "", pre.strip()).strip()
        if not pre:
            return True
        if re.fullmatch(rf"(?i:(?:over|back|out)\s+)?(?i:in|from|across)\s+{_PLACE_WORDS}", pre):
            return True  # "In Prague the news site X reported": a place opening the sentence, no comma
        return bool(
            re.search(
                r"(?:[,;:(—–-]|[\"”»]|\b(?:meanwhile|and|but|now|earlier|later|also|as|while|when|wie|comme|como|"
                r"come|jak|zoals|yesterday|today|then|however|again|on \w+|last \w+|this \w+|und|aber|et|mais|y|e|"
                r"pero|ma|ale|maar|en))$",
                pre,
                re.I,
            )
        )

    def find_inline(self) -> None:
        for b in self.blocks:
            if b.kind == "heading":
                continue
            k = 0
            while k < len(b.sentences):
                sent = _strip(self.text, b.sentences[k])
                if self.is_claimed(sent) or self.lex.negative.search(self.text[sent.start : sent.end]):
                    k += 1
                    continue
                hit = None
                for mention in self.mentions_in(sent):
                    cue = self.inline_cue(sent, mention)
                    if cue:
                        hit = (mention, cue)
                        break
                if hit is None and k == 0:
                    hit = self.paragraph_continuation(b, sent)
                if hit is None and k > 0:
                    # "X had a lower figure. In its edition, the paper put it at ...": the outlet named without a
                    # cue in the sentence before is the one "the paper" reports for; the passage starts there
                    before = _strip(self.text, b.sentences[k - 1])
                    named = [m for m in self.mentions_in(before) if not self.is_claimed(before)]
                    if (
                        named
                        and not self.lex.negative.search(self.text[before.start : before.end])
                        and self.lex.outlet_anaphor.search(self.outside_quotes(sent))
                        and self.continues(sent, named[-1])
                    ):
                        hit = (named[-1], "inline")
                        sent = before
                if hit is None:
                    k += 1
                    continue
                mention, cue = hit
                end_k = k
                if cue == "leadin_colon":
                    stop = self.add_leadin_colon(b, sent, mention)
                    k += 1
                    while k < len(b.sentences) and b.sentences[k].start < stop:
                        k += 1
                    continue
                if cue == "inline_colon":
                    end_k = len(b.sentences) - 1
                else:
                    while end_k + 1 < len(b.sentences):
                        # a quotation of several sentences is one unit: its tag ('..." he said') is at its end
                        unit = self.quote_unit(b, end_k + 1)
                        if not self.continues(Span(b.sentences[end_k + 1].start, b.sentences[unit].end), mention):
                            break
                        end_k = unit
                end = _strip_span(self.text, sent.start, b.sentences[end_k].end)[1]
                span = Span(self.skip_label(sent, mention), end)
                kind = "quote" if cue == "quote" else "inline"
                conf = _CONFIDENCE[kind]
                prev = self.found[-1] if self.found else None
                if (
                    prev is not None
                    and prev.kind == kind
                    and _same_outlet(prev.mention, mention)
                    and prev.span.start >= b.span.start  # not across paragraphs: a headline and its story
                ):
                    gap = self.text[prev.span.end : span.start]
                    if not gap.strip():  # adjacent sentences from the same outlet make one passage
                        prev.span = Span(prev.span.start, span.end)
                        self.claim(span)
                        k = end_k + 1
                        continue
                self.add(_Candidate(span, kind, mention, Span(mention.span.start, mention.span.end), conf))
                k = end_k + 1

    def paragraph_continuation(self, b: _Block, sent: Span) -> tuple[_Mention, str] | None:
        """A paragraph that goes on reporting the inline passage just above it and names its outlet by what it
        is ("..., the online newspaper said."); a pronoun alone ("He said ...") is not enough across paragraphs."""
        prev = self.prev_block(self.position[id(b)])
        last = self.found[-1] if self.found else None
        if prev is None or last is None or last.kind not in ("inline", "quote") or not prev.span.contains(last.span):
            return None
        if not self.lex.outlet_anaphor.search(self.outside_quotes(sent)) or not self.continues(sent, last.mention):
            return None
        return last.mention, "inline"

    def quote_unit(self, b: _Block, k: int) -> int:
        """Index of the last sentence of b covered by a quotation that opens sentence k (k if there is none)."""
        first = _strip(self.text, b.sentences[k])
        for q in self.quote_index.overlapping(first):
            if q.start == first.start and q.end > first.end:
                last = k
                while last + 1 < len(b.sentences) and b.sentences[last + 1].start < q.end:
                    last += 1
                return last
        return k

    def skip_label(self, sent: Span, mention: _Mention) -> int:
        """Start of the sentence without a short label before a colon ("Madrid: The city's metro ...",
        a newsletter item's heading); a label that names the outlet is part of the attribution."""
        m = (
            _LABEL.match(self.text, sent.start, sent.end)
            or _DATELINE.match(self.text, sent.start, sent.end)
            or _POST_NUMBER.match(self.text, sent.start, sent.end)
        )
        if m is None or sent.start + len(m.group(0)) > mention.span.start:
            return sent.start
        return m.end()

    def add_leadin_colon(self, b: _Block, sent: Span, mention: _Mention) -> int:
        """Lead-in and passage in one paragraph: the passage is what follows the colon."""
        colon = self.text.index(":", mention.span.end)
        stop = b.span.end
        for other in self.mentions_in(Span(colon + 1, b.span.end)):
            # "CNN: '...' NBC: '...'": the next outlet with its own colon starts another claim
            if re.match(r"^\s*(?:\([^)]{0,80}\))?\s*:", self.text[other.span.end : b.span.end]):
                stop = other.span.start
                break
        start, end = _strip_span(self.text, colon + 1, stop)
        body = Span(start, end)
        quoted = any(q.start == start and q.end >= end - 1 for q in self.quotes)  # one quotation: clear end
        cue = Span(sent.start, colon + 1)
        conf = _CONFIDENCE["leadin_blockquote" if quoted else "leadin_plain"]
        self.add(_Candidate(body, "leadin", mention, cue, conf, open_end=not quoted, context=[cue]), cue)
        return end

    def continues(self, sent: Span, mention: _Mention) -> bool:
        """The sentence keeps reporting the same outlet ("The paper added that ...")."""
        s = _strip(self.text, sent)
        text = self.text[s.start : s.end]
        if self.lex.continuation.match(text) or self.lex.continuation_tag.search(self.outside_quotes(s)):
            return True
        return any(_same_outlet(o, mention) and self.inline_cue(s, o) for o in self.mentions_in(s))

    # ------------------------------------------------------------------ 5: links

    def find_links(self) -> None:
        found: list[_Candidate] = []
        for link in self.doc.links:
            if not link.href.startswith(("http://", "https://")):
                continue
            outlet = self.registry.by_url(link.href)
            if outlet is None or _is_homepage(link.href):
                continue
            # a tag or topic link ("yoga", "Gluten") or a bare URL is not a quoted claim
            anchor = link.text.strip()
            words = _WORD_RE.findall(anchor)
            if len(words) < _MIN_LINK_WORDS or re.match(r"^(?:https?://|www\.)", anchor):
                continue
            if not any(w.islower() and len(w) >= 5 for w in words):
                continue  # a name ("Office for Students"), not a claim
            sent = self.sentences_over(link.span)
            if sent is None:
                continue
            if self.is_claimed(link.span):
                continue  # inside a passage or its cue: attached to that passage below
            if self.is_claimed(sent) or self.lex.negative.search(self.text[sent.start : sent.end]):
                continue
            if self.attribution_line(self.block_at(sent)):  # "(<a>El Mundo</a>)" is not a passage
                continue
            mention = _Mention(link.span, link.span, outlet, outlet.name, outlet.language)
            cand = _Candidate(sent, "link", mention, link.span, _CONFIDENCE["link"])
            found.append(cand)
            self.claim(sent, link.span)
        per_outlet: dict[str, int] = {}
        for cand in found:
            key = cand.mention.outlet.id if cand.mention.outlet else ""
            per_outlet[key] = per_outlet.get(key, 0) + 1
        for cand in found:
            # many links into one outlet is a site linking to itself (or a link roundup), not quoting
            if per_outlet[cand.mention.outlet.id if cand.mention.outlet else ""] <= _MAX_LINKS_PER_OUTLET:
                self.found.append(cand)

    @staticmethod
    def _near(cand: _Candidate, span: Span) -> bool:
        spans = [cand.span, *cand.context] + ([cand.cue] if cand.cue else [])
        return any(s.overlaps(span) or s.contains(span) for s in spans)

    def block_at(self, span: Span) -> _Block:
        i = max(0, bisect.bisect_right(self.block_starts, span.start) - 1)
        return self.blocks[i]

    def sentences_over(self, span: Span) -> Span | None:
        """The sentences of one block that a span (a link) touches."""
        first = self.sentence_at(span)
        if first is None:
            return None
        b = self.block_at(span)
        end = first.end
        for s in b.sentences:
            if s.start < span.end and s.end > end:
                end = _strip(self.text, s).end
        return Span(first.start, max(end, first.end))

    def sentence_at(self, span: Span) -> Span | None:
        if not self.blocks:
            return None
        b = self.block_at(span)
        for s in b.sentences:
            if s.start <= span.start < s.end:
                return _strip(self.text, s)
        return None

    # ------------------------------------------------------------------ output

    def passages(self) -> list[Passage]:
        self.find_structural()
        self.find_closing_lines()
        self.find_blockquotes()
        self.find_quote_credits()
        self.find_inline()
        self.attach_credits()
        self.find_links()
        out = []
        for n, cand in enumerate(sorted(self.found, key=lambda c: c.span.start), start=1):
            m = cand.mention
            urls: list[str] = []
            near: list[Link] = []
            for area in (cand.span, *cand.context, *([cand.cue] if cand.cue else [])):
                near.extend(self.link_index.overlapping(area))
            for link in sorted(near, key=lambda lk: lk.span.start):
                if self._near(cand, link.span) and link.href not in urls:
                    urls.append(link.href)
            confidence = cand.confidence * (1.0 if m.outlet else _UNKNOWN_OUTLET_FACTOR)
            cue_span = cand.cue
            cue_text = self.text[cue_span.start : cue_span.end].strip() if cue_span else ""
            if cand.kind in ("inline", "quote") and cue_span is not None:
                cue_span, cue_text = self.cue_phrase(cand.span, m)
            out.append(
                Passage(
                    id=f"P{n}",
                    text=self.text[cand.span.start : cand.span.end],
                    span=cand.span,
                    kind=cand.kind,
                    outlet=m.outlet,
                    outlet_name=m.written.strip(),
                    language=m.language,
                    cue=cue_text,
                    cue_span=cue_span,
                    confidence=round(confidence, 3),
                    urls=urls,
                    open_end=cand.open_end,
                )
            )
        return out

    def cue_phrase(self, span: Span, mention: _Mention) -> tuple[Span, str]:
        """The attribution words around the outlet name: "According to BILD", "told Der Spiegel"."""
        pre = self.text[span.start : mention.span.start]
        post = _after_apposition(mention, self.text[mention.span.end : span.end])
        start, end = mention.span.start, mention.span.end
        before = (
            self.lex.quote_before.search(pre)
            or self.lex.cue_before.search(pre)
            or self.lex.report_before.search(pre)
            or self.lex.closing_credit.search(pre)
        )
        if before:
            start = span.start + before.start() + (len(before.group(0)) - len(before.group(0).lstrip(" ,;:(—–-")))
        else:
            after = self.lex.cue_after.match(post)
            if after:
                end = span.end - len(post) + after.end()
        return Span(start, end), self.text[start:end].strip(" ,")


# --------------------------------------------------------------------------- small helpers


def _strip_span(text: str, start: int, end: int) -> tuple[int, int]:
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return start, end


def _strip(text: str, span: Span) -> Span:
    return Span(*_strip_span(text, span.start, span.end))


def _split_paragraphs(text: str) -> list[Paragraph]:
    """Blank-line paragraphs, for documents built without them."""
    out = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n[ \t]*\n|\s*$)", text, re.S):
        out.append(Paragraph(len(out), Span(m.start(), m.end()), m.group(0)))
    return out


def _find_quotes(text: str) -> list[QuoteSpan]:
    """Quotation-mark pairs within a paragraph (fallback when the document carries none)."""
    out: list[QuoteSpan] = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = _QUOTE_PAIRS.get(ch)
        if close is None or (ch in "'’‘" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        j = text.find(close, i + 1)
        limit = text.find("\n\n", i + 1)
        if j == -1 or (limit != -1 and j > limit):
            i += 1
            continue
        out.append(QuoteSpan(Span(i, j + 1), Span(i + 1, j), ch))
        i = j + 1
    return out


def _after_apposition(mention: _Mention, post: str) -> str:
    """Text after a name, without the comma closing an apposition ("the daily, Helsingin Sanomat, reported")."""
    name = mention.written
    if post.startswith(",") and re.search(r",\s+[^,]+$", name):
        return post[1:]
    return post


def _same_outlet(a: _Mention, b: _Mention) -> bool:
    if a.outlet is not None and b.outlet is not None:
        return a.outlet.id == b.outlet.id
    return a.outlet is None and b.outlet is None and a.written.lower() == b.written.lower()


def _is_homepage(url: str) -> bool:
    path = urlsplit(url).path
    return path in ("", "/") or len(path.strip("/")) < 3


_MONTHS = {
    "january",
    "february",
    "march",
    "april",
    "may",
    "june",
    "july",
    "august",
    "september",
    "october",
    "november",
    "december",
    "jan",
    "feb",
    "mar",
    "apr",
    "jun",
    "jul",
    "aug",
    "sep",
    "sept",
    "oct",
    "nov",
    "dec",
    "januar",
    "februar",
    "märz",
    "mai",
    "juni",
    "juli",
    "oktober",
    "dezember",
    "source",
    "quelle",
}


def _is_date_word(word: str) -> bool:
    return word.lower() in _MONTHS


# --------------------------------------------------------------------------- entry point


def find_passages(doc: Document, registry: OutletRegistry) -> list[Passage]:
    """The passages ``doc`` attributes to outlets, in document order, with ids P1, P2, ..."""
    if not doc.text.strip():
        return []
    return _Finder(doc, registry).passages()


def format_passages(passages: Sequence[Passage], *, width: int = 100) -> str:
    """Plain-text listing of passages for the terminal (the ``provenance passages`` command)."""
    import textwrap

    if not passages:
        return "no attributed passages found"
    blocks = []
    for p in passages:
        outlet = f"{p.outlet.name} [{p.outlet.id}]" if p.outlet else f"{p.outlet_name} [not in registry]"
        head = (
            f"{p.id}  {p.kind}  {outlet}  language={p.language or '?'}  confidence={p.confidence:.2f}"
            f"{'  open_end' if p.open_end else ''}"
        )
        cue = " ".join(p.cue.split()) or "-"
        lines = [head, f"  cue: {cue}", f"  span: {p.span.start}-{p.span.end}"]
        lines += [f"  url: {u}" for u in p.urls]
        for para in p.text.split("\n\n"):
            lines += textwrap.wrap(" ".join(para.split()), width=width, initial_indent="  | ", subsequent_indent="  | ")
        blocks.append("\n".join(lines))
    return "\n\n".join(blocks)
