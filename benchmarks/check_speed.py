"""`provenance check` speed: the bundled example, and whole articles built from WMT newstest2021 de-en.

Runs the real console script in a subprocess, as a user would, one model thread (OMP and BLAS pinned to
one thread), each run timed by ``/usr/bin/time`` (wall, user + sys CPU, peak resident memory):

1. a fresh cache directory; the set-up step (``provenance setup``, as ``make install`` runs it) builds the
   lexical resources; then the first check ever (the bundled example);
2. in the same cache, a new article of about 2,000 words: one quoted passage credited to the example outlet
   (consecutive reference-B sentences), the German source of the same sentences as the original (an HTML
   page) and reference A as the desk's translation memory; then a second new 2,000-word article, the same
   article again, and a new 8,000-word article (line ranges do not overlap, so every "new" text is new to
   the cache); embeddings computed are counted as rows added to the cache's embedding table;
3. the bundled example with a warm cache (median of five).

    python -m benchmarks.check_speed [--no-setup | --set-up-cache DIR] [--no-write]

``--no-setup`` skips step 1's set-up (the state before resources were built at set-up); ``--set-up-cache DIR``
copies a cache dir that ``provenance setup`` of this code has built instead of running it (set-up takes half an hour
of wall time on the shared machine), and the table has no set-up row.
"""

from __future__ import annotations

import argparse
import html
import os
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from pathlib import Path

from benchmarks.common import ROOT, data_path, embedded_texts, table, write_section

EXAMPLE = ROOT / "examples"
RUNS = 5
URL = "https://rheinischer-bote.example/region/wmt-{name}.html"
# (name, first line of newstest2021 de-en, English words of reference B): disjoint line ranges
CASES = (("2k-a", 450, 2000), ("2k-b", 570, 2000), ("8k", 0, 8000), ("2k-c", 700, 2000))
SENTENCES_PER_PARAGRAPH = 5

# First runs, recorded before this round's changes (2026-12-06, branch speed, same machine, 2 cores shared
# with other jobs; wall / CPU user+sys seconds, peak MB). See docs/benchmarks.md for the table.
FIRST_RUN_NOTES = """
First runs, before resources were built at set-up and before the aligner anchored on the memory (align 1.2,
`--no-setup`, load average about 6 on the 2 cores, so read CPU seconds): first check ever (the example) 19.2 s
wall / 9.4 s CPU / 433 MB; first new 2,000-word article 69.2 / 33.3 s, 1,869 embeddings (17.8 per WMT
segment); second new 2,000-word article 58.8 / 26.6 s, 1,308 embeddings (10.4 per segment: 334 sentence
texts in the aligner, the rest single words for the word-vector antonym check of compare/negation.py); the same
article again 5.7 / 3.7 s; new 8,000-word article 187.5 / 86.2 s, 3,577 embeddings (7.7 per segment); warm
example 6.0 / 2.1 s. Ratio 8k / 2k 3.19 wall, 3.25 CPU. Counted in-process on the second new article (a profile,
before the in-process row existed): the aligner embedded 334 sentence texts for 114 passage and 116 original
sentences (2.93 per passage sentence, 1.45 per sentence of both texts: passage, original and memory
translation once each) and compare/negation.py 1,509 word vectors; the profile's hot spots were embedding
(words 36 s and sentences 29 s of 73 s wall at a load of 6), compare's lexicon lookups and coverage check, then
the attribution finder's simplemma word check (1.1 s, simplemma's own LZMA dictionary) and py3langid's model
load (1.1 s, LZMA). Alignment F1 (benchmarks/alignment.py on this machine, no FreeDict installed, so default =
no dictionary): Text+Berg dev 0.904, WMT dev 0.969, Text+Berg test0-2 0.879, before and after this round (the
memory anchoring only acts with known translations, which those sets do not have).

First runs of the compare-speed round (branch speed2; code of main at 783ef4b; load average 8 to 10 on the 2
cores, so read CPU seconds): as the table was made before (the compiled resources and word vectors of compare/
went to the user's cache dir, warm from other runs: `check --cache-dir` does not reach them, see `_env`), the
second new 2,000-word article took 50.6 s wall / 16.0 s CPU with 190 embeddings and the in-process count showed 0
word vectors. With the user's cache kept out (this procedure): set-up 233.7 / 89.5 s; first check ever 41.3 / 6.5
s, 501 MB; first new 2,000-word article 187.8 / 35.9 s, 1,849 embeddings; second new 2,000-word article 91.4 /
27.7 s, 1,152 embeddings (9.14 per segment); the same again 21.1 / 7.0 s; new 8,000-word article 310.2 / 76.3 s,
3,107 embeddings; warm example 24.0 / 4.1 s; ratio 8k / 2k 3.39 wall, 2.76 CPU; third article in-process 196
sentence texts and 492 word vectors. A profile of the second article (load about 7): alignment embeddings 16.3 s
of 39 s, compare 11.6 s (negation's word vectors 5.1 s, the CLDR name table 2.6 s, the Ding index 2.2 s, WordNet
1.7 s), py3langid's model 1.6 s, the outlet registry 1.7 s.

First runs of the word-table round (branch speed3; code of main at acebca3; load average 1.2 to 2.7 on the 2
cores): a profile of the second new 2,000-word article checked in-process on a set-up cache (one model thread):
41.8 s wall, of which the e5 model 31.0 s: 1,475 single words for the word-vector checks (22 s, about 15 ms each)
and 162 sentence texts for the aligner (9.5 s: 114 passage and 116 original sentences, the memory's rapidfuzz
anchors fixing the rest); then the Ding equivalents index load 1.3 s, regex compiles 1.5 s, py3langid's model
0.85 s, the outlet registry 0.9 s. Of the 1,475 words, 900 are in the English word table that `provenance setup`
now stores (compare/wordvec.py); with it the same check computed 575 words (the rest are mostly German words of
the original for the cross-lingual antonym check) and the same 162 sentence texts, with the same 144 findings.

First runs of the fourth round (branch speed4; code of main at 65f5ce0; load average 1.3 to 1.9 on the 2 cores):
`provenance setup` 246 s wall / 220 s CPU / 929 MB. A profile of the second new 2,000-word article checked
in-process on a set-up cache (one model thread): 19.7 s wall / 18.4 s CPU, of which the e5 model 12.0 s: 162
sentence texts for the aligner (6.1 s; 61 of 114 passage sentences fixed by the memory's rapidfuzz anchors, the
other 53 embedded with 55 original sentences and their translations) and 549 single words (6.1 s, about 11 ms
each): 494 German words of the original asked by mode A's cross-lingual fallback (compare/antonyms_vectors.py),
36 English words outside the set-up table for the check against the translation, 19 for the addition check.
The rest is loading: regex compiles 1.1 s (the attribution lexicon 0.7 s), py3langid's model 0.85 s, the outlet
registry 0.8 s, the Ding equivalents index 0.7 s, simplemma's own dictionary for the finder's English-word test
0.6 s, the FreeDict word lists 0.3 s. Side by side after the round's changes (load about 1.5; the same article
through the CLI on copies of one set-up cache): 22.5 s CPU before, 13.6 s after, 712 -> 411 texts embedded, the
same 7 findings. Then the Ding all-equivalents index as memory-mapped tries (load about 1.5): that article 12.6
-> 11.4 s CPU and 720 -> 600 MB, the example's first check 3.9 -> 3.5 s CPU and 461 -> 321 MB, same findings.

First runs of the fifth round (branch speed5; code of main at 92b7cc1; load average 4 to 11 on the 2 cores, so read
CPU seconds): the second new 2,000-word article checked in-process on a set-up cache (one model thread, under
cProfile) took 49.9 s wall / 17.7 s CPU, of which the e5 model 25 s: 93 sentence texts for the aligner (13.5 s) and
543 words (12.6 s), 524 of them asked by the word-vector antonym check, mostly German words of the original for mode
A's fallback; then the FreeDict German-English word lists of the aligner's dictionary term (marshal, 4.0 s under
the profiler), simplemma's own English dictionary for the finder's English-word test (2.5 s) and regex compiles
(2.1 s: the attribution lexicon 1.6 s, the outlet registry 0.5 s). The three faithful articles of
benchmarks/faithful_article.py computed 520 / 543 / 492 words. After the round's changes (set-up also stores the
vectors of the 3,000 most frequent words of each source language; the FreeDict word lists as memory-mapped tries):
261 / 261 / 240 words, the same sentence texts, findings identical (JSON) on all three; the second article 15.7 s
CPU under the profiler, the FreeDict lists 0.1 s.

First runs of the sixth round (branch speed6; code of main at ea2b099; load average 7 to 9.5 on the 2 cores, so read
CPU seconds): `provenance setup` 522 s wall / 385 s CPU / 824 MB. The second new 2,000-word article checked
in-process on a copy of that cache (one model thread, under cProfile): 21.3 s wall / 12.8 s CPU, 6 findings, 358
texts embedded: 93 sentence texts for the aligner (5.1 s of the profile) and 265 words (4.1 s; 248 asked by the
word-vector antonym check, mostly German words of the original for mode A's fallback: compounds such as
'kraftfahrzeugrennen', 'infektionsschutzbestimmungen', and names), in 112 model calls of about 2 words each (one
per sentence pair). The rest is loading: regex compiles 2.5 s (the attribution lexicon 1.3 s), py3langid's model 1.3
s (its LZMA file), the outlet registry 1.2 s (812 TOML files and the regular expression of all their names),
simplemma's English dictionary for the finder's English-word test 0.9 s. The model's cost is about 1.8 ms per
token on one core (a single word, 6 tokens with the prefix, about 14 ms; a 27-token sentence about 50 ms), and its
vectors do not depend on the batch (bit-identical alone or in a batch), so a vector stored at set-up is the one a
check would compute. Of the 265 words, a source table of 10,000 words per language (instead of 3,000) holds 85
(20,000: 125); the rest are a long tail of compounds and names. The round's change: set-up stores 10,000 words per
source language. Against the previous table (load 9.5 then, 11 now): set-up 388 -> 683 s CPU (the 31,060 words it
adds took 319 s of one core when embedded alone), the second new article 13.0 -> 10.6 s CPU and 345 -> 267
embeddings (2.74 -> 2.12 per segment), the 8,000-word one 39.9 -> 35.6 s and 1,291 -> 1,024, the third article's
word vectors 202 -> 139; the findings of the three articles of benchmarks/faithful_article.py and of the first 300
pairs of the throughput benchmark byte-identical (JSON) with the old and the new table.

First runs of the seventh round (branch speed7; code of main at 3c49861; load average 3.6 to 9.5 on the 2 cores, so
read CPU seconds; checks on copies of a cache that `provenance setup` built): the second new 2,000-word article checked
in-process under cProfile (one model thread, load 3.6) took 27.5 s wall / 18.1 s CPU, 6 findings, 273 texts embedded:
93 sentence texts for the aligner and 180 words, 165 asked by the word-vector antonym check, 142 of them by mode A's
fallback against the original. 140 of those 142 were words of the original rarer than Zipf 3.5, outside the
10,000-word source table: compounds and names ('kraftfahrzeugrennen', 'tempolimit', 'gartenmauer', 'strobl'), and a
few frequent words the table misses because wordfreq spells ß as ss ('straße', 'schließlich'). Loading under the
profiler: regex compiles 3.0 s (the attribution lexicon 1.7 s, the outlet registry's name pattern 0.5 s),
simplemma's English dictionary for the finder's English-word test 1.0 s, py3langid's model 0.9 s, WordNet 0.9 s.
Through the CLI (the example, the first and the second new article, the second again; load about 8 to 10): 4.0,
13.8, 9.3 and 4.6 s CPU with 343, 267 and 0 embeddings. The round's change (mode A's fallback pairs passage words only
with words of the original of Zipf 3.5 or more, read from wordfreq's short lists): the same runs in the same minutes
4.0, 12.1, 8.9 and 5.1 s CPU with 236, 142 and 0 embeddings and the same findings (the faithful articles, DEMETR mode A
tuning and the development e2e splits identical); the in-process article 273 -> 146 texts.

First runs of the eighth round (branch speed8; code of main at d8c0471; load average 6 to 12 on the 2 cores, so read
CPU seconds; the second new 2,000-word article through the CLI on copies of one set-up cache in which the first had
been checked): 6.4-7.3 s CPU and 504 MB peak, 142 embeddings, back to back with the round's code. By in-process
clocks (one model thread) the e5 model took 2.7-2.8 s of it (93 sentence texts for the aligner and 49 words); the
rest was mostly loading: py3langid's model 0.8 s (its LZMA file 0.45 s), the Ding gloss index 0.33 s (a 16 MB
marshal, read because the memory lacks a few of the original's sentences as split), the garbage collector 0.35 s
during the run and 0.3 s at exit, the HTTP stack that `check` imported through the discovery package (httpx,
httpcore, trio, rich, warcio: 0.15-0.2 s), `PRAGMA quick_check` of the 130 MB cache database once per store (three
of about 0.1 s), regex compiles 0.28 s (the attribution lexicon 0.13 s), WordNet 0.15 s, simplemma's English
dictionary for the finder's English-word test 0.14 s, the outlet registry 0.12 s. The round's changes (py3langid's
model kept uncompressed in the cache dir, the gloss index as memory-mapped tries, no HTTP stack for local files,
quick_check once per database state and process, and in the `provenance` process young objects collected every
20,000 allocations and the heap frozen at exit): the same article 4.5-5.0 s CPU and 381 MB peak at a load of about
8, the same JSON report; passages of the fixture articles, the findings of the e2e, e2e3 and e2e4h cases (memory,
JSON) and `compare --jsonl` on the first 300 DEMETR pairs (modes A and B) byte-identical. The table above was run on
a copy of a cache that `provenance setup` of this code completed (it adds py3langid's model and the gloss index's
tries), at a load of about 6: the second new article 8.8 -> 4.7 s CPU, the example's first check 3.9 -> 1.8 s. The
8,000 / 2,000 ratio rose to 4.4 because the fixed cost of a check fell more than the cost per word; the 8,000-word
article computed 654 texts against 655 in the previous table by its set-up cache, not by the code (main and this
round's code computed 663 each on one other cache copy, with the same report).

First runs of the ninth round (branch speed9; code of main at 702e13d; load average 0.8 to 3.6 on the 2 cores, so
read CPU seconds; checks on copies of a cache that `provenance setup` of the code measured had built): the second
new 2,000-word article 4.97-5.04 s CPU and 338 MB, 141 embeddings. By in-process clocks (one model thread) the e5
model took 2.7 s; the rest that did not depend on the article: imports 0.30 s, and 0.17 s more compiling the
package's own modules, which this environment (PYTHONDONTWRITEBYTECODE=1) compiles again in every run; compiling
regular expressions 0.27 s (the attribution lexicon's 75 patterns 0.11 s, the registry's name trie 0.03 s, the rest
in imported packages); the finder's English-word test decoding simplemma's LZMA English dictionary 0.13 s; the
outlet registry's 812 TOML files 0.11 s; WordNet 0.14 s, and the collector's young collections walking the tuples
just unpickled (0.15 s of collections in all); the cache database's quick_check 0.07 s; py3langid's tables 0.05 s.
The round's changes load less and compute nothing differently: the `provenance` process keeps the engine code of the
regular expressions it compiles in the cache dir (by pattern text, flags and Python version, checksummed, and
checked by the engine as it takes it: compiling 0.27 -> 0.005 s, the store read in 0.02 s); in a Checker's run the
finder's English-word test reads the lemma tries the comparison opens anyway (the same 181,612 words); a Checker
keeps the registry pickled in the cache dir under the SHA-256 of its files and of the code that reads them (set-up
writes it too; 0.11 -> 0.02 s); the objects of the unpickled WordNet go to the collector's oldest generation
(collections 0.15 -> 0.04 s); py3langid's tables are used where they were read instead of copied (0.02 s). Back to
back, three runs of this table each on copies of one set-up cache, each completed by `provenance setup` of the code
measured: the second new article 5.00 / 4.97 / 5.04 -> 4.49 / 4.33 / 4.55 s CPU, 338 -> 327 MB, 141 embeddings
either way; the same article again 2.2-2.3 -> 1.5-1.9 s; the warm example 1.2 -> 0.7 s; the 8,000-word article
20.9-21.4 -> 20.4-20.7 s, so the ratio 8k / 2k rose from 4.2 to 4.5-4.7 (the fixed cost fell, the cost per word did
not). Once more each at a load of about 1 (the table above is the new code's run): 5.10 -> 4.41 s CPU, ratio 4.18 ->
4.70. Passages of the fixture articles (the finder also with the lemma-tries English test), `compare --jsonl` on 300
DEMETR pairs (modes A and B, with the store written and then read) and the JSON reports of the 40 e2e and e2e3 cases
with the memory identical.

First runs of the tenth round (branch speed10; code of main at d601745; load average 6 to 7.5 on the 2 cores, so read
CPU seconds). The three caches that fresh clones' CI runs set up (ci18, ci18b, ci18c) are the same: their databases
are byte-identical (58,929 embeddings, 31,505 pages, no free page, one index) and so are every compiled resource;
they differ only in the regular-expression store (485 or 486 patterns: three whose alternation follows a set's hash
order, and one that one store lacks) and in the file name of py3langid's uncompressed model (named by the mtime of
the shipped file, which differs per venv, so each is written again at the first check from another venv). Back to
back at a load of about 7 the 8,000-word article took 21.7, 21.2 and 20.8 s CPU on the three, so the 26.7 s of the
"slow" cache was the load of its run. The 8,000-word article embedded more per segment (1.39 against 1.12) because
its stretch of WMT (lines 0-463) anchors less well on the memory: the first pass fixed 277 of its 430 passage
sentences (64%) against 84 of 114 (74%), and every unsure pair costs three texts (passage sentence, original, known
translation): 453 window texts, 0.98 per passage sentence against 0.74 (94 texts); nothing grows faster than the
text (the rapidfuzz matrix takes 0.04 s at 8,000 words). By in-process clocks (one model thread) the model took 17.1
of the 8,000-word article's 20.4 s (aligner 453 texts, compare's word vectors 235) and 3.0 of the second 2,000-word
article's 3.9 s. The round's change (align 1.5, align/memory.py): the sure-pair test again inside the windows,
with the window's own runners-up, least similarity 0.45, the pair still each other's best over the whole texts.
Window texts 453 -> 249 and 94 -> 40; beads and findings (JSON) of the three WMT articles identical. Base and new
interleaved, then twice more the new, on copies of each cache (medians; the base once at a load of 7): second new
article 4.85 / 4.81 / 4.91 -> 3.28 / 3.09 / 3.18 s CPU, 1.12 -> 0.69 embeddings per segment; 8,000-word article
21.65 / 21.17 / 20.82 -> 13.82 / 13.85 / 13.34 s, 1.39 -> 0.97; ratio 4.46 / 4.40 / 4.24 -> 4.29 / 4.47 / 4.23 (the
fixed cost is a larger share of the shorter check). What is left of the 8,000-word article's extra cost per segment:
21 windows of one sentence a side whose pair rapidfuzz cannot tell from an unrelated one (0.39-0.57), and compare's
word vectors and rules.
"""


@dataclass(frozen=True)
class Run:
    wall: float
    cpu: float  # user + sys
    peak_mb: float
    code: int


@dataclass(frozen=True)
class Case:
    article: Path
    original: Path
    memory: Path
    sentences: int
    en_words: int
    de_words: int


def _env(cache: Path) -> dict[str, str]:
    one = {k: "1" for k in ("OMP_NUM_THREADS", "OPENBLAS_NUM_THREADS", "MKL_NUM_THREADS", "PROVENANCE_EMBED_THREADS")}
    # compare/'s compiled resources and word vectors follow $PROVENANCE_CACHE_DIR when the lemmatiser was built
    # before the run's --cache-dir reached them (as in `check`): without this they came from the user's cache,
    # warm from other runs, and the "new" articles were not new to it
    return {**os.environ, **one, "PYTHONWARNINGS": "ignore", "PROVENANCE_CACHE_DIR": str(cache)}


def _timed(cmd: list[str], what: str, cache: Path) -> Run:
    """Run ``cmd`` (using the cache dir ``cache``) under /usr/bin/time; exit codes 0 and 1 (findings) are
    success."""
    with tempfile.NamedTemporaryFile("r", suffix=".time") as stats:
        full = ["/usr/bin/time", "-f", "%e %U %S %M", "-o", stats.name, *cmd]
        start = time.perf_counter()
        proc = subprocess.run(full, capture_output=True, text=True, env=_env(cache), cwd=ROOT)
        wall = time.perf_counter() - start
        if proc.returncode not in (0, 1):
            sys.exit(f"{what} failed ({proc.returncode}): {proc.stderr.strip()[-2000:]}")
        fields = stats.read().split()[-4:]
    _elapsed, user, system, rss_kb = (float(v) for v in fields)
    return Run(wall, user + system, rss_kb / 1024.0, proc.returncode)


def _provenance(cache: Path, *args: str) -> list[str]:
    return [sys.executable, "-m", "provenance.cli", "--no-progress", "--cache-dir", str(cache), *args]


def _check(cache: Path, article: Path, original: Path, memory: Path) -> Run:
    cmd = _provenance(cache, "--sources", str(EXAMPLE / "outlets"), "check", str(article), "--original",
                      str(original), "--memory", str(memory), "--format", "json")
    return _timed(cmd, f"check {article.name}", cache)


def _example(cache: Path) -> Run:
    return _check(cache, EXAMPLE / "article.md", EXAMPLE / "original.html", EXAMPLE / "memory.tsv")


def _lines(part: str) -> list[str]:
    return data_path("wmt_newstest", f"newstest2021.de-en.{part}").read_text(encoding="utf-8").splitlines()


def build_case(folder: Path, name: str, first: int, words: int) -> Case:
    """An article quoting ``words`` English words of reference B from line ``first`` on, credited to the
    example outlet, with the German source as the original and reference A as the memory."""
    src, ref_a, ref_b = _lines("src.de"), _lines("ref.A.en"), _lines("ref.B.en")
    last, count = first, 0
    while count < words and last < len(ref_b):
        count += len(ref_b[last].split())
        last += 1
    de, en_a, en_b = src[first:last], ref_a[first:last], ref_b[first:last]
    folder.mkdir(parents=True, exist_ok=True)
    url = URL.format(name=name)
    step = SENTENCES_PER_PARAGRAPH
    quote = "\n>\n".join("> " + " ".join(en_b[k : k + step]) for k in range(0, len(en_b), step))
    article = folder / "article.md"
    article.write_text(
        f"# Dispatch {name}\n\nOur desk read the regional press.\n\n"
        f"From the German daily Rheinischer Bote ([original]({url})):\n\n{quote}\n\n"
        "We will keep following the story.\n",
        encoding="utf-8",
    )
    paragraphs = "\n".join(
        "<p>" + html.escape(" ".join(de[k : k + step])) + "</p>" for k in range(0, len(de), step)
    )
    original = folder / "original.html"
    original.write_text(
        f'<!DOCTYPE html>\n<html lang="de"><head><meta charset="utf-8"><title>Bericht {name}</title></head>'
        f"<body><article><h1>Bericht {name}</h1>\n{paragraphs}\n</article></body></html>\n",
        encoding="utf-8",
    )
    memory = folder / "memory.tsv"
    memory.write_text("".join(f"{d}\t{a}\n" for d, a in zip(de, en_a, strict=True)), encoding="utf-8")
    return Case(article, original, memory, len(en_b), count, sum(len(s.split()) for s in de))


def _split_counts(cache: Path, case: Case) -> tuple[int, int, int, int]:
    """A check in this process, to tell the pipeline's sentence embeddings (aligner, extent) from the word
    vectors of compare/: (sentence texts, word vectors, derivative sentences, original sentences)."""
    from provenance.config import Config
    from provenance.documents import read_document
    from provenance.pipeline import Checker

    # the Checker makes its resources current while it checks: compare/'s word vectors go into this cache
    config = Config(cache_dir=cache, sources_dirs=(EXAMPLE / "outlets",), translator="memory",
                    memories=(case.memory,), progress=False)
    checker = Checker(config)
    before = embedded_texts(cache)
    report = checker.check(read_document(case.article), [str(case.original)])
    total = embedded_texts(cache) - before
    sentences = int(getattr(checker.embedder, "computed", 0))
    result = report.results[0]
    originals = len(result.original.sentences) if result.original else 0
    return sentences, total - sentences, len(result.derivative_sentences), originals


def _row(label: str, run: Run, extra: str = "-") -> list[object]:
    return [label, round(run.wall, 2), round(run.cpu, 2), round(run.peak_mb), extra]


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--no-setup", action="store_true", help="skip `provenance setup` before the first check")
    ap.add_argument("--set-up-cache", type=Path, help="a cache dir `provenance setup` built: copied, not rebuilt")
    ap.add_argument("--no-write", action="store_true", help="print only, do not update docs/benchmarks.md")
    args = ap.parse_args()
    rows: list[list[object]] = []
    with tempfile.TemporaryDirectory() as tmp_name:
        tmp = Path(tmp_name)
        cases = {name: build_case(tmp / name, name, first, words) for name, first, words in CASES}
        cache = tmp / "cache"
        if args.set_up_cache is not None:
            shutil.copytree(args.set_up_cache, cache)
        elif not args.no_setup:
            setup = _timed(_provenance(cache, "setup"), "provenance setup", cache)
            rows.append(_row("set-up: `provenance setup` (fresh cache)", setup))
        first = _example(cache)
        rows.append(_row("first check ever: the bundled example", first))
        per_sentence: dict[str, float] = {}
        timings: dict[str, Run] = {}
        for name, label in (("2k-a", "first new 2,000-word article"), ("2k-b", "second new 2,000-word article"),
                            ("2k-b", "the same article again"), ("8k", "new 8,000-word article")):
            case = cases[name]
            before = embedded_texts(cache)
            run = _check(cache, case.article, case.original, case.memory)
            added = embedded_texts(cache) - before
            per = added / case.sentences
            key = name if name not in timings else name + " again"
            timings[key], per_sentence[key] = run, per
            rows.append(_row(f"{label} ({case.sentences} segments, {case.en_words} / {case.de_words} words)", run,
                             f"{added} ({per:.2f} per segment)"))
        warm = [_example(cache) for _ in range(RUNS)]
        sent, words, n, m = _split_counts(cache, cases["2k-c"])
    med = statistics.median(r.wall for r in warm)
    rows.append([f"bundled example, warm cache, median of {RUNS}", round(med, 2),
                 round(statistics.median(r.cpu for r in warm), 2), round(max(r.peak_mb for r in warm)), "-"])
    ratio = timings["8k"].wall / timings["2k-b"].wall
    cpu_ratio = timings["8k"].cpu / timings["2k-b"].cpu
    load = os.getloadavg()[0] if hasattr(os, "getloadavg") else float("nan")
    body = "\n".join([
        "## `provenance check` speed: the bundled example and whole articles",
        "",
        "Whole command in a subprocess (interpreter start-up included), translation memory as translator, one",
        "model thread. Articles are built from WMT newstest2021 de-en: consecutive reference-B sentences quoted",
        "as one passage credited to the example outlet (paragraphs of five sentences), the German source of the",
        "same lines as the original (an HTML page), reference A as the memory. Words: English / German.",
        "Embeddings: texts the model embedded during the run (rows added to the cache), per WMT segment."
        + (" The set-up step was not rerun: the checks start from a copy of a cache it built (`--set-up-cache`)."
           if args.set_up_cache is not None else ""),
        "",
        table(["run", "wall s", "CPU s (user+sys)", "peak MB", "embeddings computed"], rows),
        "",
        f"Embeddings of a third new 2,000-word article ({n} passage and {m} original sentences), checked in this "
        f"process: {sent} sentence texts by the pipeline (aligner; "
        f"{sent / n:.2f} per passage sentence, {sent / (n + m):.2f} per sentence of both texts) and {words} word "
        "vectors for compare/negation.py's antonym check.",
        "",
        f"Time ratio 8,000 / 2,000 words (second new article): {ratio:.2f} wall, {cpu_ratio:.2f} CPU (target <= 4.5).",
        f"Targets (issue 16): new 2,000 words < 5 s with <= 1.5 embeddings per sentence; first check after set-up "
        f"< 20 s and < 450 MB. Load average (1 min) at the end: {load:.1f} (2 cores).",
        "",
        FIRST_RUN_NOTES.strip(),
    ])
    print(body)
    if not args.no_write:
        write_section("check_speed", body)


if __name__ == "__main__":
    main()
