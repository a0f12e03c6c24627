"""Offline word-by-word gloss German -> English from the Ding dictionary (Debian ``trans-de-en``).

Not a translation: a gloss keeps German word order and picks one English equivalent per word.
It is enough to line sentences up and to see names, numbers and negations, which is what the
checker needs when no online translator or memory is available. The dictionary's reader, its gloss
index and the word lookups (lemma, compound split, hyphen parts) are ``lang/ding.py``; words with no
gloss (mostly names) are kept as they are.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

from provenance.errors import TranslatorUnavailableError, UnsupportedLanguageError
from provenance.lang.ding import Glosser, dictionary_version, load_index
from provenance.lang.resources import Resources, current, using
from provenance.model import Translation
from provenance.translate.base import norm_lang

if TYPE_CHECKING:
    from provenance.config import Config


class GlossTranslator:
    """``gloss:ding``: German -> English only; loads the dictionary on first use."""

    name = "gloss:ding"

    def __init__(
        self, config: Config | None = None, *, dictionary: Path | None = None, resources: Resources | None = None
    ) -> None:
        # the resources of the run that made it (Config's, or the current ones without a Config)
        self.resources = resources or (Resources.from_config(config) if config is not None else current())
        self.path = Path(dictionary or self.resources.ding)
        self.cache_dir = self.resources.cache_dir if config is not None or resources is not None else None
        self.version = f"ding-{dictionary_version(self.path)}" if self.path.exists() else "ding-missing"
        self._glosser: Glosser | None = None

    def available(self) -> bool:
        return self.path.is_file()

    def glosser(self) -> Glosser:
        if self._glosser is None:
            if not self.available():
                raise TranslatorUnavailableError(
                    f"the offline gloss needs the Ding dictionary, not found at {self.path}",
                    hint="install it with `apt-get install trans-de-en` (or `make system-deps`), "
                    "or point gloss_dictionary at a copy",
                )
            self._glosser = Glosser(*load_index(self.path, self.cache_dir))
        return self._glosser

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        if (norm_lang(source_lang), norm_lang(target_lang)) != ("de", "en"):
            raise UnsupportedLanguageError(
                f"the offline gloss only covers German -> English, not {source_lang} -> {target_lang}"
            )
        with using(self.resources):  # its lemmas come from the tries under the run's cache dir
            glosser = self.glosser()
            return [Translation(t, glosser.gloss(t), source_lang, target_lang, self.name) for t in texts]
