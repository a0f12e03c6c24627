"""WARC: keep fetched snapshots as evidence and read originals back from WARC files."""

from __future__ import annotations

import gzip
import json
from pathlib import Path

import pytest
from warcio.archiveiterator import ArchiveIterator

from provenance.cli import main
from provenance.config import Config
from provenance.errors import RetrievalError
from provenance.retrieve import get_snapshot
from tests.conftest import FIXTURES
from tests.loopback import LoopbackServer, Reply

PAGES = FIXTURES / "pages"
ARTICLE = (PAGES / "de_article.html").read_bytes()
FRENCH = (PAGES / "fr_article.html").read_bytes()
HTML = {"Content-Type": "text/html; charset=utf-8"}


def local(tmp_path: Path) -> Config:
    return Config(cache_dir=tmp_path / "cache", allow_private_network=True)


def run(capsys: pytest.CaptureFixture[str], *args: str) -> dict:
    code = main(["--allow-private-network", *args])
    out = capsys.readouterr()
    assert code == 0, out.err
    return json.loads(out.out)


def test_round_trip_fetch_to_warc_then_extract_gives_the_same_text_and_hash(
    http_server: LoopbackServer, tmp_path, capsys
):
    # served gzip-compressed: the WARC keeps the decoded body, so hashes agree
    http_server.route("/artikel", Reply(200, gzip.compress(ARTICLE), {**HTML, "Content-Encoding": "gzip"}))
    url = http_server.url("/artikel")
    warc = tmp_path / "evidence.warc.gz"
    fetched = run(capsys, "fetch", url, "--warc", str(warc), "--format", "json")
    live = run(capsys, "extract", url, "--format", "json")
    archived = run(capsys, "extract", f"warc:{warc}#{url}", "--format", "json")
    assert archived["text"] == live["text"] and "Alte Hafenbrücke" in archived["text"]
    assert archived["snapshot"]["sha256"] == live["snapshot"]["sha256"] == fetched["sha256"]
    assert archived["snapshot"]["archive"] == "warc" and archived["snapshot"]["url"] == url


def test_the_warc_has_request_and_response_records_with_date_and_headers(http_server: LoopbackServer, tmp_path):
    http_server.route("/artikel", Reply(200, ARTICLE, {**HTML, "X-Served-By": "loopback"}))
    warc = tmp_path / "evidence.warc.gz"
    snap = get_snapshot(http_server.url("/artikel"), local(tmp_path), warc_out=warc)
    with warc.open("rb") as fh:
        records = [(r.rec_type, r.rec_headers, r.http_headers, r.content_stream().read()) for r in ArchiveIterator(fh)]
    kinds = [kind for kind, *_ in records]
    assert kinds == ["warcinfo", "response", "request"]  # warcio's order for a pair, linked by Concurrent-To
    _, rec, http, body = records[1]
    assert records[2][1].get_header("WARC-Concurrent-To") == rec.get_header("WARC-Record-ID")
    assert records[2][2].get_header("User-Agent").startswith("translation-provenance/")
    assert rec.get_header("WARC-Target-URI") == http_server.url("/artikel")
    assert rec.get_header("WARC-Date").startswith(snap.fetched_at[:10])
    assert rec.get_header("WARC-Payload-Digest")
    assert http.get_header("X-Served-By") == "loopback" and http.get_statuscode() == "200"
    assert body == ARTICLE


def test_without_a_url_the_first_response_record_is_used_and_urls_select(http_server: LoopbackServer, tmp_path):
    http_server.route("/de", Reply(200, ARTICLE, HTML))
    http_server.route("/fr", Reply(200, FRENCH, HTML))
    warc = tmp_path / "two.warc.gz"
    get_snapshot(http_server.url("/de"), local(tmp_path), warc_out=warc)
    get_snapshot(http_server.url("/fr"), local(tmp_path), warc_out=warc)
    assert get_snapshot(f"warc:{warc}", local(tmp_path)).body == ARTICLE
    french = get_snapshot(f"warc:{warc}#{http_server.url('/fr')}", local(tmp_path))
    assert french.body == FRENCH and french.archive_timestamp and len(french.archive_timestamp) == 14
    with pytest.raises(RetrievalError, match=r"no response record for .*/missing \(2 response record"):
        get_snapshot(f"warc:{warc}#{http_server.url('/missing')}", local(tmp_path))


def test_a_payload_digest_mismatch_is_an_error(http_server: LoopbackServer, tmp_path):
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    warc = tmp_path / "plain.warc"  # uncompressed so we can tamper with the payload in place
    get_snapshot(http_server.url("/artikel"), local(tmp_path), warc_out=warc)
    data = warc.read_bytes()
    assert data.count(b"42 Millionen") == 1
    warc.write_bytes(data.replace(b"42 Millionen", b"24 Millionen"))
    with pytest.raises(RetrievalError, match="digest"):
        get_snapshot(f"warc:{warc}", local(tmp_path))


def test_not_a_warc_and_missing_files_are_clear_errors(tmp_path):
    bogus = tmp_path / "bogus.warc"
    bogus.write_bytes(b"this is not a web archive\n" * 10)
    with pytest.raises(RetrievalError, match="not a readable WARC"):
        get_snapshot(f"warc:{bogus}", local(tmp_path))
    with pytest.raises(RetrievalError, match="WARC file not found"):
        get_snapshot(f"warc:{tmp_path / 'nope.warc.gz'}", local(tmp_path))


def test_warc_records_obey_the_size_limit(http_server: LoopbackServer, tmp_path):
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    warc = tmp_path / "evidence.warc.gz"
    get_snapshot(http_server.url("/artikel"), local(tmp_path), warc_out=warc)
    small = Config(cache_dir=tmp_path / "cache", max_bytes=500)
    with pytest.raises(RetrievalError, match="exceeds the limit of 500 bytes"):
        get_snapshot(f"warc:{warc}", small)
