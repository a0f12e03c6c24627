"""Settings every stage takes as an argument (nothing global).

Precedence, lowest first: built-in defaults < ``[tool.provenance]`` in ``pyproject.toml``
or ``provenance.toml`` in the working directory < ``PROVENANCE_*`` environment variables
< command-line flags. Loading files and the environment lives in ``load_config``; the
CLI applies its flags on top with ``dataclasses.replace``.
"""

from __future__ import annotations

import os
from dataclasses import dataclass, field, fields, replace
from pathlib import Path
from typing import Any

import platformdirs

from provenance.errors import ConfigError


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir("translation-provenance"))


@dataclass(frozen=True)
class Config:
    # where the SQLite database and snapshot bodies live
    cache_dir: Path = field(default_factory=default_cache_dir)
    # extra outlet registry folders (TOML files), searched after the built-in one
    sources_dirs: tuple[Path, ...] = ()
    # retrieval
    allow_private_network: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # one fetch in all (redirects, retries, body); None: connect_timeout + 4 * read_timeout + 30
    fetch_deadline: float | None = None
    max_bytes: int = 10 * 1024 * 1024
    max_redirects: int = 10
    retries: int = 3
    archive: str = "live"  # live | wayback | archive.today | auto
    refresh: bool = False
    user_agent: str = ""
    # translation
    translator: str = "auto"
    libre_url: str | None = None
    memories: tuple[Path, ...] = ()
    # comparison / gate
    fail_on: str = "major"  # minor | major | critical | never
    # the gate also fails when a passage could not be compared with any original
    fail_on_unverified: bool = False
    min_confidence: float = 0.5
    # thorough comparison: also test antonyms no word list pairs by rewriting the passage and embedding the
    # rewrites (compare/counterfactual.py); finds more flipped words, costs tens of ms per candidate word
    thorough: bool = False
    waivers: Path | None = None
    # output
    progress: bool = True
    # translation backends (provenance/translate): the online provider `--translator auto` uses
    # (None: auto stays offline), timeouts/retries/concurrency of online calls, base URLs (tests and
    # self-hosted servers), fuzzy threshold of translation memories; API keys never appear in repr
    translator_provider: str | None = None
    translate_connect_timeout: float = 3.0
    translate_timeout: float = 20.0
    translate_retries: int = 3
    translate_backoff: float = 0.5
    translate_max_wait: float = 30.0
    # one translation request in all (retries, waits, the whole answer)
    translate_deadline: float = 60.0
    translate_concurrency: int = 4
    memory_threshold: float = 92.0
    google_url: str | None = None
    mymemory_url: str | None = None
    microsoft_url: str | None = None
    microsoft_region: str | None = None
    deepl_url: str | None = None
    chatgpt_url: str | None = None
    chatgpt_model: str = "gpt-4o-mini"
    gloss_dictionary: str | None = None
    deepl_key: str | None = field(default=None, repr=False)
    microsoft_key: str | None = field(default=None, repr=False)
    libre_key: str | None = field(default=None, repr=False)
    openai_key: str | None = field(default=None, repr=False)


_ENV_PREFIX = "PROVENANCE_"


def _coerce(name: str, raw: Any, current: Any) -> Any:
    try:
        if isinstance(current, bool):
            if isinstance(raw, bool):
                return raw
            return str(raw).strip().lower() in {"1", "true", "yes", "on"}
        if isinstance(current, int) and not isinstance(current, bool):
            return int(raw)
        if isinstance(current, float):
            return float(raw)
        if isinstance(current, Path) or name in {"cache_dir", "waivers"}:
            return Path(str(raw)).expanduser()
        if isinstance(current, tuple):
            items = raw if isinstance(raw, list | tuple) else str(raw).split(os.pathsep)
            if name in {"sources_dirs", "memories"}:
                return tuple(Path(str(i)).expanduser() for i in items if str(i))
            return tuple(items)
        return None if raw is None else str(raw)
    except (TypeError, ValueError):
        raise ConfigError(f"setting {name!r} has an invalid value {raw!r}") from None


def _apply(config: Config, values: dict[str, Any], origin: str) -> Config:
    known = {f.name: f for f in fields(Config)}
    changes: dict[str, Any] = {}
    for key, raw in values.items():
        name = key.replace("-", "_")
        if name not in known:
            raise ConfigError(f"unknown setting {key!r} in {origin}")
        changes[name] = _coerce(name, raw, getattr(config, name))
    return replace(config, **changes)


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        with path.open("rb") as fh:
            return tomllib.load(fh)
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def load_config(cwd: Path | None = None, environ: dict[str, str] | None = None) -> Config:
    """Defaults, then the project file, then the environment."""
    cwd = cwd or Path.cwd()
    environ = dict(os.environ if environ is None else environ)
    config = Config()
    own = cwd / "provenance.toml"
    pyproject = cwd / "pyproject.toml"
    if own.is_file():
        config = _apply(config, _read_toml(own), str(own))
    elif pyproject.is_file():
        section = _read_toml(pyproject).get("tool", {}).get("provenance")
        if section:
            config = _apply(config, section, f"{pyproject} [tool.provenance]")
    env_values = {
        k[len(_ENV_PREFIX) :].lower(): v
        for k, v in environ.items()
        if k.startswith(_ENV_PREFIX) and k[len(_ENV_PREFIX) :].lower() in {f.name for f in fields(Config)}
    }
    if env_values:
        config = _apply(config, env_values, "the environment")
    return config
