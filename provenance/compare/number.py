"""Numbers: digits in any national format, number words, multipliers ("1,5 Millionen"), ordinals.

A number in the derivative that matches no number of the original (nor of the known
translation) is drift/number; a strong number of the original missing from the passage
is a minor omission.
"""

from __future__ import annotations

import calendar
import re
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from provenance.calendar import calendar_words
from provenance.compare import dates
from provenance.compare.base import Detection, Found, PairContext, make_finding, quote
from provenance.compare.detector import Detector
from provenance.compare.lexicon import Lexicon, load_lexicon, read_data, rule_words
from provenance.compare.tokens import Side, Token, fold
from provenance.errors import LexiconError
from provenance.model import DriftSubtype, Finding, FindingKind, Severity

DETECTOR = "number"

_GROUPED = re.compile(r"^\d{1,3}([.,\u00a0\u202f'])\d{3}(?:\1\d{3})*$")
_DECIMAL = re.compile(r"^\d+[.,]\d+$")


@dataclass
class Mention:
    tokens: list[Token]
    values: frozenset[float]
    weak: bool  # "one", "both", "a second": often not a count at all
    measure: tuple[str, float] | None = None  # the unit after it: (dimension, size in the base unit)

    @property
    def text(self) -> str:
        return " ".join(t.text for t in self.tokens)


@dataclass(frozen=True)
class Measures:
    """Units of measurement (lexicons/measures.toml): token phrase -> (dimension, size in the base unit)."""

    units: dict[tuple[str, ...], tuple[str, float]]
    longest: int
    percent: frozenset[str]  # percent signs and words, folded
    roman: re.Pattern[str]  # a Roman numeral and the ordinal mark after it ('XIXe', 'Ier', 'IIº'), group 5

    def after(self, toks: list[Token], i: int) -> tuple[str, float] | None:
        """The unit whose phrase starts at token ``i``, the longest that matches; a unit joined to its number by a
        hyphen ("a 79-foot vessel", "the 24-metre boat") starts after the hyphen."""
        if 0 < i < len(toks) - 1 and toks[i].text == "-" and toks[i - 1].end == toks[i].start == toks[i + 1].start - 1:
            i += 1
        for n in range(min(self.longest, len(toks) - i), 0, -1):
            unit = self.units.get(tuple(fold(t.text) for t in toks[i : i + n]))
            if unit is not None:
                return unit
        return None


@lru_cache(maxsize=1)
def measures() -> Measures:
    return parse_measures(read_data("measures.toml"))


def parse_measures(data: dict[str, Any]) -> Measures:
    """The units, percent words and Roman ordinal marks of measures.toml's parsed TOML; anything not of that shape is
    a LexiconError."""
    percent = frozenset(fold(w) for w in rule_words(data, "percent", "measures.toml"))
    marks = "|".join(map(re.escape, rule_words(data, "roman_ordinal_marks", "measures.toml")))
    units: dict[tuple[str, ...], tuple[str, float]] = {}
    for dimension, table in data.items():
        if dimension in ("percent", "roman_ordinal_marks"):
            continue
        if not isinstance(table, dict):
            raise LexiconError(f"measures.toml: [{dimension}] must be a table of unit = size")
        for phrase, size in table.items():
            if not isinstance(size, int | float) or size <= 0:
                raise LexiconError(f"measures.toml: {phrase!r} needs a positive size, not {size!r}")
            key = tuple(fold(w) for w in re.findall(r"\w+|[^\w\s]", phrase))
            if key in units and units[key] != (dimension, float(size)):
                raise LexiconError(f"measures.toml: {phrase!r} is listed twice with different sizes")
            units[key] = (dimension, float(size))
    return Measures(units, max(len(k) for k in units), percent, re.compile(_ROMAN.format(marks=marks)))


_CONVERSION_ROUNDING = 0.06  # "8,600 square feet" for 800 m² (8,611): converted figures are rounded


def _same_quantity(a: Mention, b: Mention) -> bool:
    """The same quantity in other units: "30 acres" for "12 hectares", "375 square feet" for "35 m²", "three feet" for
    a metre (a converted figure is rounded to its last digit: three feet is 2.5 to 3.5 feet)."""
    if a.measure is None or b.measure is None or a.measure[0] != b.measure[0] or a.measure[1] == b.measure[1]:
        return False
    return any(
        abs(x * a.measure[1] - y * b.measure[1])
        <= max(_CONVERSION_ROUNDING * abs(y * b.measure[1]), _last_digit(x) / 2 * a.measure[1],
               _last_digit(y) / 2 * b.measure[1])
        for x in a.values for y in b.values if y
    )


def _last_digit(value: float) -> float:
    """The place of a figure's last significant digit: 1 for 3, 100 for 8,600, 0.1 for 2.4."""
    if value != int(value):
        return 10.0 ** -len(f"{value:g}".split(".")[-1])
    n, place = int(abs(value)), 1.0
    while n and n % 10 == 0:
        n, place = n // 10, place * 10
    return place


@lru_cache(maxsize=64)
def decimal_mark(lang: str) -> str | None:
    """The language's decimal mark ('.' in English, ',' in French) from CLDR; None when unknown."""
    from babel.core import UnknownLocaleError
    from babel.numbers import get_decimal_symbol

    try:
        mark = get_decimal_symbol(lang)
    except (UnknownLocaleError, ValueError, TypeError):
        return None
    return mark if mark in ".," else None


def digit_values(text: str, lang: str | None = None) -> set[float]:
    """Every reading of a digit string: '272.000' is 272000 (grouped) or 272.0 (a decimal). In a language whose
    decimal mark is known, a single mark that is not it only groups: English '21,000' is never 21.0."""
    t = text.replace("\u00a0", "").replace("\u202f", "")
    values: set[float] = set()
    if _GROUPED.match(text):
        values.add(float(re.sub(r"[^\d]", "", text)))
        sep = _GROUPED.match(text).group(1)  # type: ignore[union-attr]
        mark = decimal_mark(lang) if lang else None
        if sep in ".," and text.count(sep) == 1 and mark in (None, sep):
            values.add(float(text.replace(sep, ".")))
    elif _DECIMAL.match(t):
        values.add(float(t.replace(",", ".")))
        hour, _, minute = re.split(r"[.,]", t)[0], None, re.split(r"[.,]", t)[1]
        if len(minute) == 2 and int(hour) <= 24 and int(minute) < 60:  # "21.30 Uhr": a clock time
            values |= _hours(int(hour))
    else:
        digits = re.sub(r"[^\d]", "", t)
        if digits:
            values.add(float(digits))
    return values


# numeral syntax: the letters, then an ordinal mark of measures.toml ('XIXe', 'Ier', 'IIº')
_ROMAN = r"^(M{{0,3}})(CM|CD|D?C{{0,3}})(XC|XL|L?X{{0,3}})(IX|IV|V?I{{0,3}})({marks})?$"
_ROMAN_VALUES = {"M": 1000, "D": 500, "C": 100, "L": 50, "X": 10, "V": 5, "I": 1}


def _in_abbreviation(toks: list[Token], i: int) -> bool:
    """Letters joined to more letters by full stops ('CC.OO.', 'I.V.A.') spell an abbreviation, not a numeral."""
    def joined(a: int, b: int) -> bool:
        return a >= 0 and b < len(toks) and toks[a].end == toks[b].start

    after = joined(i, i + 1) and toks[i + 1].text == "." and joined(i + 1, i + 2) and toks[i + 2].is_word
    before = joined(i - 1, i) and toks[i - 1].text == "." and joined(i - 2, i - 1) and toks[i - 2].is_word
    return after or before


def roman_value(word: str) -> int | None:
    """'XVe' -> 15, 'XIX' -> 19; single letters are too ambiguous ('I', 'V') and are ignored."""
    m = measures().roman.match(word)
    core = word[: len(word) - len(m.group(5) or "")] if m else ""
    if not m or len(core) < 2 or not core.isupper():
        return None
    total, prev = 0, 0
    for ch in reversed(core):
        v = _ROMAN_VALUES[ch]
        total += -v if v < prev else v
        prev = max(prev, v)
    return total


def _hours(hour: int) -> set[float]:
    """A clock hour in 24- and 12-hour notation (21 and 9)."""
    return {float(hour), float(hour - 12 if hour > 12 else hour + 12)}


def _word_value(word: str, lex: Lexicon) -> tuple[float | None, bool]:
    """Value of a number word (and whether it is weak); handles 'twenty-five', 'fünfundzwanzig'."""
    w = fold(word)
    words = lex.table("numbers.words")
    ordinals = lex.table("numbers.ordinals")
    weak = set(lex.entries("numbers.weak"))
    if w in words:
        return float(words[w]), w in weak
    if w in ordinals:
        return float(ordinals[w]), w in weak
    if "-" in w:  # twenty-five, vingt-deux
        parts = w.split("-")
        if all(p in words for p in parts):
            return float(sum(words[p] for p in parts)), False
    for joiner in lex.entries("numbers.joiners"):  # fünfundzwanzig: units, joiner, tens in one word
        a, _, b = w.partition(joiner)
        if a in words and b in words and words[b] >= 20:
            return float(words[a] + words[b]), False
    if (value := _ordinal_stem(w, lex)) is not None:
        return value, value <= 2
    # a number word opening a compound: 'zehntägige' (ten-day), 'siebenmalige', 'Drittel'; weak, since the
    # count is part of another word and may be rendered without it
    stems = lex.table("numbers.compound_stems")
    for stem, value in stems.items():
        rest = w[len(stem):]
        if w.startswith(stem) and any(rest.startswith(suffix) and len(rest) - len(suffix) <= 3  # + inflection
                                      for suffix in lex.entries("numbers.compound_suffixes")):
            return float(value), True
    return None, False


def mentions(side: Side, lex: Lexicon) -> list[Mention]:
    mults = {k: float(v) for k, v in lex.table("numbers.multipliers").items() if float(v) >= 100}
    units = lex.table("numbers.units")
    out: list[Mention] = []
    toks = side.tokens
    i = 0
    while i < len(toks):
        tok = toks[i]
        values: set[float] = set()
        weak = False
        k = i  # last token of the mention's digits
        if tok.is_number:
            text = tok.text
            # digit groups split by spaces ('1 000 000', '110 100' in Russian and French)
            while (text.isdigit() and len(text) <= 3 or re.fullmatch(r"\d{1,3}(?: \d{3})+", text)) \
                    and k + 1 < len(toks) and toks[k + 1].is_number and re.fullmatch(r"\d{3}", toks[k + 1].text) \
                    and toks[k + 1].start - toks[k].end == 1:  # one untokenised character between: a space
                k += 1
                text += " " + toks[k].text
            values = digit_values(text.replace(" ", "")) if k > i else digit_values(tok.text, side.lang)
            values |= _short_year(toks, i) | _decade(toks, i)
        elif tok.is_word and side.lang != "en" and (r := roman_value(tok.text)) is not None \
                and not _in_abbreviation(toks, i):
            values = {float(r)}
        elif tok.is_word:
            v, weak = _word_value(tok.text, lex)
            if v is not None:
                values = {v}
            elif fold(tok.text) in mults:  # "thousands of", "a million": an amount, but vague
                values, weak = {mults[fold(tok.text)]}, True
            elif fold(tok.text) in lex.entries("numbers.indefinite") and measures().after(toks, i + 1) is not None:
                values, weak = {1.0}, True  # "a metre": one of the unit
        if not values:
            i += 1
            continue
        used = toks[i : k + 1]
        if (tok.is_number and len(values) == 1 and 0 <= min(values) <= 24 and (
                (k + 1 < len(toks) and fold(toks[k + 1].text) in lex.entries("numbers.clock.words"))
                or (i > 0 and fold(toks[i - 1].text) in lex.entries("numbers.clock.before")))):
            values = values | _hours(int(min(values)))  # "23 Uhr", "alle 23" is 11 p.m.
        if tok.is_number and k + 1 < len(toks) and fold(toks[k + 1].text) in measures().percent:
            values = values | {v / 100 for v in values}  # "50%" is also "half" ("la moitié", "die Hälfte")
            if k + 2 < len(toks) and _word_value(toks[k + 2].text, lex)[0] == 100:
                used = [*used, toks[k + 1], toks[k + 2]]  # "60 per cento", "por ciento", "pour cent": one percent sign
        # a clock time "9:30", "16:15": the hour in both notations; the minutes also on their own, weak, since
        # "17:21" may as well be a score that the other side writes "17-21". "1:2" is no time: two numbers.
        if (tok.is_number and i + 2 < len(toks) and toks[i + 1].text == ":" and toks[i + 2].text.isdigit()
                and len(toks[i + 2].text) == 2 and int(toks[i + 2].text) < 60 and len(values) == 1
                and min(values) <= 24):
            out.append(Mention([tok, toks[i + 1], toks[i + 2]], frozenset(values | _hours(int(min(values)))), weak))
            out.append(Mention([toks[i + 2]], frozenset({float(toks[i + 2].text)}), True))
            i += 3
            continue
        # a unit that counts right after: "dos décadas" is also twenty (years), "two dozen" also 24
        if k + 1 < len(toks) and (unit := units.get(fold(toks[k + 1].text))):
            values = values | {v * float(unit) for v in values}
            used.append(toks[k + 1])
        # a multiplier right after: "1,5 Millionen", "1.5 million", "3 mln"
        if i + 1 < len(toks) and fold(toks[i + 1].text) in mults:
            m = mults[fold(toks[i + 1].text)]
            values = values | {v * m for v in values}
            used.append(toks[i + 1])
            weak = False
        if _and_a_half(toks, used[-1].index + 1, lex):
            values = values | {v + 0.5 for v in values}  # "three and a half", "tre metri e mezzo"
        measure = measures().after(toks, used[-1].index + 1)
        if measure is not None and measure[0] == "time" and tok.is_word and _ordinal(tok.text, lex):
            # "empty for the third year" is "empty for more than two years": the years before it are complete
            values = values | {v - 1 for v in values if v > 1}
        out.append(Mention(used, frozenset(values), weak, measure))
        i += len(used)
    return _ranges(toks, out, mults)


def _and_a_half(toks: list[Token], j: int, lex: Lexicon) -> bool:
    """A half joined to the count right after it or after its unit: "three and a half metres", "tre metri e
    mezzo", "trois mètres et demi", "три с половиной"."""
    links = lex.entries("numbers.half_links")
    for at in (j, j + 1):  # (j + 1: one unit word between)
        if at >= len(toks) or fold(toks[at].text) not in links:
            continue
        nxt = at + 1
        if nxt < len(toks) and fold(toks[nxt].text) in lex.entries("numbers.indefinite"):
            nxt += 1  # "and a half"
        if nxt < len(toks) and toks[nxt].is_word and _word_value(toks[nxt].text, lex)[0] == 0.5:
            return True
    return False


_RANGE_GAP = 1  # one word or dash between the two ends of a range ("250 and 400 m²", "250 bis 400 Quadratmeter")


def _ranges(toks: list[Token], found: list[Mention], mults: dict[str, float]) -> list[Mention]:
    """The first end of a range takes the unit and the scale written after the second: "between 2,700 and 4,300
    square feet", "od 4 do 7 tys." (from 4,000 to 7,000)."""
    for a, b in zip(found, found[1:], strict=False):
        gap = toks[a.tokens[-1].index + 1 : b.tokens[0].index]
        if len(gap) > _RANGE_GAP or not all(len(t.text) <= 3 for t in gap):
            continue
        if a.measure is None and b.measure is not None:
            a.measure = b.measure
        scale = mults.get(fold(b.tokens[-1].text)) if len(b.tokens) > 1 else None
        if scale is not None and len(a.tokens) == 1 and a.tokens[0].is_number:
            a.values = a.values | {v * scale for v in a.values}
    return found


def _ordinal(word: str, lex: Lexicon) -> bool:
    """An ordinal number word: 'third', 'dritten', 'третий'."""
    w = fold(word)
    return w in lex.table("numbers.ordinals") or _ordinal_stem(w, lex) is not None


def _ordinal_stem(folded: str, lex: Lexicon) -> float | None:
    """The value of an ordinal stem with an adjective ending: Russian 'четвертым', 'девятое'."""
    for stem, value in lex.table("numbers.ordinal_stems").items():
        if folded.startswith(stem) and folded[len(stem):] in lex.entries("numbers.ordinal_endings"):
            return float(value)
    return None


def _short_year(toks: list[Token], i: int) -> set[float]:
    """The second year of a range written short ("2024-25", "1999/00"): the full year as well."""
    tok = toks[i]
    if len(tok.text) != 2 or not tok.text.isdigit() or i < 2 or toks[i - 1].text not in "-–/":
        return set()
    first = toks[i - 2].text
    if len(first) != 4 or not first.isdigit() or toks[i - 1].start != toks[i - 2].end:
        return set()
    year = int(first[:2]) * 100 + int(tok.text)
    return {float(year if year > int(first) else year + 100)}


def _decade(toks: list[Token], i: int) -> set[float]:
    """A decade written as its first year and "s" ("the 1990s", "the 1980's"): also its number of tens, as
    languages name it ("anni Novanta", "los noventa", "die Neunzigerjahre")."""
    tok = toks[i]
    if len(tok.text) != 4 or not tok.text.isdigit() or not tok.text.endswith("0"):
        return set()
    rest = "".join(t.text for t in toks[i + 1 : i + 3])
    if not rest.startswith(("s", "'s", "’s")) or toks[i + 1].start != tok.end:
        return set()
    return {float(int(tok.text) % 100)}


_CONVERSION_GAP = 4  # tokens between a number and the bracket that gives it in other units ("42 square metres (")


_UNIT_WORDS = 2  # words of a unit or currency between a figure and the comma of its conversion ("14 million reais,")


def _converted(side: Side, lex: Lexicon, before: Mention, d: Mention) -> bool:
    """``d`` gives the number ``before`` in other units: it opens a bracket that follows closely ("52 metres (about
    170 feet)", "500 zlotys (115 euros)"), or it follows a comma and a few linking words and is money or the same
    dimension ("14 million reais, about $2.4 million", "a metre, or over three feet")."""
    toks = side.tokens
    first, last = d.tokens[0].index, before.tokens[-1].index
    opening = next((i for i in range(first - 1, max(last, first - 3) - 1, -1) if toks[i].text == "("), None)
    if opening is not None and 0 <= opening - last <= _CONVERSION_GAP:
        return True
    gap = toks[last + 1 : first]
    comma = next((k for k, t in enumerate(gap) if t.text == ","), None)
    if comma is None or comma > _UNIT_WORDS:
        return False
    links = set(lex.entries("numbers.conversion_links"))
    after = gap[comma + 1 :]
    if not links or not after or any(t.is_word and fold(t.text) not in links for t in after):
        return False
    money = any(t.text in _CURRENCY_SIGNS for t in after) and comma > 0  # "2023, about $5" has no unit before
    same_dimension = before.measure is not None and d.measure is not None and before.measure[0] == d.measure[0]
    return money or same_dimension


_CURRENCY_SIGNS = frozenset("$€£¥₽₹₩₺")
_RANGE_LINKS = frozenset({"to", "-", "–", "—", "and"})


def _range_end(side: Side, start: Mention, d: Mention) -> bool:
    """``d`` closes a range that ``start`` opens ("€950 to €1,650"): only a range word and currency signs between."""
    gap = side.tokens[start.tokens[-1].index + 1 : d.tokens[0].index]
    return any(t.text in _RANGE_LINKS for t in gap) and all(
        t.text in _RANGE_LINKS or t.text in _CURRENCY_SIGNS for t in gap)


def _same(a: Mention, b: Mention) -> bool:
    return any(abs(x - y) <= 1e-6 * max(1.0, abs(x), abs(y)) for x in a.values for y in b.values)


def _fmt(m: Mention) -> str:
    v = max(m.values)
    return f"{v:,.0f}" if v == int(v) else f"{v:g}"


def detect(ctx: PairContext) -> Detection:
    der = mentions(ctx.der, ctx.der_lex)
    src = mentions(ctx.src, ctx.src_lex)
    trans = mentions(ctx.trans, ctx.der_lex) if ctx.trans is not None else []
    findings: list[Found] = []
    unmatched_src = [s for s in src if not any(_same(s, d) or _same_quantity(s, d) for d in der)]
    converted: set[int] = set()
    for k, d in enumerate(der):
        if k and (_converted(ctx.der, ctx.der_lex, der[k - 1], d)
                  or (k - 1 in converted and _range_end(ctx.der, der[k - 1], d))):
            converted.add(k)
        if d.weak or any(_same(d, s) or _same_quantity(d, s) for s in [*src, *trans]):
            continue
        if k in converted:
            continue  # "42 centimetres (16.5 inches)", "(roughly €950 to €1,650)": the same quantity in other units
        strong_src = [s for s in unmatched_src if not s.weak]
        counterpart = _closest(d, strong_src, ctx) if strong_src else None
        if counterpart is not None:
            unmatched_src.remove(counterpart)
            text = (
                f"The original says {quote(counterpart.text)} ({_fmt(counterpart)}); "
                f"the passage says {quote(d.text)} ({_fmt(d)})."
            )
            conf = 0.9
        else:
            text = f"The passage gives the number {quote(d.text)}, which appears nowhere in the original."
            conf = 0.75 if ctx.trans is not None or not ctx.src.tokens else 0.65
        findings.append(
            make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.NUMBER, confidence=conf, der_tokens=d.tokens,
                src_tokens=counterpart.tokens if counterpart else None, explanation=text, detector=DETECTOR,
                evidence={"derivative_values": sorted(d.values),
                          "original_values": sorted(counterpart.values) if counterpart else []},
                # a number with no number of the original in its place is made explicit ("around the clock" /
                # "24 hours a day"), not changed: at most minor
                severity=None if counterpart is not None else Severity.MINOR,
            )
        )
    if not findings and (moved := _moved_date(ctx)) is not None:
        findings.append(moved)  # (also with no figures at all: "in October" / "in September")
    if not findings and (whole := _part_made_whole(ctx, unmatched_src, trans, der)) is not None:
        findings.append(whole)
    # numbers the original states that the passage dropped without replacing them
    if not findings:
        for s in unmatched_src:
            if s.weak or (ctx.trans is not None and not any(_same(s, t) for t in trans)):
                continue
            findings.append(
                make_finding(
                    ctx, FindingKind.OMISSION, None, confidence=0.6, der_tokens=None, src_tokens=s.tokens,
                    explanation=f"The original's number {quote(s.text)} ({_fmt(s)}) is missing from the passage.",
                    detector=DETECTOR, evidence={"original_values": sorted(s.values)},
                )
            )
    return Detection.of(findings)


def _part_made_whole(
    ctx: PairContext, dropped: list[Mention], trans: list[Mention], der: list[Mention]
) -> Found | None:
    """Mode A: the translation counts a part of a whole ("three of its seven trawlers") and the passage keeps the
    whole without the part ("its seven trawlers"): some made all."""
    if ctx.trans is None:
        return None
    partitive = ctx.der_lex.entries("numbers.partitives")
    if not partitive:
        return None
    for s in dropped:
        for part in (t for t in trans if _same(s, t)):
            rest = ctx.trans.tokens[part.tokens[-1].index + 1 :]
            link = ctx.der_lex.find("numbers.partitives", rest[:3])
            if not link or link[0].start != 0:
                continue
            after = part.tokens[-1].index + 1 + link[0].end
            whole = next((t for t in trans if t.tokens[0].index == after), None)
            if whole is None or max(part.values) >= max(whole.values):
                continue
            kept = [d for d in der if _same(d, whole)]
            if not kept:
                continue
            return make_finding(
                ctx, FindingKind.DRIFT, DriftSubtype.INTENSITY, confidence=0.7, der_tokens=kept[0].tokens,
                src_tokens=s.tokens, detector=DETECTOR, severity=Severity.MAJOR,
                explanation=(f"The original speaks of {_fmt(part)} of {_fmt(whole)}; the passage of all "
                             f"{_fmt(whole)}: a part is made the whole."),
                evidence={"part": sorted(part.values), "whole": sorted(whole.values)},
            )
    return None


def _moved_date(ctx: PairContext) -> Found | None:
    """The same day in another month ("1 July" where the original has "1 de junio"): the numbers agree, the date
    does not."""
    ref, lang = (ctx.trans.text, "en") if ctx.trans is not None else (ctx.src.text, ctx.src.lang)
    changed = dates.changed_month(ctx.der.text, ref, lang)
    if changed is None:
        return None
    word, month, theirs = changed
    when = calendar.month_name[theirs]
    toks = [t for t in ctx.der.tokens if t.text.rstrip(".").lower() == word.rstrip(".").lower()][:1]
    if not toks:
        return None
    return make_finding(
        ctx, FindingKind.DRIFT, DriftSubtype.NUMBER, confidence=0.9, der_tokens=toks, src_tokens=None,
        explanation=f"The original dates this to {when}; the passage says {quote(toks[0].text)}.",
        detector=DETECTOR, evidence={"derivative_values": [month], "original_values": [theirs]},
    )


FRACTION_SLACK = 2.0  # percentage points between "a fifth" and the original's "20 per cent"
_YEAR = re.compile(r"\b(1[89]\d\d|20\d\d)\b")


@lru_cache(maxsize=1)
def _percent() -> re.Pattern[str]:
    """A figure and the percent sign or word after it ("20 %", "20 per cent"), the words from measures.toml."""
    signs = "|".join(re.escape(w) for w in sorted(measures().percent, key=len, reverse=True))
    return re.compile(rf"(\d+(?:[.,]\d+)?)\s*(?:{signs})", re.I)


def restated(finding: Finding, der: Side, translation: str, lang: str) -> bool:
    """A figure the translation states another way: "about a fifth" for "about 20 per cent"; a year counted from
    another ("from €44m in 2023" for "44 million two years earlier" than 2025); an ordinal ("the city's third metro
    line") where the original has only a cardinal ("à deux pas", a stone's throw), which counts nothing it ranks."""
    if finding.kind is not FindingKind.DRIFT or finding.subtype is not DriftSubtype.NUMBER or not translation:
        return False
    if finding.derivative is None or finding.derivative.span is None:
        return False
    lex = load_lexicon(lang)
    written = finding.derivative.text.strip().lower()
    ordinals = lex.table("numbers.ordinals")
    if written in ordinals:
        at = next((t.index for t in der.tokens if t.start == finding.derivative.span.start), None)
        before = " ".join(t.text.lower() for t in der.tokens[max(0, (at or 0) - 3) : at or 0])
        if at is not None and any(before == a or before.endswith(" " + a)
                                  for a in lex.entries("numbers.fraction_articles")):
            share = 100.0 / float(ordinals[written])
            found = [float(x.replace(",", ".")) for x in _percent().findall(translation)]
            return any(abs(share - p) <= FRACTION_SLACK for p in found)  # a fraction: a share, never a rank
        # the translation ranks nothing ("second", "2nd"): the original's figure is a count, not a rank
        said = translation.lower()
        marks = calendar_words(lang).ordinal_suffixes
        return not any(w in ordinals for w in re.findall(r"\w+", said)) and not any(
            re.search(rf"\d{re.escape(m)}(?!\w)", said) for m in marks)
    if _YEAR.fullmatch(written):
        year = int(written)
        offsets = lex.table("numbers.year_offsets")
        words = lex.table("numbers.words")
        units = "|".join(map(re.escape, lex.entries("numbers.year_units")))
        for m in re.finditer(rf"(\w+)\s+(?:{units})\s+(\w+)", translation.lower()) if units else ():
            count = int(m.group(1)) if m.group(1).isdigit() else words.get(m.group(1))
            sign = offsets.get(m.group(2))
            if count and sign and any(int(y) + sign * int(count) == year for y in _YEAR.findall(translation)):
                return True
    return False


class Numbers(Detector):
    name = DETECTOR

    def find(self, ctx: PairContext) -> Detection:
        return detect(ctx)


def _closest(d: Mention, candidates: list[Mention], ctx: PairContext) -> Mention:
    """The original number most likely rendered as ``d``: same relative position and magnitude."""
    def rel(m: Mention, side: Side) -> float:
        n = max(1, len(side.tokens))
        return m.tokens[0].index / n

    dv = max(d.values)

    def cost(m: Mention) -> float:
        mv = max(m.values)
        mag = abs(len(str(int(abs(mv)))) - len(str(int(abs(dv)))))
        return abs(rel(m, ctx.src) - rel(d, ctx.der)) + 0.3 * mag

    return min(candidates, key=cost)
