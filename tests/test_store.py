"""The snapshot store, SRC syntax and local-file originals."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import Config
from provenance.errors import RetrievalError, StoreError, UsageError
from provenance.model import Outlet
from provenance.retrieve import get_snapshot, parse_source
from provenance.retrieve.store import SnapshotStore, sha256_hex
from tests.conftest import FIXTURES
from tests.loopback import LoopbackServer, Reply

PAGES = FIXTURES / "pages"
ARTICLE = (PAGES / "de_article.html").read_bytes()
HTML = {"Content-Type": "text/html; charset=utf-8"}


def local(tmp_path: Path, **kw: object) -> Config:
    return Config(cache_dir=tmp_path / "cache", allow_private_network=True, **kw)  # type: ignore[arg-type]


# ------------------------------------------------------------------ SRC syntax


@pytest.mark.parametrize(
    ("src", "kind", "url", "timestamp"),
    [
        ("https://www.bild.de/politik/a.html", "url", "https://www.bild.de/politik/a.html", None),
        ("wayback:https://www.bild.de/a.html", "wayback", "https://www.bild.de/a.html", None),
        ("wayback:https://www.bild.de/a.html@20250816", "wayback", "https://www.bild.de/a.html", "20250816"),
        ("archive.today:https://www.bild.de/a.html", "archive.today", "https://www.bild.de/a.html", None),
        ("warc:evidence.warc.gz#https://www.bild.de/a.html", "warc", "https://www.bild.de/a.html", None),
        ("warc:evidence.warc.gz", "warc", None, None),
        ("saved/original.html", "file", None, None),
        ("file:///etc/passwd", "url", "file:///etc/passwd", None),  # the SSRF guard refuses it when fetched
    ],
)
def test_parse_source_recognises_every_src_form(src: str, kind: str, url: str | None, timestamp: str | None):
    spec = parse_source(src)
    assert (spec.kind, spec.url, spec.timestamp) == (kind, url, timestamp)


@pytest.mark.parametrize(
    "src", ["wayback:", "wayback:bild.de/a", "archive.today:ftp://x/y", "warc:", "warc:f.warc#a", " "]
)
def test_bad_source_syntax_is_a_usage_error(src: str):
    with pytest.raises(UsageError):
        parse_source(src)


# ------------------------------------------------------------------ local files


def test_a_local_file_becomes_a_file_snapshot(tmp_path):
    snap = get_snapshot(str(PAGES / "de_article.html"), local(tmp_path))
    assert snap.archive == "file" and snap.url is None
    assert snap.sha256 == sha256_hex(ARTICLE) and snap.body == ARTICLE
    assert snap.content_type == "text/html" and snap.encoding == "utf-8"
    assert snap.fetched_at.endswith("Z")


def test_local_files_obey_the_size_limit_and_must_exist(tmp_path):
    with pytest.raises(RetrievalError, match="larger than the limit"):
        get_snapshot(str(PAGES / "de_article.html"), local(tmp_path, max_bytes=100))
    with pytest.raises(RetrievalError, match="not found"):
        get_snapshot(str(tmp_path / "missing.html"), local(tmp_path))


def test_paywall_markers_make_the_snapshot_partial_with_a_reason(tmp_path):
    outlet = Outlet(id="tagesblatt", name="Tagesblatt", language="de", paywall_markers=("TAGESBLATTplus",))
    snap = get_snapshot(str(PAGES / "paywall_article.html"), local(tmp_path), outlet=outlet)
    assert snap.partial
    assert snap.partial_reason.startswith("original only partly available: Tagesblatt paywall")
    free = get_snapshot(str(PAGES / "de_article.html"), local(tmp_path), outlet=outlet)
    assert not free.partial and free.partial_reason is None


# ------------------------------------------------------------------ the store


def test_a_second_get_uses_the_stored_snapshot(http_server: LoopbackServer, tmp_path):
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    config = local(tmp_path)
    first = get_snapshot(http_server.url("/artikel"), config)
    second = get_snapshot(http_server.url("/artikel"), config)
    assert not first.from_store and second.from_store
    assert second.sha256 == first.sha256 and second.body == ARTICLE
    assert second.fetched_at == first.fetched_at and second.status == 200
    assert second.headers["content-type"] == "text/html; charset=utf-8"
    assert len(http_server.requests) == 1


def test_refresh_fetches_again(http_server: LoopbackServer, tmp_path):
    pages = iter([ARTICLE, ARTICLE.replace(b"42 Millionen", b"45 Millionen")])
    http_server.route("/artikel", lambda _req: Reply(200, next(pages), HTML))
    get_snapshot(http_server.url("/artikel"), local(tmp_path))
    again = get_snapshot(http_server.url("/artikel"), local(tmp_path, refresh=True))
    assert not again.from_store and b"45 Millionen" in again.body
    assert len(http_server.requests) == 2
    # and the refreshed one is what the store now serves
    assert b"45 Millionen" in get_snapshot(http_server.url("/artikel"), local(tmp_path)).body


def test_bodies_are_content_addressed_files(http_server: LoopbackServer, tmp_path):
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    snap = get_snapshot(http_server.url("/artikel"), local(tmp_path))
    path = tmp_path / "cache" / "bodies" / snap.sha256[:2] / snap.sha256[2:]
    assert path.read_bytes() == ARTICLE


def test_a_corrupted_stored_body_is_reported_not_used(http_server: LoopbackServer, tmp_path):
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    snap = get_snapshot(http_server.url("/artikel"), local(tmp_path))
    path = SnapshotStore(tmp_path / "cache").body_path(snap.sha256)
    path.write_bytes(ARTICLE.replace(b"42 Millionen", b"24 Millionen"))
    with pytest.raises(StoreError, match="corrupted") as info:
        get_snapshot(http_server.url("/artikel"), local(tmp_path))
    assert "--refresh" in str(info.value)
    # --refresh repairs it
    assert get_snapshot(http_server.url("/artikel"), local(tmp_path, refresh=True)).body == ARTICLE


def test_a_missing_stored_body_is_reported(http_server: LoopbackServer, tmp_path):
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    snap = get_snapshot(http_server.url("/artikel"), local(tmp_path))
    SnapshotStore(tmp_path / "cache").body_path(snap.sha256).unlink()
    with pytest.raises(StoreError, match="missing its body"):
        get_snapshot(http_server.url("/artikel"), local(tmp_path))


def test_store_keys_include_the_archive_mode(http_server: LoopbackServer, tmp_path):
    store = SnapshotStore(tmp_path / "cache")
    http_server.route("/artikel", Reply(200, ARTICLE, HTML))
    snap = get_snapshot(http_server.url("/artikel"), local(tmp_path))
    assert store.get(http_server.url("/artikel"), mode="live", allow_private_network=True) is not None
    assert store.get(http_server.url("/artikel"), mode="wayback", allow_private_network=True) is None
    assert snap.archive == "live"
    store.close()


def test_a_subscription_link_in_the_navigation_is_not_a_paywall() -> None:
    from provenance.model import Outlet
    from provenance.retrieve import detect_partial

    bild = Outlet("bild", "Bild", "de", paywall_markers=("BILDplus",))
    page = (
        b"<html><body><nav><a href='/plus'>BILDplus</a></nav>"
        b"<article><p>Der ganze Artikel steht hier.</p></article></body></html>"
    )
    assert detect_partial(page, bild) is None
    walled = page.replace(b"</article>", b"<div class='offer'>Jetzt mit BILDplus weiterlesen</div></article>")
    assert "Bild paywall" in (detect_partial(walled, bild) or "")


def test_schema_org_not_accessible_for_free_marks_any_outlet_partial() -> None:
    from provenance.retrieve import detect_partial

    page = b'<html><head><script type="application/ld+json">{"isAccessibleForFree": false}</script></head></html>'
    assert "not free" in (detect_partial(page, None) or "")
