"""The seed article's Bild passage, which links nothing, found on a loopback "Bild" among 500 other pages and
checked end to end: the found page is the original, and the check reports the drift planted in it.

The German page below is our own writing: a plausible original of the passage, with "teilweise" (partly) where
the seed's English says "completely", the kind of drift the project was created to catch.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace
from datetime import date
from pathlib import Path

import pytest

from provenance.config import Config
from provenance.discover import DiscoverOptions, DiscoverySettings
from provenance.documents import read_document
from provenance.model import DriftSubtype, Outlet
from provenance.pipeline import Checker
from provenance.sources import Registry
from tests.conftest import SEED_DIR
from tests.discover_site import FakeOutlet, populate
from tests.loopback import LoopbackServer

TODAY = date(2025, 8, 10)
PATH = "/politik/ausland/kreml-witkoff-missverstaendnis-88123456.html"
TITLE = "Kreml bleibt bei Maximalforderungen – Witkoff soll Russen missverstanden haben"
# (German sentence, an independent faithful English rendering for the desk's translation memory)
BODY = [
    (
        "Schon vor dem Friedensgipfel am 15. August rückte der Kreml nach BILD-Informationen nicht von seiner "
        "Maximalforderung ab, die fünf ukrainischen Regionen Donezk, Luhansk, Saporischschja, Cherson und die Krim "
        "vollständig zu kontrollieren, bevor die Waffen schweigen.",
        "According to BILD information, even before the peace summit on 15 August the Kremlin did not move away "
        "from its maximum demand to control the five Ukrainian regions of Donetsk, Luhansk, Zaporizhzhia, Kherson "
        "and Crimea completely before the guns fall silent.",
    ),
    (
        "Die russische Seite schlug lediglich „sektorale Waffenruhen“ vor – etwa einen gegenseitigen Verzicht auf "
        "Angriffe auf Energieanlagen oder Großstädte hinter der Front.",
        'The Russian side merely proposed "sectoral ceasefires" - for instance mutually refraining from attacks on '
        "energy facilities or large cities behind the front.",
    ),
    (
        "Einen Stopp der großen russischen Offensiven entlang der Front will Putin aber keinesfalls – obwohl die USA "
        "im Gegenzug angeboten haben, die Sanktionen gegen Russland weitgehend aufzuheben und neue "
        "Wirtschaftsabkommen zu schließen.",
        "But Putin by no means wants a halt to the big Russian offensives along the front - although in return the "
        "US has offered to lift the sanctions against Russia to a large extent and to conclude new economic "
        "agreements.",
    ),
    (
        "Trump brachte sogar einen „Gebietstausch“ ins Spiel, bei dem Russland Teile des besetzten Donbass behalten "
        "dürfte und dafür auf weitere Gebiete verzichten würde – was der ukrainische Präsident kategorisch ablehnte.",
        'Trump even brought up a "territory swap" in which Russia could keep parts of the occupied Donbas and would '
        "give up further territory in exchange - which the Ukrainian president categorically rejected.",
    ),
    (
        "Noch schlimmer: Trumps Sondergesandter Witkoff soll einige Aussagen der Russen teilweise missverstanden und "
        "als Zugeständnis Putins gedeutet haben.",
        "Worse still: Trump's special envoy Witkoff is said to have partly misunderstood some of the Russians' "
        "statements and to have read them as a concession by Putin.",
    ),
    (
        "Die russische Forderung nach einem „friedlichen Abzug“ der Ukrainer aus Cherson und Saporischschja hielt er "
        "für das Angebot eines „friedlichen Abzugs“ der Russen aus diesen Regionen.",
        'He took the Russian demand for a "peaceful withdrawal" of the Ukrainians from Kherson and Zaporizhzhia for '
        'an offer of a "peaceful withdrawal" of the Russians from these regions.',
    ),
    (
        "„Witkoff weiß nicht, wovon er spricht“, sagte ein ukrainischer Regierungsvertreter zu BILD.",
        '"Witkoff does not know what he is talking about," a Ukrainian government official said to BILD.',
    ),
    (
        "Diese Einschätzung teilen nach BILD-Informationen auch Vertreter der Bundesregierung.",
        "According to BILD information, representatives of the German government share this assessment.",
    ),
    (
        "Das Treffen der beiden Präsidenten in Alaska ist für Freitag geplant.",
        "The meeting of the two presidents in Alaska is planned for Friday.",
    ),
]


@dataclass(frozen=True)
class WrittenStory:
    """A page written out in full (the generated stories of ``populate`` fill their templates)."""

    title: str
    body: list[str] = field(default_factory=list)
    day: date = TODAY

    def text(self, lang: str) -> tuple[str, list[str]]:
        return self.title, self.body


def seed_bild_article(tmp_path: Path) -> Path:
    """The seed's lead-in and Bild paragraph as an article of their own (the CBS News source block aside)."""
    seeds = sorted(SEED_DIR.glob("000_*.txt"))
    if not seeds:
        pytest.skip(f"seed article not available in {SEED_DIR}")
    paragraphs = seeds[0].read_text(encoding="utf-8").split("\n\n")
    start = next(i for i, p in enumerate(paragraphs) if "From the German Bild:" in p)
    path = tmp_path / "seed-bild.txt"
    path.write_text("From the German Bild:\n\n" + paragraphs[start + 1].strip() + "\n", encoding="utf-8")
    return path


@pytest.mark.e2e
def test_the_seed_bild_passage_is_found_among_500_pages_and_checked_end_to_end(tmp_path: Path) -> None:
    memory = tmp_path / "memory.tsv"
    memory.write_text("".join(f"{de}\t{en}\n" for de, en in BODY), encoding="utf-8")
    doc = read_document(seed_bild_article(tmp_path))
    with LoopbackServer() as server:
        site = FakeOutlet("bild", "de", server)
        populate(site, count=500, today=TODAY, seed=11)
        site.stories[PATH] = WrittenStory(TITLE, [de for de, _ in BODY], date(2025, 8, 9))  # type: ignore[assignment]
        site.serve(today=TODAY)
        bild = replace(site.outlet, name="Bild", aliases=("BILD",))
        assert isinstance(bild, Outlet)
        config = Config(
            cache_dir=tmp_path / "cache",
            allow_private_network=True,
            retries=0,
            progress=False,
            translator="memory",
            memories=(memory,),
        )
        options = DiscoverOptions(DiscoverySettings(min_interval=0.0, listings=("sitemaps", "feeds")), day=TODAY)
        report = Checker(config, registry=Registry([bild]), discover=options).check(doc, [])
    [result] = report.results
    assert result.status == "checked", result.message
    assert result.snapshot is not None and result.snapshot.url == server.url(PATH)
    # the planted drift: "teilweise missverstanden" rendered "completely misunderstood"
    drifts = [f for f in result.findings if f.subtype in (DriftSubtype.INTENSITY, DriftSubtype.NEGATION)]
    assert any("completely" in (f.derivative.text if f.derivative else "") for f in drifts), [
        (f.subtype, f.derivative.text if f.derivative else None) for f in result.findings
    ]
