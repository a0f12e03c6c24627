"""``get_translator(name, config)``: every translator by name in one registry.

Each entry builds its translator and imports the translator's module only when it is asked for (online
providers pull in HTTP clients that a memory-only run never needs). The registry sits above the
translators; ``base`` no longer imports them, which made a cycle (sacrebleu keeps its tokenisers so).
"""

from __future__ import annotations

from collections.abc import Callable
from typing import TYPE_CHECKING

from provenance.errors import TranslationError, UsageError
from provenance.translate.base import (
    ONLINE_PROVIDERS,
    ChainTranslator,
    IdentityTranslator,
    Lookup,
    MemoryTranslator,
    SameLanguage,
    Translator,
    Unavailable,
)

if TYPE_CHECKING:
    from provenance.config import Config


def _online(name: str, config: Config) -> Translator:
    from provenance.translate.cache import CachedTranslator, TranslationCache
    from provenance.translate.online import make_provider

    return CachedTranslator(make_provider(name, config), TranslationCache(config.cache_dir))


def _memory(config: Config) -> Lookup:
    from provenance.translate.memory import TranslationMemory

    return TranslationMemory(config.memories, threshold=config.memory_threshold)


def _gloss(config: Config) -> Translator:
    from provenance.translate.gloss import GlossTranslator

    return GlossTranslator(config)


def _cache_lookup(config: Config, prefer: str | None = None) -> Lookup:
    from provenance.translate.cache import CacheLookup, TranslationCache

    return CacheLookup(TranslationCache(config.cache_dir), prefer=prefer)


def _memory_only(config: Config) -> Translator:
    if not config.memories:
        raise UsageError("--translator memory needs a translation memory: --memory FILE (TMX, TSV or XLIFF)")
    return MemoryTranslator(_memory(config))


def _auto(config: Config) -> Translator:
    """cache -> memories (``config.memories``) -> ``config.translator_provider`` (if set) -> gloss."""
    steps: list[Translator | Lookup] = []
    provider = (config.translator_provider or "").strip().lower() or None
    if provider is not None and provider not in ONLINE_PROVIDERS:
        raise UsageError(
            f"unknown translator_provider {provider!r}", hint="use one of " + ", ".join(ONLINE_PROVIDERS)
        )
    steps.append(_cache_lookup(config, prefer=provider))
    if config.memories:
        steps.append(_memory(config))
    if provider is not None:
        try:
            steps.append(_online(provider, config))
        except TranslationError as exc:  # e.g. no API key: auto goes on, and says why if nothing else works
            steps.append(Unavailable(provider, exc))
    steps.append(_gloss(config))
    return ChainTranslator(steps, name="auto")


def _online_factory(name: str) -> Callable[[Config], Translator]:
    return lambda config: _online(name, config)


#: name -> factory; the order is the order ``--help`` and errors list them in
TRANSLATORS: dict[str, Callable[[Config], Translator]] = {
    "auto": _auto,
    **{name: _online_factory(name) for name in ONLINE_PROVIDERS},
    "memory": _memory_only,
    "gloss": _gloss,
    "identity": lambda _config: IdentityTranslator(),
    "cache-only": lambda config: ChainTranslator([_cache_lookup(config)], name="cache-only"),
}
NAMES = tuple(TRANSLATORS)


def get_translator(name: str, config: Config) -> SameLanguage:
    """The translator called ``name`` (see ``NAMES``), configured from ``config``.

    Online providers are wrapped with the persistent cache. Same-language requests always get identity.
    """
    name = (name or "auto").strip().lower()
    factory = TRANSLATORS.get(name)
    if factory is None:
        raise UsageError(f"unknown translator {name!r}", hint="use one of " + ", ".join(NAMES))
    return SameLanguage(factory(config))
