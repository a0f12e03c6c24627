"""Entities: names, places and peoples swapped or invented, and the gender of persons flipped.

A capitalised name in the passage must be found in the original (same spelling up to
inflection, accents and transliteration, or the same place/people in another language via
``lexicons/entities.toml``) or, in mode A, in the known translation.
"""

from __future__ import annotations

from functools import lru_cache

from provenance.calendar import calendar_words
from provenance.compare.base import Detection, Found, PairContext, make_finding, quote, relative_distance
from provenance.compare.detector import Detector
from provenance.compare.lexicon import Cue, Lexicon, LexiconError, entity_ids, load_entities, read_data
from provenance.compare.tokens import Side, Token, fold, is_known, lemma, similar_word, translit
from provenance.compare.word_rules import declension, past_tense
from provenance.lang.cldr import place_ids, same_place
from provenance.lang.frequency import zipf
from provenance.lang.resources import current
from provenance.model import DriftSubtype, FindingKind, Severity

DETECTOR = "entity"


def not_names_of(lex: Lexicon) -> set[str]:
    """Capitalised words that name nobody: the lexicon's list, and the language's months and weekdays."""
    return set(lex.entries("names.not_names")) | _calendar_names(lex.lang)


@lru_cache(maxsize=32)
def _calendar_names(lang: str) -> frozenset[str]:
    calendar = calendar_words(lang)
    return frozenset(fold(w) for w in (*calendar.months, *calendar.weekdays))


def name_tokens(side: Side, lex: Lexicon, *, strict: bool, inside: bool = False) -> list[Token]:
    """Tokens that look like names. ``strict`` (no translation to compare with) also drops
    capitalised words that are ordinary words of the language, to keep precision; with ``inside``, not those inside a
    sentence right after a word before a place of the lexicon's ``names.locatives``."""
    out = []
    stop = set(lex.entries("stop.words"))
    not_names = not_names_of(lex)
    # (after a word before a place, a capitalised dictionary word is part of a place's name: "w Nowej Hucie")
    locatives = set(lex.entries("names.locatives")) if inside else set()
    for t in side.tokens:
        if not t.is_word or not t.is_capitalised or len(t.text) < 2:
            continue
        low = fold(t.text)
        if low in stop or low in not_names:
            continue
        real = t.text.lower().replace("’", "'")
        base = real.split("'")[0]  # "There's" -> "there"
        if "'" in real and not real.endswith("'s") and (base in stop or base in not_names):
            continue  # "I'm", "I'll" (a possessive "Sea's" may still be part of a name)
        if "-" in real and all(is_known(p, side.lang) or fold(p) in not_names for p in real.split("-") if p):
            continue  # "Mid-May", "Anti-Corruption"
        if (_opens(side, t) and not t.text.isupper()
                and (is_known(real, side.lang) or is_known(base, side.lang))):
            continue  # "Yet", "Despite" at the start of a sentence, "Casualties" after a headline's colon
        if t.sentence_start and len(real) >= _MISSPELT_MIN and _misspelt(real, side.lang):
            continue  # "Initiallly" at the start of a sentence: a long ordinary word with one typing slip
        if (strict and not t.text.isupper() and is_known(real, side.lang) and not entity_ids(t.text)
                and (t.sentence_start or not _after_locative(side, t, locatives))):
            continue
        out.append(t)
    return out


def _opens(side: Side, tok: Token) -> bool:
    """``tok`` starts a sentence, or the clause after a colon ("Black Lives Matter: Casualties and one dead"), where
    English capitalises an ordinary word as it does a sentence's first."""
    if tok.sentence_start:
        return True
    before = [t.text for t in side.tokens[max(0, tok.index - 2) : tok.index]]
    return bool(before) and (before[-1] == ":" or (before[-1] in _QUOTES and before[:1] == [":"]))


_QUOTES = frozenset("\"“”„«»'‘’")


def _after_locative(side: Side, tok: Token, locatives: set[str]) -> bool:
    """One of the two words before ``tok`` puts a place after it ("w Nowej Hucie", "по улице Челюскинцев")."""
    return bool(locatives) and any(fold(t.text) in locatives for t in side.tokens[max(0, tok.index - 2) : tok.index])


_MISSPELT_MIN = 7  # shorter unknown words one slip from a known one are often names ('Biden' / 'bidden')


def _misspelt(word: str, lang: str) -> bool:
    """An unknown word that one typing slip turns into exactly one word WordNet knows (where it holds ``lang``)."""
    from provenance.lang import wordnet

    return (wordnet.for_language(lang) is not None and not is_known(word, lang)
            and len(wordnet.respellings(fold(word))) == 1)


def _found_in(tok: Token, side: Side, folded_text: str, translit_text: str) -> bool:
    if tok.text[-2:] in {"'s", "’s"} and len(tok.text) > 3:  # possessive: "Spain's"
        tok = Token(tok.text[:-2], tok.start, tok.end - 2, tok.index, tok.sentence_start)
    ids = entity_ids(tok.text)
    if _spelt_out(tok.text, side):
        return True
    root = current().cache_dir  # where the compiled CLDR name table is kept
    places = place_ids(tok.text, root)
    for other in side.tokens:
        if not other.is_word:
            continue
        if similar_word(tok.text, other.text, threshold=0.65 if other.is_capitalised else 0.8) and _same_onset(
                tok.text, other.text):
            return True
        if tok.text.isupper() and other.text.isupper() and sorted(tok.text) == sorted(other.text):
            return True  # the same acronym in another language's word order: VIH / HIV
        if "-" in other.text and any(similar_word(tok.text, part) or (ids and ids & entity_ids(part))
                                     for part in other.text.split("-")):
            return True  # "Un" in "Jong-un"; "American" in "US-amerikanischen"
        if ids and ids & entity_ids(other.text):
            return True
        if _declined(other.text) and _same_stem(tok.text, other.text):
            return True  # 'Радой' / 'Rada': a Russian case ending on the name
        if places and same_place(tok.text, other.text, root):
            return True  # a country or language in another language (CLDR): 'German' / 'Duitse'
    key = fold(tok.text)
    # parts of compounds: "Corona" in "Corona-Krise", "Biden" in "Biden-Regierung"
    return len(key) >= 4 and (key in folded_text or translit(tok.text) in translit_text)


@lru_cache(maxsize=1)
def _initial_variants() -> tuple[tuple[str, ...], ...]:
    groups = read_data("transliteration.toml").get("initial_variants")
    if not isinstance(groups, list) or not all(
            isinstance(g, list) and g and all(isinstance(x, str) and x for x in g) for g in groups):
        raise LexiconError("transliteration.toml: initial_variants must be a list of lists of letters")
    return tuple(tuple(fold(x) for x in g) for g in groups)


def _same_onset(a: str, b: str) -> bool:
    """Whether two spellings start alike: the same first letter, or first letters that spell one sound in different
    transliterations ("Yeltsin" / "Jelzin"); "Leninsky" and "Kalininsky", a few letters apart, are two districts."""
    ta, tb = translit(fold(a)), translit(fold(b))
    if ta[:1] == tb[:1]:
        return True
    return any(any(ta.startswith(x) for x in g) and any(tb.startswith(x) for x in g) for g in _initial_variants())


def _spelt_out(acronym: str, side: Side) -> bool:
    """An acronym whose letters begin a run of capitalised words of ``side``, in any order and over short
    linking words: 'AHP' / 'Associação da Hotelaria de Portugal', 'Portuguese Hotel Association'."""
    if not _acronym(acronym):
        return False
    want = sorted(acronym)
    toks = side.tokens
    for i, first in enumerate(toks):
        if not (first.is_word and first.is_capitalised):
            continue
        initials: list[str] = []
        for t in toks[i:]:
            if len(initials) == len(want) or not t.is_word:
                break
            if t.is_capitalised:
                initials.append(t.text[0].upper())
            elif len(t.text) > 3:  # 'da', 'de', 'of', 'and' link the words of one name; other words end it
                break
        if sorted(initials) == want:
            return True
    return False


def _declined(word: str) -> bool:
    return bool(word) and "а" <= word[-1].lower() <= "я"  # Cyrillic: names decline


def _same_stem(name: str, declined: str) -> bool:
    """A declined Cyrillic name whose stem, transliterated, opens the Latin name and leaves at most a vowel or
    two ('Радой' / 'Rada', 'Путину' / 'Putin'); or an adjective made from the name ('Кронштадтском рейде' /
    'Kronstadt Roadstead', 'Тартуский' / 'Tartu')."""
    low, target = declined.lower(), translit(name)
    rules = declension("ru")  # Russian's endings serve every Cyrillic name, as the transliteration does
    if rules is None:
        return False
    place = rules.place_adjective.sub("", low) if rules.place_adjective else low
    if place != low and len(place) >= 4 and similar_word(translit(place), target, threshold=0.8):
        return True
    for ending in rules.case_endings:
        stem = low[: -len(ending)]
        if low.endswith(ending) and len(stem) >= 3:
            key = translit(stem)
            if len(key) >= 3 and target.startswith(key) and len(target) - len(key) <= 2:
                return True
    return False


def detect(ctx: PairContext) -> Detection:
    findings = _names(ctx)
    # the names weighed stay claimed when a replaced name reports instead: a name is no added word
    weighed = [i for f in findings for i in f.claims]
    if ctx.trans is not None and not any(f.finding.confidence >= 0.6 for f in findings):
        # weak name findings ('William' is also a dictionary word) give way to a name replaced at its place
        findings = _replaced_names(ctx) or findings
    if not findings and ctx.trans is not None:
        findings = _body_swapped(ctx)
    if not findings:
        findings = _dropped_names(ctx)
    findings += _gender(ctx)
    return Detection.of(findings, also=weighed)


def _body_swapped(ctx: PairContext) -> list[Found]:
    """Mode A: the translation gives the sentence to a public body of one kind ("the chamber of agriculture has opened
    a support line") and the passage to a body of another kind ("the prefecture has opened ..."): the actor swapped.
    The kinds are the lexicon's [bodies] lists; the translation names none of the passage's kind and the passage none
    of the translation's (a body merely added or left out is no swap)."""
    assert ctx.trans is not None
    theirs, mine = _bodies(ctx.trans, ctx.der_lex), _bodies(ctx.der, ctx.der_lex)
    gone = [cue for kind, cues in theirs.items() if kind not in mine for cue in cues]
    new = [cue for kind, cues in mine.items() if kind not in theirs for cue in cues]
    # at the same place of the word diff: a sentence merged from two acts of two bodies is no swap
    # (and doing the same: the word after the body is the same on both sides, "has opened" / "has called")
    pair = next(((g, n) for op in ctx.opcodes if op.tag == "replace" and max(op.a[1] - op.a[0], op.b[1] - op.b[0])
                 <= _BODY_SWAP_WORDS for g in gone for n in new
                 if g.start < op.a[1] and op.a[0] < g.end and n.start < op.b[1] and op.b[0] < n.end
                 and _after(ctx.trans, g) == _after(ctx.der, n)), None)
    if pair is None:
        return []
    old_text = " ".join(t.text for t in ctx.trans.tokens[pair[0].start : pair[0].end])
    tokens = ctx.der.tokens[pair[1].start : pair[1].end]
    new_text = " ".join(t.text for t in tokens)
    return [make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.ENTITY, confidence=0.7, der_tokens=list(tokens), src_tokens=None,
        explanation=(f"The translation of the original has {quote(old_text)} here; the passage has {quote(new_text)}, "
                     "a body of another kind: the actor is swapped."),
        detector=DETECTOR, severity=Severity.MAJOR, evidence={"body": new_text, "replaces": old_text},
    )]


def _after(side: Side, cue: Cue) -> str:
    return fold(side.tokens[cue.end].text) if cue.end < len(side.tokens) else ""


_BODY_SWAP_WORDS = 5  # a local substitution: a longer stretch rewritten is another sentence, not another actor


def _bodies(side: Side, lex: Lexicon) -> dict[str, list[Cue]]:
    """The public bodies ``side`` names, by kind; the longest wins where two overlap ("European Union" over "union",
    "provincial council" over "council")."""
    found = sorted(((cue, kind) for kind in lex.table("bodies") for cue in lex.find(f"bodies.{kind}", side.tokens)),
                   key=lambda ck: ck[0].end - ck[0].start, reverse=True)
    kept: list[tuple[Cue, str]] = []
    for cue, kind in found:
        if not any(cue.start < k.end and k.start < cue.end for k, _ in kept):
            kept.append((cue, kind))
    out: dict[str, list[Cue]] = {}
    for cue, kind in sorted(kept, key=lambda ck: ck[0].start):
        out.setdefault(kind, []).append(cue)
    return out


def _dropped_names(ctx: PairContext) -> list[Found]:
    """Proper names of the original (words the language's dictionary does not know) missing from the passage."""
    der_fold, der_tl = fold(ctx.der.text), translit(ctx.der.text)
    tr_fold = fold(ctx.trans.text) if ctx.trans is not None else ""
    tr_tl = translit(ctx.trans.text) if ctx.trans is not None else ""
    missing = []
    for tok in ctx.src.tokens:
        if not tok.is_word or not tok.is_capitalised or len(tok.text) < 3 or tok.text.isupper():
            continue
        low = tok.text.lower()
        if is_known(low, ctx.src.lang) or is_known(low.split("'")[0], ctx.src.lang) or ctx.src_lex.has_word(
                "stop.words", low) or _compound(low, ctx.src.lang):
            continue
        if _found_in(tok, ctx.der, der_fold, der_tl):
            continue
        if ctx.trans is not None and _found_in(tok, ctx.trans, tr_fold, tr_tl):
            continue
        missing.append(tok)
    if not missing:
        return []
    names = ", ".join(quote(t.text) for t in missing[:3])
    return [
        make_finding(
            ctx, FindingKind.OMISSION, None, confidence=0.6, der_tokens=None, src_tokens=missing[:3],
            explanation=f"The original names {names}, which the passage does not mention.",
            detector=DETECTOR, evidence={"dropped_names": [t.text for t in missing]},
        )
    ]


def _replaced_names(ctx: PairContext) -> list[Found]:
    """Mode A: a name the original and its translation share ('Bush' in both) is missing from the passage,
    and at that place the passage has another capitalised word ('Prince William')."""
    assert ctx.trans is not None
    src_fold, src_tl = fold(ctx.src.text), translit(ctx.src.text)
    der_fold, der_tl = fold(ctx.der.text), translit(ctx.der.text)
    tr_fold, tr_tl = fold(ctx.trans.text), translit(ctx.trans.text)
    stop = set(ctx.der_lex.entries("stop.words"))
    not_names = not_names_of(ctx.der_lex)
    for op in ctx.opcodes:
        if op.tag != "replace" or op.a[1] - op.a[0] > 4 or op.b[1] - op.b[0] > 4:
            continue  # only a local substitution; long rephrased stretches move names around
        t_toks = ctx.trans.tokens[op.a[0] : op.a[1]]
        names = [t for t in t_toks if t.is_word and t.is_capitalised and len(t.text) >= 2 and fold(t.text) not in stop
                 and not (t.sentence_start and is_known(t.text, ctx.trans.lang))
                 and _found_in(t, ctx.src, src_fold, src_tl) and not _found_in(t, ctx.der, der_fold, der_tl)]
        if not names:
            continue
        d_toks = ctx.der.tokens[op.b[0] : op.b[1]]
        new = [d for d in d_toks if d.is_word and d.is_capitalised and fold(d.text) not in stop
               and not (d.sentence_start and is_known(d.text, ctx.der.lang))
               and not _found_in(d, ctx.trans, tr_fold, tr_tl) and not _found_in(d, ctx.src, src_fold, src_tl)]
        # months, days and titles alone are capitalised without being names ("on 3 November in Gdańsk")
        if not new or all(fold(d.text) in not_names for d in new):
            continue
        old_names = " ".join(t.text for t in names)
        new_names = " ".join(d.text for d in new)
        if all(t.text.isupper() and len(t.text) >= 3 for t in names):
            continue  # acronyms ('NRW', 'MVD') are routinely spelt out in a translation
        parts = [old_names] + [p for t in names for p in t.text.split("-") if len(p) >= 3 and "-" in t.text]
        parts += [lemma(p, ctx.src.lang) for p in parts[1:]]  # 'Pokals' -> 'Pokal'
        if any(_same_meaning(p, new_names) for p in parts):
            continue  # 'DFB-Pokal' / 'DFB Cup', 'Bundestag' / 'Parliament': the name translated, not replaced
        return [make_finding(
            ctx, FindingKind.DRIFT, DriftSubtype.ENTITY, confidence=0.8, der_tokens=new, src_tokens=None,
            explanation=(f"The original and its translation name {quote(old_names)}; the passage says "
                         f"{quote(new_names)} instead."),
            detector=DETECTOR, evidence={"name": new_names, "replaces": old_names},
        )]
    return []


def _named_in(tok: Token, side: Side) -> bool:
    """The name is in ``side`` as a name: among its capitalised words inside a sentence ("Grassobbio's mayor"), not
    only inside an ordinary word ("Photovoltaikanlage" / "photovoltaic system")."""
    names = [t for t in side.tokens if t.is_word and t.is_capitalised
             and not (t.sentence_start and is_known(t.text.lower(), side.lang))]
    text = " ".join(t.text for t in names)
    return bool(names) and _found_in(tok, Side(text, names, side.lang), fold(text), translit(text))


def _alone(tok: Token, side: Side) -> bool:
    """No capitalised word next to it: "of Seriate", not one word of "Christian Democrats" spelling out "CDU"."""
    near = side.tokens[max(0, tok.index - 1) : tok.index] + side.tokens[tok.index + 1 : tok.index + 2]
    return not any(t.is_word and t.is_capitalised and not t.sentence_start for t in near)


def _same_meaning(a: str, b: str) -> bool:
    """A name and its translation are close in the multilingual embedding space; two different names are not
    (threshold set on DEMETR tuning items and the inspected WMT segments)."""
    from provenance.compare.wordvec import word_vectors

    vec = word_vectors([a, b])
    return float(vec[a] @ vec[b]) >= 0.86


def _acronym(word: str) -> bool:
    return word.isupper() and word.isalpha() and 2 <= len(word) <= 6


def _compound(word: str, lang: str) -> bool:
    """German/Dutch compounds of dictionary words ('Investitionszäune') are not names."""
    if lang not in {"de", "nl"} or len(word) < 9:
        return False
    for k in range(3, len(word) - 2):
        head, tail = word[:k], word[k:]
        if (len(head) >= 5 and is_known(head, lang)) or (len(tail) >= 5 and is_known(tail, lang)):
            return True
    return False


def _names(ctx: PairContext) -> list[Found]:
    strict = ctx.trans is None and not ctx.same_language
    cands = name_tokens(ctx.der, ctx.der_lex, strict=strict)
    if not cands:
        return []
    src_fold, src_tl = fold(ctx.src.text), translit(ctx.src.text)
    tr_fold = fold(ctx.trans.text) if ctx.trans is not None else ""
    tr_tl = translit(ctx.trans.text) if ctx.trans is not None else ""
    # (without a translation, only the original's names proper: German capitalises every noun, "Milchbauern" is
    # no name a passage's "Argenbühl" could replace)
    src_names = name_tokens(ctx.src, ctx.src_lex, strict=ctx.trans is None)
    # ... and in languages that capitalise only names, its capitalised dictionary words inside a sentence too ("w
    # Nowej Hucie"), as what a little-known name of the passage may stand for ("Podgórze"); a widely known one
    # ("Navarre", "Porto") is mostly the desk's explicitation beside such words ("la Comunidad Foral")
    src_local = name_tokens(ctx.src, ctx.src_lex, strict=True, inside=True) if ctx.trans is None else src_names
    src_words = src_names if ctx.trans is not None else name_tokens(ctx.src, ctx.src_lex, strict=False)
    findings: list[Found] = []
    for tok in cands:
        if _found_in(tok, ctx.src, src_fold, src_tl):
            continue
        if ctx.trans is not None and _found_in(tok, ctx.trans, tr_fold, tr_tl):
            continue
        if _abbreviates(tok.text, ctx.src) or (ctx.trans is not None and _abbreviates(tok.text, ctx.trans)):
            continue  # "AEMET" for "Agencia Estatal de Meteorología": the name's own abbreviation
        ids = entity_ids(tok.text)
        swapped = _swap_partner(ids, ctx)
        counterpart = None
        unmatched_src: list[Token] = []
        replaced = False
        if swapped is not None:
            counterpart = swapped
            conf = 0.9
            text = f"The original names {quote(swapped.text)}; the passage says {quote(tok.text)} instead."
        else:
            der_fold, der_tl = fold(ctx.der.text), translit(ctx.der.text)
            # names of the original the passage lacks: a name swapped rather than added
            theirs = src_names if src_local is src_names or _widely_known(tok.text, ctx.der.lang) else src_local
            unmatched_src = [s for s in theirs if not _found_in(s, ctx.der, der_fold, der_tl)]
            if ctx.trans is not None:
                replaced = _replaced_name_in_translation(tok, ctx)
                conf = 0.85 if replaced else 0.7
                if not tok.text.isupper() and is_known(tok.text.lower(), ctx.der.lang) and not ids:
                    # "Hall", "Naval": capitalised ordinary words in titles vary between translations; keep
                    # them only where the diff swaps one single name for another, or where a name of the
                    # translation is gone from about the same place and means something else ("the mayor of
                    # Seriate" for "Grassobbio's mayor"; not "Parliament" for "the Bundestag")
                    stands_for = replaced or (_alone(tok, ctx.der) and any(
                        _named_in(s, ctx.trans) and relative_distance(s, ctx.src, tok, ctx.der) <= _NEAR
                        and not s.text.isupper() and not _same_meaning(s.text, tok.text) for s in unmatched_src))
                    conf = 0.6 if stands_for and not _in_institution_name(tok, ctx.der, ctx.der_lex) else 0.45
            else:
                # a name of the original the passage lacks stands in its place only about where it stands: the
                # 'Vénissieux' a passage drops is no counterpart of the 'Lyon' it adds to another clause
                unmatched_src = [s for s in unmatched_src if relative_distance(s, ctx.src, tok, ctx.der) <= _NEAR]
                if any(_same_meaning(s.text, tok.text) for s in src_words
                       if relative_distance(s, ctx.src, tok, ctx.der) <= _NEAR):
                    continue  # one of them in its English form ("San Rocco" / "St Roch", "Wisły" / "Vistula")
                conf = 0.7 if unmatched_src else 0.55
            text = f"The passage names {quote(tok.text)}, which does not appear in the original"
            text += " or its translation." if ctx.trans is not None else "."
            if len(unmatched_src) == 1:
                counterpart = unmatched_src[0]
                text = f"The original names {quote(counterpart.text)}; the passage says {quote(tok.text)}."
                if (ctx.trans is not None and not ids and not entity_ids(counterpart.text)
                        and not tok.text.isupper() and not counterpart.text.isupper()
                        and is_known(tok.text.lower(), ctx.der.lang)
                        and is_known(counterpart.text.lower(), ctx.src.lang)):
                    continue  # "Trouble" for "Aufregung": two ordinary words capitalised, wording, not names
                if ctx.trans is None and _same_meaning(counterpart.text, tok.text):
                    continue  # the name in English ("Vistula" for "Wisły", "Oder" for "Odry"), not another name
        # a substitution needs a name in its place: (mode A) a name of the translation the diff replaces, (mode B)
        # a name of the original the passage lacks. A name standing for a description, a role, a pronoun or
        # "hierzulande" ("der Kanzlerin" / "Merkel", "in this country" / "in Germany") is explicitation, at most
        # minor; a name where nothing stands is an addition
        # with a known translation the word diff says what stands there: a substitution replaces a name at the
        # same place ("Lyon" added to "Villeurbanne" replaces nothing, though the original names others)
        if ctx.trans is not None:
            # ... or a name of the original (and its translation) the passage lacks, at about the same place
            lacking = [s for s in (unmatched_src or ([swapped] if swapped is not None else []))
                       if _found_in(s, ctx.trans, tr_fold, tr_tl)
                       and relative_distance(s, ctx.src, tok, ctx.der) <= _NEAR and not _same_name(s, tok, ctx.der)]
            explicit = not replaced and not lacking
        else:
            explicit = counterpart is None and not unmatched_src
        if (swapped is None and not explicit and _widely_known(tok.text, ctx.der.lang) and _known_place(tok.text)
                and _keeps_every_place(ctx) and not (ctx.trans is not None and _displaces_name(tok, ctx))):
            # a widely known place ("Lyon", "the Saxon road authority", "Italy's") added to a passage that keeps
            # every place of the original is context the desk makes explicit; a name slipped in is mostly a rare,
            # local one ("Castletownbere", "Zuera") or a person's, and where a place of the original is gone
            # ("Lisbon" for "Portuguese", "Syria" for "South Korea") or the diff puts it in a name's place ("the
            # University of Florence" for "of Pisa") the new one stands in its place: drift
            explicit = True
        if swapped is None and not explicit and _locates_kept_name(tok, ctx, (src_fold, src_tl), (tr_fold, tr_tl)):
            explicit = True  # "Querfurt, in Saxony-Anhalt's Saalekreis district": where a place of the original lies
        if "-" in tok.text and tok.text.rsplit("-", 1)[1].islower():
            explicit = True  # "EU-funded", "Kremlin-backed": a name inside a description, what the desk knows of it
        severity = Severity.MINOR if explicit else None
        if counterpart is None and ctx.trans is not None and not unmatched_src and _inserted(tok, ctx):
            # nothing of the translation stands where the name is: a name added, not a name changed
            findings.append(make_finding(
                ctx, FindingKind.ADDITION, None, confidence=conf, der_tokens=[tok], src_tokens=None,
                explanation=(f"The passage adds the name {quote(tok.text)}, which neither the original nor its "
                             "translation has."),
                detector=DETECTOR, evidence={"name": tok.text, "entity_ids": sorted(ids), "level": "words"},
                # a name alone adds no claim; desks name the place or person the original implies ("in Kraków"
                # for the regional capital): at most minor, like any explicitation
                severity=Severity.MINOR,
            ))
            continue
        findings.append(
            make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.ENTITY, confidence=conf, der_tokens=[tok],
                src_tokens=[counterpart] if counterpart else None, explanation=text, detector=DETECTOR,
                evidence={"name": tok.text, "entity_ids": sorted(ids), **({"explicitation": True} if explicit else {}),
                          **({"replaces": counterpart.text} if counterpart is not None else {})},
                severity=severity,
            )
        )
    return findings


#: a name this frequent in the passage's language (Zipf scale: about once per three million words) is widely known
WIDELY_KNOWN_ZIPF = 2.5


def _widely_known(name: str, lang: str) -> bool:
    """Whether a name is common in running text; not an acronym, whose letters' frequency says nothing ("FO")."""
    if name.isupper():
        return False
    word = name.lower().removesuffix("'s").removesuffix("’s")
    return zipf(word, lang) >= WIDELY_KNOWN_ZIPF


_SAME_STEM = 4  # names sharing their first four letters are one name in two forms ("Norway" / "Norwegian")


def _same_name(theirs: Token, mine: Token, side: Side, *, meaning: str | None = None) -> bool:
    """Whether ``mine`` (in ``side``) writes the name ``theirs`` another way: a shared stem, an acronym of the
    capitalised run around ``mine`` ("EU" / "European Union"), or a translation of it (word vectors; of ``meaning``,
    the whole name ``theirs`` is part of, when given)."""
    a, b = fold(theirs.text), fold(mine.text)
    if len(a) >= _SAME_STEM and len(b) >= _SAME_STEM and a[:_SAME_STEM] == b[:_SAME_STEM]:
        return True
    if theirs.text.isupper() and 2 <= len(theirs.text) <= 5:
        run = [t for t in side.tokens[mine.index : mine.index + len(theirs.text)] if t.is_word]
        # in any order: languages order an acronym's words their own way ("UE" / "European Union")
        if sorted("".join(t.text[0] for t in run).upper()) == sorted(theirs.text):
            return True
    if _acronym(theirs.text) and _acronym(mine.text) and theirs.text.isascii() and mine.text.isascii():
        # (mode A: both are the passage language's.) Two acronyms sit close in the vectors when they name bodies of
        # one kind ("CGT" / "CFDT", "SPD" / "CDU"); in one language an acronym stands for another only as its
        # letters do ("UN" / "U.N.")
        return set(a) <= set(b) or set(b) <= set(a)
    return _same_meaning(meaning or theirs.text, mine.text)


_NEAR = 0.3  # relative places of two names in their sentences at most this far apart: the same place


def _inserted(tok: Token, ctx: PairContext) -> bool:
    """Mode A: the word diff inserts this word, or puts it in place of function words only ('the writer' ->
    'Nobel writer')."""
    assert ctx.trans is not None
    for op in ctx.opcodes:
        if op.b[0] <= tok.index < op.b[1]:
            if op.tag == "insert":
                return True
            replaced = ctx.trans.tokens[op.a[0] : op.a[1]]
            return op.tag == "replace" and all(
                not t.is_word or ctx.der_lex.has_word("stop.words", t.text) for t in replaced)
    return False


def _in_institution_name(tok: Token, side: Side, lex: Lexicon) -> bool:
    """Part of a Title Case institution name ('Ministry of Emergency Situations', 'Unified State Exam'):
    a run of capitalised words (joined by of/for/and) with an institution word in it."""
    not_names = not_names_of(lex)
    toks = side.tokens

    def run(step: int) -> list[Token]:
        out, i = [], tok.index + step
        while 0 <= i < len(toks):
            t = toks[i]
            if t.is_word and t.is_capitalised:
                out.append(t)
            elif t.text.lower() not in lex.entries("names.links"):
                break
            i += step
        return out

    phrase = run(-1) + run(1)
    return any(fold(t.text) in not_names for t in phrase)


def _swap_partner(ids: frozenset[str], ctx: PairContext) -> Token | None:
    """An original token naming a different entity of the same type that the passage does not name."""
    if not ids:
        return None
    types = {load_entities()[i]["type"] for i in ids}
    der_ids = set().union(*(entity_ids(t.text) for t in ctx.der.tokens if t.is_word))
    for s in ctx.src.tokens:
        if not s.is_word or ctx.src_lex.has_word("stop.words", s.text):
            continue  # (Spanish "un" is an article, not the UN)
        sids = entity_ids(s.text)
        if sids and not (sids & der_ids) and {load_entities()[i]["type"] for i in sids} & types:
            return s
    return None


_MAX_ABBREVIATION = 8


def _abbreviates(word: str, side: Side) -> bool:
    """An all-capitals word spelt by the first letters of a run of the side's capitalised words, each giving one
    letter or more ("AEMET": Agencia Estatal de METeorología; "RENFE": REd Nacional de Ferrocarriles Españoles);
    lower-case words between them ("de", "of") are skipped."""
    if not (2 <= len(word) <= _MAX_ABBREVIATION and word.isalpha() and word.isupper()):
        return False
    runs: list[list[str]] = [[]]
    for t in side.tokens:
        if t.is_word and t.is_capitalised:
            runs[-1].append(fold(t.text))
        elif not (t.is_word and t.text.islower() and len(t.text) <= 3):
            runs.append([])  # a run of a name ends at punctuation or a longer lower-case word
    letters = fold(word)
    return any(_spells(letters, run[i:]) for run in runs for i in range(len(run)) if len(run) - i >= 2)


def _spells(letters: str, words: list[str]) -> bool:
    if not letters:
        return True
    if not words:
        return False
    head = words[0]
    return any(head.startswith(letters[:k]) and _spells(letters[k:], words[1:])
               for k in range(1, min(len(letters), len(head)) + 1))


def _replaced_name_in_translation(tok: Token, ctx: PairContext) -> bool:
    """Mode A: the diff replaces a capitalised translation word by this one. For a widely known name, a name the
    passage has nowhere else ("in the Montiferru since Sunday" / "in the Montiferru hills in western Sardinia"
    replaces no name: the passage keeps "Montiferru", and a weekday names nobody); a rare name slipped in where the
    diff moves names about ("near Polizzello") is still taken for one put in another's place."""
    assert ctx.trans is not None
    for op in ctx.opcodes:
        if op.tag == "replace" and op.b[0] <= tok.index < op.b[1]:
            # a capitalised word, not a dictionary word capitalised because it opens the sentence ("In this country"),
            # and not the same name in another form ("Norwegian" / "Norway's", "EU" / "European Union")
            theirs = [t for t in ctx.trans.tokens[op.a[0] : op.a[1]]
                      if t.is_capitalised and t.is_word and not (t.sentence_start and is_known(t.text, ctx.der.lang))]
            not_names = not_names_of(ctx.der_lex)
            der_fold, der_tl = fold(ctx.der.text), translit(ctx.der.text)
            replaced = [t for t in theirs
                        if (fold(t.text) not in not_names and not _found_in(t, ctx.der, der_fold, der_tl))
                        or _run_gone(t, theirs, der_fold)]
            if len(replaced) < len(theirs) and _widely_known(tok.text, ctx.der.lang):
                theirs = replaced  # (the word-frequency table is read only when the answer depends on it)
            # (a word of a longer name is compared by the whole name's meaning: "Smog" of "Kraków Smog Alert" is no
            # translation of "Greenpeace", though the two words sit close in the vectors)
            return bool(theirs) and not any(
                _same_name(t, tok, ctx.der, meaning=" ".join(r.text for r in _run_of(t, theirs))) for t in theirs)
    return False


def _displaces_name(tok: Token, ctx: PairContext) -> bool:
    """Mode A: the diff puts ``tok`` alone in place of a name proper of the translation that the passage lacks ("the
    University of Florence" for "of Pisa"), not beside another new name that stands there ("Vénissieux, on the edge
    of Lyon" for "Villeurbanne") nor for capitalised words of a title ("the Saxon road authority" for "the State
    Office for Road Construction")."""
    assert ctx.trans is not None
    der_fold, der_tl = fold(ctx.der.text), translit(ctx.der.text)
    for op in ctx.opcodes:
        if op.tag != "replace" or not op.b[0] <= tok.index < op.b[1]:
            continue
        theirs = [t for t in ctx.trans.tokens[op.a[0] : op.a[1]]
                  if t.is_word and t.is_capitalised and not t.sentence_start
                  and not is_known(t.text.lower(), ctx.der.lang) and not _found_in(t, ctx.der, der_fold, der_tl)]
        others = [t for t in ctx.der.tokens[op.b[0] : op.b[1]]
                  if t is not tok and t.is_word and t.is_capitalised and not t.sentence_start]
        return bool(theirs) and not others
    return False


def _run_of(tok: Token, theirs: list[Token]) -> list[Token]:
    """The run of consecutive capitalised words ``tok`` stands in (itself alone when none is next to it)."""
    by_index = {t.index: t for t in theirs}
    start = end = tok.index
    while start - 1 in by_index:
        start -= 1
    while end + 1 in by_index:
        end += 1
    return [by_index[i] for i in range(start, end + 1)]


def _run_gone(tok: Token, theirs: list[Token], der_fold: str) -> bool:
    """The word is part of a name of several capitalised words the passage does not have as a whole: "the Kraków
    Smog Alert" is replaced though the passage names Kraków elsewhere and "Smog" and "Alert" are ordinary words."""
    run = _run_of(tok, theirs)
    return len(run) > 1 and fold(" ".join(t.text for t in run)) not in der_fold


_LOCATIVE_REACH = 4  # words between a locative and the name: "in Saxony-Anhalt's Saalekreis", "in the far south of"


def _locates_kept_name(tok: Token, ctx: PairContext, src_keys: tuple[str, str], tr_keys: tuple[str, str]) -> bool:
    """The name stands in a phrase that says in which region a name of the original lies, right after it:
    "Querfurt, in Saxony-Anhalt's Saalekreis district", "Kerkrade in southern Limburg", "Clusone, in the Val
    Seriana". Explicitation, not a name changed; "Avenue du Général-Leclerc in Blagnac" names another town.
    ``src_keys`` and ``tr_keys``: the original's and the translation's text folded and transliterated."""
    toks = ctx.der.tokens
    locatives = set(ctx.der_lex.entries("names.locatives"))
    i = tok.index - 1
    while i >= 0 and tok.index - i <= _LOCATIVE_REACH and toks[i].is_word and fold(toks[i].text) not in locatives:
        i -= 1
    if i < 1 or not toks[i].is_word or fold(toks[i].text) not in locatives:
        return False
    after = tok.index + 1
    while after < len(toks) and toks[after].is_word and toks[after].is_capitalised:
        after += 1  # the rest of the name, and the word after it: "Saxony-Anhalt's Saalekreis district"
    phrase = toks[i + 1 : after + 1]
    if not any(t.is_word and ctx.der_lex.has_word("names.regions", t.text) for t in phrase):
        return False
    j = i - 1
    if not toks[j].is_word and toks[j].text.strip() == ",":
        j -= 1
    if j < 0 or not toks[j].is_word or not toks[j].is_capitalised or fold(toks[j].text) in not_names_of(ctx.der_lex):
        return False  # (not a weekday: "overnight into Wednesday in the city's Kirovsky district")
    kept = toks[j]
    if _found_in(kept, ctx.src, *src_keys):
        return True
    return ctx.trans is not None and _found_in(kept, ctx.trans, *tr_keys)


def _known_place(word: str) -> bool:
    """A place, country or language the entity lists or CLDR know ("Lyon", "Saxon", "Portuguese")."""
    return bool(entity_ids(word) or place_ids(word, current().cache_dir))


def _keeps_every_place(ctx: PairContext) -> bool:
    """Whether the passage renders every known place of the translation (mode A) or the original (mode B)."""
    side = ctx.trans if ctx.trans is not None else ctx.src
    folded, tl = fold(ctx.der.text), translit(ctx.der.text)
    return not any(t.is_word and t.is_capitalised and _known_place(t.text) and not _found_in(t, ctx.der, folded, tl)
                   for t in side.tokens)


# ------------------------------------------------------------------ gender of persons

def _gender_counts(side: Side, lex: Lexicon, *, original: bool = False) -> tuple[list[Token], list[Token], int]:
    def listed(t: Token, key: str) -> bool:
        # a declined noun counts by its lemma ('мужчиной' is 'мужчина'); short words (pronouns) only as written,
        # and a capitalised word inside a sentence only as written: 'National Women's Hospital' is a name
        if lex.has_word(key, t.text):
            return True
        in_name = t.is_capitalised and not t.sentence_start
        base = lemma(t.text, side.lang)
        # (in the original, not a function word's lemma: German "seien" is a form of "sein", to be, not the
        # possessive "sein")
        return (len(t.text) >= 4 and not in_name and lex.has_word(key, base)
                and not (original and lex.has_word("stop.words", base)))

    masc = [t for t in side.tokens if t.is_word and listed(t, "gender.masculine")]
    fem = [t for t in side.tokens if t.is_word and listed(t, "gender.feminine")]
    if (past := past_tense(side.lang)) is not None:
        # Russian/Ukrainian/Polish past tense agrees with the subject: сказал (he) / сказала (she)
        for t in side.tokens:
            low = fold(t.text)
            if not t.is_word or len(low) < 4 or not lemma(t.text, side.lang).endswith(past.infinitive):
                continue
            if low.endswith(past.feminine):
                fem.append(t)
            elif low.endswith(past.masculine):
                masc.append(t)
    amb = sum(1 for t in side.tokens if t.is_word and lex.has_word("gender.ambiguous", t.text))
    return masc, fem, amb


def _gender(ctx: PairContext) -> list[Found]:
    dm, df, _ = _gender_counts(ctx.der, ctx.der_lex)
    if not dm and not df:
        return []
    if ctx.trans is not None:
        tm, tf, _ = _gender_counts(ctx.trans, ctx.der_lex)
        # a swap: more feminine and fewer masculine words than the translation, or the reverse
        if len(df) > len(tf) and len(dm) < len(tm):
            return [_gender_finding(ctx, df, "feminine", "masculine", 0.85)]
        if len(dm) > len(tm) and len(df) < len(tf):
            return [_gender_finding(ctx, dm, "masculine", "feminine", 0.85)]
        if df and not tf and tm and not dm:
            return [_gender_finding(ctx, df, "feminine", "masculine", 0.8)]
        if dm and not tm and tf and not df:
            return [_gender_finding(ctx, dm, "masculine", "feminine", 0.8)]
        return []
    if not ctx.src_lex.data.get("gender"):
        return []
    sm, sf, samb = _gender_counts(ctx.src, ctx.src_lex, original=True)
    # a group of people ("Frauen") names no one person: no evidence of the gender of the passage's "he"
    sm, sf = ([t for t in toks if not ctx.src_lex.has_word("gender.groups", t.text)] for toks in (sm, sf))
    if df and sm and not sf and not samb:
        return [_gender_finding(ctx, df, "feminine", "masculine", 0.7 if not dm else 0.6, sm)]
    if dm and sf and not sm and not samb:
        return [_gender_finding(ctx, dm, "masculine", "feminine", 0.7 if not df else 0.6, sf)]
    return []


def _gender_finding(ctx: PairContext, toks: list[Token], got: str, want: str, conf: float,
                    src_toks: list[Token] | None = None) -> Found:
    words = ", ".join(quote(t.text) for t in toks[:3])
    return make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.ENTITY, confidence=conf, der_tokens=toks[:3], src_tokens=src_toks,
        explanation=f"The original refers to a {want} person; the passage uses {got} {words}.",
        detector=DETECTOR, evidence={"gender": {"passage": got, "original": want}},
    )


class Entities(Detector):
    name = DETECTOR

    def find(self, ctx: PairContext) -> Detection:
        return detect(ctx)
