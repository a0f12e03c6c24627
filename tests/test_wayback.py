"""The Wayback Machine client against a loopback fake with the real service's quirks."""

from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from provenance.cli import main
from provenance.config import Config
from provenance.errors import ArchiveError
from provenance.retrieve import Endpoints, get_snapshot
from provenance.retrieve.wayback import normalise_timestamp
from tests.conftest import FIXTURES
from tests.loopback import LoopbackServer, Reply, Request

ARTICLE = (FIXTURES / "pages" / "de_article.html").read_bytes()
ORIGINAL = "https://www.uferpost.example/politik/bruecke.html"
TS = "20250314101500"
TOOLBAR = b'<div id="wm-ipp">Wayback Machine toolbar</div>'


def fake_wayback(server: LoopbackServer, *, availability: dict | None = None, cdx: list | None = None) -> None:
    """Availability API answering empty (a known quirk), CDX with the capture, raw and rewritten replays."""
    server.route(
        "/wayback/available",
        Reply(
            200, json.dumps(availability or {"archived_snapshots": {}}).encode(), {"Content-Type": "application/json"}
        ),
    )
    rows = cdx if cdx is not None else [["timestamp", "original", "statuscode"], [TS, ORIGINAL, "200"]]
    server.route("/cdx/search/cdx", Reply(200, json.dumps(rows).encode(), {"Content-Type": "application/json"}))
    server.route(f"/web/{TS}id_/{ORIGINAL}", Reply(200, ARTICLE, {"Content-Type": "text/html; charset=utf-8"}))
    # the rewritten replay a browser gets: toolbar injected, links rewritten; must never be used
    server.route(f"/web/{TS}/{ORIGINAL}", Reply(200, TOOLBAR + ARTICLE, {"Content-Type": "text/html"}))


def config(tmp_path: Path, archive: str = "wayback") -> Config:
    return Config(cache_dir=tmp_path / "cache", allow_private_network=True, archive=archive)


def endpoints(server: LoopbackServer) -> Endpoints:
    return Endpoints(wayback_api=server.base_url, wayback_replay=server.base_url, min_interval=0.0)


def test_empty_availability_falls_back_to_cdx_and_the_raw_replay_is_fetched(http_server: LoopbackServer, tmp_path):
    fake_wayback(http_server)
    snap = get_snapshot(ORIGINAL, config(tmp_path), endpoints=endpoints(http_server))
    assert (snap.archive, snap.archive_timestamp, snap.url) == ("wayback", TS, ORIGINAL)
    assert snap.archive_url == http_server.url(f"/web/{TS}id_/{ORIGINAL}")
    assert snap.body == ARTICLE and TOOLBAR not in snap.body
    paths = [r.path for r in http_server.requests]
    assert paths == ["/wayback/available", "/cdx/search/cdx", f"/web/{TS}id_/{ORIGINAL}"]
    cdx = http_server.requests[1].query
    assert cdx["filter"] == ["statuscode:200"] and cdx["sort"] == ["closest"] and cdx["url"] == [ORIGINAL]


def test_availability_answer_is_used_without_cdx(http_server: LoopbackServer, tmp_path):
    closest = {
        "available": True,
        "status": "200",
        "timestamp": TS,
        "url": f"http://web.archive.org/web/{TS}/{ORIGINAL}",
    }
    fake_wayback(http_server, availability={"archived_snapshots": {"closest": closest}})
    snap = get_snapshot(f"wayback:{ORIGINAL}@2025", config(tmp_path), endpoints=endpoints(http_server))
    assert snap.archive_timestamp == TS
    assert [r.path for r in http_server.requests] == ["/wayback/available", f"/web/{TS}id_/{ORIGINAL}"]
    assert http_server.requests[0].query["timestamp"] == ["20250101000000"]


def test_a_non_200_availability_capture_is_not_used(http_server: LoopbackServer, tmp_path):
    closest = {"available": True, "status": "302", "timestamp": "20240101000000", "url": "x"}
    fake_wayback(http_server, availability={"archived_snapshots": {"closest": closest}})
    snap = get_snapshot(ORIGINAL, config(tmp_path), endpoints=endpoints(http_server))
    assert snap.archive_timestamp == TS  # from CDX, status 200 only


def test_429_with_retry_after_then_success(http_server: LoopbackServer, tmp_path):
    fake_wayback(http_server)
    replies = iter([Reply(429, b"Too Many Requests", {"Retry-After": "1"})])

    def replay(_req: Request) -> Reply:
        return next(replies, Reply(200, ARTICLE, {"Content-Type": "text/html"}))

    http_server.route(f"/web/{TS}id_/{ORIGINAL}", replay)
    started = time.monotonic()
    snap = get_snapshot(ORIGINAL, config(tmp_path), endpoints=endpoints(http_server))
    assert snap.body == ARTICLE and time.monotonic() - started >= 1.0
    assert [r.path for r in http_server.requests].count(f"/web/{TS}id_/{ORIGINAL}") == 2


def test_no_capture_is_a_clear_archive_error(http_server: LoopbackServer, tmp_path):
    fake_wayback(http_server, cdx=[])
    with pytest.raises(ArchiveError, match="has no capture of"):
        get_snapshot(ORIGINAL, config(tmp_path), endpoints=endpoints(http_server))


def test_auto_tries_live_first_then_wayback_and_records_which(http_server: LoopbackServer, tmp_path):
    live = http_server.url("/gone.html")
    http_server.route("/gone.html", Reply(404, b"not here", {"Content-Type": "text/html"}))
    closest = {"available": True, "status": "200", "timestamp": TS}
    http_server.route(
        "/wayback/available",
        Reply(
            200, json.dumps({"archived_snapshots": {"closest": closest}}).encode(), {"Content-Type": "application/json"}
        ),
    )
    http_server.route(f"/web/{TS}id_/{live}", Reply(200, ARTICLE, {"Content-Type": "text/html"}))
    snap = get_snapshot(live, config(tmp_path, archive="auto"), endpoints=endpoints(http_server))
    assert (snap.archive, snap.archive_timestamp) == ("wayback", TS)
    assert [r.path for r in http_server.requests][0] == "/gone.html"


def test_provenance_fetch_prints_the_wayback_record(http_server: LoopbackServer, tmp_path, monkeypatch, capsys):
    fake_wayback(http_server)
    monkeypatch.setenv("PROVENANCE_WAYBACK_API", http_server.base_url)
    monkeypatch.setenv("PROVENANCE_WAYBACK_REPLAY", http_server.base_url)
    monkeypatch.setenv("PROVENANCE_ARCHIVE_MIN_INTERVAL", "0")
    code = main(["--allow-private-network", "fetch", f"wayback:{ORIGINAL}", "--format", "json"])
    record = json.loads(capsys.readouterr().out)
    assert code == 0
    assert record["archive"] == "wayback" and record["archive_timestamp"] == TS and record["bytes"] == len(ARTICLE)
    code = main(["--allow-private-network", "fetch", f"wayback:{ORIGINAL}"])
    text = capsys.readouterr().out
    assert code == 0 and f"archive:      wayback @ {TS}" in text and "(from the snapshot store)" in text


def test_timestamps_are_padded_and_checked():
    assert normalise_timestamp("2025") == "20250101000000"
    assert normalise_timestamp("202508161230") == "20250816123000"
    with pytest.raises(ArchiveError):
        normalise_timestamp("16.08.2025")
