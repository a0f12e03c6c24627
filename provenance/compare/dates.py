"""Dates in a text: which calendar months it names, in any language CLDR knows (through Babel).

A desk often makes a date explicit ("am Freitag" -> "on 21 March"); the number detector then sees a day the original
lacks. Whether that is a changed date or an explicit one turns on the month: the original naming a different day of
the same month is a drift, an original naming no day of that month is not.
"""

from __future__ import annotations

import re
from functools import lru_cache

from provenance.calendar import calendar_words
from provenance.compare.tokens import fold, lemma

# English months as the derivative writes them ("21 March", "March 21st", "Sept. 3")
_EN = calendar_words("en")
_MONTH = r"(?:" + "|".join((*_EN.months, *_EN.month_abbreviations)) + r")\.?"
_ORDINAL = r"(?:" + "|".join(map(re.escape, _EN.ordinal_suffixes)) + r")?"
_DATE = re.compile(
    rf"\b(?P<a>\d{{1,2}}){_ORDINAL}\s+(?:of\s+)?(?P<m1>{_MONTH})(?!\w)"
    rf"|\b(?P<m2>{_MONTH})\s+(?P<b>\d{{1,2}}){_ORDINAL}\b",
    re.IGNORECASE,
)
# a day and month in figures: "21.3.", "21/03"
_NUMERIC = re.compile(r"\b\d{1,2}[./]\s?(\d{1,2})[./]")
_WORD = re.compile(r"\w+", re.UNICODE)


def english_dates(text: str) -> list[tuple[int, int]]:
    """(day, month) of every date written with an English month name."""
    out = []
    for m in _DATE.finditer(text):
        day = int(m.group("a") or m.group("b"))
        if 1 <= day <= 31:
            out.append((day, _EN.month(m.group("m1") or m.group("m2")) or 0))
    return out


@lru_cache(maxsize=64)
def _month_words(lang: str) -> dict[str, int]:
    """Folded month names of ``lang`` and English, standalone and in-date forms ("grudzień", "grudnia")."""
    words: dict[str, int] = {fold(name): i + 1 for i, name in enumerate(_EN.months)}
    try:
        from babel import Locale, UnknownLocaleError

        locale = Locale.parse(lang)
    except (ValueError, TypeError, ImportError, UnknownLocaleError):
        return words
    # full names only: abbreviations are words of their own too often (Polish "sie" for sierpień is "się")
    for context in ("format", "stand-alone"):
        for number, name in locale.months.get(context, {}).get("wide", {}).items():
            words.setdefault(fold(name), int(number))
    return words


def months_named(text: str, lang: str) -> set[int]:
    """The months ``text`` names, by name in ``lang`` or in English, or as a day and month in figures."""
    table = _month_words(lang)
    words = _WORD.findall(text)
    named = {table[w] for w in (fold(x) for x in words) if w in table}
    # declined forms ("в декабре") by their lemma
    named |= {table[w] for w in (fold(lemma(x, lang)) for x in words if x.isalpha()) if w in table}
    named |= {int(m.group(1)) for m in _NUMERIC.finditer(text) if 1 <= int(m.group(1)) <= 12}
    return named


_DAY = re.compile(r"(?<![\d.,])(\d{1,2})(?![\d.,]\d)")


def changed_month(derivative: str, reference: str, lang: str) -> tuple[str, int, int] | None:
    """A date of the passage ("1 July") whose day the reference gives in another month ("1 June", "1 de junio") and
    never in the passage's: (the passage's month word, its month, the reference's month). ``reference`` is the
    known translation (``lang`` "en") or the original. None when the months agree or the reference has no such day."""
    mine = _bare_months(derivative)
    if not mine and _DATE.search(derivative) is None:
        return None  # (most sentences name no month: the reference need not be read)
    named = set(_bare_months(reference)) if lang == "en" else months_named(reference, lang)
    if lang == "en":
        ref: dict[int, set[int]] = {}
        for day, month in english_dates(reference):
            ref.setdefault(day, set()).add(month)
    else:  # (a sentence seldom names two dates: each day of the original goes with each month it names)
        ref = {int(d): named for d in _DAY.findall(reference) if 1 <= int(d) <= 31} if named else {}
    for m in _DATE.finditer(derivative):
        day = int(m.group("a") or m.group("b"))
        month = _EN.month(m.group("m1") or m.group("m2")) or 0
        theirs = ref.get(day, set())
        if month and theirs and month not in theirs:
            return m.group("m1") or m.group("m2"), month, min(theirs)
    # a month without a day ("in October" / "in September"): the passage names one the reference does not, and the
    # reference one the passage does not
    new, gone = set(mine) - named, named - set(mine)
    if new and gone:
        month = min(new)
        return mine[month], month, min(gone)
    return None


# "May" is a month only beside a day or a year: elsewhere it is the modal
_MODAL_MONTH = re.compile(r"\bMay\b(?!\s+\d)(?<!\d\sMay)")
# the full English month names ("Jan" is a first name as often as a month)
_FULL_MONTHS = {name.lower(): i + 1 for i, name in enumerate(_EN.months)}


def _bare_months(text: str) -> dict[int, str]:
    """The English months ``text`` names (capitalised), by number, with the word as written."""
    text = _MODAL_MONTH.sub(" ", text)
    out: dict[int, str] = {}
    for word in _WORD.findall(text):
        if word[:1].isupper() and (month := _FULL_MONTHS.get(word.lower())):
            out.setdefault(month, word)
    return out
