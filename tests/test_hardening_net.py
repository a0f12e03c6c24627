"""Hardening of the network side: what an untrusted repository, article, page or server cannot make us do.

Addresses that must never be contacted are tested through the guard's decision functions (no
traffic); everything that does send traffic goes to servers on 127.0.0.1 that the tests start.
"""

from __future__ import annotations

import ipaddress
import time
from collections.abc import Iterator
from dataclasses import replace
from pathlib import Path

import pytest

from provenance.config import Config
from provenance.errors import BlockedURLError, NetworkError
from provenance.retrieve import get_snapshot
from provenance.retrieve.guard import check_url, embedded_ipv4, why_blocked
from provenance.retrieve.http import fetch
from provenance.retrieve.store import SnapshotStore
from tests.loopback import LoopbackServer, Reply

HTML = {"Content-Type": "text/html; charset=utf-8"}

# ------------------------------------------------------------------ 2. metadata addresses in IPv6 disguise

METADATA_IN_DISGUISE = [
    "::ffff:169.254.169.254",  # IPv4-mapped
    "::169.254.169.254",  # IPv4-compatible (deprecated, still parsed)
    "2002:a9fe:a9fe::",  # 6to4
    "2002:a9fe:a9fe:1234::5",  # 6to4 with a subnet and host part
    "64:ff9b::a9fe:a9fe",  # NAT64 well-known prefix
    "64:ff9b:1:a9fe:a9:fea9::",  # NAT64 local-use prefix, /48 layout (bits 64-71 skipped)
    "64:ff9b:1::a9fe:a9fe",  # NAT64 local-use prefix, /96 layout
    "2001:0:a9fe:a9fe::1",  # Teredo whose server is the metadata address
    "2001:0:4136:e378:8000:63bf:5601:5601",  # Teredo whose (obfuscated) client is 169.254.169.254
]


@pytest.mark.parametrize("address", METADATA_IN_DISGUISE)
def test_metadata_address_wrapped_in_ipv6_is_refused_even_with_private_networks_allowed(address: str) -> None:
    addr = ipaddress.ip_address(address)
    assert ipaddress.ip_address("169.254.169.254") in embedded_ipv4(addr)
    assert why_blocked(addr, allow_private_network=True) == "a cloud metadata address"
    assert why_blocked(addr, allow_private_network=False) == "a cloud metadata address"


@pytest.mark.parametrize("address", ["::ffff:169.254.169.254", "2002:a9fe:a9fe::", "64:ff9b::a9fe:a9fe"])
def test_check_url_refuses_wrapped_metadata_literals_with_private_networks_allowed(address: str) -> None:
    def no_dns(host: str) -> list[str]:
        raise AssertionError(f"an IP literal needs no DNS lookup ({host})")

    with pytest.raises(BlockedURLError, match="cloud metadata"):
        check_url(f"http://[{address}]/latest/meta-data/", allow_private_network=True, resolver=no_dns)


@pytest.mark.parametrize(
    ("address", "inside"),
    [
        ("2002:0a00:0001::", "10.0.0.1"),  # 6to4 of a private address
        ("2002:7f00:0001::", "127.0.0.1"),  # 6to4 of loopback
        ("2002:c0a8:0101:ffff::", "192.168.1.1"),
    ],
)
def test_6to4_of_a_private_address_is_refused_without_the_flag(address: str, inside: str) -> None:
    addr = ipaddress.ip_address(address)
    assert f"({inside} inside {addr})" in (why_blocked(addr) or "")
    assert why_blocked(addr, allow_private_network=True) is None


def test_a_name_resolving_to_6to4_metadata_is_refused_before_any_connection() -> None:
    with pytest.raises(BlockedURLError, match="cloud metadata"):
        check_url("http://innocent.example/", resolver=lambda _host: ["2002:a9fe:a9fe::"])


@pytest.mark.parametrize("address", ["2002:0808:0808::", "2001:4860:4860::8888", "93.184.216.34"])
def test_public_addresses_and_6to4_of_public_addresses_pass(address: str) -> None:
    assert why_blocked(ipaddress.ip_address(address)) is None


# ------------------------------------------------------------------ 3. deadlines hold on the clock


def _trickle(count: int, pause: float) -> Iterator[bytes]:
    """A page body sent one byte at a time, ``pause`` seconds apart (bounded: old code must end too)."""
    yield b"<html><body><p>"
    for _ in range(count):
        time.sleep(pause)
        yield b"x"


def _slow_page(count: int, pause: float) -> Reply:
    return Reply(200, _trickle(count, pause), {"Content-Type": "text/html", "Content-Length": str(15 + count)})


def test_a_trickling_server_is_cut_off_at_the_total_deadline(http_server: LoopbackServer, tmp_path: Path) -> None:
    # one byte every 0.1 s: each read succeeds quickly, so only a clock check after every read can stop it
    http_server.route("/slow", _slow_page(60, 0.1))
    config = Config(cache_dir=tmp_path / "c", allow_private_network=True, read_timeout=5, fetch_deadline=1.5)
    started = time.monotonic()
    with pytest.raises(NetworkError, match="total deadline of 1.5 s"):
        fetch(http_server.url("/slow"), config)
    assert time.monotonic() - started < 1.5 + 0.5


def test_a_read_never_waits_past_the_deadline(http_server: LoopbackServer, tmp_path: Path) -> None:
    # a byte every 1.2 s stays under the 5 s read timeout; the wait for the second byte must end at 1.5 s
    http_server.route("/slow", _slow_page(4, 1.2))
    config = Config(cache_dir=tmp_path / "c", allow_private_network=True, read_timeout=5, fetch_deadline=1.5)
    started = time.monotonic()
    with pytest.raises(NetworkError, match="deadline"):
        fetch(http_server.url("/slow"), config)
    assert time.monotonic() - started < 1.5 + 0.5


def test_a_retry_that_would_wait_past_the_deadline_is_not_waited_for(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    http_server.route("/busy", Reply(503, b"busy", {"Retry-After": "30"}))
    config = Config(cache_dir=tmp_path / "c", allow_private_network=True, fetch_deadline=2)
    waits: list[float] = []
    with pytest.raises(NetworkError, match="deadline"):
        fetch(http_server.url("/busy"), config, sleep=waits.append)
    assert waits == []


# ------------------------------------------------------------------ 4. the snapshot store does not bypass the guard


def test_a_page_stored_with_private_networks_allowed_is_not_served_without_the_flag(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    http_server.route("/intranet", Reply(200, b"<html><body><p>internal memo</p></body></html>", HTML))
    url = http_server.url("/intranet")
    allowed = Config(cache_dir=tmp_path / "cache", allow_private_network=True)
    assert get_snapshot(url, allowed).body.endswith(b"</html>")
    with pytest.raises(BlockedURLError, match="loopback"):
        get_snapshot(url, replace(allowed, allow_private_network=False))
    assert len(http_server.requests) == 1
    assert get_snapshot(url, allowed).from_store  # the run that allows it still reuses its copy


def test_a_stored_copy_fetched_with_the_flag_is_not_reused_for_a_name_that_now_looks_public(tmp_path: Path) -> None:
    # the store's own decision, without DNS: a row fetched with private networks allowed needs the flag to be read
    cache = tmp_path / "cache"
    snap = get_snapshot(str(_page(tmp_path)), Config(cache_dir=cache))
    store = SnapshotStore(cache)
    try:
        store.put(replace(snap, source="http://news.example/a"), mode="live", private_network=True)
        assert store.get("http://news.example/a", mode="live") is None
        assert store.get("http://news.example/a", mode="live", allow_private_network=True) is not None
        store.put(replace(snap, source="http://news.example/b"), mode="live", private_network=False)
        assert store.get("http://news.example/b", mode="live") is not None
    finally:
        store.close()


def _page(tmp_path: Path) -> Path:
    path = tmp_path / "page.html"
    path.write_bytes(b"<html><body><p>Der Minister sagte etwas.</p></body></html>")
    return path


def test_rows_of_an_older_index_count_as_fetched_with_private_networks_allowed(tmp_path: Path) -> None:
    import sqlite3

    cache = tmp_path / "cache"
    snap = get_snapshot(str(_page(tmp_path)), Config(cache_dir=cache))
    store = SnapshotStore(cache)
    store.put(replace(snap, source="http://news.example/old"), mode="live", private_network=False)
    store.close()
    with sqlite3.connect(cache / "provenance.sqlite3") as conn:  # the table as older versions wrote it
        conn.execute("ALTER TABLE snapshots DROP COLUMN private_network")
    store = SnapshotStore(cache)
    try:
        assert store.get("http://news.example/old", mode="live") is None
        assert store.get("http://news.example/old", mode="live", allow_private_network=True) is not None
    finally:
        store.close()
