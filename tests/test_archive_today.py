"""archive.today through its Memento TimeMap / TimeGate, against a loopback fake."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import Config
from provenance.errors import ArchiveError
from provenance.retrieve import Endpoints, get_snapshot
from provenance.retrieve.archive_today import parse_timemap
from tests.conftest import FIXTURES
from tests.loopback import LoopbackServer, Reply

ARTICLE = (FIXTURES / "pages" / "fr_article.html").read_bytes()
ORIGINAL = "https://www.courrier-jura.example/regions/orbe-secheresse"


def timemap(base: str) -> bytes:
    return f"""<{ORIGINAL}>; rel="original",
<{base}/timemap/{ORIGINAL}>; rel="self"; type="application/link-format",
<{base}/timegate/{ORIGINAL}>; rel="timegate",
<{base}/20250702081500/{ORIGINAL}>; rel="first memento"; datetime="Wed, 02 Jul 2025 08:15:00 GMT",
<{base}/20250710120000/{ORIGINAL}>; rel="memento"; datetime="Thu, 10 Jul 2025 12:00:00 GMT",
<{base}/20250901090000/{ORIGINAL}>; rel="last memento"; datetime="Mon, 01 Sep 2025 09:00:00 GMT"
""".encode()


def config(tmp_path: Path) -> Config:
    return Config(cache_dir=tmp_path / "cache", allow_private_network=True, archive="archive.today")


def endpoints(server: LoopbackServer) -> Endpoints:
    return Endpoints(archive_today=server.base_url, min_interval=0.0)


def serve_mementos(server: LoopbackServer) -> None:
    for ts in ("20250702081500", "20250710120000", "20250901090000"):
        server.route(f"/{ts}/{ORIGINAL}", Reply(200, ARTICLE, {"Content-Type": "text/html; charset=utf-8"}))


def test_parse_timemap_reads_mementos_with_commas_in_dates():
    mementos = parse_timemap(timemap("https://archive.ph").decode())
    assert [m.timestamp for m in mementos] == ["20250702081500", "20250710120000", "20250901090000"]
    assert mementos[0].url == f"https://archive.ph/20250702081500/{ORIGINAL}"


def test_newest_memento_by_default(http_server: LoopbackServer, tmp_path):
    http_server.route(
        f"/timemap/{ORIGINAL}", Reply(200, timemap(http_server.base_url), {"Content-Type": "application/link-format"})
    )
    serve_mementos(http_server)
    snap = get_snapshot(f"archive.today:{ORIGINAL}", config(tmp_path), endpoints=endpoints(http_server))
    assert (snap.archive, snap.archive_timestamp) == ("archive.today", "20250901090000")
    assert snap.archive_url == http_server.url(f"/20250901090000/{ORIGINAL}") and snap.body == ARTICLE


def test_memento_closest_to_the_requested_time(http_server: LoopbackServer, tmp_path):
    http_server.route(
        f"/timemap/{ORIGINAL}", Reply(200, timemap(http_server.base_url), {"Content-Type": "application/link-format"})
    )
    serve_mementos(http_server)
    snap = get_snapshot(f"archive.today:{ORIGINAL}@20250709", config(tmp_path), endpoints=endpoints(http_server))
    assert snap.archive_timestamp == "20250710120000"


def test_timegate_is_used_when_there_is_no_timemap(http_server: LoopbackServer, tmp_path):
    serve_mementos(http_server)
    http_server.route(f"/timegate/{ORIGINAL}", Reply(302, b"", {"Location": f"/20250710120000/{ORIGINAL}"}))
    # the memento itself says when it was taken
    http_server.route(
        f"/20250710120000/{ORIGINAL}",
        Reply(200, ARTICLE, {"Content-Type": "text/html", "Memento-Datetime": "Thu, 10 Jul 2025 12:00:00 GMT"}),
    )
    snap = get_snapshot(f"archive.today:{ORIGINAL}@2025", config(tmp_path), endpoints=endpoints(http_server))
    assert snap.archive_timestamp == "20250710120000"
    assert http_server.requests[1].headers["Accept-Datetime"] == "Wed, 01 Jan 2025 00:00:00 GMT"


def test_no_memento_is_a_clear_archive_error(http_server: LoopbackServer, tmp_path):
    with pytest.raises(ArchiveError, match="archive.today has no capture"):
        get_snapshot(f"archive.today:{ORIGINAL}", config(tmp_path), endpoints=endpoints(http_server))
