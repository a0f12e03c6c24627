"""What the ``provenance`` process keeps compiled in the cache dir between runs (regular expressions' code, the outlet
registry): the same objects as compiled afresh, and a damaged or stale file is never used."""

from __future__ import annotations

import pickle
import re
from pathlib import Path

import pytest

import provenance.sources as sources
from provenance.attribution.lexicon import Lexicon, load_lexicon
from provenance.commands.regexes import kept_in, store_path


def _patterns(lexicon: Lexicon) -> list[re.Pattern[str]]:
    return [v for v in vars(lexicon).values() if isinstance(v, re.Pattern)]


def test_stored_regex_code_compiles_to_the_same_patterns(tmp_path: Path) -> None:
    texts = [(p.pattern, p.flags) for p in _patterns(load_lexicon())]
    texts += [(r"(?P<name>\w+)-(?P=name)", re.I), (rb"\d+(?:\.\d+)?", 0), (r"[^\W\d_]+", re.M)]
    fresh = [re._compiler.compile(p, f) for p, f in texts]  # type: ignore[attr-defined]
    with kept_in(tmp_path):
        first = [re._compiler.compile(p, f) for p, f in texts]  # type: ignore[attr-defined]
    assert store_path(tmp_path).is_file()
    with kept_in(tmp_path):
        stored = [re._compiler.compile(p, f) for p, f in texts]  # type: ignore[attr-defined]
    for a, b, c in zip(fresh, first, stored, strict=True):
        # equal patterns: the same text, flags and engine code
        assert a == b == c
        assert a.groupindex == c.groupindex and a.groups == c.groups
    assert stored[-3].fullmatch("ab-AB") and not stored[-3].fullmatch("ab-cd")


def test_a_damaged_or_foreign_regex_store_is_not_used(tmp_path: Path) -> None:
    with kept_in(tmp_path):
        re._compiler.compile(r"a+b", 0)  # type: ignore[attr-defined]
    path = store_path(tmp_path)
    blob = bytearray(path.read_bytes())
    blob[-5] ^= 0xFF  # no longer matches its SHA-256
    path.write_bytes(bytes(blob))
    with kept_in(tmp_path):
        assert re._compiler.compile(r"a+b", 0).fullmatch("aab")  # type: ignore[attr-defined]
    # wrong code under a right checksum: the engine refuses it and the pattern is compiled afresh
    entries = {("x+", 0): (32, [1, 2, 3], 0, {}, (None,))}
    payload = pickle.dumps(entries)
    import hashlib

    path.write_bytes(hashlib.sha256(payload).digest() + payload)
    with kept_in(tmp_path):
        assert re._compiler.compile("x+", 0) == re.compile("x+")  # type: ignore[attr-defined]
    assert re._compiler.compile.__module__ == "re._compiler"  # type: ignore[attr-defined]


def test_the_registry_kept_in_the_cache_dir_is_the_registry_read_afresh(tmp_path: Path) -> None:
    def state(registry: sources.Registry) -> dict[str, object]:
        return {k: (v.pattern, v.flags) if isinstance(v, re.Pattern) else v for k, v in vars(registry).items()}

    files = [sources._builtin_files()]
    fresh = sources._load(files)
    built = sources._load_kept(files, tmp_path)
    kept = list((tmp_path / "registry").glob("registry-*.pickle"))
    assert len(kept) == 1
    again = sources._load_kept(files, tmp_path)
    assert state(fresh) == state(built) == state(again)
    # a file whose contents changed is another registry; a damaged kept file is built again
    changed = [[*files[0][:-1], (files[0][-1][0], files[0][-1][1].replace("name =", "name =  ", 1))]]
    assert sources._load_kept(changed, tmp_path) is not None
    assert len(list((tmp_path / "registry").glob("registry-*.pickle"))) == 2
    kept[0].write_bytes(b"not a pickle")
    assert state(sources._load_kept(files, tmp_path)) == state(fresh)
    digest, _ = pickle.loads(kept[0].read_bytes())
    assert digest == sources._digest(files)


def test_the_finders_english_word_test_reads_the_same_dictionary_through_the_lemma_tries(
    tmp_path: Path, compiled_resources: Path
) -> None:
    from provenance.attribution.unknown import english_words, is_english_word
    from provenance.config import Config
    from provenance.lang.resources import Resources, using
    from provenance.pipeline import _english_word
    from tests.conftest import link_lemma_tries

    link_lemma_tries(tmp_path, compiled_resources, ("en",))
    words = ["Police", "officials", "Zeitung", "Sanomat", "daily", "Times", "Bote", "it's", "ß", "Ελλάδα"]
    is_english_word.cache_clear()
    plain = [is_english_word(w) for w in words]
    is_english_word.cache_clear()
    asked: list[str] = []

    def known(word: str) -> bool:
        asked.append(word)
        return _english_word(word)

    with using(Resources.from_config(Config(cache_dir=tmp_path))), english_words(known):
        tried = [is_english_word(w) for w in words]
    is_english_word.cache_clear()
    assert tried == plain and plain[:2] == [True, True] and not plain[3]
    assert asked == [w.lower() for w in words]
    with using(Resources.from_config(Config(cache_dir=tmp_path))), english_words(known), pytest.raises(ValueError):
        is_english_word("")  # refused as simplemma refuses it


def test_the_regex_store_keeps_only_what_a_run_used_once_it_is_full(tmp_path: Path,
                                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import provenance.commands.regexes as regexes

    monkeypatch.setattr(regexes, "MAX_ENTRIES", 5)
    with kept_in(tmp_path):
        for n in range(5):
            re._compiler.compile(f"a{{{n}}}", 0)  # type: ignore[attr-defined]
    with kept_in(tmp_path):
        re._compiler.compile("a{1}", 0)  # type: ignore[attr-defined]
        re._compiler.compile("b+", 0)  # type: ignore[attr-defined]
    payload = store_path(tmp_path).read_bytes()[32:]
    assert set(pickle.loads(payload)) == {("a{1}", 0), ("b+", 0)}
