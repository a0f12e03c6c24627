"""Options several commands share (click declarations only; the commands are in ``provenance.cli``)."""

from __future__ import annotations

from pathlib import Path
from typing import Any

import click


def translation_options(command: Any) -> Any:
    """--translator, --memory and --libre-url, shared by the commands that translate."""
    options = [
        click.option(
            "--translator",
            metavar="NAME",
            help="auto (cache, memory, the online provider named by PROVENANCE_TRANSLATOR_PROVIDER, offline "
            "gloss), google, mymemory, libre, microsoft, deepl, chatgpt, memory, gloss, identity, cache-only "
            "[env: PROVENANCE_TRANSLATOR].",
        ),
        click.option(
            "--memory",
            "memories",
            multiple=True,
            type=click.Path(exists=True, dir_okay=False, path_type=Path),
            help="Translation memory of the original (TMX, TSV or XLIFF); repeatable.",
        ),
        click.option("--libre-url", metavar="URL", help="LibreTranslate server for --translator libre."),
    ]
    for option in reversed(options):
        command = option(command)
    return command


def language_code(_ctx: click.Context, _param: click.Parameter, value: str | None) -> str | None:
    """Click callback: a language option's value as an ISO 639-1 code (LanguageError -> exit 2)."""
    from provenance.languages import iso639_1  # only when a language is given: babel's data load is slow

    return None if value is None else iso639_1(value)


#: the ``--format text|json`` option of the commands that print a record or a list
text_or_json = click.option("--format", "fmt", type=click.Choice(["text", "json"]), default="text", show_default=True)


def thorough_option(command: Any) -> Any:
    return click.option(
        "--thorough", is_flag=True, default=None,
        help="Also test antonyms no word list knows by rewriting passage sentences and embedding the rewrites "
             "(slower: tens of ms per candidate word) [env: PROVENANCE_THOROUGH].",
    )(command)


def word_level_option(command: Any) -> Any:
    return click.option(
        "--word-level", is_flag=True, default=None,
        help="Also report word-level notes of paraphrase (a word added or left out with no counterpart in the "
             "translation, word-vector antonym guesses), at minor severity; whole-article checks leave them out "
             "[env: PROVENANCE_WORD_LEVEL].",
    )(command)


_ARCHIVE_CHOICE = click.Choice(["live", "wayback", "archive.today", "auto"])


def snapshot_options(func: Any) -> Any:
    """SRC and the options of the commands that get one original (fetch, extract)."""
    for option in reversed(
        [
            click.argument("src", metavar="SRC"),
            click.option(
                "--archive",
                type=_ARCHIVE_CHOICE,
                help="For an http(s) SRC: the live page (default), an archive, or auto (live, Wayback, archive.today).",
            ),
            click.option("--refresh", is_flag=True, help="Fetch again instead of using the stored snapshot."),
            click.option("--outlet", metavar="NAME", help="Outlet of the page (default: from the URL's domain)."),
            click.option(
                "--warc",
                "warc_out",
                type=click.Path(dir_okay=False, path_type=Path),
                help="Also append the snapshot (request + response records) to this WARC file (.warc or .warc.gz).",
            ),
            text_or_json,
        ]
    ):
        func = option(func)
    return func
