"""Who a sentence's outlet is: an outlet described instead of named ("the Geneva daily"), an outlet relaying
another ("..., citing the business daily Yicai"), and sentences that go on reporting the same outlet."""

from __future__ import annotations

import re

from provenance.attribution.index import ArticleIndex
from provenance.attribution.lexicon import Lexicon
from provenance.attribution.patterns import CUE_WINDOW
from provenance.attribution.structures import Candidate, Mention, same_outlet, strip
from provenance.attribution.unknown import says_outlet
from provenance.attribution.vocabulary import words as listed
from provenance.attribution.voice import credit_tense, is_commentary, reports_in_present, tense
from provenance.model import Span


def is_description(lex: Lexicon, mention: Mention) -> bool:
    """A mention that describes an outlet by place and kind ("the Geneva daily") instead of naming it."""
    if mention.outlet is not None:
        return False
    words = mention.written.split()
    if words and words[0].lower() in ("the", "a"):
        words = words[1:]
    if "," in mention.written or not words or words[-1].lower() not in lex.descriptor_last_words:
        return False  # "Il Messaggero, the capital's other daily": a name with its description
    # (lower-case modifiers may come first: "the eastern Slovak daily", "the small Basque weekly")
    while words and words[0].islower():
        words = words[1:]
    capitalised = [w for w in words if w[:1].isupper()]
    if not capitalised or words[: len(capitalised)] != capitalised:
        return False
    # a place right before lower-case description words: one word ("the Zurich paper"), words the lexicon knows as
    # a place ("the St Petersburg news site"), or a few words none of which outlets' names carry ("the Ho Chi Minh
    # City daily"); "the Rheinische Post newspaper" names its outlet
    place = " ".join(capitalised)
    return (len(capitalised) == 1 or place.lower() in lex.demonyms
            or (len(capitalised) <= _MAX_PLACE_WORDS and not says_outlet(place, lex.unknown)))


_MAX_PLACE_WORDS = 4


_ARTICLES = frozenset(listed("articles.english"))


def by_kind_only(lex: Lexicon, written: str) -> bool:
    """ "a regional newspaper", "a Busan-based daily", "the eastern Slovak daily": an outlet described by no word
    of a name (a nationality is no name)."""
    words = [w for w in written.split() if w.lower() not in _ARTICLES]
    return "," not in written and all(w.islower() or w.endswith("-based") or w.lower() in lex.demonyms for w in words)


def unnamed(lex: Lexicon, mention: Mention) -> bool:
    """An outlet described, not named: by place and kind ("the Geneva daily") or by kind alone ("a regional
    newspaper"); a registered outlet or a name with its description ("Regió7, the Manresa-based daily") is named."""
    return mention.outlet is None and (is_description(lex, mention) or by_kind_only(lex, mention.written))


def outlet_kind(lex: Lexicon, mention: Mention) -> str | None:
    """What kind of outlet a mention names: the registry's kind, else its descriptor's ("the Yonhap news agency",
    "a Busan-based newspaper"); None when nothing says."""
    if mention.outlet is not None and mention.outlet.kind:
        # the registry's kinds are descriptor words too ("newspaper" -> print, "wire" -> agency); "online" is its own
        return lex.descriptor_kinds.get(mention.outlet.kind, mention.outlet.kind)
    words = mention.written.lower().split()
    for n in (2, 1):  # the longest descriptor at the end or before a name ("the news agency Yonhap")
        for i in range(len(words) - n, -1, -1):
            if (kind := lex.descriptor_kinds.get(" ".join(words[i : i + n]))) is not None:
                return kind
    return None


def kinds_agree(lex: Lexicon, a: Mention, b: Mention) -> bool:
    """A description and a name can be one outlet: their kinds agree, or one says nothing (a newspaper's
    website may be called its site)."""
    ka, kb = outlet_kind(lex, a), outlet_kind(lex, b)
    return ka is None or kb is None or ka == kb or {ka, kb} == {"print", "online"}


def antecedent(ix: ArticleIndex, mention: Mention) -> Mention:
    """The named outlet a description refers to: the last one named before it in its paragraph or the one
    above ("Le Temps has spoken to the minister. According to the Geneva daily, ..."); itself if none."""
    if not is_description(ix.lex, mention):
        return mention
    b = ix.block_at(mention.span)  # the mention's own paragraph (a continuation may credit one further up)
    i = ix.position(b)
    start = ix.blocks[i - 1].span.start if i > 0 else b.span.start
    named = [
        m
        for m in ix.mention_index.overlapping(Span(start, mention.span.start))
        if m.span.end <= mention.span.start and not is_description(ix.lex, m)
    ]
    return max(named, key=lambda m: m.span.start) if named else mention


def refers_back(lex: Lexicon, mention: Mention, prev: Candidate) -> bool:
    """The outlet named only by what and where it is ("The Groningen daily", "the Düsseldorf newspaper") right
    after another outlet's passage: the article describing that outlet again, not a new one."""
    return is_description(lex, mention) and not same_outlet(prev.mention, mention)


def relayed(ix: ArticleIndex, sent: Span, mention: Mention) -> Mention:
    """The original source when the credited outlet relays another ("..., Xinhua said, citing a survey
    published by the business daily Yicai"; "Citing Dziennik Bałtycki, the news site reported"): the words are the
    other outlet's."""
    for other in ix.mentions_in(sent):
        if same_outlet(other, mention) or is_description(ix.lex, other):
            continue
        if other.span.end <= mention.span.start:
            if _fronted_relay(ix, sent, other):
                return other
            continue
        if other.span.start <= mention.span.end:
            continue
        between = ix.text[mention.span.end : other.span.start]
        if len(between) > CUE_WINDOW:
            continue
        if ix.lex.relay.search(between):
            return other
        # "RBC, quoted by Reuters, said": RBC's words; "Yann Le Goff, quoted by Ouest-France": a name the registry
        # does not know, quoted by an outlet it knows, is the outlet's quotation
        if (mention.outlet is None and other.outlet is not None and ix.lex.quoted_by.search(between)
                and not _shows_outlet(ix, mention)):
            return other
    return mention


def _fronted_relay(ix: ArticleIndex, sent: Span, other: Mention) -> bool:
    """The sentence opens by citing the outlet ("Citing the daily X, ..."): a relay word, then up to a few words
    of description, then the name, with no clause between."""
    head = ix.text[strip(ix.text, sent).start : other.name_span.start]
    cues = list(ix.lex.relay.finditer(head))
    if not cues:
        return False
    after = head[cues[-1].end() :]  # the words between the last relay word and the name
    return not re.search(r"[,.;:!?\"“”«»]", after) and len(after) <= 40


def _shows_outlet(ix: ArticleIndex, mention: Mention) -> bool:
    """An unregistered name that says it is an outlet by its words ("Busan Ilbo", "Trud TV") or its description
    ("the regional daily X"): in "X, quoted by Y" it is X's report Y quotes, not a person Y quoted."""
    return mention.span != mention.name_span or says_outlet(mention.written, ix.lex.unknown)


def continues(ix: ArticleIndex, sent: Span, mention: Mention) -> bool:
    """The sentence keeps reporting the same outlet ("The paper added that ...")."""
    s = strip(ix.text, sent)
    text = ix.text[s.start : s.end]
    inside = ix.mentions_in(s)
    others = [o for o in inside if not same_outlet(o, mention) and not is_description(ix.lex, o)]
    if any(ix.inline_cue(s, o) for o in others):
        return False  # '"...," she told the Rheinische Post': another outlet's words now
    outside = ix.outside_quotes(s)
    if ix.lex.continuation.match(text) or ix.lex.continuation_tag.search(outside):
        return True
    if any(_by_the_outlet(ix.lex, outside, m) for m in ix.lex.by_the_outlet.finditer(outside)):
        return True  # "According to figures compiled by the paper, ...", "data obtained by the site
    if any(q.start <= s.start and s.end <= q.end + 1 for q in ix.quote_index.overlapping(s)):
        return True  # a quotation on its own after a quoted passage: the same speaker goes on
    if _by_kind(ix, s, outside, mention):
        return True
    return any(same_outlet(o, mention) and ix.inline_cue(s, o) for o in inside)


_PLACES = frozenset(listed("grammar.place_descriptions"))


def _by_the_outlet(lex: Lexicon, outside: str, m: re.Match[str]) -> bool:
    """ "told the site", "figures compiled by the site": the outlet again; but "to" a description that is also a
    place ("what will happen to the site, which sits on valuable land", "went to the station") only after a speech
    verb ("said to the site")."""
    words = m.group(0).lower().split()
    if words[-1] not in _PLACES or words[0] != "to":
        return True
    before = re.findall(r"[\w'’-]+", outside[: m.start()])
    return bool(before) and before[-1].lower() in lex.speech_verbs


def _by_kind(ix: ArticleIndex, s: Span, outside: str, mention: Mention) -> bool:
    """The outlet named again by a noun for its kind, in a reporting frame: "The agency, citing an official, said
    ..." after a news agency (after a newspaper, "the agency" is someone else)."""
    pattern = ix.lex.kind_anaphors.get(outlet_kind(ix.lex, mention) or "")
    if pattern is None:
        return False
    for m in pattern.finditer(outside):
        span = Span(s.start + m.start(), s.start + m.end())
        if ix.inline_cue(s, Mention(span, span, None, m.group(0), None)):
            return True
    return False


def carried_tenses(ix: ArticleIndex, credit: Span) -> tuple[str, ...]:
    """The tenses in which sentences after the credit go on with it: a report told in the present ("X reports",
    "X leads with") goes on in the past of its events too; a credit in the past, or a clause under "according to
    X", only in its own tense."""
    if reports_in_present(ix, credit):
        return ("present", "past")
    return ("present",) if credit_tense(ix, credit) == "present" else ("past",)


def goes_on(ix: ArticleIndex, sent: Span, tenses: tuple[str, ...], mention: Mention) -> bool:
    """A sentence with no cue of its own still renders the outlet credited before it in the paragraph (news
    paragraphs keep reporting their source) in one of the credit's ``tenses`` (``carried_tenses``), unless it
    names another outlet, moves to other news, is the author's own check ("The ministry would not confirm
    this.") or voice, or leaves the credit's past for the author's present ("Boat owners have announced a
    protest")."""
    s = strip(ix.text, sent)
    outside = ix.outside_quotes(s)
    lex = ix.lex
    if not _still_the_outlets(ix, s, outside, mention):
        return False
    if lex.topic_shift.match(outside) or lex.report_object.search(outside):
        return False
    return _told_tense(ix, s, outside) in tenses


def _still_the_outlets(ix: ArticleIndex, s: Span, outside: str, mention: Mention) -> bool:
    """What a sentence ``s`` with no cue of its own needs to go on with ``mention``'s report: it names no other
    outlet, and it is not the author's own check ("The ministry would not confirm this."), update ("Police later
    confirmed ...") or voice."""
    lex = ix.lex
    if any(not same_outlet(o, mention) and not is_description(lex, o) for o in ix.mentions_in(s)):
        return False
    if lex.negative.search(ix.text[s.start : s.end]) or lex.verification_note.search(outside):
        return False
    if lex.non_response.search(outside) or lex.afterwards.search(outside):
        return False
    return not is_commentary(ix, s)


_DOCUMENTS = frozenset(listed("grammar.document_subjects"))
_DETERMINERS = frozenset(listed("grammar.determiners")) | frozenset(listed("grammar.demonstratives"))


def tells_document(ix: ArticleIndex, sent: Span, before: Span, mention: Mention) -> bool:
    """A sentence whose subject is a document the report so far (``before``) named ("a draft of the plan, seen by
    the paper, sets ..." / "The draft also foresees ..."): the report goes on telling its contents, in the present
    whatever the credit's tense, unless the sentence names another outlet, is a check of the author's or their
    voice."""
    s = strip(ix.text, sent)
    outside = ix.outside_quotes(s)
    words = re.findall(r"[\w'’-]+", outside)
    if len(words) < 3 or words[0].lower() not in _DETERMINERS or words[1].lower() not in _DOCUMENTS:
        return False
    noun = words[1].lower().removesuffix("s")
    if not re.search(rf"\b{re.escape(noun)}s?\b", ix.text[before.start : before.end], re.I):
        return False
    return _still_the_outlets(ix, s, outside, mention)


def _told_tense(ix: ArticleIndex, s: Span, outside: str) -> str | None:
    """The sentence's tense, or its closing speech tag's ("The rise is largely down to the mall, the operator
    said."): reported words keep their own tense in English news, the tag says when they were reported."""
    tag = None
    for m in ix.lex.speech_tag.finditer(outside):
        rest = outside[m.end() :]
        if re.fullmatch(r"[\w\s'’-]{0,40}?[.!?]?[\s\"”’»)]*", rest):
            tag = m
    if tag is not None:
        told = tense(ix, Span(s.start + tag.start(), s.end))
        if told is not None:
            return told
    return tense(ix, s)
