"""What the negation checks share: the lexicon's antonym pairs, WordNet settings, dictionary equivalents, and
the tests for a negated word and an age phrase."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from typing import TYPE_CHECKING

from provenance.compare.lexicon import Lexicon, load_lexicon
from provenance.compare.tokens import Side, Token, fold, lemma

if TYPE_CHECKING:
    from provenance.lang.wordnet import WordNet

DETECTOR = "negation"


def _antonym_pairs(lex: Lexicon) -> dict[str, set[str]]:
    out: dict[str, set[str]] = {}
    for pair in lex.data.get("antonyms", {}).get("pairs", []):
        a, b = fold(pair[0]), fold(pair[1])
        out.setdefault(a, set()).add(b)
        out.setdefault(b, set()).add(a)
    for left, right in lex.data.get("antonyms", {}).get("groups", []):
        for a in left:
            for b in right:
                out.setdefault(fold(a), set()).add(fold(b))
                out.setdefault(fold(b), set()).add(fold(a))
    return out


_PAIRS_CACHE: dict[str, dict[str, set[str]]] = {}


def _lexicon_pairs(lex: Lexicon) -> dict[str, set[str]]:
    """The lexicon's antonym pairs of ``lex``'s language, built once per process."""
    if lex.lang not in _PAIRS_CACHE:
        _PAIRS_CACHE[lex.lang] = _antonym_pairs(lex)
    return _PAIRS_CACHE[lex.lang]


_WN_MAX_RANK = 3  # WordNet senses per part of speech considered (most frequent first)
_WN_SMALL_OP = 4  # a replaced stretch at most this long on both sides pairs its words one against one
_WN_NEAR = 0.2  # otherwise the two words must sit at about the same relative place of their sentences


def _wn_related(wn: WordNet, word: str) -> frozenset[str]:
    from provenance.lang import wordnet

    return wordnet.related(wn, word, _WN_MAX_RANK)


def _rendered_in(side: Side, tok: Token, partner: Token, lex: Lexicon) -> bool:
    """Whether a word of ``side`` other than ``partner`` renders ``tok``: its WordNet synonym or derivation
    ('finished' where the translation speaks of 'completion'). A word rendered there is not flipped into the
    antonym beside it ('finished in 2028' / 'meant to start in 2027 ... completion in 2028')."""
    from provenance.lang import wordnet

    wn = wordnet.get()
    if wn is None:
        return False
    mine = {fold(tok.text), fold(lemma(tok.text, lex.lang))}
    mine |= set().union(*(_wn_related(wn, w) for w in list(mine)))
    for t in side.tokens:
        if t is partner or not t.is_word or len(t.text) < 4 or lex.has_word("stop.words", t.text):
            continue
        theirs = {fold(t.text), fold(lemma(t.text, lex.lang))}
        if theirs & mine or any(_wn_related(wn, w) & mine for w in theirs):
            return True
    return False


def _equivalents(lang: str, into: str) -> Callable[[str], frozenset[str]] | None:
    """Equivalents in ``into`` of a word of ``lang`` from an installed dictionary, or None."""
    if into != "en":
        return None  # the checks read the dictionaries into English only, as they were tuned (FreeDict has more)
    en = load_lexicon(into)

    def content(words: Iterable[str]) -> frozenset[str]:  # 'out' of 'roll out' is no meaning of its own
        return frozenset(fold(w) for w in words if len(w) >= 3 and not en.has_word("stop.words", w))

    from provenance.lang.dictionary import for_pair

    ding = for_pair(lang, into)
    if ding is not None:
        return lambda word: content(ding.plain(word))
    from provenance.compare.tokens import cache_root
    from provenance.lang import freedict

    pairs = freedict.word_pairs(lang, into, cache_dir=cache_root())
    if not pairs:
        return None
    return lambda word: content(w for form in {word.lower(), lemma(word, lang)} for w in pairs.get(form, ()))


def _measure_phrase(side: Side, tok: Token) -> bool:
    """A measure, not a pole: 'old' in '19-year-old' / 'a 19 year old' states an age, not the opposite of 'young';
    'deep' in '1.6 metres deep' a depth, not the opposite of 'shallow' (the lexicon's ``antonyms.measure_*``)."""
    lex = load_lexicon(side.lang)
    return fold(tok.text) in lex.entries("antonyms.measure_words") and _after_unit(side, tok)


def _after_unit(side: Side, tok: Token) -> bool:
    """The word follows a unit of measure ('19-year', '1.6 metres')."""
    if tok.index == 0:
        return False
    before = fold(side.tokens[tok.index - 1].text)
    if before == "-" and tok.index >= 2:
        before = fold(side.tokens[tok.index - 2].text)
    return before.split("-")[-1] in load_lexicon(side.lang).entries("antonyms.measure_units")


def _measure_rendered(trans: Side, partner: Token, der: Side, tok: Token) -> bool:
    """The translation states a measure ('1.60 metres deep') where the passage has a quality ('too shallow'): the
    same fact, no flip; the same measure with its word swapped ('3 metres high' / '3 metres low') is one."""
    return _measure_phrase(trans, partner) and not _after_unit(der, tok)


def _particle_verb(side: Side, tok: Token, lex: Lexicon) -> bool:
    """A light verb with a particle after it takes its sense from the particle ('comes out of the pit' is 'leaves
    the shaft'), not from the verb's pole."""
    if not lex.has_word("antonyms.light_verbs", lemma(tok.text, lex.lang)):
        return False
    nxt = side.tokens[tok.index + 1] if tok.index + 1 < len(side.tokens) else None
    return nxt is not None and lex.has_word("antonyms.particles", nxt.text)


NEGATION_REACH = 4  # words before an antonym a negation governs it from: "without the bridge being closed"


def _negated(side: Side, tok: Token, lex: Lexicon) -> bool:
    """'not correct' in the translation is the same as 'incorrect' in the passage, and 'without the bridge being
    closed' as 'with the bridge open': a negation within a few words before the word, in its clause, or a negating
    determiner right after it ('have no' as 'lack')."""
    after = side.tokens[tok.index + 1] if tok.index + 1 < len(side.tokens) else None
    if after is not None and fold(after.text) in lex.entries("antonyms.negating_determiners"):
        return True  # "many homes have no air conditioning" against "lack air conditioning"
    before = side.tokens[max(0, tok.index - NEGATION_REACH) : tok.index]
    for k in range(len(before) - 1, -1, -1):
        if before[k].text in _CLAUSE_BREAKS:
            before = before[k + 1 :]
            break
    if before and fold(before[-1].text) in lex.entries("antonyms.inverting"):
        return True  # "less well" against "poorly"
    return bool(lex.find("negation.cues", before))


_CLAUSE_BREAKS = frozenset({",", ";", ":", ".", "(", ")", "—", "–"})
