"""Finding the original of a passage on its outlet's site, against fake outlets on 127.0.0.1."""

from __future__ import annotations

import gzip
from datetime import date
from pathlib import Path

import numpy as np
import pytest

from provenance.config import Config
from provenance.discover import DiscoverySettings, PoliteFetcher, discover_original
from provenance.discover.keywords import fold, passage_keywords
from provenance.discover.rank import in_order_coverage
from provenance.errors import ConfigError, UsageError
from provenance.sources import Registry
from tests.discover_site import FakeOutlet, Story, WordHashEmbedder, passage, populate
from tests.loopback import LoopbackServer, Reply

TODAY = date(2025, 3, 14)


def settings(**changes: object) -> DiscoverySettings:
    # the word-hash embedder scores a sentence with one word changed about 0.9: only near-identical
    # sentences (what a real embedder gives a translation) count as counterparts
    base = {"min_interval": 0.0, "listings": ("sitemaps", "feeds"), "sentence_threshold": 0.95}
    return DiscoverySettings(**{**base, **changes})  # type: ignore[arg-type]


def config(tmp_path: Path, **changes: object) -> Config:
    return Config(**{"cache_dir": tmp_path / "cache", "allow_private_network": True, "retries": 0, **changes})  # type: ignore[arg-type]


def german_site(server: LoopbackServer, count: int = 500, **serve: object) -> tuple[FakeOutlet, str]:
    site = FakeOutlet("uferpost", "de", server)
    populate(site, count=count, today=TODAY, seed=7)
    target = "/news/9999-bridge.html"
    site.stories[target] = Story("bridge", person=3, town=1, number=42, day=date(2025, 3, 12))
    # the same topic on the same day in the same town, and an updated copy of the original
    site.stories["/news/9998-bridge.html"] = Story("bridge", person=5, town=1, number=17, day=date(2025, 3, 12))
    site.stories["/news/9997-bridge-update.html"] = Story("bridge", 3, 1, 42, date(2025, 3, 12), changed=True)
    site.serve(today=TODAY, **serve)  # type: ignore[arg-type]
    return site, target


def german_passage(site: FakeOutlet, path: str = "/news/9999-bridge.html"):  # type: ignore[no-untyped-def]
    _, body = site.stories[path].text("de")
    return passage(" ".join(body), site.outlet, lang="de")


def test_the_original_is_found_among_hundreds_of_pages_and_its_lookalikes_are_runner_ups(http_server, tmp_path):
    site, target = german_site(http_server)
    found = discover_original(
        german_passage(site),
        Registry([site.outlet]),
        config(tmp_path),
        settings=settings(),
        day=date(2025, 3, 13),
        embedder=WordHashEmbedder(),
    )
    assert found.found and found.original is not None
    assert found.original.url == http_server.url(target)
    assert found.original.coverage == 1.0 and found.confidence >= 0.9
    assert found.original.published == date(2025, 3, 12) and "sitemap" in found.original.via
    runner_urls = [c.url for c in found.runner_ups]
    assert http_server.url("/news/9997-bridge-update.html") in runner_urls  # the near-duplicate comes second
    assert found.runner_ups[0].score < found.original.score
    assert found.candidates_seen >= 200  # the recent half of 500 pages; the old sitemap is skipped
    # the 2019 sitemap was last changed before the window: never read
    assert "/sitemap-2019.xml" not in [r.path for r in http_server.requests]


def test_without_the_original_the_answer_is_not_found_with_the_candidates_listed(http_server, tmp_path):
    site, target = german_site(http_server)
    text = german_passage(site)
    del site.stories[target]
    site.serve(today=TODAY)
    # the updated copy holds three of the four sentences; with it gone too, only unrelated stories are left
    site.hidden.add("/news/9997-bridge-update.html")
    site.serve(today=TODAY)
    found = discover_original(
        text,
        Registry([site.outlet]),
        config(tmp_path),
        settings=settings(threshold=0.8),
        day=date(2025, 3, 13),
        embedder=WordHashEmbedder(),
    )
    assert not found.found and found.original is None
    assert found.confidence < 0.8
    assert len(found.runner_ups) == 4 and found.runner_ups[0].coverage is not None


def test_pages_robots_txt_closes_are_never_fetched(http_server, tmp_path):
    site, _ = german_site(http_server, count=50)
    secret = "/intern/9999-bridge.html"
    site.stories[secret] = site.stories.pop("/news/9999-bridge.html")
    site.serve(today=TODAY)
    found = discover_original(
        german_passage(site, secret),
        Registry([site.outlet]),
        config(tmp_path),
        settings=settings(),
        day=date(2025, 3, 13),
        embedder=WordHashEmbedder(),
    )
    assert secret not in [r.path for r in http_server.requests]
    closed = [c for c in [found.original, *found.runner_ups] if c is not None and c.url.endswith(secret)]
    assert closed and closed[0].note == "robots.txt does not allow reading it"
    assert found.original is None or not found.original.url.endswith(secret)


def test_a_site_that_disallows_everything_is_not_read_beyond_robots_txt(http_server, tmp_path):
    site, _ = german_site(http_server, count=20, robots="User-agent: *\nDisallow: /\n")
    found = discover_original(
        german_passage(site),
        Registry([site.outlet]),
        config(tmp_path),
        settings=settings(),
        day=date(2025, 3, 13),
        embedder=WordHashEmbedder(),
    )
    assert [r.path for r in http_server.requests] == ["/robots.txt"]
    assert not found.found and any("robots.txt" in n for n in found.notes)


def test_the_ssrf_guard_refuses_the_loopback_outlet_without_the_private_network_setting(http_server, tmp_path):
    site, _ = german_site(http_server, count=20)
    found = discover_original(
        german_passage(site),
        Registry([site.outlet]),
        config(tmp_path, allow_private_network=False),
        settings=settings(),
        day=date(2025, 3, 13),
        embedder=WordHashEmbedder(),
    )
    assert http_server.requests == []
    assert not found.found and any("loopback" in n for n in found.notes)


def test_requests_to_one_host_are_spaced_and_a_second_run_is_served_from_the_store(http_server, tmp_path):
    site, _ = german_site(http_server, count=20)
    waits: list[float] = []
    now = [0.0]

    def clock() -> float:
        now[0] += 0.01  # every request takes a little time
        return now[0]

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    fetcher = PoliteFetcher(config(tmp_path), settings(min_interval=2.0), clock=clock, sleep=sleep)
    listings_only = settings(min_interval=2.0, read_max=0, fetch_top=0, fetch_max=0)
    run = dict(settings=listings_only, day=date(2025, 3, 13), embedder=WordHashEmbedder())
    discover_original(german_passage(site), Registry([site.outlet]), config(tmp_path), fetcher=fetcher, **run)
    sent = fetcher.requests
    assert sent >= 4 and len(waits) == sent - 1 and all(1.9 <= w <= 2.0 for w in waits)
    again = PoliteFetcher(config(tmp_path), settings(), sleep=waits.append)
    discover_original(german_passage(site), Registry([site.outlet]), config(tmp_path), fetcher=again, **run)
    assert again.requests == 0


def test_a_listing_over_the_size_limit_is_skipped_with_a_note_and_the_feed_still_counts(http_server, tmp_path):
    site, target = german_site(http_server, count=20)
    http_server.route(
        "/sitemap-news.xml",
        Reply(200, b"<urlset>" + b" " * 300_000 + b"</urlset>", {"Content-Type": "application/xml"}),
    )
    site.stories[target] = Story("bridge", 3, 1, 42, TODAY)  # recent enough to be in the feed
    found = discover_original(
        german_passage(site),
        Registry([site.outlet]),
        config(tmp_path, max_bytes=200_000),
        settings=settings(),
        day=TODAY,
        embedder=WordHashEmbedder(),
    )
    assert any("sitemap-news.xml" in n and "limit" in n for n in found.notes)
    assert found.original is not None and found.original.url == http_server.url(target)
    assert found.original.via == ["feed"]


def test_gzipped_sitemaps_are_read(http_server, tmp_path):
    site, target = german_site(http_server, count=10)
    body = gzip.compress(site._news_sitemap(list(site.stories)).encode())
    http_server.route("/sitemap-news.xml", Reply(200, body, {"Content-Type": "application/x-gzip"}))
    found = discover_original(
        german_passage(site),
        Registry([site.outlet]),
        config(tmp_path),
        settings=settings(listings=("sitemaps",)),
        day=date(2025, 3, 13),
        embedder=WordHashEmbedder(),
    )
    assert found.original is not None and found.original.url == http_server.url(target)


def test_the_wayback_cdx_index_and_archive_today_captures_name_candidates(http_server, tmp_path):
    site, target = german_site(http_server, count=5)
    original = http_server.url(target)
    domain = site.outlet.domains[0]
    http_server.route(
        "/cdx/search/cdx",
        Reply(
            200,
            (
                f'[["timestamp","original","statuscode","mimetype"],["20250312093000","{original}","200","text/html"]]'
            ).encode(),
            {"Content-Type": "application/json"},
        ),
    )
    empty = Reply(200, b'{"archived_snapshots": {}}', {"Content-Type": "application/json"})
    http_server.route("/wayback/available", empty)  # the availability API misses it; CDX has it
    http_server.route(
        f"/web/20250312093000id_/{original}", Reply(200, site.page(target), {"Content-Type": "text/html"})
    )
    memento = http_server.url("/AbCd1")
    http_server.route(
        f"/timemap/http://{domain}/",
        Reply(
            200,
            (f'<{memento}>; rel="memento"; datetime="Wed, 12 Mar 2025 18:00:00 GMT"').encode(),
            {"Content-Type": "application/link-format"},
        ),
    )
    link = f"/o/AbCd1/{http_server.url('/news/9998-bridge.html')}"
    http_server.route(
        "/AbCd1",
        Reply(
            200,
            (
                f"<html><body><a href='{link}'>Neue Brücke in Kassel: Streit um den Radweg</a><a href='/'>Start</a>"
                "</body></html>"
            ).encode(),
            {"Content-Type": "text/html"},
        ),
    )
    from provenance.retrieve import Endpoints

    ends = Endpoints(
        wayback_api=http_server.base_url,
        wayback_replay=http_server.base_url,
        archive_today=http_server.base_url,
        min_interval=0.0,
    )
    found = discover_original(
        german_passage(site),
        Registry([site.outlet]),
        config(tmp_path),
        settings=settings(listings=("wayback", "archive.today")),
        day=date(2025, 3, 13),
        embedder=WordHashEmbedder(),
        endpoints=ends,
    )
    assert found.original is not None and found.original.url == original
    assert found.original.via == ["wayback"] and found.original.source == f"wayback:{original}@20250312093000"
    assert found.runner_ups[0].via == ["archive.today"]
    assert found.runner_ups[0].title == "Neue Brücke in Kassel: Streit um den Radweg"
    cdx = next(r for r in http_server.requests if r.path == "/cdx/search/cdx")
    assert cdx.query["from"] == ["20250310"] and cdx.query["to"] == ["20250316"]
    assert cdx.query["url"] == [f"{domain}/"]


def test_keywords_keep_names_and_numbers_and_meet_cyrillic_spellings():
    words = passage_keywords("Spokesman Dmitry Peskov said 2,500 soldiers had left.", "en", "ru")
    kinds = {k.text: k.kind for k in words}
    assert kinds["Peskov"] == "name" and kinds["2,500"] == "number" and kinds["soldiers"] == "word"
    assert "Spokesman" not in kinds or kinds["Spokesman"] != "name"  # sentence-initial: not taken for a name
    peskov = next(k for k in words if k.text == "Peskov")
    assert fold("Песков")[:4] in peskov.keys


def test_a_passage_without_a_known_outlet_is_a_usage_error(tmp_path):
    from provenance.model import Passage, Span

    orphan = Passage(
        id="p1",
        text="Some text.",
        span=Span(0, 10),
        kind="leadin",
        outlet=None,
        outlet_name="the Unknown Gazette",
        language="en",
        cue="From",
    )
    with pytest.raises(UsageError, match="not known"):
        discover_original(orphan, Registry([]), config(tmp_path), embedder=WordHashEmbedder())


def test_bad_discovery_settings_are_refused():
    with pytest.raises(ConfigError, match="window_days"):
        DiscoverySettings(window_days=-1)
    with pytest.raises(ConfigError, match="listings"):
        DiscoverySettings(listings=("google",))


def test_an_english_passage_finds_its_german_and_russian_originals_with_the_real_embedder(tmp_path):
    """Three outlets, 300 pages each; the passage is the English version of one story on each site."""
    with LoopbackServer() as de_srv, LoopbackServer() as ru_srv, LoopbackServer() as fr_srv:
        sites = {}
        for srv, lang, seed in ((de_srv, "de", 1), (ru_srv, "ru", 2), (fr_srv, "de", 3)):
            site = FakeOutlet(f"outlet-{seed}", lang, srv)
            populate(site, count=300, today=TODAY, seed=seed)
            site.stories["/news/9999-flood.html"] = Story("flood", person=2, town=6, number=314, day=date(2025, 3, 12))
            site.stories["/news/9998-flood.html"] = Story("flood", person=7, town=6, number=58, day=date(2025, 3, 12))
            site.stories["/news/9997-flood.html"] = Story("flood", 2, 6, 314, date(2025, 3, 12), changed=True)
            site.serve(today=TODAY)
            sites[lang if seed < 3 else "other"] = site
        registry = Registry([s.outlet for s in sites.values()])
        _, english = Story("flood", 2, 6, 314, date(2025, 3, 12)).text("en")
        for lang in ("de", "ru"):
            site = sites[lang]
            found = discover_original(
                passage(" ".join(english), site.outlet),
                registry,
                config(tmp_path),
                settings=DiscoverySettings(min_interval=0.0, listings=("sitemaps", "feeds")),
                day=date(2025, 3, 13),
            )
            assert found.original is not None, found.runner_ups
            assert found.original.url == site.server.url("/news/9999-flood.html"), (lang, found.original)
            assert found.original.coverage == 1.0 and found.confidence >= 0.8
            # the updated copy (one sentence replaced) is among the runner-ups, behind it
            assert {c.url for c in found.runner_ups[:3]} >= {site.server.url("/news/9997-flood.html")}
            # only the outlet the passage credits was read
            other = sites["other"].server
            assert other.requests == []


def test_coverage_takes_each_page_sentence_once_and_in_the_passage_order() -> None:
    # rows: passage sentences, columns: page sentences, values: credit of that pair
    in_order = np.eye(3)
    assert in_order_coverage(in_order) == 1.0
    # one page sentence close to every passage sentence (a summary, a digest) covers one of them
    one_for_all = np.zeros((3, 4))
    one_for_all[:, 1] = 1.0
    assert in_order_coverage(one_for_all) == pytest.approx(1 / 3)
    # counterparts in the reverse order are not the passage's text, whatever each says
    assert in_order_coverage(np.fliplr(np.eye(3))) == pytest.approx(1 / 3)
    # a passage may skip a few of the original's sentences, not half a page
    near, far = np.zeros((2, 20)), np.zeros((2, 20))
    near[0, 2], near[1, 6] = 1.0, 1.0
    far[0, 2], far[1, 15] = 1.0, 1.0
    assert in_order_coverage(near) == 1.0 and in_order_coverage(far) == 0.5
    # partial credit (names that do not agree) adds up along the chain
    assert in_order_coverage(np.diag([0.5, 1.0])) == 0.75
