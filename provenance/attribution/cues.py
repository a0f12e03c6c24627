"""The reporting frame around an outlet's name inside a sentence: which construction credits it, if any.

Each inline construction is one small test over the text before the name (``pre``) and after it (``post``);
``INLINE_CONSTRUCTIONS`` lists them in the order they are tried, because a phrase can fit two ("X's report"
is a possessive before it is a verb frame). A test answers with the kind of cue, with ``DECLINED`` when the
construction recognises the phrase as no credit at all ("Le Monde's correspondent was expelled", "Der Spiegel
reported on the scandal"), or with None when it does not apply.
"""

from __future__ import annotations

import re
from collections.abc import Callable
from typing import Final, Literal

from provenance.attribution.lexicon import Lexicon
from provenance.attribution.patterns import (
    CLOSE_MARKS,
    CUE_WINDOW,
    DATELINE,
    HEADLINE_POSSESSIVE,
    MAX_LEADIN_WORDS,
    OWN_MEDIUM,
    PLACE_WORDS,
    POSSESSIVE_BEFORE,
    SELF_NEWS,
    WORD_RE,
)
from provenance.attribution.structures import Mention, after_apposition
from provenance.attribution.vocabulary import either, words
from provenance.model import Span

# 'inline' (a reported sentence), 'quote' (a direct quotation credited to the outlet), 'leadin_colon' and
# 'inline_colon' (the cue ends in a colon: the rest of the paragraph is the outlet's)
Cue = Literal["inline", "quote", "leadin_colon", "inline_colon"]
DECLINED: Final = "declined"

# the words of the rules below, from data/attribution.toml
_WAS = either(words("grammar.headline_verbs"))  # '"Empty pots" was BirGün's headline'
_TONE = either(words("grammar.tone_verbs"))  # "Le Télégramme is blunt:"
_SUBJECT_ARTICLES = either(words("articles.before_subject"))  # "The BBC reported", "Die Zeit berichtet"
_PLACE_ADVERBS = either(words("grammar.place_adverbs"))  # "Over in Prague the news site X reported"
_PLACE_PREPOSITIONS = either(words("grammar.place_prepositions"))
# a quotation's end, then perhaps an article before its speaker: '"...," the paper declared'
_QUOTE_TAG_END = re.compile(rf"[,!?][\"”»’']\s*(?:(?i:{either(words('articles.quote_tag'))})\s+)?$")
_OF_THE_OUTLET = re.compile(r"\s+of(?:\s+[A-ZÀ-Þ][\w'’-]*['’]s)?\s*$")
_OUTLET_PART = re.compile(rf"\b(?:{either(words('cues.outlet_parts'))})\s*$", re.I)
Verdict = Cue | Literal["declined"] | None
Construction = Callable[[Lexicon, str, str], Verdict]


def on_programme(lex: Lexicon, pre: str, post: str) -> bool:
    """Whether the name between ``pre`` and ``post`` is a broadcaster someone spoke on: "made the case on France
    Bleu's morning programme", "speaking on the morning programme of Radio X"."""
    return lex.programme_of.search(pre) is not None or bool(
        lex.programme_speech.search(pre) and lex.programme.match(post))


def _programme(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "made the case on France Bleu's morning programme", "speaking on the evening news of X" """
    return "inline" if on_programme(lex, pre, post) else None


def _headline_possessive(lex: Lexicon, pre: str, post: str) -> Verdict:
    """'"Empty pots" was BirGün's front-page headline'"""
    return "inline" if HEADLINE_POSSESSIVE.match(post) and re.search(rf"\b(?:{_WAS})\s*$", pre) else None


def _possessive(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "Le Monde's reporting suggests ..." quotes it; "Le Monde's correspondent was expelled" does not."""
    if not re.match(r"^['’]s\b", post):
        return None
    return "inline" if lex.possessive_report.match(post) and subject_position(lex, pre) else DECLINED


def _colon_label(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "From the German Bild: ..." inside a paragraph, "10:05 — Suspilne: ..." in a live blog."""
    if re.match(r"^\s*(?:\([^)]{0,80}\))?\s*:\s*\S", post) and (
        not pre.strip() or DATELINE.fullmatch(pre) or (lex.leadin_opener.match(pre) and len(WORD_RE.findall(pre)) <= 5)
    ):
        return "leadin_colon"
    return None


def _quoted_by(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "as quoted by X", "X quoted the minister as saying" """
    if lex.quote_before.search(pre):
        return "quote"
    return "quote" if lex.quote_after.match(post) and subject_position(lex, pre) else None


# after the name of an outlet given an interview, no reported clause: an apposition, a time, the sentence's end
_NOTHING_REPORTED = re.compile(
    rf"(?:\s*,[^,.;:]{{1,100}},?)?(?:\s+(?:{either(words('time.relative'))})\s+[\w-]+(?:\s+\w+)?)?\s*[.!]?\s*"
)


def announces_interview(text: str, lex: Lexicon, sent: Span, mention: Mention) -> bool:
    """ "The mayor gave a long interview to X on Thursday." announces an interview the article prints or sums up
    elsewhere: the sentence credits X (it is evidence that X is an outlet) but reports nothing of what X printed."""
    pre = text[sent.start : mention.span.start]
    post = text[mention.span.end : sent.end]
    return bool(lex.interview_given.search(pre)) and _NOTHING_REPORTED.fullmatch(post) is not None


def _according_to(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "According to X", "told X", "citing X", "a report in X", "was put at ... by X"; not "The minister said X
    would be sued" (X begins the clause that is said)."""
    if lex.subject_of_clause.match(post):
        return None
    if lex.cue_before.search(pre) or lex.report_before.search(pre):
        return "inline"
    if lex.cue_before_pattern is not None and lex.cue_before_pattern.search(pre):
        return "inline"
    return None


def _report_subject(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "A calculation by X suggests that ...", "A survey by X found ...": the outlet's report is the subject."""
    return "inline" if lex.report_subject.search(pre) and lex.report_subject_verb.match(post) else None


def _trailing_credit(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "..., via X." closing the sentence"""
    return "inline" if lex.closing_credit.search(pre) and re.match(rf"^{CLOSE_MARKS}[\s).\]]*$", post) else None


def _verb_frame(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "X reported that", "X reports:", with the outlet as the subject."""
    m = lex.cue_after.match(post)
    if not m or not subject_position(lex, pre):
        return None
    rest = post[m.end() :]
    if (lex.coverage.match(rest) and not (OWN_MEDIUM.match(rest) and re.search(r"\w", pre))
            and not _topic_with_claim(rest)):
        # "Der Spiegel reported on the scandal" or "ran the story on its front page": coverage, no content quoted;
        # "..., Ouest-France reported on its website" credits the words before it
        return DECLINED
    if SELF_NEWS.match(rest):
        return DECLINED  # "X said last month it would move to digital-first": news about the outlet itself
    if re.match(r"^[^:.;!?\"“„«]{0,40}:", rest):  # "reported on Thursday: ..."
        return "inline_colon"
    return "inline"


# a topic long enough to carry a claim of its own, with a verb form in it: "ran a long report on shipbuilders in the
# city struggling to recruit welders, with one yard saying ..." (not "reported on the scandal in detail")
_CLAIM_WORDS = 8
_CLAIM_VERB = re.compile(rf"\b(?:\w{{3,}}ing|\w{{3,}}ed|{either(words('grammar.claim_words'))})\b", re.I)


def _topic_with_claim(rest: str) -> bool:
    """Whether what a coverage verb's topic says ("on shipbuilders struggling to recruit welders") is itself the
    report's content: at least _CLAIM_WORDS words to the sentence's end, one of them a verb form."""
    topic = re.split(r"[.;:!?]", rest, maxsplit=1)[0]
    return len(topic.split()) >= _CLAIM_WORDS and _CLAIM_VERB.search(topic) is not None


def _verb_that(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "X added on Tuesday that ...", "X struck a calmer tone, noting that ..." """
    return "inline" if lex.cue_that.match(post) and subject_position(lex, pre) else None


def _outlet_action(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "Gazeta Wyborcza broke the news that ...", "TV 2 shows footage of ...": the outlet the subject of what
    outlets do with a story, with any object."""
    m = lex.outlet_action.match(post)
    if not m or not subject_position(lex, pre):
        return None
    rest = post[m.end() :]
    return DECLINED if SELF_NEWS.match(rest) or lex.self_object.match(rest) else "inline"


def _relative_credit(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ "... by Monitorul de Cluj, which disclosed on Wednesday that ...": the outlet credited in a relative clause
    that reports (its own verb frames decide, as if the outlet were the subject)."""
    m = re.match(r"^\s*,\s*which(?=\s)", post)
    if m is None:
        return None
    rest = post[m.end() :]
    for construction in (_verb_frame, _verb_that, _outlet_action):
        verdict = construction(lex, "", rest)
        if verdict is not None:
            return verdict
    return None


def _what_called(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ '... framed as what the Volkskrant called "a decade lost to paperwork"': the outlet's quoted words."""
    return "inline" if re.search(r"\bwhat\s*$", pre, re.I) and lex.what_called.match(post) else None


def _quote_tag(lex: Lexicon, pre: str, post: str) -> Verdict:
    """'"Rome is running dry," La Repubblica declared'"""
    return "quote" if _QUOTE_TAG_END.search(pre) and lex.quote_tag.match(post) else None


def _employee(lex: Lexicon, pre: str, post: str) -> Verdict:
    """ '"It works," said a former El Khabar journalist': the outlet names a person's employer; the person speaks
    for themself, unless the sentence has them report or write ("a Kommersant correspondent reported that")."""
    if not lex.employee.match(post):
        return None
    return None if lex.employee_reports.search(pre) or lex.employee_reports.search(post) else DECLINED


INLINE_CONSTRUCTIONS: tuple[tuple[str, Construction], ...] = (
    ("employee", _employee),
    ("programme", _programme),
    ("headline possessive", _headline_possessive),
    ("possessive", _possessive),
    ("colon label", _colon_label),
    ("quoted by", _quoted_by),
    ("according to", _according_to),
    ("report subject", _report_subject),
    ("trailing credit", _trailing_credit),
    ("verb frame", _verb_frame),
    ("verb that", _verb_that),
    ("outlet action", _outlet_action),
    ("relative credit", _relative_credit),
    ("what it called", _what_called),
    ("quote tag", _quote_tag),
)


# a cleft sentence that puts the outlet in focus: "It was X that first reported ...", "it is X who broke the story"
_CLEFT_BEFORE = re.compile(rf"\b(?:{either(words('grammar.cleft_openers'))})\s*$", re.I)
_CLEFT_AFTER = re.compile(rf"^\s*(?:{either(words('grammar.cleft_relatives'))})\s+", re.I)


def deciding_construction(text: str, lex: Lexicon, sent: Span, mention: Mention) -> tuple[str, Verdict] | None:
    """The first construction that decides about ``mention`` inside the sentence ``sent``, with its verdict."""
    # a cue stands next to the name: a window of the sentence keeps every test linear in long texts
    pre = text[max(sent.start, mention.span.start - CUE_WINDOW) : mention.span.start]
    post = after_apposition(mention, text[mention.span.end : min(sent.end, mention.span.end + CUE_WINDOW)])
    relative = _CLEFT_AFTER.match(post)
    opener = _CLEFT_BEFORE.search(pre) if relative else None  # (the cheap test first)
    if opener and relative:
        # "It was X that broke the news": the outlet is the subject of the verb after "that"
        pre, post = pre[: opener.start()], " " + post[relative.end() :]
    for name, construction in INLINE_CONSTRUCTIONS:
        verdict = construction(lex, pre, post)
        if verdict is not None:
            return name, verdict
    return None


def inline_cue(text: str, lex: Lexicon, sent: Span, mention: Mention) -> Cue | None:
    """The kind of cue crediting ``mention`` inside the sentence ``sent``, or None."""
    decided = deciding_construction(text, lex, sent, mention)
    verdict = None if decided is None else decided[1]
    if verdict is None or verdict == DECLINED:
        return None
    return verdict


def introduction(text: str, lex: Lexicon, span: Span, mention: Mention) -> str | None:
    """How the colon sentence ``span`` introduces ``mention``'s text below it: "verb" ("X reported:", "Here is
    how X described the scene:"), "opener" ("From the German X:"), "short" (a few words naming it), or None."""
    s_text = text[span.start : span.end]
    words = len(WORD_RE.findall(s_text))
    rest = text[mention.span.end : span.end]
    if (
        lex.cue_after.match(text[mention.span.end : span.end - 1])
        or lex.outlet_action.match(after_apposition(mention, rest))  # "X laid out ...:"
        or lex.cue_before.search(text[span.start : mention.span.start])
        or lex.translation_note.search(s_text)  # "(translated from Russian):" announces a quote
        # "X explained the remaining obstacles in a long piece:": a saying verb needs no "that" before a colon
        or lex.verb_bare.match(after_apposition(mention, rest))
        # "... and Le Télégramme is blunt:": the outlet and a word on its tone introduce its words
        or re.fullmatch(rf"\s+(?:{_TONE})\s+[\w-]+(?:\s+[\w-]+)?\s*", rest[:-1])
    ):
        return "verb"
    if words > MAX_LEADIN_WORDS:
        return None
    if lex.leadin_opener.match(s_text):
        return "opener"
    return "short" if words <= 8 else None


def subject_position(lex: Lexicon, pre: str) -> bool:
    """The outlet is the subject: nothing before it, or a clause boundary / connective."""
    # an article belongs to the name: "The BBC reported", "Die Süddeutsche Zeitung berichtet", and so do
    # adjectives after it: "The conservative Yomiuri Shimbun wrote"
    pre = pre.rstrip().rstrip('«„"“‚‘»›')
    if (of := _OF_THE_OUTLET.search(pre)) and not _OUTLET_PART.search(pre, 0, of.start()):
        return False  # "The owner of Poland's X reported ...": the owner's news; not "The website of X reported"
    pre = lex.edition.sub("", lex.article_adjectives.sub("", pre + " ").rstrip()).rstrip()
    pre = re.sub(rf"(?:^|\s)(?:{_SUBJECT_ARTICLES})\s*$", "", pre.strip(), flags=re.I)
    # a possessive that places the outlet belongs to it too: "Porto Alegre's Zero Hora said", "the public radio's
    # news site irozhlas.cz reported"
    pre = POSSESSIVE_BEFORE.sub("", pre).rstrip()
    # a transcript's speaker ("PIOTR: "), a thread's post number ("2/ ") or a live blog's time ("10:15 ") opens
    # the line, not the sentence
    pre = re.sub(r"^(?:[A-ZÀ-Þ][A-ZÀ-Þ'’. -]{0,30}:|\d{1,3}/\d{0,3})\s*", "", pre.strip()).strip()
    # (a dateline ends before the sentence's first word: one appended shows whether ``pre`` is all dateline)
    pre = "" if (m := DATELINE.match(pre + " x")) and m.end() == len(pre) + 1 else pre
    if not pre:
        return True
    if re.fullmatch(rf"(?i:(?:{_PLACE_ADVERBS})\s+)?(?i:{_PLACE_PREPOSITIONS})\s+{PLACE_WORDS}", pre):
        return True  # "In Prague the news site X reported": a place opening the sentence, no comma
    return lex.subject_boundary.search(pre) is not None


def cue_phrase(text: str, lex: Lexicon, span: Span, mention: Mention) -> tuple[Span, str]:
    """The attribution words around the outlet name: "According to BILD", "told Der Spiegel"."""
    # the cue stands next to the name (as in deciding_construction): a window keeps long sentences linear
    window = max(span.start, mention.span.start - CUE_WINDOW)
    pre = text[window : mention.span.start]
    post = after_apposition(mention, text[mention.span.end : span.end])
    start, end = mention.span.start, mention.span.end
    before = (
        lex.quote_before.search(pre)
        or lex.cue_before.search(pre)
        or lex.report_before.search(pre)
        or lex.closing_credit.search(pre)
    )
    if before:
        start = window + before.start() + (len(before.group(0)) - len(before.group(0).lstrip(" ,;:(—–-")))
    else:
        after = lex.cue_after.match(post)
        if after:
            end = span.end - len(post) + after.end()
    return Span(start, end), text[start:end].strip(" ,")
