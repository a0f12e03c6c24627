"""How frequent a language's words are (the ``wordfreq`` package's lists, read as data): the most frequent words of
a language, most frequent first, and how often one word occurs. Set-up uses the lists to choose which source-language
words' vectors to store ahead of a check (``compare/wordvec.source_table_words``); the entity check asks how widely
known a name is (``zipf``), the word-vector antonym check's fallback how frequent a word of the original is."""

from __future__ import annotations

from functools import cache
from typing import Literal

from provenance.errors import ProvenanceError


class FrequencyDataMissing(ProvenanceError):
    """No frequency list for this language (``wordfreq`` not installed, or it does not know the language)."""


def frequent_words(lang: str, limit: int) -> list[str]:
    """Up to ``limit`` words of ``lang`` (ISO 639-1), most frequent first, lower case as the lists give them."""
    try:
        from wordfreq import available_languages, top_n_list
    except ImportError:
        raise FrequencyDataMissing("word frequencies not installed (pip install wordfreq)") from None
    if lang not in available_languages():
        raise FrequencyDataMissing(f"no word frequency list for language {lang!r}")
    return list(top_n_list(lang, limit))


#: wordfreq's lists: "best" (the longest it has for a language, down to about once per 100 million words) and
#: "small" (the words of Zipf 3 or more): the short one gives the same value to every word it holds and loads in
#: about 10 ms instead of 0.3 s (German), with 70 MB less memory, so it answers any question about Zipf 3 or more
Wordlist = Literal["best", "small"]


@cache  # wordfreq lists its languages anew at every call (a few ms); a check asks once per sentence pair
def has_list(lang: str, wordlist: Wordlist = "best") -> bool:
    """Whether ``zipf`` knows the words of ``lang`` (ISO 639-1): ``wordfreq`` is installed and has that list of the
    language."""
    try:
        from wordfreq import available_languages
    except ImportError:
        return False
    return lang in available_languages(wordlist)


def zipf(word: str, lang: str, wordlist: Wordlist = "best") -> float:
    """How often ``word`` occurs in ``lang`` on the Zipf scale (3.0: once per million words; 0.0 when unknown or when
    there is no list for the language), read from ``wordlist``."""
    try:
        from wordfreq import zipf_frequency
    except ImportError:
        return 0.0
    try:
        return float(zipf_frequency(word, lang, wordlist=wordlist))
    except LookupError:  # no list for this language
        return 0.0
