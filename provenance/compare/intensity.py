"""Intensity: a partial statement made total ("teilweise" -> "completely") or loaded wording added.

Compared by class, not by word: the passage's strong/absolute words need a strong or
universal word in the original (or the known translation); a downtoner in the original
that the passage replaces by an absolute is the clearest case.
"""

from __future__ import annotations

from provenance.compare.base import Detection, Found, PairContext, make_finding, quote, relative_distance
from provenance.compare.detector import Detector
from provenance.compare.lexicon import Cue
from provenance.compare.tokens import Side, Token, fold
from provenance.errors import LexiconError
from provenance.lang import wordnet
from provenance.lang.lemmas import lemma
from provenance.model import DriftSubtype, FindingKind

DETECTOR = "intensity"


def _cues(side: Side | None, lex, *classes: str) -> list[list[Cue]]:  # noqa: ANN001 - Lexicon
    """The cues of each ``intensity`` class on a side (none without the side), except those inside a phrase that
    states no degree ("above all", "after all", "every day")."""
    if side is None:
        return [[] for _ in classes]
    neutral = {i for c in lex.find("intensity.neutral", side.tokens) for i in range(c.start, c.end)}
    toks = side.tokens
    return [[c for c in lex.find(f"intensity.{name}", toks) if not neutral & set(range(c.start, c.end))
             # a part before a figure approximates it ("some 9,000 cars"): no degree of the statement
             and not (name == "partial" and c.end < len(toks) and toks[c.end].is_number)]
            for name in classes]


def _text(side: Side, cues: list[Cue]) -> str:
    return ", ".join(quote(" ".join(t.text for t in side.tokens[c.start : c.end])) for c in cues[:3])


def detect(ctx: PairContext) -> Detection:
    return Detection.of(_findings(ctx))


def _findings(ctx: PairContext) -> list[Found]:
    # an original's language without degree words is compared through its known translation alone (mode A)
    src_known = bool(ctx.src_lex.data.get("intensity"))
    if not src_known and ctx.trans is None:
        return []
    d_strong, d_univ, d_part, d_major = _cues(ctx.der, ctx.der_lex, "strong", "universal", "partial", "majority")
    s_strong, s_univ, s_part = _cues(ctx.src if src_known else None, ctx.src_lex, "strong", "universal", "partial")
    t_strong, t_univ, t_part, t_major = _cues(ctx.trans, ctx.der_lex, "strong", "universal", "partial", "majority")
    if ctx.trans is not None and (made_most := _minority_made_majority(ctx, d_major, t_major, t_part)):
        return made_most
    if ctx.trans is None and src_known and not d_part and (made_most := _part_made_majority(ctx, d_major)):
        return made_most
    if ctx.trans is not None and (moved := _degree_moved(ctx)):
        return moved
    strong = _dedupe(d_strong + d_univ)
    if not strong and ctx.trans is not None and (raised := _part_raised(ctx, t_part, d_part, t_strong + t_univ)):
        return raised
    if not strong:
        return _part_made_whole(ctx, t_part, d_part) if ctx.trans is not None else []
    src_intense = s_strong or s_univ
    tr_intense = t_strong or t_univ
    toks = [ctx.der.tokens[i] for c in strong for i in range(c.start, c.end)]
    # the seed case: the original qualifies ("teilweise"), the passage drops the qualifier and goes absolute, at
    # about the same place ("some of the owners" / "most of the owners"; not "about escape routes" / "clearly")
    s_part = [c for c in s_part if any(_same_place(ctx.src, c, ctx.der, d) for d in strong)]
    t_part = [c for c in t_part if ctx.trans is not None and any(_same_place(ctx.trans, c, ctx.der, d) for d in strong)]
    if (s_part or t_part) and not d_part and not src_intense and not tr_intense:
        ref_side, ref = (ctx.src, s_part) if s_part else (ctx.trans, t_part)
        return [
            make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.INTENSITY, confidence=0.85, der_tokens=toks,
                src_tokens=[ctx.src.tokens[i] for c in s_part for i in range(c.start, c.end)] or None,
                explanation=(f"The original qualifies the statement ({_text(ref_side, ref)}); "  # type: ignore[arg-type]
                             f"the passage makes it absolute ({_text(ctx.der, strong)})."),
                detector=DETECTOR, evidence={"passage": [c.entry for c in strong], "original": [c.entry for c in ref]},
            )
        ]
    # intensifiers/loaded words with nothing comparable in the original or translation
    if not src_intense and not tr_intense and len(strong) >= 1:
        states = {i for c in ctx.der_lex.find("intensity.states", ctx.der.tokens) for i in range(c.start, c.end)}
        d_strong = [c for c in d_strong if not states & set(range(c.start, c.end))]
        quiet = set(ctx.der_lex.entries("intensity.not_loud"))
        loud = [c for c in d_strong if c.entry not in quiet and not _synonym_in_place(ctx, c)]
        if not loud:
            return []
        conf = 0.7 if ctx.trans is not None else 0.55
        return [
            make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.INTENSITY, confidence=conf,
                der_tokens=[ctx.der.tokens[i] for c in loud for i in range(c.start, c.end)], src_tokens=None,
                explanation=(f"The passage intensifies the wording ({_text(ctx.der, loud)}); "
                             f"the original has no such emphasis."),
                detector=DETECTOR, evidence={"passage": [c.entry for c in loud]},
            )
        ]
    return []


_NEAR = 0.3  # relative places of two cues in their sentences at most this far apart: the same place


def _part_raised(ctx: PairContext, t_part: list[Cue], d_part: list[Cue], t_intense: list[Cue]) -> list[Found]:
    """Mode A: the translation lowers the degree ("a slight deterioration", "some concern") and the passage, keeping no
    downtoner, raises it with a word of high degree ("badly worn", "serious concerns"): a degree changed, though no
    absolute word is used (`intensity.raised`)."""
    # (a downtoner both keep, "one of the cables", is no part of it)
    shared = {c.entry for c in d_part} & {c.entry for c in t_part}
    t_part = [c for c in t_part if c.entry not in shared]
    if not t_part or [c for c in d_part if c.entry not in shared] or t_intense:
        return []
    # (the translation with a word of high degree of its own says as much)
    raised = ctx.der_lex.find("intensity.raised", ctx.der.tokens)
    if not raised or ctx.der_lex.find("intensity.raised", ctx.trans.tokens):  # type: ignore[union-attr]
        return []
    return [make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.INTENSITY, confidence=0.75,
        der_tokens=[ctx.der.tokens[i] for c in raised for i in range(c.start, c.end)], src_tokens=None,
        explanation=(f"The translation of the original lowers the degree ({_text(ctx.trans, t_part)}); "  # type: ignore[arg-type]
                     f"the passage raises it ({_text(ctx.der, raised)})."),
        detector=DETECTOR, evidence={"passage": [c.entry for c in raised], "translation": [c.entry for c in t_part]},
    )]


def _scales(lex) -> dict[str, tuple[str, int]]:  # noqa: ANN001 - Lexicon
    """Lemma -> (scale name, degree: 0 lower, 1 higher) from the lexicon's ``intensity.scales``."""
    if lex.lang not in _SCALES:
        out: dict[str, tuple[str, int]] = {}
        for scale in lex.data.get("intensity", {}).get("scales", []):
            for degree, key in ((0, "lower"), (1, "higher")):
                words = scale.get(key) if isinstance(scale, dict) else None
                if not isinstance(words, list) or not all(isinstance(w, str) for w in words) or "name" not in scale:
                    raise LexiconError(f"lexicons/{lex.lang}.toml [[intensity.scales]] needs a name and word lists "
                                       "'lower' and 'higher'")
                out.update({fold(w): (str(scale["name"]), degree) for w in words})
        _SCALES[lex.lang] = out
    return _SCALES[lex.lang]


_SCALES: dict[str, dict[str, tuple[str, int]]] = {}


def _degree_moved(ctx: PairContext) -> list[Found]:
    """Mode A: the word diff puts a verb of one scale at another degree in place of the translation's ("damaged part
    of the sea wall" / "destroyed the sea wall", "reduced shifts" / "halted production"): what happened is made
    more or less than the original says."""
    assert ctx.trans is not None
    scales = _scales(ctx.der_lex)
    if not scales:
        return []

    nouns = set(ctx.der_lex.entries("antonyms.determiners"))  # "the fall of a bank" is no verb of the scale

    def degrees(side: Side, start: int, end: int) -> dict[str, list[tuple[int, Token]]]:
        out: dict[str, list[tuple[int, Token]]] = {}
        for t in side.tokens[start:end]:
            if t.index > 0 and fold(side.tokens[t.index - 1].text) in nouns:
                continue
            if t.is_word and (hit := scales.get(fold(lemma(t.text, side.lang)))):
                out.setdefault(hit[0], []).append((hit[1], t))
        return out

    for op in ctx.opcodes:
        if op.tag != "replace":
            continue
        theirs, mine = degrees(ctx.trans, *op.a), degrees(ctx.der, *op.b)
        for name, found in mine.items():
            their_degrees = {d for d, _ in theirs.get(name, [])}
            shifted = [(d, t) for d, t in found if their_degrees and d not in their_degrees]
            if not shifted:
                continue
            moved = [t for _, t in shifted]
            said = next(t for _, t in theirs[name])
            raised = shifted[0][0] == 1
            return [make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.INTENSITY, confidence=0.7, der_tokens=moved, src_tokens=None,
                explanation=(f"The translation of the original says {quote(said.text)}; the passage says "
                             f"{quote(moved[0].text)}: " + ("more" if raised else "less") + " than the original "
                             "says happened."),
                detector=DETECTOR, evidence={"passage": [t.text for t in moved], "translation": [said.text],
                                             "scale": name},
            )]
    return []


def _minority_made_majority(ctx: PairContext, d_major: list[Cue], t_major: list[Cue],
                            t_part: list[Cue]) -> list[Found]:
    """Mode A: where the translation has a part or a few ("some of the owners", "individual airlines") the passage
    has a majority or a habit ("most of the owners", "routinely"), at about the same place, and the translation no
    majority of its own ("mostly", "the majority")."""
    assert ctx.trans is not None
    lex = ctx.der_lex
    mine = [c for c in d_major if not _superlative(ctx.der, c, lex)]
    if not mine or t_major:
        return []
    minority = set(lex.entries("intensity.minority"))
    theirs = [c for c in t_part if c.entry in minority and any(_same_place(ctx.trans, c, ctx.der, d) for d in mine)]
    if not theirs:
        return []
    return [make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.INTENSITY, confidence=0.8,
        der_tokens=[ctx.der.tokens[i] for c in mine for i in range(c.start, c.end)], src_tokens=None,
        explanation=(f"The original speaks of a part ({_text(ctx.trans, theirs)}); the passage of a majority or a "
                     f"habit ({_text(ctx.der, mine)})."),
        detector=DETECTOR, evidence={"passage": [c.entry for c in mine], "translation": [c.entry for c in theirs]},
    )]


def _part_made_majority(ctx: PairContext, d_major: list[Cue]) -> list[Found]:
    """Mode B: where the original has a part of a group ("une partie des élus", "часть депутатов", "alcuni
    vigneti") the passage has a majority ("most of the councillors"), at about the same place, and the original no
    majority of its own there ("la plupart", "большая часть")."""
    s_minor, s_major = _cues(ctx.src, ctx.src_lex, "minority", "majority")
    # (a majority of the original's own at the same place renders it: "la plupart", "большая часть")
    mine = [c for c in d_major if not _superlative(ctx.der, c, ctx.der_lex)
            and not any(_same_place(ctx.src, m, ctx.der, c) for m in s_major)]
    if not mine:
        return []
    toks = ctx.src.tokens
    theirs = [c for c in s_minor if not (c.end < len(toks) and toks[c.end].is_number)  # "some 9,000": a figure
              and any(_same_place(ctx.src, c, ctx.der, d) for d in mine)]
    if not theirs:
        return []
    return [make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.INTENSITY, confidence=0.7,
        der_tokens=[ctx.der.tokens[i] for c in mine for i in range(c.start, c.end)],
        src_tokens=[toks[i] for c in theirs for i in range(c.start, c.end)], detector=DETECTOR,
        explanation=(f"The original speaks of a part ({_text(ctx.src, theirs)}); the passage of a majority "
                     f"({_text(ctx.der, mine)})."),
        evidence={"passage": [c.entry for c in mine], "original": [c.entry for c in theirs]},
    )]


def _part_made_whole(ctx: PairContext, t_part: list[Cue], d_part: list[Cue]) -> list[Found]:
    """Mode A: the translation counts a part of a group ("Some farmers have given up"), the passage keeps the group
    and drops the count ("farmers have given up"): what some did, all did."""
    assert ctx.trans is not None
    if d_part:
        return []  # the passage counts a part in its own words ("a number of growers")
    lex = ctx.der_lex
    minority = set(lex.entries("intensity.minority")) & set(lex.entries("intensity.determiners"))
    counted = set(lex.entries("intensity.counts")) | set(lex.entries("intensity.partial"))
    kept = {lemma(t.text, ctx.der.lang): t for t in ctx.der.tokens if t.is_word}
    for c in t_part:
        if c.entry not in minority or c.end >= len(ctx.trans.tokens):
            continue
        noun = ctx.trans.tokens[c.end]
        base = lemma(noun.text, ctx.der.lang)
        # (a group, in the plural: "some light", "part of the application" measure a mass or a thing)
        mine = kept.get(base) if noun.is_word and not noun.is_number and base != noun.lower else None
        if mine is None or not _same_place(ctx.trans, c, ctx.der, Cue(mine.index, mine.index + 1, "", "")):
            continue
        before = ctx.der.tokens[max(0, mine.index - 2) : mine.index]
        if any(t.is_number or t.lower in counted for t in before):
            continue  # "both farmers", "two farmers", "many farmers": a count of its own
        return [make_finding(
            ctx, FindingKind.DRIFT, DriftSubtype.INTENSITY, confidence=0.75, der_tokens=[mine],
            src_tokens=None, detector=DETECTOR,
            explanation=(f"The original speaks of a part ({_text(ctx.trans, [c])} {noun.text}); the passage of them "
                         f"all ({quote(mine.text)})."),
            evidence={"passage": [mine.text], "translation": [c.entry]},
        )]
    return []


def _superlative(side: Side, cue: Cue, lex) -> bool:  # noqa: ANN001 - Lexicon
    """ "most" before an adjective or adverb makes a superlative ("the countries most affected", "most active"),
    no majority (English, with WordNet's parts of speech)."""
    if side.tokens[cue.start].lower not in lex.entries("intensity.superlative_markers") or cue.end >= len(side.tokens):
        return False
    wn = wordnet.get()
    nxt = side.tokens[cue.end]
    return wn is not None and nxt.is_word and bool(wn.parts_of_speech(nxt.lower) & {"a", "r"})


def _same_place(side: Side, cue: Cue, der: Side, mine: Cue) -> bool:
    return (relative_distance(side.tokens[cue.start], side, der.tokens[mine.start], der) <= _NEAR
            or _same_head(side, cue, der, mine))


_HEAD = 4  # words after a quantifier that name what it counts


def _same_head(side: Side, cue: Cue, der: Side, mine: Cue) -> bool:
    """The two cues count the same thing wherever the sentences put it: a figure among the few words after each
    ("In some of the 96 flats ..." / "... in all 96 flats"), or, in one language, a content word."""
    theirs, ours = side.tokens[cue.end : cue.end + _HEAD], der.tokens[mine.end : mine.end + _HEAD]
    if {t.text for t in theirs if t.is_number} & {t.text for t in ours if t.is_number}:
        return True
    if side.lang != der.lang:
        return False
    content = [{lemma(fold(t.text), side.lang) for t in ts if t.is_word and len(t.text) > 3} for ts in (theirs, ours)]
    return bool(content[0] & content[1])


def _synonym_in_place(ctx: PairContext, cue: Cue) -> bool:
    """Mode A, English: the cue's word stands where the translation has a word WordNet relates to it ("huge" for
    "vast", "massive" for "large-scale"): the same degree in other words, not an added emphasis."""
    if ctx.trans is None or cue.end - cue.start != 1:
        return False
    wn = wordnet.for_language(ctx.der.lang)
    if wn is None:
        return False
    word = ctx.der.tokens[cue.start].lower
    for op in ctx.opcodes:
        if op.tag == "replace" and op.b[0] <= cue.start < op.b[1]:
            theirs = [ctx.trans.tokens[i].lower for i in range(*op.a) if ctx.trans.tokens[i].is_word]
            return any(word in wn.related(w) or w in wn.related(word) for w in theirs)
    return False


def _dedupe(cues: list[Cue]) -> list[Cue]:
    seen: set[int] = set()
    out = []
    for c in sorted(cues, key=lambda c: c.start):
        if c.start in seen:
            continue
        seen.add(c.start)
        out.append(c)
    return out


class Intensity(Detector):
    name = DETECTOR

    def find(self, ctx: PairContext) -> Detection:
        return detect(ctx)
