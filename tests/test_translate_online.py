"""Online providers against real HTTP servers on 127.0.0.1 (never the internet).

Each test stands up a loopback server that speaks the provider's real API and drives the
provider through its configurable base URL: the LibreTranslate API, Google's mobile page
(what deep-translator parses), DeepL v2 with header authentication, Azure Translator v3.
"""

from __future__ import annotations

import html
import json
import logging
import re
import socket
import time
from dataclasses import replace
from pathlib import Path
from urllib.parse import parse_qs

import pytest
import requests

from provenance.config import Config
from provenance.errors import (
    QuotaError,
    RateLimitError,
    TranslatorUnavailableError,
    UnsupportedLanguageError,
)
from provenance.translate import get_translator
from provenance.translate.online import make_provider
from tests.loopback import LoopbackServer, Reply, Request

LIBRE_KEY = "libre-SECRET-key-4711"
DEEPL_KEY = "deepl-SECRET-key-0815:fx"


def fast_config(tmp_path: Path, **changes: object) -> Config:
    """Short timeouts and backoff so the tests stay fast but still measure real waiting."""
    base = Config(
        cache_dir=tmp_path / "cache",
        translate_connect_timeout=1.0,
        translate_timeout=2.0,
        translate_retries=3,
        translate_backoff=0.2,
        translate_concurrency=2,
        allow_http_loopback=True,  # the test servers speak plain http on 127.0.0.1
    )
    return replace(base, **changes)


def fake_english(text: str) -> str:
    """A stand-in translation that keeps every character visible (order and completeness checks)."""
    return "EN:" + text.upper()


# --------------------------------------------------------------------------- LibreTranslate


def libre_server(server: LoopbackServer, *, key: str | None = None) -> None:
    def languages(_req: Request) -> Reply:
        langs = [
            {"code": "de", "name": "German", "targets": ["en", "fr"]},
            {"code": "en", "name": "English", "targets": ["de", "fr"]},
            {"code": "fr", "name": "French", "targets": ["de", "en"]},
        ]
        return Reply(200, json.dumps(langs).encode(), {"Content-Type": "application/json"})

    def translate(req: Request) -> Reply:
        if req.headers.get("Content-Type", "").startswith("application/json"):
            form = json.loads(req.body)
        else:
            form = {k: v[0] for k, v in parse_qs(req.body.decode()).items()}
        if key is not None and form.get("api_key") != key:
            return Reply(403, b'{"error": "Invalid API key"}', {"Content-Type": "application/json"})
        body = json.dumps({"translatedText": fake_english(form["q"])})
        return Reply(200, body.encode(), {"Content-Type": "application/json"})

    server.route("/languages", languages)
    server.route("/translate", translate)


def test_libre_provider_speaks_the_libretranslate_api(http_server: LoopbackServer, tmp_path: Path) -> None:
    libre_server(http_server)
    config = fast_config(tmp_path, libre_url=http_server.base_url)
    translator = get_translator("libre", config)
    out = translator.translate(["Guten Morgen.", "Die Brücke ist gesperrt."], "de", "en")
    assert [t.text for t in out] == ["EN:GUTEN MORGEN.", "EN:DIE BRÜCKE IST GESPERRT."]
    assert {t.translator for t in out} == {"libre"}
    posts = [r for r in http_server.requests if r.path == "/translate"]
    form = parse_qs(posts[0].body.decode())
    assert form["source"] == ["de"] and form["target"] == ["en"] and form["format"] == ["text"]


def test_each_libre_server_has_its_own_cache_entries(http_server: LoopbackServer, tmp_path: Path) -> None:
    # two self-hosted servers may run different models: one's output is never served as the other's
    libre_server(http_server)
    get_translator("libre", fast_config(tmp_path, libre_url=http_server.base_url)).translate(["Hallo."], "de", "en")
    with LoopbackServer() as other:
        libre_server(other)
        out = get_translator("libre", fast_config(tmp_path, libre_url=other.base_url)).translate(["Hallo."], "de", "en")
        assert out[0].text == "EN:HALLO."
        assert [r.path for r in other.requests if r.path == "/translate"] == ["/translate"]
    again = get_translator("libre", fast_config(tmp_path, libre_url=http_server.base_url))
    again.translate(["Hallo."], "de", "en")
    assert len([r for r in http_server.requests if r.path == "/translate"]) == 1  # the first server's entry is reused


def test_libre_refuses_a_pair_the_server_does_not_offer(http_server: LoopbackServer, tmp_path: Path) -> None:
    libre_server(http_server)
    translator = get_translator("libre", fast_config(tmp_path, libre_url=http_server.base_url))
    with pytest.raises(UnsupportedLanguageError, match="ru"):
        translator.translate(["Привет"], "ru", "en")
    assert not [r for r in http_server.requests if r.path == "/translate"]


def test_libre_without_a_server_url_says_how_to_give_one(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv("LIBRETRANSLATE_URL", "https://libre.example")  # read by config.py, not by the provider
    with pytest.raises(TranslatorUnavailableError, match="--libre-url"):
        get_translator("libre", fast_config(tmp_path))


def test_api_key_is_sent_but_never_logged_nor_cached(
    http_server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    libre_server(http_server, key=LIBRE_KEY)
    caplog.set_level(logging.DEBUG)  # urllib3 logs every request line at DEBUG
    config = fast_config(tmp_path, libre_url=http_server.base_url, libre_key=LIBRE_KEY)
    out = get_translator("libre", config).translate(["Ein geheimer Satz."], "de", "en")
    assert out[0].text == "EN:EIN GEHEIMER SATZ."
    assert LIBRE_KEY in http_server.requests[-1].body.decode()  # it was really sent (in the POST body)
    assert LIBRE_KEY not in caplog.text
    assert "POST /translate" in caplog.text  # the log was really captured
    db_bytes = b"".join(p.read_bytes() for p in (tmp_path / "cache").iterdir() if p.is_file())
    assert b"EN:EIN GEHEIMER SATZ." in db_bytes  # the cache holds the translation ...
    assert LIBRE_KEY.encode() not in db_bytes  # ... and not the key
    assert LIBRE_KEY not in repr(config)


def test_a_rejected_key_is_a_clear_error_without_the_key(
    http_server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    libre_server(http_server, key="the-right-key")
    translator = get_translator("libre", fast_config(tmp_path, libre_url=http_server.base_url, libre_key=LIBRE_KEY))
    with pytest.raises(TranslatorUnavailableError, match="API key") as err:
        translator.translate(["Hallo"], "de", "en")
    assert LIBRE_KEY not in str(err.value)


# --------------------------------------------------------------------------- Google (deep-translator)


def google_page(req: Request) -> Reply:
    """What translate.google.com/m answers: the translation inside div.result-container."""
    q = req.query["q"][0]
    page = f'<html><body><div class="result-container">{html.escape(fake_english(q))}</div></body></html>'
    return Reply(200, page.encode(), {"Content-Type": "text/html; charset=utf-8"})


def test_google_through_deep_translator_with_an_injected_session(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    http_server.route("/m", google_page)
    session = requests.Session()
    session.headers["X-Injected"] = "yes"
    provider = make_provider("google", fast_config(tmp_path, google_url=http_server.url("/m")), session=session)
    out = provider.translate(["Der Minister schwieg."], "de", "en")
    assert out[0].text == "EN:DER MINISTER SCHWIEG."
    assert out[0].translator == "google"
    req = http_server.requests[0]
    assert req.query["sl"] == ["de"] and req.query["tl"] == ["en"]
    assert req.headers.get("X-Injected") == "yes"  # deep-translator's requests.get went through our session


def test_a_long_text_is_split_on_sentence_boundaries_and_reassembled_in_order(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    http_server.route("/m", google_page)
    sentences = [f"Satz Nummer {i} berichtet über die Lage in der Stadt am Fluss und ihre Brücken." for i in range(80)]
    text = " ".join(sentences)
    assert 6000 <= len(text) <= 7000
    out = get_translator("google", fast_config(tmp_path, google_url=http_server.url("/m"))).translate(
        [text], "de", "en"
    )
    # the two chunks are sent concurrently: put them back in text order to compare
    chunks = sorted((r.query["q"][0] for r in http_server.requests), key=text.find)
    assert len(chunks) == 2
    assert all(len(c) < 5000 and c.endswith(".") for c in chunks)  # never cut inside a sentence
    assert " ".join(chunks) == text
    assert out[0].text == " ".join(fake_english(c) for c in chunks)  # order kept


def test_429_is_retried_after_the_servers_retry_after(http_server: LoopbackServer, tmp_path: Path) -> None:
    seen: list[float] = []

    def flaky(req: Request) -> Reply:
        seen.append(time.monotonic())
        if len(seen) == 1:
            return Reply(429, b"slow down", {"Retry-After": "1"})
        return google_page(req)

    http_server.route("/m", flaky)
    out = get_translator("google", fast_config(tmp_path, google_url=http_server.url("/m"))).translate(
        ["Hallo."], "de", "en"
    )
    assert out[0].text == "EN:HALLO."
    assert len(seen) == 2
    assert seen[1] - seen[0] >= 0.95  # waited as asked


def test_5xx_is_retried_with_growing_backoff_then_reported(http_server: LoopbackServer, tmp_path: Path) -> None:
    seen: list[float] = []

    def down(_req: Request) -> Reply:
        seen.append(time.monotonic())
        return Reply(503, b"maintenance")

    http_server.route("/m", down)
    config = fast_config(tmp_path, google_url=http_server.url("/m"), translate_retries=3, translate_backoff=0.2)
    with pytest.raises(TranslatorUnavailableError, match="HTTP 503 after 4 attempts"):
        get_translator("google", config).translate(["Hallo."], "de", "en")
    gaps = [b - a for a, b in zip(seen, seen[1:], strict=False)]
    assert len(gaps) == 3
    # equal jitter: the n-th wait lies in [0.5, 1] * 0.2 * 2**n
    for n, gap in enumerate(gaps):
        assert 0.5 * 0.2 * 2**n - 0.02 <= gap <= 0.2 * 2**n + 0.3


def test_persistent_429_becomes_a_rate_limit_error(http_server: LoopbackServer, tmp_path: Path) -> None:
    http_server.route("/m", Reply(429, b"no"))
    config = fast_config(tmp_path, google_url=http_server.url("/m"), translate_retries=1, translate_backoff=0.05)
    with pytest.raises(RateLimitError, match="429"):
        get_translator("google", config).translate(["Hallo."], "de", "en")


def test_a_retry_after_beyond_the_limit_fails_at_once(http_server: LoopbackServer, tmp_path: Path) -> None:
    http_server.route("/m", Reply(429, b"no", {"Retry-After": "3600"}))
    start = time.monotonic()
    with pytest.raises(RateLimitError, match="3600 s"):
        get_translator("google", fast_config(tmp_path, google_url=http_server.url("/m"))).translate(
            ["Hallo."], "de", "en"
        )
    assert time.monotonic() - start < 1.0


def test_a_server_that_never_answers_times_out_in_the_configured_time(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    http_server.route("/m", Reply(200, b"too late", delay=10))
    config = fast_config(tmp_path, google_url=http_server.url("/m"), translate_timeout=0.5)
    start = time.monotonic()
    with pytest.raises(TranslatorUnavailableError, match="did not answer within 0.5 s"):
        get_translator("google", config).translate(["Hallo."], "de", "en")
    assert time.monotonic() - start < 2.0


def closed_port_url() -> str:
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    return f"http://127.0.0.1:{port}/m"


def test_no_connection_fails_fast_and_names_the_offline_options(tmp_path: Path) -> None:
    start = time.monotonic()
    with pytest.raises(TranslatorUnavailableError) as err:
        get_translator("google", fast_config(tmp_path, google_url=closed_port_url())).translate(["Hallo."], "de", "en")
    assert time.monotonic() - start < 1.0  # no retries: nothing is listening
    message = str(err.value)
    assert "cannot reach google" in message
    assert "--memory FILE" in message and "--translator gloss" in message and "cache" in message


def test_concurrency_is_bounded(http_server: LoopbackServer, tmp_path: Path) -> None:
    import threading

    active = 0
    peak = 0
    lock = threading.Lock()

    def slow(req: Request) -> Reply:
        nonlocal active, peak
        with lock:
            active += 1
            peak = max(peak, active)
        time.sleep(0.1)
        with lock:
            active -= 1
        return google_page(req)

    http_server.route("/m", slow)
    config = fast_config(tmp_path, google_url=http_server.url("/m"), translate_concurrency=2)
    out = get_translator("google", config).translate([f"Satz {i}." for i in range(6)], "de", "en")
    assert [t.text for t in out] == [f"EN:SATZ {i}." for i in range(6)]
    assert peak == 2


# --------------------------------------------------------------------------- DeepL, Microsoft, MyMemory


def test_deepl_uses_header_authentication_and_batches(
    http_server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    def deepl(req: Request) -> Reply:
        if req.headers.get("Authorization") != f"DeepL-Auth-Key {DEEPL_KEY}":
            return Reply(403, b'{"message": "Wrong key"}')
        body = json.loads(req.body)
        data = {"translations": [{"detected_source_language": "DE", "text": fake_english(t)} for t in body["text"]]}
        return Reply(200, json.dumps(data).encode(), {"Content-Type": "application/json"})

    http_server.route("/v2/translate", deepl)
    config = fast_config(tmp_path, deepl_url=http_server.base_url, deepl_key=DEEPL_KEY)
    out = get_translator("deepl", config).translate(["Eins.", "Zwei.", "Drei."], "de", "en")
    assert [t.text for t in out] == ["EN:EINS.", "EN:ZWEI.", "EN:DREI."]
    assert len(http_server.requests) == 1  # one request for the batch
    body = json.loads(http_server.requests[0].body)
    assert body["source_lang"] == "DE" and body["target_lang"] == "EN-US"
    assert "auth_key" not in http_server.requests[0].query  # no key in the URL


def test_deepl_quota_456_is_a_clear_quota_error(
    http_server: LoopbackServer, tmp_path: Path, monkeypatch: pytest.MonkeyPatch, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    http_server.route("/v2/translate", Reply(456, b'{"message": "Quota exceeded"}'))
    config = fast_config(tmp_path, deepl_url=http_server.base_url, deepl_key=DEEPL_KEY)
    with pytest.raises(QuotaError, match="quota of this DeepL account is used up") as err:
        get_translator("deepl", config).translate(["Eins."], "de", "en")
    assert len(http_server.requests) == 1  # a quota error is not retried
    assert DEEPL_KEY not in str(err.value) and DEEPL_KEY not in caplog.text


def test_deepl_without_a_key_names_the_variable(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # the key comes from the settings only (config.py reads DEEPL_AUTH_KEY into them): the provider reads no
    # environment variable of its own
    monkeypatch.setenv("DEEPL_AUTH_KEY", DEEPL_KEY)
    with pytest.raises(TranslatorUnavailableError, match="DEEPL_AUTH_KEY"):
        get_translator("deepl", fast_config(tmp_path))


def test_microsoft_quota_and_batching(http_server: LoopbackServer, tmp_path: Path) -> None:
    calls = 0

    def azure(req: Request) -> Reply:
        nonlocal calls
        calls += 1
        assert req.headers.get("Ocp-Apim-Subscription-Key") == "ms-key"
        if calls > 1:
            err = {"error": {"code": 403001, "message": "The operation is not allowed because the quota is exceeded"}}
            return Reply(403, json.dumps(err).encode(), {"Content-Type": "application/json"})
        items = json.loads(req.body)
        data = [{"translations": [{"text": fake_english(i["Text"]), "to": "en"}]} for i in items]
        return Reply(200, json.dumps(data).encode(), {"Content-Type": "application/json"})

    http_server.route("/translate", azure)
    config = fast_config(tmp_path, microsoft_url=http_server.base_url, microsoft_key="ms-key")
    translator = get_translator("microsoft", config)
    assert [t.text for t in translator.translate(["A.", "B."], "de", "en")] == ["EN:A.", "EN:B."]
    assert http_server.requests[0].query["from"] == ["de"] and http_server.requests[0].query["to"] == ["en"]
    with pytest.raises(QuotaError, match="quota"):
        translator.translate(["C."], "de", "en")


def test_mymemory_daily_quota_warning_is_a_quota_error(http_server: LoopbackServer, tmp_path: Path) -> None:
    warning = {
        "responseData": {"translatedText": "MYMEMORY WARNING: YOU USED ALL AVAILABLE FREE TRANSLATIONS FOR TODAY."},
        "responseStatus": 429,
        "matches": [],
    }
    http_server.route("/get", Reply(200, json.dumps(warning).encode(), {"Content-Type": "application/json"}))
    config = fast_config(tmp_path, mymemory_url=http_server.url("/get"))
    with pytest.raises(QuotaError, match="daily quota"):
        get_translator("mymemory", config).translate(["Hallo."], "de", "en")
    assert http_server.requests[0].query["langpair"] == ["de-DE|en-GB"] or re.match(
        r"de-\w+\|en-\w+", http_server.requests[0].query["langpair"][0]
    )


def test_a_connection_that_breaks_mid_request_is_retried(http_server: LoopbackServer, tmp_path: Path) -> None:
    calls = 0

    def drop_first(req: Request) -> Reply:
        nonlocal calls
        calls += 1
        if calls == 1:
            raise ConnectionAbortedError("simulated drop: the server closes without answering")
        return google_page(req)

    http_server.route("/m", drop_first)
    out = get_translator("google", fast_config(tmp_path, google_url=http_server.url("/m"))).translate(
        ["Hallo."], "de", "en"
    )
    assert out[0].text == "EN:HALLO." and calls == 2


def test_chatgpt_compatible_endpoint_with_bearer_key(http_server: LoopbackServer, tmp_path: Path) -> None:
    def chat(req: Request) -> Reply:
        assert req.headers.get("Authorization") == "Bearer sk-test-key"
        body = json.loads(req.body)
        assert body["temperature"] == 0 and "from German to English" in body["messages"][0]["content"]
        content = fake_english(body["messages"][1]["content"])
        answer = {"choices": [{"message": {"role": "assistant", "content": content}}]}
        return Reply(200, json.dumps(answer).encode(), {"Content-Type": "application/json"})

    http_server.route("/v1/chat/completions", chat)
    config = fast_config(tmp_path, chatgpt_url=http_server.url("/v1"), openai_key="sk-test-key", chatgpt_model="m-1")
    [t] = get_translator("chatgpt", config).translate(["Guten Tag."], "de", "en")
    assert t.text == "EN:GUTEN TAG." and t.translator == "chatgpt:m-1"


def test_a_provider_trickling_its_answer_is_cut_off_at_the_deadline(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    # every byte comes well within the 2 s read timeout, so only the total deadline can end the wait
    def trickle() -> object:
        for _ in range(40):
            time.sleep(0.1)
            yield b" "

    http_server.route("/v2/translate", Reply(200, trickle(), {"Content-Type": "application/json",
                                                                "Content-Length": "40"}))
    config = fast_config(tmp_path, deepl_url=http_server.base_url, translate_deadline=0.6, translate_retries=0)
    provider = make_provider("deepl", config, api_key=DEEPL_KEY)
    started = time.monotonic()
    with pytest.raises(TranslatorUnavailableError, match="deadline of 0.6 s"):
        provider.translate(["Guten Tag."], "de", "en")
    assert time.monotonic() - started < 0.6 + 0.5
