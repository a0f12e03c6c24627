"""Translation of original sentences: online providers, memories, offline gloss, persistent cache.

``get_translator(name, config)`` (``registry.py``) is the entry point; see ``base.py`` for the protocol.
"""

from provenance.translate.base import (
    ONLINE_PROVIDERS,
    ChainTranslator,
    IdentityTranslator,
    Lookup,
    Translator,
)
from provenance.translate.registry import NAMES, TRANSLATORS, get_translator

__all__ = [
    "NAMES",
    "ONLINE_PROVIDERS",
    "ChainTranslator",
    "IdentityTranslator",
    "Lookup",
    "TRANSLATORS",
    "Translator",
    "get_translator",
]
