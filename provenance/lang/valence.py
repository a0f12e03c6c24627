"""English word valence from the VADER sentiment lexicon: how positive or negative a word sounds.

The lexicon (Hutto & Gilbert 2014, MIT) is the ``vader_lexicon.txt`` file of the ``vaderSentiment``
package: one line per token, ``token <TAB> mean valence (-4..+4) <TAB> sd <TAB> ratings``. We read the file
(found without importing the package) and keep words only, not emoticons. The negation detector uses it for
one signal: a passage word and the translation's word at the same place that sound opposite ('hero' /
'villain', 'abused' / 'protected') are opposites even where WordNet lists no antonymy between them.
"""

from __future__ import annotations

from functools import lru_cache
from pathlib import Path

from provenance.lang.lemmas import lemma
from provenance.lang.resources import current
from provenance.lang.words import fold

#: the language of the VADER lexicon's words
LANGUAGE = "en"


def lexicon_path() -> Path | None:
    """The current run's VADER lexicon file (``Config.vader_lexicon`` or the installed package's), or None."""
    return current().vader


def load(path: Path | None = None) -> dict[str, float]:
    """Word -> mean valence; empty when the lexicon is not installed."""
    return _load(path or lexicon_path())


def for_language(lang: str) -> dict[str, float]:
    """The current run's valence table when its words are of ``lang``, else empty (also without the lexicon): a
    detector asks the resource whether it can answer for a language instead of testing the language itself."""
    return load() if lang == LANGUAGE else {}


@lru_cache(maxsize=4)
def _load(path: Path | None) -> dict[str, float]:
    if path is None:
        return {}
    out: dict[str, float] = {}
    with open(path, encoding="utf-8", errors="replace") as fh:
        for line in fh:
            parts = line.rstrip("\r\n").split("\t")
            if len(parts) < 2 or not parts[0].replace("-", "").replace("'", "").isalpha():
                continue
            try:
                out[parts[0].lower()] = float(parts[1])
            except ValueError:
                continue
    return out


def valence(word: str, table: dict[str, float] | None = None) -> float:
    """The valence of ``word`` or, failing that, of its lemma; 0.0 when unknown."""
    table = load() if table is None else table
    key = fold(word)
    if key in table:
        return table[key]
    return table.get(fold(lemma(word, "en")), 0.0)
