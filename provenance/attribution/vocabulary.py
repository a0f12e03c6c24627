"""The finder's data file (``data/attribution.toml``) read once and checked against the tables and keys the finder
looks up: an unknown or missing key, or a value of the wrong type, is a LexiconError naming the file and the key, so
a misspelt list fails when read instead of matching nothing.

Also the one way a word list becomes part of a pattern when its order is the pattern's: ``either`` joins the
entries as written (``lexicon.alt`` sorts longest first, for the cue lists whose order carries no meaning).
"""

from __future__ import annotations

import re
import tomllib
from collections.abc import Iterable, Mapping
from functools import cache
from importlib import resources
from pathlib import Path
from typing import Any, Literal

from provenance.errors import LexiconError

FILE = "data/attribution.toml"

Kind = Literal["words", "languages", "groups", "number"]
WORDS: Kind = "words"  # a list of non-empty strings
LANGUAGES: Kind = "languages"  # a table of strings (a name or word -> a language code)
GROUPS: Kind = "groups"  # a table of word lists under names of the data's choosing (outlet kinds)
NUMBER: Kind = "number"  # an integer
Shape = Mapping[str, "Kind | Shape"]


def _words(*keys: str) -> dict[str, Kind]:
    return dict.fromkeys(keys, WORDS)


# every table and key of the file, and what each holds: the finder looks them up by these names
SHAPE: Shape = {
    "outlet_words": {
        **_words("descriptors", "after_name", "adjectives", "adjectives_region", "adjectives_trade", "ranking_endings",
                 "ranking_words", "language_editions"),
        "kinds": GROUPS,
        "kind_anaphors": GROUPS,
        "post": _words("openers"),
    },
    "demonyms_after": LANGUAGES,
    "demonyms": LANGUAGES,
    "more_places": LANGUAGES,
    "name_words": {"first": LANGUAGES, "any": LANGUAGES},
    "leadin": _words("openers", "end_markers", "closing_credits", "announcements", "translation_notes", "anaphors",
                     "excerpt_nouns"),
    "source_labels": _words("labels"),
    "cues": _words(
        "subject_of_clause", "before", "subject_connectives", "edition_possessives", "before_patterns", "after",
        "after_patterns", "publication_verbs", "publication_self_objects", "to_the_outlet", "outlet_own",
        "outlet_reporters", "employees", "employee_reports", "interview_words", "interview_conversation",
        "what_called", "after_that", "participles_that", "after_quote", "seen_nouns", "after_insertions",
        "report_lead", "report_agents", "report_participles", "report_prepositions", "report_nouns", "report_verbs",
        "quote_intro",
        "quote_back_references", "interview_givers", "outlet_parts", "back_credit_pointers", "back_credit_nouns",
        "back_credit_verbs", "back_credit_auxiliaries",
        "continuation", "contrast_clauses", "english_pieces", "piece_determiners",
        "topic_shift", "afterwards", "present_auxiliaries", "report_objects", "past_auxiliaries",
        "participle_next", "irregular_past", "continuation_verbs", "continuation_cues", "programme_nouns",
        "programme_speech", "relay", "quote_before", "quote_after", "quote_saying", "frame_firsts",
        "continuation_openers", "continuation_adverbs", "continuation_not_past", "seen_verbs", "to_the_described",
        "cited_in", "cited_in_nouns", "employee_ranks", "reporters_prepositions", "went_on", "according",
        "report_object_credits",
    ),
    "negative": _words("phrases", "relations"),
    "commentary": _words(
        "first_person", "openers", "judgement_subjects", "judgement_words", "look_verbs", "look_openers", "omissions",
        "verification_notes", "non_responses", "speech_verbs", "evaluative", "look_adverbs", "back_references",
        "not_first_person",
    ),
    "names": _words(
        "honorifics", "sentence_openers", "particles", "elided_particles", "place_particles", "edition_particles"
    ),
    "credit_line": _words("fillers"),
    "unknown_outlets": {
        **_words(
            "name_words", "compound_endings", "english_mastheads", "foreign_articles", "strong_before",
            "strong_after", "outlet_verbs", "not_outlets", "org_words", "person_pronouns", "agent_endings",
            "agent_not_person", "given_names", "pronoun_verbs", "title_articles", "possessive_nouns", "demonym_endings",
            "acronym_suffixes", "english_labels", "news_about", "product_verbs", "products",
        ),
        "threshold": NUMBER,
        "tld_languages": LANGUAGES,
    },
    "articles": _words("english", "indefinite", "before_name", "before_subject", "title", "title_capitalised",
                       "quote_tag", "german_genitive"),
    "time": _words("relative", "parts_of_day", "deictic", "frame_relative", "before_subject",
                   "weekend", "joiner_words", "clock_suffixes", "clock_zones", "frame_days"),
    "grammar": _words("person_relatives", "article_after_verb", "pronoun_subjects", "plans", "perfect",
                      "perfect_singular", "frame_adverbs", "after_name", "pronouns", "demonstratives",
                      "headline_verbs", "tone_verbs", "place_adverbs", "place_prepositions", "complementisers",
                      "cleft_openers", "cleft_relatives", "describing_insertions", "adjective_endings",
                      "interview_determiners", "interview_prepositions",
                      "not_verb_endings", "determiners", "apposition_stops", "medium_prepositions",
                      "programme_prepositions",
                      "outlet_possessives", "topic_prepositions", "document_subjects", "claim_words",
                      "place_descriptions", "passive_auxiliaries", "quantity_hedges", "load_verbs"),
    "layout": _words("header_labels", "headline_nouns", "press_words", "qa_labels", "details_labels", "kicker_labels",
                      "headline_pointers", "summary_words"),
}


def check(data: Mapping[str, Any], shape: Shape = SHAPE, where: str = FILE, path: str = "") -> None:
    """A LexiconError unless ``data`` holds exactly the tables and keys of ``shape``, each of its kind."""
    unknown = sorted(set(data) - set(shape))
    if unknown:
        raise LexiconError(f"{where}: unknown key(s) {', '.join(_dotted(path, k) for k in unknown)}")
    for key, kind in shape.items():
        name = _dotted(path, key)
        if key not in data:
            raise LexiconError(f"{where}: missing key {name}")
        value = data[key]
        if not isinstance(kind, str):
            if not isinstance(value, dict):
                raise LexiconError(f"{where}: {name} must be a table")
            check(value, kind, where, name)
        elif not _is_kind(value, kind):
            raise LexiconError(f"{where}: {name} must be {_KIND_NAMES[kind]}")


_KIND_NAMES: Mapping[str, str] = {
    WORDS: "a list of non-empty strings",
    LANGUAGES: "a table of strings",
    GROUPS: "a table of lists of non-empty strings",
    NUMBER: "an integer",
}


def _is_kind(value: Any, kind: Kind) -> bool:
    if kind == WORDS:
        return isinstance(value, list) and all(isinstance(w, str) and w.strip() for w in value)
    if kind == LANGUAGES:
        return isinstance(value, dict) and all(isinstance(v, str) and v for v in value.values())
    if kind == GROUPS:
        return isinstance(value, dict) and all(_is_kind(v, WORDS) for v in value.values())
    return isinstance(value, int) and not isinstance(value, bool)


def _dotted(path: str, key: str) -> str:
    return f"{path}.{key}" if path else key


def read(path: Path | None = None) -> dict[str, Any]:
    """The file at ``path`` (the packaged one by default), parsed and checked."""
    try:
        if path is None:
            text = resources.files("provenance").joinpath("data", "attribution.toml").read_text(encoding="utf-8")
        else:
            text = path.read_text(encoding="utf-8")
        data = tomllib.loads(text)
    except (OSError, tomllib.TOMLDecodeError) as exc:
        raise LexiconError(f"{path or FILE}: {exc}") from None
    check(data, where=str(path or FILE))
    return data


@cache
def finder_data() -> dict[str, Any]:
    """The packaged file, read and checked once (callers read it, never change it)."""
    return read()


def words(dotted: str) -> tuple[str, ...]:
    """The word list at ``dotted`` ("names.particles") of the packaged file."""
    node: Any = finder_data()
    for part in dotted.split("."):
        node = node[part]
    return tuple(node)


def either(entries: Iterable[str]) -> str:
    """A regex alternation of ``entries`` in their order, any whitespace between the words of one entry."""
    return "|".join(r"\s+".join(re.escape(tok) for tok in entry.split()) for entry in entries)
