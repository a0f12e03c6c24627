"""Whose voice a sentence is in: someone reported (a speech tag) or the article's author (commentary)."""

from __future__ import annotations

import re
from typing import Literal

from provenance.attribution.index import ArticleIndex
from provenance.attribution.lexicon import Lexicon
from provenance.attribution.patterns import QA_LABEL, WORD_RE
from provenance.attribution.structures import Block, strip
from provenance.attribution.unknown import is_english_word
from provenance.attribution.vocabulary import words
from provenance.model import Span
from provenance.segment import trim_span

_NOT_FIRST_PERSON = frozenset(words("commentary.not_first_person"))  # "the US" is no "us"
_ARTICLE_AFTER_VERB = frozenset(words("grammar.article_after_verb"))
_PRONOUN_SUBJECTS = frozenset(words("grammar.pronoun_subjects"))


def reported(ix: ArticleIndex, sent: Span) -> bool:
    """The sentence carries a speech tag ("..., the director told the paper"): someone else's words."""
    text = ix.outside_quotes(sent)
    for m in ix.lex.speech_tag.finditer(text):
        # "as I said", "according to my figures" are the author speaking
        who = text if m.group("who") is None else m.group("who")
        if not any(w.lower() in ix.lex.first_person and w not in _NOT_FIRST_PERSON for w in WORD_RE.findall(who)):
            return True
    return False


def credit_tense(ix: ArticleIndex, sent: Span) -> Literal["past", "present"] | None:
    """The tense a credit reports in: of its speech verb ("reports", "wrote"), else of the sentence."""
    words = [w.lower() for w in WORD_RE.findall(ix.outside_quotes(sent))]
    for word in words:
        if word in ix.lex.speech_verbs:
            return "present" if word in ix.lex.present_auxiliaries else "past"
    return tense(ix, sent)


def reports_in_present(ix: ArticleIndex, sent: Span) -> bool:
    """The credit's own verb is in the present: "Omroep Brabant reports that ...", "X leads with ..."."""
    lex = ix.lex
    words = WORD_RE.findall(ix.outside_quotes(sent))
    for i, word in enumerate(words):
        if word not in lex.present_reporting:
            continue  # (lower case only: "Talks" opening a sentence is a noun)
        before = words[i - 1] if i else ""
        after = words[i + 1] if i + 1 < len(words) else ""
        # next to its subject ("Omroep Brabant reports", "the paper says", "writes the Süddeutsche"), not a noun
        # ("as talks between unions ...")
        if (before and not before.islower()) or before.lower() in lex.descriptor_last_words:
            return True
        if after and (not after.islower() or after.lower() in _ARTICLE_AFTER_VERB):
            return True
    return False


# a word in -s after its subject is a verb in the present unless it ends so ("press", "bus", "thesis", "Nikkei's")
_NOT_VERB_ENDINGS = tuple(words("grammar.not_verb_endings"))


def tense(ix: ArticleIndex, sent: Span) -> Literal["past", "present"] | None:
    """The tense of the sentence outside its quotations, from its first finite verb: an auxiliary or speech verb,
    a verb in -ed (not a participle after a noun: "closures announced since August"), or a verb in -s right after
    its subject ("Helsingin Sanomat leads", "The paper counts"); None when nothing tells."""
    lex = ix.lex
    words = WORD_RE.findall(ix.outside_quotes(sent))
    for i, word in enumerate(words):
        low = word.lower().replace("’", "'")
        if low in lex.present_auxiliaries:
            return "present"
        if low in lex.past_auxiliaries:
            return "past"
        if i == 0 or not word.islower() or len(low) <= 3:
            continue
        before, after = words[i - 1], (words[i + 1].lower() if i + 1 < len(words) else "")
        # a capital opening the sentence is no name by itself: "Journey times between the two cities would drop"
        # has a noun in -s after an ordinary word ("Helsingin Sanomat leads" a verb after a name)
        opening_word = i == 1 and before[:1].isupper() and not before.isupper() and is_english_word(before)
        subject = ((not before.islower() and not opening_word) or before.lower() in lex.descriptor_last_words
                   or before.lower() in _PRONOUN_SUBJECTS)
        if low.endswith("ed") and not (before.islower() and after in lex.participle_next):
            return "past"
        if subject and low.endswith("s") and not low.endswith(_NOT_VERB_ENDINGS):
            return "present"
    return None


def is_commentary(ix: ArticleIndex, span: Span) -> bool:
    """The author's own voice: first person, questions or exclamations, or an opinion opener.

    Sentences with a speech tag do not count: they report somebody else's words."""
    lex, text = ix.lex, ix.text
    b = ix.block_at(span)
    stripped = (strip(text, s) for s in b.sentences)
    sents = [s for s in stripped if len(s) and span.start <= s.start and s.end <= span.end]
    if not sents:
        sents = [strip(text, span)]
    voiced = [s for s in sents if not reported(ix, s)]
    if not voiced:
        return False
    if voiced[0] == sents[0]:
        raw = text[sents[0].start : sents[0].end]
        if lex.commentary_opener.match(raw) or lex.judgement.match(raw) or lex.omission.match(raw):
            return True
    if any(lex.verification_note.search(ix.outside_quotes(s)) for s in voiced):
        return True  # the author saying what could not be checked
    joined = " ".join(ix.outside_quotes(s) for s in voiced)
    if re.search(r"[!?](?=\s|$)", joined):
        return True
    if _in_first_person(joined, lex):
        return True
    return len(lex.evaluative.findall(joined)) >= 2


def _in_first_person(text: str, lex: Lexicon) -> bool:
    """A word of the first person ("we", "my"), not "US" (the country) nor a lower-case "i" (a list's numeral)."""
    return any(w.lower() in lex.first_person for w in WORD_RE.findall(text) if w not in _NOT_FIRST_PERSON and w != "i")


def trim_commentary(ix: ArticleIndex, run: list[Block]) -> Span:
    """Span of the run without trailing sentences in the author's voice."""
    start = run[0].span.start
    end = run[-1].span.end
    last = run[-1]
    for sent in reversed(last.sentences[1:]):
        line = ix.text.rfind("\n", last.span.start, sent.start) + 1 or last.span.start
        if QA_LABEL.match(ix.text, line):
            break  # an answer's line ("A: ... Our customers ..."): the first person is the interviewee's
        if is_commentary(ix, sent):
            end = trim_span(ix.text, start, sent.start)[1]
        else:
            break
    return Span(start, end)


# a quotation within a sentence: someone else's words, whatever their mood
_QUOTED = re.compile(r"[\"“„«][^\"”“»]*(?:[\"”“»]|$)")  # (a quotation the sentence splitter cut runs to the end)


def authorial(text: str, lex: Lexicon) -> bool:
    """A sentence in the author's voice on its own, with nothing around it to read: a question or an exclamation
    outside quotation marks, the first person, an opinion opener or a judgement ("That is a familiar objection"
    needs one of the judgement words), or words pointing back at what was just said ("Not every farmer sees it that
    way")."""
    bare = _QUOTED.sub(" ", text).strip()
    if not bare:
        return False
    if bare[-1] in "?!" or lex.commentary_opener.match(bare) or lex.judgement.match(bare):
        return True
    return _in_first_person(bare, lex) or lex.back_reference.search(bare) is not None
