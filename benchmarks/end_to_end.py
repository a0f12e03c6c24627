"""Whole articles, end to end: what a reviewer sees at major and critical severity.

Each case (tests/fixtures/end_to_end/<split>/NN_name/) is an English article crediting one foreign outlet, the
outlet's page in its own language (HTML with boilerplate), the desk's translation memory of that page, and gold
(``gold.toml``): the credited passages, the planted findings (kind, subtype, where in the article, where in the
original) and the sentences of the passages that render the original faithfully. Authors who did not read the
detectors wrote them; half the cases are fully faithful. ``e2e`` (author A) and ``e2e3`` (author C) are development
halves, ``e2eh`` (author B, spent: seen at two sessions' ends) and ``e2e3h`` (author D) are held out.

Each case runs through ``Checker`` in-process twice: with the memory (``--translator memory``) and offline
without it (``--translator gloss``). Scores at major and critical severity:

- findings precision and recall: a reported finding is right when a gold finding of the same kind points at an
  overlapping stretch of the article (omissions: an overlapping stretch of the original);
- faithful sentences flagged: gold faithful sentences that a finding points into, at major+ and at any
  severity.

Run: ``python -m benchmarks.end_to_end [--heldout] [--no-gloss | --gloss-only]``.
"""

from __future__ import annotations

import sys
import tempfile
import time
import tomllib
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

from benchmarks.common import ROOT, table, write_section
from benchmarks.passages import Counts, locate
from provenance.model import Finding, Severity, Span

CASES = ROOT / "tests" / "fixtures" / "end_to_end"
DEV, HELDOUT = "e2e", "e2eh"
# e2e3 / e2e3h (authors C and D, seventh session, written from the same brief without reading the detectors): the
# next estimate after e2eh was spent
DEV3, HELDOUT3 = "e2e3", "e2e3h"
# e2e4h (author E, eighth session, same brief; de 4, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 1): held out only, its
# first run was its final run, at the end of the session that commissioned it; spent by that run, it is
# development data from the ninth session on
HELDOUT4 = "e2e4h"
# e2e5h (author F, ninth session, same brief; de 4, fr 3, es 3, it 2, ru 2, pl 2, nl 2, pt 2): held out; first run at
# the session's starting commit, final run at its end
HELDOUT5 = "e2e5h"
# e2e6h (author G, tenth session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful): held out;
# first run at the session's starting commit. e2e5h, spent by the ninth session's final run, is development data
HELDOUT6 = "e2e6h"
# e2e7h (author H, eleventh session, same brief with more strong paraphrase in faithful cases and single-word
# departures; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful): held out; first run at the session's
# starting commit. e2e6h, spent by the tenth session's final run, is development data
HELDOUT7 = "e2e7h"
# e2e8h (author I, twelfth session, same brief: strong paraphrase in faithful cases, single-word or single-figure
# departures; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful): held out; first run at the session's
# starting commit. e2e7h, spent by the eleventh session's final run, is development data
HELDOUT8 = "e2e8h"
# e2e9h (author O, thirteenth session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful, 19
# departures): held out; first run at the session's starting commit. e2e8h, spent by the twelfth session's final
# run, is development data
HELDOUT9 = "e2e9h"
# e2e10h (author Q, fourteenth session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful, 21
# departures): held out; first run at the session's starting commit. e2e9h, spent by the thirteenth session's final
# run, is development data
HELDOUT10 = "e2e10h"
# e2e11h (author U, fifteenth session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful):
# held out; first run at the session's starting commit. e2e10h, spent by the fourteenth session's final run, is
# development data
HELDOUT11 = "e2e11h"
# e2e12h (author Y, sixteenth session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful, 20
# departures): held out; first run at the session's starting commit. e2e11h, spent by the fifteenth session's final
# run, is development data
HELDOUT12 = "e2e12h"
# e2e13h (author W, seventeenth session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful):
# held out; first run at the session's starting commit. e2e12h, spent by the sixteenth session's final run, is
# development data
HELDOUT13 = "e2e13h"
# e2e14h (author AC, eighteenth session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful, 20
# departures): held out; first run at the session's starting commit. e2e13h, spent by the seventeenth session's
# final run, is development data
HELDOUT14 = "e2e14h"
# e2e15h (author AE, nineteenth session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful, 20
# departures): held out; first run at the session's starting commit. e2e14h, spent by the eighteenth session's
# final run, is development data
HELDOUT15 = "e2e15h"
# e2e16h (author AG, twentieth session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful, 20
# departures): held out; first run at the session's starting commit. e2e15h, spent by the nineteenth session's
# final run, is development data
HELDOUT16 = "e2e16h"
# e2e17h (author AI, twenty-first session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful, 20
# departures): held out; first run at the session's starting commit. e2e16h, spent by the twentieth session's
# final run, is development data
HELDOUT17 = "e2e17h"
# e2e18h (author AK, twenty-first session's second round, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2;
# 10 faithful, 20 departures): held out, commissioned after e2e17h's final run; first run at 2fd3af6, before the
# round's changes. e2e17h is development from then on
HELDOUT18 = "e2e18h"
# e2e19h (author AM, twenty-second session, same brief): held out; first run at the session's starting commit.
# e2e18h, spent by the twenty-first session's second final run, is development data
HELDOUT19 = "e2e19h"
# e2e20h (author AN, twenty-second session, same brief; de 3, fr 3, es 3, it 3, ru 2, pl 2, nl 2, pt 2; 10 faithful,
# 20 departures): commissioned after e2e19h's final run to check it on unseen cases, run once at the code of that
# final run (no change in between)
HELDOUT20 = "e2e20h"
# e2e21h (author AP, twenty-second session's second round, same brief): held out, commissioned after e2e20h's run;
# e2e19h and e2e20h are development from then on
HELDOUT21 = "e2e21h"
# e2e22 / e2e22h (author AR, twenty-third session, same brief; 20 cases, 10 faithful, 20 departures, 146 faithful
# sentences). Its first run, whole, fell far below every earlier split's (precision 0.297 with the memory), so it
# was cut in two halves balanced by language and by faithful/drifted, to study on one what the other then checks:
# e2e22 (cases 01-05, 14-18) is development, e2e22h (06-13, 19, 20) held out. e2e21h is development from now on
DEV22, HELDOUT22 = "e2e22", "e2e22h"
# e2e23h (author AT, same brief; 20 cases, 10 faithful, 20 departures, 152 faithful sentences): commissioned at the
# end of the twenty-third session, first run at the code of its finals, held out for the next session. e2e22h,
# spent by the twenty-third session's final run, is development from the twenty-fourth session on
HELDOUT23 = "e2e23h"
# e2e24h (author AV, same brief; 20 cases, 10 faithful, 20 departures, 149 faithful sentences): written during the
# twenty-fourth session, first run at its starting commit, held out with e2e23h until the session's final run
HELDOUT24 = "e2e24h"
# e2e25h (author AX, same brief; 20 cases, 10 faithful, 20 departures): commissioned during the twenty-fourth session,
# first run at the code of its finals, held out for the next session (e2e23h and e2e24h were spent by those finals)
HELDOUT25 = "e2e25h"
DEVELOPMENT = (
    DEV, DEV3, HELDOUT4, HELDOUT5, HELDOUT6, HELDOUT7, HELDOUT8, HELDOUT9, HELDOUT10, HELDOUT11, HELDOUT12,
    HELDOUT13, HELDOUT14, HELDOUT15, HELDOUT16, HELDOUT17, HELDOUT18, HELDOUT19, HELDOUT20, HELDOUT21, DEV22,
    HELDOUT22,
)
HELD_OUT = (HELDOUT, HELDOUT3, HELDOUT23, HELDOUT24, HELDOUT25)
MAJOR = (Severity.MAJOR, Severity.CRITICAL)
FINAL_RUN = (
    "Final runs of the twenty-fourth session, at 8a2e6a0, of two fresh held-out splits: `e2e23h` (written after the "
    "twenty-third session's finals, first run at their code 2d877ce) and `e2e24h` (written this session, first run at "
    "its starting commit 0c55cce). `e2e23h` with the memory: **13 -> 15 major+ findings, precision 0.615 -> 0.733, "
    "recall 0.350 -> 0.500** (7 -> 10 of 20), faithful sentences flagged major+ 5/152 both times (3.3%), at any "
    "severity 12/152 both times (7.9%), major+ on the faithful cases 3 both times; with the gloss 0.786 / 0.550 both "
    "times, flagged 4/152 -> 3/152 and 35/152 -> 34/152. `e2e24h` with the memory: **identical to its first run**, "
    "17 major+, precision 0.765, recall 0.650 (13 of 20), flagged 2/149 (1.3%) and 7/149 (4.7%), 2 on the faithful "
    "cases; with the gloss 0.647 / 0.550 both times, flagged 4/149 both times, 35/149 -> 36/149. Recall and "
    "precision stay below the targets on both fresh splits. The session's rules, all from development splits (`e2e22h` "
    "joined them): a report resumes inside a paragraph of the author's own when two or more sentences in a row render "
    "the original; a credit late in its paragraph reaches back over one sentence the original does not settle; a "
    "rebuttal or denial the original has between two passages, rendered nowhere, is an omission of the passage before "
    "it; a public body of another kind doing the same is the actor swapped; 'would' for 'could' states a possibility "
    "as certain; an unnamed source left out makes the outlet's unconfirmed account a fact; a word of high degree "
    "where the translation lowers it ('badly worn' / 'a slight deterioration') is a degree changed; a quote given to a "
    "named person of a body is checked against the original's speaker; 'have no' renders 'lack'; and a domain name "
    "ends a sentence. The benchmark's matching of omissions was tightened: a reported omission matches its gold when "
    "it is the same sentence, holds it, or shares most of its words, no longer any three words (it had matched "
    "unrelated sentences of one page). Development (22 splits, 420 planted departures, 2,993 faithful sentences) "
    "with the memory: precision 0.876 -> 0.881, recall 0.836 -> 0.876 (351 -> 368 found), faithful sentences "
    "flagged major+ 36 -> 35, at any severity 256 -> 253 (8.5%); with the gloss 0.734 -> 0.743, 0.652 -> 0.674, "
    "flagged 100 -> 98 and 901 -> 900. Numbers of the held-out splits seen at their first and final runs only, errors "
    "never printed; this section was rendered without them.\n\n"
    "Final run of the twenty-third session: the held-out half `e2e22h` (10 cases, 5 faithful, 10 planted "
    "departures, 73 faithful sentences; first run at 1a16c50, the session's starting commit) at 218ef02: with the "
    "memory **18 -> 6 major+ findings, precision 0.278 -> 0.833, recall 0.500 -> 0.500** (5 of 10), faithful "
    "sentences flagged major+ 1/73 both times, at any severity 4/73 both times (5.5%), major+ findings on the 5 "
    "faithful cases **9 -> 0**; with the gloss 20 -> 8 major+, precision 0.200 -> 0.625, recall 0.400 -> 0.500, "
    "flagged 3/73 -> 2/73 and 24/73 -> 22/73. Precision generalised from the development half; recall did not. "
    "The split's whole first run (precision 0.297) was far below every earlier split's: its author writes the "
    "desk's own comment straight after the outlet's last rendered sentence, in the same paragraph, and the checker "
    "carried a credit to the paragraph's end and reported those sentences as additions. The session's rules, "
    "development only (`e2e22`, the other half, and `e2e21h` joined the development splits): a run of two or more "
    "sentences at a passage's end that the original lacks and nothing credits, quotes or reports is the author's, "
    "cut and shown as such (one such sentence stays an addition: planted additions on the development cases are "
    "single sentences); a registered name continued by a particle and a place is another outlet ('Diário de "
    "Notícias da Madeira'); 'quoted by the Funchal paper' is frame and 'It is said that' is not; a speaker's "
    "'probably' dropped under a kept 'says' is a hedge dropped; a refusal for a verb that takes the same stand "
    "('rejects' / 'opposes') is no reversal; 'half of all those' is no intensification; ordinary words after a "
    "headline's colon, or two ordinary words capitalised in a headline that runs on, are no names; and a name or "
    "figure a sentence leaves out is a note of paraphrase, left out of whole-article reports like word-level notes "
    "(development faithful sentences flagged at any severity 12.6% -> 8.6% with the memory). Numbers of `e2e22h` "
    "seen at its first and final runs only, errors never printed; this section was rendered without it.\n\n"
    "Second final run of the twenty-second session: fresh held-out `e2e21h` (commissioned after the first finals, "
    "first run at 951e21f, their code) at 91e85b2: with the memory major+ precision 0.905, recall 0.900 (18 of 20), "
    "faithful sentences flagged major+ 2/149 (1.3%), 15.4% at any severity (23/149: above the 10% target), 1 major+ "
    "finding on the faithful cases; with the gloss 0.850 / 0.850, flagged 3/149 and 57/149: **identical to the "
    "first run** (the second round changed the finder and the registry only). `e2e20h`, commissioned after the "
    "first final run and run once at its code, is development data from the second round on (its run: memory "
    "1.000 / 0.900, gloss 0.842 / 0.800).\n\n"
    "Final run of the twenty-second session: fresh held-out `e2e19h` (written this session, first run at the "
    "session's starting commit 3cfa863) at d168717, with the memory major+ precision 0.895, recall 0.850 (17 of 20), "
    "faithful sentences flagged major+ 2/127 (1.6%), 11/127 at any severity (8.7%), 2 major+ findings on the faithful "
    "cases: **identical to the first run**; with the gloss **0.833 / 0.750** (15 of 20; first run 0.846 / 0.550, 11 "
    "of 20), flagged 2/127 and 27/127 (the same). Every target of the split is met at this run, the memory's already "
    "at the first run. Numbers seen at the first and final runs only, errors never printed; this section was rendered "
    "without the held-out splits. The session's whole-article rules (development only: `e2e18h` became development "
    "data), each a mechanism rather than a phrase: without a translation, a part of a group made a majority "
    "('une partie des élus' / 'most councillors'), an original that does not rule a thing out rendered as ruled out "
    "('no descarta' / 'has ruled out'), a modal of possibility where the original and its gloss have none, "
    "capitalised dictionary words after a word before a place read as a name ('w Nowej Hucie'); with a translation, "
    "a paraphrase quoted beside the translation's real quote, a bound's dropped negation ('will not be opened "
    "before' / 'will open before'), two different acronyms as two bodies ('CFDT' for 'CGT'), a name a few letters "
    "from the original's but starting otherwise ('Leninsky' for 'Kalininsky'); in both modes a unit joined to its "
    "figure by a hyphen ('79-foot') as a conversion, two quantifiers counting the same figure wherever their "
    "sentences put them, and a lone negative word in a clause of its own under negative concord. Development "
    "(seventeen splits, session start in brackets): with the memory major+ 293 / 338, precision 0.867 (285 / 331, "
    "0.861), found 284 of 340 (277), flagged 33 of 2,398 (34); with the gloss 226 / 319, 0.708 (195 / 287, 0.679), "
    "found 216 (185), flagged 91 (91). DEMETR tuning mode A identical, mode B minor perturbations flagged 0.026 -> "
    "0.027; WMT21 false flags A/B identical to the start.\n\n"
    "Second final run of the twenty-first session: fresh held-out `e2e18h` (commissioned after `e2e17h`'s final run, "
    "first run at 2fd3af6) at 45a3569, with the memory major+ precision 0.812, recall 0.650 (13 of 20), faithful "
    "sentences flagged major+ 2/137, 17/137 at any severity, 2 major+ findings on the faithful cases; with the gloss "
    "0.588 / 0.500, flagged 9/137 and 47/137: **identical to the first run in both modes**. Numbers seen at the first "
    "and final runs only, errors never printed; this section was rendered without the held-out splits. The second "
    "round's whole-article rules (development only: `e2e17h` became development data): an outlet citing a document "
    "it read still doubts what it hedges; a negated word whose antonym the translation has is the same statement; "
    "relations named from either end are converses; verbs of lacking are weak negations; without a translation a "
    "conditional rendered 'will' is a possibility made certain, and 'part of the' is a partial word. Development "
    "with the memory (sixteen splits): major+ 270 / 317 -> 272 / 315, found 262 -> 264 of 320; with the gloss 175 / "
    "263 -> 185 / 270 (0.665 -> 0.685), found 166 -> 175 of 320.\n\n"
    "First final run of the twenty-first session: fresh held-out `e2e17h` (written this session) at bbf13b2, with the "
    "memory major+ precision 0.667, recall 0.550 (11 of 20; first run at 32f0cfb 0.625 / 0.450), faithful sentences "
    "flagged major+ 4/147 (the same), 16/147 at any severity (the same), 2 major+ findings on the faithful cases (the "
    "same); with the gloss 0.650 / 0.600 (first 0.579 / 0.500), flagged 5/147 (7 first) and 45/147 (44). Numbers "
    "seen at the first and final runs only, errors never printed; this section was rendered without the held-out "
    "splits. The session's whole-article work was on development splits (`e2e16h` became development data at its "
    "start), each a mechanism rather than a phrase: a report that goes on after the author's own paragraphs is "
    "checked as a continuation passage where every sentence of a later paragraph renders the same original (44 of "
    "741 development gold passages, 11 of `e2e16h`'s 60, had been reached by no passage); Dutch, Polish and "
    "Portuguese glossed offline (FreeDict nld-eng, pol-eng, por-eng with closed-class tables); without a "
    "translation, an original that names its source and hedges the claim keeps its doubt when the passage keeps "
    "only the source; a fear or expectation keeps whatever modal it governs. Development with the memory (fifteen "
    "splits, `e2e16h` among them): major+ 253 / 291 (0.869) -> 258 / 299 (0.863), planted departures found 246 -> "
    "251 of 300, faithful sentences flagged major+ 29 -> 30 of 2,114; with the gloss 156 / 243 (0.642) -> 162 / "
    "243 (0.667), found 149 -> 154, flagged 83 -> 78. The fresh split gained two planted departures with the "
    "memory and two with the gloss.\n\n"
    "Final run of the twentieth session: fresh held-out `e2e16h` (written this session) at d0eab6a, with the memory "
    "major+ precision 0.846, recall 0.550 (11 of 20; first run at 6a3aa2a 0.917 / 0.550), faithful sentences flagged "
    "major+ 1/151 (0 first), 7/151 at any severity (the same), 1 major+ finding on the faithful cases (the same); "
    "with the gloss 0.500 / 0.350, flagged 7/151 and 39/151, identical to the first run. Numbers seen at the first "
    "and final runs only, errors never printed; this section was rendered without the held-out splits. The "
    "session's whole-article work was on development splits (`e2e15h` became development data at its start), each "
    "rule a class seen there: a thing done in place of 'may' and its verb, a refusal ('has ruled out') where the "
    "original has no negation, 'has yet to' as 'not yet', a verb of ceasing before a gerund as 'no longer', a "
    "schedule or 'should' keeping 'is expected to', 'three and a half' as 3.5, a well-known city put alone in "
    "another name's place as a substitution, the other side calling figures unreliable as a rebuttal (and rebuttal "
    "words for Polish, Dutch and Portuguese), verbs of one scale at another degree ('destroyed' / 'damaged'), and "
    "sentences merged by the desk joined by a figure both give or a short sentence whose every word the passage "
    "keeps. Development with the memory (fourteen splits, `e2e15h` among them): major+ 233 / 273 (0.853) -> 242 / "
    "278 (0.871), planted departures found 226 -> 235 of 280, faithful sentences flagged major+ 32 -> 28 of 1,963; "
    "with the gloss 147 / 228 (0.645) -> 149 / 229 (0.651), found 140 -> 142, flagged 79 -> 76. The fresh split "
    "did not move: its misses are of other kinds, as in the sessions before.\n\n"
    "Final run of the nineteenth session: fresh held-out `e2e15h` (written this session) at 006b94b, with the memory "
    "major+ precision 0.800, recall 0.750 (15 of 20; first run at d601745 0.765 / 0.650), faithful sentences flagged "
    "major+ 4/140 (the same), 13/140 at any severity (12 first), 3 major+ findings on the faithful cases (the same); "
    "with the gloss 0.600 / 0.400, flagged 7/140 and 49/140, identical to the first run. Numbers seen at the first "
    "and final runs only, errors never printed; this section was rendered without the held-out splits. After the "
    "final run three narrowings came from the WMT21 false-flag check (a listener or medium named after 'told the' "
    "is no speaker, only a plural group is made whole, 'police' is no accuser) and the speed round's aligner (align "
    "1.5); the finals were not rerun. The session's whole-article work was on development splits (`e2e14h` became "
    "development data at its start), each rule a class seen there: a credit carries the original's 'according to X' "
    "only when it names X, an accuser's account stated as fact, the other side's reply and 'no such' as rebuttals, "
    "a name of several words replaced as a whole, 'largely' against 'partly', some of a group made the whole group, "
    "a short quote given to another named person, a litotes rendering a negated 'exclude', 'No. 1' as numbering, "
    "German 'soll' with a separable verb's perfect. Development with the memory (thirteen splits): major+ 202 / 237 "
    "(0.852) -> 218 / 254 (0.858), planted departures found 198 -> 212 of 260, faithful sentences flagged major+ 28 "
    "of 1,823 both; with the gloss 137 / 217 (0.631) -> 138 / 213 (0.648), found 131 -> 132, flagged 76 -> 72.\n\n"
    "Final run of the eighteenth session: fresh held-out `e2e14h` (written this session) at cb7d992, with the memory "
    "major+ precision 0.789, recall 0.700 (14 of 20), faithful sentences flagged major+ 1/145, 16/145 at any "
    "severity, 1 major+ finding on the faithful cases: **identical to the first run** (702e13d); with the gloss "
    "0.625 / 0.500 (first 0.611 / 0.550), flagged 5/145 (9) and 46/145 (47), 3 on the faithful cases. Numbers seen "
    "at the first and final runs (and when this section was rendered), errors never printed. The session's "
    "whole-article work was on development splits (`e2e13h` became development data at its start), each rule a class "
    "seen there: the region a place of the original lies in made explicit, a verb's opposites only in its own sense "
    "and a light verb's particle, a verb of stopping for 'will not ... until', a named speaker's quote given to a "
    "spokesman, the speaker a credit quotes as part of the frame, denials of what a claim implies ('no layoffs are "
    "planned', 'no decision has been taken') as rebuttals; offline: emphasis, qualification and hearsay words for "
    "Portuguese, Dutch and Polish, the adjectives of emphatic adverbs, decades, Russian 'Ye-', groups of people as no "
    "evidence of a person's gender, only names proper as the names a passage's name replaces, and two pairs in a row "
    "placing a passage the model scores low across languages. Development with the memory (twelve splits): major+ "
    "184 / 225 (0.818) -> 187 / 218 (0.858), planted found 181 -> 184 of 240, faithful sentences flagged major+ "
    "34 -> 27 of 1,678; with the gloss 126 / 223 (0.565) -> 127 / 201 (0.632), found 121 of 240 both, flagged "
    "99 -> 71.\n\n"
    "Final run of the seventeenth session: fresh held-out `e2e13h` (written this session) at 0be0f67, with the "
    "memory major+ precision 0.583, recall 0.636 (14 of 22), faithful sentences flagged major+ 7/143, 20/143 at any "
    "severity (21 first), 4 major+ findings on the faithful cases; with the gloss 0.381 / 0.364, flagged 8/143 and "
    "53/143: **every major+ finding as at the first run** (d8c0471). Numbers seen at the first and final runs (and "
    "when this section was rendered), errors never printed. The session's whole-article work was on development "
    "splits (`e2e12h` became development data at its start), each rule a class seen there: a possibility or a "
    "conditional of the translation stated as 'will' where a reordered sentence defeats the word diff, a negation "
    "governing an antonym from a few words back ('without the bridge being closed' / 'with the bridge open') and "
    "'less' turning a word toward its opposite, litotes and delays rendering a negation, time and quantity bounds in "
    "the originals' languages, an abbreviation of the original's name, holidays as no names, a widely known name "
    "lined up against a name the passage keeps, exonyms in mode B, a fraction for its percentage, a year counted "
    "from another, an ordinal against a count, a part counted of a whole made the whole. Development with the "
    "memory, the eleven splits pooled (session start -> end, cached runs): major+ right / reported 164 / 207 "
    "(0.792) -> 169 / 201 (0.841), planted departures found 161 -> 166 of 218, faithful sentences flagged major+ "
    "38 -> 27 of 1,535; the four newest (`e2e9h`-`e2e12h`) 0.687 / 0.695 -> 0.805 / 0.756 (reported 83 -> 77). "
    "With the gloss, the four newest: 45 / 92 (0.489) -> 45 / 82 (0.549), faithful sentences flagged major+ 44 -> "
    "35 of 570. The fresh split did not move: its errors are of other kinds. "
    "Final run of the sixteenth session: fresh held-out `e2e12h` (written this session) at 5efe9ab, with the memory "
    "major+ precision 0.560, recall 0.700 (14 of 20; first run at 3c49861 0.542 / 0.650); faithful sentences flagged "
    "major+ 10/159 (the same), 28/159 at any severity (the same), 10 major+ findings on the faithful cases (the "
    "same); with the gloss 0.379 / 0.500, flagged 12/159 and 63/159, identical to the first run. Numbers seen at the "
    "first and final runs only, errors never printed. The session's whole-article work was on development splits "
    "(`e2e11h` became development data at its start); development major+ pooled over twelve splits with the memory "
    "176 of 221 right -> 185 of 224 (0.796 -> 0.826), planted departures found 169 -> 178 of 235. Run once more "
    "after the post-final rules at 89568b0 (a third look, numbers only): with the memory identical, with the gloss "
    "0.393 / 0.500. "
    "Final run of the fifteenth session: fresh held-out `e2e11h` (written this session) at 8708773, with the memory "
    "major+ precision 0.643, recall 0.409 (9 of 22; first run at ea2b099 0.600 / 0.409); faithful sentences flagged "
    "major+ 4/110 (5 first), 18/110 at any severity (the same), 4 major+ findings on the faithful cases (the same); "
    "with the gloss 0.500 / 0.455 (0.480 / 0.500 first: one planted departure fewer found), flagged 12/110 and "
    "47/110 (14 and 47 first). Numbers seen at the first and final runs only (a first attempt at the final run was "
    "stopped before it printed, to go on with development), errors never printed. The session's whole-article work "
    "was on development splits (`e2e10h` became development data at its start): the original's headline and "
    "standfirst put back into its text (trafilatura discards the teaser; 297 of 2,806 memory lines of the "
    "development originals were missing), widely known places added beside the original's places as explicitation, "
    "a named source left out or added as minor, a quotation cut in two by the sentence splitter as one unit, "
    "'suggests' keeping a hedge, two shared names locating a sentence; development major+ pooled over the eleven "
    "splits 162 of 215 right -> 164 of 204 (0.753 -> 0.804), planted departures found 155 -> 157 of 213. "
    "The fresh split moved by one false finding with the memory. "
    "Final run of the fourteenth session: fresh held-out `e2e10h` (written this session) at 1dfbc46, with the memory "
    "major+ precision 0.542, recall 0.619 (13 of 21; first run at 92b7cc1 0.520 / 0.619); faithful sentences "
    "flagged major+ 11/144 (12 first), 25/144 at any severity (24 first), 8 major+ findings on the faithful cases "
    "(9 first); with the gloss 0.345 / 0.476 (0.357 / 0.476 first), flagged 19/144 and 61/144 (18 and 58 first). "
    "Numbers seen at the first and final runs only, errors never printed. The session's whole-article work was on "
    "development splits (`e2e9h` became development data at its start): verbs that say a thing did not happen "
    "(avoid, ignore, run out of) and staying as it is (stay, remain) rendering a negation, a lost negation shown "
    "where the passage renders what it negated, a converted range in brackets, posture verbs as light verbs, a "
    "pairing with no similarity compared with nothing, a quote given to someone else shown with the name, and a "
    "report run on into the paragraphs after it that render the original sentence by sentence; development major+ "
    "pooled over the ten splits 142 of 189 right -> 149 of 191, planted departures found 135 -> 142 of 192 "
    "(`e2e9h` 0.483 / 0.737 -> 0.552 / 0.842, `e2eh` 0.650 / 0.706 -> 0.833 / 0.824). The fresh split moved "
    "little: one false finding fewer with the memory, one more with the gloss."
    " Final run of the thirteenth session: fresh held-out `e2e9h` (written this session) at 43c365a, with the memory "
    "major+ precision 0.483, recall 0.737 (14 of 19), the same as its first run at 65f5ce0; faithful sentences "
    "flagged major+ 15/157 (9.6%, the same), 50/157 at any severity (51 first), 9 major+ findings on the faithful "
    "cases (9 first); with the gloss 0.375 / 0.579 (0.394 / 0.632 first), flagged 26/157 and 81/157 (the same). "
    "6.5 s per case with the memory (28.6 s at the first run, then under load; the speed4 aligner and dictionary "
    "changes). Numbers seen at the first and final runs only, errors never printed. After the final run one speed "
    "commit was reverted for its DEMETR held-out cost; it changes only minor word-vector guesses (development dumps "
    "identical). The session's whole-article work was on development splits (`e2e8h` became development data at "
    "its start): restatements that say the same thing ('out of action' for 'did not work', 'nobody ... better' for "
    "'better than anyone', a measure for a quality, two light verbs, the source of an estimate, an outlet's relay "
    "of others, a source named by pronoun, a state reached) and reported-speech credits that end before the "
    "author's question; development major+ precision `e2e8h` 0.600 -> 0.720, `e2e7h` 0.417 -> 0.526, the other "
    "splits unchanged (cached runs). None of it moved the fresh split: its false findings are of other kinds, as in "
    "the eleventh session."
    " Final run of the twelfth session: fresh held-out `e2e8h` (written this session), with the memory at e7e2aad "
    "(the run straddled a merge that changes no finding): major+ precision 0.600, recall 0.800 (16 of 20; first run "
    "0.529 / 0.800), faithful sentences flagged major+ 14/154 (the same), 28/154 at any severity (the same), 5 "
    "major+ findings on the faithful cases (7 first); with the gloss at ffd7ea1 (French and Spanish glossed from "
    "FreeDict since this session) 0.316 / 0.600 (0.293 / 0.600 first), flagged 31/154 / 76/154. Numbers seen at "
    "the first and final runs only, errors never printed. The session's whole-article work on development "
    "splits (`e2e7h` became development at its start): long sentence additions minor, bounds and 'too ... to' "
    "no negation, noun antonyms for nouns, extents settled over every paragraph of a passage; development major+ "
    "precision `e2e7h` 0.31 -> 0.40, `e2e6h` 0.79 -> 0.85, `e2e4h` 0.74 -> 0.82, `e2e3h` 0.82 -> 0.90, `e2e3` "
    "0.83 -> 0.88, recall unchanged (cached runs)."
    " Final run of the eleventh session (c6c8ec1): the table above is that run. Its whole-article work was done on "
    "the development splits (`e2e6h` became development data at the session's start): abbreviations that look like "
    "roman numerals, acronyms of the original's names, negations inside compounds and under antonyms, contrasts in "
    "quoted remarks, the outlet's description in the frame, sentences that restate an original sentence the aligner "
    "paired elsewhere, words the translation renders elsewhere, limits of a statement left out, single quotes and "
    "dialogue dashes, outlets described before they are named; and word-level notes of paraphrase (a word with no "
    "counterpart in the translation, word-vector antonym guesses) left out of whole-article checks. Fresh held-out "
    "`e2e7h` (written this session): with the memory major+ precision and recall the same as at the first run, "
    "0.312 / 0.526 (10 of 19), faithful sentences flagged major+ 8.9% both times, at any severity 69.2% -> 19.2%; "
    "gloss 0.294 / 0.474 both times, any severity 41.1% -> 39.0%. None of the session's detector fixes changed a "
    "major finding of its 20 cases: they were general readings of what the development cases got wrong, and the "
    "fresh cases go wrong elsewhere. Numbers seen three times (first run at the session's start, run twice at "
    "that commit because the first output was cut; final run at c6c8ec1; and at 10aec29, after a rule was "
    "withdrawn on development evidence, identical), errors never printed. Development splits at "
    "this commit (major+ precision / recall with the memory): `e2e6h` 0.786 / 0.550 (0.500 / 0.550 at the session's "
    "start), `e2e` 0.933 / 0.737, `e2e3` 0.833 / 0.700, `e2e4h` 0.737 / 0.778, `e2e5h` 1.000 / 0.750, `e2e3h` "
    "0.818 / 0.750, `e2eh` 0.667 / 0.765. Tenth session's final run: fresh `e2e6h` 0.500 / 0.550."
)
GLOSS_BEYOND_GERMAN = (
    "The gloss beyond German (branch gloss2): `--translator gloss` glosses French and Spanish "
    "from FreeDict (Italian only with the setting `gloss_languages`); before, those originals were compared "
    "without a translation. Scored in gloss mode on the French, Spanish and Italian cases of the development "
    "splits (71 cases: e2e, e2e3, e2e4h, e2e5h, e2e3h, e2eh, e2e6h, e2e7h), before (ff29e4b) -> after (e8d65ce, "
    "every language's gloss on): French (28 cases) major+ 44 -> 42, precision 0.432 -> 0.452, recall 0.704 both, "
    "faithful sentences flagged major+ 20/190 -> 19/190, any severity 70/190 both; Spanish (24) unchanged, 25 "
    "major+, 0.640 / 0.462, flagged 6/158, 32/158; Italian (19) major+ 31 -> 32, precision 0.387 -> 0.375, "
    "recall 0.579 both, flagged 16/136 -> 18/136, 46/136 -> 48/136, so Italian is off by default. All 71 with "
    "the defaults: 100 -> 98 major+, precision 0.470 -> 0.480, recall 0.583 both (42 of 72), flagged major+ "
    "42/484 -> 41/484. Per split, before -> after with the defaults (major+ precision / recall): e2e 0.571 / "
    "0.500 -> 0.667 / 0.500, e2e3 0.700 / 0.750 -> 0.727 / 0.875, e2e3h 0.500 / 0.667 -> 0.526 / 0.667, e2eh "
    "0.333 / 0.625 -> 0.267 / 0.500, e2e6h 0.462 / 0.500 -> 0.500 / 0.500; e2e4h, e2e5h, e2e7h unchanged. Small "
    "changes: the gloss only helps to align sentences (its text is never diffed), and the aligner already "
    "read these dictionaries' word pairs. Cases in other languages are untouched by the change (the same "
    "code path), and with the memory the 16 French and Spanish cases of e2e and e2e3 gave the same findings "
    "before and after. Dutch, Polish and Portuguese (twenty-first session, on by default): FreeDict nld-eng "
    "(22,700 headwords), pol-eng (36,000) and por-eng (10,700), each with a closed-class table; on the fifteen "
    "development splits in gloss mode the planted departures missed in those languages went 24 -> 23 (Polish), 14 "
    "-> 14 (Dutch), 18 -> 16 (Portuguese) and their false major+ findings 4 -> 3, 6 -> 6, 15 -> 9; the other "
    "languages unchanged."
)
FIRST_RUNS: dict[str, str] = {
    HELDOUT25: (
        "at 5aaf931 (the code of the twenty-fourth session's finals; the split was commissioned during the session and "
        "first run after them), 20 cases, 10 faithful, 20 planted departures: with the memory 19 major+ findings, "
        "precision 0.684, recall 0.650 (13 of 20); faithful sentences flagged 4/158 major+ (2.5%), 12/158 at any "
        "severity (7.6%); 5 major+ findings on the 10 faithful cases; with the gloss 18 major+, precision 0.722, "
        "recall 0.650 (13 of 20), flagged 5/158 / 39/158, 4 on faithful cases. Held out for the next session. Errors "
        "not printed."
    ),
    HELDOUT24: (
        "at 0c55cce (the twenty-fourth session's starting commit; the split was written during the session), 20 cases, "
        "10 faithful, 20 planted departures: with the memory 17 major+ findings, precision 0.765, recall 0.650 (13 of "
        "20); faithful sentences flagged 2/149 major+ (1.3%), 7/149 at any severity (4.7%); 2 major+ findings on the "
        "10 faithful cases; with the gloss 17 major+, precision 0.647, recall 0.550 (11 of 20), flagged 4/149 / "
        "35/149, 3 on faithful cases. Errors not printed."
    ),
    HELDOUT23: (
        "at 2d877ce (the code of the twenty-third session's finals; the split was written after them), 20 cases, 10 "
        "faithful, 20 planted departures: with the memory 13 major+ findings, precision 0.615, recall 0.350 (7 of 20); "
        "faithful sentences flagged 5/152 major+ (3.3%), 12/152 at any severity (7.9%); 3 major+ findings on the 10 "
        "faithful cases; with the gloss 14 major+, precision 0.786, recall 0.550 (11 of 20), flagged 4/152 / 35/152, "
        "3 on faithful cases. Held out for the next session. Errors not printed."
    ),
    HELDOUT22: (
        "at 1a16c50 (the twenty-third session's starting commit, before any change), the split's held-out half (10 "
        "cases, 5 faithful, 73 faithful sentences): with the memory 18 major+ findings, precision 0.278, recall 0.500 "
        "(5 of 10); faithful sentences flagged 1/73 major+, 4/73 at any severity; 9 major+ findings on the 5 faithful "
        "cases; with the gloss 20 major+, precision 0.200, recall 0.400, flagged 3/73 / 24/73, 11 on faithful cases. "
        "The whole split of 20 at that commit: memory 37 major+, precision 0.297, recall 0.550; gloss 0.229 / 0.400 "
        "(the first attempt ran before the machine's dictionaries were installed: every gloss run failed, the memory's "
        "numbers were the same). Errors not printed."
    ),
    DEV22: (
        "at 1a16c50, the development half (10 cases, 5 faithful, 73 faithful sentences): with the memory 19 major+, "
        "precision 0.316, recall 0.600, flagged 3/73 / 5/73, 6 major+ on the faithful cases; with the gloss 15 "
        "major+, precision 0.267, recall 0.400, flagged 4/73 / 20/73. Most false findings were the author's own "
        "sentences that a credit's paragraph runs on into, reported as additions."
    ),
    DEV: (
        "with the memory, at b40476c (before any change made because of the cases): 21 major+ findings, precision "
        "0.190, recall 0.158 (3 of 19); faithful sentences flagged 11/102 major+ (10.8%), 36/102 at any severity; "
        "13 major+ findings on the 11 fully faithful cases."
    ),
    DEV3: (
        "with the memory, at cc986c0 (before the seventh session's changes; scored with the development dump, a "
        "persistent cache): 50 major+ findings, precision 0.180, recall 0.350 (7 of 20); faithful sentences flagged "
        "31/126 major+, 79/126 at any severity."
    ),
    HELDOUT3: (
        "at cc986c0: with the memory 50 major+ findings, precision 0.300, recall 0.600, faithful sentences flagged "
        "23/162 major+ (14.2%), 75/162 (46.3%) at any severity, 21 major+ findings on the 10 faithful cases; with "
        "the gloss 47 major+, precision 0.319, recall 0.600, flagged 14.2% / 17.9%. Errors not printed."
    ),
    HELDOUT4: (
        "the final run of the eighth session is its first and only run (see the final run below): with the memory "
        "36 major+ findings, precision 0.333, recall 0.667; faithful sentences flagged 16/143 major+ (11.2%), "
        "93/143 at any severity; with the gloss 29 major+, precision 0.345, recall 0.556. Errors not printed."
    ),
    HELDOUT5: (
        "at 7636759 (the ninth session's start): one case of 20 failed to run (a traceback in the finder, an "
        "invalid span when a description's outlet was looked up from the wrong paragraph; fixed at 1bfe53b without "
        "reading the case), the other 19 scored: with the memory 20 major+ findings, precision 0.450, recall 0.400; "
        "faithful sentences flagged 10/130 major+ (7.7%), 79/130 (60.8%) at any severity, 4 major+ findings on the "
        "faithful cases; with the gloss 22 major+, precision 0.318, recall 0.350, flagged 11.5% / 36.2%. Errors not "
        "printed."
    ),
    HELDOUT6: (
        "at ec40212 (the session's starting commit, before any change), 20 cases, 10 faithful: with the memory 20 "
        "major+ findings, precision 0.450, recall 0.450 (9 of 20); faithful sentences flagged 10/156 major+ (6.4%), "
        "83/156 at any severity; 8 major+ findings on the 10 faithful cases; with the gloss 29 major+, precision "
        "0.310, recall 0.400, flagged 11.5% / 27.6%, 12 on faithful cases. Errors not printed."
    ),
    HELDOUT7: (
        "at acebca3 (the eleventh session's starting commit, before any change), 20 cases, 10 faithful: with the "
        "memory 32 major+ findings, precision 0.312, recall 0.526 (10 of 19); faithful sentences flagged 13/146 "
        "major+ (8.9%), 101/146 at any severity; 12 major+ findings on the 10 faithful cases; with the gloss 34 "
        "major+, precision 0.294, recall 0.474, flagged 18/146 / 60/146, 15 on faithful cases. Errors not printed."
    ),
    HELDOUT8: (
        "at a10887d (the twelfth session's starting commit, before any change), 20 cases, 10 faithful: with the "
        "memory 34 major+ findings, precision 0.529, recall 0.800 (16 of 20); faithful sentences flagged 14/154 "
        "major+ (9.1%), 28/154 at any severity; 7 major+ findings on the 10 faithful cases; with the gloss 41 "
        "major+, precision 0.293, recall 0.600, flagged 29/154 / 76/154, 12 on faithful cases. Errors not printed."
    ),
    HELDOUT21: (
        "at 951e21f (the code of the twenty-second session's first finals, before the second round), 20 cases, 10 "
        "faithful, 20 planted departures: with the memory 21 major+ findings, precision 0.905, recall 0.900 (18 of "
        "20); faithful sentences flagged 2/149 major+ (1.3%), 23/149 at any severity (15.4%); 1 major+ finding on the "
        "10 faithful cases; with the gloss 20 major+, precision 0.850, recall 0.850 (17 of 20), flagged 3/149 (2.0%) / "
        "57/149, 3 on faithful cases. Errors not printed."
    ),
    HELDOUT20: (
        "at d168717's code (commissioned after `e2e19h`'s final run, run once: the confirmation of that run on unseen "
        "cases), 20 cases, 10 faithful, 20 planted departures: with the memory 18 major+ findings, precision 1.000, "
        "recall 0.900 (18 of 20); faithful sentences flagged 0/173 major+, 13/173 at any severity (7.5%); no major+ "
        "finding on the 10 faithful cases; with the gloss 19 major+, precision 0.842, recall 0.800 (16 of 20), "
        "flagged 2/173 (1.2%) / 48/173, 1 on faithful cases. Errors not printed."
    ),
    HELDOUT19: (
        "at 3cfa863 (the twenty-second session's starting commit, before any change), 20 cases, 10 faithful, 20 "
        "planted departures: with the memory 19 major+ findings, precision 0.895, recall 0.850 (17 of 20); faithful "
        "sentences flagged 2/127 major+ (1.6%), 11/127 at any severity (8.7%); 2 major+ findings on the 10 faithful "
        "cases; with the gloss 13 major+, precision 0.846, recall 0.550 (11 of 20), flagged 2/127 / 27/127, 2 on "
        "faithful cases. Errors not printed."
    ),
    HELDOUT18: (
        "at 2fd3af6 (before the twenty-first session's second round of changes), 20 cases, 10 faithful, 20 planted "
        "departures: with the memory 16 major+ findings, precision 0.812, recall 0.650 (13 of 20); faithful sentences "
        "flagged 2/137 major+ (1.5%), 17/137 at any severity; 2 major+ findings on the 10 faithful cases; with the "
        "gloss 17 major+, precision 0.588, recall 0.500 (10 of 20), flagged 9/137 / 47/137, 5 on faithful cases. "
        "Errors not printed."
    ),
    HELDOUT17: (
        "at 32f0cfb (the twenty-first session's starting commit, before any change), 20 cases, 10 faithful, 20 "
        "planted departures: with the memory 16 major+ findings, precision 0.625, recall 0.450 (9 of 20); faithful "
        "sentences flagged 4/147 major+ (2.7%), 16/147 at any severity; 2 major+ findings on the 10 faithful cases; "
        "with the gloss 19 major+, precision 0.579, recall 0.500 (10 of 20), flagged 7/147 / 44/147, 4 on faithful "
        "cases. Errors not printed."
    ),
    HELDOUT16: (
        "at 6a3aa2a (the twentieth session's starting commit, before any change), 20 cases, 10 faithful, 20 planted "
        "departures: with the memory 12 major+ findings, precision 0.917, recall 0.550 (11 of 20); faithful sentences "
        "flagged 0/151 major+, 7/151 at any severity; 1 major+ finding on the 10 faithful cases; with the gloss 14 "
        "major+, precision 0.500, recall 0.350 (7 of 20), flagged 7/151 / 39/151, 2 on faithful cases. Errors not "
        "printed."
    ),
    HELDOUT15: (
        "at d601745 (the nineteenth session's starting commit, before any change), 20 cases, 10 faithful, 20 planted "
        "departures: with the memory 17 major+ findings, precision 0.765, recall 0.650 (13 of 20); faithful sentences "
        "flagged 4/140 major+ (2.9%), 12/140 at any severity; 3 major+ findings on the 10 faithful cases; with the "
        "gloss 15 major+, precision 0.600, recall 0.400 (8 of 20), flagged 7/140 / 49/140, 3 on faithful cases. "
        "Errors not printed."
    ),
    HELDOUT14: (
        "at 702e13d (the eighteenth session's starting commit, before any change), 20 cases, 10 faithful, 20 planted "
        "departures: with the memory 19 major+ findings, precision 0.789, recall 0.700 (14 of 20); faithful sentences "
        "flagged 1/145 major+ (0.7%), 16/145 at any severity; 1 major+ finding on the 10 faithful cases; with the "
        "gloss 18 major+, precision 0.611, recall 0.550 (11 of 20), flagged 9/145 / 47/145, 3 on faithful cases. "
        "Errors not printed."
    ),
    HELDOUT13: (
        "at d8c0471 (the seventeenth session's starting commit, before any change), 20 cases, 10 faithful, 22 planted "
        "departures: with the memory 24 major+ findings, precision 0.583, recall 0.636 (14 of 22); faithful sentences "
        "flagged 7/143 major+ (4.9%), 21/143 at any severity; 4 major+ findings on the 10 faithful cases; with the "
        "gloss 21 major+, precision 0.381, recall 0.364 (8 of 22), flagged 8/143 / 53/143, 5 on faithful cases. "
        "Errors not printed."
    ),
    HELDOUT12: (
        "at 3c49861 (the sixteenth session's starting commit, before any change), 20 cases, 10 faithful: with the "
        "memory 24 major+ findings, precision 0.542, recall 0.650 (13 of 20); faithful sentences flagged 10/159 major+ "
        "(6.3%), 28/159 at any severity; 10 major+ findings on the 10 faithful cases; with the gloss 29 major+, "
        "precision 0.379, recall 0.500 (10 of 20), flagged 12/159 / 63/159, 14 on faithful cases. Errors not printed."
    ),
    HELDOUT11: (
        "at ea2b099 (the fifteenth session's starting commit, before any change), 20 cases, 10 faithful: with the "
        "memory 15 major+ findings, precision 0.600, recall 0.409 (9 of 22); faithful sentences flagged 5/110 major+ "
        "(4.5%), 18/110 at any severity; 4 major+ findings on the 10 faithful cases; with the gloss 25 major+, "
        "precision 0.480, recall 0.500 (11 of 22), flagged 14/110 / 47/110, 6 on faithful cases. Errors not printed."
    ),
    HELDOUT10: (
        "at 92b7cc1 (the fourteenth session's starting commit, before any change), 20 cases, 10 faithful: with the "
        "memory 25 major+ findings, precision 0.520, recall 0.619 (13 of 21); faithful sentences flagged 12/144 "
        "major+ (8.3%), 24/144 at any severity; 9 major+ findings on the 10 faithful cases; with the gloss 28 "
        "major+, precision 0.357, recall 0.476, flagged 18/144 / 58/144, 15 on faithful cases. Errors not printed."
    ),
    HELDOUT9: (
        "at 65f5ce0 (the thirteenth session's starting commit, before any change), 20 cases, 10 faithful: with the "
        "memory 29 major+ findings, precision 0.483, recall 0.737 (14 of 19); faithful sentences flagged 15/157 "
        "major+ (9.6%), 51/157 at any severity; 9 major+ findings on the 10 faithful cases; with the gloss 33 "
        "major+, precision 0.394, recall 0.632, flagged 26/157 / 81/157, 14 on faithful cases. Errors not printed."
    ),
    HELDOUT: (
        "with the memory, at the same commit: 14 major+ findings, precision 0.143, recall 0.118 (2 of 17); faithful "
        "sentences flagged 10/110 (9.1%), 35/110 at any severity; 8 major+ findings on the 11 faithful cases. "
        "Errors not printed."
    ),
}


@dataclass(frozen=True)
class GoldFinding:
    kind: str
    subtype: str | None
    derivative: Span | None
    original: str


@dataclass
class Tally:
    cases: int = 0
    faithful_cases: int = 0
    findings: Counts = field(default_factory=Counts)  # major+ findings: reported (pred) and gold
    faithful_sentences: int = 0
    flagged_major: int = 0
    flagged_any: int = 0
    faithful_case_findings: int = 0
    seconds: float = 0.0
    errors: list[str] = field(default_factory=list)


def _fold(text: str) -> str:
    return " ".join(text.split()).casefold()


def _original_overlaps(found: Finding, gold: GoldFinding) -> bool:
    if found.original is None or not gold.original:
        return False
    a, b = _fold(found.original.text), _fold(gold.original)
    if not (a and b):
        return False
    # the same sentence, or one holding it, or most of its words (split or merged differently): three shared words
    # alone matched unrelated sentences of the same page ("в", "и", "что")
    words_a, words_b = set(a.split()), set(b.split())
    return a in b or b in a or len(words_a & words_b) >= max(3, min(len(words_a), len(words_b)) // 2)


def _matches(found: Finding, gold: GoldFinding) -> bool:
    if found.kind.value != gold.kind:
        return False
    if gold.kind == "omission":
        return _original_overlaps(found, gold)
    span = found.derivative.span if found.derivative else None
    return span is not None and gold.derivative is not None and span.overlaps(gold.derivative)


def run_case(folder: Path, *, gloss: bool, cache: Path) -> tuple[list[Finding], Any]:
    from provenance.config import Config
    from provenance.documents import read_document
    from provenance.pipeline import Checker

    doc = read_document(folder / "article.md")
    settings: dict[str, Any] = {"cache_dir": cache, "progress": False}
    if gloss:
        settings["translator"] = "gloss"
    else:
        settings |= {"translator": "memory", "memories": (folder / "memory.tsv",)}
    report = Checker(Config(**settings)).check(doc, [str(folder / "original.html")])
    return list(report.findings()), doc


def score(split: str, *, gloss: bool) -> Tally:
    tally = Tally()
    folder = CASES / split
    if not folder.is_dir():
        return tally
    with tempfile.TemporaryDirectory() as tmp:
        for case in sorted(p for p in folder.iterdir() if (p / "gold.toml").exists()):
            gold = tomllib.loads((case / "gold.toml").read_text(encoding="utf-8"))
            t0 = time.perf_counter()
            try:
                findings, doc = run_case(case, gloss=gloss, cache=Path(tmp))
            except Exception as exc:  # a case the checker cannot run is an error in the table, not a crash
                tally.errors.append(f"{case.name}: {type(exc).__name__}: {exc}")
                continue
            tally.seconds += time.perf_counter() - t0
            tally.cases += 1
            faithful = bool(gold.get("faithful", False))
            tally.faithful_cases += faithful
            golds = [
                GoldFinding(
                    g["kind"],
                    g.get("subtype"),
                    locate(doc.text, g["derivative"], g["derivative"]) if g.get("derivative") else None,
                    g.get("original", ""),
                )
                for g in gold.get("findings", [])
            ]
            major = [f for f in findings if f.severity in MAJOR]
            tally.findings.pred += len(major)
            tally.findings.gold += len(golds)
            if faithful:
                tally.faithful_case_findings += len(major)
            for f in major:
                if any(_matches(f, g) for g in golds):
                    tally.findings.tp_pred += 1
                elif split in DEVELOPMENT:
                    where = f.derivative.text[:60] if f.derivative else (f.original.text[:60] if f.original else "")
                    sub = f.subtype.value if f.subtype else ""
                    tally.errors.append(f"{case.name}: false {f.kind.value}/{sub} {f.severity.value}: {where!r}")
            for g in golds:
                if any(_matches(f, g) for f in major):
                    tally.findings.tp_gold += 1
                elif split in DEVELOPMENT:
                    tally.errors.append(f"{case.name}: missed {g.kind}/{g.subtype or ''}: {g.original[:60]!r}")
            for sentence in gold.get("faithful_sentences", []):
                try:
                    span = locate(doc.text, sentence["text"], sentence["text"])
                except ValueError:
                    continue
                tally.faithful_sentences += 1
                points = [
                    f for f in findings if f.derivative and f.derivative.span and f.derivative.span.overlaps(span)
                ]
                tally.flagged_any += bool(points)
                tally.flagged_major += any(f.severity in MAJOR for f in points)
    return tally


def render(results: dict[tuple[str, str], Tally]) -> str:
    rows = []
    for (split, mode), t in results.items():
        n = max(t.faithful_sentences, 1)
        rows.append(
            [
                split,
                mode,
                t.cases,
                t.faithful_cases,
                t.findings.pred,
                t.findings.precision(),
                t.findings.recall(),
                f"{t.flagged_major}/{t.faithful_sentences} ({t.flagged_major / n:.1%})",
                f"{t.flagged_any}/{t.faithful_sentences} ({t.flagged_any / n:.1%})",
                t.faithful_case_findings,
                f"{t.seconds / max(t.cases, 1):.1f}",
            ]
        )
    lines = [
        "## End to end: whole articles against their originals",
        "",
        __doc__.split("\n\n")[1].replace("\n", " "),
        "",
        "Targets (held-out half): with the memory, major+ precision >= 0.85 and recall >= 0.8, faithful sentences "
        "flagged <= 3% (<= 10% counting minor findings); with the gloss, precision >= 0.7 and recall >= 0.6.",
        "",
        table(
            [
                "split",
                "translator",
                "cases",
                "faithful cases",
                "major+ reported",
                "precision",
                "recall",
                "faithful sentences flagged major+",
                "flagged, any severity",
                "major+ on faithful cases",
                "s / case",
            ],
            rows,
        ),
        "",
    ]
    for (split, mode), t in results.items():
        if split in DEVELOPMENT and t.errors:
            lines += [f"Errors ({split}, {mode}):", ""] + [f"- {e}" for e in t.errors] + [""]
        elif t.errors:
            lines += [f"{split}, {mode}: {len(t.errors)} case(s) failed to run." if split in HELD_OUT else "", ""]
    for split, note in FIRST_RUNS.items():
        lines += [f"First run of `{split}`: {note}", ""]
    lines += [FINAL_RUN, "", GLOSS_BEYOND_GERMAN, ""]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    import argparse

    parser = argparse.ArgumentParser(description="Score whole-article checks on the end-to-end cases.")
    parser.add_argument("--heldout", action="store_true", help="also score the held-out half")
    parser.add_argument("--no-gloss", action="store_true", help="skip the offline (gloss) runs")
    parser.add_argument("--gloss-only", action="store_true", help="skip the runs with the memory")
    parser.add_argument("--no-write", action="store_true", help="print only; leave docs/benchmarks.md alone")
    parser.add_argument("--only", nargs="+", metavar="SPLIT", help="score only these splits (implies --no-write)")
    args = parser.parse_args(argv)
    if args.gloss_only and args.no_gloss:
        parser.error("--gloss-only and --no-gloss leave nothing to run")
    splits = DEVELOPMENT + (HELD_OUT if args.heldout else ())
    if args.only:
        if set(args.only) - set(DEVELOPMENT + HELD_OUT) or (set(args.only) & set(HELD_OUT) and not args.heldout):
            parser.error("--only takes development splits, and held-out ones only with --heldout")
        splits = tuple(s for s in splits if s in args.only)
    results: dict[tuple[str, str], Tally] = {}
    for split in (s for s in splits if (CASES / s).is_dir()):
        if not args.gloss_only:
            results[(split, "memory")] = score(split, gloss=False)
        if not args.no_gloss:
            results[(split, "gloss")] = score(split, gloss=True)
    body = render(results)
    if not args.no_write and args.heldout and not args.only and not args.gloss_only:
        write_section("end_to_end", body)
    print(body)
    return 0


if __name__ == "__main__":
    sys.exit(main())
