"""The frame of a passage: the attribution words inside it ("According to BILD,", "the paper added that").

They are the article's credit, not the outlet's words; the comparison leaves them out. A frame span covers the
cue around the outlet's name and what joins it to the reported words ("reported on Monday that", a comma, a
colon), and every continuation tag of the same outlet further on.
"""

from __future__ import annotations

import re

from provenance.attribution.index import ArticleIndex
from provenance.attribution.lexicon import Lexicon
from provenance.attribution.structures import Candidate, same_outlet, strip
from provenance.attribution.vocabulary import either, words
from provenance.calendar import calendar_words
from provenance.model import Span

# a passage's frame is looked for in its first sentences only (a credited stretch is rarely longer; a hostile
# one-line article is)
MAX_FRAME_SENTENCES = 60
# what joins a cue to the reported words: "reported on Monday that", "According to BILD,", "wrote:"
# (the weekdays are data/calendar.toml's, the other words data/attribution.toml's)
_JOINER = re.compile(
    rf"(?:\s+(?:(?:{either(words('time.frame_relative'))})\s+)?"
    rf"(?:{either((*calendar_words('en').weekdays, *words('time.joiner_words')))}))?"
    rf"(?:\s+(?:{either(words('grammar.complementisers'))})\b|\s*[,:;—–])?",
    re.I,
)


def frame_spans(ix: ArticleIndex, cand: Candidate, cue: Span | None) -> list[Span]:
    """The attribution words inside ``cand``'s span, in order and without overlaps."""
    text = ix.text
    spans: list[Span] = []
    if cue is not None and cand.span.contains(cue):
        # the outlet described after its name ("according to the Badische Zeitung, the Freiburg regional daily")
        # is the credit's too
        if m := ix.lex.apposition_tail.match(text, cue.end, cand.span.end):
            cue = Span(cue.start, m.end())
        spans.append(_joined(text, cue, cand.span.end))
    for block_sentence in ix.sentences_in(cand.span)[:MAX_FRAME_SENTENCES]:
        sent = strip(text, block_sentence)
        spans += continuation_tags(text, sent, ix.lex, ix.outside_quotes(sent))
        for other in ix.mentions_in(sent):  # the outlet credited again inside its passage
            if other is cand.mention or not same_outlet(other, cand.mention) or not ix.inline_cue(sent, other):
                continue
            spans.append(_joined(text, ix.cue_phrase(sent, other)[0], sent.end))
    return _merged([s for s in spans if cand.span.contains(s) and len(s)])


def continuation_tags(text: str, sent: Span, lex: Lexicon, unquoted: str | None = None) -> list[Span]:
    """The continuation credits of one sentence: an opening "The paper added that" and tags such as ", it added."
    or ", according to the newspaper". ``unquoted`` is the sentence with quoted stretches blanked (tags inside a
    quotation are the quoted speaker's); without it the whole sentence is searched."""
    raw = text[sent.start : sent.end]
    spans: list[Span] = []
    m = lex.continuation.match(raw)
    if m and not _PASSIVE_HEDGE.match(raw, m.end()) and not _passive(m.group(0)):  # "The paper added that ..."
        spans.append(_joined(text, Span(sent.start + len(raw) - len(raw.lstrip()), sent.start + m.end()), sent.end))
    for tag in lex.continuation_tag.finditer(raw if unquoted is None else unquoted):  # "..., it added."
        if _PASSIVE_HEDGE.match(raw, tag.end()) or _passive(tag.group(0)):
            continue
        start = sent.start + tag.start() + len(tag.group(0)) - len(tag.group(0).lstrip(" ,—–("))
        spans.append(_joined(text, Span(start, sent.start + tag.end()), sent.end))
    return spans


# "He is said to have read ...", "it reported to be": the outlet's hedge, not its credit (the words stay compared)
_PASSIVE_HEDGE = re.compile(r"\s+to\b", re.I)


_AUXILIARIES = frozenset(words("grammar.passive_auxiliaries"))


def _passive(matched: str) -> bool:
    """The credit's verb is passive ("It is said that"): the sentence's own hedge, no one credited."""
    found = matched.split()
    return len(found) >= 2 and found[-2].lower() in _AUXILIARIES


def merged_spans(spans: list[Span]) -> list[Span]:
    """``spans`` sorted, with overlapping or touching ones joined."""
    return _merged(spans)


# "quoted him as saying:", "quoted the harbour master as saying that": the speaker the credit names is its own too
_QUOTED_AS = re.compile(rf"\s+(?:[\w'’.-]+\s+){{1,5}}?(?:{either(words('cues.quote_saying'))})\b", re.I)
_QUOTE_VERBS = tuple(words("cues.quote_after"))


# a reporting verb right after a credit that ends on the outlet's name ("Thursday's Korzar added that"): the
# credit's own verb, whichever verb the recogniser needed
_VERB_AFTER = re.compile(rf"\s+(?:also\s+)?(?:{either(words('cues.continuation_verbs'))})\b", re.I)


def _joined(text: str, span: Span, limit: int) -> Span:
    end = span.end
    if (verb := _VERB_AFTER.match(text, end, limit)) and text[end - 1 : end].isalnum():
        end = verb.end()
    if text[span.start : span.end].rstrip().lower().endswith(_QUOTE_VERBS):
        quoted = _QUOTED_AS.match(text, end, limit)
        end = quoted.end() if quoted else end
    m = _JOINER.match(text, end, limit)
    return Span(span.start, m.end() if m else end)


def _merged(spans: list[Span]) -> list[Span]:
    out: list[Span] = []
    for s in sorted(spans, key=lambda sp: (sp.start, sp.end)):
        if out and s.start <= out[-1].end:
            out[-1] = Span(out[-1].start, max(out[-1].end, s.end))
        else:
            out.append(s)
    return out
