"""The persistent translation cache, the `auto` chain, identity, and the `translate` / `cache` commands."""

from __future__ import annotations

import json
import socket
import time
from dataclasses import replace
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.config import Config
from provenance.errors import TranslatorUnavailableError
from provenance.model import Translation
from provenance.translate import ChainTranslator, get_translator
from provenance.translate.cache import CachedTranslator, CacheLookup, TranslationCache
from tests.conftest import FIXTURES
from tests.loopback import LoopbackServer, Reply, Request

MEM = FIXTURES / "translate"


def google_page(req: Request) -> Reply:
    q = req.query["q"][0]
    return Reply(200, f'<div class="result-container">EN:{q.upper()}</div>'.encode(), {"Content-Type": "text/html"})


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/m"


class Counting:
    """A fake provider that counts calls (the cache must spare them)."""

    name = "fake"
    version = "1"

    def __init__(self) -> None:
        self.seen: list[str] = []

    def translate(self, texts, source_lang, target_lang):  # type: ignore[no-untyped-def]
        self.seen.extend(texts)
        return [Translation(t, t[::-1], source_lang, target_lang, self.name) for t in texts]


def test_cache_serves_repeats_without_calling_the_provider(tmp_path: Path) -> None:
    inner = Counting()
    cached = CachedTranslator(inner, TranslationCache(tmp_path))
    first = cached.translate(["abc", "def", "abc"], "de", "en")
    again = CachedTranslator(Counting(), TranslationCache(tmp_path)).translate(["abc", "def"], "de", "en")
    assert inner.seen == ["abc", "def"]  # duplicates in a batch are translated once
    assert [t.text for t in first] == ["cba", "fed", "cba"]
    assert [(t.text, t.translator) for t in again] == [("cba", "fake"), ("fed", "fake")]


def test_cache_is_keyed_by_provider_and_language_pair(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    cache.put("google", "1", "de", "en", [("Hallo", "Hello")])
    assert cache.get(["Hallo"], "de", "en", provider="google") == {"Hallo": ("Hello", "google")}
    assert cache.get(["Hallo"], "de", "en", provider="deepl") == {}
    assert cache.get(["Hallo"], "de", "fr") == {}
    assert cache.get(["Hallo"], "DE-de", "en-GB") == {"Hallo": ("Hello", "google")}  # language tags normalised


def test_cache_lookup_prefers_the_configured_provider(tmp_path: Path) -> None:
    cache = TranslationCache(tmp_path)
    cache.put("google", "1", "de", "en", [("Hallo", "Hello (google)")])
    cache.put("deepl", "1", "de", "en", [("Hallo", "Hello (deepl)")])
    [t] = CacheLookup(cache, prefer="deepl").lookup(["Hallo"], "de", "en")
    assert t is not None and (t.text, t.translator) == ("Hello (deepl)", "deepl")


def test_a_cached_google_translation_needs_no_network_on_rerun(http_server: LoopbackServer, tmp_path: Path) -> None:
    http_server.route("/m", google_page)
    config = Config(cache_dir=tmp_path / "c", google_url=http_server.url("/m"))
    first = get_translator("google", config).translate(["Die Brücke ist zu."], "de", "en")
    offline = replace(config, google_url=closed_port_url())
    again = get_translator("google", offline).translate(["Die Brücke ist zu."], "de", "en")
    assert again == first and again[0].translator == "google"
    assert len(http_server.requests) == 1


def test_same_language_is_identity(tmp_path: Path) -> None:
    config = Config(cache_dir=tmp_path, translator_provider="google", google_url=closed_port_url())
    [t] = get_translator("auto", config).translate(["Same words."], "en", "en-US")
    assert (t.text, t.translator) == ("Same words.", "identity")


def test_auto_tries_cache_then_memory_then_provider_then_gloss(http_server: LoopbackServer, tmp_path: Path) -> None:
    http_server.route("/m", google_page)
    config = Config(
        cache_dir=tmp_path / "c",
        memories=(MEM / "desk.tmx",),
        translator_provider="google",
        google_url=http_server.url("/m"),
    )
    TranslationCache(config.cache_dir).put("deepl", "1", "de", "en", [("Schon übersetzt.", "Already translated.")])
    auto = get_translator("auto", config)
    assert isinstance(auto.inner, ChainTranslator)
    out = auto.translate(["Schon übersetzt.", "Fünf Gemeinden haben sich der Klage angeschlossen.", "Neu."], "de", "en")
    assert [t.translator for t in out] == ["deepl", "memory:desk.tmx", "google"]
    assert [r.query["q"][0] for r in http_server.requests] == ["Neu."]  # only the miss went online
    assert "cache" in auto.version and "memory:desk.tmx" in auto.version and "google" in auto.version


def test_auto_falls_back_to_gloss_when_the_provider_is_unreachable(tmp_path: Path) -> None:
    sample = MEM / "ding-sample.txt"
    config = Config(
        cache_dir=tmp_path, translator_provider="google", google_url=closed_port_url(), gloss_dictionary=str(sample)
    )
    [t] = get_translator("auto", config).translate(["Brücke"], "de", "en")
    assert (t.text, t.translator) == ("Bridge", "gloss:ding")


def test_auto_with_nothing_available_names_every_reason(tmp_path: Path) -> None:
    config = Config(
        cache_dir=tmp_path, translator_provider="google", google_url=closed_port_url(),
        gloss_dictionary=str(tmp_path / "no-such-dictionary"),
    )
    with pytest.raises(TranslatorUnavailableError) as err:
        get_translator("auto", config).translate(["Etwas."], "de", "en")
    message = str(err.value)
    assert "cannot reach google" in message and "trans-de-en" in message and "--memory FILE" in message
    partial = get_translator("auto", config).translate_partial(["Etwas."], "de", "en")
    assert partial == [None]


def test_unknown_translator_is_a_usage_error(tmp_path: Path) -> None:
    with pytest.raises(Exception, match="unknown translator 'babel'"):
        get_translator("babel", Config(cache_dir=tmp_path))


# --------------------------------------------------------------------------- CLI


def test_cli_translate_offline_fails_fast_with_the_offline_options(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    monkeypatch.setenv("PROVENANCE_GOOGLE_URL", closed_port_url())
    start = time.monotonic()
    code = main(["translate", "Der Minister schwieg.", "--from", "de", "--translator", "google"])
    err = capsys.readouterr().err
    assert code == 2 and time.monotonic() - start < 2.0
    assert err.startswith("provenance: error: cannot reach google")
    assert "--memory FILE" in err and "--translator gloss" in err


def test_cli_translate_uses_the_cache_without_network(
    http_server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, capsys: pytest.CaptureFixture[str]
) -> None:
    http_server.route("/m", google_page)
    monkeypatch.setenv("PROVENANCE_GOOGLE_URL", http_server.url("/m"))
    assert main(["translate", "Der Minister schwieg.", "--from", "de", "--translator", "google"]) == 0
    online = capsys.readouterr()
    monkeypatch.setenv("PROVENANCE_GOOGLE_URL", closed_port_url())
    assert main(["translate", "Der Minister schwieg.", "--from", "de", "--translator", "google"]) == 0
    offline = capsys.readouterr()
    assert offline.out == online.out == "EN:DER MINISTER SCHWIEG.\n"
    assert "translated by google" in offline.err
    # and cache-only needs no provider at all
    assert main(["translate", "Der Minister schwieg.", "--from", "de", "--translator", "cache-only"]) == 0
    assert capsys.readouterr().out == "EN:DER MINISTER SCHWIEG.\n"


def test_cli_translate_file_with_memory_as_json(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    source = tmp_path / "original.txt"
    source.write_text(
        "Der Stadtrat tagt am Montag.\n\nDie Opposition kritisierte den Plan scharf.\n", encoding="utf-8"
    )
    code = main(
        ["translate", str(source), "--from", "de", "--memory", str(MEM / "desk.de-en.tsv"),
         "--translator", "memory", "--format", "json"]
    )
    assert code == 0
    data = json.loads(capsys.readouterr().out)
    assert data["text"] == "The town council meets on Monday.\n\nThe opposition sharply criticised the plan."
    assert data["translators"] == ["memory:desk.de-en.tsv"]
    assert [s["translator"] for s in data["segments"]] == ["memory:desk.de-en.tsv"] * 2


def test_cli_cache_stats_and_clear(tmp_path: Path, capsys: pytest.CaptureFixture[str]) -> None:
    cache_dir = tmp_path / "cache"  # the autouse fixture points PROVENANCE_CACHE_DIR here
    TranslationCache(cache_dir).put("google", "1", "de", "en", [("a", "A"), ("b", "B")])
    assert main(["cache", "stats", "--format", "json"]) == 0
    stats = json.loads(capsys.readouterr().out)
    assert stats["groups"]["translations"] == 2 and stats["translations_by_provider"] == {"google": 2}
    assert stats["bytes"] > 0
    assert main(["cache", "clear"]) == 2
    assert "say what to clear" in capsys.readouterr().err
    assert main(["cache", "clear", "--translations", "--yes"]) == 0
    assert "deleted 2 translations" in capsys.readouterr().out
    assert main(["cache", "stats"]) == 0
    assert "translations: 0" in capsys.readouterr().out


def test_auto_with_a_provider_lacking_its_key_still_uses_the_other_steps(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    for var in ("DEEPL_AUTH_KEY", "DEEPL_API_KEY"):
        monkeypatch.delenv(var, raising=False)
    config = Config(cache_dir=tmp_path, translator_provider="deepl", memories=(MEM / "desk.tmx",))
    auto = get_translator("auto", config)
    [hit] = auto.translate(["Fünf Gemeinden haben sich der Klage angeschlossen."], "de", "en")
    assert hit.translator == "memory:desk.tmx"
    without_gloss = replace(config, memories=(), gloss_dictionary=str(tmp_path / "missing"))
    with pytest.raises(TranslatorUnavailableError, match="deepl: deepl needs an API key"):
        get_translator("auto", without_gloss).translate(["Unbekannt."], "de", "en")


def test_cache_clear_asks_first_and_keeps_everything_on_no(tmp_path: Path) -> None:
    from click.testing import CliRunner

    from provenance.cli import cli

    cache_dir = tmp_path / "cache"
    TranslationCache(cache_dir).put("google", "1", "de", "en", [("a", "A")])
    result = CliRunner().invoke(cli, ["cache", "clear", "--all"], input="n\n")
    assert "Delete 1 translations, 0 snapshots, 0 embeddings" in result.output
    assert result.exit_code != 0
    assert TranslationCache(cache_dir).get(["a"], "de", "en") == {"a": ("A", "google")}


def test_cli_translate_reads_stdin_and_keeps_identity_for_same_language() -> None:
    from click.testing import CliRunner

    from provenance.cli import cli

    result = CliRunner().invoke(cli, ["translate", "-", "--from", "en", "--to", "en"], input="Same text.\n")
    assert result.exit_code == 0
    assert result.output.startswith("Same text.\n")
