"""Word forms compared across spellings: folding (case, accents, apostrophes), a rough Latin key across scripts,
and "the same word up to typos, inflection or transliteration".

Pure functions of their arguments (so their caches hold no state of a run); the detectors and the
valence lexicon share them.
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from functools import lru_cache
from types import MappingProxyType

from provenance.letters import strip_marks


@lru_cache(maxsize=100_000)
def fold(text: str) -> str:
    """Lowercase, strip accents (keeps Cyrillic letters), unify apostrophes."""
    return strip_marks(text.lower().replace("’", "'"))


# Russian and Ukrainian letters in Latin script, the one table of the package (align/anchors.py folds with it
# too). "й", "ё" and "ї" are reached only by callers that do not strip diacritics first (fold turns them into
# "и", "е" and "і"); "ї" is "i", not "yi", so that "Київ" keys like "Kyiv" once "y" becomes "i".
CYRILLIC_LATIN: Mapping[str, str] = MappingProxyType({
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "e", "ж": "zh", "з": "z", "и": "i",
    "й": "y", "к": "k", "л": "l", "м": "m", "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t",
    "у": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "", "ы": "y", "ь": "",
    "э": "e", "ю": "yu", "я": "ya", "і": "i", "ї": "i", "є": "ye", "ґ": "g",
})
_CYR = str.maketrans(dict(CYRILLIC_LATIN))


@lru_cache(maxsize=100_000)
def translit(word: str) -> str:
    """A rough Latin key for fuzzy name matching across scripts and spellings
    (Херсон / Cherson / Kherson all become 'kherson'-like keys)."""
    # a Russian Е opening a name is written "Ye" in English ("Екатеринбург" / "Yekaterinburg", "Yelena")
    w = re.sub(r"^ye", "e", fold(word).translate(_CYR))
    # collapse spelling conventions that differ between languages
    for a, b in (("sch", "sh"), ("tsch", "ch"), ("ch", "kh"), ("kh", "h"), ("ck", "k"), ("j", "y"), ("w", "v"),
                 ("ph", "f"), ("c", "k"), ("z", "s"), ("ou", "u"), ("ij", "y"), ("ie", "i"), ("ee", "e"),
                 ("x", "ks"), ("yo", "e"), ("y", "i")):  # Alexey / Алексей, Pyotr / Пётр (often written Петр)
        w = w.replace(a, b)
    return re.sub(r"(.)\1+", r"\1", w)


@lru_cache(maxsize=200_000)  # a pure test the detectors repeat on the same word pairs
def similar_word(a: str, b: str, *, threshold: float = 0.8) -> bool:
    """Same word up to typos, inflection, accents or transliteration."""
    if a == b:
        return True
    fa, fb = fold(a), fold(b)
    if fa == fb:
        return True
    from rapidfuzz.distance import Levenshtein

    ta, tb = translit(a), translit(b)
    if ta == tb:
        return True
    shortest = min(len(ta), len(tb))
    if shortest >= 5 and (ta.startswith(tb[: max(5, shortest - 2)]) and tb.startswith(ta[: max(5, shortest - 2)])):
        return True  # shared stem: Ukrainer / Ukrainians, Херсона / Kherson
    return Levenshtein.normalized_similarity(ta, tb) >= threshold and shortest >= 4
