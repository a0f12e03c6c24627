"""How frequent a language's words are (the ``wordfreq`` package's lists, read as data): the most frequent words of
a language, most frequent first. Set-up uses them to choose which source-language words' vectors to store ahead of
a check (``compare/wordvec.source_table_words``); no check reads them."""

from __future__ import annotations

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
