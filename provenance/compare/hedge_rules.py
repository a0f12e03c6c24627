"""The hedge detector's rules per language (``[hedge.rules]`` and ``[conditional]`` of ``lexicons/<lang>.toml``),
read into a typed object and checked when read: a misspelt key or a list of numbers is a ``LexiconError``, not a
rule that silently never fires."""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from functools import lru_cache
from typing import Any

from provenance.compare.lexicon import load_lexicon, rule_table, rule_words
from provenance.errors import LexiconError

_RULE_KEYS = frozenset({"strong", "conditional", "modal", "soll", "perfect", "perfect_alone", "participle",
                        "konjunktiv_first_person", "first_person", "konjunktiv_ii", "likelihood"})
_CONDITIONAL_KEYS = frozenset({"endings", "modal_lemmas", "infinitive_endings"})


@dataclass(frozen=True)
class HedgeRules:
    """What the hedge detector knows of one language beyond its cue lists (de.toml documents each key)."""

    lang: str
    strong: frozenset[str] = frozenset()  # cue entries that are evidence on their own
    likelihood: frozenset[str] = frozenset()  # weak cues that say how likely a claim is, whoever says it
    conditional: frozenset[str] = frozenset()  # conditional forms: weak evidence
    modal: frozenset[str] = frozenset()  # words (and two-word forms) that render a "soll" of plan
    soll: frozenset[str] = frozenset()  # reported speech only with a perfect infinitive
    perfect: frozenset[str] = frozenset()  # auxiliaries that make a perfect infinitive after a participle
    perfect_alone: frozenset[str] = frozenset()  # ... and those that make one on their own
    participle: re.Pattern[str] | None = None
    konjunktiv_first_person: frozenset[str] = frozenset()
    first_person: frozenset[str] = frozenset()
    konjunktiv_ii: frozenset[str] = frozenset()
    conditional_endings: tuple[str, ...] = ()  # verb endings of the conditional of reported speech
    modal_lemmas: frozenset[str] = frozenset()  # modal verbs whose conditional is no hedge
    infinitive_endings: tuple[str, ...] = ()  # a conditional's lemma is a verb: "fría" (cold) has "frío", no verb


def parse_hedge_rules(lang: str, data: Mapping[str, Any]) -> HedgeRules:
    """The rules from a lexicon's parsed TOML; raises LexiconError for anything not of the documented shape."""
    where = f"lexicons/{lang}.toml"
    hedge = data.get("hedge", {})
    if not isinstance(hedge, dict):
        raise LexiconError(f"{where} [hedge] must be a table")
    rules = rule_table(hedge, "rules", f"{where} [hedge.rules]", _RULE_KEYS)
    cond = rule_table(data, "conditional", f"{where} [conditional]", _CONDITIONAL_KEYS)
    participle = rules.get("participle")
    pattern = None
    if participle is not None:
        try:
            pattern = re.compile(str(participle)) if isinstance(participle, str) else None
        except re.error as exc:
            raise LexiconError(f"{where} [hedge.rules] participle is not a regular expression: {exc}") from None
        if pattern is None:
            raise LexiconError(f"{where} [hedge.rules] participle must be a string")

    def words(key: str) -> frozenset[str]:
        return frozenset(rule_words(rules, key, f"{where} [hedge.rules]"))

    return HedgeRules(
        lang=lang,
        strong=words("strong"),
        likelihood=words("likelihood"),
        conditional=words("conditional"),
        modal=words("modal"),
        soll=words("soll"),
        perfect=words("perfect"),
        perfect_alone=words("perfect_alone"),
        participle=pattern,
        konjunktiv_first_person=words("konjunktiv_first_person"),
        first_person=words("first_person"),
        konjunktiv_ii=words("konjunktiv_ii"),
        conditional_endings=rule_words(cond, "endings", f"{where} [conditional]"),
        modal_lemmas=frozenset(rule_words(cond, "modal_lemmas", f"{where} [conditional]")),
        infinitive_endings=rule_words(cond, "infinitive_endings", f"{where} [conditional]"),
    )


@lru_cache(maxsize=32)
def hedge_rules(lang: str) -> HedgeRules:
    """The hedge rules of ``lang`` (empty ones for a language without a lexicon)."""
    return parse_hedge_rules(lang, load_lexicon(lang).data)
