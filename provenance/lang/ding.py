"""The Ding German-English dictionary (Debian ``trans-de-en``): its reader, indexes and word lookups.

Dictionary lines look like ``German entries :: English entries``; `` | `` separates parallel
subentries (inflected forms, examples) and ``;`` synonyms; ``{m}``, ``[coll.]``, ``(...)``,
``<...>`` and ``/abbr./`` are annotations. Two indexes are built from it, each once and kept in the
cache directory (keyed on the dictionary file's size and mtime, written atomically; both as memory-mapped
tries, ``lang/packed.py``, and as ``marshal`` where no cache dir is given):

- the gloss index maps each single-word German form to the first English synonym of its subentry,
  preferring headwords over inflected forms and earlier lines over later ones (the offline gloss,
  ``translate/gloss.py``);
- the all-equivalents index maps it to every English equivalent of every entry (the mode-B word
  check, ``compare/lexical.py``).

``Glosser`` looks words up in either: exact form, lower case, simplemma lemma, then compound splitting
(longest known suffix, with the linking elements -s-, -es-, -n-, -en-, -er-, -e- removed from the
modifier). It lives below translate and compare, which both use it.
"""

from __future__ import annotations

import logging
import marshal
import re
import threading
from collections.abc import Callable, Mapping
from collections.abc import Set as AbstractSet
from pathlib import Path

from provenance.db import atomic_write
from provenance.lang import packed
from provenance.lang.function_words import function_words

log = logging.getLogger("provenance.lang")

INDEX_VERSION = 7
_LINKING = ("es", "en", "er", "s", "n", "e")  # Fugenelemente, longest first

_ANNOTATION = re.compile(r"\{[^}]*\}|\[[^\]]*\]|\([^)]*\)|<[^>]*>|(?:^|(?<=\s))/[^/\s][^/]*/")
_GERMAN_PLACEHOLDERS = {"etw.", "jdn.", "jdm.", "jds.", "jd.", "sich", "etw", "jdn", "jdm", "jds", "jd"}
_ENGLISH_PLACEHOLDERS = re.compile(r"\b(?:sth\.|sb\.|sb\./sth\.|sth\./sb\.|sb's|sth|sb|oneself|one's)(?=\s|$)")
# register, region and style labels: such senses are a poor default for a gloss
_MARKED = re.compile(
    r"\[(?:coll|slang|ugs|vulg|pej|archaic|obs|dated|rare|veraltet|selten|Br|Am|Ös|Schw|Süddt|Norddt|Dt|"
    r"dialect|regional|humor|hum|übtr|fig|poet|geh|Jägersprache|Sprw|prov)\.?\]"
)
_WORD = re.compile(r"[^\W\d_]+(?:-[^\W\d_]+)*", re.UNICODE)

_lock = threading.Lock()
Index = tuple[dict[str, str], dict[str, str], frozenset[str]]  # exact, lower-cased, noun headwords
_loaded: dict[tuple[str, int, int, str], tuple] = {}


def linking_stems(modifier: str) -> list[str]:
    """The first part of a German compound as written, then without each linking element it may end in
    ("Arbeits" -> "Arbeits", "Arbeit"): the one place the package strips them (dictionary.py splits with it too)."""
    return [modifier] + [modifier[: -len(cut)] for cut in _LINKING if modifier.endswith(cut)]



def _split_top(text: str, sep: str) -> list[str]:
    """Split on ``sep`` outside brackets ("fly {flew; flown}" stays one synonym)."""
    parts: list[str] = []
    depth = 0
    start = 0
    for i, ch in enumerate(text):
        if ch in "{[(<":
            depth += 1
        elif ch in "}])>":
            depth = max(0, depth - 1)
        elif ch == sep and depth == 0:
            parts.append(text[start:i])
            start = i + 1
    parts.append(text[start:])
    return parts


def _clean(text: str) -> str:
    text = _ANNOTATION.sub(" ", text)
    return " ".join(text.split())


def _german_key(entry: str) -> str | None:
    words = [w for w in _clean(entry).split() if w not in _GERMAN_PLACEHOLDERS]
    if len(words) == 2 and words[0] in {"der", "die", "das"}:  # "die Polizei {f}" :: "the police"
        words = words[1:]
    if len(words) != 1:
        return None
    word = words[0].strip(".,;:!?\"'")
    return word if _WORD.fullmatch(word) else None


def _marked(text: str) -> bool:
    return _MARKED.search(text) is not None


def _english_gloss(entry: str) -> tuple[str, bool]:
    """The first plain synonym (not colloquial, regional, dated...) and whether all were marked."""
    synonyms = _split_top(entry, ";")
    # skip register-marked senses and grammar notes such as "when + ...-ing"
    plain = [s for s in synonyms if not _marked(s) and not any(c in s for c in "+…")]
    chosen = (plain or synonyms)[0]
    text = _ENGLISH_PLACEHOLDERS.sub(" ", _clean(chosen))
    text = " ".join(text.split()).strip(" ,;:")
    for prefix in ("to ", "the "):
        if text.startswith(prefix) and len(text) > len(prefix):
            text = text[len(prefix) :]
    return text, not plain


Rank = tuple[int, int, int, int, int]


def _entries(path: Path) -> list[tuple[int, int, int, str, str, bool]]:
    """(line, subentry, synonym index, German key, English gloss, marked) for every single-word form."""
    out: list[tuple[int, int, int, str, str, bool]] = []
    with path.open(encoding="utf-8", errors="replace") as fh:
        for lineno, line in enumerate(fh):
            if line.startswith("#") or " :: " not in line:
                continue
            german, english = line.rstrip("\n").split(" :: ", 1)
            de_subs = german.split(" | ")
            en_subs = english.split(" | ")
            for sub_i, de_sub in enumerate(de_subs[: len(en_subs)]):
                gloss, en_marked = _english_gloss(en_subs[sub_i])
                if not gloss:
                    continue
                for syn_i, synonym in enumerate(_split_top(de_sub, ";")):
                    key = _german_key(synonym)
                    if key is not None:
                        out.append((lineno, sub_i, syn_i, key, gloss, en_marked or _marked(synonym)))
    return out


def build_index(path: Path) -> Index:
    """``(exact, lower, heads)``: German word form -> English gloss (best-ranked entry per form),
    the same keyed in lower case, and the capitalised headwords (nouns in their dictionary form).

    Ranking: plain senses before register-marked ones; headwords before inflected forms; an
    inflected form from its headword's best line before the same form in other lines ("verletzt"
    from the main "verletzen" entry, not from a specialised sense); first synonyms first; earlier
    lines first.
    """
    entries = _entries(path)
    head_rank: dict[str, tuple[int, int, int]] = {}
    for lineno, sub_i, syn_i, key, _gloss, marked in entries:
        if sub_i == 0:
            r = (int(marked), min(syn_i, 3), lineno)
            if key not in head_rank or r < head_rank[key]:
                head_rank[key] = r
    best_lines = {r[2] for r in head_rank.values()}
    best: dict[str, tuple[Rank, str]] = {}
    for lineno, sub_i, syn_i, key, gloss, marked in entries:
        main_line = 0 if sub_i == 0 or lineno in best_lines else 1
        rank = (int(marked), min(sub_i, 1), main_line, min(syn_i, 3), lineno)
        old = best.get(key)
        if old is None or rank < old[0]:
            best[key] = (rank, gloss)
    exact = {k: v for k, (_r, v) in best.items()}
    lower: dict[str, tuple[Rank, str]] = {}
    for k, (rank, v) in best.items():
        lk = k.lower()
        if lk not in lower or rank < lower[lk][0]:
            lower[lk] = (rank, v)
    heads = frozenset(k for k, (rank, _v) in best.items() if rank[1] == 0 and k[:1].isupper())
    return exact, {k: v for k, (_r, v) in lower.items()}, heads


def load_index(path: Path, cache_dir: Path | None) -> Index:
    """The index of ``path``, from memory, from the tries in the cache dir (its marshal file took 0.3 s to load in
    every check that glosses a sentence the memory lacks), or built and stored there."""
    return _load_tables(path, cache_dir, f"v{INDEX_VERSION}", 3, build_index)  # type: ignore[return-value]


def _load_tables(path: Path, cache_dir: Path | None, tag: str, count: int, build: Callable[[Path], tuple]) -> tuple:
    """``build(path)``'s ``count`` tables: from memory, from the memory-mapped tries in the cache dir (keyed on the
    dictionary's size and mtime and ``tag``; ``lang/packed.py``: no load time, answers as the dicts and sets), or
    built and stored there; without a cache dir built once per process."""
    if cache_dir is None:  # nowhere to store: built once per process
        return _load_cached(path, None, tag, build)
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns, tag)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        folder = cache_dir / "gloss" / f"ding-{st.st_size}-{st.st_mtime_ns}-{tag}.tries"
        index = packed.open_tables(folder, count)
        if index is None:
            built = build(path)
            try:
                packed.store(folder, built)
                index = packed.open_tables(folder, count)
            except OSError as exc:
                log.warning("cannot store the dictionary index in %s: %s", folder, exc)
            index = index or built
        _loaded[key] = index
        return index


def _load_cached(path: Path, cache_dir: Path | None, tag: str, build: Callable[[Path], tuple]) -> tuple:
    """``build(path)`` from memory, from the marshal file in the cache dir (keyed on the dictionary's
    size and mtime and ``tag``), or built and cached atomically. Frozensets survive marshal."""
    st = path.stat()
    key = (str(path), st.st_size, st.st_mtime_ns, tag)
    with _lock:
        if key in _loaded:
            return _loaded[key]
        name = f"ding-{st.st_size}-{st.st_mtime_ns}-{tag}.marshal"
        cached = cache_dir / "gloss" / name if cache_dir else None
        index = None
        if cached is not None and cached.exists():
            try:
                index = tuple(marshal.loads(cached.read_bytes()))
            except (ValueError, EOFError, TypeError, IndexError, OSError):
                log.warning("gloss index cache %s is unreadable; rebuilding", cached)
        if index is None:
            index = build(path)
            if cached is not None:
                try:
                    atomic_write(cached, marshal.dumps(index))
                except OSError as exc:
                    log.warning("cannot cache the gloss index in %s: %s", cached, exc)
        _loaded[key] = index
        return index


# --------------------------------------------------------------------------- all equivalents

#: part of speech from the German entry's annotation: a(djective), r (adverb), n(oun), v(erb)
_POS = {"adj": "a", "adv": "r", "m": "n", "f": "n", "n": "n", "pl": "n", "vt": "v", "vi": "v", "vr": "v", "v": "v"}
_BRACES = re.compile(r"\{([^}]*)\}")
EQUIVALENTS_VERSION = 3
#: exact, lower: German form -> English lemmas (space-joined; ``~word``: only in register-marked senses such as
#: [coll.] or [Br.]); noun headwords; English lemma -> parts of
#: speech; German form -> parts of speech; English lemma -> the German headwords it translates (space-joined)
Equivalents = tuple[Mapping[str, str], Mapping[str, str], AbstractSet[str], Mapping[str, str], Mapping[str, str],
                    Mapping[str, str]]


def _pos_of(entry: str) -> str:
    return "".join(sorted({_POS[m.strip()] for m in _BRACES.findall(entry) if m.strip() in _POS}))


def _english_lemmas(entry: str, marked: bool) -> tuple[list[str], list[str]]:
    """(every word of every synonym, the synonyms that are one word), lower-cased English lemmas.
    Words of register-marked senses (or of a marked German synonym) carry a leading ``~``."""
    from provenance.lang.lemmas import lemma  # the same lemmas the comparison uses

    words: list[str] = []
    single: list[str] = []
    for synonym in _split_top(entry, ";"):
        text = _ENGLISH_PLACEHOLDERS.sub(" ", _clean(synonym))
        found = [lemma(w, "en") for w in _WORD.findall(text)]
        found = [w for w in found if w not in {"to", "the", "a", "an"}] or found
        if len(found) == 1:
            single.append(found[0])
        tag = "~" if marked or _marked(synonym) else ""
        words.extend(tag + w for w in found if tag + w not in words)
    return words, single


def _merge(known: list[str], new: list[str]) -> None:
    """Add ``new`` to ``known``; a plain sense of a word replaces its marked (``~``) form."""
    for w in new:
        if w in known:
            continue
        if w.startswith("~"):
            if w[1:] not in known:
                known.append(w)
        else:
            if "~" + w in known:
                known.remove("~" + w)
            known.append(w)


def build_equivalents(path: Path) -> Equivalents:
    """Every English equivalent of every single-word German form (all synonyms of all entries),
    and the parts of speech the dictionary gives the one-word English equivalents."""
    eq: dict[str, list[str]] = {}
    heads: set[str] = set()
    en_pos: dict[str, set[str]] = {}
    de_pos: dict[str, set[str]] = {}
    reverse: dict[str, list[str]] = {}
    with path.open(encoding="utf-8", errors="replace") as fh:
        for line in fh:
            if line.startswith("#") or " :: " not in line:
                continue
            german, english = line.rstrip("\n").split(" :: ", 1)
            en_subs = english.split(" | ")
            for sub_i, de_sub in enumerate(german.split(" | ")[: len(en_subs)]):
                for synonym in _split_top(de_sub, ";"):
                    key = _german_key(synonym)
                    if key is None:
                        continue
                    words, single = _english_lemmas(en_subs[sub_i], _marked(synonym))
                    if not words:
                        continue
                    _merge(eq.setdefault(key, []), words)
                    pos = _pos_of(synonym)
                    de_pos.setdefault(key, set()).update(pos)
                    if sub_i == 0 and key[:1].isupper() and "n" in pos:
                        heads.add(key)
                    for w in single:
                        en_pos.setdefault(w, set()).update(pos)
                        if sub_i == 0:
                            back = reverse.setdefault(w, [])
                            if key not in back:
                                back.append(key)
    exact = {k: " ".join(v) for k, v in eq.items()}
    lower: dict[str, list[str]] = {}
    for k, v in eq.items():
        _merge(lower.setdefault(k.lower(), []), v)
    return (exact, {k: " ".join(v) for k, v in lower.items()}, frozenset(heads),
            {k: "".join(sorted(v)) for k, v in en_pos.items()}, {k: "".join(sorted(v)) for k, v in de_pos.items()},
            {k: " ".join(v) for k, v in reverse.items()})


def load_equivalents(path: Path, cache_dir: Path | None) -> Equivalents:
    """The all-equivalents index of ``path`` (``_load_tables``: the tries save about 140 MB per process against the
    dicts)."""
    return _load_tables(path, cache_dir, f"equiv-v{EQUIVALENTS_VERSION}", 6, build_equivalents)  # type: ignore[return-value]


def dictionary_version(path: Path) -> str:
    """The version the dictionary file states in its header ("unknown" when it states none)."""
    try:
        with path.open(encoding="utf-8", errors="replace") as fh:
            for _ in range(5):
                line = fh.readline()
                if line.startswith("# Version ::"):
                    return line.split("::", 1)[1].strip().replace(" ", "-")
    except OSError:
        pass
    return "unknown"


class Glosser:
    """Word lookups against one loaded index."""

    def __init__(
        self, exact: Mapping[str, str], lower: Mapping[str, str], heads: AbstractSet[str] = frozenset()
    ) -> None:
        self.exact = exact
        self.lower = lower
        self.heads = heads
        self.function = function_words("de")
        self._memo: dict[str, str | None] = {}

    def _direct(self, word: str) -> str | None:
        return self.exact.get(word) or self.lower.get(word.lower())

    def _lemma(self, word: str) -> str | None:
        # the comparison's lemmatiser: same simplemma data, but from the memory-mapped tries (plain
        # simplemma decodes its whole German dictionary first, ~1.5 s per process)
        from provenance.lang.lemmas import lemmatiser

        lemmatizer, _ = lemmatiser()
        try:
            lemma = str(lemmatizer.lemmatize(word, "de"))  # type: ignore[attr-defined]
        except (ValueError, KeyError):
            return None
        return self._direct(lemma) if lemma and lemma != word else None

    def _compound(self, word: str, depth: int = 0) -> str | None:
        """Longest known suffix (>= 3 letters) plus a known, or itself split, modifier."""
        low = word.lower()
        for i in range(3, len(low) - 2):
            head, modifier = low[i:], low[:i]
            if depth:
                # inside a modifier only two noun headwords of 4+ letters: splitting a name such as
                # "Mattersburg" into short pieces yields nonsense
                if len(head) < 4 or len(modifier) < 4 or head.capitalize() not in self.heads:
                    continue
                head_gloss = self.exact[head.capitalize()]
            else:
                head_gloss = (
                    self.exact.get(head.capitalize())
                    or self.lower.get(head)
                    or self._lemma(head.capitalize())
                    or self._lemma(head)
                )
            if not head_gloss:
                continue
            mod_gloss = self._modifier(modifier, depth)
            if mod_gloss:
                return f"{mod_gloss} {head_gloss}"
        return None

    def _modifier(self, modifier: str, depth: int) -> str | None:
        """The first part of a compound, with or without a linking element (Fugenelement)."""
        stems = linking_stems(modifier)
        stems = [s for s in stems if len(s) >= (3 if depth == 0 else 4)]
        # a noun headword wins: "Bein|verletzung" (not bei+n), "Brücke+n|unfall" (not the plural)
        for stem in stems:
            if stem.capitalize() in self.heads:
                return self.exact[stem.capitalize()]
        if depth:
            return None
        for stem in reversed(stems):  # then any known form, linking element removed first
            if stem in self.lower:
                return self.lower[stem]
        if depth == 0:
            for stem in stems:
                split = self._compound(stem, depth + 1)
                if split:
                    return split
        return None

    def word(self, word: str) -> str | None:
        """The English gloss of one German word, or None."""
        if word in self._memo:
            return self._memo[word]
        gloss = self.function.get(word.lower()) or self._direct(word) or self._lemma(word)
        if gloss is None and len(word) >= 6:
            gloss = self._compound(word)
        if gloss is None and "-" in word:
            # hyphenated compound: the last part is the head and carries the meaning; unknown
            # modifiers (mostly names: "Corona-Krise", "Trump-Regierung") are kept as written
            parts = word.split("-")
            head = self.word(parts[-1])
            if head is not None:
                gloss = " ".join([*(self.word(p) or p for p in parts[:-1]), head])
        self._memo[word] = gloss
        return gloss

    def gloss(self, text: str) -> str:
        out: list[str] = []
        pos = 0
        last = ""  # last non-space character written
        for m in _WORD.finditer(text):
            before = text[pos : m.start()]
            out.append(before)
            last = before.rstrip()[-1:] or last
            word = m.group()
            gloss = self.word(word) or word
            # sentence-initial capital survives the gloss ("Der" -> "The")
            if last in {"", ".", "!", "?", ":"} and word[:1].isupper() and gloss[:1].islower():
                gloss = gloss[:1].upper() + gloss[1:]
            out.append(gloss)
            last = gloss.rstrip()[-1:] or last
            pos = m.end()
        out.append(text[pos:])
        return "".join(out)
