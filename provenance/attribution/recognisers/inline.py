"""Inline attribution, one or more whole sentences: "According to BILD, ...", "X reported that", ", reports X",
"... told X", "citing X", direct quotes "as quoted by X" (kind ``quote``), with the sentences that go on
reporting the same outlet ("The paper added that ..."), an outlet described instead of named ("The Zurich paper
writes") and an outlet relaying another ("..., citing Fontanka")."""

from __future__ import annotations

import re
from dataclasses import replace

from provenance.attribution.anaphora import (
    antecedent,
    carried_tenses,
    continues,
    goes_on,
    is_description,
    kinds_agree,
    outlet_kind,
    refers_back,
    relayed,
    tells_document,
    unnamed,
)
from provenance.attribution.cues import Cue, announces_interview
from provenance.attribution.index import ArticleIndex
from provenance.attribution.ledger import Ledger
from provenance.attribution.patterns import (
    CONFIDENCE,
    DATELINE,
    LABEL,
    POST_NUMBER,
    QA_LABEL,
    QUOTE_PAIRS,
    SPEAKER_LABEL,
    WORD_RE,
)
from provenance.attribution.recognisers.structural import credits_other_outlet
from provenance.attribution.structures import Block, Candidate, Mention, goes_on_with, same_outlet, strip
from provenance.attribution.voice import is_commentary
from provenance.model import Span
from provenance.segment import trim_span


def recognise(ix: ArticleIndex, ledger: Ledger) -> None:
    text, lex = ix.text, ix.lex
    for b in ix.blocks:
        if b.kind == "heading":
            continue
        k = 0
        described_at = _first_description(ix, b)
        while k < len(b.sentences):
            sent = strip(text, b.sentences[k])
            if (ledger.is_claimed(sent) or lex.negative.search(text[sent.start : sent.end])
                    or _announces_claimed(ix, ledger, b, k)):
                k += 1
                continue
            hit = next(ix.credits(sent), None)  # the first outlet the sentence credits
            if hit is not None and announces_interview(text, lex, sent, hit[0]):
                k += 1
                continue
            before = strip(text, b.sentences[k - 1]) if k > 0 else None
            if hit is not None and before is not None and (_described_lede(ix, ledger, before)
                                                           or _credited_back(ix, ledger, before, sent)):
                sent = Span(before.start, sent.end)
            if hit is None:
                hit = described_outlet(ix, b, sent)
            if hit is None and k <= described_at:
                # "Local patience is wearing thin. The mayor told the paper ...": the outlet credited above, named
                # again by what it is, from that sentence on; '"A real tribute," said the yard's director. He told
                # the paper ...': a paragraph of quotations whose speaker spoke to it is its own from the start.
                # Not after "X, the city's main daily, put it ...": "the paper" is then that one
                hit = paragraph_continuation(ix, ledger, sent)
                if hit is not None and k > 0 and all(_opens_with_quote(ix, s, ledger) for s in b.sentences[:k]):
                    sent = Span(strip(text, b.sentences[0]).start, sent.end)
            if hit is None and before is not None:
                # "X had a lower figure. In its edition, the paper put it at ...": the outlet named without a cue
                # in the sentence before is the one "the paper" reports for; the passage starts there
                named = [m for m in ix.mentions_in(before) if not ledger.is_claimed(before)]
                if (
                    named
                    and not lex.negative.search(text[before.start : before.end])
                    and (_names_outlet_again(ix, sent, named[-1])
                         or _pronoun_after_subject(ix, before, sent, named[-1]))
                    and continues(ix, sent, named[-1])
                ):
                    hit = (named[-1], "inline")
                    sent = before
            if hit is None:
                k += 1
                continue
            mention, cue = hit
            mention = relayed(ix, sent, antecedent(ix, mention))
            if cue == "leadin_colon":
                stop = _add_leadin_colon(ix, ledger, b, sent, mention)
                k += 1
                while k < len(b.sentences) and b.sentences[k].start < stop:
                    k += 1
                continue
            end_k = len(b.sentences) - 1 if cue == "inline_colon" else _last_continuing(ix, b, k, mention)
            end = trim_span(text, sent.start, b.sentences[end_k].end)[1]
            if end_k == len(b.sentences) - 1 and lex.interview.search(ix.outside_quotes(sent)):
                conversation = lex.conversation.search(ix.outside_quotes(sent)) is not None
                end = _interview_end(ix, ledger, b, mention, end, conversation=conversation)
            span = Span(_quote_opening(ix, ledger, b, _skip_label(ix, sent, mention)), end)
            if lex.in_english.search(ix.outside_quotes(sent)):
                mention = replace(mention, language="en")  # "said in an English dispatch": no translation
            kind = "quote" if cue == "quote" else "inline"
            if not _joined_previous(ix, ledger, b, sent, span, kind, mention):
                ledger.add(Candidate(span, kind, mention, Span(mention.span.start, mention.span.end), CONFIDENCE[kind]))
            k = end_k + 1


def _announces_claimed(ix: ArticleIndex, ledger: Ledger, b: Block, k: int) -> bool:
    """The paragraph's last sentence ends in a colon and the block below it is a passage already: it is that
    passage's lead-in ("The regional daily laid out why the calendar has slipped:"), not a passage of its own."""
    last = b.sentences[k]
    if k != len(b.sentences) - 1 or not ix.text[last.start : last.end].rstrip().endswith(":"):
        return False
    below = ix.next_block(ix.position(b))
    return below is not None and ledger.is_claimed(below.span)


def _described_lede(ix: ArticleIndex, ledger: Ledger, before: Span) -> bool:
    """The sentence before a credit opens on the outlet described, not yet named ("The Odense daily that broke the
    story now has the timetable. ..., Fyens Stiftstidende wrote."): the passage starts there."""
    if (ledger.is_claimed(before) or any(not is_description(ix.lex, m) for m in ix.mentions_in(before))
            or ix.lex.negative.search(ix.text[before.start : before.end])):
        return False
    # by its place ("The Odense daily") or its base ("A Copenhagen-based trade weekly"): "The Spanish rail network"
    # is no outlet
    opening = ix.outside_quotes(before)
    if ix.lex.place_anaphor.match(opening):
        return True
    m = ix.lex.introduction.match(opening)
    return m is not None and "-based" in m.group(0)


def _credited_back(ix: ArticleIndex, ledger: Ledger, before: Span, sent: Span) -> bool:
    """The credit points back at the sentence before it ("In Vysočina, crews missed the target in one call in eight.
    The figures were published by Jihlavský deník"): that sentence, naming no outlet and not the author's own
    judgement, renders the outlet too."""
    said = ix.text[sent.start : sent.end]
    if not (ix.lex.back_credit.match(said) or ix.lex.quote_back_reference.match(said)):
        return False  # ("That was the conclusion of X", "That is what X found": the pointing back of a block quote's)
    return not (ledger.is_claimed(before) or ix.mentions_in(before) or is_commentary(ix, before)
                or ix.lex.negative.search(ix.text[before.start : before.end]))


def _last_continuing(ix: ArticleIndex, b: Block, k: int, mention: Mention) -> int:
    """Index of the last sentence of b from k on that still reports ``mention``'s outlet."""
    end_k = k
    tenses = carried_tenses(ix, strip(ix.text, b.sentences[k]))
    while end_k + 1 < len(b.sentences):
        # a quotation of several sentences is one unit: its tag ('..." he said') is at its end
        unit = _quote_unit(ix, b, end_k + 1)
        nxt = Span(b.sentences[end_k + 1].start, b.sentences[unit].end)
        told = Span(b.sentences[k].start, b.sentences[end_k].end)
        if not (continues(ix, nxt, mention) or goes_on(ix, nxt, tenses, mention)
                or tells_document(ix, nxt, told, mention)):
            # a sentence in another tense between two of the report's ("They show 1,140 people waiting." between
            # "The paper obtained the lists." and "It said ..."): the report goes on across it when the next one
            # credits the outlet again and it names no other outlet and is not the author's own
            after = unit + 1
            if (after < len(b.sentences) and not is_commentary(ix, strip(ix.text, nxt))
                    and not any(not same_outlet(o, mention) for o in ix.mentions_in(nxt))
                    and not ix.lex.negative.search(ix.text[nxt.start : nxt.end])
                    and continues(ix, strip(ix.text, b.sentences[after]), mention)):
                end_k = after
                continue
            break
        end_k = unit
    return end_k


def _joined_previous(
    ix: ArticleIndex, ledger: Ledger, b: Block, sent: Span, span: Span, kind: str, mention: Mention
) -> bool:
    """Extend the previous passage over ``span`` when it goes on with it; True if it did."""
    prev = ledger.last()
    if prev is None or ix.text[prev.span.end : span.start].strip():
        return False
    # adjacent sentences from the same outlet make one passage, within a paragraph (across one a headline and its
    # story are two), and so does the outlet described again ("The Twente newspaper said" after Tubantia)
    joins = (prev.kind == kind and goes_on_with(prev.mention, mention)) or (
        prev.kind in ("inline", "quote") and refers_back(ix.lex, mention, prev)
    )
    # across a paragraph only an explicit "went on" does it: "..., Handelsblatt added."
    went_on = ix.lex.went_on.search(ix.outside_quotes(sent)) is not None
    if joins and (prev.span.start >= b.span.start or (went_on and same_outlet(prev.mention, mention))):
        prev.span = Span(prev.span.start, span.end)
        ledger.claim(span)
        return True
    return False


def described_outlet(ix: ArticleIndex, b: Block, sent: Span) -> tuple[Mention, Cue] | None:
    """A reporting frame around an outlet described by its place: after the outlet was named ("The Zurich paper
    writes that ..."), or before, when the next sentence names it ("A Sapporo-based newspaper reported on Monday
    that ... The Hokkaido Shimbun said ..."): the named outlet is the source."""
    for m in ix.lex.place_anaphor.finditer(ix.text, sent.start, sent.end):
        span = Span(m.start(), m.end())
        probe = Mention(span, span, None, m.group(0), None)
        if not is_description(ix.lex, probe) or ix.mentions_in(span):
            continue
        cue = ix.inline_cue(sent, probe)
        named = antecedent(ix, probe) if cue else probe
        if cue and named is not probe:
            if named.span.start < b.span.start and (ahead := _introduced(ix, b, sent, above=False)) is not None:
                return ahead  # named in the next sentence rather than in the paragraph above ("... the Bordeaux
                # regional daily reported. Sud Ouest said ...")
            return named, cue
    return _introduced(ix, b, sent)


def _introduced(ix: ArticleIndex, b: Block, sent: Span, *, above: bool = True) -> tuple[Mention, Cue] | None:
    """ "A Sapporo-based newspaper reported that ...": a described outlet with a cue, named with a cue later in the
    paragraph (which the passage then takes in as its continuation). Named only at the start of the next paragraph
    ("..., a regional newspaper reported." / "Around 70 operators will retire, the Busan Ilbo said"), the passage
    credits the description, and the two are joined (``resolver.merge_adjacent``). With ``above``, a definite
    description ("the online newspaper") after an outlet named in the paragraph or the one above is that one's."""
    k = next((i for i, s in enumerate(b.sentences) if s.start >= sent.start), len(b.sentences))
    for probe, cue in _descriptions(ix, sent):
        if above and probe.written.lower().startswith("the ") and _named_above(ix, b, sent):
            continue  # "the online newspaper said": the outlet named above, not one introduced here (unless the
            # caller found that one too far up)
        for later in b.sentences[k + 1 :]:
            st = strip(ix.text, later)
            named = [o for o in ix.mentions_in(st) if not unnamed(ix.lex, o)]
            if named:
                if ix.inline_cue(st, named[0]) and kinds_agree(ix.lex, probe, named[0]):
                    return named[0], "inline"
                break  # another outlet, or this one named without a frame: not the description's name
        nxt = _named_next(ix, b)
        if nxt is not None and kinds_agree(ix.lex, probe, nxt):
            return probe, cue
    return None


def _named_above(ix: ArticleIndex, b: Block, sent: Span) -> bool:
    """An outlet is named before the sentence, in its paragraph or the one above."""
    i = ix.position(b)
    start = ix.blocks[i - 1].span.start if i > 0 else b.span.start
    return any(not unnamed(ix.lex, m) for m in ix.mentions_in(Span(start, sent.start)))


def _descriptions(ix: ArticleIndex, sent: Span) -> list[tuple[Mention, Cue]]:
    """Outlets the sentence describes instead of naming, with the frame that credits them: "A Busan-based daily
    reported", "an eastern Slovak newspaper said", "A Gdansk daily with deep roots in the shipyards reported" (the
    qualifying words up to the verb go with the description)."""
    lex, text = ix.lex, ix.text
    out: list[tuple[Mention, Cue]] = []
    for pattern in (lex.introduction, lex.bare_introduction, lex.kind_introduction):
        for m in pattern.finditer(text, sent.start, sent.end):
            span = Span(m.start(), m.end())
            if any(not mention.span.contains(span) for mention in ix.mentions_in(span)):
                continue
            for ext in _qualified(ix, sent, span):
                probe = Mention(ext, ext, None, m.group(0), None)
                if (cue := ix.inline_cue(sent, probe)) is not None:
                    out.append((probe, cue))
                    break
    return out


MAX_QUALIFIER_WORDS = 14


def _qualified(ix: ArticleIndex, sent: Span, span: Span) -> list[Span]:
    """The description alone, then with what qualifies it ("with deep roots in the shipbuilding community", "that
    first reported the change"), shortest first: the reporting verb comes after the qualifier."""
    text = ix.text
    opener = ix.lex.post_modifier.match(text, span.end, sent.end)
    if opener is None:
        return [span]
    ends: list[int] = []
    for w in WORD_RE.finditer(text, opener.end(), sent.end):
        if re.search(r"[,;:()\"“”«»]", text[span.end : w.start()]) or len(ends) >= MAX_QUALIFIER_WORDS:
            break  # a qualifier runs to its verb without punctuation
        ends.append(w.end())
    return [span, *(Span(span.start, e) for e in ends)]


def _named_next(ix: ArticleIndex, b: Block) -> Mention | None:
    """The outlet the next paragraph's first sentence credits by name."""
    nb = ix.next_block(ix.position(b))
    if nb is None or nb.kind != "paragraph" or not nb.sentences:
        return None
    first = strip(ix.text, nb.sentences[0])
    return next((o for o in ix.mentions_in(first) if not unnamed(ix.lex, o) and ix.inline_cue(first, o)), None)


def paragraph_continuation(ix: ArticleIndex, ledger: Ledger, sent: Span) -> tuple[Mention, Cue] | None:
    """A paragraph that goes on reporting an outlet credited above it and names the outlet by what it is
    ("..., the online newspaper said."); a pronoun alone ("He said ...") is not enough across paragraphs."""
    last = ledger.last()
    if last is None or last.kind not in ("inline", "quote", "leadin") or last.span.end > sent.start:
        return None
    # the paper named by what it is goes back to the last outlet credited, across the author's paragraphs in
    # between, as long as no other outlet was named since
    between = Span(last.span.end, sent.end)  # the sentence itself too: "..., the Nikkei business daily reported"
    if any(not same_outlet(m, last.mention) for m in ix.mention_index.overlapping(between) if between.contains(m.span)):
        return None
    again = _names_outlet_again(ix, sent, last.mention) or _it_across(ix, sent, last.span, last.mention)
    if not again or not continues(ix, sent, last.mention):
        return None
    return last.mention, "inline"


def _it_across(ix: ArticleIndex, sent: Span, passage: Span, mention: Mention) -> bool:
    """ "Hamshahri ran a long report on Sunday showing that ...", then a paragraph opening "It said that ...": the
    paragraph above is the passage to its end and opens on the outlet as its subject, so "It" is the outlet."""
    b = ix.block_at(sent)
    prev = ix.prev_block(ix.position(b))
    if prev is None or strip(ix.text, b.sentences[0]).start != sent.start or not prev.span.contains(mention.span):
        return False
    if passage.end < trim_span(ix.text, prev.span.start, prev.span.end)[1]:
        return False  # the paragraph above went on in the author's words after the passage
    opener = next((strip(ix.text, s) for s in prev.sentences if s.contains(mention.span)), None)
    return opener is not None and _pronoun_after_subject(ix, opener, sent, mention)


def _first_description(ix: ArticleIndex, b: Block) -> int:
    """The first sentence of the paragraph that says what some outlet is ("Kauno diena, the city's main daily,
    ..."), outside quotations; past the last sentence when none does."""
    return next((n for n, s in enumerate(b.sentences) if any(
        w.lower() in ix.lex.descriptor_last_words for w in WORD_RE.findall(ix.outside_quotes(strip(ix.text, s))))),
        len(b.sentences))


def _names_outlet_again(ix: ArticleIndex, sent: Span, mention: Mention | None = None) -> bool:
    """The sentence names an outlet again by what it is ("the paper put the price at"; "the agency" when
    ``mention`` is a news agency), outside quotations, and is not news about that outlet's own people or business
    ("The Greek paper has moved its staff")."""
    unquoted = ix.outside_quotes(sent)
    kind = outlet_kind(ix.lex, mention) if mention is not None else None
    by_kind = kind in ix.lex.kind_anaphors and ix.lex.kind_anaphors[kind].search(unquoted)
    # a noun that names an outlet of one kind only counts for that kind: after a daily, "the agency said" is some
    # government agency
    other_kinds = [p for k, p in ix.lex.kind_anaphors.items() if k != kind]
    again = (m for m in ix.lex.outlet_anaphor.finditer(unquoted)
             if not any(p.fullmatch(m.group(0)) for p in other_kinds))
    if next(again, None) is None and not by_kind:
        return False
    # its reporters at work are its reporting: "Citing documents seen by its reporters, the magazine said ..."
    return not ix.lex.outlet_own.search(unquoted) or bool(ix.lex.by_its_reporters.search(unquoted))


def _pronoun_after_subject(ix: ArticleIndex, before: Span, sent: Span, mention: Mention) -> bool:
    """ "Al-Akhbar, a Beirut daily, went further on Monday. It claimed that ...": the outlet opened the sentence
    before as its subject, and "It" now reports for it."""
    possessive = ix.text.startswith(("'s", "’s"), mention.span.end)  # "ERT's management said ... It said"
    return mention.span.start == before.start and not possessive and ix.text.startswith("It ", sent.start)


def _opens_with_quote(ix: ArticleIndex, sentence: Span, ledger: Ledger) -> bool:
    body = strip(ix.text, sentence)
    return not ledger.is_claimed(body) and ix.text[body.start : body.start + 1] in QUOTE_PAIRS


def _interview_end(
    ix: ArticleIndex, ledger: Ledger, b: Block, mention: Mention, end: int, *, conversation: bool
) -> int:
    """Where the questions and answers printed under an interview's credit end ("Speaking to X, the minister was
    blunt." / "Q: ...?" / "A: ..."): labelled lines ("Q:", "Question:", "SZ:", "Minister:"), or a question
    paragraph and the answer after it; ``end`` when none follows. Without a ``conversation`` in the credit (only
    "told the paper"), a question in the author's voice is no interviewer's."""
    i = ix.position(b) + 1
    after_question = False
    while i < len(ix.blocks):
        nb = ix.blocks[i]
        body = ix.block_text(nb).strip()
        if nb.kind in ("heading", "hr", "rule") or ledger.is_claimed(nb.span) or not body:
            break
        labelled = QA_LABEL.match(body) is not None or LABEL.match(body) is not None
        question = body.endswith("?")
        if not (labelled or question or after_question):
            break
        if question and not labelled and not after_question and not conversation and is_commentary(ix, nb.span):
            break  # "... sources told the paper. / Will the hoteliers win?": the author's own question
        if not labelled and credits_other_outlet(ix, nb, mention):
            break
        end = trim_span(ix.text, nb.span.start, nb.span.end)[1]
        after_question = question and not labelled
        i += 1
    return end


def _exchange_end(ix: ArticleIndex, ledger: Ledger, b: Block, cue: Span, mention: Mention) -> int | None:
    """Where an exchange that block b opens with the outlet's label (``cue``) ends: the paragraphs after it open
    with speakers' labels, another speaker's ("Rantala: I am.") and the outlet's again. None when b is no such
    opening."""
    if ix.text[b.span.start : mention.span.start].strip(" *_") or ix.text[mention.span.end : cue.end].strip(" *_:"):
        return None  # the label is not the outlet's own name ("Madrid: El País reported ...")
    i, end, others, again = ix.position(b) + 1, None, False, None
    while i < len(ix.blocks):
        nb = ix.blocks[i]
        label_end = _label_end(ix, nb)
        if nb.kind in ("heading", "hr", "rule", "blockquote") or ledger.is_claimed(nb.span) or label_end is None:
            break
        named = ix.mentions_in(Span(nb.span.start, label_end))
        if any(not same_outlet(m, mention) for m in named):
            break  # "Dnevnik: ..." / "Danas: ...": a press review's outlets, not a questioner and a speaker
        others = others or not named
        end = trim_span(ix.text, nb.span.start, nb.span.end)[1]
        if named and others:
            again = end  # the outlet asks again after someone answered: an exchange, not a list of labels
        i += 1
    return end if again is not None else None


def _label_end(ix: ArticleIndex, b: Block) -> int | None:
    """Where a speaker's label that opens block b ends ("Lamas: ", "**Lamas:** ", "Q: ", "La Voz de Galicia: ")."""
    body = ix.block_text(b)
    label = SPEAKER_LABEL.match(body) or QA_LABEL.match(body)
    if label is not None:
        return b.span.start + label.end()
    for m in ix.mentions_in(Span(b.span.start, min(b.span.end, b.span.start + 80))):
        if not ix.text[b.span.start : m.span.start].strip(" *_") and (
            colon := re.match(r"[\s*_]*:[\s*_]*", ix.text[m.span.end : b.span.end])
        ):
            return m.span.end + colon.end()
    return None


def _quote_opening(ix: ArticleIndex, ledger: Ledger, b: Block, start: int) -> int:
    """Where a quotation that the sentence at ``start`` closes opened, in the same paragraph: '"Our list was
    French. Now it is half Russian," a restaurant owner told X.' is one quoted passage, not its last sentence."""
    for q in ix.quote_index.overlapping(Span(start, start + 1)):
        if b.span.start <= q.start < start < q.end and not ledger.is_claimed(Span(q.start, start)):
            return q.start
    return start


def _quote_unit(ix: ArticleIndex, b: Block, k: int) -> int:
    """Index of the last sentence of b covered by a quotation that opens sentence k (k if there is none)."""
    first = strip(ix.text, b.sentences[k])
    for q in ix.quote_index.overlapping(first):
        if q.start == first.start and q.end > first.end:
            last = k
            while last + 1 < len(b.sentences) and b.sentences[last + 1].start < q.end:
                last += 1
            return last
    return k


def _skip_label(ix: ArticleIndex, sent: Span, mention: Mention) -> int:
    """Start of the sentence without a short label before a colon ("Madrid: The city's metro ...", a newsletter
    item's heading); a label that names the outlet is part of the attribution."""
    text = ix.text
    m = (
        LABEL.match(text, sent.start, sent.end)
        or DATELINE.match(text, sent.start, sent.end)
        or POST_NUMBER.match(text, sent.start, sent.end)
    )
    if m is None or sent.start + len(m.group(0)) > mention.span.start:
        return _after_contrast(ix, sent, mention)
    return m.end()


def _after_contrast(ix: ArticleIndex, sent: Span, mention: Mention) -> int:
    """ "Our own trip was rained off, but Il Tirreno writes that ...": the outlet, subject of its reporting verb
    after a contrasting conjunction, starts the passage; the clause before it is the author's."""
    text = ix.text
    if (ix.lex.contrast_before.search(text[sent.start : mention.span.start])
            and ix.lex.cue_after.match(text[mention.span.end : sent.end])):
        return mention.span.start
    return sent.start


def _add_leadin_colon(ix: ArticleIndex, ledger: Ledger, b: Block, sent: Span, mention: Mention) -> int:
    """Lead-in and passage in one paragraph: the passage is what follows the colon. Returns where it ends."""
    text = ix.text
    colon = text.index(":", mention.span.end)
    stop = b.span.end
    for other in ix.mentions_in(Span(colon + 1, b.span.end)):
        # "CNN: '...' NBC: '...'": the next outlet with its own colon starts another claim
        if re.match(r"^\s*(?:\([^)]{0,80}\))?\s*:", text[other.span.end : b.span.end]):
            stop = other.span.start
            break
    start, end = trim_span(text, colon + 1, stop)
    body = Span(start, end)
    quoted = any(q.start == start and q.end >= end - 1 for q in ix.quotes)  # one quotation: clear end
    cue = Span(sent.start, colon + 1)
    exchange = _exchange_end(ix, ledger, b, cue, mention) if stop == b.span.end else None
    if exchange is not None:
        # "X: How much beach have you lost?" / "Mayor: About twelve metres." / "X: ...": the outlet asks, someone
        # answers; the printed interview is one passage, labels included, up to its last labelled paragraph
        body = Span(cue.start, exchange)
        ledger.add(Candidate(body, "quote", mention, cue, CONFIDENCE["leadin_plain"], context=[cue]), cue)
        return exchange
    conf = CONFIDENCE["leadin_blockquote" if quoted else "leadin_plain"]
    ledger.add(Candidate(body, "leadin", mention, cue, conf, open_end=not quoted, context=[cue]), cue)
    return end
