"""The full check following links in the article to a (loopback) web server, as with live pages."""

from __future__ import annotations

from dataclasses import replace
from pathlib import Path

from provenance.config import Config
from provenance.documents import parse_document
from provenance.pipeline import Checker
from tests.conftest import EXAMPLE, example_config
from tests.loopback import LoopbackServer, Reply


def _config(tmp_path: Path, **kw) -> Config:
    return example_config(tmp_path, read_timeout=5.0, **kw)


def _article(url: str) -> str:
    quoted = (EXAMPLE / "article.md").read_text(encoding="utf-8")
    return quoted.replace("https://rheinischer-bote.example/region/neuweiler-bruecken-streit-12345.html", url)


def _serve_original(server: LoopbackServer) -> str:
    body = (EXAMPLE / "original.html").read_bytes()
    server.route("/region/bruecken.html", Reply(200, body, {"Content-Type": "text/html; charset=utf-8"}))
    return server.url("/region/bruecken.html")


def test_the_link_next_to_the_passage_is_fetched_and_recorded(http_server: LoopbackServer, tmp_path: Path) -> None:
    url = _serve_original(http_server)
    doc = parse_document(_article(url), format="markdown", source="article.md")
    report = Checker(_config(tmp_path, allow_private_network=True)).check(doc)
    [result] = report.results
    assert result.status == "checked"
    assert result.snapshot.url == url and result.snapshot.archive == "live" and result.snapshot.status == 200
    assert {f.kind.value for f in result.findings} >= {"drift", "addition", "omission"}


def test_a_second_run_uses_the_stored_snapshot(http_server: LoopbackServer, tmp_path: Path) -> None:
    url = _serve_original(http_server)
    doc = parse_document(_article(url), format="markdown", source="article.md")
    config = _config(tmp_path, allow_private_network=True)
    first = Checker(config).check(doc).results[0].snapshot
    hits = len(http_server.requests)
    second = Checker(config).check(doc).results[0].snapshot
    assert len(http_server.requests) == hits  # nothing fetched again
    assert second.from_store and second.sha256 == first.sha256
    refreshed = Checker(replace(config, refresh=True)).check(doc).results[0].snapshot
    assert len(http_server.requests) > hits and not refreshed.from_store


def test_private_network_links_in_an_article_are_refused_without_the_flag(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    url = _serve_original(http_server)
    doc = parse_document(_article(url), format="markdown", source="article.md")
    [result] = Checker(_config(tmp_path)).check(doc).results
    assert result.status == "unverified"
    assert "loopback" in (result.message or "")
    assert http_server.requests == []


def test_a_file_url_in_an_article_is_never_opened(tmp_path: Path) -> None:
    doc = parse_document(_article("file:///etc/passwd"), format="markdown", source="article.md")
    [result] = Checker(_config(tmp_path, allow_private_network=True)).check(doc).results
    assert result.status == "unverified"
    assert result.snapshot is None


def test_a_dead_link_leaves_the_passage_unverified_with_the_reason(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    doc = parse_document(_article(http_server.url("/gone.html")), format="markdown", source="article.md")
    [result] = Checker(_config(tmp_path, allow_private_network=True, retries=0)).check(doc).results
    assert result.status == "unverified"
    assert "404" in (result.message or "")


def test_originals_can_be_kept_as_a_warc_and_checked_again_from_it(
    http_server: LoopbackServer, tmp_path: Path
) -> None:
    url = _serve_original(http_server)
    doc = parse_document(_article(url), format="markdown", source="article.md")
    warc = tmp_path / "evidence.warc.gz"
    live = Checker(_config(tmp_path, allow_private_network=True), warc_out=warc).check(doc).results[0]
    assert warc.exists()
    archived = Checker(_config(tmp_path / "other")).check(doc, [f"warc:{warc}#{url}"]).results[0]
    assert archived.snapshot.archive == "warc"
    assert archived.snapshot.sha256 == live.snapshot.sha256
    assert [f.id for f in archived.findings] == [f.id for f in live.findings]
