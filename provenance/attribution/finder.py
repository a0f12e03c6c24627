"""The recognisers: lead-ins, Source lines, attributed block quotes, inline attribution, quotes and links."""

from __future__ import annotations

import bisect
import re
from collections.abc import Sequence

from provenance.attribution.frames import frame_spans
from provenance.attribution.lexicon import load_lexicon
from provenance.attribution.mentions import MentionFinder
from provenance.attribution.patterns import (
    CLOSE_MARKS,
    CONFIDENCE,
    CUE_WINDOW,
    DATELINE,
    DETAILS_LABEL,
    HEADER_LINE,
    HEADLINE_CREDIT,
    HEADLINE_POSSESSIVE,
    LABEL,
    MAX_ATTRIBUTION_LINE_WORDS,
    MAX_CREDIT_WORDS,
    MAX_HEADER_WORDS,
    MAX_LEADIN_WORDS,
    MAX_LINKS_PER_OUTLET,
    MAX_PLAIN_PARAGRAPHS,
    MAX_UNQUOTED_HEADLINES,
    MIN_CREDITED_QUOTE_WORDS,
    MIN_LINK_WORDS,
    PLACE_WORDS,
    POST_NUMBER,
    QA_LABEL,
    SELF_NEWS,
    UNKNOWN_OUTLET_FACTOR,
    WORD_RE,
)
from provenance.attribution.structures import (
    Block,
    Candidate,
    Mention,
    OutletRegistry,
    SpanIndex,
    after_apposition,
    find_quotes,
    is_homepage,
    same_outlet,
    split_paragraphs,
    strip,
)
from provenance.attribution.unknown import credited_name, find_unknown_outlets, is_english_word
from provenance.model import Document, Link, Outlet, Paragraph, Passage, Span
from provenance.segment import split_sentences, trim_span


class Finder:
    def __init__(self, doc: Document, registry: OutletRegistry) -> None:
        self.doc = doc
        self.text = doc.text
        self.registry = registry
        self.lex = load_lexicon()
        self.blocks = self._blocks()
        self.quotes = self._quote_spans()
        self.mention_finder = MentionFinder(self.text, registry, self.lex)
        self.mentions = self.mention_finder.find()
        self.mentions += find_unknown_outlets(
            self.text,
            self.blocks,
            self.mentions,
            self.lex,
            self.inline_cue,
            self.mention_finder.name_language,
            is_english_word,
            self.is_registered,
        )
        self.mentions.sort(key=lambda m: m.span.start)
        # a description inside a longer mention is part of it: "the Heraklion newspaper" in "the Heraklion
        # newspaper Nea Kriti"
        spans = SpanIndex((m.span, m) for m in self.mentions)
        self.mentions = [
            m
            for m in self.mentions
            if not any(o.span.contains(m.span) and len(o.span) > len(m.span) for o in spans.overlapping(m.span))
        ]
        self.mention_index = SpanIndex((m.name_span, m) for m in self.mentions)
        self.link_index = SpanIndex((link.span, link) for link in self.doc.links)
        self.quote_index = SpanIndex((q, q) for q in self.quotes)
        self.block_starts = [b.span.start for b in self.blocks]
        self.position = {id(b): i for i, b in enumerate(self.blocks)}
        self.claimed = SpanIndex[Span]()
        self.found: list[Candidate] = []
        self.credits: list[tuple[Mention, Span]] = []  # Source lines crediting an inline passage above

    # ------------------------------------------------------------------ preparation

    def is_registered(self, name: str) -> bool:
        """The registry knows exactly this name or domain ("spiegel.de"): the finder resolves it itself. (Its
        lenient lookup also finds "Deník" in "Brněnský deník", another paper.)"""
        if "." in name and " " not in name:
            return self.registry.by_url(f"https://{name}") is not None
        return self.mention_finder.exact(name) is not None

    def _blocks(self) -> list[Block]:
        paragraphs: Sequence[Paragraph] = self.doc.paragraphs
        if not paragraphs:
            paragraphs = split_paragraphs(self.text)
        blocks = []
        for i, p in enumerate(paragraphs):
            start, end = trim_span(self.text, p.span.start, p.span.end)
            if end <= start:
                continue
            body = self.text[start:end]
            sents = [s.span for s in split_sentences(body, self.doc.language, offset=start)] or [Span(start, end)]
            blocks.append(Block(i, Span(start, end), p.kind, sents))
        return blocks

    def _quote_spans(self) -> list[Span]:
        if self.doc.quotes:
            return [q.span for q in self.doc.quotes]
        return [q.span for q in find_quotes(self.text)]

    def block_text(self, b: Block) -> str:
        return self.text[b.span.start : b.span.end]

    def mentions_in(self, span: Span) -> list[Mention]:
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
            if not any(w.lower() in self.lex.first_person and w != "US" for w in WORD_RE.findall(who)):
                return True
        return False

    def is_commentary(self, span: Span) -> bool:
        """The author's own voice: first person, questions or exclamations, or an opinion opener.

        Sentences with a speech tag do not count: they report somebody else's words."""
        b = self.block_at(span)
        stripped = (strip(self.text, s) for s in b.sentences)
        sents = [s for s in stripped if len(s) and span.start <= s.start and s.end <= span.end]
        if not sents:
            sents = [strip(self.text, span)]
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
        for word in WORD_RE.findall(text):
            low = word.lower()
            if word == "US" or (low == "i" and word != "I"):
                continue
            if low in self.lex.first_person:
                return True
        return len(self.lex.evaluative.findall(text)) >= 2

    def add(self, cand: Candidate, *claim: Span) -> None:
        self.found.append(cand)
        self.claim(cand.span, *claim)

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

    # ------------------------------------------------------------------ attribution lines

    def source_line(self, b: Block) -> Mention | None:
        """``Source: X`` -> the mention of X, if X is an outlet."""
        text = self.block_text(b)
        if len(WORD_RE.findall(text)) > MAX_ATTRIBUTION_LINE_WORDS or "\n\n" in text:
            return None
        m = self.lex.source_line.match(text)
        if not m:
            return None
        name_span = Span(b.span.start + m.start("name"), b.span.start + m.end("name"))
        inside = self.mentions_in(name_span)
        if inside:
            return inside[0]
        for link, outlet in self.outlet_links(name_span):
            return Mention(link.span, link.span, outlet, link.text or outlet.name, outlet.language)
        outlet = self.registry.by_url(m.group("name")) if "." in m.group("name") else None
        if outlet is None:
            outlet = self.registry.find(m.group("name"))
        if outlet is None:
            return None
        return Mention(name_span, name_span, outlet, m.group("name"), outlet.language)

    def attribution_line(self, b: Block) -> Mention | None:
        """A short line that only names the source: "— Gazeta Wyborcza, 4 April", "(El Mundo)"."""
        src = self.source_line(b)
        if src is not None:
            return src
        text = self.block_text(b)
        if len(WORD_RE.findall(text)) > MAX_ATTRIBUTION_LINE_WORDS or self.lex.negative.search(text):
            return None
        candidates = self.mentions_in(b.span)
        links = self.outlet_links(b.span)
        if not candidates and not links:
            return None
        mention = (
            candidates[0]
            if candidates
            else Mention(links[0][0].span, links[0][0].span, links[0][1], links[0][0].text, links[0][1].language)
        )
        rest = (text[: mention.span.start - b.span.start] + text[mention.span.end - b.span.start :]).strip()
        # what is left is punctuation, a date or "source": the line is an attribution, not a sentence
        leftover = [w for w in WORD_RE.findall(rest) if w.lower() not in self.lex.line_fillers]
        if len(leftover) <= 3 and not re.search(r"[.!?]\s+\w", rest):
            return mention
        # "— a bar owner in Kadıköy, quoted by X": a credit line naming the speaker and the outlet that quoted them
        before = text[: mention.span.start - b.span.start]
        if re.match(r"^\W{0,3}[-—–―]", before) and (
            self.lex.quote_before.search(before) or self.lex.cue_before.search(before)
        ):
            return mention
        return None

    # ------------------------------------------------------------------ 1 + 2: lead-ins and Source lines

    def leadin(self, b: Block) -> tuple[Mention, Span] | None:
        """The last sentence of b ends in a colon and introduces an outlet's text."""
        if b.kind == "blockquote":
            return None
        if b.kind == "heading" and not self.block_text(b).rstrip().endswith(":"):
            return self.heading_leadin(b)
        sent = b.sentences[-1]
        start, end = trim_span(self.text, sent.start, sent.end)
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
        words = len(WORD_RE.findall(s_text))
        after = self.text[mention.span.end : end - 1]
        opener = self.lex.leadin_opener.match(s_text)
        verb = (
            self.lex.cue_after.match(after)
            or self.lex.cue_before.search(self.text[start : mention.span.start])
            or self.lex.translation_note.search(s_text)  # "(translated from Russian):" announces a quote
            # "X explained the remaining obstacles in a long piece:": a saying verb needs no "that" before a colon
            or self.lex.verb_bare.match(after_apposition(mention, self.text[mention.span.end : end]))
            # "... and Le Télégramme is blunt:": the outlet and a word on its tone introduce its words
            or re.fullmatch(r"\s+(?:is|was|sounds|remains|gets|got)\s+[\w-]+(?:\s+[\w-]+)?\s*", after)
        )
        if words > MAX_LEADIN_WORDS and not verb:
            return None
        if not (opener or verb or words <= 8):
            return None
        return mention, span

    def heading_leadin(self, b: Block) -> tuple[Mention, Span] | None:
        """A heading over the outlet's text: "From Le Monde (translated)", "Bild reports", "According to Le Monde".

        A heading that only names the outlet ("How Der Spiegel broke the story") is about it, not its text."""
        text = self.block_text(b)
        found = self.mentions_in(b.span)
        if not found or len(WORD_RE.findall(text)) > MAX_ATTRIBUTION_LINE_WORDS + 2 or self.lex.negative.search(text):
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
        # a press review's "Country: Outlet" heading over what the outlet printed
        if not after.strip(" *_#:.") and re.fullmatch(r"\W*(?:[A-ZÀ-Þ][\w'’ -]{1,30}:\s*)?", before):
            return mention, b.span
        return None

    def quote_leadin(self, b: Block) -> tuple[Mention, Span] | None:
        """A sentence that presents an outlet's report ("A long report in X described the scene.") before a
        paragraph that is one quotation: the marks say the paragraph is quoted, the sentence says from where."""
        nxt = self.next_block(self.position[id(b)])
        if b.kind in ("blockquote", "heading") or nxt is None or nxt.kind == "blockquote":
            return None
        if not self.is_full_quote(nxt) or self.is_claimed(nxt.span):
            return None
        sent = strip(self.text, b.sentences[-1])
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

    def anaphoric_leadin(self, b: Block, span: Span, *, announced: bool = False) -> tuple[Mention, Span] | None:
        """ "X has seen the draft. Here is how the paper describes it:" - the colon sentence names X as "the paper".

        An announcement ("The following is a translation of its central section.") may name it as "its"."""
        s_text = self.text[span.start : span.end]
        anaphor = self.lex.anaphor.search(s_text)
        if len(WORD_RE.findall(s_text)) > MAX_LEADIN_WORDS:
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

    def document_leadin(self, b: Block, span: Span) -> tuple[Mention, Span] | None:
        """ "... according to a memo published by X." then "The memo, dated 4 May, reads in part:" - the colon
        sentence names the document the paragraph above credits to X, by the same noun."""
        s_text = self.text[span.start : span.end]
        if span.start != b.span.start or len(WORD_RE.findall(s_text)) > 2 * MAX_LEADIN_WORDS:
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
            st = strip(self.text, sent)
            if not re.search(rf"\b{re.escape(noun)}s?\b", self.text[st.start : st.end], re.I):
                continue
            for mention in self.mentions_in(st):
                if self.inline_cue(st, mention) is not None:
                    return mention, span
        return None

    def plain_run(self, i: int, mention: Mention | None = None) -> list[Block]:
        """Plain paragraphs from block i on that continue a lead-in: stop at commentary, headings, cues, and at a
        paragraph that opens by crediting another outlet."""
        run: list[Block] = []
        j = i
        while j < len(self.blocks) and len(run) < MAX_PLAIN_PARAGRAPHS:
            b = self.blocks[j]
            if b.kind in ("heading", "blockquote", "hr", "rule") or self.is_claimed(b.span):
                break
            qa = QA_LABEL.match(self.block_text(b)) is not None  # "Q: ...", "A: ..." go on an interview
            if run and not qa and (self.is_commentary(b.span) or self.starts_attribution(b)):
                break
            if run and mention is not None and self.credits_other_outlet(b, mention):
                break
            if run and run[0].kind == "list" and b.kind != "list":
                break  # a lead-in over a list: the list is the passage
            if len(WORD_RE.findall(self.block_text(b))) <= MAX_CREDIT_WORDS and self.lex.negative.search(
                self.block_text(b)
            ):
                break  # a photo caption or a "Read more" line under the text is the page's, not the outlet's
            run.append(b)
            j += 1
        return run

    def credits_other_outlet(self, b: Block, mention: Mention) -> bool:
        """The block's first sentence credits an outlet other than ``mention``'s ("The Asahi Shimbun has
        accused ...")."""
        first = strip(self.text, b.sentences[0])
        return any(not same_outlet(m, mention) and self.inline_cue(first, m) for m in self.mentions_in(first))

    def is_full_quote(self, b: Block) -> bool:
        """The whole paragraph is one quotation ("..." with at most closing punctuation after it)."""
        return any(q.start == b.span.start and q.end >= b.span.end - 1 for q in self.quote_index.overlapping(b.span))

    def starts_attribution(self, b: Block) -> bool:
        return bool(self.leadin(b) or self.source_line(b) or self.attribution_line(b))

    def trim_commentary(self, run: list[Block]) -> Span:
        """Span of the run without trailing sentences in the author's voice."""
        start = run[0].span.start
        end = run[-1].span.end
        last = run[-1]
        for sent in reversed(last.sentences[1:]):
            if self.is_commentary(sent):
                end = trim_span(self.text, start, sent.start)[1]
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
                        Candidate(span, "blockquote", mention, cue, CONFIDENCE["source_blockquote"], context=[b.span]),
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
                or self.news_above(i)
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
                        Candidate(
                            Span(above[0].span.start, above[-1].span.end),
                            kind,
                            mention,
                            cue,
                            CONFIDENCE["source_after"],
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
                conf = CONFIDENCE["leadin_blockquote" if kind == "leadin" else "source_blockquote"]
                self.add(Candidate(span, kind, mention, cue, conf, context=[b.span]), cue)
                i += 1 + len(group)
                continue
            run = self.plain_run(i + 1, mention)
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
                conf = CONFIDENCE["leadin_blockquote" if kind == "leadin" else "source_blockquote"]
                self.add(Candidate(span, kind, mention, cue, conf, context=[b.span]), cue)
                i += 1 + len(run)
                continue
            span = self.trim_commentary(run)
            conf = CONFIDENCE["leadin_plain" if kind == "leadin" else "source_plain"]
            # a Source line of the same outlet right under the text closes it: the end is no guess
            under = self.next_block(self.position[id(run[-1])])
            closer = self.attribution_line(under) if under is not None and span.end == run[-1].span.end else None
            closed = closer is not None and same_outlet(closer, mention)
            context = [b.span] + ([under.span] if closed and under is not None else [])
            self.add(Candidate(span, kind, mention, cue, conf, open_end=not closed, context=context), cue)
            i += 1 + len(run)

    def under_heading(self, b: Block) -> bool:
        prev = self.prev_block(self.position[id(b)])
        return prev is not None and prev.kind == "heading"

    def bounded_above(self, b: Block) -> bool:
        """Nothing but a heading or the document's title line is above b: a text credited below starts at b."""
        if self.under_heading(b):
            return True
        # (a first paragraph of its own may be the author's introduction: no bound)
        if self.position[id(b)] == 1 and self.is_title(self.blocks[0]):
            return True
        above = self.prev_block(self.position[id(b)])
        return above is not None and self.is_header(above)

    def is_header(self, b: Block) -> bool:
        """A dateline or byline block above the text ("Brief | 12 February 2025", "By Anna Kim")."""
        text = self.block_text(b).strip().strip("*_")
        if "\n" in text or len(WORD_RE.findall(text)) > MAX_HEADER_WORDS or text.endswith("."):
            return False
        return bool(HEADER_LINE.fullmatch(text))

    def is_title(self, b: Block) -> bool:
        """The document's first block is one short line without closing punctuation (a plain-text title)."""
        text = self.block_text(b).strip()
        return (
            self.position[id(b)] == 0
            and "\n" not in text
            and len(WORD_RE.findall(text)) <= 15
            and not re.search(r"[.!?:;]$", text)
        )

    def news_above(self, i: int) -> bool:
        """The paragraph right above a Source line is a whole news paragraph (a brief's lead), not a one-line
        teaser or a heading: the line credits it, as a brief's closing credit does."""
        prev = self.prev_block(i)
        if prev is None or prev.kind != "paragraph" or self.is_claimed(prev.span) or not self.bounded_above(prev):
            return False  # (a paragraph that is not the text's first may be the author's: the line credits below)
        nxt = self.next_block(i)
        if nxt is not None and DATELINE.match(self.block_text(nxt)):
            return False  # "Washington — ..." under the line: the credited text starts there
        return len(WORD_RE.findall(self.block_text(prev))) >= 25 and not self.is_commentary(prev.span)

    def credited_above(self, i: int) -> list[Block]:
        """Plain paragraphs above a closing Source line at block i: back to a heading when one bounds them
        within a few paragraphs, else only the paragraph right above (where the text starts is unknown)."""
        run: list[Block] = []
        j = i - 1
        while j >= 0 and len(run) < MAX_PLAIN_PARAGRAPHS:
            blk = self.blocks[j]
            if blk.kind != "paragraph" or self.is_claimed(blk.span) or self.is_title(blk) or self.is_header(blk):
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

    def credits_inline_above(self, i: int, src: Mention) -> bool:
        """A sentence in the few paragraphs above attributes something to the same outlet inline."""
        for j in range(i - 1, max(-1, i - 4), -1):
            b = self.blocks[j]
            if b.kind == "heading":
                return False
            for sent in b.sentences:
                st = strip(self.text, sent)
                if any(same_outlet(m, src) and self.inline_cue(st, m) for m in self.mentions_in(st)):
                    return True
        return False

    def attach_credits(self) -> None:
        """Links of a Source line go to the nearest passage above it from the same outlet."""
        for mention, line in self.credits:
            above = [c for c in self.found if c.span.end <= line.start and same_outlet(c.mention, mention)]
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
            start, end = trim_span(self.text, cut, b.span.end)
            line = Span(start, end)
            if not re.match(r"[(—–-]", self.text[start:end]) and not self.lex.source_line.match(self.text[start:end]):
                continue  # a bare name under a text is a photo credit more often than a text credit
            mention = self.attribution_line(Block(b.index, line, "paragraph", [line]))
            body = strip(self.text, Span(b.span.start, cut))
            if mention is None or len(body) == 0 or self.is_commentary(body):
                continue
            self.add(Candidate(body, "source_block", mention, line, CONFIDENCE["source_after"], context=[line]), line)

    # ------------------------------------------------------------------ 3: block quotes

    def tail_attribution(self, group: list[Block]) -> tuple[Mention, Span, Span] | None:
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
            start, end = trim_span(self.text, cut, last.span.end)
            line_block = Block(last.index, Span(start, end), "paragraph", [Span(start, end)])
            line = self.attribution_line(line_block) if end > start else None
            if line is not None:
                body_end = trim_span(self.text, group[0].span.start, cut)[1]
                return line, line_block.span, Span(group[0].span.start, body_end)
        return None

    def quote_body(self, group: list[Block]) -> Span:
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
            self.add(Candidate(body, "blockquote", mention, cue, CONFIDENCE[how], context=context), cue)

    def blockquote_attribution(self, group: list[Block]) -> tuple[Mention, Span, str, list[Span]] | None:
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
                Mention(link.span, link.span, outlet, link.text, outlet.language),
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
                    Mention(link.span, link.span, outlet, link.text, outlet.language),
                    sent,
                    "blockquote_before",
                    [sent],
                )
        return None

    # ------------------------------------------------------------------ 4: inline attribution

    def find_quote_credits(self) -> None:
        """A quotation followed by a credit only: '"..." (RTVE, translated from Spanish)', '"..." — NOS'."""
        for q in self.quotes:
            if self.is_claimed(q) or len(WORD_RE.findall(self.text[q.start : q.end])) < MIN_CREDITED_QUOTE_WORDS:
                continue
            tail = self.text[q.end : q.end + 160]
            m = re.match(r"[ \t]*\((?P<credit>[^()\n]{1,100})\)", tail) or re.match(
                r"[ \t]*[—–][ \t]*(?P<credit>[^\n]{1,100}?)[ \t]*(?:\n|$)", tail
            )
            if m is None:
                continue
            start, end = trim_span(self.text, q.end + m.start("credit"), q.end + m.end("credit"))
            line = self.attribution_line(Block(-1, Span(start, end), "paragraph", [Span(start, end)]))
            if line is None:
                continue
            credit = Span(q.end + m.start(), q.end + m.end())
            self.add(Candidate(q, "quote", line, credit, CONFIDENCE["quote"], context=[credit]), credit)

    def inline_cue(self, sent: Span, mention: Mention) -> str | None:
        """'inline', 'quote', 'inline_colon' (cue ends in a colon: the rest of the paragraph) or None."""
        text = self.text
        # a cue stands next to the name: a window of the sentence keeps every test linear in long texts
        pre = text[max(sent.start, mention.span.start - CUE_WINDOW) : mention.span.start]
        post = after_apposition(mention, text[mention.span.end : min(sent.end, mention.span.end + CUE_WINDOW)])
        if self.lex.programme_speech.search(pre) and self.lex.programme.match(post):
            return "inline"  # "made the case on France Bleu's morning programme"
        if HEADLINE_POSSESSIVE.match(post) and re.search(r"\b(?:was|is|became)\s*$", pre):
            return "inline"  # '"Empty pots" was BirGün's front-page headline'
        if re.match(r"^['’]s\b", post):
            # "Le Monde's reporting suggests ..." quotes it; "Le Monde's correspondent was expelled" does not
            if self.lex.possessive_report.match(post) and self._subject_position(pre):
                return "inline"
            return None
        if re.match(r"^\s*(?:\([^)]{0,80}\))?\s*:\s*\S", post) and (
            not pre.strip()
            or DATELINE.fullmatch(pre)  # "10:05 — Suspilne: ..." in a live blog
            or (self.lex.leadin_opener.match(pre) and len(WORD_RE.findall(pre)) <= 5)
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
        if self.lex.closing_credit.search(pre) and re.match(rf"^{CLOSE_MARKS}[\s).\]]*$", post):
            return "inline"
        m = self.lex.cue_after.match(post)
        if m and self._subject_position(pre):
            rest = post[m.end() :]
            if self.lex.coverage.match(rest):
                return None  # "Der Spiegel reported on the scandal": coverage, no content quoted
            if SELF_NEWS.match(rest):
                return None  # "X said last month it would move to digital-first": news about the outlet itself
            if re.match(r"^[^:.;!?\"“„«]{0,40}:", rest):  # "reported on Thursday: ..."
                return "inline_colon"
            return "inline"
        if self.lex.cue_that.match(post) and self._subject_position(pre):
            return "inline"  # "X added on Tuesday that ...", "X struck a calmer tone, noting that ..."
        if re.search(r"[,!?][\"”»’']\s*(?:(?i:the|a)\s+)?$", pre) and self.lex.quote_tag.match(post):
            return "quote"  # '"Rome is running dry," La Repubblica declared'
        return None

    def _subject_position(self, pre: str) -> bool:
        """The outlet is the subject: nothing before it, or a clause boundary / connective."""
        # an article belongs to the name: "The BBC reported", "Die Süddeutsche Zeitung berichtet", and so do
        # adjectives after it: "The conservative Yomiuri Shimbun wrote"
        pre = pre.rstrip().rstrip('«„"“‚‘»›')
        pre = self.lex.article_adjectives.sub("", pre + " ").rstrip()
        pre = re.sub(r"(?:^|\s)(?:the|die|der|das|le|la|les|el|il|lo|de|het|o|a)\s*$", "", pre.strip(), flags=re.I)
        # a transcript's speaker ("PIOTR: ") or a thread's post number ("2/ ") opens the line, not the sentence
        pre = re.sub(r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ'’. -]{0,30}:|\d{1,3}/\d{0,3})\s*", "", pre.strip()).strip()
        if not pre:
            return True
        if re.fullmatch(rf"(?i:(?:over|back|out)\s+)?(?i:in|from|across)\s+{PLACE_WORDS}", pre):
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

    def find_headlines(self) -> None:
        """Headlines credited after a dash, one per line: '"Budget: the least bad option" - Le Figaro'. A headline
        without quotation marks counts for an outlet the registry knows, unless the page has many such lines (a
        menu of "Name – tagline" links)."""
        credits = [(b, credited_name(self.text, b, self.lex, quoted_only=False)) for b in self.blocks]
        menu = sum(name is not None for _, name in credits) >= MAX_UNQUOTED_HEADLINES
        for b, name in credits:
            head = HEADLINE_CREDIT.fullmatch(self.block_text(b)) if name is not None else None
            if head is None or name is None or self.is_claimed(b.span):
                continue
            quoted = head.group("head")[:1] in '"“„«'
            if menu and not quoted:
                continue  # many "Name – tagline" lines: a menu, only quoted headlines count
            mentions = [m for m in self.mentions_in(name) if not self.is_description(m)]
            if not quoted:
                mentions = [m for m in mentions if m.outlet is not None]
            if not mentions:
                continue
            span = Span(b.span.start + head.start("head"), b.span.start + head.end("head"))
            self.add(Candidate(span, "headline", mentions[0], name, CONFIDENCE["headline"]), b.span)

    def find_inline(self) -> None:
        for b in self.blocks:
            if b.kind == "heading":
                continue
            k = 0
            while k < len(b.sentences):
                sent = strip(self.text, b.sentences[k])
                if self.is_claimed(sent) or self.lex.negative.search(self.text[sent.start : sent.end]):
                    k += 1
                    continue
                hit = None
                for mention in self.mentions_in(sent):
                    cue = self.inline_cue(sent, mention)
                    if cue:
                        hit = (mention, cue)
                        break
                if hit is None:
                    hit = self.described_outlet(b, sent)
                if hit is None and k == 0:
                    hit = self.paragraph_continuation(b, sent)
                if hit is None and k > 0:
                    # "X had a lower figure. In its edition, the paper put it at ...": the outlet named without a
                    # cue in the sentence before is the one "the paper" reports for; the passage starts there
                    before = strip(self.text, b.sentences[k - 1])
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
                mention = self.relayed(sent, self.antecedent(mention, b))
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
                end = trim_span(self.text, sent.start, b.sentences[end_k].end)[1]
                span = Span(self.quote_opening(b, self.skip_label(sent, mention)), end)
                kind = "quote" if cue == "quote" else "inline"
                conf = CONFIDENCE[kind]
                prev = self.found[-1] if self.found else None
                if prev is not None and not self.text[prev.span.end : span.start].strip():
                    # adjacent sentences from the same outlet make one passage, within a paragraph (across one a
                    # headline and its story are two), and so does the outlet described again ("The Twente
                    # newspaper said" after Tubantia)
                    joins = (prev.kind == kind and same_outlet(prev.mention, mention)) or (
                        prev.kind in ("inline", "quote") and self.refers_back(mention, prev)
                    )
                    # across a paragraph only an explicit "went on" does it: "..., Handelsblatt added."
                    went_on = self.lex.went_on.search(self.outside_quotes(sent)) is not None
                    if joins and (prev.span.start >= b.span.start or (went_on and same_outlet(prev.mention, mention))):
                        prev.span = Span(prev.span.start, span.end)
                        self.claim(span)
                        k = end_k + 1
                        continue
                self.add(Candidate(span, kind, mention, Span(mention.span.start, mention.span.end), conf))
                k = end_k + 1

    def refers_back(self, mention: Mention, prev: Candidate) -> bool:
        """The outlet named only by what and where it is ("The Groningen daily", "the Düsseldorf newspaper") right
        after another outlet's passage: the article describing that outlet again, not a new one."""
        return self.is_description(mention) and not same_outlet(prev.mention, mention)

    def described_outlet(self, b: Block, sent: Span) -> tuple[Mention, str] | None:
        """A reporting frame around an outlet described by its place ("The Zurich paper writes that ...") after
        the outlet was named: the named outlet is the source."""
        for m in self.lex.place_anaphor.finditer(self.text, sent.start, sent.end):
            span = Span(m.start(), m.end())
            probe = Mention(span, span, None, m.group(0), None)
            if not self.is_description(probe) or self.mentions_in(span):
                continue
            cue = self.inline_cue(sent, probe)
            named = self.antecedent(probe, b) if cue else probe
            if cue and named is not probe:
                return named, cue
        return None

    def is_description(self, mention: Mention) -> bool:
        """A mention that describes an outlet by place and kind ("the Geneva daily") instead of naming it."""
        if mention.outlet is not None:
            return False
        words = mention.written.split()
        if words and words[0].lower() in ("the", "a"):
            words = words[1:]
        if "," in mention.written or not words or words[-1].lower() not in self.lex.descriptor_last_words:
            return False  # "Il Messaggero, the capital's other daily": a name with its description
        capitalised = [w for w in words if w[:1].isupper()]
        if not capitalised or words[: len(capitalised)] != capitalised:
            return False
        # a place right before lower-case description words: one word ("the Zurich paper"), or words the lexicon
        # knows as a place ("the St Petersburg news site"); "the Rheinische Post newspaper" names its outlet
        place = " ".join(capitalised).lower()
        return len(capitalised) == 1 or place in self.lex.demonyms

    def antecedent(self, mention: Mention, b: Block) -> Mention:
        """The named outlet a description refers to: the last one named before it in its paragraph or the one
        above ("Le Temps has spoken to the minister. According to the Geneva daily, ..."); itself if none."""
        if not self.is_description(mention):
            return mention
        i = self.position[id(b)]
        start = self.blocks[i - 1].span.start if i > 0 else b.span.start
        named = [
            m
            for m in self.mention_index.overlapping(Span(start, mention.span.start))
            if m.span.end <= mention.span.start and not self.is_description(m)
        ]
        return max(named, key=lambda m: m.span.start) if named else mention

    def paragraph_continuation(self, b: Block, sent: Span) -> tuple[Mention, str] | None:
        """A paragraph that goes on reporting an outlet credited above it and names the outlet by what it is
        ("..., the online newspaper said."); a pronoun alone ("He said ...") is not enough across paragraphs."""
        last = self.found[-1] if self.found else None
        if last is None or last.kind not in ("inline", "quote", "leadin") or last.span.end > sent.start:
            return None
        # the paper named by what it is goes back to the last outlet credited, across the author's paragraphs in
        # between, as long as no other outlet was named since
        between = Span(last.span.end, sent.start)
        if any(
            not same_outlet(m, last.mention)
            for m in self.mention_index.overlapping(between)
            if between.contains(m.span)
        ):
            return None
        if not self.lex.outlet_anaphor.search(self.outside_quotes(sent)) or not self.continues(sent, last.mention):
            return None
        return last.mention, "inline"

    def find_source_details(self) -> None:
        """A "Source: X" line heading its own block, the text under a "Details:" label ("Source: Onet.pl" /
        "Details: The ministry has asked ..."), as English editions of some outlets print their news."""
        for b in self.blocks:
            body = self.block_text(b)
            lines = body.split("\n")
            offset = 0
            for i, line in enumerate(lines[:-1]):  # ("16:50" may stand above it in a live blog)
                if self.lex.source_line.match(line) and DETAILS_LABEL.match(lines[i + 1]):
                    break
                offset += len(line) + 1
            else:
                continue
            first, rest = lines[i], "\n".join(lines[i + 1 :])
            label = DETAILS_LABEL.match(rest)
            assert label is not None
            head = Span(b.span.start + offset, b.span.start + offset + len(first))
            mentions = self.mentions_in(head)
            if not mentions:
                continue
            start = head.end + 1 + label.end()
            span = Span(*trim_span(self.text, start, b.span.end))
            self.add(Candidate(span, "source_block", mentions[0], head, CONFIDENCE["source_plain"]), head)

    def merge_interview(self) -> None:
        """An interview printed with the outlet as the questioner ("Kleine Zeitung: Why ...?" / "Mayor: ...")
        is one passage, labels included, not one lead-in per question."""
        merged: list[Candidate] = []
        for cand in sorted(self.found, key=lambda c: c.span.start):
            prev = merged[-1] if merged else None
            if (
                cand.kind == "leadin"
                and cand.cue is not None
                and prev is not None
                and prev.kind == "leadin"
                and prev.cue is not None
                and same_outlet(prev.mention, cand.mention)
                and self.is_label(cand)
                and self.is_label(prev)
                and not self.text[prev.span.end : cand.cue.start].strip()
            ):
                # the labels are part of the printed interview
                prev.span = Span(min(prev.span.start, prev.cue.start), cand.span.end)
                continue
            merged.append(cand)
        self.found = merged

    def is_label(self, cand: Candidate) -> bool:
        """The candidate's cue is only the outlet's name and a colon at the start of its block ("SPIEGEL: ")."""
        cue = cand.cue
        if cue is None:
            return False
        b = self.block_at(cue)
        words = WORD_RE.findall(self.text[cue.start : cue.end])
        line_start = cue.start == b.span.start or self.text[cue.start - 1] == "\n"
        return (
            line_start
            and self.text[cue.start : cue.end].rstrip().endswith(":")
            and (len(words) <= len(WORD_RE.findall(cand.mention.written)) + 1)
        )

    def relayed(self, sent: Span, mention: Mention) -> Mention:
        """The original source when the credited outlet relays another ("..., Xinhua said, citing a survey
        published by the business daily Yicai"): the words are the second outlet's."""
        for other in self.mentions_in(sent):
            if other.span.start <= mention.span.end or same_outlet(other, mention) or self.is_description(other):
                continue
            between = self.text[mention.span.end : other.span.start]
            if len(between) <= CUE_WINDOW and self.lex.relay.search(between):
                return other
        return mention

    def quote_opening(self, b: Block, start: int) -> int:
        """Where a quotation that the sentence at ``start`` closes opened, in the same paragraph: '"Our list was
        French. Now it is half Russian," a restaurant owner told X.' is one quoted passage, not its last sentence."""
        for q in self.quote_index.overlapping(Span(start, start + 1)):
            if b.span.start <= q.start < start < q.end and not self.is_claimed(Span(q.start, start)):
                return q.start
        return start

    def quote_unit(self, b: Block, k: int) -> int:
        """Index of the last sentence of b covered by a quotation that opens sentence k (k if there is none)."""
        first = strip(self.text, b.sentences[k])
        for q in self.quote_index.overlapping(first):
            if q.start == first.start and q.end > first.end:
                last = k
                while last + 1 < len(b.sentences) and b.sentences[last + 1].start < q.end:
                    last += 1
                return last
        return k

    def skip_label(self, sent: Span, mention: Mention) -> int:
        """Start of the sentence without a short label before a colon ("Madrid: The city's metro ...",
        a newsletter item's heading); a label that names the outlet is part of the attribution."""
        m = (
            LABEL.match(self.text, sent.start, sent.end)
            or DATELINE.match(self.text, sent.start, sent.end)
            or POST_NUMBER.match(self.text, sent.start, sent.end)
        )
        if m is None or sent.start + len(m.group(0)) > mention.span.start:
            return sent.start
        return m.end()

    def add_leadin_colon(self, b: Block, sent: Span, mention: Mention) -> int:
        """Lead-in and passage in one paragraph: the passage is what follows the colon."""
        colon = self.text.index(":", mention.span.end)
        stop = b.span.end
        for other in self.mentions_in(Span(colon + 1, b.span.end)):
            # "CNN: '...' NBC: '...'": the next outlet with its own colon starts another claim
            if re.match(r"^\s*(?:\([^)]{0,80}\))?\s*:", self.text[other.span.end : b.span.end]):
                stop = other.span.start
                break
        start, end = trim_span(self.text, colon + 1, stop)
        body = Span(start, end)
        quoted = any(q.start == start and q.end >= end - 1 for q in self.quotes)  # one quotation: clear end
        cue = Span(sent.start, colon + 1)
        conf = CONFIDENCE["leadin_blockquote" if quoted else "leadin_plain"]
        self.add(Candidate(body, "leadin", mention, cue, conf, open_end=not quoted, context=[cue]), cue)
        return end

    def continues(self, sent: Span, mention: Mention) -> bool:
        """The sentence keeps reporting the same outlet ("The paper added that ...")."""
        s = strip(self.text, sent)
        text = self.text[s.start : s.end]
        inside = self.mentions_in(s)
        others = [o for o in inside if not same_outlet(o, mention) and not self.is_description(o)]
        if any(self.inline_cue(s, o) for o in others):
            return False  # '"...," she told the Rheinische Post': another outlet's words now
        if self.lex.continuation.match(text) or self.lex.continuation_tag.search(self.outside_quotes(s)):
            return True
        if any(q.start <= s.start and s.end <= q.end + 1 for q in self.quote_index.overlapping(s)):
            return True  # a quotation on its own after a quoted passage: the same speaker goes on
        return any(same_outlet(o, mention) and self.inline_cue(s, o) for o in inside)

    # ------------------------------------------------------------------ 5: links

    def find_links(self) -> None:
        found: list[Candidate] = []
        for link in self.doc.links:
            if not link.href.startswith(("http://", "https://")):
                continue
            outlet = self.registry.by_url(link.href)
            if outlet is None or is_homepage(link.href):
                continue
            # a tag or topic link ("yoga", "Gluten") or a bare URL is not a quoted claim
            anchor = link.text.strip()
            words = WORD_RE.findall(anchor)
            if len(words) < MIN_LINK_WORDS or re.match(r"^(?:https?://|www\.)", anchor):
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
            mention = Mention(link.span, link.span, outlet, outlet.name, outlet.language)
            cand = Candidate(sent, "link", mention, link.span, CONFIDENCE["link"])
            found.append(cand)
            self.claim(sent, link.span)
        per_outlet: dict[str, int] = {}
        for cand in found:
            key = cand.mention.outlet.id if cand.mention.outlet else ""
            per_outlet[key] = per_outlet.get(key, 0) + 1
        for cand in found:
            # many links into one outlet is a site linking to itself (or a link roundup), not quoting
            if per_outlet[cand.mention.outlet.id if cand.mention.outlet else ""] <= MAX_LINKS_PER_OUTLET:
                self.found.append(cand)

    @staticmethod
    def _near(cand: Candidate, span: Span) -> bool:
        spans = [cand.span, *cand.context] + ([cand.cue] if cand.cue else [])
        return any(s.overlaps(span) or s.contains(span) for s in spans)

    def block_at(self, span: Span) -> Block:
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
                end = strip(self.text, s).end
        return Span(first.start, max(end, first.end))

    def sentence_at(self, span: Span) -> Span | None:
        if not self.blocks:
            return None
        b = self.block_at(span)
        for s in b.sentences:
            if s.start <= span.start < s.end:
                return strip(self.text, s)
        return None

    # ------------------------------------------------------------------ output

    def passages(self) -> list[Passage]:
        self.find_source_details()
        self.find_structural()
        self.find_closing_lines()
        self.find_blockquotes()
        self.find_quote_credits()
        self.find_headlines()
        self.find_inline()
        self.merge_interview()
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
            confidence = cand.confidence * (1.0 if m.outlet else UNKNOWN_OUTLET_FACTOR)
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
                    frame=frame_spans(self, cand, cue_span),
                )
            )
        return out

    def cue_phrase(self, span: Span, mention: Mention) -> tuple[Span, str]:
        """The attribution words around the outlet name: "According to BILD", "told Der Spiegel"."""
        pre = self.text[span.start : mention.span.start]
        post = after_apposition(mention, self.text[mention.span.end : span.end])
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
