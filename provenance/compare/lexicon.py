"""Per-language cue lexicons (TOML data in ``lexicons/``) and phrase matching over tokens.

Entries are folded (lowercase, no accents). A trailing ``*`` makes an entry a prefix
("kein*" matches keine, keinen); entries with spaces match consecutive words, and ``...`` in an
entry allows a gap of up to eight words (German separable verbs: "wies ... zurück").
"""

from __future__ import annotations

import tomllib
from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import lru_cache
from pathlib import Path
from types import MappingProxyType
from typing import Any

from provenance.compare.tokens import Token, fold
from provenance.errors import LexiconError

LEXICON_DIR = Path(__file__).resolve().parent / "lexicons"


def read_data(name: str) -> dict[str, Any]:
    """The parsed TOML of ``lexicons/<name>``: compare reads its data files here and nowhere else. A missing or
    malformed file is a LexiconError (the files ship with the package); each reader then checks its shape."""
    try:
        with (LEXICON_DIR / name).open("rb") as fh:
            return tomllib.load(fh)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"lexicons/{name}: {exc}") from None


def rule_table(data: Mapping[str, Any], key: str, where: str, allowed: frozenset[str]) -> Mapping[str, Any]:
    """The table ``key`` of ``data`` (empty when absent) for a typed rule reader: anything but a table, or a key
    it does not know, is a LexiconError, so a misspelt rule fails when read instead of never firing."""
    node = data.get(key, {})
    if not isinstance(node, dict):
        raise LexiconError(f"{where} must be a table")
    unknown = sorted(set(node) - allowed)
    if unknown:
        raise LexiconError(f"{where} has unknown key(s) {', '.join(unknown)} (known: {', '.join(sorted(allowed))})")
    return node


def rule_words(node: Mapping[str, Any], key: str, where: str) -> tuple[str, ...]:
    """The list ``key`` of a rule table (empty when absent); anything but non-empty strings is a LexiconError."""
    value = node.get(key, [])
    if not isinstance(value, list) or not all(isinstance(w, str) and w.strip() for w in value):
        raise LexiconError(f"{where}.{key} must be a list of non-empty strings")
    return tuple(value)


@dataclass(frozen=True)
class Cue:
    start: int  # token index (inclusive)
    end: int  # token index (exclusive)
    entry: str
    category: str


@dataclass
class Lexicon:
    lang: str
    data: dict[str, Any]
    _sets: dict[str, tuple[frozenset[str], tuple[str, ...], tuple[tuple[str, ...], ...]]] = field(
        default_factory=dict, repr=False
    )
    # folded entries and tables per path: detectors ask for them on every token (hot path)
    _folded: dict[tuple[str, str], Any] = field(default_factory=dict, repr=False)

    def _node(self, path: str) -> Any:
        node: Any = self.data
        for part in path.split("."):
            if not isinstance(node, dict) or part not in node:
                return None
            node = node[part]
        return node

    def entries(self, path: str) -> tuple[str, ...]:
        key = ("entries", path)
        if key not in self._folded:
            node = self._node(path)
            self._folded[key] = tuple(fold(str(x)) for x in node) if isinstance(node, list) else ()
        return self._folded[key]

    def table(self, path: str) -> Mapping[str, Any]:
        # read-only view of the cached table: no copy per call on the hot path, no caller can change it
        key = ("table", path)
        if key not in self._folded:
            node = self._node(path)
            folded = {fold(k): v for k, v in node.items()} if isinstance(node, dict) else {}
            self._folded[key] = MappingProxyType(folded)
        return self._folded[key]

    def _compiled(self, path: str) -> tuple[frozenset[str], tuple[str, ...], tuple[tuple[str, ...], ...]]:
        if path not in self._sets:
            words, prefixes, phrases = set(), [], []
            for e in self.entries(path):
                if " " in e:
                    phrases.append(tuple(e.split()))
                elif e.endswith("*"):
                    prefixes.append(e[:-1])
                else:
                    words.add(e)
            self._sets[path] = (frozenset(words), tuple(prefixes), tuple(phrases))
        return self._sets[path]

    def has_word(self, path: str, word: str) -> bool:
        words, prefixes, _ = self._compiled(path)
        w = fold(word)
        return w in words or any(w.startswith(p) for p in prefixes)

    def _phrase_plan(self, path: str) -> tuple[tuple[tuple[str, ...], int, str | None], ...]:
        """The phrases of ``path`` longest first, each with one literal part and its offset (None: no literal
        part), so ``find`` tries a phrase only where that word occurs instead of at every token."""
        key = ("plan", path)
        if key not in self._folded:
            plan = []
            for phrase in sorted(self._compiled(path)[2], key=len, reverse=True):
                at = next((k for k, p in enumerate(phrase) if p not in ("_", "...") and not p.endswith("*")), None)
                plan.append((phrase, at or 0, phrase[at] if at is not None else None))
            self._folded[key] = tuple(plan)
        return self._folded[key]

    def find(self, path: str, tokens: list[Token]) -> list[Cue]:
        """All cues of ``path`` in ``tokens`` (phrases first, no overlaps)."""
        words, prefixes, _ = self._compiled(path)
        folded = [fold(t.text) for t in tokens]
        used = [False] * len(tokens)
        cues: list[Cue] = []
        where: dict[str, list[int]] = {}
        for i, w in enumerate(folded):
            where.setdefault(w, []).append(i)
        for phrase, at, literal in self._phrase_plan(path):
            if literal is not None and literal not in where:
                continue  # a word the phrase needs is not in the text
            if "..." in phrase:
                cues.extend(self._gapped(phrase, folded, used, path))
                continue
            n = len(phrase)
            # start positions in increasing order, as a scan of every position would visit them
            starts = range(len(folded) - n + 1) if literal is None else [i - at for i in where[literal] if i >= at]
            for i in starts:
                if i > len(folded) - n or any(used[i : i + n]):
                    continue
                if all(_part_matches(p, folded[i + k]) for k, p in enumerate(phrase)):
                    cues.append(Cue(i, i + n, " ".join(phrase), path))
                    for k in range(i, i + n):
                        used[k] = True
        for i, w in enumerate(folded):
            if used[i] or not tokens[i].is_word:
                continue
            if w in words:
                cues.append(Cue(i, i + 1, w, path))
            else:
                for p in prefixes:
                    if w.startswith(p):
                        cues.append(Cue(i, i + 1, p + "*", path))
                        break
        return sorted(cues, key=lambda c: c.start)

    @staticmethod
    def _gapped(phrase: tuple[str, ...], folded: list[str], used: list[bool], path: str) -> list[Cue]:
        """'wies ... zurück': the parts in order, each gap at most ``_GAP`` words, inside one clause."""
        parts = [p for p in phrase if p != "..."]
        out: list[Cue] = []
        for i, w in enumerate(folded):
            if used[i] or not _part_matches(parts[0], w):
                continue
            at, ok = i, True
            for p in parts[1:]:
                nxt = next((k for k in range(at + 1, min(len(folded), at + _GAP + 2))
                            if not used[k] and _part_matches(p, folded[k])), None)
                if nxt is None or any(f in {".", ";", "!", "?"} for f in folded[at + 1 : nxt]):
                    ok = False
                    break
                at = nxt
            if ok:
                out.append(Cue(i, at + 1, " ".join(phrase), path))
                used[i] = used[at] = True
        return out


_GAP = 8


def _part_matches(pattern: str, word: str) -> bool:
    if pattern == "_":  # any one word, for "is _ to" style gaps
        return True
    if pattern.endswith("*"):
        return word.startswith(pattern[:-1])
    return word == pattern


# the tables a language's file may hold and the keys of each (en.toml documents them): the detectors look them up by
# these names, so a misspelt one would be silently empty
TABLE_KEYS: Mapping[str, frozenset[str]] = MappingProxyType({
    "negation": frozenset({"cues", "weak", "particles", "restrictive", "restrictive_blockers", "bounds", "grading",
                           "concord", "paired", "restrictions", "prefixes", "rules", "refusals", "against",
                           "bound_synonyms", "clause_openers"}),
    "antonyms": frozenset({"axes", "converses", "determiners", "groups", "light_verbs", "measure_units",
                           "negating_determiners",
                           "measure_words", "pairs", "prefixes", "inverting", "auxiliaries", "particles"}),
    "hedge": frozenset({"accusers", "attitudes", "attribution", "attributive", "certainty", "conditional",
                        "conditions", "counterfactual", "cues", "deontic", "documents", "done", "doubtful",
                        "expectations", "konjunktiv", "not_after", "own_sources", "possibility",
                        "possibility_phrases", "relays", "rules", "schedules", "source_pronouns", "sourcing",
                        "unnamed_sources"}),
    "conditional": frozenset({"endings", "modal_lemmas", "infinitive_endings"}),
    "intensity": frozenset({"majority", "minority", "neutral", "not_loud", "partial", "raised", "states", "strong",
                            "superlative_markers", "universal", "determiners", "counts", "scales"}),
    "gender": frozenset({"ambiguous", "feminine", "masculine", "groups"}),
    "past_tense": frozenset({"masculine", "feminine", "infinitive"}),
    "numbers": frozenset({"clock", "compound_stems", "compound_suffixes", "conversion_links", "decimal", "indefinite",
                          "joiners", "multipliers", "ordinal_endings", "ordinal_stems", "ordinals", "units", "weak",
                          "words", "fraction_articles", "year_offsets", "partitives", "year_units", "half_links"}),
    "addition": frozenset({"modifiers", "quantifiers", "skip"}),
    "counterfactual": frozenset({"noun_after", "verb_after"}),
    "stop": frozenset({"contracts_s", "contraction_endings", "negative_contractions", "words"}),
    "names": frozenset({"not_names", "links", "locatives", "regions"}),
    "declension": frozenset({"case_endings", "adjective_suffixes", "adjective_endings"}),
    "contrast": frozenset({"cues"}),
    "quotation": frozenset({"agents", "addressed"}),
    "bodies": frozenset({"local", "regional", "national", "prefecture", "police", "judiciary", "port",
                         "agriculture_chamber", "commerce_chamber", "union", "european", "fire_service", "army"}),
    "rebuttal": frozenset({"cues"}),
    "litotes": frozenset({"ruling_out"}),
    "attribution": frozenset({"frame"}),
})


def check_tables(lang: str, data: Mapping[str, Any]) -> None:
    """A LexiconError unless every top-level entry of ``lexicons/<lang>.toml`` is a table of ``TABLE_KEYS`` that holds
    only its keys."""
    unknown = sorted(k for k in data if k not in TABLE_KEYS)
    if unknown:
        raise LexiconError(f"lexicons/{lang}.toml has unknown table(s) {', '.join(unknown)} "
                           f"(known: {', '.join(sorted(TABLE_KEYS))})")
    for key in data:
        rule_table(data, key, f"lexicons/{lang}.toml [{key}]", TABLE_KEYS[key])


@lru_cache(maxsize=32)
def load_lexicon(lang: str) -> Lexicon:
    """The lexicon for ``lang``; an empty one for languages without a file (detectors then stay quiet)."""
    path = LEXICON_DIR / f"{lang}.toml"
    if not path.is_file():
        return Lexicon(lang, {})
    data = read_data(path.name)
    check_tables(lang, data)
    return Lexicon(lang, data)


@lru_cache(maxsize=1)
def load_entities() -> dict[str, dict[str, Any]]:
    """Cross-language names of countries, peoples and places: canonical id -> {type, names}."""
    data = read_data("entities.toml")
    return {
        k: {"type": v.get("type", "place"), "names": [fold(n) for n in v.get("names", [])]} for k, v in data.items()
    }


@lru_cache(maxsize=1)
def _entity_index() -> tuple[dict[str, frozenset[str]], tuple[tuple[str, str], ...]]:
    """(exact name -> entity ids, (name prefix, entity id) pairs): a word is looked up, not compared with every
    name of every entity."""
    exact: dict[str, set[str]] = {}
    prefixes: list[tuple[str, str]] = []
    for key, info in load_entities().items():
        for n in info["names"]:
            if n.endswith("*"):
                prefixes.append((n[:-1], key))
            else:
                exact.setdefault(n, set()).add(key)
    return {n: frozenset(keys) for n, keys in exact.items()}, tuple(prefixes)


@lru_cache(maxsize=50_000)
def entity_ids(word: str) -> frozenset[str]:
    """Canonical entity ids a single word can name (prefix entries end with '*')."""
    w = fold(word)
    exact, prefixes = _entity_index()
    return exact.get(w, frozenset()) | {key for prefix, key in prefixes if w.startswith(prefix)}
