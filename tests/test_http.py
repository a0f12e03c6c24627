"""Live fetching: limits, redirects, retries, charsets and the SSRF guard, against loopback servers."""

from __future__ import annotations

import gzip
import time
import tracemalloc
from collections.abc import Iterator
from pathlib import Path

import httpx
import pytest

from provenance.config import Config
from provenance.documents.charsets import decode_page
from provenance.errors import BlockedURLError, HTTPStatusError, NetworkError, ResponseTooLargeError, RetrievalError
from provenance.retrieve import get_snapshot
from provenance.retrieve.guard import check_url
from provenance.retrieve.http import MAX_RETRY_AFTER, fetch, parse_retry_after
from tests.conftest import FIXTURES
from tests.loopback import LoopbackServer, Reply

PAGES = FIXTURES / "pages"
ARTICLE = (PAGES / "de_article.html").read_bytes()
HTML = {"Content-Type": "text/html; charset=utf-8"}


def local(tmp_path: Path, **kw: object) -> Config:
    """Settings for loopback tests: private network allowed (the servers are on 127.0.0.1)."""
    return Config(cache_dir=tmp_path / "cache", allow_private_network=True, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------ ordinary fetching


def test_fetch_returns_body_status_and_sends_a_descriptive_user_agent(http_server: LoopbackServer, tmp_path):
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    result = fetch(http_server.url("/artikel"), local(tmp_path))
    assert result.status == 200 and result.body == ARTICLE
    assert result.final_url == http_server.url("/artikel")
    agent = http_server.requests[0].headers["User-Agent"]
    assert agent.startswith("translation-provenance/") and "+https://" in agent


def test_redirects_are_followed_and_the_final_url_recorded(http_server: LoopbackServer, tmp_path):
    http_server.route("/old", Reply(301, b"", {"Location": "/new"}))
    http_server.route("/new", Reply(200, ARTICLE, HTML))
    result = fetch(http_server.url("/old"), local(tmp_path))
    assert result.final_url == http_server.url("/new")
    assert result.redirects == [http_server.url("/old")]


def test_a_redirect_loop_is_a_clear_error(http_server: LoopbackServer, tmp_path):
    http_server.route("/a", Reply(302, b"", {"Location": "/b"}))
    http_server.route("/b", Reply(302, b"", {"Location": "/a"}))
    with pytest.raises(RetrievalError, match="redirect loop"):
        fetch(http_server.url("/a"), local(tmp_path))
    assert len(http_server.requests) == 2


def test_too_many_redirects(http_server: LoopbackServer, tmp_path):
    for i in range(5):
        http_server.route(f"/r{i}", Reply(302, b"", {"Location": f"/r{i + 1}"}))
    with pytest.raises(RetrievalError, match="too many redirects"):
        fetch(http_server.url("/r0"), local(tmp_path, max_redirects=2))


def test_a_server_that_never_answers_times_out_within_the_read_timeout(http_server: LoopbackServer, tmp_path):
    http_server.route("/slow", Reply(200, b"late", HTML, delay=5.0))
    started = time.monotonic()
    with pytest.raises(NetworkError, match="timed out after 0.5 s"):
        fetch(http_server.url("/slow"), local(tmp_path, read_timeout=0.5, retries=0))
    assert time.monotonic() - started < 3.0


def test_error_status_is_reported_with_the_status(http_server: LoopbackServer, tmp_path):
    http_server.route("/gone", Reply(410, b"gone", HTML))
    with pytest.raises(HTTPStatusError, match="410") as info:
        fetch(http_server.url("/gone"), local(tmp_path))
    assert info.value.status == 410


# ------------------------------------------------------------------ size limits and bombs


def _endless(total: int, chunk: int = 256 * 1024) -> Iterator[bytes]:
    block = b"<p>" + b"x" * (chunk - 3)
    sent = 0
    while sent < total:
        yield block
        sent += len(block)


def test_a_2gb_streaming_body_is_refused_at_the_limit_with_flat_memory(http_server: LoopbackServer, tmp_path):
    http_server.route("/huge", lambda _req: Reply(200, _endless(2 * 1024**3), {"Content-Type": "text/html"}))
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError, match="exceeds the limit of 1,048,576 bytes"):
            fetch(http_server.url("/huge"), local(tmp_path, max_bytes=1024 * 1024))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024  # a few buffers, not the body


def test_a_content_length_above_the_limit_is_refused_before_reading(http_server: LoopbackServer, tmp_path):
    headers = {"Content-Type": "text/html", "Content-Length": str(5 * 1024**3)}
    http_server.route("/announced", lambda _req: Reply(200, _endless(1024**2), headers))
    with pytest.raises(ResponseTooLargeError, match="announced"):
        fetch(http_server.url("/announced"), local(tmp_path, max_bytes=1024 * 1024))


def test_a_gzip_bomb_is_stopped_by_counting_decompressed_bytes(http_server: LoopbackServer, tmp_path):
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)  # ~64 KB on the wire
    assert len(bomb) < 1024 * 1024
    headers = {"Content-Type": "text/html", "Content-Encoding": "gzip"}
    http_server.route("/bomb", Reply(200, bomb, headers))
    tracemalloc.start()
    try:
        with pytest.raises(ResponseTooLargeError, match="decompressed"):
            fetch(http_server.url("/bomb"), local(tmp_path, max_bytes=1024 * 1024))
        _current, peak = tracemalloc.get_traced_memory()
    finally:
        tracemalloc.stop()
    assert peak < 8 * 1024 * 1024


def test_gzip_encoded_pages_are_decoded(http_server: LoopbackServer, tmp_path):
    http_server.route("/gz", Reply(200, gzip.compress(ARTICLE), {**HTML, "Content-Encoding": "gzip"}))
    assert fetch(http_server.url("/gz"), local(tmp_path)).body == ARTICLE


def test_images_and_binaries_are_refused(http_server: LoopbackServer, tmp_path):
    http_server.route("/photo", Reply(200, b"\x89PNG\r\n\x1a\n" + b"\0" * 100, {"Content-Type": "image/png"}))
    with pytest.raises(RetrievalError, match="image/png, not a web page"):
        fetch(http_server.url("/photo"), local(tmp_path))


# ------------------------------------------------------------------ retries


def test_429_with_retry_after_is_honoured_then_succeeds(http_server: LoopbackServer, tmp_path):
    answers = iter([Reply(429, b"slow down", {"Retry-After": "2"}), Reply(200, ARTICLE, HTML)])
    http_server.route("/busy", lambda _req: next(answers))
    waits: list[float] = []
    result = fetch(http_server.url("/busy"), local(tmp_path), sleep=waits.append)
    assert result.status == 200
    assert waits == [2.0]


def test_5xx_is_retried_with_exponential_backoff_then_reported(http_server: LoopbackServer, tmp_path):
    http_server.route("/down", Reply(503, b"maintenance", HTML))
    waits: list[float] = []
    with pytest.raises(HTTPStatusError, match="503"):
        fetch(http_server.url("/down"), local(tmp_path, retries=3), sleep=waits.append)
    assert waits == [1.0, 2.0, 4.0]
    assert len(http_server.requests) == 4


def test_retry_after_as_http_date_and_capped():
    now = 1_700_000_000.0
    assert parse_retry_after("Tue, 14 Nov 2023 22:13:50 GMT", now=now) == pytest.approx(30.0)
    assert parse_retry_after("86400") == MAX_RETRY_AFTER
    assert parse_retry_after("soon") is None


# ------------------------------------------------------------------ charsets


def test_cp1252_page_labelled_utf8_decodes_right(http_server: LoopbackServer, tmp_path):
    body = (PAGES / "de_cp1252.html").read_bytes()
    http_server.route("/cp", Reply(200, body, {"Content-Type": "text/html; charset=utf-8"}))
    snap = get_snapshot(http_server.url("/cp"), local(tmp_path))
    text, encoding = decode_page(snap.body, snap.content_type)
    assert "Bürgerentscheid in Grünau" in text and "450.000 €" in text
    assert encoding == snap.encoding == "cp1252"


def test_utf8_page_labelled_latin1_decodes_right(http_server: LoopbackServer, tmp_path):
    http_server.route("/u8", Reply(200, ARTICLE, {"Content-Type": "text/html; charset=iso-8859-1"}))
    text, encoding = decode_page(fetch(http_server.url("/u8"), local(tmp_path)).body, "text/html; charset=iso-8859-1")
    assert "Brückensanierung" in text and "„Jede Woche" in text and encoding == "utf-8"


def test_meta_charset_is_used_when_the_header_says_nothing():
    body = '<html><head><meta charset="iso-8859-15"></head><body>Preis: 5 €</body></html>'.encode("iso-8859-15")
    assert "5 €" in decode_page(body, "text/html")[0]


# ------------------------------------------------------------------ SSRF guard


@pytest.mark.parametrize(
    ("url", "why"),
    [
        ("file:///etc/passwd", "local files are not fetched"),
        ("http://127.0.0.1/", "loopback"),
        ("http://169.254.169.254/latest/meta-data/", "metadata"),
        ("http://[::1]/", "loopback"),
        ("http://[fd00:ec2::254]/", "metadata"),
        ("http://10.1.2.3/", "private"),
        ("http://0.0.0.0/", "unspecified"),
        ("http://224.0.0.1/", "multicast"),
        ("http://[fe80::1]/", "link-local"),
        ("gopher://example.org/", "gopher URLs are not fetched"),
    ],
)
def test_ssrf_guard_refuses_non_public_targets(url: str, why: str):
    with pytest.raises(BlockedURLError, match=why):
        check_url(url, resolver=lambda _host: ["93.184.216.34"])


def test_a_public_name_resolving_to_a_private_address_is_refused():
    with pytest.raises(BlockedURLError, match=r"news\.example\.com resolves to 192\.168\.0\.7"):
        check_url("http://news.example.com/artikel", resolver=lambda _host: ["93.184.216.34", "192.168.0.7"])
    check_url("http://news.example.com/artikel", resolver=lambda _host: ["93.184.216.34"])  # public: fine


def test_without_allow_private_network_the_loopback_server_is_never_contacted(http_server: LoopbackServer, tmp_path):
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    with pytest.raises(BlockedURLError, match="loopback"):
        get_snapshot(http_server.url("/artikel"), Config(cache_dir=tmp_path / "c"))
    assert http_server.requests == []


def test_dns_rebinding_is_caught_at_connect_time(http_server: LoopbackServer, tmp_path):
    # the name looks public when checked, then points at the local server when the client connects
    answers = iter([["93.184.216.34"], ["127.0.0.1"]])
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    url = f"http://rebind.example:{http_server.httpd.server_address[1]}/artikel"
    with pytest.raises(BlockedURLError, match="now resolves to 127.0.0.1, which is a loopback address"):
        fetch(url, Config(cache_dir=tmp_path / "c", retries=0), resolver=lambda _host: next(answers))
    assert http_server.requests == []


def test_connections_go_to_the_address_the_guard_resolved(http_server: LoopbackServer, tmp_path):
    # "zeitung.example" exists only in this resolver: a fetch that succeeds connected through it
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    url = f"http://zeitung.example:{http_server.httpd.server_address[1]}/artikel"
    result = fetch(url, local(tmp_path), resolver=lambda _host: ["127.0.0.1"])
    assert result.body == ARTICLE
    assert http_server.requests[0].headers["Host"] == f"zeitung.example:{http_server.httpd.server_address[1]}"


def test_every_redirect_hop_passes_the_guard(tmp_path):
    def handler(request: httpx.Request) -> httpx.Response:
        return httpx.Response(302, headers={"Location": "http://169.254.169.254/latest/meta-data/"})

    config = Config(cache_dir=tmp_path / "c")
    with pytest.raises(BlockedURLError, match="metadata"):
        fetch(
            "http://news.example.com/a",
            config,
            transport=httpx.MockTransport(handler),
            resolver=lambda _host: ["93.184.216.34"],
        )


def test_an_untyped_binary_body_is_refused(http_server: LoopbackServer, tmp_path):
    http_server.route("/blob", Reply(200, b"\x7fELF\x02\x01\x01\0\0\0\0" + b"\0" * 200))
    with pytest.raises(RetrievalError, match="looks binary"):
        fetch(http_server.url("/blob"), local(tmp_path))
