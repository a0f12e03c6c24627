"""Finding the original without a link: WMT newstest2021 documents as the pages of fake outlets.

Three outlets on 127.0.0.1 (German, Russian, French). The newstest2021 source files are cut into
stories at headline-like lines (no final punctuation after a sentence that has one); each story is a
page whose title is its headline. The pool of each outlet is padded past 1,000 pages with hard
distractors: a teaser page per story (the same headline and its first sentence, same day), and
digest pages (four sentences drawn from any stories, under the headline of a random story, so a
right headline can sit on a wrong page). Dates spread over two weeks; everything is listed in a
news sitemap named by robots.txt. German pool: de-en and de-fr sources and the German fr-de
references; French: fr-de sources and de-fr references; Russian: ru-en sources.

A passage is the professional translation of three consecutive body sentences of one story:
English reference A for de-en and ru-en, German reference A for fr-de (a German article quoting a
French outlet), French reference A for de-fr (a French article quoting a German outlet), dated on
its story's day. Stories are split into dev and test by a hash of (file, first line); a dev story is
never a test story. Each story gives one excerpt, its lead (the first three body sentences) or a
mid-story paragraph (three sentences starting at the third body sentence or later), chosen by another
bit of the same hash. A passage is right when discovery ranks its story's page first. "Not found" runs
remove (a) the story's page, (b) the page and its teaser, and count how often discovery answers
"not found". Seconds per passage are measured cold (nothing cached for this passage: embeddings,
pages) and warm (the same passage again; listings are always re-read), on a 2-core machine shared
with other jobs. The settings are tuned on the dev split only; every run of the test split is kept
(``--save-run``, benchmarks/data/discovery_runs.json) and shown below, so the number of looks is on
record.

    python -m benchmarks.discovery [--per-pair N] [--split dev|test] [--pairs de-en,...] [--no-write]
                                   [--skip-not-found] [--save-run LABEL] [--render-only]
"""

from __future__ import annotations

import argparse
import hashlib
import html
import json
import random
import re
import statistics
import tempfile
import time
from dataclasses import dataclass, field, fields, replace
from datetime import date, timedelta
from pathlib import Path

from benchmarks.common import data_path, table, write_section
from provenance.config import Config
from provenance.discover import DiscoverySettings, PoliteFetcher, discover_original
from provenance.discover.bridge import default_bridge
from provenance.discover.keywords import fold
from provenance.embed import get_embedder
from provenance.model import Outlet, Passage, Span
from provenance.sources import Registry
from tests.loopback import LoopbackServer, Reply

EXCERPT = 3  # sentences per passage
DIGEST_SIZE = 4
MIN_POOL = 1100
BASE_DAY = date(2021, 3, 1)
SPREAD_DAYS = 14
_ENDS = re.compile(r"[.!?:\"“”»)]\s*$")
_SENTENCE_END = re.compile(r"[.!?\"“”»]\s*$")


def lines(name: str) -> list[str]:
    return [ln.strip() for ln in data_path("wmt_newstest", name).read_text(encoding="utf-8").splitlines()]


@dataclass
class Page:
    path: str
    title: str
    body: list[str]
    day: date
    segments: frozenset[tuple[str, int]]  # (file, line) of each sentence: which pages overlap


@dataclass
class Site:
    outlet: Outlet
    server: LoopbackServer
    lang: str
    pages: dict[str, Page] = field(default_factory=dict)
    hidden: set[str] = field(default_factory=set)

    def serve(self) -> None:
        srv = self.server
        for path, page in self.pages.items():
            srv.route(path, lambda _r, p=page: Reply(200, self.markup(p), {"Content-Type": "text/html; charset=utf-8"}))
        srv.route("/robots.txt", Reply(200, f"User-agent: *\nSitemap: {srv.url('/sitemap-news.xml')}\n".encode()))
        srv.route("/sitemap-news.xml", lambda _r: Reply(200, self.sitemap(), {"Content-Type": "application/xml"}))
        srv.route("/", Reply(200, b"<html><body>Start</body></html>", {"Content-Type": "text/html"}))

    def markup(self, page: Page) -> bytes:
        paras = "".join(f"<p>{html.escape(s)}</p>" for s in page.body[1:])
        return (
            f"<html lang='{self.lang}'><head><title>{html.escape(page.title)}</title></head><body><article>"
            f"<h1>{html.escape(page.title)}</h1>{paras}</article></body></html>"
        ).encode()

    def sitemap(self) -> bytes:
        rows = [
            f"<url><loc>{self.server.url(p.path)}</loc><news:news><news:publication><news:name>X</news:name>"
            f"<news:language>{self.lang}</news:language></news:publication><news:publication_date>"
            f"{p.day.isoformat()}</news:publication_date><news:title>{html.escape(p.title)}</news:title>"
            "</news:news></url>"
            for p in self.pages.values()
            if p.path not in self.hidden
        ]
        return (
            "<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>" + "".join(rows) + "</urlset>"
        ).encode()


def slug(title: str) -> str:
    words = [fold(w) for w in re.findall(r"\w+", title)][:7]
    return "-".join(w for w in words if w) or "artikel"


def stories(segs: list[str]) -> list[tuple[int, int]]:
    """(first line, end) of each story: a new one starts at a headline-like line after a full sentence."""
    starts = [
        i
        for i, line in enumerate(segs)
        if line and (i == 0 or _ENDS.search(segs[i - 1])) and not _SENTENCE_END.search(line) and len(line) < 140
    ]
    return [(a, b) for a, b in zip(starts, [*starts[1:], len(segs)], strict=True) if b - a >= 2]


def build_site(outlet_id: str, lang: str, files: list[str], server: LoopbackServer, seed: int) -> Site:
    rng = random.Random(seed)
    domain = server.base_url.removeprefix("http://")
    site = Site(Outlet(id=outlet_id, name=outlet_id, language=lang, domains=(domain,)), server, lang)
    everything: list[tuple[str, int, str]] = []
    headlines: list[str] = []
    for name in files:
        segs = lines(name)
        everything += [(name, i, s) for i, s in enumerate(segs)]
        short = name.split(".")[1]
        for a, b in stories(segs):
            day = BASE_DAY + timedelta(days=rng.randrange(SPREAD_DAYS))
            title = segs[a]
            headlines.append(title)
            path = f"/{short}/{a:04d}-{slug(title)}.html"
            site.pages[path] = Page(path, title, segs[a:b], day, frozenset((name, i) for i in range(a + 1, b)))
            teaser = f"/kurz/{short}-{a:04d}-{slug(title)}.html"
            site.pages[teaser] = Page(teaser, title, segs[a : a + 2], day, frozenset({(name, a + 1)}))
    k = 0
    while len(site.pages) < MIN_POOL:
        picked = rng.sample(everything, DIGEST_SIZE)
        title = rng.choice(headlines)
        path = f"/digest/{k:04d}-{slug(title)}.html"
        day = BASE_DAY + timedelta(days=rng.randrange(SPREAD_DAYS))
        segments = frozenset((p[0], p[1]) for p in picked)
        site.pages[path] = Page(path, title, [title, *(p[2] for p in picked)], day, segments)
        k += 1
    site.serve()
    return site


@dataclass(frozen=True)
class Case:
    pair: str
    site: str
    source_file: str
    story: int  # first line of the story
    line: int  # first line of the excerpt
    text: str
    lang: str
    position: str  # lead | mid


def story_hash(source_file: str, story: int) -> int:
    return int(hashlib.sha256(f"{source_file}#{story}".encode()).hexdigest()[:8], 16)


def split_of(source_file: str, story: int) -> str:
    """dev or test, by the story's hash: a story is in one split only, whatever ``--per-pair`` asks."""
    return "dev" if story_hash(source_file, story) % 2 == 0 else "test"


def cases(pair: str, site: str, source_file: str, reference: str, lang: str, n: int, split: str) -> list[Case]:
    refs = lines(reference)
    chosen = []
    for a, b in stories(lines(source_file)):
        if split_of(source_file, a) != split:
            continue
        h = story_hash(source_file, a)
        body = b - (a + 1)
        mid = (h >> 1) % 2 == 1
        # a story too short for its drawn position is skipped, not moved, so leads and mids stay balanced
        if body < EXCERPT + (3 if mid else 1):
            continue
        # a lead starts at the first body sentence; a mid-story excerpt at the third or later
        start = a + 1 + (2 + (h >> 2) % (body - EXCERPT - 1) if mid else 0)
        text = " ".join(refs[start : start + EXCERPT])
        chosen.append(Case(pair, site, source_file, a, start, text, lang, "mid" if mid else "lead"))
    # as many leads as mid-story excerpts (first in story order), then whatever is left
    leads = [c for c in chosen if c.position == "lead"]
    mids = [c for c in chosen if c.position == "mid"]
    picked = leads[: n // 2] + mids[: n - n // 2]
    picked += [c for c in chosen if c not in picked][: n - len(picked)]
    return sorted(picked, key=lambda c: c.story)


def run_case(
    case: Case, site: Site, config: Config, settings: DiscoverySettings, embedder, bridge, hide: str
) -> tuple[int | None, bool, float]:
    """(rank of the right page or None, found?, seconds)."""
    short = case.source_file.split(".")[1]
    right = next(p for p in site.pages.values() if p.path.startswith(f"/{short}/{case.story:04d}-"))
    site.hidden = set()
    if hide == "page":
        site.hidden = {right.path}
    elif hide == "teaser":
        site.hidden = {right.path, next(p for p in site.pages if p.startswith(f"/kurz/{short}-{case.story:04d}-"))}
    passage = Passage(
        id=f"{case.pair}:{case.line}",
        text=case.text,
        span=Span(0, len(case.text)),
        kind="leadin",
        outlet=site.outlet,
        outlet_name=site.outlet.name,
        language=case.lang,
        cue="From",
    )
    # listings are read anew every time (the pool changes between runs); pages and embeddings are cached
    fetcher = PoliteFetcher(replace(config, refresh=True), settings)
    start = time.perf_counter()
    try:
        found = discover_original(
            passage,
            Registry([site.outlet]),
            config,
            settings=settings,
            day=right.day,
            embedder=embedder,
            bridge=bridge,
            fetcher=fetcher,
        )
    finally:
        fetcher.close()
    seconds = time.perf_counter() - start
    ranked = ([found.original] if found.original else []) + found.runner_ups
    urls = [c.url for c in ranked]
    rank = urls.index(site.server.url(right.path)) + 1 if site.server.url(right.path) in urls else None
    return rank, found.found, seconds


PAIRS = {
    # pair: (outlet's site, source file, reference file (the passage), passage language)
    "de-en": ("de", "newstest2021.de-en.src.de", "newstest2021.de-en.ref.A.en", "en"),
    "ru-en": ("ru", "newstest2021.ru-en.src.ru", "newstest2021.ru-en.ref.A.en", "en"),
    "fr-de": ("fr", "newstest2021.fr-de.src.fr", "newstest2021.fr-de.ref.A.de", "de"),
    "de-fr": ("de", "newstest2021.de-fr.src.de", "newstest2021.de-fr.ref.A.fr", "fr"),
}
RUNS = Path(__file__).resolve().parent / "data" / "discovery_runs.json"
HEADER = [
    "pair",
    "passages",
    "pool",
    "first",
    "top-5",
    "not found (a) page removed",
    "not found (b) page and teaser removed",
    "s/passage cold",
    "s/passage warm",
]


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--per-pair", type=int, default=12)
    ap.add_argument("--split", choices=["dev", "test"], default="dev")
    ap.add_argument("--pairs", default=",".join(PAIRS), help="comma-separated subset of " + ", ".join(PAIRS))
    ap.add_argument("--no-write", action="store_true")
    ap.add_argument("--skip-not-found", action="store_true")
    ap.add_argument("--save-run", metavar="LABEL", help="keep this run's table (test split) under LABEL")
    ap.add_argument("--render-only", action="store_true", help="only write the docs section (saved runs)")
    args = ap.parse_args()
    settings = DiscoverySettings(min_interval=0.0, listings=("sitemaps",), runner_ups=4)
    if args.render_only:
        write_section("discovery", section(settings))
        return
    with (
        tempfile.TemporaryDirectory() as tmp,
        LoopbackServer() as de_srv,
        LoopbackServer() as ru_srv,
        LoopbackServer() as fr_srv,
    ):
        config = Config(cache_dir=Path(tmp), allow_private_network=True, retries=0, progress=False)
        sites = {
            "de": build_site(
                "wmt-de",
                "de",
                ["newstest2021.de-en.src.de", "newstest2021.de-fr.src.de", "newstest2021.fr-de.ref.A.de"],
                de_srv,
                1,
            ),
            "ru": build_site("wmt-ru", "ru", ["newstest2021.ru-en.src.ru"], ru_srv, 2),
            "fr": build_site("wmt-fr", "fr", ["newstest2021.fr-de.src.fr", "newstest2021.de-fr.ref.A.fr"], fr_srv, 3),
        }
        todo = [
            case
            for pair in args.pairs.split(",")
            for case in cases(pair, PAIRS[pair][0], *PAIRS[pair][1:], args.per_pair, args.split)
        ]
        embedder = get_embedder(config)
        bridge = default_bridge(config)
        for site_key, _, _, lang in PAIRS.values():
            # the dictionaries are compiled once per cache directory (as `provenance resources` does): not per passage
            bridge.words("house", lang, sites[site_key].lang)
        results: dict[str, dict[str, list]] = {}
        for case in todo:
            site = sites[case.site]
            rank, _, cold = run_case(case, site, config, settings, embedder, bridge, "none")
            _, _, warm = run_case(case, site, config, settings, embedder, bridge, "none")
            res = results.setdefault(case.pair, {"rank": [], "cold": [], "warm": [], "nf_page": [], "nf_overlap": []})
            res["rank"].append(rank)
            res["cold"].append(cold)
            res["warm"].append(warm)
            if not args.skip_not_found:
                res["nf_page"].append(not run_case(case, site, config, settings, embedder, bridge, "page")[1])
                res["nf_overlap"].append(not run_case(case, site, config, settings, embedder, bridge, "teaser")[1])
            # the test split's misses are never printed: looking at them would be tuning on the test
            shown = ""
            if args.split == "dev":
                nf = "" if args.skip_not_found else f"not found {res['nf_page'][-1]}/{res['nf_overlap'][-1]} "
                shown = f"rank {rank} {nf}"
            print(f"{case.pair} {case.line} ({case.position}): {shown}cold {cold:.1f}s warm {warm:.1f}s", flush=True)
        total: dict[str, list] = {k: [] for k in ("rank", "cold", "warm", "nf_page", "nf_overlap")}
        rows = []
        for pair, res in results.items():
            for k in total:
                total[k] += res[k]
            rows.append(summary_row(pair, res, len(sites[PAIRS[pair][0]].pages)))
        rows.append(summary_row("all", total, None))
    print(table(HEADER, rows))
    if args.save_run:
        if args.split != "test":
            ap.error("--save-run keeps test-split runs only")
        saved = json.loads(RUNS.read_text(encoding="utf-8")) if RUNS.exists() else []
        saved.append({"label": args.save_run, "date": time.strftime("%Y-%m-%d", time.gmtime()), "rows": rows})
        RUNS.write_text(json.dumps(saved, indent=1, ensure_ascii=False) + "\n", encoding="utf-8")
    if not args.no_write:
        body = section(settings)
        print(body)
        write_section("discovery", body)


NOTES = """What changed between the runs, and how the test split was used. The recorded diagnosis of
the old code was that a miss is a page never fetched: a quoted paragraph, above all one from the
middle of a story, shares little with its story's headline and slug. On the dev split, ranking the
pages of the date window (about 550) by the BM25 of their own text put the right page in the top 5
for 47 of 48 passages, ranking them by their listing entries for 19 (for Russian the listing order
was close to random). So discovery now reads the pages, best listing entries first, 100 at a time
until one page is clearly ahead, scores their plain text by BM25 over the passage's keywords
(names, numbers, and content words carried over by Ding and the installed FreeDict lists:
English -> German, Russian, French; French <-> German), and keeps the best 24 for title similarity
and coverage. Removing the right page then showed the second weakness, in the coverage stage: on
the dev split every page wrongly taken for a removed original had one sentence close to two or
three passage sentences, or close ones scattered over the page (another text on the same event);
coverage now takes each page sentence once and in the passage's order, with at most 5 skipped.

Dev runs (dev split, looked at freely; "not found" as (a)/(b)): page-text stage only, 18 passages of
de-en and ru-en, all first; with not-found runs, fr-de and de-fr 4 each: first 8/8, not found fr-de
1.0/1.0, de-fr 0.5/0.5; with the early stop, ru-en and de-en 4 each: first 8/8, not found ru-en
0.75/0.75, de-en 1.0/1.0. The three pages wrongly taken (one ru-en, two de-fr), rerun after
in-order coverage: two passages now answer "not found"; the third (de-fr) still takes, at confidence
0.52, another article on the same economic news. The committed code on 4 dev passages per pair
(run after test run 2, no change since): first 16/16, top-5 16/16, not found 0.938/0.938 (that de-fr
passage), 7.4 s cold and 0.31 s warm per passage at a load average near 1.

The test split was run twice: run 1 with the code of main before any change (its numbers only were
read), run 2 once at the end with the code as committed. Its misses were never printed or examined.
Seconds: "cold" is the first run of a passage, with pages and embeddings of earlier passages of the
same run in the cache (run 2 reads up to about 550 pages whenever a passage's window is new, about
14 s on loopback; the de-fr passages of run 2 come after de-en on the same German site and found its
pages, and most embeddings they needed, cached, hence their 0.8 s). "Warm" repeats the passage with
listings read anew. Both runs shared the 2 cores with other jobs (load average 7-9), so seconds are
upper bounds. On a real outlet each page read on a cold cache is a request spaced by the
per-host interval (1 s by default): the early stop and `--read` bound it."""


def section(settings: DiscoverySettings) -> str:
    """The docs section: how the benchmark is built and every saved run of the test split, oldest first."""
    saved = json.loads(RUNS.read_text(encoding="utf-8")) if RUNS.exists() else []
    runs = "\n\n".join(
        f"**Run {k} ({run['date']}): {run['label']}**\n\n" + table(HEADER, run["rows"])
        for k, run in enumerate(saved, 1)
    )
    return (
        "## Discovery (finding the original without a link)\n\n"
        + (__doc__ or "").split("    python -m")[0].strip()
        + f"\n\nSettings of the current code: the defaults of `DiscoverySettings` ({settings_text(settings)}), "
        "sitemaps only, no rate limit (loopback). Test split, 12 passages per pair (6 leads, 6 mid-story); "
        f"the test split was run {len(saved)} time(s) in all, each run below.\n\n"
        + (runs or "(no saved run)")
        + "\n\nTargets from the issue: first >= 0.9, top-5 >= 0.97, not found >= 0.9, < 10 s per passage warm.\n\n"
        + NOTES
    )


def settings_text(settings: DiscoverySettings) -> str:
    return ", ".join(f"{f.name} {getattr(settings, f.name)}" for f in fields(settings) if f.name != "listings")


def summary_row(pair: str, res: dict[str, list], pool: int | None) -> list[object]:
    ranks = res["rank"]
    n = len(ranks)
    first = sum(1 for r in ranks if r == 1) / n
    top5 = sum(1 for r in ranks if r is not None and r <= 5) / n
    nf_a = sum(res["nf_page"]) / len(res["nf_page"]) if res["nf_page"] else "-"
    nf_b = sum(res["nf_overlap"]) / len(res["nf_overlap"]) if res["nf_overlap"] else "-"
    return [
        pair,
        n,
        pool if pool is not None else "-",
        first,
        top5,
        nf_a,
        nf_b,
        f"{statistics.mean(res['cold']):.2f}",
        f"{statistics.mean(res['warm']):.2f}",
    ]


if __name__ == "__main__":
    main()
