"""The page-text stage of discovery: candidate pages read cheaply and scored by BM25 over the passage's keywords.

A passage quoted from the middle of a story shares little with the story's headline or slug; the
page itself holds its names, numbers and words. These tests show the scorer, the dictionaries that
carry words across languages, the cheap page reading, and the stage at work on a fake outlet
served on 127.0.0.1.
"""

from __future__ import annotations

from collections import Counter
from datetime import date
from pathlib import Path

from provenance.config import Config
from provenance.discover import DiscoverySettings, PoliteFetcher, discover_original
from provenance.discover.bm25 import bm25_scores
from provenance.discover.bridge import Bridges, FreeDictBridge
from provenance.discover.keywords import Keyword, passage_keywords, stem, term_counts
from provenance.discover.pages import plain_text
from provenance.sources import Registry
from tests.discover_site import FakeOutlet, Story, WordHashEmbedder, passage, populate
from tests.loopback import LoopbackServer

TODAY = date(2025, 3, 14)
FREEDICT = Path(__file__).parent / "fixtures" / "freedict"


def name(text: str) -> Keyword:
    return Keyword(text, "name", frozenset({stem(text)}))


def word(text: str, *renderings: str) -> Keyword:
    return Keyword(text, "word", frozenset({stem(text), *(stem(r) for r in renderings)}))


def docs(*texts: str) -> list[Counter[str]]:
    return [term_counts([t]) for t in texts]


def test_a_name_few_pages_mention_outweighs_a_word_every_page_has() -> None:
    keywords = [name("Wolkowa"), word("Regierung")]
    pages = docs(
        "Die Regierung tagte. Wolkowa sprach.",
        "Die Regierung tagte lange.",
        "Die Regierung tagte kurz.",
        "Die Regierung tagte nicht.",
    )
    scores = bm25_scores(keywords, pages)
    assert scores[0] > 0.9  # every keyword is there
    assert max(scores[1:]) < 0.1  # the word all pages share says almost nothing
    assert all(0.0 <= s <= 1.0 for s in scores)


def test_a_word_counts_through_any_of_its_dictionary_renderings() -> None:
    bridge = word("hospital", "Krankenhaus", "Klinik")
    pages = docs("Die Klinik in Halle", "Der Bahnhof in Halle", "Das Rathaus in Halle")
    scores = bm25_scores([bridge, name("Halle")], pages)
    assert scores[0] > scores[1] and scores[1] == scores[2]


def test_without_keywords_or_pages_every_score_is_zero() -> None:
    assert bm25_scores([], docs("a page")) == [0.0]
    assert bm25_scores([name("Wolkowa")], []) == []


def test_freedict_carries_a_french_word_into_german_and_reverses_the_other_direction(tmp_path: Path) -> None:
    bridge = FreeDictBridge(Config(cache_dir=tmp_path), folder=FREEDICT)
    assert bridge.words("pont", "fr", "de") == ["brücke"]
    # the German-French list read backwards: "obtenir" was the French word for "bekommen"
    assert "obtenir" in bridge.words("bekommen", "de", "fr")
    assert not bridge.words("pont", "fr", "ru")  # no dictionary for the pair: no words
    keywords = passage_keywords("Le maire a inauguré le pont.", "fr", "de", bridge=bridge)
    assert any(stem("Brücke") in k.keys for k in keywords)


def test_several_bridges_merge_their_words_without_repeats(tmp_path: Path) -> None:
    free = FreeDictBridge(Config(cache_dir=tmp_path), folder=FREEDICT)
    assert Bridges(free, free).words("pont", "fr", "de") == ["brücke"]


def test_plain_text_keeps_the_story_and_drops_menus_scripts_and_page_chrome() -> None:
    page = (
        b"<html><head><title>T</title><script>var x = 'Werbung';</script></head><body>"
        b"<nav>Politik Sport Wetter</nav><header>Uferpost</header><article><h1>Neue Br\xc3\xbccke</h1>"
        b"<p>Der Bau kostete 42 Millionen.</p></article><footer>Impressum</footer></body></html>"
    )
    text = plain_text(page, "text/html; charset=utf-8")
    assert "Neue Brücke" in text and "42 Millionen" in text
    assert not any(w in text for w in ("Werbung", "Politik", "Impressum", "Uferpost"))


# --------------------------------------------------------------------------- on a fake outlet


def regional_outlet(server: LoopbackServer) -> tuple[FakeOutlet, str]:
    """400 stories, and on the day 60 round-ups under one headline; the original is the last round-up."""
    site = FakeOutlet("uferpost", "de", server)
    populate(site, count=400, today=TODAY, seed=11)
    day = date(2025, 3, 12)
    for k in range(60):
        site.stories[f"/region/{k:03d}-nachrichten.html"] = Story("roundup", k % 10, (k * 3) % 10, 100 + k, day)
    target = "/region/zzz-nachrichten.html"  # sorts after every other round-up in the listing
    site.stories[target] = Story("roundup", 3, 1, 42, day)
    site.serve(today=TODAY)
    return site, target


def mid_story(site: FakeOutlet, path: str) -> str:
    """The round-up's bridge paragraph: nothing of it is in the headline or the slug."""
    _, body = site.stories[path].text("de")
    return " ".join(body[2:5])


def run(site: FakeOutlet, tmp_path: Path, **changes: object):  # type: ignore[no-untyped-def]
    base: dict[str, object] = {"min_interval": 0.0, "listings": ("sitemaps",), "sentence_threshold": 0.95}
    return discover_original(
        passage(mid_story(site, "/region/zzz-nachrichten.html"), site.outlet, lang="de"),
        Registry([site.outlet]),
        Config(cache_dir=tmp_path / "cache", allow_private_network=True, retries=0),
        settings=DiscoverySettings(**{**base, **changes}),  # type: ignore[arg-type]
        day=date(2025, 3, 13),
        embedder=WordHashEmbedder(),
    )


def test_a_mid_story_paragraph_is_found_by_the_text_of_its_page(http_server, tmp_path) -> None:
    site, target = regional_outlet(http_server)
    found = run(site, tmp_path)
    assert found.original is not None and found.original.url == http_server.url(target)
    assert found.original.text_score is not None and found.original.text_score > 0.5
    assert found.original.coverage == 1.0


def test_without_the_page_text_stage_the_same_paragraph_is_not_found(http_server, tmp_path) -> None:
    # the listing knows the round-ups by one headline: which of 61 to fetch is a guess
    site, target = regional_outlet(http_server)
    found = run(site, tmp_path, read_max=0)
    assert found.original is None or found.original.url != http_server.url(target)


def test_with_the_original_gone_the_page_text_stage_does_not_make_a_lookalike_an_answer(http_server, tmp_path) -> None:
    site, target = regional_outlet(http_server)
    site.hidden.add(target)
    site.serve(today=TODAY)
    found = run(site, tmp_path)
    assert found.original is None
    assert found.runner_ups and found.runner_ups[0].text_score is not None


def test_page_reads_wait_their_turn_and_a_second_run_reads_them_from_the_store(http_server, tmp_path) -> None:
    site = FakeOutlet("uferpost", "de", http_server)
    populate(site, count=30, today=TODAY, seed=5)
    site.serve(today=TODAY)
    waits: list[float] = []
    now = [0.0]

    def clock() -> float:
        now[0] += 0.01
        return now[0]

    def sleep(seconds: float) -> None:
        waits.append(seconds)
        now[0] += seconds

    config = Config(cache_dir=tmp_path / "cache", allow_private_network=True, retries=0)
    settings = DiscoverySettings(min_interval=2.0, listings=("sitemaps",), fetch_top=0, fetch_max=0)
    text = mid_story_of_any(site)
    first = PoliteFetcher(config, settings, clock=clock, sleep=sleep)
    args = dict(settings=settings, day=TODAY, embedder=WordHashEmbedder())
    discover_original(passage(text, site.outlet, lang="de"), Registry([site.outlet]), config, fetcher=first, **args)
    pages = [r.path for r in http_server.requests if r.path.startswith("/news/")]
    assert pages  # the text stage read pages ...
    sent = len(http_server.requests)
    assert len(waits) == sent - 1 and all(1.9 <= w <= 2.0 for w in waits)  # ... each after the host's turn
    second = PoliteFetcher(config, settings, clock=clock, sleep=sleep)
    discover_original(passage(text, site.outlet, lang="de"), Registry([site.outlet]), config, fetcher=second, **args)
    assert len(http_server.requests) == sent and len(waits) == sent - 1


def mid_story_of_any(site: FakeOutlet) -> str:
    path = sorted(site.stories)[0]
    _, body = site.stories[path].text("de")
    return " ".join(body[1:3])


def test_reading_stops_after_the_batch_that_leaves_one_page_clearly_ahead(http_server, tmp_path) -> None:
    site = FakeOutlet("uferpost", "de", http_server)
    for k in range(120):  # other topics only: no page is a near-copy of the original
        story = Story(("flood", "school", "strike")[k % 3], k % 10, (k * 7) % 10, 100 + k, date(2025, 3, 10 + k % 5))
        site.stories[f"/news/{k:04d}-{story.topic}.html"] = story
    target = "/news/9999-bridge.html"
    site.stories[target] = Story("bridge", person=3, town=1, number=42, day=date(2025, 3, 12))
    site.serve(today=TODAY)
    _, body = site.stories[target].text("de")
    found = discover_original(
        passage(" ".join(body[1:]), site.outlet, lang="de"),
        Registry([site.outlet]),
        Config(cache_dir=tmp_path / "cache", allow_private_network=True, retries=0),
        settings=DiscoverySettings(min_interval=0.0, listings=("sitemaps",), sentence_threshold=0.95, read_batch=10),
        day=date(2025, 3, 13),
        embedder=WordHashEmbedder(),
    )
    assert found.original is not None and found.original.url == http_server.url(target)
    in_window = [p for p, s in site.stories.items() if abs((s.day - date(2025, 3, 13)).days) <= 3]
    pages_read = {r.path for r in http_server.requests if r.path.startswith("/news/")}
    # its headline names the same town and person: it is in the first batch, and no second batch was read
    assert len(in_window) > 100 and len(pages_read) <= 10
