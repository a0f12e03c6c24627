"""Outlets the registry does not know, recognised from the reporting frame around a name.

A capitalised name standing where a source stands ("X reported that", "told X", "according to X", "in an
interview with X") is a source; it is taken for a news outlet only on evidence beyond the frame, none of which
needs the registry:

- words outlets' names carry in many languages ("Zeitung", "Sanomat", "Noviny", "TV", "Radio");
- a domain name ("Onet.pl");
- a frame only outlets take: "X reported that", "X leads with", "told X", "in an interview with X";
- the article calling it "the paper", "the broadcaster" within the next sentences;
- a foreign article opening a title ("Le Temps", "To Vima", "De Stentor");
- an acronym with an outlet-only frame ("TBS reported that").

People, places and organisations are told apart first: a title before the name, the name as the surname of a
longer name elsewhere in the article ("Kai Diekmann" ... "Diekmann said"), a pronoun after "X said", a place or
organisation word, a known non-outlet body ("NATO", "Eurostat"), or a name made only of ordinary English words
("Police", "Officials"). A name accepted once is an outlet wherever the article names it again.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass
from functools import cache

from provenance.attribution.cues import on_programme
from provenance.attribution.lexicon import Lexicon, UnknownOutletWords
from provenance.attribution.mentions import widen_start
from provenance.attribution.patterns import (
    APPOSITION_STOP,
    DASH_CREDIT,
    DATELINE,
    MAX_CREDIT_WORDS,
    MAX_HEADLINE_WORDS,
    NAME_RE,
    WORD_RE,
    headline_credit,
)
from provenance.attribution.structures import Block, Mention, SpanIndex, strip
from provenance.attribution.vocabulary import either
from provenance.attribution.vocabulary import words as listed
from provenance.languages import english_name_code
from provenance.model import Span

# a domain name standing as an outlet's name: "Onet.pl", "Delfi.lt", "Seznam Zprávy.cz" is not one
_DOMAIN = re.compile(
    r"(?<![\w@/.-])(?P<name>[A-Za-z0-9][\w-]{1,40}(?:\.[A-Za-z][\w-]{1,40})?\.(?P<tld>[a-z]{2,3}))(?![\w.-])"
)
_NAME = re.compile(NAME_RE)
_ACRONYM = re.compile(rf"[A-ZÀ-Þ0-9]{{2,6}}(?:[ -](?:{either(listed('unknown_outlets.acronym_suffixes'))}|[0-9]+))?")
_INDEFINITE = frozenset(listed("articles.indefinite"))
_PARTICLES = frozenset(listed("names.particles"))  # "Ziarul de Iași": a name's particle is no English word
_OPENING_MARKS = " \t\"“'‘("  # what may stand before a sentence's first word
_FOREIGN_ARTICLE = re.compile(
    rf"(?:(?:{either(listed('unknown_outlets.title_articles'))})\s|L['’](?=[A-ZÀ-Þ]))", re.UNICODE
)  # (an elided article joins its noun: "L'Eco di Bergamo", "L'Unione Sarda")
OUTLET_POSSESSIVE = re.compile(
    rf"['’]s\s+(?:[\w-]+\s+)?(?:{either(listed('unknown_outlets.possessive_nouns'))})\b",
    re.I,
)
# the endings of a nationality's adjective ("German", "Japanese", "Polish", "Czech", "Icelandic", "Israeli", "Swiss")
_DEMONYM_ENDINGS = tuple(listed("unknown_outlets.demonym_endings"))
_GIVEN_NAME = re.compile(r"[A-ZÀ-ÞА-Я][a-zß-ÿа-я'’-]+")


@dataclass(frozen=True)
class _Occurrence:
    span: Span
    wide: Span  # with the description before the name
    sentence: Span
    cue: str | None


def find_unknown_outlets(
    text: str,
    blocks: Sequence[Block],
    known: list[Mention],
    lex: Lexicon,
    cue_of: Callable[[Span, Mention], str | None],
    name_language: Callable[[str], str | None],
    is_english_word: Callable[[str], bool],
    is_registered: Callable[[str], bool],
) -> list[Mention]:
    """Mentions of outlets missing from the registry, recognised from their reporting frames.

    ``cue_of(sentence, mention)`` is the finder's frame test; ``is_english_word`` tells ordinary English words
    from names."""
    ev = lex.unknown
    taken = SpanIndex((m.span, m) for m in known)
    by_name: dict[str, list[_Occurrence]] = {}
    scores: dict[str, int] = {}
    people = _people(text, lex)
    for b in blocks:
        if b.kind == "heading":
            continue
        credited = credited_name(text, b, lex)
        for k, raw_sent in enumerate(b.sentences):
            sent = strip(text, raw_sent)
            hinted = lex.frame_hint.search(text, sent.start, sent.end) is not None
            # "Izmir's Yeni Asır put a number on it. The newspaper found that ...": the next sentence opens on the
            # outlet named again as its subject, reporting; this one's subject is that outlet
            nxt = strip(text, b.sentences[k + 1]) if k + 1 < len(b.sentences) else None
            named_next = nxt is not None and _reports_as_subject(text[nxt.start : nxt.end], lex)
            if not hinted and not named_next and (credited is None or not sent.contains(credited)):
                continue  # no cue word at all: no frame (the cheap test that keeps long articles fast)
            spans = _names(text, sent, lex)
            if credited is not None and sent.contains(credited):
                # the whole credit is the name, lower-case words and all ("Source: Klaipėdos diena")
                spans = [credited, *(sp for sp in spans if not sp.overlaps(credited))]
            for span in spans:
                if any(m.span.overlaps(span) for m in taken.overlapping(span)):
                    continue
                name = text[span.start : span.end]
                if name not in scores and plainly_not_an_outlet(name, text, span, lex):
                    continue  # (cheap tests before the frame test)
                # "the Thessaloniki daily X", not the time or dateline before it
                floor = min(_after_dateline(text, sent), span.start)
                wide = Span(max(widen_start(text, span.start, lex), floor), span.end)
                probe = Mention(wide, span, None, text[wide.start : wide.end], None)
                credit = credited is not None and credited.contains(span)
                cue = "source" if credit else cue_of(sent, probe)
                if (cue is not None or name in scores) and is_registered(name):
                    continue  # the finder asks the registry itself ("Source: spiegel.de")
                by_name.setdefault(name, []).append(_Occurrence(span, wide, sent, cue))
                after = b.sentences[k + 1 : k + 3]
                following = text[after[0].start : after[-1].end] if after else ""
                if (cue is None and named_next and not ev.news_about.match(text[span.end : sent.end])
                        and not text[_after_dateline(text, sent) : wide.start].strip(_OPENING_MARKS)):
                    # no frame here, but the name opens the sentence and the next one goes on "The newspaper found"
                    score = _score(text, span, sent, following, ev, lex, people, is_english_word, wide=wide)
                elif cue is None:
                    # no frame here, but the article goes on to describe it as an outlet: "Le Temps has spoken to
                    # the minister. According to the Geneva daily, ..." (that frame then finds its antecedent)
                    if not lex.place_anaphor.search(following):
                        continue
                    score = _score(text, span, sent, following, ev, lex, people, is_english_word, wide=wide) - 2
                else:
                    score = _score(
                        text, span, sent, following, ev, lex, people, is_english_word, credit=credit, wide=wide
                    )
                scores[name] = max(scores.get(name, -99), score)
    out: list[Mention] = []
    for name, score in scores.items():
        if score < ev.threshold:
            continue
        # the language its descriptions give ("the German daily X", "the Athens daily X"), else its name's
        described = (described_language(text[o.wide.start : o.span.start], lex) for o in by_name[name])
        language = next((lang for lang in described if lang), None) or _language(name, ev, name_language)
        for occ in by_name[name]:
            if not any(m.span.overlaps(occ.span) for m in taken.overlapping(occ.span)):
                mention = Mention(occ.wide, occ.span, None, text[occ.wide.start : occ.wide.end], language)
                out.append(mention)
                taken.add(occ.wide, mention)
    return sorted(out, key=lambda m: m.span.start)


def _reports_as_subject(sentence: str, lex: Lexicon) -> bool:
    """The sentence opens on an outlet named by what it is, reporting ("The newspaper found that ..."), not news
    about the outlet's own people or business ("The paper has moved its staff")."""
    body = sentence.lstrip(_OPENING_MARKS)
    opening = lex.outlet_anaphor.match(body)
    if opening is None or lex.continuation.match(sentence) is None or lex.outlet_own.search(sentence):
        return False
    # (not "The public broadcaster STVR was warned": another outlet, named after its description)
    return _NAME.match(body[opening.end() :].lstrip()) is None



def credited_name(text: str, b: Block, lex: Lexicon, *, quoted_only: bool = True) -> Span | None:
    """The name a credit line gives: "Source: iDNES.cz", '"The Urals count the cost" - Ura.ru' (a headline in
    quotation marks unless ``quoted_only`` is off: "Name – tagline" lines are a site's menu as often as not)."""
    body = text[b.span.start : b.span.end]
    source = lex.source_line.match(body)
    if source:
        return Span(b.span.start + source.start("name"), b.span.start + source.end("name"))
    dash = DASH_CREDIT.fullmatch(body)  # "— Makedonia, 24 July 2025" under a quotation
    if dash and len(WORD_RE.findall(body)) <= MAX_CREDIT_WORDS:
        return Span(b.span.start + dash.start("name"), b.span.start + dash.end("name"))
    if "\n" in body or len(body) > 400 or len(WORD_RE.findall(body)) > MAX_HEADLINE_WORDS:
        return None  # (cheap tests first: the headline pattern backtracks on long lines)
    headline = headline_credit(body)
    if headline and (headline.group("head")[:1] in '"“„«' or not quoted_only):
        if any(w.islower() and w not in _PARTICLES and is_english_word(w)
               for w in WORD_RE.findall(headline.group("name"))[1:]):
            return None  # "Tampere tram chief: "..."": a speaker's role over the words quoted, not a masthead
        return Span(b.span.start + headline.start("name"), b.span.start + headline.end("name"))
    return None


def _after_dateline(text: str, sent: Span) -> int:
    """Where a sentence's own words start: after a live blog's time or a dateline ("08:45 GMT", "BERLIN —"),
    which are no part of a name."""
    lead = DATELINE.match(text, sent.start, sent.end)
    return lead.end() if lead else sent.start


def _names(text: str, sent: Span, lex: Lexicon) -> list[Span]:
    """Capitalised names and domain names in a sentence, without the sentence's opening words."""
    out: list[Span] = []
    at = _after_dateline(text, sent)
    body = text[at : sent.end]
    for m in _DOMAIN.finditer(body):
        out.append(Span(at + m.start("name"), at + m.end("name")))
    for m in _NAME.finditer(body):
        words = list(WORD_RE.finditer(m.group(0)))
        described = re.match(r"\s+([a-z]+)", body[m.end() :])  # "A Guangzhou newspaper": an English article
        described = described is not None and described.group(1) in lex.descriptor_last_words
        while words and (_opener(words[0].group(), lex) or _adjective(words[0].group(), lex)):
            article = _FOREIGN_ARTICLE.match(m.group(0)[words[0].start() :])
            if article and len(words) == 2 and not described:
                break  # "Le Temps", "To Vima": the article belongs to the title ("As Le Télégramme": it does not)
            words.pop(0)
        if not words or all(w.group().endswith("-language") for w in words):
            continue  # "The Arabic-language newspaper": a description
        start = at + m.start() + words[0].start()
        end = at + m.end()
        # a title may end in a lower-case title word: "Hospodářské noviny", "Klaipėdos diena"
        tail = re.match(r"[ \t]+([a-zß-ÿā-ž][\w'’-]*)", text[end : sent.end])
        if tail and tail.group(1).lower() in lex.unknown.name_words:
            end += tail.end()
        name = re.sub(r"['’]s$", "", text[start:end].rstrip("."))  # "France Bleu's programme"
        span = Span(start, start + len(name))
        if len(name) >= 2 and not any(s.overlaps(span) for s in out):
            out.append(span)
    return out


def _opener(word: str, lex: Lexicon) -> bool:
    """A sentence's opening word before a name, or its possessive: "On Monday X", "Thursday's X" (an edition)."""
    lower = word.lower()
    return lower in lex.sentence_openers or (lower.endswith(("'s", "’s")) and lower[:-2] in lex.sentence_openers)


def _adjective(word: str, lex: Lexicon) -> bool:
    """A nationality or place adjective before a name ("German", "Dutch"), not a country opening a title
    ("France Bleu", "Radio France" keep theirs)."""
    return word.lower() in lex.demonyms and word.lower().endswith(_DEMONYM_ENDINGS)


def _people(text: str, lex: Lexicon) -> set[str]:
    """Surnames the article introduces as people: the last word of "Kai Diekmann", "Senator Lee"."""
    out: set[str] = set()
    # (on one line: a heading's last word and the next paragraph's first are no name: "Kerala" / "Dinamalar")
    for m in re.finditer(rf"\b({_GIVEN_NAME.pattern})[ \t]+({_GIVEN_NAME.pattern})\b", text):
        first, last = m.group(1), m.group(2)
        opener = first.lower() in lex.sentence_openers or first.lower() in lex.demonyms
        if first.endswith(("'s", "’s")):
            continue  # "Thursday's Korzar", "Maribor's Vecer": a possessive, no given name
        if opener or _FOREIGN_ARTICLE.match(first + " "):
            continue
        out.add(last)
        if first.rstrip(".").lower() in lex.honorifics:
            out.add(last)
    return out


def _score(
    text: str,
    span: Span,
    sent: Span,
    following: str,
    ev: UnknownOutletWords,
    lex: Lexicon,
    people: set[str],
    is_english_word: Callable[[str], bool],
    *,
    credit: bool = False,
    wide: Span | None = None,
) -> int:
    """Points for the name at ``span`` being an outlet; -99 when it is a person, place or organisation."""
    name = text[span.start : span.end]
    words = WORD_RE.findall(name)
    pre = text[sent.start : (wide or span).start]  # before the description too: "writes [reformist] Sharq"
    post = text[span.end : sent.end]
    # people, places and organisations are no outlets
    if plainly_not_an_outlet(name, text, wide or span, lex):
        return -99
    if len(words) == 1 and name in people:
        return -99
    apposition = _apposition(post, ev, lex)
    if ev.person_pronouns.match(post) or apposition == "agent":
        return -99
    named = says_outlet(name, ev)
    if len(re.findall(rf"(?m)^[ \t]*{re.escape(name)}[ \t]*:", text)) >= 2 and apposition != "outlet":
        # "MARTIN REYES: ..." line after line: a speaker's label in a transcript (an outlet described as one may be
        # the interviewer's label: "an interview to X, an independent newspaper, ..." then "X: ...")
        return -99
    ordinary = not named and all(not w.isupper() and is_english_word(w) for w in words)
    score = 1  # the frame
    if named:
        score += 3
    strong = bool(
        credit  # a "Source:" line or a headline's dash credits an outlet
        or ev.strong_before.search(pre)
        or ev.strong_after.match(post)
        or ev.outlet_verbs.match(post)
        or on_programme(lex, pre, post)
        or lex.edition.search(pre) is not None  # "Thursday's Korzar added": only a paper has a Thursday's
        or OUTLET_POSSESSIVE.match(post) is not None  # "X's editorial argues": only outlets have editorials
        or apposition == "outlet"
    )
    described = bool(lex.outlet_anaphor.search(following) or lex.place_anaphor.search(following))
    # (a sentence's first word is capitalised whatever it is: "It reported")
    opens = not text[_after_dateline(text, sent) : span.start].strip(_OPENING_MARKS)
    reports = bool(ev.strong_after.match(post) or ev.outlet_verbs.match(post))  # "X reported that", as its subject
    if ordinary and (opens or not (reports and described)):
        # "Police", "Officials", "State Media": ordinary words, not a title; unless an outlet's frame names it and the
        # article goes on to call it a paper ("Globes reported ... According to the business daily, ...")
        return -99
    if strong:
        score += 2
    if described:
        score += 2
    if _FOREIGN_ARTICLE.match(name) and len(words) >= 2:
        score += 1
    if strong and _ACRONYM.fullmatch(name):
        score += 1
    return score


# ", a rolling-stock engineer who ...": an apposition right after the name, up to its first clause or preposition
_APPOSITION = re.compile(rf"^\s*,\s+(?:(?:{either(listed('articles.english'))})\s+)?(?P<desc>[^,.;:()\"“”«»]{{1,100}})",
                         re.I)
_HEAD_END = re.compile(rf"\s+(?P<stop>{APPOSITION_STOP})\b", re.I)
_PARTICIPLE_ENDINGS = ("ed", "run", "known")
# relative pronouns of people, after a name or its description: outlets take "which"
_PERSON_RELATIVES = frozenset(listed("grammar.person_relatives"))


def _apposition(post: str, ev: UnknownOutletWords, lex: Lexicon) -> str | None:
    """What an apposition right after the name says it is: "outlet" ("Dnevnik Vardar, a regional broadcaster"),
    "agent" (somebody who does a job, a person or a firm: "Konrad Pietsch, a rolling-stock engineer who advises
    operators", "Ines Duarte, an analyst at ..."), else None."""
    m = _APPOSITION.match(post)
    if not m:
        return None
    desc = m.group("desc")
    opening = WORD_RE.search(desc)
    if opening is not None and opening.group(0).lower() in _PERSON_RELATIVES:
        return "agent"  # "said Mitsuko Tanabe, who runs a guesthouse"
    cut = _HEAD_END.search(desc)
    words = WORD_RE.findall(desc[: cut.start()] if cut else desc)
    while len(words) > 1 and words[-1].islower() and words[-1].endswith(_PARTICIPLE_ENDINGS):
        words.pop()  # "an independent newspaper based in ...", "a weekly owned by ...": the head is before it
    if not words or words[-1][:1].isupper():
        return None  # "X, Germany's Der Spiegel": a name, not a description
    head = words[-1].lower()
    if head in lex.descriptor_last_words:
        return "outlet"
    if head in ev.agent_not_person or head in ev.name_words:
        return None
    if cut and cut.group("stop").lower() in _PERSON_RELATIVES:
        return "agent"  # "X, a [...] who"
    return "agent" if len(head) > 3 and head.endswith(ev.agent_endings) else None


def says_outlet(name: str, ev: UnknownOutletWords) -> bool:
    """The name itself says it is an outlet: it carries a word outlets' names carry ("Népszava", "Trud TV",
    "Radio-Canada"), ends like a compound masthead ("Fiskeribladet") or is a domain ("Kompas.com")."""
    lower = [w.lower() for w in WORD_RE.findall(name)]
    return (any(part in ev.name_words for w in lower for part in (w, *w.split("-")))
            or any(w.endswith(end) and len(w) >= len(end) + _COMPOUND_STEM
                   for w in lower for end in ev.compound_endings)
            or bool(_DOMAIN.fullmatch(name)))


_COMPOUND_STEM = 3  # letters before a compound masthead's ending: "Fiskeri-bladet", not "Davis"


def plainly_not_an_outlet(name: str, text: str, span: Span, lex: Lexicon) -> bool:
    """A title before it, a first name ("Anna Kowalska reported", "Franz Zeitung, the chairman"), an
    organisation word or a place, a known non-outlet body, a place with "-based": no frame makes it an outlet."""
    ev = lex.unknown
    words = WORD_RE.findall(name)
    if not words or name in ev.not_outlets or any(w in ev.not_outlets for w in words):
        return True
    before = WORD_RE.findall(text[max(0, span.start - 20) : span.start])
    if before and before[-1].rstrip(".").lower() in lex.honorifics:
        return True
    if before and before[-1].lower() in _INDEFINITE and all(w[:1].isupper() and "-" not in w for w in words):
        after = re.match(r"\s+([a-z]+)", text[span.end : span.end + 30])
        if after and after.group(1) in lex.descriptor_last_words:
            return True  # "a Guangzhou newspaper": a place describing an outlet, named later if at all
    lower = [w.lower() for w in words]
    if len(words) > 1 and lower[0] in lex.honorifics:
        return True  # the title opens the name: "Dr Mihaela Popa, said"
    if lower[-1].endswith("-based"):
        return True  # "A Sapporo-based newspaper": a description, named later if at all
    if " ".join(lower) in lex.demonyms or any(w in ev.org_words for w in lower):
        return True
    return len(words) >= 2 and words[0].title() in ev.given_names


def described_language(description: str, lex: Lexicon) -> str | None:
    """The language a description gives an outlet: "the Malay-language daily", "Finland's", "(Ranchi, Hindi)"."""
    # "Finland's", "the Malay-language daily": the demonym without its possessive or "-language"
    words = [w.lower().removesuffix("'s").removesuffix("’s").removesuffix("-language")
             for w in WORD_RE.findall(description)]
    found = next((lex.demonyms[w] for w in words if w in lex.demonyms), None)
    if found is not None:
        return found
    # ... or a language's English name, capitalised: "the Yoruba-language weekly", "the Hausa daily"
    names = [w.removesuffix("-language") for w in WORD_RE.findall(description) if w[:1].isupper()]
    return next((code for w in names if (code := english_name_code(w)) is not None), None)


_ENGLISH_LABELS = tuple(listed("unknown_outlets.english_labels"))


def labelled_english(written: str) -> bool:
    """The name as written says the outlet writes in English ("the English-language service", "(English)")."""
    return any(label in written for label in _ENGLISH_LABELS)


def english_masthead(name: str, lex: Lexicon) -> bool:
    """The name is an English masthead ("Helsinki Times", "Kyiv Independent", "DutchNews.nl"): an English
    newspaper word with places, English words or initials, and no foreign article ("Le Journal") or foreign name
    ("Xinmin Evening News" is a Chinese paper's English name)."""
    ev = lex.unknown
    words = re.findall(r"[A-Z]?[a-z]+|[A-Z]+(?![a-z])", name.split(".")[0] if "." in name else name)
    if not any(w[0].isupper() and w.lower() in ev.english_mastheads for w in words):
        return False  # a masthead is capitalised: "the Shanghai-based news outlet" describes, it does not name
    for w in words:
        low = w.lower()
        if low in ev.foreign_articles:
            return False
        if low in ev.english_mastheads or low in lex.demonyms or (w.isupper() and len(w) <= 3):
            continue
        if not is_english_word(w):
            return False
    return True


def _language(name: str, ev: UnknownOutletWords, name_language: Callable[[str], str | None]) -> str | None:
    domain = _DOMAIN.fullmatch(name)
    if domain and domain.group("tld") in ev.tld_languages:
        return ev.tld_languages[domain.group("tld")]
    return name_language(name)


# simplemma's English dictionary as a run keeps it: the Checker sets a lookup in its memory-mapped copy (the lemma
# tries under the cache dir, the same words); elsewhere simplemma's own, LZMA-compressed, read in about 0.15 s
_ENGLISH: ContextVar[Callable[[str], bool] | None] = ContextVar("provenance_english_words", default=None)


@contextmanager
def english_words(known: Callable[[str], bool]) -> Iterator[None]:
    """Inside the block, ``is_english_word`` asks ``known`` (a lookup in simplemma's English dictionary, lower-cased
    word in) instead of loading simplemma's own copy of that dictionary."""
    token = _ENGLISH.set(known)
    try:
        yield
    finally:
        _ENGLISH.reset(token)


@cache  # the same answer from either copy of the dictionary
def is_english_word(word: str) -> bool:
    """An ordinary English word ("police", "officials"), not a name: simplemma's English dictionary knows it."""
    known = _ENGLISH.get()
    if known is not None and word:  # (simplemma refuses an empty word: left to it)
        return bool(known(word.lower()))
    import simplemma  # imported on first use: its English dictionary loads in about 0.2 s

    return bool(simplemma.is_known(word.lower(), lang="en"))
