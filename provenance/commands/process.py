"""What the ``provenance`` process sets for itself (the library leaves all three alone): the garbage collector's
pace, where py3langid's model is kept uncompressed, and where the code of its regular expressions is kept."""

from __future__ import annotations

import atexit
import gc
from contextlib import AbstractContextManager
from pathlib import Path

#: young objects between two collections (Python's default: 700)
YOUNG_OBJECTS = 20_000


def tune_collector() -> None:
    """A check builds millions of objects that live to its end: at the default pace the collector walked that heap
    about 500 times (0.15 s of a 2,000-word article), and the interpreter's last collection at exit walks all of it
    (0.3 s) to free what the OS takes back anyway, so the heap is frozen then. No collected object changes a result."""
    gc.set_threshold(YOUNG_OBJECTS, *gc.get_threshold()[1:])
    atexit.register(gc.freeze)


def language_model(cache_dir: Path) -> AbstractContextManager[None]:
    """The run's cache dir holds py3langid's model uncompressed (``segment.language_model_in``)."""
    from provenance.segment import language_model_in

    return language_model_in(cache_dir)


def kept_regexes(cache_dir: Path) -> AbstractContextManager[None]:
    """The run's cache dir keeps the code of the regular expressions the process compiles (``commands/regexes.py``)."""
    from provenance.commands.regexes import kept_in

    return kept_in(cache_dir)
