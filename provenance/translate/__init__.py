"""Translation of original sentences: online providers, memories, offline gloss, persistent cache.

``get_translator(name, config)`` is the entry point; see ``base.py`` for the protocol.
"""

from provenance.translate.base import (
    NAMES,
    ONLINE_PROVIDERS,
    ChainTranslator,
    IdentityTranslator,
    Lookup,
    Translator,
    get_translator,
)

__all__ = [
    "NAMES",
    "ONLINE_PROVIDERS",
    "ChainTranslator",
    "IdentityTranslator",
    "Lookup",
    "Translator",
    "get_translator",
]
