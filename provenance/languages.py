"""Language codes: every language a user or a record names becomes an ISO 639-1 code, or an error.

``iso639_1`` accepts a two-letter code (``de``), a tag with a region (``de-DE``, ``de_AT``),
an ISO 639-2/3 code (``deu``, ``ger``), a retired code (``iw``), or the language's name in
English or in the language itself (``German``, ``Deutsch``). The data is CLDR's, through
Babel; anything it does not know is a ``LanguageError`` instead of a silent run without the
language's word lists.
"""

from __future__ import annotations

import functools
import re

from provenance.errors import UsageError


class LanguageError(UsageError):
    """A language name or code that does not name a language with an ISO 639-1 code."""


@functools.cache
def _codes() -> frozenset[str]:
    from babel import Locale

    return frozenset(c for c in Locale("en").languages if len(c) == 2 and c.isalpha())


@functools.cache
def _aliases() -> dict[str, str]:
    """ISO 639-2/3 and retired codes -> ISO 639-1 (CLDR's language aliases)."""
    from babel.core import get_global

    codes = _codes()
    aliases = get_global("language_aliases")
    return {k.lower(): v for k, v in aliases.items() if v in codes and k.isalpha() and len(k) in (2, 3)}


@functools.cache
def _names() -> dict[str, str]:
    """English and native language names (case-folded) -> ISO 639-1; loads every locale, so only on demand."""
    from babel import Locale
    from babel.core import UnknownLocaleError

    names: dict[str, str] = {}
    for code in sorted(_codes()):
        try:
            native = Locale(code).languages.get(code)
        except (UnknownLocaleError, ValueError):
            native = None
        if native:
            names.setdefault(native.casefold(), code)
    names.update(_english_names())  # English names win over a clash with a native one
    return names


@functools.cache
def _english_names() -> dict[str, str]:
    from babel import Locale

    english = Locale("en").languages
    return {english[code].casefold(): code for code in sorted(_codes())}


def english_name_code(word: str) -> str | None:
    """The ISO 639-1 code of a language named in English ("Hindi" -> "hi", "Yoruba" -> "yo"), else None; reads
    only the English locale, not every one."""
    return _english_names().get(word.casefold())


def iso639_1(value: str) -> str:
    """The ISO 639-1 code of ``value`` (see module docstring); LanguageError when there is none."""
    text = " ".join(str(value).split())
    if not text:
        raise LanguageError("empty language: give an ISO 639-1 code such as de, or a name such as German")
    primary = re.split(r"[-_]", text, maxsplit=1)[0].lower()
    if primary.isascii() and primary.isalpha() and len(primary) in (2, 3):
        if primary in _codes():
            return primary
        if primary in _aliases():
            return _aliases()[primary]
    code = _names().get(text.casefold())
    if code is not None:
        return code
    shown = text if len(text) <= 40 else text[:40] + "..."
    raise LanguageError(
        f"unknown language {shown!r}",
        hint="give an ISO 639-1 code such as de, en, fr, or a language name such as German",
    )
