"""The negation check's small word rules per language (``[negation.rules]`` of ``lexicons/<lang>.toml``), read into
a typed object and checked when read, as ``hedge_rules`` reads the hedge detector's: a misspelt key or a list of
numbers is a ``LexiconError``, not a rule that silently never fires."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from provenance.compare.lexicon import TABLE_KEYS, load_lexicon, rule_table, rule_words
from provenance.compare.tokens import fold

_NEGATION_RULE_KEYS = frozenset({"beside_particles", "common_stems", "word_prefixes"})


@dataclass(frozen=True)
class NegationRules:
    """What the negation detector knows of one language beyond its cue lists, folded."""

    lang: str
    beside_particles: frozenset[str] = frozenset()  # cues that count beside the particles ('ne ... sans')
    common_stems: frozenset[str] = frozenset()  # adjectives whose negative-prefixed form renders "not X"
    word_prefixes: frozenset[str] = frozenset()  # prefixes that negate any known word ('un' + 'beatable')


def parse_negation_rules(lang: str, data: Mapping[str, Any]) -> NegationRules:
    """The rules from a lexicon's parsed TOML; raises LexiconError for anything not of the documented shape."""
    where = f"lexicons/{lang}.toml [negation.rules]"
    negation = rule_table(data, "negation", f"lexicons/{lang}.toml [negation]", TABLE_KEYS["negation"])
    rules = rule_table(negation, "rules", where, _NEGATION_RULE_KEYS)

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in rule_words(rules, key, where))

    return NegationRules(lang, words("beside_particles"), words("common_stems"), words("word_prefixes"))


@lru_cache(maxsize=32)
def negation_rules(lang: str) -> NegationRules:
    """The negation rules of ``lang`` (empty ones for a language without a lexicon)."""
    return parse_negation_rules(lang, load_lexicon(lang).data)
