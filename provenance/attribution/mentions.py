"""Where the document names an outlet: registry names, German genitives, names after a description
("the German daily X"), names described after them ("X, the Moscow daily,"), and unknown outlets named again."""

from __future__ import annotations

import re
from collections.abc import Callable

from provenance.attribution.lexicon import Lexicon
from provenance.attribution.patterns import DATELINE, FOREIGN_ARTICLE, GENITIVE, WORD_RE
from provenance.attribution.structures import Mention, OutletRegistry, SpanIndex
from provenance.attribution.vocabulary import either, words
from provenance.model import Outlet, Span

# "newspaper, the X": English articles (data/attribution.toml)
_ARTICLES = frozenset(words("articles.english"))
_ARTICLE = either(words("articles.english"))


def widen_start(text: str, start: int, lex: Lexicon) -> int:
    """Where a name's description begins: "the German daily Bild", "Japan's second-largest newspaper, the
    Asahi Shimbun" (an apposition before the name, with or without its own article), "the Belgian newspaper 'Le
    Soir'" (the name in quotation marks); never before the end of a live blog's time or a dateline opening the
    line ("10:15 CET The Moscow daily Kommersant")."""
    line = text.rfind("\n", 0, start) + 1
    lead = DATELINE.match(text, line, start)
    # (nor before the paragraph: "... in the Gaeltacht" above is no part of "Irish-language news site X")
    paragraph = paragraph_start(text, max(0, start - _PARAGRAPH_REACH), start)
    return max(_widened(text, start, lex), lead.end() if lead else 0, paragraph)


_PARAGRAPH_REACH = 120  # further back than any description reaches
_BLANK_LINE = re.compile(r"\n[ \t]*\n\s*")


def paragraph_start(text: str, lo: int, hi: int) -> int:
    """Where the paragraph that holds position ``hi`` starts, looking back no further than ``lo``: after the last
    blank line between them, else ``lo``. A name's description does not reach across a paragraph break."""
    return max((m.end() for m in _BLANK_LINE.finditer(text, lo, hi)), default=lo)


def _widened(text: str, start: int, lex: Lexicon) -> int:
    if start > 1 and text[start - 1] in "\"“‘'«" and text[start - 2].isspace():
        quoted = _widened(text, start - 1, lex)
        return quoted if quoted < start - 1 else start
    before = text[max(0, start - 40) : start].split()
    if before and before[-1].lower() in _ARTICLES and len(before) > 1 and before[-2].endswith(","):
        before = before[:-1]  # "newspaper, the X"
    # cheap test before the regex
    if not before or before[-1].lower().rstrip(",") not in lex.descriptor_last_words:
        adjectives = lex.bare_adjectives.search(text[max(0, start - 60) : start])  # "writes reformist Sharq"
        return start - len(adjectives.group(0)) if adjectives else start
    window = text[max(0, start - 80) : start]
    article = re.search(rf",\s+(?:{_ARTICLE})\s+$", window, re.I)
    body = window[: article.start() + 1] + " " if article else window
    prefix = lex.descriptor_prefix.search(body)
    if not prefix:
        return start
    return start - (len(window) - (len(body) - len(prefix.group(0))) if article else len(prefix.group(0)))


# the end of a line's label after a name: "(Ranchi, Hindi):", ":"
_LABEL_END = re.compile(r"[ \t]*(?:\([^()\n]{1,40}\))?[ \t*_]*:")


# "Diário de Notícias da Madeira": a particle and a capitalised word after a registered name continue it
_EDITION = re.compile(rf" (?:{either(words('names.edition_particles'))}) ([A-ZÀ-Þ][\w'’&-]*)")


class MentionFinder:
    """Finds the outlet mentions of one text."""

    def __init__(
        self, text: str, registry: OutletRegistry, lex: Lexicon, is_english_word: Callable[[str], bool] | None = None
    ) -> None:
        self.text = text
        self.registry = registry
        self.lex = lex
        # tells a region ("Dalarna") from a word of a longer name ("Capital"); without it no regional editions
        self.is_english_word = is_english_word

    def exact(self, name: str) -> Outlet | None:
        """The registered outlet that is called ``name``; not one whose name merely sits inside it ("TV Asahi" is
        no Asahi Shimbun, "Brněnský deník" no Deník)."""
        outlet = self.registry.find(name)
        if outlet is None:
            return None
        folded = " ".join(name.split()).strip(" \"'“”„«»").casefold()
        return outlet if folded in {f.casefold() for f in (outlet.name, *outlet.aliases)} else None

    def _case_checked(self, known: list[tuple[Span, Outlet]]) -> list[tuple[Span, Outlet]]:
        """Registry matches whose first word the text writes in lower case where every form of the name has a
        capital are a description and a shorter name: "the pro-government daily Sabah" is Sabah, not Daily Sabah."""
        out: list[tuple[Span, Outlet]] = []
        for span, outlet in known:
            written = self.text[span.start : span.end]
            forms = [f for f in (outlet.name, *outlet.aliases) if "." not in f]  # (a domain is written in lower case)
            first = written.split()[0] if written.split() else ""
            if len(written.split()) > 1 and first.islower() and all(not f[:1].islower() for f in forms):
                rest = span.start + len(written) - len(written[len(first) :].lstrip())
                tail = self.text[rest : span.end]
                out.extend((Span(rest + s.start, rest + s.end), o) for s, o in self.registry.mentions(tail))
                continue
            if self._inside_longer_name(span):
                edition = self._regional_edition(span, outlet)
                if edition is None:
                    continue  # "TV Asahi", "RBC Capital Markets": another name that holds a registered one
                span = edition  # "SVT Dalarna": the broadcaster's regional service, its place in its name
            out.append((span, outlet))
        return out

    def _regional_edition(self, span: Span, outlet: Outlet) -> Span | None:
        """A broadcaster's name and one place after it, its regional service ("SVT Dalarna", "NRK Trøndelag"): the
        span of both, else None."""
        after = re.match(r" ([A-ZÀ-Þ][\w'’-]+)(?![\w'’-]| [A-ZÀ-Þ])", self.text[span.end : span.end + 40])
        if (outlet.kind != "broadcaster" or after is None or self.is_english_word is None
                or self.is_english_word(after.group(1))):
            return None
        return Span(span.start, span.end + after.end())

    def _inside_longer_name(self, span: Span) -> bool:
        """A capitalised word right after the name, or a short all-capitals one right before it ("TV Asahi"),
        continues it into another name. (A capitalised word before it is mostly a preposition or an article:
        "Laut El País", "Wie Le Monde", "Per Telex".)"""
        before = re.search(r"(?:^|[\s(])([A-Z]{2,4}) $", self.text[max(0, span.start - 30) : span.start])
        after = re.match(r" ([A-ZÀ-Þ][\w'’&-]*)", self.text[span.end : span.end + 30]) or _EDITION.match(
            self.text, span.end, span.end + 40
        )
        # ... and so does a capitalised word before it that does not itself open the sentence: "As Prabhat Khabar
        # reported" is not the registry's Khabar
        inner = re.search(r"[a-zà-ÿ,;]\s+([A-ZÀ-Þ][a-zà-ÿ]+) $", self.text[max(0, span.start - 40) : span.start])
        if inner is None and _LABEL_END.match(self.text, span.end):
            # ... or opens a label's line: "Prabhat Khabar (Ranchi, Hindi): ..." is a press review's item
            line = self.text[max(0, span.start - 40) : span.start]
            inner = re.search(r"(?:^|\n)[ \t*_>#-]*([A-ZÀ-Þ][a-zà-ÿ]+) $", line)
        for m in (before, after, inner):
            if m is None:
                continue
            word = m.group(1).rstrip(".").lower()
            if word in self.lex.sentence_openers or word in self.lex.demonyms or word in self.lex.honorifics:
                continue
            if m is inner and FOREIGN_ARTICLE.match(m.group(1) + " "):
                continue  # "und Die Bild berichtet": an article of the name's own language
            if word in self.lex.descriptor_last_words or word in self.lex.line_fillers:
                continue
            if m is before and self.text[max(0, span.start - len(m.group(1)) - 3) : span.start].lstrip()[:1] in ".!?":
                continue
            return True
        return False

    def find(self) -> list[Mention]:
        known = sorted(self.registry.mentions(self.text), key=lambda m: (m[0].start, -m[0].end))
        out: list[Mention] = []
        for span, outlet in self._case_checked(known):
            written = self.text[span.start : span.end]
            if written.islower() and written not in (outlet.name, *outlet.aliases):
                continue  # "focus groups", "the guardian of", "público": a word, not the outlet
            start = widen_start(self.text, span.start, self.lex)
            out.append(Mention(Span(start, span.end), span, outlet, self.text[start : span.end], outlet.language))
        taken = SpanIndex((k.name_span, k) for k in out)
        for m in GENITIVE.finditer(self.text):
            # German genitive: "Nach Informationen des Spiegels" names Der Spiegel
            stem = Span(m.start("stem"), m.end("stem"))
            outlet = None if taken.overlapping(stem) else self.registry.find(m.group("stem"))
            if outlet is not None:
                name_span = Span(stem.start, stem.end + 1)
                out.append(
                    Mention(name_span, name_span, outlet, self.text[name_span.start : name_span.end], outlet.language)
                )
        known_index = SpanIndex((k.span, k) for k in out)
        for m in self._descriptor_matches():
            name_span = Span(m.start("name"), m.end("name"))
            if any(k.span.overlaps(name_span) for k in known_index.overlapping(name_span)):
                continue
            name = m.group("name")
            outlet = self.exact(name) or self.exact(m.group(0))
            end = m.end()
            if outlet is None and not self.lex.after_unknown.match(self.text[end : end + 40]):
                # "Le Canard enchaîné revealed": a title that opens with a foreign article may carry a lower-case
                # word, when a reporting verb follows it
                tail = re.match(r"[ \t]+[a-zß-ÿ][\w'’-]*", self.text[end : end + 40])
                if not (
                    FOREIGN_ARTICLE.match(name)
                    and tail
                    and self.lex.cue_after.match(self.text[end + tail.end() : end + tail.end() + 200])
                ):
                    continue  # "the daily Kremlin briefing": a capitalised word, not an outlet's name
                end += tail.end()
                name_span = Span(name_span.start, end)
            demonym = (m.group("demonym") or m.group("demonym_after") or "").lower()
            if not demonym and (named := re.search(r"([A-ZÀ-Þ][\w'’]*)-language\b", m.group(0))):
                demonym = named.group(1).lower()  # "the Hungarian-language daily X"
            language = outlet.language if outlet else self.lex.demonyms.get(" ".join(demonym.split()))
            # the name with its description: "the daily Dziennik Gazeta Prawna" took "Dziennik" as a descriptor
            if outlet is None and language is None:
                language = self.name_language(self.text[name_span.start : name_span.end]) or self.name_language(
                    self.text[m.start() : end]
                )
            # (the description starts in the name's own paragraph: "the Gaeltacht" / "Irish-language news site X")
            start = paragraph_start(self.text, m.start(), name_span.start)
            out.append(Mention(Span(start, end), name_span, outlet, self.text[start:end], language))
        out.extend(self._described_unknowns(SpanIndex((k.span, k) for k in out)))
        out.extend(self._named_again(out))
        return sorted(out, key=lambda m: m.span.start)

    def _named_again(self, mentions: list[Mention]) -> list[Mention]:
        """An outlet missing from the registry, once introduced as one ("Hungarian news site Telex", "Vedomosti,
        the Moscow daily,"), is the same outlet where its name recurs alone ("Per Telex, ...")."""
        names: dict[str, Mention] = {}
        for m in mentions:
            if m.outlet is not None:
                continue
            name = self.text[m.name_span.start : m.name_span.end]
            # only a name next to its description: "the Geneva daily" describes a daily in Geneva, not one named so
            if len(name) >= 3 and (m.written.endswith(name) or m.written.startswith(name + ",")):
                names.setdefault(name, m)
        if not names:
            return []
        taken = SpanIndex((m.span, m) for m in mentions)
        out = []
        alternatives = "|".join(re.escape(n) for n in sorted(names, key=len, reverse=True))
        pattern = re.compile(rf"(?<![\w-])(?:{alternatives})(?![\w-])")
        for hit in pattern.finditer(self.text):
            span = Span(hit.start(), hit.end())
            if taken.overlapping(span):
                continue
            first = names[hit.group()]
            out.append(Mention(span, span, None, hit.group(), first.language))
        return out

    def name_language(self, name: str) -> str | None:
        """The language an unknown outlet's own name shows: "Die Presse", "Dziennik Gazeta Prawna"."""
        words = WORD_RE.findall(name)
        if not words:
            return None
        if words[0] in self.lex.name_first and len(words) > 1:
            return self.lex.name_first[words[0]]
        return next((self.lex.name_any[w.lower()] for w in words if w.lower() in self.lex.name_any), None)

    def _described_unknowns(self, known: SpanIndex[Mention]) -> list[Mention]:
        """Outlets missing from the registry that the text describes as outlets after their name:
        "Vedomosti, the Moscow business daily, ..." and "the Rheinische Post newspaper"."""
        out: list[Mention] = []
        for m in [
            *self.lex.apposition_after.finditer(self.text),
            *self.lex.name_descriptor.finditer(self.text),
            *self.lex.seen_by.finditer(self.text),
        ]:
            start = m.start("name")
            words = list(WORD_RE.finditer(m.group("name")))
            while words and words[0].group().lower() in self.lex.sentence_openers | self.lex.demonyms.keys():
                words.pop(0)  # "On Monday Vedomosti": the name starts after the sentence's opening words
            if not words or words[0].group().rstrip(".").lower() in self.lex.honorifics:
                continue  # "documents seen by Judge Weber": a person
            start += words[0].start()
            name_span = Span(start, m.end("name"))
            name = self.text[name_span.start : name_span.end]
            # "the German newspaper", "the Kremlin-friendly daily", "Finland's": a description, not a name
            if any(re.search(r"-\w*[a-z]$|['’]s$", w.group()) or w.group().lower() in self.lex.demonyms for w in words):
                continue
            if any(k.span.overlaps(name_span) for k in known.overlapping(name_span)):
                continue
            span = (
                Span(start, m.end())
                if "desc" in m.groupdict()
                else name_span
                if m.re is self.lex.seen_by
                else Span(m.start(), m.end())
            )
            described = self.text[span.start : span.end]
            language = next(
                (self.lex.demonyms[w.lower()] for w in WORD_RE.findall(described) if w.lower() in self.lex.demonyms),
                None,
            )
            language = language or self.name_language(name)
            written = described if "desc" in m.groupdict() or m.re is self.lex.name_descriptor else name
            mention = Mention(span, name_span, None, written, language)
            out.append(mention)
            known.add(span, mention)
        return out

    def _descriptor_matches(self) -> list[re.Match[str]]:
        """Matches of "the German daily Name", found from their descriptor word (fast on long texts)."""
        out: dict[int, re.Match[str]] = {}
        for hit in self.lex.descriptor_hit.finditer(self.text):
            name_start = hit.start("name")
            if name_start in out:
                continue
            window = max(0, hit.start() - 80)
            matches = list(self.lex.descriptor_name.finditer(self.text, window, min(len(self.text), hit.end() + 200)))
            for m in matches:
                if m.start("name") == name_start:
                    out[name_start] = m
                    break
            else:
                # "the daily Dziennik Gazeta Prawna", "the daily Diario de Sevilla": the hit's name word is itself a
                # foreign descriptor that the regex took as part of the description
                for m in matches:
                    if m.start() < name_start < m.start("name") and m.start("name") not in out:
                        out[m.start("name")] = m
                        break
        return [out[k] for k in sorted(out)]

    # ------------------------------------------------------------------ helpers
