"""Headlines credited after a dash, one per line: '"Budget: the least bad option" - Le Figaro'."""

from __future__ import annotations

import re
from collections import Counter
from dataclasses import replace

from provenance.attribution.anaphora import is_description
from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.patterns import (
    CONFIDENCE,
    LABELLED_HEADLINE,
    MAX_UNQUOTED_HEADLINES,
    QA_LABEL,
    WORD_RE,
    headline_credit,
)
from provenance.attribution.recognisers.structural import credits_other_outlet
from provenance.attribution.structures import Block, Candidate, Mention, same_outlet
from provenance.attribution.unknown import (
    credited_name,
    described_language,
    english_masthead,
    is_english_word,
    labelled_english,
    plainly_not_an_outlet,
    says_outlet,
)
from provenance.attribution.vocabulary import either, words
from provenance.attribution.voice import is_commentary
from provenance.model import Span
from provenance.segment import trim_span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    """Headlines credited after a dash or in brackets, then press-review items labelled with their outlet."""
    _credited_headlines(ix, ledger)
    _labelled_items(ix, ledger)


def _credited_headlines(ix: ArticleIndex, ledger: Ledger) -> None:
    """A headline without quotation marks counts for an outlet the registry knows or whose name says it is one,
    unless the page has many such lines (a menu of "Name – tagline" links)."""
    credits = [(b, credited_name(ix.text, b, ix.lex, quoted_only=False)) for b in ix.blocks]
    # (only tags that name an outlet count: "— our reporting", "— week 6" make no menu, and nor does a news item's
    # summary, a sentence a menu's tagline never is)
    menu = sum(
        name is not None and bool(ix.mentions_in(name)) and not _summary_line(ix.block_text(b))
        for b, name in credits
    ) >= MAX_UNQUOTED_HEADLINES
    press = _press_list(ix, credits)
    series = _summarised(ix, [b for b, name in credits if name is not None])
    for b, name in credits:
        head = headline_credit(ix.block_text(b)) if name is not None else None
        if head is None or name is None or ledger.is_claimed(b.span) or ix.lex.negative.search(ix.block_text(b)):
            continue  # (not a photo caption's credit: "Photo: the newsroom in Lisbon (Lusa)")
        quoted = head.group("head")[:1] in '"“„«'
        if menu and not quoted and not _summary_line(ix.block_text(b)):
            continue  # many "Name – tagline" lines: a menu, only quoted headlines and news items count
        mentions = [m for m in ix.mentions_in(name) if not is_description(ix.lex, m)]
        if not quoted:
            # an outlet the registry lacks counts when its name itself says outlet ("Népszava", "Kompas.com")
            mentions = [
                m
                for m in mentions
                if m.outlet is not None or says_outlet(ix.text[m.name_span.start : m.name_span.end], ix.lex.unknown)
            ]
        if not mentions and b in press and not ix.mentions_in(name):
            mentions = _listed_outlet(ix, name)
        if not mentions:
            continue
        span = Span(b.span.start + head.start("head"), b.span.start + head.end("head"))
        summary = _summary_under(ix, ledger, b, mentions[0], series=series)
        if summary is not None:
            span = Span(span.start, summary.end)
        mention = _with_details_language(ix, mentions[0], head.groupdict().get("details"))
        ledger.add(Candidate(span, "headline", mention, name, CONFIDENCE["headline"]), b.span)


def _summary_line(body: str) -> bool:
    """A credited line whose words before the dash are a full sentence ("Sabah will double its rural clinics next
    year. - Utusan Borneo"): a roundup's news item, not a "Name – tagline" entry of a site's menu."""
    head = headline_credit(body)
    if head is None or head.group("head")[:1] in '"“„«':
        return False
    text = head.group("head").rstrip(" *_")
    return text.endswith((".", "!", "?")) and len(WORD_RE.findall(text)) >= MIN_SUMMARY_WORDS


MIN_SUMMARY_WORDS = 8


def _labelled_items(ix: ArticleIndex, ledger: Ledger) -> None:
    """ "Name: headline" lines of a press review (see ``_labelled_item``)."""
    matches = {b: m for b in ix.blocks if (m := _label(ix, b)) is not None}
    names = {b: Span(b.span.start + m.start("name"), b.span.start + m.end("name")) for b, m in matches.items()}
    listed = _press_list(ix, [(b, names.get(b)) for b in ix.blocks])
    # a label that opens several paragraphs is a questioner's in a printed exchange, not a press review's item
    openers = Counter(m.group(1).lower() for b in ix.blocks if (m := _OPENING_LABEL.match(ix.block_text(b))))
    series = _summarised(ix, list(matches))
    for b, m in matches.items():
        name = names[b]
        if b in listed or openers[ix.text[name.start : name.end].strip(" *_").lower()] <= 1:
            _labelled_item(ix, ledger, b, m, name, b in listed, series=series)


def _label(ix: ArticleIndex, b: Block) -> re.Match[str] | None:
    """The match of a one-line block "Name: headline", when it is one."""
    body = ix.block_text(b)
    if b.kind not in ("heading", "paragraph", "list") or "\n" in body.strip():
        return None
    m = LABELLED_HEADLINE.fullmatch(body) if len(WORD_RE.findall(body)) <= MAX_LABELLED_ITEM_WORDS else None
    if m is None or QA_LABEL.match(body) or m.group("head").rstrip(" *_").endswith("?"):
        return None
    return m


MAX_LABELLED_ITEM_WORDS = 80  # a label, a headline and, on the same line after a dash, its summary


def _labelled_item(
    ix: ArticleIndex, ledger: Ledger, b: Block, m: re.Match[str], name: Span, listed: bool, *, series: bool = False
) -> None:
    """A press review's item labelled with its outlet and an unquoted headline ("Haniotika Nea: Gavdos ferry fares
    set to double", "JUZNE VESTI: Nis airport loses its winter route"), with the summary under it that goes on
    reporting the outlet ("The Chania daily says ..."). The label is the outlet's when the registry knows it, its
    name says outlet, the summary or the line itself speaks of an outlet, or the item stands in a press list; not
    a person, an English-language outlet, a kicker ("Explainer: ...") or ordinary English words ("Today: ...")."""
    if ledger.is_claimed(b.span) or ix.lex.negative.search(ix.block_text(b)):
        return
    written = ix.text[name.start : name.end]
    words = WORD_RE.findall(written)
    if len(words) > _MAX_LABEL_WORDS or labelled_english(written) or english_masthead(written, ix.lex):
        return
    if " ".join(words).lower() in _KICKERS:
        return
    if any(w.islower() and is_english_word(w) for w in words[1:]):
        return  # "Ukrainska Pravda reports: ...", "Caucasus press review: ...": a sentence or a title, not a name
    # the registry's outlet when it is the whole label ("Postimees" in "Tartu Postimees" is another paper)
    known = [x for x in ix.mentions_in(name) if x.outlet is not None and not is_description(ix.lex, x)
             and ix.text[x.name_span.start : x.name_span.end].strip(" *_") == written.strip(" *_")]
    if known:
        mention = known[0]
    elif plainly_not_an_outlet(written, ix.text, name, ix.lex) or all(is_english_word(w) for w in words):
        return
    else:
        mention = Mention(name, name, None, written, None)
    head = Span(b.span.start + m.start("head"), b.span.start + m.end("head"))
    if not known and written.isupper() and ix.text[head.start : head.end].isupper():
        return  # "IBADAN: A CHIEFTAINCY ROW GOES TO COURT": a dateline over a headline in capitals, one heading
    if any(x.outlet is not None or not is_description(ix.lex, x) for x in ix.mentions_in(head)):
        return  # the line credits an outlet of its own: a speaker's words in a transcript ("PIOTR: ... X reported")
    dash = _DASH_SUMMARY.search(ix.text, head.start, head.end)  # "... estimate — the Kaunas daily says ..."
    line_says = dash is not None and ix.lex.outlet_anaphor.search(ix.text[dash.end() : head.end]) is not None
    mention = _with_details_language(ix, mention, m.group("details"))
    described = mention.language is not None and mention.outlet is None  # "(Ranchi, Hindi)" after the name
    evidence = known or listed or line_says or described or says_outlet(written, ix.lex.unknown)
    summary = _summary_under(ix, ledger, b, mention, series=series and evidence)
    if not (evidence or summary is not None):
        return
    span = Span(head.start, summary.end) if summary is not None else head
    ledger.add(Candidate(span, "headline", mention, name, CONFIDENCE["headline"]), b.span)


_MAX_LABEL_WORDS = 4
_DASH_SUMMARY = re.compile(r"\s[—–-]\s")
_KICKERS = frozenset(w.lower() for w in words("layout.kicker_labels"))


def _summary_under(
    ix: ArticleIndex, ledger: Ledger, b: Block, mention: Mention, *, series: bool = False
) -> Span | None:
    """The paragraph under a press review's headline that goes on reporting its outlet ("The independent daily
    says ...", "..., the news site reported."; in a ``series`` of items, one under the other, any paragraph that
    sums up the story): one item with the headline. Not a paragraph that credits another outlet or is the
    reviewer's own ("Not much new here: ...")."""
    nxt = ix.next_block(ix.position(b))
    if (nxt is None or nxt.kind != "paragraph" or ledger.is_claimed(nxt.span)
            or credits_other_outlet(ix, nxt, mention, by_description=False)):
        return None
    if _ABOUT_HEADLINE.match(ix.block_text(nxt)):
        return None  # "That headline could have been written any year": the reviewer on the headline
    if ix.lex.topic_shift.match(ix.block_text(nxt)):
        return None  # "Elsewhere, the weekly supplements ...": the review moves on to other papers
    unquoted = ix.outside_quotes(nxt.span)
    again = ix.lex.outlet_anaphor.search(unquoted) or any(
        same_outlet(m, mention) for m in ix.mentions_in(nxt.span))
    if not (again or series) or is_commentary(ix, nxt.span) or ix.lex.negative.search(ix.block_text(nxt)):
        return None
    return Span(*trim_span(ix.text, nxt.span.start, nxt.span.end))


def _summarised(ix: ArticleIndex, items: list[Block]) -> bool:
    """Two or more items, and the text above the first says the review sums up the outlets' stories."""
    if len(items) < 2:
        return False
    first = min(ix.position(b) for b in items)
    return any(_SUMMARY.search(ix.block_text(b)) for b in ix.blocks[:first])


_SUMMARY = re.compile(rf"\b(?:{either(words('layout.summary_words'))})\b", re.I)


def _with_details_language(ix: ArticleIndex, mention: Mention, details: str | None) -> Mention:
    """The outlet's language from its label's brackets ("(Ranchi, Hindi)"), when nothing else gave one."""
    if mention.language is not None or not details:
        return mention
    language = described_language(details, ix.lex)
    return mention if language is None else replace(mention, language=language)


_ABOUT_HEADLINE = re.compile(
    rf"\W*(?:{either(words('layout.headline_pointers'))})\s+(?:{either(words('layout.headline_nouns'))})s?\b", re.I
)
_OPENING_LABEL = re.compile(r"[\s*_>#-]*([^\n:]{1,60}?)[\s*_]*:\s")
_BULLET = re.compile(r"[*•–-]\s")  # a list item in plain text: "* Da Nang to turn ... (Bao Da Nang)"
_PRESS = re.compile(rf"\b(?:{either(words('layout.press_words'))})\b", re.I)


def _press_list(ix: ArticleIndex, credits: list[tuple[Block, Span | None]]) -> set[Block]:
    """The list items of a press review's headline list ("- Cluj airport to add night flights (Monitorul de
    Cluj)") or its news items, one a line ("Sabah will double its rural clinics. - Utusan Borneo"): two or more
    items credited to a name, one of them an outlet the registry knows or whose name says so,
    or a heading or paragraph above the first that speaks of the press ("Front pages", "Local media")."""
    items = [(b, name) for b, name in credits if name is not None
             and (b.kind == "list" or _BULLET.match(ix.block_text(b)) or _summary_line(ix.block_text(b)))]
    if len(items) < 2:
        return set()
    known = any(m.outlet is not None or says_outlet(ix.text[m.name_span.start : m.name_span.end], ix.lex.unknown)
                for _, name in items for m in ix.mentions_in(name))  # type: ignore[arg-type]
    first = ix.position(items[0][0])
    above = [ix.block_text(b) for b in ix.blocks[max(0, first - 3) : first] if b.kind in ("heading", "paragraph")]
    if not known and not any(_PRESS.search(t) for t in above):
        return set()
    return {b for b, _ in items}


def _listed_outlet(ix: ArticleIndex, name: Span) -> list[Mention]:
    """The name crediting an item of a press list, as an outlet the registry lacks: a name (not "our own
    reporting"), not a body ("Office for Kosovo and Metohija"), a person or an English-language site ("Romania
    Insider", "The Local (English)")."""
    written = ix.text[name.start : name.end]
    if (not written[:1].isupper() or labelled_english(written) or plainly_not_an_outlet(written, ix.text, name, ix.lex)
            or english_masthead(written, ix.lex)):
        return []
    return [Mention(name, name, None, written, None)]
