"""Fake news outlets for discovery tests: hundreds of generated pages served on 127.0.0.1.

Each story is a topic (four sentences, written by us in English, German and Russian) filled with a
person, a town and a number. An outlet serves every story as a page, lists them in a sitemap index
(a news sitemap for recent stories, an old one for the rest), an RSS feed named on its home page,
and a robots.txt. Same-topic stories on the same day and near-duplicates (an updated version with
one sentence changed) are there on purpose: they are what discovery must tell apart.
"""

from __future__ import annotations

import hashlib
import html
import random
from dataclasses import dataclass, field
from datetime import date, timedelta

import numpy as np

from provenance.discover.keywords import fold
from provenance.model import Outlet, Passage, Span
from tests.loopback import LoopbackServer, Reply

# topic -> language -> (headline, four sentences); {p} person, {t} town, {n} number
TOPICS: dict[str, dict[str, tuple[str, list[str]]]] = {
    "bridge": {
        "en": (
            "{p} opens new bridge in {t}",
            [
                "Mayor {p} opened the new bridge over the river in {t} on Monday.",
                "The construction in {t} cost {n} million euros and took three years.",
                "Residents of {t} had waited {n} months for the crossing, {p} said.",
                "Critics in {t} complain that the cycle path is too narrow, {p} admitted.",
            ],
        ),
        "de": (
            "{p} eröffnet neue Brücke in {t}",
            [
                "Bürgermeister {p} hat am Montag die neue Brücke über den Fluss in {t} eröffnet.",
                "Der Bau in {t} kostete {n} Millionen Euro und dauerte drei Jahre.",
                "Die Anwohner in {t} hätten {n} Monate auf den Übergang gewartet, sagte {p}.",
                "Kritiker in {t} bemängeln, dass der Radweg zu schmal sei, räumte {p} ein.",
            ],
        ),
        "ru": (
            "{p} открыл новый мост в {t}",
            [
                "Мэр {p} в понедельник открыл новый мост через реку в {t}.",
                "Строительство в {t} обошлось в {n} миллионов евро и заняло три года.",
                "Жители {t} ждали этой переправы {n} месяцев, сказал {p}.",
                "Критики в {t} жалуются, что велодорожка слишком узкая, признал {p}.",
            ],
        ),
    },
    "flood": {
        "en": (
            "Flooding in {t}: {n} homes evacuated",
            [
                "After days of heavy rain, {n} homes in {t} had to be evacuated.",
                "The fire brigade of {t} worked through the night with {n} helpers to reinforce the dams.",
                "District chief {p} said the situation in {t} was under control.",
                "Meteorologists expect {n} more litres of rain in {t} at the weekend.",
            ],
        ),
        "de": (
            "Hochwasser in {t}: {n} Häuser geräumt",
            [
                "Nach tagelangem Starkregen mussten in {t} {n} Häuser geräumt werden.",
                "Die Feuerwehr von {t} arbeitete mit {n} Helfern die ganze Nacht, um die Deiche zu verstärken.",
                "Landrat {p} sagte, die Lage in {t} sei unter Kontrolle.",
                "Meteorologen erwarten am Wochenende weitere {n} Liter Regen in {t}.",
            ],
        ),
        "ru": (
            "Наводнение в {t}: эвакуированы {n} домов",
            [
                "После нескольких дней сильных дождей в {t} пришлось эвакуировать {n} домов.",
                "Пожарные {t} вместе с {n} помощниками всю ночь укрепляли дамбы.",
                "Глава района {p} заявил, что ситуация в {t} под контролем.",
                "Синоптики ожидают на выходных ещё {n} литров дождя в {t}.",
            ],
        ),
    },
    "strike": {
        "en": (
            "Train drivers strike in {t}",
            [
                "Train drivers in {t} stopped work on Tuesday morning, {p} confirmed.",
                "The union in {t} demands {n} percent more pay for its members.",
                "Union leader {p} accused the railway in {t} of stalling the talks.",
                "{n} commuters in {t} had to switch to buses, {p} said.",
            ],
        ),
        "de": (
            "Lokführer streiken in {t}",
            [
                "Die Lokführer in {t} haben am Dienstagmorgen die Arbeit niedergelegt, bestätigte {p}.",
                "Die Gewerkschaft in {t} fordert {n} Prozent mehr Lohn für ihre Mitglieder.",
                "Gewerkschaftschef {p} warf der Bahn in {t} vor, die Gespräche zu verschleppen.",
                "{n} Pendler in {t} mussten auf Busse ausweichen, sagte {p}.",
            ],
        ),
        "ru": (
            "Машинисты бастуют в {t}",
            [
                "Машинисты поездов в {t} во вторник утром прекратили работу, подтвердил {p}.",
                "Профсоюз в {t} требует повысить зарплату своим членам на {n} процентов.",
                "Лидер профсоюза {p} обвинил железную дорогу в {t} в затягивании переговоров.",
                "{n} пассажирам в {t} пришлось пересесть на автобусы, сказал {p}.",
            ],
        ),
    },
    "school": {
        "en": (
            "{t} builds {n} new schools",
            [
                "The city of {t} wants to build {n} new schools by the end of the decade.",
                "Education official {p} presented the plans to the council of {t} on Wednesday.",
                "{n} classrooms in {t} are currently overcrowded.",
                "The opposition in {t} doubts that the money will be enough, {p} conceded.",
            ],
        ),
        "de": (
            "{t} baut {n} neue Schulen",
            [
                "Die Stadt {t} will bis zum Ende des Jahrzehnts {n} neue Schulen bauen.",
                "Bildungsdezernent {p} stellte die Pläne am Mittwoch dem Stadtrat von {t} vor.",
                "{n} Klassenzimmer in {t} sind derzeit überfüllt.",
                "Die Opposition in {t} bezweifelt, dass das Geld reicht, räumte {p} ein.",
            ],
        ),
        "ru": (
            "{t} построит {n} новых школ",
            [
                "Город {t} хочет построить {n} новых школ до конца десятилетия.",
                "Чиновник по образованию {p} в среду представил планы совету в {t}.",
                "{n} классов в {t} сейчас переполнены.",
                "Оппозиция в {t} сомневается, что денег хватит, признал {p}.",
            ],
        ),
    },
    # a round-up: one headline for many pages, the story of the day in the middle (never drawn by populate)
    "roundup": {
        "de": (
            "Nachrichten aus der Region",
            [
                "Der Kreistag hat am Dienstag den Haushalt für das kommende Jahr beschlossen.",
                "Auf der Landstraße bei {t} stauten sich die Autos wegen einer Baustelle.",
                "In {t} hat Bürgermeister {p} eine neue Fußgängerbrücke über den Kanal freigegeben.",
                "Sie ist {n} Meter lang und wird nachts beleuchtet.",
                "Der Bau hatte sich um {n} Wochen verzögert, weil Stahl fehlte, sagte {p}.",
                "Am Wochenende beginnt außerdem der Frühjahrsmarkt auf dem Domplatz.",
            ],
        ),
    },
}
NEWS_TOPICS = ("bridge", "flood", "school", "strike")  # what populate draws from
PEOPLE = {
    "en": ["Müller", "Schneider", "Petrov", "Ivanova", "Weber", "Sokolov", "Fischer", "Volkova", "Becker", "Orlov"],
    "de": ["Müller", "Schneider", "Petrow", "Iwanowa", "Weber", "Sokolow", "Fischer", "Wolkowa", "Becker", "Orlow"],
    "ru": ["Мюллер", "Шнайдер", "Петров", "Иванова", "Вебер", "Соколов", "Фишер", "Волкова", "Беккер", "Орлов"],
}
TOWNS = {
    "en": ["Lindau", "Kassel", "Tver", "Kazan", "Passau", "Samara", "Goslar", "Tula", "Husum", "Omsk"],
    "de": ["Lindau", "Kassel", "Twer", "Kasan", "Passau", "Samara", "Goslar", "Tula", "Husum", "Omsk"],
    "ru": ["Линдау", "Касселе", "Твери", "Казани", "Пассау", "Самаре", "Госларе", "Туле", "Хузуме", "Омске"],
}


@dataclass(frozen=True)
class Story:
    topic: str
    person: int
    town: int
    number: int
    day: date
    changed: bool = False  # an updated version: the last sentence is replaced

    def text(self, lang: str) -> tuple[str, list[str]]:
        head, sentences = TOPICS[self.topic][lang]
        slots = {"p": PEOPLE[lang][self.person], "t": TOWNS[lang][self.town], "n": str(self.number)}
        body = [s.format(**slots) for s in sentences]
        if self.changed:
            body[-1] = {
                "en": "The story will be updated.",
                "de": "Der Text wird aktualisiert.",
                "ru": "Текст будет дополнен.",
            }[lang]
        return head.format(**slots), body


@dataclass
class FakeOutlet:
    outlet_id: str
    language: str
    server: LoopbackServer
    stories: dict[str, Story] = field(default_factory=dict)  # path -> story
    hidden: set[str] = field(default_factory=set)  # paths left out of every listing

    @property
    def outlet(self) -> Outlet:
        domain = self.server.base_url.removeprefix("http://")
        return Outlet(id=self.outlet_id, name=self.outlet_id.title(), language=self.language, domains=(domain,))

    def page(self, path: str) -> bytes:
        title, body = self.stories[path].text(self.language)
        paras = "".join(f"<p>{html.escape(s)}</p>" for s in body)
        return (
            f"<html lang='{self.language}'><head><title>{html.escape(title)}</title></head><body>"
            f"<nav><a href='/'>Start</a></nav><article><h1>{html.escape(title)}</h1>{paras}</article></body></html>"
        ).encode()

    def serve(self, *, robots: str | None = None, today: date) -> None:
        srv = self.server
        for path in self.stories:
            srv.route(path, lambda _r, p=path: Reply(200, self.page(p), {"Content-Type": "text/html; charset=utf-8"}))
        listed = [p for p in self.stories if p not in self.hidden]
        recent = [p for p in listed if (today - self.stories[p].day).days <= 30]
        old = [p for p in listed if p not in recent]
        srv.route(
            "/robots.txt",
            Reply(
                200,
                (robots or f"User-agent: *\nDisallow: /intern/\n\nSitemap: {srv.url('/sitemap-index.xml')}\n").encode(),
                {"Content-Type": "text/plain"},
            ),
        )
        index = (
            "<?xml version='1.0' encoding='UTF-8'?><sitemapindex xmlns='http://www.sitemaps.org/schemas/sitemap/0.9'>"
            f"<sitemap><loc>{srv.url('/sitemap-news.xml')}</loc><lastmod>{today.isoformat()}</lastmod></sitemap>"
            f"<sitemap><loc>{srv.url('/sitemap-2019.xml')}</loc><lastmod>2019-12-31</lastmod></sitemap>"
            "</sitemapindex>"
        )
        xml = {"Content-Type": "application/xml"}
        srv.route("/sitemap-index.xml", Reply(200, index.encode(), xml))
        srv.route("/sitemap-news.xml", Reply(200, self._news_sitemap(recent).encode(), xml))
        srv.route("/sitemap-2019.xml", Reply(200, self._news_sitemap(old).encode(), xml))
        feed_link = f"<link rel='alternate' type='application/rss+xml' href='{srv.url('/feed.rss')}'>"
        srv.route(
            "/",
            Reply(
                200, f"<html><head>{feed_link}</head><body>Start</body></html>".encode(), {"Content-Type": "text/html"}
            ),
        )
        srv.route("/feed.rss", Reply(200, self._rss(recent[-20:]).encode(), {"Content-Type": "application/rss+xml"}))

    def _news_sitemap(self, paths: list[str]) -> str:
        rows = []
        for path in paths:
            story = self.stories[path]
            title, _ = story.text(self.language)
            rows.append(
                f"<url><loc>{self.server.url(path)}</loc><news:news><news:publication><news:name>X</news:name>"
                f"<news:language>{self.language}</news:language></news:publication>"
                f"<news:publication_date>{story.day.isoformat()}T08:00:00+01:00</news:publication_date>"
                f"<news:title>{html.escape(title)}</news:title></news:news></url>"
            )
        return (
            "<?xml version='1.0' encoding='UTF-8'?><urlset xmlns='http://www.sitemaps.org/schemas/sitemap/0.9' "
            "xmlns:news='http://www.google.com/schemas/sitemap-news/0.9'>" + "".join(rows) + "</urlset>"
        )

    def _rss(self, paths: list[str]) -> str:
        items = []
        for path in paths:
            title, body = self.stories[path].text(self.language)
            day = self.stories[path].day.strftime("%a, %d %b %Y 08:00:00 +0000")
            items.append(
                f"<item><title>{html.escape(title)}</title><link>{self.server.url(path)}</link>"
                f"<description>{html.escape(body[0])}</description><pubDate>{day}</pubDate></item>"
            )
        return f"<?xml version='1.0'?><rss version='2.0'><channel><title>X</title>{''.join(items)}</channel></rss>"


def populate(site: FakeOutlet, *, count: int, today: date, seed: int) -> None:
    """``count`` stories over the 60 days before ``today``, slugs written from the headline."""
    rng = random.Random(seed)
    topics = sorted(NEWS_TOPICS)
    for i in range(count):
        story = Story(
            rng.choice(topics),
            rng.randrange(10),
            rng.randrange(10),
            rng.randrange(2, 900),
            today - timedelta(days=rng.randrange(60)),
        )
        site.stories[f"/news/{i:04d}-{story.topic}.html"] = story


def passage(text: str, outlet: Outlet, lang: str = "en") -> Passage:
    return Passage(
        id="p1",
        text=text,
        span=Span(0, len(text)),
        kind="leadin",
        outlet=outlet,
        outlet_name=outlet.name,
        language=lang,
        cue="From",
    )


class WordHashEmbedder:
    """Bag of folded word stems hashed into 256 dimensions: same-language similarity, fast and fixed."""

    name = "word-hash"

    def embed(self, texts: list[str]) -> np.ndarray:
        out = np.zeros((len(texts), 256), dtype=np.float32)
        for i, text in enumerate(texts):
            for word in text.split():
                key = fold(word.strip(".,:;!?"))[:6]
                if key:
                    out[i, int(hashlib.sha256(key.encode()).hexdigest(), 16) % 256] += 1.0
            norm = np.linalg.norm(out[i])
            if norm:
                out[i] /= norm
        return out
