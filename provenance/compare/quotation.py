"""Quotation: words put in quotation marks that the original does not quote, or quoted words changed.

Across languages a quote's words are translated, so "changed" is only checked when the
original is in the passage's language (identity translation); elsewhere only marks added.
"""

from __future__ import annotations

from itertools import pairwise

from provenance.compare.base import Detection, Found, PairContext, make_finding, quote
from provenance.compare.detector import Detector
from provenance.compare.tokens import QUOTE_CHARS, Side, Token, fold
from provenance.model import DriftSubtype, FindingKind

DETECTOR = "quotation"

_OPEN = {"“": "”", "„": "“", "«": "»", "‹": "›", "‚": "‘", "‘": "’", '"': '"', "「": "」", "『": "』", "”": "”"}


def quoted_stretches(side: Side) -> list[list[Token]]:
    """Token runs between matching quotation marks (marks excluded)."""
    out: list[list[Token]] = []
    toks = side.tokens
    i = 0
    while i < len(toks):
        t = toks[i]
        if t.text in _OPEN and t.text != "’":
            closers = {_OPEN[t.text], '"', "”", "“"} if t.text in {"„", '"', "“"} else {_OPEN[t.text]}
            j = i + 1
            while j < len(toks) and toks[j].text not in closers:
                j += 1
            if j < len(toks):
                out.append(toks[i + 1 : j])
                i = j + 1
                continue
        i += 1
    return out


def _has_quotes(side: Side) -> bool:
    """Whether the side quotes anyone: quotation marks, single quotes around two or more words ('een zware klap',
    as Dutch and English papers print quotes; not an apostrophe: "'s avonds"), or a dialogue dash opening the
    sentence ("– Takich inkluzji ... – mówi", as Polish and Russian print direct speech)."""
    toks = side.tokens
    if any(t.text in QUOTE_CHARS and t.text not in {"’", "'"} for t in toks):
        return True
    if toks and toks[0].text in {"–", "—"} and sum(t.is_word for t in toks) >= 3:
        return True
    opens = [i for i, t in enumerate(toks[:-1]) if t.text in {"'", "‘"} and toks[i + 1].is_word
             and len(toks[i + 1].text) >= 2]
    return any(toks[j].text in {"'", "’"} and toks[j - 1].is_word and sum(t.is_word for t in toks[i + 1 : j]) >= 2
               for i in opens for j in range(i + 3, len(toks)))


def detect(ctx: PairContext) -> Detection:
    return Detection.of(_findings(ctx))


_TERM_WORDS = 4  # a quoted stretch this short that the translation says word for word names a term


def _findings(ctx: PairContext) -> list[Found]:
    quoted = [s for s in quoted_stretches(ctx.der) if sum(t.is_word for t in s) >= 2]
    stretches = [s for s in quoted if not _term(ctx, s)]
    if not stretches:
        # (a term the translation quotes too is someone's words: whose, the speaker check says)
        return _wrong_speaker(ctx, quoted) if quoted and ctx.trans is not None and not ctx.same_language else []
    if not _has_quotes(ctx.src) and not (ctx.trans is not None and _has_quotes(ctx.trans)):
        s = stretches[0]
        words = " ".join(t.text for t in s)
        return [
            make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.QUOTATION, confidence=0.75 if ctx.trans is not None else 0.65,
                der_tokens=s, src_tokens=None,
                explanation=(f"The passage puts {quote(words)} in quotation marks, but the original quotes no one "
                             f"here: a paraphrase is presented as a verbatim quote."),
                detector=DETECTOR, evidence={"quoted": words, "direction": "marks added"},
            )
        ]
    if ctx.same_language:
        return _changed(ctx, stretches)
    if ctx.trans is not None:
        return _unquoted_in_translation(ctx, stretches) or _wrong_speaker(ctx, quoted)
    return []


_OTHER_QUOTE = 45  # rapidfuzz partial ratio below which a quote of the passage is none of the translation's
_RENDERS = 60  # ... and from which it renders the translation's words outside its quotes


def _unquoted_in_translation(ctx: PairContext, stretches: list[list[Token]]) -> list[Found]:
    """Mode A: a quote of the passage that renders words the translation does not quote, while the translation
    quotes others ("The discrepancies are down to faulty scales," the lawyer said. "My client has hidden nothing."
    where the original quotes only the second): a paraphrase presented as a verbatim quote."""
    from rapidfuzz import fuzz

    assert ctx.trans is not None
    quoted = quoted_stretches(ctx.trans)
    theirs = [q for q in quoted if sum(t.is_word for t in q) >= 2]
    if not theirs:
        return []
    inside = {t.index for q in quoted for t in q}
    outside = " ".join(fold(t.text) for t in ctx.trans.tokens if t.is_word and t.index not in inside)
    for s in stretches:
        words = _words(s)
        if len(words.split()) <= _TERM_WORDS:
            continue  # a few words set off ('"on the side"'): a term or a scare quote, not a sentence put in a mouth
        if _closest(words, theirs)[1] >= _OTHER_QUOTE or fuzz.partial_ratio(words, outside) < _RENDERS:
            continue
        return [make_finding(
            ctx, FindingKind.DRIFT, DriftSubtype.QUOTATION, confidence=0.7, der_tokens=s, src_tokens=None,
            explanation=(f"The passage puts {quote(' '.join(t.text for t in s))} in quotation marks, but the original "
                         f"says it without quoting anyone: a paraphrase is presented as a verbatim quote."),
            detector=DETECTOR, evidence={"quoted": " ".join(t.text for t in s), "direction": "marks added"},
        )]
    return []


_SAME_QUOTE = 70  # rapidfuzz partial ratio from which a quote of the passage is one of the translation


def _term(ctx: PairContext, stretch: list[Token]) -> bool:
    """Mode A: quotation marks around a term the translation has word for word ("raised to 'heightened alert'"): the
    name of a status or a programme set off, not words put in someone's mouth. Content words only: a few words with
    "not" or "under" in them make a claim."""
    words = _words(stretch)
    if ctx.trans is None or len(words.split()) > _TERM_WORDS:
        return False
    if any(t.is_word and ctx.der_lex.has_word("stop.words", t.text) for t in stretch):
        return False  # a claim in few words ("not under threat", "no longer sustainable"), not a name
    return f" {words} " in f" {' '.join(fold(t.text) for t in ctx.trans.tokens if t.is_word)} "


def _wrong_speaker(ctx: PairContext, stretches: list[list[Token]]) -> list[Found]:
    """Mode A: a quote the translation gives to one named person and the passage to another the bead names too
    ('"cannot become a stage set", said Jordi Casals' where the mayor, Núria Puig, said it and Casals the next
    sentence)."""
    from provenance.compare.entity import name_tokens

    assert ctx.trans is not None
    theirs = [q for q in quoted_stretches(ctx.trans) if sum(t.is_word for t in q) >= 2]
    if not theirs:
        return []
    t_names = name_tokens(ctx.trans, ctx.der_lex, strict=False)
    d_names = name_tokens(ctx.der, ctx.der_lex, strict=False)
    everywhere = {fold(t.text) for t in t_names}
    for s in stretches:
        best, score = _closest(_words(s), theirs)
        if score < _SAME_QUOTE:
            continue
        speakers = _speakers(ctx.der, s, d_names)
        mine = {fold(t.text) for t in speakers}
        said_names = _speakers(ctx.trans, best, t_names)
        said = {fold(t.text) for t in said_names}
        if said and not mine & said and not mine & everywhere and (agents := _agents(ctx, s)):
            # a named speaker of the translation's quote given to someone who speaks for another ("a spokesman for
            # Bremenports" where the senator said it): the translation says nothing of such a speaker
            speaker = " ".join(t.text for t in agents)
            return [make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.QUOTATION, confidence=0.7, der_tokens=[*s, *agents],
                src_tokens=None,
                explanation=(f"The passage gives the quote {quote(' '.join(t.text for t in s))} to a "
                             f"{quote(speaker)}; the original gives it to "
                             f"{quote(' '.join(t.text for t in said_names))}."),
                detector=DETECTOR, evidence={"direction": "speaker changed", "speaker": speaker},
            )]
        # (the passage's speaker a person of the original's sentence, or one the translation does not name at all
        # and no form of the original speaker's name: "Club president Éric Fabre called it" where Julien Marty spoke)
        # (with a listener, a medium or a body among the sentence's names, the speaker left must be a person's full
        # name: "Carla Matos of the Portuguese Nurses' Union told the paper", not "the Dortmund marketing boss")
        people = [t for t in speakers if not _addressed(ctx, t, d_names)]
        if len(people) < len(speakers) and not any(b.index == a.index + 1 for a, b in pairwise(people)):
            people = []
        mine = {fold(t.text) for t in people}
        if mine and said and not mine & said and (mine & everywhere or not _akin(mine, said)):
            speaker = " ".join(t.text for t in people)
            return [make_finding(
                # the quote and the name it is given to: the name is what changed
                ctx, FindingKind.DRIFT, DriftSubtype.QUOTATION, confidence=0.75, der_tokens=[*s, *people],
                src_tokens=None,
                explanation=(f"The passage gives the quote {quote(' '.join(t.text for t in s))} to {quote(speaker)}; "
                             f"the original gives it to someone else."),
                detector=DETECTOR, evidence={"direction": "speaker changed", "speaker": speaker},
            )]
    return []


_STEM = 4  # names sharing their first four letters may be one name in two forms ("Krylow" / "Krylov")


def _akin(mine: set[str], said: set[str]) -> bool:
    return any(a[:_STEM] == b[:_STEM] for a in mine for b in said)


def _addressed(ctx: PairContext, name: Token, names: list[Token]) -> bool:
    """A name of the quote's sentence that a word before it makes a listener, a medium or a body ("told the Govorit
    Moskva radio station", "on the channel Russia 1", "Carla Matos of the Portuguese Nurses' Union"): not who spoke.
    The word is the one before the whole name the token is part of."""
    within = {t.index for t in names}
    i = name.index - 1
    while i >= 0 and (i in within or (not ctx.der.tokens[i].is_word and ctx.der.tokens[i].text in "'’")):
        i -= 1
    if i < 0:
        return False
    before = ctx.der.tokens[i]
    return before.is_word and not before.is_capitalised and ctx.der_lex.has_word("quotation.addressed", before.text)


def _agents(ctx: PairContext, stretch: list[Token]) -> list[Token]:
    """Words of the quote's sentence, outside the quote, for someone who speaks for another ("a spokesman", "an
    official"), when the translation has none of them."""
    assert ctx.trans is not None
    first, last = stretch[0].index, stretch[-1].index
    start, end = _sentence_of(ctx.der, stretch)
    found = [t for t in ctx.der.tokens[start:end] if t.is_word and not first <= t.index <= last
             and ctx.der_lex.has_word("quotation.agents", t.text)]
    if any(ctx.der_lex.has_word("quotation.agents", t.text) for t in ctx.trans.tokens if t.is_word):
        return []
    return found


def _speakers(side: Side, stretch: list[Token], names: list[Token]) -> list[Token]:
    """The names of the quote's sentence outside the quote: who says it."""
    first, last = stretch[0].index, stretch[-1].index
    start, end = _sentence_of(side, stretch)
    return [t for t in names if start <= t.index < end and not first - 1 <= t.index <= last + 1]


def _sentence_of(side: Side, stretch: list[Token]) -> tuple[int, int]:
    """The token range of the sentence (or sentences) the quoted stretch stands in."""
    first, last = stretch[0].index, stretch[-1].index
    start = next((t.index for t in reversed(side.tokens[: first + 1]) if t.sentence_start), 0)
    end = next((t.index for t in side.tokens[last + 1 :] if t.sentence_start), len(side.tokens))
    return start, end


def _words(stretch: list[Token]) -> str:
    return " ".join(fold(t.text) for t in stretch if t.is_word)


def _closest(words: str, quotes: list[list[Token]]) -> tuple[list[Token], float]:
    """The quote whose words the given ones match best (rapidfuzz partial ratio), and that ratio."""
    from rapidfuzz import fuzz

    scored = [(fuzz.partial_ratio(words, _words(q)), q) for q in quotes]
    score, best = max(scored, key=lambda sq: sq[0])
    return best, score


def _changed(ctx: PairContext, stretches: list[list[Token]]) -> list[Found]:
    src_quotes = quoted_stretches(ctx.src) or [ctx.src.tokens]
    findings = []
    for s in stretches:
        d = _words(s)
        best, score = _closest(d, src_quotes)
        if d in _words(best):
            continue
        if score >= 99:
            continue
        findings.append(
            make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.QUOTATION, confidence=0.8 if score >= 60 else 0.6,
                der_tokens=s, src_tokens=best,
                explanation=(f"The passage quotes {quote(' '.join(t.text for t in s))}, but the original's words are "
                             f"{quote(' '.join(t.text for t in best))}."),
                detector=DETECTOR, evidence={"similarity": round(score / 100, 3), "direction": "words changed"},
            )
        )
    return findings


class Quotations(Detector):
    name = DETECTOR

    def find(self, ctx: PairContext) -> Detection:
        return detect(ctx)
