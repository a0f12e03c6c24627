"""Cross-lingual word check for German originals and English passages without a translation (mode B).

Every German content word gets the set of its English equivalents from the Ding dictionary (all
synonyms of all entries, lemmatised; compounds split as the gloss splits them; separable verbs
joined with their particle). German and English content words are linked when the German word's
equivalents hold the English word (or a word of the same stem, or a synonym through another German
headword), or when both are the same name, cognate or number. What stays unlinked is evidence:

- an unlinked English word and an unlinked German word at about the same place: a substitution
  (a name for a name: entity; the English word's antonym among the German word's equivalents:
  negation; an adjective or adverb: intensity; anything else: meaning);
- several known German content words (or one place, people or name part) with nothing in their place,
  inside the stretch the passage renders (a quote may render only part of a sentence): omission.

A dictionary never covers every rendering, so most of this is weak evidence (minor); only a
dictionary antonym keeps its default severity. Skipped silently when the Ding file is not installed.
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from provenance.compare.base import Detection, Found, PairContext, make_finding, quote
from provenance.compare.detector import Detector
from provenance.compare.lexicon import Lexicon, entity_ids, read_data
from provenance.compare.tokens import Token, fold, is_known, lemma, similar_word, translit
from provenance.errors import LexiconError
from provenance.lang.dictionary import Dictionary, for_pair
from provenance.lang.lemmas import lemma_as_written
from provenance.model import DriftSubtype, FindingKind, Severity

DETECTOR = "lexical"
WORDS_FILE = "lexical.de-en.toml"
_CLAUSE_END = {".", ",", ";", ":", "!", "?", '"', "“", "”", "„", ")", "–", "—"}


@dataclass(frozen=True)
class WordLists:
    """The word check's own lists (``lexicons/lexical.de-en.toml``), checked when read."""

    skip_de: frozenset[str]  # German words it does not weigh, folded
    skip_en: frozenset[str]  # English ones
    particles: frozenset[str]  # German separable-verb particles, lower case as written ('zurück')
    age: frozenset[str]  # English words of an age after 'year' or a hyphen ('44-year-old'), folded


_SHAPE = {"german": frozenset({"skip", "particles"}), "english": frozenset({"skip", "age"})}


def parse_word_lists(data: Mapping[str, Any]) -> WordLists:
    """The lists from the file's parsed TOML; a misspelt table or key, or a list of anything but words, is a
    LexiconError rather than a list that is silently empty."""
    where = f"lexicons/{WORDS_FILE}"
    unknown = sorted(set(data) - set(_SHAPE))
    if unknown:
        raise LexiconError(f"{where} has unknown table(s) {', '.join(unknown)} (known: german, english)")

    def words(table: str, key: str) -> list[str]:
        node = data.get(table, {})
        if not isinstance(node, dict) or set(node) - _SHAPE[table]:
            raise LexiconError(f"{where} [{table}] must be a table of {', '.join(sorted(_SHAPE[table]))}")
        value = node.get(key, [])
        if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
            raise LexiconError(f"{where} [{table}] {key} must be a list of words")
        return value

    return WordLists(frozenset(fold(w) for w in words("german", "skip")),
                     frozenset(fold(w) for w in words("english", "skip")),
                     frozenset(w.lower() for w in words("german", "particles")),
                     frozenset(fold(w) for w in words("english", "age")))


@lru_cache(maxsize=1)
def word_lists() -> WordLists:
    return parse_word_lists(read_data(WORDS_FILE))


@dataclass
class _Word:
    tok: Token
    key: str  # lemma (English) or surface form (German)
    pos: float  # relative position in its side, 0..1
    name: bool
    eq: frozenset[str] = frozenset()  # German only: English equivalents
    linked: bool = False


def _content(tokens: list[Token], lex: Lexicon, skip: frozenset[str]) -> list[Token]:
    numbers = lex.table("numbers.words")
    out = []
    for t in tokens:
        if not t.is_word or len(t.text) < 3 or t.is_number or fold(t.text) in numbers:
            continue
        if lex.has_word("stop.words", t.text) or lex.has_word("negation.cues", t.text):
            continue
        if fold(t.text) in skip or fold(lemma(t.text, lex.lang)) in skip:
            continue
        before = tokens[t.index - 1].text.lower() if t.index else ""
        if fold(t.text) in word_lists().age and (before.endswith("year") or before == "-"):
            continue  # '44-year-old' renders '44jährige' (an age, the number detector's business)
        out.append(t)
    return out


def _is_name(tok: Token, lang: str) -> bool:
    if not tok.is_capitalised:
        return False
    if tok.text.isupper() and len(tok.text) >= 2:
        return True
    if lang == "de":  # German capitalises every noun: a capitalised word the dictionary knows is no name
        return not is_known(tok.text, lang) and not is_known(tok.text.lower(), lang)
    return not tok.sentence_start or not is_known(tok.text.lower(), lang)


def _stem_match(a: str, b: str) -> bool:
    """'economy' / 'economic', 'govern' / 'government': a shared stem of five letters or more."""
    if len(a) < 5 or len(b) < 5:
        return False
    n = 0
    for x, y in zip(a, b, strict=False):
        if x != y:
            break
        n += 1
    return n >= 5 and n >= min(len(a), len(b)) - 3


def _english_keys(tok: Token) -> list[str]:
    """The lemma, the adjective under an '-ly' adverb, and the parts of a hyphenated word."""
    key = lemma(tok.text, "en")
    keys = [key, fold(tok.text)]
    if key.endswith("most") and len(key) > 7:
        keys.append(key[:-4])  # 'northernmost' -> 'northern'
    if key.endswith("ly") and len(key) > 5:
        keys += [key[:-2], key[:-3] + "y" if key.endswith("ily") else key[:-2]]
    if "-" in key:
        keys += [lemma(p, "en") for p in key.split("-") if len(p) >= 3]
    return keys


def _links(dic: Dictionary, g: _Word, e: _Word, e_keys: list[str]) -> int:
    """2: the dictionary (or the name, cognate) links them directly; 1: through a stem or a synonym; 0: not."""
    if any(k in g.eq for k in e_keys):
        return 2
    if similar_word(g.tok.text, e.tok.text, threshold=0.75):
        return 0 if _first_letter_swap(g.tok.text, e.tok.text) else 2  # names, cognates, internationalisms
    if g.name or e.name:
        ids = entity_ids(g.tok.text)
        if ids and ids & entity_ids(e.tok.text):
            return 2
    if any(_stem_match(k, w) for k in e_keys[:1] for w in g.eq):
        return 1
    return 1 if g.eq and any(g.eq & syn for syn in dic.synonyms(e_keys[0])) else 0


def _first_letter_swap(a: str, b: str) -> bool:
    """'Turku' / 'Murku', 'Gera' / 'Dera': a name with its first letter changed is another name, not a spelling
    variant (those differ inside the word: 'Hannover' / 'Hanover')."""
    fa, fb = fold(a), fold(b)
    return (a[:1].isupper() and b[:1].isupper() and len(fa) == len(fb) >= 4 and fa[0] != fb[0]
            and fa[1:] == fb[1:] and translit(a) != translit(b))  # 'Cherson' / 'Kherson' is one city


def _negated(tokens: list[Token], tok: Token, lex: Lexicon) -> bool:
    """A negation shortly before the word: 'nicht zuzulassen' is 'to prevent', not an antonym swap."""
    return bool(lex.find("negation.cues", tokens[max(0, tok.index - 4) : tok.index]))


def _separable(tokens: list[Token], dic: Dictionary) -> dict[int, str]:
    """Verb token index -> infinitive for German separable verbs ('teilte ... mit' -> 'mitteilen')."""
    out: dict[int, str] = {}
    for i, t in enumerate(tokens):
        low = t.text.lower()
        if low not in word_lists().particles:
            continue
        nxt = tokens[i + 1].text if i + 1 < len(tokens) else "."
        if nxt not in _CLAUSE_END:
            continue
        for j in range(i - 1, max(-1, i - 15), -1):
            prev = tokens[j]
            if prev.text in _CLAUSE_END and j < i - 1:
                break
            if not prev.is_word or prev.is_capitalised and not prev.sentence_start:
                continue
            verb = low + lemma_as_written(prev.text.lower(), "de")
            if verb in dic.exact:
                out[j] = verb
                break
    return out


def detect(ctx: PairContext) -> Detection:
    return Detection.of(_findings(ctx))


def _findings(ctx: PairContext) -> list[Found]:
    dic = for_pair(ctx.src.lang, ctx.der.lang)  # mode B only (``DictionaryWords.modes``)
    if dic is None:
        return []
    skip_de, skip_en = word_lists().skip_de, word_lists().skip_en
    g_toks = _content(ctx.src.tokens, ctx.src_lex, skip_de)
    e_toks = _content(ctx.der.tokens, ctx.der_lex, skip_en)
    if not g_toks or not e_toks:
        return []
    verbs = _separable(ctx.src.tokens, dic)
    n_g, n_e = max(1, len(ctx.src.tokens) - 1), max(1, len(ctx.der.tokens) - 1)
    gs = []
    plain: dict[int, frozenset[str]] = {}
    for t in g_toks:
        eq, plain[t.index] = dic.equivalents(t.text), dic.plain(t.text)
        if t.index in verbs:
            eq, plain[t.index] = eq | dic.equivalents(verbs[t.index]), plain[t.index] | dic.plain(verbs[t.index])
        if lemma_as_written(t.text, "de").lower() in skip_de:
            continue
        gs.append(_Word(t, t.text, t.index / n_g, _is_name(t, "de"), eq))
    es = [_Word(t, lemma(t.text, "en"), t.index / n_e, _is_name(t, "en")) for t in e_toks]
    keys = {e.tok.index: _english_keys(e.tok) for e in es}
    ants = _antonyms(ctx.der_lex)
    flips = []
    for e in es:
        opposite = set().union(*(ants.get(k, set()) for k in _english_keys(e.tok)))
        if not opposite:
            continue
        e_negated = _negated(ctx.der.tokens, e.tok, ctx.der_lex)
        for g in gs:
            # (about where the passage's word stands: a rare sense of a word elsewhere in the sentence is no flip,
            # 'vergangenen' / 'die' against 'born')
            if opposite & plain[g.tok.index] and e.key not in g.eq and abs(g.pos - e.pos) <= _FLIP_REACH:
                if e_negated or _negated(ctx.src.tokens, g.tok, ctx.src_lex):
                    g.linked = e.linked = True  # 'nicht groß' rendered 'small': the same statement
                else:
                    flips.append((g, e, sorted(opposite & plain[g.tok.index])[0]))
    direct: set[int] = set()
    for g in gs:
        for e in es:
            strength = _links(dic, g, e, keys[e.tok.index])
            if strength:
                g.linked = e.linked = True
            if strength == 2:
                direct.update((e.tok.index, -1 - g.tok.index))  # German indices stored negative
    # a German word whose equivalent the passage has as a stop word ('neu' / 'new') is rendered too
    rendered = {lemma(t.text, "en") for t in ctx.der.tokens if t.is_word} | {fold(t.text) for t in ctx.der.tokens}
    for g in gs:
        g.linked = g.linked or bool(g.eq & rendered)
    for g in gs:
        for e in es:
            if not e.linked and _first_letter_swap(g.tok.text, e.tok.text):
                return [make_finding(
                    ctx, FindingKind.DRIFT, DriftSubtype.ENTITY, confidence=0.7, der_tokens=[e.tok],
                    src_tokens=[g.tok], detector=DETECTOR, evidence={"original": g.tok.text, "passage": e.tok.text},
                    explanation=(f"The original names {quote(g.tok.text)}; the passage has {quote(e.tok.text)}, "
                                 "another name (not a spelling of the same one)."),
                )]
    for g, e, ant in flips:
        # neither word has a dictionary rendering elsewhere ('jetzigen' rendered 'present' while 'past' renders
        # 'früheren'); a stem or synonym link is weaker evidence than a dictionary antonym
        if e.tok.index not in direct and -1 - g.tok.index not in direct and not _links(dic, g, e, keys[e.tok.index]):
            return [_antonym(ctx, g, e, ant)]
    swapped = _compound_modifier(dic, gs, es, keys)
    if swapped:
        return [_substitution(ctx, dic, *swapped)]
    g_open = [g for g in gs if not g.linked and (g.eq or g.name)]
    # an English word the dictionary does not know is no evidence, unless it is a name standing for a name
    e_open = [e for e in es if not e.linked and e.tok.index not in ctx.claimed
              and (e.key in dic.en_pos or (e.name and any(g.name for g in g_open)))]
    parts = _name_parts(gs)
    unlinked = [g for g in gs if not g.linked]
    linked = [g.tok.index for g in gs if g.linked] or [0]
    return _explain(ctx, dic, g_open, e_open, unlinked, [g for g in gs if g.tok.index in parts],
                    (min(linked), max(linked)))


_FLIP_REACH = 0.4  # relative places in the two sentences


def _compound_modifier(dic: Dictionary, gs: list[_Word], es: list[_Word],
                       keys: dict[int, list[str]]) -> tuple[_Word, _Word] | None:
    """'Volleyballspieler' rendered 'basketball player': the head is there, the word before it renders
    something else than the compound's (known) modifier and nothing else of the original."""
    by_index = {e.tok.index: e for e in es}
    for g in gs:
        parts = dic.compound(g.tok.text)
        if parts is None or not parts[0]:
            continue
        mod_eq, head_eq = parts
        for e in es:
            before = by_index.get(e.tok.index - 1)
            if before is None or before.linked or "n" not in dic.en_pos.get(before.key, "") or e.key not in head_eq:
                continue  # a compound's modifier is a noun; an adjective there renders another word
            if any(k in mod_eq or any(_stem_match(k, w) for w in mod_eq) for k in keys[before.tok.index]):
                continue
            return g, before
    return None


def _name_parts(gs: list[_Word]) -> set[int]:
    """Unlinked parts of a multi-word name whose other parts the passage has ('Samuel Hahnemann' of
    'Christian Friedrich Samuel Hahnemann')."""
    by_index = {g.tok.index: g for g in gs}
    out: set[int] = set()
    for g in gs:
        if g.linked or not g.tok.is_capitalised or g.tok.sentence_start:
            continue
        run = [g.tok.index]
        for step in (-1, 1):
            i = g.tok.index + step
            while i in by_index and by_index[i].tok.is_capitalised:
                run.append(i)
                i += step
        if any(by_index[i].linked and by_index[i].name for i in run):
            out.add(g.tok.index)
    return out


def _explain(ctx: PairContext, dic: Dictionary, g_open: list[_Word], e_open: list[_Word],
             unlinked: list[_Word], dropped_parts: list[_Word], inside: tuple[int, int]) -> list[Found]:
    findings: list[Found] = []
    used_g: set[int] = set()
    for e in e_open:
        near = [g for g in g_open if abs(g.pos - e.pos) <= 0.25 and g.tok.index not in used_g
                and (g.name or e.key in dic.en_pos)]
        if not near:
            continue
        g = min(near, key=lambda x: abs(x.pos - e.pos))
        used_g.add(g.tok.index)
        findings.append(_substitution(ctx, dic, g, e))
    rest_g = [g for g in g_open if g.tok.index not in used_g and g.eq and inside[0] < g.tok.index < inside[1]]
    # a place or people of the original ('Schweizer', 'Kalabrien') with no trace in the passage counts alone
    named = [g for g in unlinked if entity_ids(g.tok.text) and g.tok.index not in used_g
             and inside[0] < g.tok.index < inside[1]]
    named += [g for g in dropped_parts if g.tok.index not in used_g and g not in named]
    rest_g += [g for g in named if g not in rest_g]
    if len(rest_g) >= 3 or named:
        findings.append(make_finding(
            ctx, FindingKind.OMISSION, None, confidence=0.55, der_tokens=None, src_tokens=[g.tok for g in rest_g],
            explanation=("The passage has nothing for " + ", ".join(quote(g.tok.text) for g in rest_g[:5])
                         + " of the original (no dictionary equivalent in the passage)."),
            detector=DETECTOR, severity=Severity.MINOR,
            evidence={"unmatched_original": [g.tok.text for g in rest_g]},
        ))
    return findings


def _antonym(ctx: PairContext, g: _Word, e: _Word, ant: str) -> Found:
    return make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.NEGATION, confidence=0.75, der_tokens=[e.tok], src_tokens=[g.tok],
        explanation=(f"The original says {quote(g.tok.text)} ('{ant}'); the passage says the opposite, "
                     f"{quote(e.tok.text)}."),
        detector=DETECTOR, evidence={"original": g.tok.text, "passage": e.tok.text, "antonym": ant},
    )


def _substitution(ctx: PairContext, dic: Dictionary, g: _Word, e: _Word) -> Found:
    if g.name and e.name:
        return make_finding(
            ctx, FindingKind.DRIFT, DriftSubtype.ENTITY, confidence=0.6, der_tokens=[e.tok], src_tokens=[g.tok],
            explanation=f"The original names {quote(g.tok.text)} here; the passage has {quote(e.tok.text)}.",
            detector=DETECTOR, severity=Severity.MINOR, evidence={"original": g.tok.text, "passage": e.tok.text},
        )
    pos = dic.en_pos.get(e.key, "")
    modifier = (bool(pos) and set(pos) <= {"a", "r"}) or e.key.endswith("ly")
    subtype = DriftSubtype.INTENSITY if modifier else DriftSubtype.MEANING
    return make_finding(
        ctx, FindingKind.DRIFT, subtype, confidence=0.55, der_tokens=[e.tok], src_tokens=[g.tok],
        explanation=(f"The passage says {quote(e.tok.text)} where the original has {quote(g.tok.text)}, "
                     "which the dictionary does not translate that way."),
        detector=DETECTOR, severity=Severity.MINOR, evidence={"original": g.tok.text, "passage": e.tok.text},
    )


_ANT_CACHE: dict[str, dict[str, set[str]]] = {}


def _antonyms(lex: Lexicon) -> dict[str, set[str]]:
    if lex.lang not in _ANT_CACHE:
        out: dict[str, set[str]] = {}
        data = lex.data.get("antonyms", {})
        for a, b in data.get("pairs", []):
            out.setdefault(fold(a), set()).add(fold(b))
            out.setdefault(fold(b), set()).add(fold(a))
        for left, right in data.get("groups", []):
            for a in left:
                for b in right:
                    out.setdefault(fold(a), set()).add(fold(b))
                    out.setdefault(fold(b), set()).add(fold(a))
        _ANT_CACHE[lex.lang] = out
    return _ANT_CACHE[lex.lang]


class DictionaryWords(Detector):
    name = DETECTOR
    modes = frozenset({"B"})  # with a translation, the word diff says more

    def find(self, ctx: PairContext) -> Detection:
        return detect(ctx)
