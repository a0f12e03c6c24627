"""The finder's working structures: outlet mentions, paragraph blocks, candidate passages, a span index,
and the small text helpers they share."""

from __future__ import annotations

import bisect
import re
from collections.abc import Iterable
from dataclasses import dataclass, field
from itertools import takewhile
from typing import Generic, Protocol, TypeVar
from urllib.parse import urlsplit

from provenance.attribution.patterns import BRACKETED_ABBREVIATION, QUOTE_PAIRS
from provenance.attribution.vocabulary import words as listed
from provenance.letters import strip_marks
from provenance.model import Outlet, Paragraph, QuoteSpan, Span
from provenance.segment import trim_span

T = TypeVar("T")


class OutletRegistry(Protocol):
    """What attribution needs from ``sources.Registry``."""

    def find(self, name: str) -> Outlet | None: ...

    def by_url(self, url: str) -> Outlet | None: ...

    def mentions(self, text: str) -> list[tuple[Span, Outlet]]: ...


@dataclass(frozen=True)
class Mention:
    span: Span  # the name, widened to its descriptor ("the German daily Bild")
    name_span: Span  # the name alone
    outlet: Outlet | None
    written: str
    language: str | None


@dataclass(frozen=True, eq=False)  # a block is itself: hashed by identity, cheap to look up
class Block:
    """A paragraph, block quote, heading or list item of the article, with its sentences."""

    index: int
    span: Span
    kind: str
    sentences: tuple[Span, ...]

    @classmethod
    def line(cls, index: int, span: Span) -> Block:
        """A single line standing as a block of its own (a credit line cut from a paragraph)."""
        return cls(index, span, "paragraph", (span,))


@dataclass
class Candidate:
    """A passage a recogniser proposes: what it covers, whose it is and the evidence (cue, context)."""

    span: Span
    kind: str
    mention: Mention
    cue: Span | None
    confidence: float
    open_end: bool = False
    extra_urls: list[str] = field(default_factory=list)
    context: list[Span] = field(default_factory=list)  # attribution text whose links belong to the passage


class SpanIndex(Generic[T]):
    """Items with spans, sorted by start, for quick overlap queries on long documents."""

    def __init__(self, items: Iterable[tuple[Span, T]] = ()) -> None:
        pairs = sorted(items, key=lambda it: (it[0].start, it[0].end))
        self.starts = [sp.start for sp, _ in pairs]
        self.items = pairs
        self.longest = max((len(sp) for sp, _ in pairs), default=0)

    def add(self, span: Span, item: T) -> None:
        i = bisect.bisect_right(self.starts, span.start)
        self.starts.insert(i, span.start)
        self.items.insert(i, (span, item))
        self.longest = max(self.longest, len(span))

    def overlapping(self, span: Span) -> list[T]:
        """Items whose span overlaps ``span`` or lies inside it (empty spans count at their position)."""
        lo = bisect.bisect_left(self.starts, span.start - self.longest)
        hi = bisect.bisect_right(self.starts, span.end)
        return [
            item
            for sp, item in self.items[lo:hi]
            if sp.overlaps(span) or span.contains(sp) or (len(sp) == 0 and span.start <= sp.start < span.end)
        ]


def strip(text: str, span: Span) -> Span:
    return Span(*trim_span(text, span.start, span.end))


def split_paragraphs(text: str) -> list[Paragraph]:
    """Blank-line paragraphs, for documents built without them."""
    out = []
    for m in re.finditer(r"\S(?:.*?\S)?(?=\s*\n[ \t]*\n|\s*$)", text, re.S):
        out.append(Paragraph(len(out), Span(m.start(), m.end()), m.group(0)))
    return out


def find_quotes(text: str) -> list[QuoteSpan]:
    """Quotation-mark pairs within a paragraph (fallback when the document carries none)."""
    out: list[QuoteSpan] = []
    i = 0
    while i < len(text):
        ch = text[i]
        close = QUOTE_PAIRS.get(ch)
        if close is None or (ch in "'’‘" and i > 0 and text[i - 1].isalnum()):
            i += 1
            continue
        j = text.find(close, i + 1)
        limit = text.find("\n\n", i + 1)
        if j == -1 or (limit != -1 and j > limit):
            i += 1
            continue
        out.append(QuoteSpan(Span(i, j + 1), Span(i + 1, j), ch))
        i = j + 1
    return out


def after_apposition(mention: Mention, post: str) -> str:
    """Text after a name, without the comma closing an apposition ("the daily, Helsingin Sanomat, reported"), an
    abbreviation in brackets ("(LZ)") or a regional edition's place ("Suspilne Odesa reported", "NRK Troms said")."""
    name = mention.written
    # (the abbreviation first: "the country's biggest daily, Helsingin Sanomat (HS), says")
    post = post[m.end() :] if (m := BRACKETED_ABBREVIATION.match(post)) else post
    if post.startswith(",") and re.search(r",\s+[^,]+$", name):
        return post[1:]
    edition = _EDITION.match(post)
    return post[edition.end() :] if edition else post


_EDITION = re.compile(r"[ \t]+[A-ZÀ-Þ][\w'’-]+(?:[ \t]+[A-ZÀ-Þ][\w'’-]+)?(?=[ \t]+[a-z])")


def same_outlet(a: Mention, b: Mention) -> bool:
    if a.outlet is not None and b.outlet is not None:
        return a.outlet.id == b.outlet.id
    if a.outlet is not None or b.outlet is not None:
        # a registered outlet and its initials the registry does not list: "JN" for "Jornal de Notícias"
        known, other = (a, b) if a.outlet is not None else (b, a)
        assert known.outlet is not None
        return any(_initials_of(_core(other.written), name) for name in (known.outlet.name, *known.outlet.aliases))
    # the same unregistered name, once with its description: "The weekly magazine El Temps" and "El Temps",
    # "Capital, the business weekly" and "Capital"
    x, y = sorted((_core(a.written), _core(b.written)), key=len)
    if _initials_of(x, y):
        return True  # "LZ" for "Lebensmittel Zeitung"
    # "Gazeta Olsztynska" is "Gazeta Olsztyńska" written without diacritics; "Delmagyar" is "Delmagyar.hu"
    x, y = sorted((_DOMAIN_END.sub("", _plain(x)), _DOMAIN_END.sub("", _plain(y))), key=len)
    return x == y or (len(x) >= 3 and y.endswith(" " + x))


# a site's name written as its domain: "Delmagyar.hu", "Aktualne.cz"
_DOMAIN_END = re.compile(r"(?<=\w)\.[a-z]{2,3}$")


def goes_on_with(named: Mention, later: Mention) -> bool:
    """``later`` credits the outlet ``named`` credited: the same outlet, or that one described again by words its
    name holds (one report, sentence after sentence)."""
    return same_outlet(named, later) or described_again(named, later) or _short_form(named, later)


# an outlet written by the first word or words of its name: "Valor" for "Valor Econômico", "the Schwäbische" for "the
# Schwäbische Zeitung"; shorter words are articles and particles
SHORT_FORM_LETTERS = 4


def _short_form(named: Mention, later: Mention) -> bool:
    """``later`` writes an unregistered ``named`` by the first word or words of its name ("the Schwäbische" after
    "the Schwäbische Zeitung, the Ravensburg-based regional paper")."""
    if named.outlet is not None or later.outlet is not None:
        return False
    short, full = _plain(_core(later.written)), _plain(_core(named.written))
    return len(short) >= SHORT_FORM_LETTERS and full.startswith(short + " ")


def described_again(named: Mention, later: Mention) -> bool:
    """``later`` describes the outlet ``named`` named by words its name holds, as the next sentence of one report
    does: "the Sao Paulo newspaper" after "Folha de São Paulo", "the Frankfurt paper" after "Frankfurter
    Allgemeine"; "the Berlin daily Tagesspiegel" is a name of its own."""
    if later.outlet is not None:
        return False
    names = (named.outlet.name, *named.outlet.aliases) if named.outlet is not None else (named.written,)
    return _described_by_its_name(later.written, names)


def _described_by_its_name(written: str, names: tuple[str, ...]) -> bool:
    words = _core(written).split()
    caps = list(takewhile(lambda w: w[:1].isupper(), words))
    rest = words[len(caps) :]
    if not caps or not rest or len(rest) > 3 or not all(w.islower() for w in rest):
        return False
    part = _plain(" ".join(caps))
    return any(re.search(rf"(?<!\w){re.escape(part)}", _plain(n)) and _plain(_core(n)) != part for n in names)


# letters NFKD does not split into a base and a mark
_PLAIN_LETTERS = str.maketrans({"ł": "l", "ø": "o", "đ": "d", "ħ": "h", "ı": "i", "ß": "ss"})


def _plain(name: str) -> str:
    """A name lower-cased and without diacritics, as English text often writes foreign names."""
    return strip_marks(name.lower().translate(_PLAIN_LETTERS))


def _initials_of(short: str, name: str) -> bool:
    """``short`` is the initials of ``name``'s words, with or without its particles ("JN", "JDN" for "Jornal de
    Notícias"; "LZ" for "Lebensmittel Zeitung")."""
    if not (short.isupper() and 2 <= len(short) <= 5) or short == name:
        return False
    words = [part for w in name.split() for part in _compound_parts(w)]
    return short in ("".join(w[0] for w in words).upper(), "".join(w[0] for w in words if not w.islower()).upper())


_COMPOUND_ENDINGS = tuple(listed("unknown_outlets.compound_endings"))


def _compound_parts(word: str) -> tuple[str, ...]:
    """A masthead compounded with a newspaper word counts both parts: "Aamulehti" goes by "AL", "Dagbladet" by
    "DB"."""
    low = word.lower()
    for end in _COMPOUND_ENDINGS:
        if low.endswith(end) and len(low) >= len(end) + 3:
            return word[: -len(end)], word[-len(end) :]
    return (word,)


def initials(written: str) -> str | None:
    """The initials an outlet's name may go by ("JN" for "the Porto-based Jornal de Notícias", "SZ" for
    "Sächsische Zeitung"): its capitalised words' first letters, when it has two or more besides an article."""
    words = [w for w in _core(written).split() if w[:1].isupper() and w.lower() not in _FOREIGN_ARTICLES]
    return "".join(w[0] for w in words).upper() if len(words) >= 2 else None


def _core(written: str) -> str:
    """An unregistered outlet's name without its description: of the parts an apposition's commas make, the first
    with a capitalised word that is not an article, from that word on ("the business weekly Trend" -> "Trend",
    "The magazine, Lebensmittel Zeitung" -> "Lebensmittel Zeitung")."""
    for part in written.split(","):
        words = part.split()
        # (and a description's place or language: "Tampere-based daily Aamulehti", "Arabic-language")
        while words and (words[0].islower() or words[0].lower() in _ARTICLES
                         or words[0].endswith(("-based", "-language"))):
            words = words[1:]
        if words:
            return " ".join(words)
    return written.strip()


_ARTICLES = frozenset(listed("articles.english"))
# articles opening a title: "El País" has one word of its own, no initials
_FOREIGN_ARTICLES = frozenset(listed("articles.title"))


def is_homepage(url: str) -> bool:
    path = urlsplit(url).path
    return path in ("", "/") or len(path.strip("/")) < 3
