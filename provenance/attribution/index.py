"""The article as the recognisers read it: blocks with their sentences, quotations, outlet mentions and links.

``ArticleIndex.build`` does all the reading once (registry names, outlets the registry lacks; the sentences are the
article's ``ArticleSentences``, split once for the finder and the pipeline); afterwards the index does not change,
and the recognisers only ask it questions.
"""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace

from provenance.attribution.cues import Cue, cue_phrase, inline_cue, introduction
from provenance.attribution.lexicon import Lexicon, load_lexicon
from provenance.attribution.mentions import MentionFinder
from provenance.attribution.patterns import BRACKETED_ABBREVIATION, HEADLINE_CREDIT, MAX_HEADLINE_WORDS
from provenance.attribution.structures import (
    SHORT_FORM_LETTERS,
    Block,
    Mention,
    OutletRegistry,
    SpanIndex,
    find_quotes,
    initials,
    same_outlet,
    split_paragraphs,
    strip,
)
from provenance.attribution.unknown import english_masthead, find_unknown_outlets, is_english_word, labelled_english
from provenance.attribution.vocabulary import either, words
from provenance.model import Document, Link, Outlet, Paragraph, Span
from provenance.segment import ArticleSentences, trim_span


@dataclass(frozen=True)
class ArticleIndex:
    doc: Document
    text: str
    registry: OutletRegistry
    lex: Lexicon
    blocks: tuple[Block, ...]
    quotes: tuple[Span, ...]
    mentions: tuple[Mention, ...]
    mention_index: SpanIndex[Mention]  # by the name alone
    link_index: SpanIndex[Link]
    quote_index: SpanIndex[Span]
    block_starts: tuple[int, ...]
    positions: dict[Block, int]

    @classmethod
    def build(cls, doc: Document, registry: OutletRegistry, sentences: ArticleSentences | None = None) -> ArticleIndex:
        text = doc.text
        lex = load_lexicon()
        blocks = _blocks(doc, sentences)
        quotes = tuple(q.span for q in doc.quotes) if doc.quotes else tuple(q.span for q in find_quotes(text))
        mention_finder = MentionFinder(text, registry, lex, is_english_word)

        def is_registered(name: str) -> bool:
            """The registry knows exactly this name or domain ("spiegel.de"): the finder resolves it itself. (Its
            lenient lookup also finds "Deník" in "Brněnský deník", another paper.)"""
            if "." in name and " " not in name:
                return registry.by_url(f"https://{name}") is not None
            return mention_finder.exact(name) is not None

        mentions = mention_finder.find()
        mentions += find_unknown_outlets(
            text,
            blocks,
            mentions,
            lex,
            lambda sent, mention: inline_cue(text, lex, sent, mention) or _introduces(text, lex, sent, mention),
            mention_finder.name_language,
            is_english_word,
            is_registered,
        )
        mentions.sort(key=lambda m: m.span.start)
        # a description inside a longer mention is part of it: "the Heraklion newspaper" in "the Heraklion
        # newspaper Nea Kriti"
        spans = SpanIndex((m.span, m) for m in mentions)
        kept = _short_forms(text, lex, _initialisms(text, _abbreviated(
            text,
            tuple(
                _masthead_language(text, m, lex)
                for m in mentions
                if not any(o.span.contains(m.span) and len(o.span) > len(m.span) for o in spans.overlapping(m.span))
            ),
        )))
        return cls(
            doc=doc,
            text=text,
            registry=registry,
            lex=lex,
            blocks=blocks,
            quotes=quotes,
            mentions=kept,
            mention_index=SpanIndex((m.name_span, m) for m in kept),
            link_index=SpanIndex((link.span, link) for link in doc.links),
            quote_index=SpanIndex((q, q) for q in quotes),
            block_starts=tuple(b.span.start for b in blocks),
            positions={b: i for i, b in enumerate(blocks)},
        )

    # ------------------------------------------------------------------ blocks

    def block_text(self, b: Block) -> str:
        return self.text[b.span.start : b.span.end]

    def position(self, b: Block) -> int:
        """Where ``b`` stands among the blocks."""
        return self.positions[b]

    def next_block(self, i: int) -> Block | None:
        return self.blocks[i + 1] if i + 1 < len(self.blocks) else None

    def prev_block(self, i: int) -> Block | None:
        return self.blocks[i - 1] if i > 0 else None

    def quote_group(self, i: int) -> list[Block]:
        """Consecutive block-quote blocks starting at i."""
        group = []
        while i < len(self.blocks) and self.blocks[i].kind == "blockquote":
            group.append(self.blocks[i])
            i += 1
        return group

    def block_at(self, span: Span) -> Block:
        i = max(0, bisect.bisect_right(self.block_starts, span.start) - 1)
        return self.blocks[i]

    def sentence_at(self, span: Span) -> Span | None:
        if not self.blocks:
            return None
        b = self.block_at(span)
        for s in b.sentences:
            if s.start <= span.start < s.end:
                return strip(self.text, s)
        return None

    def sentences_over(self, span: Span) -> Span | None:
        """The sentences of one block that a span (a link) touches."""
        first = self.sentence_at(span)
        if first is None:
            return None
        b = self.block_at(span)
        end = first.end
        for s in b.sentences:
            if s.start < span.end and s.end > end:
                end = strip(self.text, s).end
        return Span(first.start, max(end, first.end))

    def sentences_in(self, span: Span) -> list[Span]:
        """The sentences of the blocks ``span`` touches that overlap it."""
        return [s for b in self.blocks if b.span.overlaps(span) for s in b.sentences if s.overlaps(span)]

    # ------------------------------------------------------------------ mentions, links, quotations

    def mentions_in(self, span: Span) -> list[Mention]:
        return [m for m in self.mention_index.overlapping(span) if span.contains(m.name_span)]

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

    def is_full_quote(self, b: Block) -> bool:
        """The whole paragraph is one quotation ("..." with at most closing punctuation after it)."""
        return any(q.start == b.span.start and q.end >= b.span.end - 1 for q in self.quote_index.overlapping(b.span))

    # ------------------------------------------------------------------ cues

    def inline_cue(self, sent: Span, mention: Mention) -> Cue | None:
        return inline_cue(self.text, self.lex, sent, mention)

    def credits(self, sent: Span) -> Iterator[tuple[Mention, Cue]]:
        """The outlets the sentence credits with a cue, in order, each with its cue."""
        for mention in self.mentions_in(sent):
            if (cue := self.inline_cue(sent, mention)) is not None:
                yield mention, cue

    def block_credits(self, b: Block) -> Iterator[tuple[Mention, Cue]]:
        """The outlets the sentences of ``b`` credit, in order, each with its cue."""
        for sent in b.sentences:
            yield from self.credits(strip(self.text, sent))

    def cue_phrase(self, span: Span, mention: Mention) -> tuple[Span, str]:
        return cue_phrase(self.text, self.lex, span, mention)


def link_mention(link: Link, outlet: Outlet, written: str | None = None) -> Mention:
    """The outlet a link points to, standing at the link as a mention of it."""
    return Mention(link.span, link.span, outlet, link.text if written is None else written, outlet.language)


def _blocks(doc: Document, given: ArticleSentences | None) -> tuple[Block, ...]:
    paragraphs: Sequence[Paragraph] = doc.paragraphs
    if not paragraphs:
        paragraphs = split_paragraphs(doc.text)
    article = given
    # the sentences split for the pipeline serve when they are of these paragraphs in the article's language; an
    # article of unknown language is split here paragraph by paragraph, each in its own language
    if article is None or (article.text, article.language, article.paragraphs) != (
        doc.text, doc.language, tuple(paragraphs)
    ):
        article = ArticleSentences.split(doc.text, paragraphs, doc.language)
    blocks = []
    for i, (p, sentences) in enumerate(article.by_paragraph()):
        start, end = trim_span(doc.text, p.span.start, p.span.end)
        if end <= start:
            continue
        lines = _headline_lines(doc.text, start, end) if p.kind == "paragraph" else []
        if lines:
            blocks.extend(Block(i, line, p.kind, (line,)) for line in lines)
            continue
        sents = tuple(s.span for s in sentences) or (Span(start, end),)
        blocks.append(Block(i, Span(start, end), p.kind, tuple(_cut_label_lines(doc.text, sents))))
    return tuple(blocks)


_LINE_WORDS = 20  # a headline, a label or a credit line: no longer than this


def _headline_lines(text: str, start: int, end: int) -> list[Span]:
    """The lines of a paragraph that is a list of short lines, each opening with a capital and none ending like
    a sentence or a wrapped line ("SOUTH KOREA" / "KOOKJE SHINMUN: Airport expansion pushed back" / "Metro
    numbers double - Okaz"): a press review's headlines, each a block of its own. Empty when it is prose."""
    body = text[start:end]
    if "\n" not in body:
        return []
    out: list[Span] = []
    pos = start
    for raw in body.split("\n"):
        line = Span(*trim_span(text, pos, pos + len(raw)))
        pos += len(raw) + 1
        words = text[line.start : line.end].split()
        if not words:
            continue
        first, last = text[line.start], text[line.end - 1]
        opens = first.isupper() or first.isdigit() or first in "\"“„«'‘"
        label = not out and last == ":"  # "On the front pages:" over the lines
        # (a roundup's item that summarises its story before the credit is longer: "Sabah will double ... - Utusan
        # Borneo")
        limit = MAX_HEADLINE_WORDS if HEADLINE_CREDIT.fullmatch(text, line.start, line.end) else _LINE_WORDS
        if not opens or (last in ".,;:-–—" and not label) or len(words) > limit:
            return []
        out.append(line)
    return out if len(out) >= 2 else []


# a line of a few words without end punctuation, then a line that opens a sentence: "11:20\nUkrainska Pravda
# reported ...", "BERLIN\nThe daily ..." (a live blog's time, a dateline): the label is no part of the sentence
_LABEL_LINE = re.compile(r"(?m)^[ \t]*[^\n]{1,40}?(?<![.!?:;,])[ \t]*\n(?=[ \t]*[\"“‘«„]?[A-ZÀ-Þ0-9])")
_LABEL_WORDS = 5


def _cut_label_lines(text: str, sents: Sequence[Span]) -> Iterator[Span]:
    """Each sentence with the short label lines it opens with cut off as sentences of their own."""
    for s in sents:
        start = s.start
        for m in _LABEL_LINE.finditer(text, s.start, s.end):
            if m.start() != start or len(m.group(0).split()) > _LABEL_WORDS:
                break
            yield Span(*trim_span(text, m.start(), m.end()))
            start = m.end()
        yield Span(*trim_span(text, start, s.end)) if start != s.start else s


def _introduces(text: str, lex: Lexicon, sent: Span, mention: Mention) -> Cue | None:
    """A colon sentence whose verb or opening introduces the outlet's text below ("Here is how Tribun Bali
    described the scene:"): the frame of an outlet the registry lacks, as an inline cue is."""
    if not text[sent.start : sent.end].rstrip().endswith(":"):
        return None
    return "leadin_colon" if introduction(text, lex, sent, mention) in ("verb", "opener") else None


# "ERR News, the English-language service,", "the English-language Slovak Spectator": said to write in English
_ENGLISH_APPOSITION = re.compile(r"\s*,\s+(?:[\w'’-]+\s+){0,4}?English(?:-language)?\s+(?:[\w-]+\s+)?"
                                 rf"(?:{either(words('outlet_words.language_editions'))})\b")


def _masthead_language(text: str, mention: Mention, lex: Lexicon) -> Mention:
    """An outlet the registry lacks and whose name is an English masthead ("the Helsinki paper Helsinki Times",
    "Brno Daily") writes in English, whatever its place says; so does any outlet described as English-language
    ("ERR News, the English-language service")."""
    if mention.language == "en":
        return mention
    name = text[mention.name_span.start : mention.name_span.end]
    described = labelled_english(mention.written) or _ENGLISH_APPOSITION.match(text, mention.span.end)
    if described or (mention.outlet is None and english_masthead(name, lex)):
        return replace(mention, language="en")
    return mention




def _short_forms(text: str, lex: Lexicon, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """An outlet named in full and later by the first word of its name alone ("Valor Econômico reported ... Valor
    said"): that word names the outlet, where it stands alone (no capitalised word next to it) and is no place,
    nationality or descriptor."""
    firsts: dict[str, Mention] = {}
    for m in mentions:
        words = text[m.name_span.start : m.name_span.end].split()
        head = words[0] if len(words) >= 2 else ""
        if (len(head) >= SHORT_FORM_LETTERS and head[0].isupper() and head.isalpha()
                and head.lower() not in lex.demonyms and head.lower() not in lex.descriptor_last_words
                and head.lower() not in lex.sentence_openers):
            firsts.setdefault(head, m)
    if not firsts:
        return mentions
    taken = SpanIndex((m.span, m) for m in mentions)
    out = list(mentions)
    pattern = re.compile(rf"(?<![\w'’-])(?:{'|'.join(map(re.escape, firsts))})(?![\w'’-])")
    for span, full in _later_forms(text, pattern, firsts):
        if taken.overlapping(span):
            continue
        after = re.match(r"\s+([A-ZÀ-Þ])", text[span.end : span.end + 3])
        before = re.search(r"([A-ZÀ-Þ][\w'’-]*)\s+$", text[max(0, span.start - 30) : span.start])
        if after or (before and before.group(1).lower() not in lex.sentence_openers):
            continue  # part of another name ("Valor Capital Group", "Banco Valor")
        out.append(_standing_for(full, span))
    return tuple(sorted(out, key=lambda m: m.span.start))


def _later_forms(text: str, pattern: re.Pattern[str], forms: dict[str, Mention]) -> Iterator[tuple[Span, Mention]]:
    """Each match of ``pattern`` that is one of ``forms`` and stands after the mention that named its outlet in
    full: its span and that mention."""
    for found in pattern.finditer(text):
        full = forms.get(found.group(0))
        if full is not None and found.start() >= full.span.end:
            yield Span(found.start(), found.end()), full


def _standing_for(full: Mention, span: Span) -> Mention:
    """A short form at ``span`` that stands for the outlet ``full`` named: written as the full name, as "LZ" after
    "Lebensmittel Zeitung (LZ)" is (one outlet, whatever its form)."""
    return Mention(span, span, full.outlet, full.written, full.language)


_ACRONYM = re.compile(r"(?<![\w-])[A-ZÀ-Þ]{2,5}(?![\w-])")


def _initialisms(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """An outlet named in full and later by its initials alone ("Jornal de Notícias reported ... JN said";
    "Sächsische Zeitung" then "SZ: ..." in its interview): the initials name that outlet, whichever one the registry
    files under them, unless the article names that one too."""
    firsts: dict[str, Mention] = {}
    for m in mentions:
        name = text[m.name_span.start : m.name_span.end]  # "Jornal de Notícias", not "The Porto-based ..."
        short = initials(name)
        if short and short not in firsts and name != short:
            firsts[short] = m
    if not firsts:
        return mentions
    by_span = {m.name_span: m for m in mentions}
    named_in_full = {m.outlet.id for m in mentions if m.outlet is not None and not _ACRONYM.fullmatch(m.written)}
    out = list(mentions)
    for span, full in _later_forms(text, _ACRONYM, firsts):
        own = _standing_for(full, span)
        there = by_span.get(span)
        if there is None:
            if not any(m.span.overlaps(span) for m in mentions):
                out.append(own)
        elif not same_outlet(there, full) and (there.outlet is None or there.outlet.id not in named_in_full):
            out[out.index(there)] = own
    return tuple(sorted(out, key=lambda m: m.span.start))


def _abbreviated(text: str, mentions: tuple[Mention, ...]) -> tuple[Mention, ...]:
    """An unregistered outlet introduced with its abbreviation in brackets ("Lebensmittel Zeitung (LZ)") is the
    outlet that the abbreviation names later ("..., LZ said")."""
    full: dict[str, Mention] = {}
    out = []
    for m in mentions:
        if m.outlet is None and m.written in full:
            m = replace(m, written=full[m.written].written, language=m.language or full[m.written].language)
        elif m.outlet is None and (abbr := BRACKETED_ABBREVIATION.match(text, m.span.end)):
            full[abbr.group(1)] = m
        out.append(m)
    return tuple(out)

