"""Word bridges for keywords: the offline Ding gloss read backwards (English -> German).

The gloss index maps German forms to an English rendering; inverted, it names the German forms
an English word may stand for. Only single-word renderings count, at most ``MAX_FORMS`` per
English word (headwords come first in the index, so the common forms are the ones kept).
"""

from __future__ import annotations

from collections.abc import Sequence

from provenance.config import Config
from provenance.errors import ProvenanceError
from provenance.translate.gloss import GlossTranslator, load_index

MAX_FORMS = 8


class GlossBridge:
    """English -> German words from the Ding dictionary; inert (no words) when it is not installed."""

    def __init__(self, config: Config) -> None:
        self._translator = GlossTranslator(config)
        self._config = config
        self._inverse: dict[str, list[str]] | None = None

    def available(self) -> bool:
        return self._translator.available()

    def _table(self) -> dict[str, list[str]]:
        if self._inverse is None:
            inverse: dict[str, list[str]] = {}
            try:
                exact = load_index(self._translator.path, self._config.cache_dir)[0]
            except (OSError, ProvenanceError):
                exact = {}
            for german, english in exact.items():
                word = english.casefold().removeprefix("to ").strip()
                if " " in word or not word.isalpha():
                    continue
                forms = inverse.setdefault(word, [])
                if len(forms) < MAX_FORMS and german not in forms:
                    forms.append(german)
            self._inverse = inverse
        return self._inverse

    def words(self, word: str, source_lang: str, target_lang: str) -> Sequence[str]:
        if (source_lang, target_lang) != ("en", "de") or not self.available():
            return ()
        return self._table().get(word.casefold(), ())
