"""Month and weekday names and the endings of a day's ordinal (``data/calendar.toml``), read once into typed records
checked when read."""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass
from functools import cache
from importlib import resources
from typing import Any

from provenance.errors import LexiconError


@dataclass(frozen=True)
class CalendarWords:
    """One language's names, lowercase: ``months[0]`` is January; abbreviations map to month numbers;
    ``ordinal_suffixes`` are written after a day's figure ("21st")."""

    lang: str
    months: tuple[str, ...]
    month_abbreviations: Mapping[str, int]
    weekdays: tuple[str, ...]
    ordinal_suffixes: tuple[str, ...] = ()

    def month(self, word: str) -> int | None:
        """The month (1-12) a full name or abbreviation (a trailing full stop allowed) names, else None."""
        key = word.lower().rstrip(".")
        if key in self.months:
            return self.months.index(key) + 1
        return self.month_abbreviations.get(key)


_KEYS = ("months", "month_abbreviations", "weekdays", "ordinal_suffixes")


def _names(table: Mapping[str, Any], key: str, count: int | None, where: str) -> tuple[str, ...]:
    value = table.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w == w.lower() and w for w in value):
        raise LexiconError(f"{where}.{key} must be a list of lowercase names")
    if value and count is not None and len(value) != count:
        raise LexiconError(f"{where}.{key} must list {count} names, not {len(value)}")
    return tuple(value)


def parse_calendar(data: Mapping[str, Any]) -> dict[str, CalendarWords]:
    """Every language of the parsed file; raises LexiconError for anything not of the documented shape."""
    out: dict[str, CalendarWords] = {}
    for lang, table in data.items():
        where = f"data/calendar.toml [{lang}]"
        if not isinstance(table, dict) or set(table) - set(_KEYS):
            raise LexiconError(f"{where} must be a table of {', '.join(_KEYS[:-1])} and {_KEYS[-1]}")
        abbreviations = table.get("month_abbreviations", {})
        if not isinstance(abbreviations, dict) or not all(
            isinstance(k, str) and k == k.lower() and isinstance(v, int) and 1 <= v <= 12
            for k, v in abbreviations.items()
        ):
            raise LexiconError(f"{where}.month_abbreviations must map lowercase abbreviations to months 1-12")
        out[lang] = CalendarWords(lang, _names(table, "months", 12, where), dict(abbreviations),
                                  _names(table, "weekdays", 7, where), _names(table, "ordinal_suffixes", None, where))
    return out


@cache
def _calendar() -> dict[str, CalendarWords]:
    raw = resources.files("provenance").joinpath("data", "calendar.toml").read_text(encoding="utf-8")
    return parse_calendar(tomllib.loads(raw))


def calendar_words(lang: str) -> CalendarWords:
    """The names of ``lang`` (empty for a language the file does not list)."""
    return _calendar().get(lang) or CalendarWords(lang, (), {}, ())
