"""The negation and entity checks' small word rules per language (``[negation.rules]``, ``[past_tense]`` and
``[declension]`` of ``lexicons/<lang>.toml``), read into typed objects and checked when read, as ``hedge_rules`` reads
the hedge detector's: a misspelt key or a list of numbers is a ``LexiconError``, not a rule that silently never
fires."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from provenance.compare.lexicon import TABLE_KEYS, load_lexicon, rule_table, rule_words
from provenance.compare.tokens import fold
from provenance.errors import LexiconError

_NEGATION_RULE_KEYS = frozenset({"beside_particles", "common_stems", "word_prefixes", "ceasing"})


@dataclass(frozen=True)
class NegationRules:
    """What the negation detector knows of one language beyond its cue lists, folded."""

    lang: str
    beside_particles: frozenset[str] = frozenset()  # cues that count beside the particles ('ne ... sans')
    common_stems: frozenset[str] = frozenset()  # adjectives whose negative-prefixed form renders "not X"
    word_prefixes: frozenset[str] = frozenset()  # prefixes that negate any known word ('un' + 'beatable')
    ceasing: frozenset[str] = frozenset()  # verbs that before a gerund say "no longer" ('stop calling')


@dataclass(frozen=True)
class PastTense:
    """A past tense that agrees with the subject's gender ('сказал' he said, 'сказала' she said), as written."""

    lang: str
    masculine: str = ""  # ending of the masculine form, on the folded word
    feminine: str = ""  # ending of the feminine form, on the folded word
    infinitive: tuple[str, ...] = ()  # lemma endings that make the word a verb


@dataclass(frozen=True)
class Declension:
    """How a language declines the names it borrows ('Путину' is 'Putin', 'Тартуский' is made from 'Tartu')."""

    lang: str
    case_endings: tuple[str, ...]  # endings of a declined name, as written
    place_adjective: re.Pattern[str] | None  # an adjective's suffix and ending at the end of a word


def parse_negation_rules(lang: str, data: Mapping[str, Any]) -> NegationRules:
    """The rules from a lexicon's parsed TOML; raises LexiconError for anything not of the documented shape."""
    where = f"lexicons/{lang}.toml [negation.rules]"
    negation = rule_table(data, "negation", f"lexicons/{lang}.toml [negation]", TABLE_KEYS["negation"])
    rules = rule_table(negation, "rules", where, _NEGATION_RULE_KEYS)

    def words(key: str) -> frozenset[str]:
        return frozenset(fold(w) for w in rule_words(rules, key, where))

    return NegationRules(lang, words("beside_particles"), words("common_stems"), words("word_prefixes"),
                         words("ceasing"))


def parse_past_tense(lang: str, data: Mapping[str, Any]) -> PastTense | None:
    """The past tense of ``[past_tense]`` (None without the table); both endings are needed, and the infinitive's."""
    where = f"lexicons/{lang}.toml [past_tense]"
    if "past_tense" not in data:
        return None
    table = rule_table(data, "past_tense", where, TABLE_KEYS["past_tense"])
    endings = {k: table.get(k) for k in ("masculine", "feminine")}
    for key, value in endings.items():
        if not isinstance(value, str) or not value.strip():
            raise LexiconError(f"{where}.{key} must be a non-empty string (the ending)")
    infinitive = rule_words(table, "infinitive", where)
    if not infinitive:
        raise LexiconError(f"{where}.infinitive must list the lemma endings of a verb")
    return PastTense(lang, str(endings["masculine"]), str(endings["feminine"]), infinitive)


def parse_declension(lang: str, data: Mapping[str, Any]) -> Declension | None:
    """The declension of ``[declension]`` (None without the table); suffixes and endings of an adjective go together."""
    where = f"lexicons/{lang}.toml [declension]"
    if "declension" not in data:
        return None
    table = rule_table(data, "declension", where, TABLE_KEYS["declension"])
    suffixes, endings = rule_words(table, "adjective_suffixes", where), rule_words(table, "adjective_endings", where)
    if bool(suffixes) != bool(endings):
        raise LexiconError(f"{where} needs both adjective_suffixes and adjective_endings, or neither")
    adjective = None
    if suffixes:
        adjective = re.compile(f"(?:{'|'.join(map(re.escape, suffixes))})(?:{'|'.join(map(re.escape, endings))})$")
    return Declension(lang, rule_words(table, "case_endings", where), adjective)


@lru_cache(maxsize=32)
def negation_rules(lang: str) -> NegationRules:
    """The negation rules of ``lang`` (empty ones for a language without a lexicon)."""
    return parse_negation_rules(lang, load_lexicon(lang).data)


@lru_cache(maxsize=32)
def past_tense(lang: str) -> PastTense | None:
    """The gendered past tense of ``lang``; None for a language whose lexicon has none."""
    return parse_past_tense(lang, load_lexicon(lang).data)


@lru_cache(maxsize=32)
def declension(lang: str) -> Declension | None:
    """How ``lang`` declines borrowed names; None for a language whose lexicon does not say."""
    return parse_declension(lang, load_lexicon(lang).data)
