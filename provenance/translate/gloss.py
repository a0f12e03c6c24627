"""Offline word-by-word gloss into English: Ding for German (Debian ``trans-de-en``), FreeDict for French, Spanish,
Dutch, Polish and Portuguese (Debian ``dict-freedict-fra-eng`` ...), and for Italian when the setting
``gloss_languages`` names it.

Not a translation: a gloss keeps the original's word order and picks one English equivalent per word.
It is enough to line sentences up and to see names, numbers and negations, which is what the
checker needs when no online translator or memory is available. ``BACKENDS`` names the dictionary for each
source language; a backend is built (and its module imported) only when a text in its language comes. The
Ding reader, its gloss index and the word lookups (lemma, compound split, hyphen parts) are ``lang/ding.py``;
the FreeDict ones ``lang/freedict.py`` and ``translate/freedict_gloss.py``. Words with no gloss (mostly names)
are kept as they are. Each translation names the dictionary that glossed it (``gloss:ding``,
``gloss:freedict-fra-eng-0.4.1``), because reports and cache keys depend on it.

Russian is left out: FreeDict has no rus-eng dictionary, and the reverse eng-rus one lists 1,700 English
headwords, too few for a gloss of news text. nld-eng (22,700 headwords), pol-eng (36,000) and por-eng (10,700) are
larger than ita-eng (3,400); with them the development cases in those languages lost fewer planted departures and
gained no false finding (docs/benchmarks.md, end to end).
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING, Protocol

from provenance.errors import ConfigError, TranslatorUnavailableError, UnsupportedLanguageError
from provenance.lang.ding import Glosser, dictionary_version, load_index
from provenance.lang.resources import Resources, current, using
from provenance.model import Translation
from provenance.translate.base import norm_lang

if TYPE_CHECKING:
    from provenance.config import Config


class Backend(Protocol):
    """One dictionary's gloss of one source language into English."""

    name: str  # what each translation records: "gloss:ding", "gloss:freedict-fra-eng-0.4.1"
    version: str  # the dictionary and its edition: "ding-devel-2023-01-30", "freedict-fra-eng-0.4.1"

    def available(self) -> bool: ...

    def missing(self) -> TranslatorUnavailableError: ...

    def gloss(self, text: str) -> str: ...


@dataclass
class _Where:
    """What a backend needs to find and cache its dictionary."""

    resources: Resources
    cache_dir: Path | None
    ding: Path


class DingBackend:
    """German -> English from the Ding dictionary."""

    name = "gloss:ding"

    def __init__(self, where: _Where) -> None:
        self.path = where.ding
        self.cache_dir = where.cache_dir
        self.version = f"ding-{dictionary_version(self.path)}" if self.path.exists() else "ding-missing"
        self._glosser: Glosser | None = None

    def available(self) -> bool:
        return self.path.is_file()

    def missing(self) -> TranslatorUnavailableError:
        return TranslatorUnavailableError(
            f"the offline gloss needs the Ding dictionary, not found at {self.path}",
            hint="install it with `apt-get install trans-de-en` (or `make system-deps`), "
            "or point gloss_dictionary at a copy",
        )

    def glosser(self) -> Glosser:
        if self._glosser is None:
            if not self.available():
                raise self.missing()
            self._glosser = Glosser(*load_index(self.path, self.cache_dir))
        return self._glosser

    def gloss(self, text: str) -> str:
        return self.glosser().gloss(text)


class FreeDictBackend:
    """``lang`` -> English from the FreeDict ``xxx-eng`` dictionary (``eng-xxx`` ranks and completes it)."""

    def __init__(self, where: _Where, lang: str) -> None:
        from provenance.lang import freedict

        self.lang = lang
        self.folder = where.resources.freedict_dir
        self.cache_dir = where.cache_dir
        self.dictionary = f"freedict-{freedict.ISO3.get(lang, lang)}-eng"
        self.version = f"{self.dictionary}-{freedict.edition(lang, 'en', self.folder)}"
        self.name = f"gloss:{self.version}"
        self._glosser: object | None = None

    def available(self) -> bool:
        from provenance.lang import freedict

        return freedict.gloss_available(self.lang, "en", self.folder)

    def missing(self) -> TranslatorUnavailableError:
        return TranslatorUnavailableError(
            f"the offline gloss of {self.lang} needs the FreeDict {self.dictionary} dictionary, not found in "
            f"{self.folder}",
            hint=f"install it with `apt-get install dict-{self.dictionary}` (or `make system-deps`)",
        )

    def gloss(self, text: str) -> str:
        from provenance.lang import freedict
        from provenance.lang.function_words import function_words
        from provenance.translate.freedict_gloss import FreeDictGlosser

        if self._glosser is None:
            if not self.available():
                raise self.missing()
            table = freedict.gloss_table(self.lang, "en", cache_dir=self.cache_dir, folder=self.folder)
            self._glosser = FreeDictGlosser(self.lang, table, function_words(self.lang))
        return self._glosser.gloss(text)  # type: ignore[attr-defined]


#: source language -> its gloss into English; a language missing here has no offline gloss
BACKENDS: dict[str, Callable[[_Where], Backend]] = {
    "de": DingBackend,
    "fr": lambda where: FreeDictBackend(where, "fr"),
    "es": lambda where: FreeDictBackend(where, "es"),
    "it": lambda where: FreeDictBackend(where, "it"),
    "nl": lambda where: FreeDictBackend(where, "nl"),
    "pl": lambda where: FreeDictBackend(where, "pl"),
    "pt": lambda where: FreeDictBackend(where, "pt"),
}
#: the languages glossed unless the setting ``gloss_languages`` names others. Italian is left out: ita-eng is the
#: smallest dictionary (3,400 headwords), and on the development cases its gloss made whole-article checks
#: slightly less precise than comparing without a translation (docs/benchmarks.md, end to end)
DEFAULT_LANGUAGES = ("de", "fr", "es", "nl", "pl", "pt")


def _languages(config: Config | None) -> tuple[str, ...]:
    if config is None or not config.gloss_languages:
        return DEFAULT_LANGUAGES
    chosen = tuple(dict.fromkeys(norm_lang(c) for c in config.gloss_languages.split(",") if c.strip()))
    unknown = [c for c in chosen if c not in BACKENDS]
    if unknown:
        raise ConfigError(
            f"setting 'gloss_languages' names {', '.join(unknown)}, which no offline gloss covers",
            hint="choose among " + ", ".join(BACKENDS),
        )
    return chosen


class GlossTranslator:
    """``gloss``: into English from the language's dictionary (``BACKENDS``), loaded on first use."""

    name = "gloss"

    def __init__(
        self, config: Config | None = None, *, dictionary: Path | None = None, resources: Resources | None = None
    ) -> None:
        # the resources of the run that made it (Config's, or the current ones without a Config)
        self.resources = resources or (Resources.from_config(config) if config is not None else current())
        cache_dir = self.resources.cache_dir if config is not None or resources is not None else None
        self._where = _Where(self.resources, cache_dir, Path(dictionary or self.resources.ding))
        self.path = self._where.ding  # the Ding dictionary (the discovery bridge reads it backwards)
        self.cache_dir = cache_dir
        self._backends: dict[str, Backend] = {}
        self.languages = _languages(config)
        # every dictionary it may gloss with, installed or not: a new edition is a new version
        self.version = "+".join(self.backend(lang).version for lang in self.languages)

    def backend(self, lang: str) -> Backend:
        """The gloss of ``lang`` (built on first use); UnsupportedLanguageError for a language without one."""
        lang = norm_lang(lang)
        if lang not in self._backends:
            factory = BACKENDS.get(lang)
            if factory is None:
                raise self._unsupported(lang)
            self._backends[lang] = factory(self._where)
        return self._backends[lang]

    def _unsupported(self, lang: str) -> UnsupportedLanguageError:
        return UnsupportedLanguageError(
            f"the offline gloss covers {', '.join(sorted(self.languages))} -> English, not {lang} -> English",
            hint=f"the setting gloss_languages turns on {lang}" if lang in BACKENDS else None,
        )

    def available(self, source_lang: str = "de") -> bool:
        return norm_lang(source_lang) in self.languages and self.backend(source_lang).available()

    def glosser(self) -> Glosser:
        """The German gloss's word lookups (benchmarks and the discovery bridge use them)."""
        ding = self.backend("de")
        assert isinstance(ding, DingBackend)
        return ding.glosser()

    def translate(self, texts: Sequence[str], source_lang: str, target_lang: str) -> list[Translation]:
        if norm_lang(target_lang) != "en":
            raise UnsupportedLanguageError(
                f"the offline gloss only translates into English, not {source_lang} -> {target_lang}"
            )
        if norm_lang(source_lang) not in self.languages:
            raise self._unsupported(norm_lang(source_lang))
        backend = self.backend(source_lang)
        if not backend.available():
            raise backend.missing()
        with using(self.resources):  # its lemmas come from the tries under the run's cache dir
            return [Translation(t, backend.gloss(t), source_lang, target_lang, backend.name) for t in texts]
