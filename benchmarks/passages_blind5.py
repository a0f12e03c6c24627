"""Score attribution on the blind5 splits: credited passages as real text writes them, outlets named by name.

Two authors who had not read the finder wrote these articles (tests/fixtures/passages/blind5 and blind5h) after
a study of real English news text crediting foreign outlets (docs/attribution-constructions.md): most outlets
are regional or small, many missing from the registry, credited in the ways real text does it (name alone,
descriptor before or after, interviews, headline credits, lead-in blocks, continuations). Each split has its
own ``gold.toml`` naming outlets by their proper name (``outlet_name``) and how the article writes them
(``as_written``), with the frame words inside each passage.

``blind5`` (author A: de, fr, ru, ja, el, cs, nl, tr) is the development half: its errors are printed.
``blind5h`` (author B: es, it, pl, uk, pt, sv, no, hu, ko, ar) is held out: only its numbers are printed, and it
is run with ``--heldout`` (first run and final run only). Later pairs follow the same scheme: ``blind6``/``blind6h``,
``blind7``/``blind7h`` and ``blind8``/``blind8h`` (eighth session; G: de, es, pt, ru, uk, ja, ko, sv, fi, hu, el,
cs; H: fr, it, de, ar, fa, no, sk, hr/sr, bg, id, hi, vi). The finder runs with ``same_language=False``
(``passages --foreign-only``): the authors' brief made outlets writing in English traps, not credited passages.

Scores, as the passages issue asks: overlap P/R (Jaccard >= 0.8, outlet agreeing), strict P/R (both ends within
15 characters), outlet identified (of passages matched by span alone, the share whose outlet agrees), frame
recall (gold frame snippets covered by a predicted frame span), and the share of gold outlets the registry does
not know. Run: ``python -m benchmarks.passages_blind5 [--heldout]``.
"""

from __future__ import annotations

import bisect
import sys
import time
import tomllib
import unicodedata
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, table, write_section
from benchmarks.passages import Counts, jaccard, locate
from provenance.model import Passage, Span

FIXTURES = ROOT / "tests" / "fixtures" / "passages"
DEV, HELDOUT = "blind5", "blind5h"
# blind6 (authors C and D, written from the construction catalogue's distribution while blind5 was being scored):
# the next independent estimate; first run recorded at the end of the session that commissioned it
DEV6, HELDOUT6 = "blind6", "blind6h"
# blind7 (authors E and F, written from a distribution brief without reading the code, at the start of the seventh
# session): the next estimate after blind5h and blind6h were spent
DEV7, HELDOUT7 = "blind7", "blind7h"
# blind8 (authors G and H, eighth session; the same distribution brief as blind7, other outlet languages): the
# estimate after blind7h was spent
DEV8, HELDOUT8 = "blind8", "blind8h"
# blind9h (author I, ninth session; the same brief, 19 outlet languages, about half regional or niche outlets): held
# out, the estimate after blind8h was spent (blind8h is development data from the ninth session on)
HELDOUT9 = "blind9h"
# the tenth session's held-out split (blind9h was spent by the ninth session's final run: development from now on)
HELDOUT10 = "blind10h"
# the eleventh session's held-out split (author L; the same brief, 34 outlet languages, more interviews, digests,
# delayed credits and outlets described before they are named). blind10h is development from this session on
HELDOUT11 = "blind11h"
# the twelfth session's held-out split (author M; the same brief, 34 outlet languages, with the extent convention
# written out: one outlet's consecutive paragraphs are one passage, a Q&A runs from the first question to the last
# answer). blind11h is development from this session on
HELDOUT12 = "blind12h"
# the thirteenth session's held-out split (author N; the same brief, 36 outlet languages, 33 of 52 passages from
# regional or niche outlets). blind12h is development from this session on
HELDOUT13 = "blind13h"
# the fourteenth session's held-out split (author P; the same brief, 38 outlet languages, 33 of 50 passages from
# regional or niche outlets). blind13h is development from this session on
HELDOUT14 = "blind14h"
# the fifteenth session's held-out split (author T; the same brief, outlets in at least 30 languages, at least 20
# passages from outlets outside a registry of famous ones). blind14h is development from this session on
HELDOUT15 = "blind15h"
# the sixteenth session's held-out split (author X; the same brief, outlets in 43 languages, 33 of 52 passages from
# regional or niche outlets; the author ran 30 searches of real pages). blind15h is development from this session on
HELDOUT16 = "blind16h"
# the seventeenth session's held-out split (author Z; the same brief, outlets in at least 35 languages, none used
# more than twice). blind16h is development from this session on
HELDOUT17 = "blind17h"
# the eighteenth session's held-out split (author AB; the same brief, outlets in 42 languages, none used more than
# twice, 45 of 51 passages from regional or niche outlets; 25 searches of real pages). blind17h is development from
# this session on
HELDOUT18 = "blind18h"
# the nineteenth session's held-out split (author AD; the same brief, outlets in 44 languages, none used more than
# twice, 41 of 53 passages from regional or niche outlets; 26 searches of real pages). blind18h is development from
# this session on
HELDOUT19 = "blind19h"
# the twentieth session's held-out split (author AF; the same brief, outlets in at least 40 languages, none used more
# than twice, at least 70% of passages from regional or niche outlets). blind19h is development from this session on
HELDOUT20 = "blind20h"
# the twenty-first session's held-out split (author AH; the same brief, outlets in 46 languages, none used more than
# twice, 45 of 53 passages from regional or niche outlets; 25 searches of real pages). blind20h is development from
# this session on
HELDOUT21 = "blind21h"
# the twenty-first session's second held-out split (author AJ; the same brief, outlets in 50 languages, none used
# more than twice, 44 of 54 passages from regional or niche outlets; 25 searches of real pages), commissioned after
# blind21h's final run; blind21h is development from then on
HELDOUT22 = "blind22h"
# the twenty-second session's held-out split (author AL; the same brief). blind22h is development from this session
# on
HELDOUT23 = "blind23h"
# the twenty-second session's second held-out split (author AO; the same brief), commissioned after blind23h's final
# run; blind23h is development from then on
HELDOUT24 = "blind24h"
# the twenty-third session's held-out split (author AQ; the same brief, 52 passages, outlets in 48 languages, 44 of 52
# from regional, trade or minority-language outlets, 6 pure negatives). blind24h is development from this session on
HELDOUT25 = "blind25h"
# blind26h (author AS, same brief; 54 passages, outlets in 51 languages, 43 of 54 regional or niche, 6 pure
# negatives): commissioned at the end of the twenty-third session, first run at the code of its finals, held out for
# the next session (blind25h was spent by its final run). blind25h is development from the twenty-fourth session on
HELDOUT26 = "blind26h"
# blind27h (author AU, same brief; 55 passages, outlets in 52 languages, 48 of 55 regional or niche, 33 of 55 not in
# the registry, 6 pure negatives): written during the twenty-fourth session, first run at its starting commit, held out
# with blind26h until the session's final run
HELDOUT27 = "blind27h"
# blind28h (author AW, same brief; 56 passages, outlets in 54 languages, 48 of 56 regional or niche, 6 pure
# negatives): commissioned during the twenty-fourth session, first run at the code of its finals, held out for the next
# session (blind26h and blind27h were spent by those finals)
HELDOUT28 = "blind28h"
DEVELOPMENT = (DEV, DEV6, DEV7, DEV8, HELDOUT8, HELDOUT9, HELDOUT10, HELDOUT11, HELDOUT12, HELDOUT13, HELDOUT14,
               HELDOUT15, HELDOUT16, HELDOUT17, HELDOUT18, HELDOUT19, HELDOUT20, HELDOUT21, HELDOUT22, HELDOUT23,
               HELDOUT24, HELDOUT25)
HELD_OUT = (HELDOUT, HELDOUT6, HELDOUT7, HELDOUT26, HELDOUT27, HELDOUT28)
STRICT_CHARS = 15
JACCARD = 0.8
# First runs, recorded before any change made because of the split (see docs/benchmarks.md for the full notes).
FIRST_RUNS: dict[str, str] = {
    DEV: (
        "at 545f9d8, the commit before the split was read (the unknown-outlet recogniser was written before the split "
        "existed): overlap precision 0.633, recall 0.534 (31 of 58; 49 predicted); strict 0.592 / 0.500; outlet "
        "identified 31/33 of span matches; 1 false passage on the 7 negative articles. The finder as the session "
        "found it (58b1068) scored overlap 0.760 / 0.328, strict 0.720 / 0.310, no false passage."
    ),
    HELDOUT: (
        "at 545f9d8 (the same commit): overlap precision 0.619, recall 0.406 (26 of 64; 42 predicted); strict "
        "0.619 / 0.406; outlet identified 26/26; 2 false passages on the 7 negative articles. At 58b1068: overlap "
        "0.667 / 0.250, strict 0.667 / 0.250, no false passage. Its errors were not printed or read."
    ),
    DEV6: (
        "at 665cbac (the session's final finder): overlap precision "
        "0.622, recall 0.519 (28 of 54; 45 predicted); strict 0.622 / 0.519; outlet identified 28/29; no false "
        "passage on the 6 negative articles. Developed on after this run (its errors are printed)."
    ),
    HELDOUT6: (
        "at the same commit: overlap precision 0.591, recall 0.481 (26 of 54; 44 predicted); strict 0.591 / "
        "0.481; outlet identified 26/27; 2 false passages on the 6 negative articles. Errors not printed."
    ),
    DEV7: (
        "at cc986c0 (the finder as the seventh session found it, before the attribution package was restructured): "
        "overlap precision 0.682, recall 0.566 (30 of 53; 44 predicted); strict 0.659 / 0.547; outlet identified "
        "30/30; 3 false passages on the 6 negative articles."
    ),
    HELDOUT7: (
        "at the same commit: overlap precision 0.634, recall 0.491 (26 of 53; 41 predicted); strict 0.585 / 0.453; "
        "outlet identified 26/28; no false passage on the 6 negative articles. Errors not printed."
    ),
    DEV8: (
        "at 783ef4b (the finder as the eighth session found it): overlap precision 0.593, recall 0.615 (32 of 52; 54 "
        "predicted); strict 0.574 / 0.596; outlet identified 32/34; 5 false passages on the 6 negative articles. With "
        "the session's first general changes, made on blind5-7 before this split was read (continuation by tense, "
        "publication verbs, editions): overlap 0.673 / 0.712, strict the same. Developed on afterwards."
    ),
    HELDOUT8: (
        "at 783ef4b (the same commit): overlap precision 0.608, recall 0.596 (31 of 52; 51 predicted); strict 0.588 / "
        "0.577; outlet identified 31/32; 5 false passages on the 6 negative articles. Errors not printed."
    ),
    HELDOUT9: (
        "at 7636759 (the finder as the ninth session found it): overlap precision 0.723, recall 0.642 (34 of 53; 47 "
        "predicted); strict 0.702 / 0.623; outlet identified 34/35; no false passage on the 6 negative articles. "
        "Errors not printed."
    ),
    HELDOUT10: (
        "at ec40212 (the finder as the tenth session found it): overlap precision 0.739, recall 0.654 (34 of 52; 46 "
        "predicted); strict 0.739 / 0.654; outlet identified 34/34; no false passage on the 6 negative articles. "
        "Errors not printed."
    ),
    HELDOUT11: (
        "at acebca3 (the finder as the eleventh session found it): overlap precision 0.397, recall 0.490 (25 of 51; "
        "63 predicted); strict 0.381 / 0.471; outlet identified 25/25; no false passage on the 6 negative articles. "
        "Errors not printed."
    ),
    HELDOUT12: (
        "at a10887d (the finder as the twelfth session found it): overlap precision 0.708, recall 0.654 (34 of 52; 48 "
        "predicted); strict 0.708 / 0.654; outlet identified 34/35; no false passage on the 6 negative articles. "
        "Errors not printed."
    ),
    HELDOUT13: (
        "at 65f5ce0 (the finder as the thirteenth session found it): overlap precision 0.769, recall 0.769 (40 of 52; "
        "52 predicted); strict the same; outlet identified 40/40; 2 false passages on the 6 negative articles. Errors "
        "not printed."
    ),
    HELDOUT14: (
        "at 92b7cc1 (the finder as the fourteenth session found it): overlap precision 0.760, recall 0.760 (38 of 50; "
        "50 predicted); strict 0.740 / 0.740; outlet identified 38/38; 2 false passages on the 6 negative articles. "
        "Errors not printed."
    ),
    HELDOUT15: (
        "at ea2b099 (the finder as the fifteenth session found it): overlap precision 0.759, recall 0.830 (44 of 53; "
        "58 predicted); strict the same; outlet identified 44/47; 1 false passage on the 6 negative articles. Errors "
        "not printed."
    ),
    HELDOUT16: (
        "at 3c49861 (the finder as the sixteenth session found it): overlap precision 0.766, recall 0.692 (36 of 52; "
        "47 predicted); strict 0.745 / 0.673 (35 of 52); outlet identified 36/39; no false passage on the 6 negative "
        "articles; 26 of the 52 passages from outlets the registry lacks. Errors not printed."
    ),
    HELDOUT28: (
        "at 5aaf931 (the code of the twenty-fourth session's finals; the split was commissioned during the session and "
        "first run after them): overlap precision 0.889, recall 0.857 (48 of 56; 54 predicted); strict 0.870 / 0.839; "
        "outlet identified 48/49; no false passage on the 6 negative articles; 33 of the 56 passages from outlets the "
        "registry lacks; language right for 24 of 49 matched; frame snippets 75/89. Held out for the next session. "
        "Errors not printed."
    ),
    HELDOUT27: (
        "at 0c55cce (the finder as the twenty-fourth session found it; the split was written during the session): "
        "overlap precision 0.907, recall 0.891 (49 of 55; 54 predicted); strict 0.889 / 0.873; outlet identified "
        "49/50; no false passage on the 6 negative articles; 33 of the 55 passages from outlets the registry lacks; "
        "language right for 22 of 50 matched; frame snippets 83/97. Errors not printed."
    ),
    HELDOUT26: (
        "at 2d877ce (the code of the twenty-third session's finals, the split written after them): overlap "
        "precision 0.941, recall 0.889 (48 of 54; 51 predicted); strict the same; outlet identified 48/48; no false "
        "passage on the 6 negative articles; 33 of the 54 passages from outlets the registry lacks; language right for "
        "21 of 48 matched; frame snippets 75/86. Errors not printed."
    ),
    HELDOUT25: (
        "at 1a16c50 (the finder as the twenty-third session found it): overlap precision 0.920, recall 0.885 (46 of "
        "52; 50 predicted); strict 0.900 / 0.865; outlet identified 46/46; 1 false passage on the 6 negative "
        "articles; 24 of the 52 passages from outlets the registry lacks; language right for 26 of 46 matched; frame "
        "snippets 83/90. Errors not printed."
    ),
    HELDOUT24: (
        "at 951e21f (the code of the twenty-second session's first finals, before the second round): overlap "
        "precision 0.868, recall 0.868 (46 of 53; 53 predicted); strict 0.868 / 0.868; outlet identified 46/47; 3 "
        "false passages on the 6 negative articles; 34 of the 53 passages from outlets the registry lacks; language "
        "right for 22 of 47 matched; frame snippets 74/88. Errors not printed."
    ),
    HELDOUT23: (
        "at 3cfa863 (the finder as the twenty-second session found it): overlap precision 0.827, recall 0.811 (43 of "
        "53; 52 predicted); strict 0.788 / 0.774; outlet identified 43/43; 1 false passage on the 6 negative "
        "articles; 30 of the 53 passages from outlets the registry lacks; language right for 20 of 43 matched; frame "
        "snippets 69/82. Errors not printed."
    ),
    HELDOUT22: (
        "at 2fd3af6 (the finder as the twenty-first session's second round found it): overlap precision 0.741, "
        "recall 0.741 (40 of 54; 54 predicted); strict 0.685 / 0.685; outlet identified 40/41; no false passage on the "
        "6 negative articles; 36 of the 54 passages from outlets the registry lacks; language right for 17 of 41 "
        "matched; frame snippets 74/92. Errors not printed."
    ),
    HELDOUT21: (
        "at 32f0cfb (the finder as the twenty-first session found it): overlap precision 0.816, recall 0.755 (40 of "
        "53; 49 predicted); strict 0.816 / 0.755; outlet identified 40/41; no false passage on the 6 negative "
        "articles; 39 of the 53 passages from outlets the registry lacks; language right for 11 of 41 matched; frame "
        "snippets 55/65. Errors not printed."
    ),
    HELDOUT20: (
        "at 6a3aa2a (the finder as the twentieth session found it): overlap precision 0.846, recall 0.815 (44 of 54; "
        "52 predicted); strict 0.846 / 0.815; outlet identified 44/45; no false passage on the 6 negative articles; "
        "29 of the 54 passages from outlets the registry lacks; language right for 23 of 45 matched; frame snippets "
        "61/73. Errors not printed."
    ),
    HELDOUT19: (
        "at d601745 (the finder as the nineteenth session found it): overlap precision 0.902, recall 0.868 (46 of 53; "
        "51 predicted); strict 0.902 / 0.868; outlet identified 46/46; one false passage on the 6 negative articles; "
        "26 of the 53 passages from outlets the registry lacks; language right for 26 of 46 matched; frame snippets "
        "66/70. Errors not printed."
    ),
    HELDOUT18: (
        "at 702e13d (the finder as the eighteenth session found it): overlap precision 0.784, recall 0.784 (40 of 51; "
        "51 predicted); strict 0.784 / 0.784; outlet identified 40/41; no false passage on the 6 negative articles; "
        "28 of the 51 passages from outlets the registry lacks; language right for 23 of 41 matched. Errors not "
        "printed."
    ),
    HELDOUT17: (
        "at d8c0471 (the finder as the seventeenth session found it): overlap precision 0.679, recall 0.679 (36 of 53; "
        "53 predicted); strict 0.642 / 0.642; outlet identified 36/36; 3 false passages on the 6 negative articles; "
        "32 of the 53 passages from outlets the registry lacks. Errors not printed."
    ),
}
# How often the held-out half was looked at: its numbers twice (the first run above and the final run at cefdf22,
# after all the finder's changes of the session), never its errors; its author's README (counts per language and
# construction) was read once, after the final run. Nothing was changed because of it.
HELDOUT_LOOKS = (
    "held-out numbers seen three times (first run; final run at cefdf22, overlap 0.700 / 0.547; and once more "
    "with the blind6 final run, 0.686 / 0.547, after the blind6 development changes), errors never printed; the "
    "author's README (counts) read after the final run; no change made because of it"
)
HELDOUT7_FINAL = (
    'final run at the end of the seventh session (after the attribution package was restructured without '
    'behaviour change): the same numbers as the first run, overlap 0.634 / 0.491, strict 0.585 / 0.453, o'
    'utlet 26/28. Numbers seen twice (first and final run), errors never printed; no finder accuracy work this session.'
)
HELDOUT8_FINAL = (
    "final run at the end of the eighth session (after its finder work on blind5-8 development: a credit carried "
    "through its paragraph in its own tense, outlets credited by what they do with a story, by edition, by a "
    "description named next, English mastheads, same-outlet tests for unregistered names): overlap precision "
    "0.685, recall 0.712 (37 of 52; 54 predicted); strict 0.667 / 0.692; outlet identified 37/37; 3 false passages "
    "on the 6 negative articles (first run 0.608 / 0.596, 5 false). Numbers seen twice (first and final run; the "
    "final run was rendered a second time, unchanged code, to add this note), errors never printed."
)
HELDOUT9_FINAL = (
    "final run at the end of the ninth session (after its finder work on blind8h, e2e4h and the older development "
    "splits): the same numbers as the first run, overlap precision 0.723, recall 0.642 (34 of 53; 47 predicted); "
    "strict 0.702 / 0.623; outlet identified 34/35; no false passage on the 6 negative articles. Numbers seen twice "
    "(first and final run; the final run was rendered once more to write this section), errors never printed; one "
    "of its articles was seen to change in a passages dump (file "
    "name only) while a rule was being tried, and that rule was narrowed for reasons found on development data."
)
HELDOUT10_FINAL = (
    "final run at the end of the tenth session (7850ce5; after its finder work on the development splits blind8h "
    "and blind9h and the whole-article cases: possessives and time phrases between an outlet and its verb, verbs of "
    "disclosure, two credits of one outlet in a paragraph as one passage, 'the paper' named again mid-paragraph, "
    "bracketed domains, unregistered names with or without their description, longer names that hold a registered "
    "one): overlap precision 0.729, recall 0.673 (35 of 52; 48 predicted); strict the same; outlet identified 35/35; "
    "no false passage on the 6 negative articles (first run 0.739 / 0.654). Numbers seen twice (first and final "
    "run; the final run was rendered once more to write this section), errors never printed. The development "
    "splits gained more (blind9h 0.723 / 0.642 -> 0.788 / 0.774, blind8h 0.717 / 0.731 -> 0.784 / 0.769) than this "
    "fresh split did: what the session fixed generalises only partly."
)
HELDOUT12_FINAL = (
    "final run at the end of the twelfth session (e7e2aad; after its finder work on the development splits, blind11h "
    "among them, all developed before this split was read again): overlap precision 0.816, recall 0.769 (40 of 52; "
    "49 predicted); strict the same; outlet identified 40/42; no false passage on the 6 negative articles (first "
    "run 0.708 / 0.654). The session's rules were classes of construction (interviews labelled with the outlet's "
    "name, one outlet's consecutive paragraphs, outlets described before they are named and the kinds that tell a "
    "description from a name, press-review headlines under labels, the ends of a lead-in's excerpt, Source lines "
    "between paragraphs, 'said X' before X's own clause, initials). Numbers seen twice (first and final run), errors "
    "never printed; its author's README was read for counts and its extent conventions."
)
HELDOUT13_FINAL = (
    "final run at the end of the thirteenth session (43c365a; after its finder work on the development splits, "
    "blind12h among them): overlap precision 0.824, recall 0.808 (42 of 52; 51 predicted); strict the same; outlet "
    "identified 42/42; 1 false passage on the 6 negative articles (first run 0.769 / 0.769, 2 false). The session's "
    "rules were classes of construction: relays in either order, initials and first words of a name given in full, "
    "broadcasters' regional services, English-language outlets, employers, any 'X-language' description, colon "
    "lead-ins of unregistered outlets, live-blog time lines and press-review headline lists read line by line, "
    "credited sentences merged with their lead-in and the text below. Numbers seen twice (first and final run; the "
    "final run was rendered once more into this section, the same commit), errors never printed; its author's "
    "README was read for the counts only. The development splits gained more (blind12h 0.816 / 0.769 -> 0.961 / "
    "0.942, blind5h 0.808 / 0.656 -> 0.847 / 0.781) than this fresh split did."
)
HELDOUT11_FINAL = (
    "final run at the end of the eleventh session (c6c8ec1; after its finder work on the development splits blind8h, "
    "blind9h, blind10h and the whole-article cases: outlets described before they are named and joined to the "
    "passage that names them, press-review items, labelled exchanges under a lead-in, unregistered names reporting "
    "'on its website' or 'on Thursday', elided articles and particles in names, datelines): the same numbers as the "
    "first run, overlap precision 0.397, recall 0.490 (25 of 51; 63 predicted); strict 0.381 / 0.471; outlet "
    "identified 25/25; no false passage on the 6 negative articles. Not one of its 30 articles changed between the "
    "session's start and this run, while blind10h went from 0.729 / 0.673 to 0.827 / 0.827. Numbers seen at the "
    "first and the final run (and once more to check that the two commits really gave identical passages). After "
    "this final run its errors were printed to see why: its interviews print the outlet's name as the questions' "
    "label without a lead-in ('Il Tirreno: How much beach ...?' / 'Marchetti: ...'), which the finder takes as one "
    "passage per question; its author joins an outlet's paragraphs into one passage where the finder splits them "
    "at the paragraph; quoted front-page headlines sit under bold outlet labels. No change was made after that look."
)
# blind6h: numbers seen twice (first run at 665cbac; final run after the blind6 development changes), errors never
# printed.
HELDOUT6_FINAL = (
    "final run after developing on `blind6` (at the merge of the discovery branch): overlap precision 0.617, "
    "recall 0.537 (29 of 54; 47 predicted), strict the same; outlet identified 29/29; 3 false passages on the 6 "
    "negative articles. Its numbers were seen twice (first and final run), its errors never."
)


@dataclass(frozen=True)
class Gold:
    span: Span
    kind: str
    names: tuple[str, ...]  # the outlet's proper name and how the article writes it
    language: str | None
    frame: tuple[Span, ...]
    registry_knows: bool


@dataclass
class Result:
    articles: int = 0
    negatives: int = 0
    negative_false: int = 0
    strict: Counts = field(default_factory=Counts)
    overlap: Counts = field(default_factory=Counts)
    span_matched: int = 0
    outlet_ok: int = 0
    language_ok: int = 0
    frame_gold: int = 0
    frame_found: int = 0
    gold_unknown: int = 0
    found_unknown: int = 0
    errors: list[str] = field(default_factory=list)
    seconds: float = 0.0



HELDOUT14_FINAL = (
    "final run at the end of the fourteenth session (2506579, the finder as of 412b487; after its finder work on the "
    "development splits, blind13h among them): overlap precision 0.760, recall 0.760 (38 of 50; 50 predicted), "
    "strict 0.740 / 0.740, outlet identified 38/38, 2 false passages on the 6 negative articles: **the same as the "
    "first run**. None of its articles changed under the session's rules (sentence adverbs before the outlet, "
    "compound mastheads, irregular pasts continuing a report, a described outlet's own paragraph leading into a "
    "quotation, outlets described after a possessive, names written without diacritics), while blind13h went "
    "0.824 / 0.808 -> 0.906 / 0.923. Numbers seen once at the first run and once at the final run (and when rendered "
    "here), errors never printed; its author's README read for the counts."
)
HELDOUT15_FINAL = (
    "final run at the end of the fifteenth session (f039a9e; the finder unchanged since ea2b099: the session worked on "
    "whole articles, not on the finder): overlap precision 0.759, recall 0.830 (44 of 53; 58 predicted), strict the "
    "same, outlet identified 44/47, 1 false passage on the 6 negative articles: **the same as the first run**, as it "
    "must be. Its author read real pages for about 5 minutes (25 asked). Numbers seen once at the first run and once "
    "at the final run (and when rendered here), errors never printed; its author's README read for the counts."
)
HELDOUT16_FINAL = (
    "final run at the end of the sixteenth session (5efe9ab, after the session's finder rules: a live blog's bare "
    "time opening the line, an outlet described by words its name holds or named by its domain's stem going on with "
    "one report, a title opening a name marking a person, a place after an indefinite article describing an outlet, "
    "a described outlet before a verb of publishing, the items of a press review's headline list): overlap "
    "precision 0.787, recall 0.712 (37 of 52; 47 predicted), strict 0.766 / 0.692 (36 of 52), outlet identified "
    "37/39, no false passage on the 6 negative articles (first run 0.766 / 0.692, strict 0.745 / 0.673). Its author "
    "ran 30 searches of real pages. Numbers seen once at the first run and once at the final run (and when rendered "
    "here), errors never printed; its author's README read for the counts."
)
# the final runs of held-out splits, shown under their section (spent ones as "as held out")
HELDOUT17_FINAL = (
    "final run at the end of the seventeenth session (0be0f67, after the session's finder rules: a press review's "
    "items labelled with their outlet over unquoted headlines, a few words naming an excerpt over a block quote, a "
    "translator's note closing one, an unregistered outlet with an adverb before its verb, Baltic and other "
    "papers' name words, cleft sentences): overlap precision 0.679, recall 0.679 (36 of 53; 53 predicted), strict "
    "0.642 / 0.642, 3 false passages on the 6 negative articles, **identical to the first run**; one passage more "
    "matched by its span but credited to the wrong outlet (36/37). Its author ran 29 searches of real pages. "
    "Numbers seen at the first run and the final run (and when rendered here), errors never printed. Once, by "
    "accident, a passage dump of every fixture printed the predicted passages (not the gold, not the scores) of its "
    "articles during the session's work; nothing was changed because of it (see the closing note)."
)
HELDOUT18_FINAL = (
    "final run at the end of the eighteenth session (cb7d992, after the session's finder rules: credits recognised by "
    "the shape of the sentence for any outlet, among them a description set off by commas before an outlet's verb, "
    "masthead words without their diacritics, any adjective in a description, a language adjective as no name, an "
    "ordinary English word as a masthead the next sentence calls a paper, a colon credit over a quoted paragraph, a "
    "block quote credited by the sentence under it, an announced interview's printed exchange, initials of a compound "
    "masthead, a place of several words in a description, a review label's place and language, the owner of an outlet "
    "as no outlet, a sentence in another tense between two of a report's; and 74 English-language outlets abroad in "
    "the registry): overlap precision 0.820, recall 0.804 (41 of 51; 50 predicted), strict 0.820 / 0.804, no false "
    "passage on the 6 negative articles, outlet 41/42 of span-matched (first run 0.784 / 0.784, 40 of 51). Its author "
    "ran 25 searches of real pages. Numbers seen at the first run and the final run (and when rendered here), errors "
    "never printed."
)
HELDOUT19_FINAL = (
    "final run at the end of the nineteenth session (006b94b, after the session's finder rules, each a shape of "
    "sentence rather than an outlet: a description opening on a lower-case adjective, 'the agency' naming again only "
    "an agency, a name the next sentence calls 'the newspaper', 'ran a long interview with', 'was the first to "
    "report', a credit pointing back at the sentence before, a review label ending in lower-case title words, a "
    "heading's last word as no person's name, 'Its lead story, in short:' over a block quote, the author's aside "
    "after 'If', a description kept inside its paragraph, a Source line over a live blog's next entry): overlap "
    "precision 0.904, recall 0.887 (47 of 53; 52 predicted), strict the same, one false passage on the 6 negative "
    "articles, outlet 47/47 of span-matched (first run 0.902 / 0.868, 46 of 53). Its author ran 26 searches of real "
    "pages. Numbers seen at the first run and the final run (and when rendered here), errors never printed."
)
HELDOUT20_FINAL = (
    "final run at the end of the twentieth session (47b3e03; the finder last changed at 2ed7b95, after the session's "
    "finder rules, each a shape of sentence rather than an outlet: a review item's next paragraph opening on a topic "
    "shift is no summary, an answer's line keeps the interviewee's first person, 'speaking on the morning programme "
    "of X', 'It said' opening the paragraph after one whose subject was the outlet, a weekday's edition before an "
    "unknown masthead, the author's clause before ', but X writes that' left out, 'said in an English dispatch' as "
    "English, a reporting verb after the name as the frame's): overlap precision 0.846, recall 0.815 (44 of 54; 52 "
    "predicted), strict the same, no false passage on the 6 negative articles, outlet 44/45 of span-matched, frame "
    "snippets 61/73: **identical to the first run**. Its author ran 25 searches of real pages. Numbers seen at the "
    "first run and the final run (and when rendered here), errors never printed."
)
HELDOUT21_FINAL = (
    "final run at the end of the twenty-first session (bbf13b2; the finder was not changed this session: the "
    "session's work was the whole-article check, continuation paragraphs, hedges and the offline gloss): overlap "
    "precision 0.816, recall 0.755 (40 of 53; 49 predicted), strict the same, no false passage on the 6 negative "
    "articles, outlet 40/41 of span-matched, frame snippets 55/65: **identical to the first run**. Its author ran 25 "
    "searches of real pages. Numbers seen at the first run and the final run (and when rendered here), errors never "
    "printed."
)
HELDOUT22_FINAL = (
    "final run at the end of the twenty-first session (45a3569, after the second round's finder rules, each a shape "
    "of sentence rather than an outlet: a document the report describes going on in the present, a day's edition "
    "'of' a masthead, a report 'on' a topic that carries a claim, a report by the outlet as the sentence's subject, "
    "an abbreviation in brackets inside an apposition, a plural noun after an ordinary opening word read as no verb, "
    "'to the site' as the outlet only after a speech verb): overlap precision 0.759, recall 0.759 (41 of 54; 54 "
    "predicted), strict 0.722 / 0.722, no false passage on the 6 negative articles, outlet 41/42 of span-matched, "
    "frame snippets 76/95 (first run 0.741 / 0.741, strict 0.685, frames 74/92). Its author ran 25 searches of real "
    "pages. Numbers seen at the first run and the final run (and when rendered here), errors never printed."
)
HELDOUT23_FINAL = (
    "final run at the end of the twenty-second session (d168717, after the session's finder rules, each a shape of "
    "sentence rather than an outlet: a tie to an outlet such as 'worked for' makes a bio only before a name, an "
    "unregistered outlet written again by the first words of its name goes on with its report, a demonstrative "
    "credit ('That was the conclusion of X') takes in the sentence before it, a report that puts a figure credits "
    "its sentence): overlap precision 0.846, recall 0.830 (44 of 53; 52 predicted), strict 0.808 / 0.792, 1 false "
    "passage on the 6 negative articles, outlet 44/44 of span-matched, frame snippets 70/84 (first run 0.827 / 0.811, "
    "strict 0.788 / 0.774, frames 69/82). Its author ran 25 searches of real pages. Numbers seen at the first run and "
    "the final run (and when rendered here), errors never printed."
)
HELDOUT24_FINAL = (
    "final run at the end of the twenty-second session's second round (91e85b2; the round's finder work: a "
    "description qualified by 'for' or 'of' a place credits before the name comes, someone speaking to a "
    "broadcaster's programme credits it, and the registry grew by twelve Chinese, seventeen Indian-language and four "
    "Baltic regional papers chosen from development misses, four of which this split names): overlap precision "
    "0.870, recall 0.887 (47 of 53; 54 predicted), strict the same, 3 false passages on the 6 negative articles, "
    "outlet 47/48 of span-matched, frame snippets 74/89 (first run 0.868 / 0.868, frames 74/88). Its author ran 25 "
    "searches of real pages. Numbers seen at the first run and the final run (and when rendered here), errors never "
    "printed."
)
HELDOUT25_FINAL = (
    "final run at the end of the twenty-third session (218ef02; the session's finder work was small: a registered "
    "name continued by a particle and a place names another outlet, 'quoted by the Funchal paper' is frame, 'It is "
    "said that' is no credit): overlap precision 0.920, recall 0.885 (46 of 52; 50 predicted), strict 0.900 / "
    "0.865, 1 false passage on the 6 negative articles, outlet 46/46 of span-matched, frame snippets 83/90: "
    "identical to the first run. Its author ran 8 searches of real pages. Numbers seen at the first run and the "
    "final run (and when rendered here), errors never printed."
)
_SESSION24 = (
    "the finder work of the twenty-fourth session, all from development splits: a domain name ends a sentence ('told "
    "E1.RU. The district ...'), a roundup's one-line news items credited after a dash are headline passages however "
    "long and however many, a publication verb that also carries a load takes no quantity ('Travemünde carried only "
    "31% of its capacity' names no outlet)"
)
HELDOUT26_FINAL = (
    f"final run at the end of the twenty-fourth session (8a2e6a0; {_SESSION24}): overlap precision 0.941, recall 0.889 "
    "(48 of 54; 51 predicted), strict the same, no false passage on the 6 negative articles, outlet 48/48 of "
    "span-matched, frame snippets 75/86: identical to the first run. Numbers seen at the first run and the final run "
    "(and when rendered here), errors never printed."
)
HELDOUT27_FINAL = (
    f"final run at the end of the twenty-fourth session (8a2e6a0; {_SESSION24}): overlap precision 0.907, recall 0.891 "
    "(49 of 55; 54 predicted), strict 0.889 / 0.873, no false passage on the 6 negative articles, outlet 49/50 of "
    "span-matched, frame snippets 83/97: identical to the first run at the session's starting commit. Its author ran "
    "10 searches of real pages. Numbers seen at the first run and the final run (and when rendered here), errors "
    "never printed."
)
FINAL_RUNS: dict[str, str] = {
    HELDOUT6: HELDOUT6_FINAL, HELDOUT7: HELDOUT7_FINAL, HELDOUT8: HELDOUT8_FINAL, HELDOUT9: HELDOUT9_FINAL,
    HELDOUT10: HELDOUT10_FINAL, HELDOUT11: HELDOUT11_FINAL, HELDOUT12: HELDOUT12_FINAL,
    HELDOUT13: HELDOUT13_FINAL, HELDOUT14: HELDOUT14_FINAL, HELDOUT15: HELDOUT15_FINAL, HELDOUT16: HELDOUT16_FINAL,
    HELDOUT17: HELDOUT17_FINAL, HELDOUT18: HELDOUT18_FINAL, HELDOUT19: HELDOUT19_FINAL, HELDOUT20: HELDOUT20_FINAL,
    HELDOUT21: HELDOUT21_FINAL, HELDOUT22: HELDOUT22_FINAL, HELDOUT23: HELDOUT23_FINAL, HELDOUT24: HELDOUT24_FINAL,
    HELDOUT25: HELDOUT25_FINAL, HELDOUT26: HELDOUT26_FINAL, HELDOUT27: HELDOUT27_FINAL,
}

def _fold(name: str) -> str:
    text = unicodedata.normalize("NFKD", name).encode("ascii", "ignore").decode().lower()
    words = [w for w in "".join(c if c.isalnum() else " " for c in text).split() if w not in ("the", "a", "an")]
    return " ".join(words)


def names_agree(gold: Gold, pred: Passage) -> bool:
    """The predicted outlet is the gold one: one folded name contains the other (registry names and aliases
    count when the registry knows the outlet)."""
    theirs = [pred.outlet_name]
    if pred.outlet is not None:
        theirs += [pred.outlet.name, *pred.outlet.aliases]
    for g in map(_fold, gold.names):
        for t in map(_fold, theirs):
            if len(g) >= 2 and len(t) >= 2 and (g in t or t in g):
                return True
    return False


def load(split: str, registry: Any) -> list[tuple[Path, list[Gold], str]]:
    folder = FIXTURES / split
    data = tomllib.loads((folder / "gold.toml").read_text(encoding="utf-8"))
    from provenance.documents import read_document

    out = []
    for entry in data["articles"]:
        path = folder / entry["file"]
        doc = read_document(path)
        raw = path.read_text(encoding="utf-8")
        golds: list[Gold] = []
        pos = 0
        for p in entry.get("passages", []):
            try:
                span = _locate(doc, raw, p["start"], p["end"], pos)
            except ValueError:  # an author who listed an article's passages out of document order
                span = _locate(doc, raw, p["start"], p["end"], 0)
            pos = span.start + 1
            frames = []
            for snippet in p.get("frame", []):
                try:
                    frames.append(_locate(doc, raw, snippet, snippet, span.start))
                except ValueError:
                    continue  # a frame snippet the reader normalised differently: not scored
            golds.append(
                Gold(
                    span=span,
                    kind=p["kind"],
                    names=(p["outlet_name"], p.get("as_written", p["outlet_name"])),
                    language=p.get("language") or None,
                    frame=tuple(frames),
                    registry_knows=registry.find(p["outlet_name"]) is not None,
                )
            )
        out.append((path, golds, entry["file"]))
    return out


def _locate(doc: Any, raw: str, start: str, end: str, after: int) -> Span:
    """The gold span in the document's normalised text; snippets that carry markup the reader removes
    (a Markdown link's URL) are found in the file and mapped through the document's offsets."""
    try:
        return locate(doc.text, start, end, after=after)
    except ValueError:
        if doc.offsets is None:
            raise
    raw_after = doc.input_offset(after)
    found = locate(raw, start, end, after=raw_after)
    offsets = doc.offsets
    lo = bisect.bisect_left(offsets, found.start)
    hi = bisect.bisect_left(offsets, found.end)
    while hi > lo and doc.text[hi - 1 : hi].isspace():
        hi -= 1
    return Span(lo, hi)


def _pairs(golds: list[Gold], preds: list[Passage], ok: Any) -> list[tuple[int, int]]:
    cands = sorted(
        ((jaccard(g.span, p.span), gi, pi) for gi, g in enumerate(golds) for pi, p in enumerate(preds) if ok(g, p)),
        reverse=True,
    )
    used_g: set[int] = set()
    used_p: set[int] = set()
    out = []
    for _s, gi, pi in cands:
        if gi not in used_g and pi not in used_p:
            used_g.add(gi)
            used_p.add(pi)
            out.append((gi, pi))
    return out


def score(split: str, registry: Any) -> Result:
    from provenance.attribution import find_passages
    from provenance.documents import read_document

    res = Result()
    for path, golds, name in load(split, registry):
        doc = read_document(path)
        t0 = time.perf_counter()
        # the authors' brief made outlets writing in English traps, not credited passages: foreign-language ones only
        preds = find_passages(doc, registry, same_language=False)
        res.seconds += time.perf_counter() - t0
        res.articles += 1
        if not golds:
            res.negatives += 1
            res.negative_false += len(preds)
        res.gold_unknown += sum(not g.registry_knows for g in golds)

        def overlap(g: Gold, p: Passage) -> bool:
            return names_agree(g, p) and jaccard(g.span, p.span) >= JACCARD

        def strict(g: Gold, p: Passage) -> bool:
            return (
                names_agree(g, p)
                and abs(g.span.start - p.span.start) <= STRICT_CHARS
                and abs(g.span.end - p.span.end) <= STRICT_CHARS
            )

        for counts, ok in ((res.overlap, overlap), (res.strict, strict)):
            pairs = _pairs(golds, preds, ok)
            counts.gold += len(golds)
            counts.pred += len(preds)
            counts.tp_gold += len(pairs)
            counts.tp_pred += len(pairs)
        by_span = _pairs(golds, preds, lambda g, p: jaccard(g.span, p.span) >= JACCARD)
        res.span_matched += len(by_span)
        for gi, pi in by_span:
            g, p = golds[gi], preds[pi]
            res.outlet_ok += names_agree(g, p)
            res.language_ok += g.language == p.language
            res.found_unknown += not g.registry_knows
            for f in g.frame:
                res.frame_gold += 1
                res.frame_found += any(pf.overlaps(f) and 2 * _inter(pf, f) >= len(f) for pf in p.frame)
            if not names_agree(g, p):
                res.errors.append(f"{name}: outlet {p.outlet_name!r} for gold {g.names[0]!r}")
        matched_g = {gi for gi, _ in _pairs(golds, preds, overlap)}
        matched_p = {pi for _, pi in _pairs(golds, preds, overlap)}
        for gi, g in enumerate(golds):
            if gi not in matched_g:
                snippet = doc.text[g.span.start : g.span.start + 50]
                known = "" if g.registry_knows else " [not in registry]"
                res.errors.append(f"{name}: missed {g.kind} {g.names[1]!r}{known}: {snippet!r}")
        for pi, p in enumerate(preds):
            if pi not in matched_p:
                res.errors.append(f"{name}: spurious or misplaced {p.kind} {p.outlet_name!r}: {p.text[:50]!r}")
    return res


def _inter(a: Span, b: Span) -> int:
    return max(0, min(a.end, b.end) - max(a.start, b.start))


def speed(registry: Any, words: int = 5000, runs: int = 5) -> str:
    """``find_passages`` on one article of ``words`` words (the development half's articles, joined), in-process,
    warm: the median of ``runs`` runs."""
    import statistics

    from provenance.attribution import find_passages
    from provenance.documents import read_document

    paragraphs: list[str] = []
    count = 0
    for path in sorted((FIXTURES / DEV).glob("[0-9]*.txt")):
        for para in read_document(path).text.split("\n\n"):
            paragraphs.append(para)
            count += len(para.split())
            if count >= words:
                break
        if count >= words:
            break
    from provenance.model import Document, Paragraph

    text = "\n\n".join(paragraphs)
    spans, pos = [], 0
    for i, para in enumerate(paragraphs):
        spans.append(Paragraph(i, Span(pos, pos + len(para)), para))
        pos += len(para) + 2
    doc = Document(source="speed", format="text", text=text, paragraphs=spans, language="en")
    find_passages(doc, registry)  # warm: lexicon, registry patterns, the English word list
    times, cpu = [], []
    for _ in range(runs):
        t0, c0 = time.perf_counter(), time.process_time()
        found = find_passages(doc, registry)
        times.append(time.perf_counter() - t0)
        cpu.append(time.process_time() - c0)
    # CPU seconds too: on a shared machine the wall time says more about the load than about the finder
    return (
        f"Speed: `find_passages` on a {count:,}-word article ({len(found)} passages), in-process and warm, "
        f"{statistics.median(times):.3f} s wall, {statistics.median(cpu):.3f} s CPU (medians of {runs}; target "
        f"< 0.3 s)."
    )


def render(results: dict[str, Result], speed_line: str = "") -> str:
    rows = []
    for split, r in results.items():
        for level, c in (("overlap (Jaccard >= 0.8)", r.overlap), (f"strict (ends within {STRICT_CHARS})", r.strict)):
            rows.append([split, level, c.gold, c.pred, c.precision(), c.recall(), c.f1()])
    lines = [
        "## Passages: blind5 (real-text distribution, outlets by name)",
        "",
        __doc__.split("\n\n")[1].replace("\n", " "),
        "",
        table(["split", "match", "gold", "predicted", "precision", "recall", "F1"], rows),
        "",
        "The finder runs with `same_language=False` (`passages --foreign-only`): the authors' brief made outlets "
        "writing in English traps, not credited passages. (Runs before the eighth session had no such option; "
        "their first-run numbers count English-language outlets the finder reported as false passages.)",
        "",
    ]
    for split, r in results.items():
        n = r.span_matched
        lines += [
            f"**{split}**: {r.articles} articles ({r.negatives} negatives, {r.negative_false} false passage(s) on "
            f"them); gold outlets missing from the registry {r.gold_unknown}/{r.overlap.gold} "
            f"({r.gold_unknown / max(r.overlap.gold, 1):.0%}); of {n} passages matched by span, outlet identified "
            f"{r.outlet_ok}/{n} ({r.outlet_ok / max(n, 1):.3f}), language right {r.language_ok}/{n}, of them "
            f"missing from the registry {r.found_unknown}; frame snippets covered {r.frame_found}/{r.frame_gold}; "
            f"{1000 * r.seconds / max(r.articles, 1):.1f} ms per article.",
            "",
        ]
        if split in DEVELOPMENT and r.errors:
            lines += ["Errors (development half):", ""] + [f"- {e}" for e in r.errors] + [""]
        if split in FIRST_RUNS:
            lines += [f"First run of `{split}`: {FIRST_RUNS[split]}", ""]
        if split == HELDOUT:
            lines += [f"Looks at `{split}`: {HELDOUT_LOOKS}.", ""]
        if split in FINAL_RUNS:
            label = "Final run" if split in HELD_OUT else "Final run (as held out)"
            lines += [f"{label} of `{split}`: {FINAL_RUNS[split]}", ""]
    if speed_line:
        lines += [speed_line, ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    from provenance.sources import load_registry

    parser = argparse.ArgumentParser(description="Score find_passages on the blind5 splits.")
    parser.add_argument("--heldout", action="store_true", help="also score the held-out half (first/final runs)")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    parser.add_argument("--only", nargs="+", metavar="SPLIT", help="score only these splits (implies --no-write)")
    args = parser.parse_args(argv)
    registry = load_registry()
    splits = DEVELOPMENT + (HELD_OUT if args.heldout else ())
    if args.only:
        unknown = set(args.only) - set(DEVELOPMENT + HELD_OUT)
        if unknown or (set(args.only) & set(HELD_OUT) and not args.heldout):
            parser.error("--only takes development splits, and held-out ones only with --heldout")
        splits = tuple(s for s in splits if s in args.only)
    results = {s: score(s, registry) for s in splits if (FIXTURES / s / "gold.toml").exists()}
    body = render(results, speed(registry))
    if not args.no_write and args.heldout and not args.only:
        write_section("passages-blind5", body, script="passages_blind5")
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
