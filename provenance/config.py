"""Settings every stage takes as an argument (nothing global).

Where settings come from, lowest precedence first:

1. built-in defaults;
2. the user's own config file, ``config.toml`` in the user config directory (platformdirs;
   ``PROVENANCE_CONFIG`` names another file);
3. the project file in the working directory: ``provenance.toml`` or, if there is none, the
   ``[tool.provenance]`` table of ``pyproject.toml``;
4. ``PROVENANCE_*`` environment variables, then the translation services' own variables
   (``DEEPL_AUTH_KEY``, ``LIBRETRANSLATE_URL``, ...; ``SERVICE_ENV``) for the settings still unset;
5. command-line flags (the CLI applies them with ``dataclasses.replace``).

The working directory is the repository being checked, and in pre-commit and CI that is not
trusted. A project file therefore cannot set the security-relevant settings (``TRUSTED_ONLY``:
private network access, service URLs that receive keys, API keys, the cache location); when it
tries, the setting is ignored and ``load_settings`` returns a warning for the CLI to print.
``allow_http_loopback`` is taken from the command line only.

This is the one module that reads the environment: the library takes everything it needs from ``Config``.

Every value, whatever its origin, is checked against one typed schema (``SCHEMA``: type, range,
choices); a bad value is a ``ConfigError`` with a one-line message, never a traceback.
"""

from __future__ import annotations

import math
import os
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field, replace
from pathlib import Path
from typing import Any
from urllib.parse import urlsplit

import platformdirs

from provenance.errors import ConfigError

APP_NAME = "translation-provenance"


def default_cache_dir() -> Path:
    return Path(platformdirs.user_cache_dir(APP_NAME))


def user_config_file(environ: Mapping[str, str]) -> Path:
    """The user's own (trusted) config file: ``PROVENANCE_CONFIG`` or config.toml in the user config dir."""
    named = environ.get("PROVENANCE_CONFIG")
    return Path(named).expanduser() if named else Path(platformdirs.user_config_dir(APP_NAME)) / "config.toml"


@dataclass(frozen=True)
class Config:
    # where the SQLite database and snapshot bodies live
    cache_dir: Path = field(default_factory=default_cache_dir)
    # extra outlet registry folders (TOML files), searched after the built-in one
    sources_dirs: tuple[Path, ...] = ()
    # retrieval
    allow_private_network: bool = False
    # send API keys over plain http to a service on a loopback address (command line only)
    allow_http_loopback: bool = False
    connect_timeout: float = 10.0
    read_timeout: float = 30.0
    # one fetch in all (redirects, retries, body); None: connect_timeout + 4 * read_timeout + 30
    fetch_deadline: float | None = None
    max_bytes: int = 10 * 1024 * 1024
    # articles (and compared texts) larger than this are refused with a clear error
    max_article_bytes: int = 5 * 1024 * 1024
    max_redirects: int = 10
    retries: int = 3
    archive: str = "live"  # live | wayback | archive.today | auto
    # archive services (None: the public ones; tests and mirrors point them elsewhere) and the pause between two
    # requests to one archive host (None: the retriever's default)
    wayback_api: str | None = None
    wayback_replay: str | None = None
    archive_today: str | None = None
    archive_min_interval: float | None = None
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
    # whole-article checks leave out word-level notes of paraphrase (words added or left out with no counterpart
    # in an independent translation, word-vector antonym guesses); True reports them too, at minor severity
    word_level: bool = False
    # CPU threads of the embedding model (None or 0: all of them)
    embed_threads: int | None = None
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
    # the source languages the offline gloss covers, comma-separated ("de,fr,es,it"; None: translate/gloss.py's
    # DEFAULT_LANGUAGES)
    gloss_languages: str | None = None
    # language data the checks read (provenance/lang/resources.py; None: the installed packages' copies)
    wordnet_dir: Path | None = None
    vader_lexicon: Path | None = None
    freedict_dir: Path | None = None
    deepl_key: str | None = field(default=None, repr=False)
    microsoft_key: str | None = field(default=None, repr=False)
    libre_key: str | None = field(default=None, repr=False)
    openai_key: str | None = field(default=None, repr=False)


    def __post_init__(self) -> None:
        for name, setting in SCHEMA.items():
            problem = setting.problem(getattr(self, name))
            if problem:
                raise ConfigError(f"setting {name!r} {problem}")


# ----------------------------------------------------------------------------- the schema


@dataclass(frozen=True)
class Setting:
    """What one ``Config`` field may hold and how it is read from TOML or an environment string.

    ``kind`` is bool, int, float, str, Path or tuple (a list of paths); ``optional`` allows None;
    numbers must be finite and within [``low``, ``high``] (``low_open``: strictly above ``low``);
    ``choices`` lists the allowed strings; ``check`` is an extra test returning a problem or None.
    """

    kind: type
    optional: bool = False
    low: float | None = None
    high: float | None = None
    low_open: bool = False
    choices: tuple[str, ...] = ()
    check: Callable[[str], str | None] | None = None
    trusted_only: bool = False  # never from a project file
    cli_only: bool = False  # only from the command line (not files, not the environment)

    def problem(self, value: Any) -> str | None:
        """Why ``value`` is not acceptable (None: it is)."""
        if value is None:
            return None if self.optional else "must be set"
        kind = self.kind
        if kind is bool:
            return None if isinstance(value, bool) else f"must be true or false, not {value!r}"
        if kind in (int, float):
            allowed = (int,) if kind is int else (int, float)
            if isinstance(value, bool) or not isinstance(value, allowed):
                return f"must be {'a whole number' if kind is int else 'a number'}, not {value!r}"
            if not math.isfinite(value):
                return f"must be a finite number, not {value!r}"
            return self._range(value)
        if kind is Path:
            return None if isinstance(value, Path) else f"must be a path, not {value!r}"
        if kind is tuple:
            if not isinstance(value, tuple) or not all(isinstance(v, Path) for v in value):
                return f"must be a list of paths, not {value!r}"
            return None
        if not isinstance(value, str):
            return f"must be a string, not {value!r}"
        if self.choices and value not in self.choices:
            return f"must be one of {', '.join(self.choices)}, not {value!r}"
        return self.check(value) if self.check else None

    def _range(self, value: float) -> str | None:
        too_low = self.low is not None and (value <= self.low if self.low_open else value < self.low)
        too_high = self.high is not None and value > self.high
        if not (too_low or too_high):
            return None
        low = "" if self.low is None else f"{'>' if self.low_open else '>='} {self.low:g}"
        high = "" if self.high is None else f"<= {self.high:g}"
        return f"must be {' and '.join(b for b in (low, high) if b)}, not {value!r}"

    def parse(self, raw: Any, *, text: bool = False) -> Any:
        """A TOML value (or with ``text``, an environment string) as this setting's type; ``problem`` checks it."""
        if text and isinstance(raw, str) and self.kind is not str:
            text = raw.strip()
            if self.optional and not text:
                return None
            if self.kind is bool:
                lowered = text.lower()
                if lowered in {"1", "true", "yes", "on"}:
                    return True
                if lowered in {"0", "false", "no", "off"}:
                    return False
                return raw
            if self.kind in (int, float):
                try:
                    return int(text) if self.kind is int else float(text)
                except ValueError:
                    return raw
            if self.kind is Path:
                return Path(text).expanduser()
            if self.kind is tuple:
                return tuple(Path(p).expanduser() for p in text.split(os.pathsep) if p)
        if self.kind is tuple and isinstance(raw, list) and all(isinstance(p, str) for p in raw):
            return tuple(Path(p).expanduser() for p in raw if p)
        if self.kind is Path and isinstance(raw, str):
            return Path(raw).expanduser()
        if self.kind is float and isinstance(raw, int) and not isinstance(raw, bool):
            return float(raw)
        return raw


def _header_safe(value: str) -> str | None:
    """Values sent in HTTP headers (keys, user agent, region) must be printable ASCII."""
    if value.isascii() and value.isprintable():
        return None
    return "contains characters an HTTP header cannot carry (only printable ASCII is allowed)"


def _service_url(value: str) -> str | None:
    parts = urlsplit(value)
    if parts.scheme not in ("http", "https") or not parts.hostname:
        return f"must be an http(s) URL with a host, not {value!r}"
    return None


def _nonempty(value: str) -> str | None:
    return None if value.strip() else "must not be empty"


_SECONDS = {"kind": float, "low": 0.0, "low_open": True, "high": 3600.0}
_URL = {"kind": str, "optional": True, "check": _service_url, "trusted_only": True}
_KEY = {"kind": str, "optional": True, "check": _header_safe, "trusted_only": True}

SCHEMA: dict[str, Setting] = {
    "cache_dir": Setting(Path, trusted_only=True),
    "sources_dirs": Setting(tuple),
    "allow_private_network": Setting(bool, trusted_only=True),
    "allow_http_loopback": Setting(bool, trusted_only=True, cli_only=True),
    "connect_timeout": Setting(**_SECONDS),
    "read_timeout": Setting(**_SECONDS),
    "fetch_deadline": Setting(optional=True, **_SECONDS),
    "max_bytes": Setting(int, low=1, high=1024**3),
    "max_article_bytes": Setting(int, low=1, high=1024**3),
    "max_redirects": Setting(int, low=0, high=50),
    "retries": Setting(int, low=0, high=10),
    "archive": Setting(str, choices=("live", "wayback", "archive.today", "auto")),
    # where fetched evidence comes from: not from the repository being checked
    "wayback_api": Setting(**_URL),
    "wayback_replay": Setting(**_URL),
    "archive_today": Setting(**_URL),
    "archive_min_interval": Setting(float, optional=True, low=0.0, high=3600.0),
    "refresh": Setting(bool),
    "user_agent": Setting(str, check=_header_safe),
    "translator": Setting(str, check=_nonempty),
    "libre_url": Setting(**_URL),
    "memories": Setting(tuple),
    "fail_on": Setting(str, choices=("minor", "major", "critical", "never")),
    "fail_on_unverified": Setting(bool),
    "min_confidence": Setting(float, low=0.0, high=1.0),
    "thorough": Setting(bool),
    "word_level": Setting(bool),
    "embed_threads": Setting(int, optional=True, low=0, high=1024),
    "waivers": Setting(Path, optional=True),
    "progress": Setting(bool),
    "translator_provider": Setting(str, optional=True, check=_nonempty),
    "translate_connect_timeout": Setting(**_SECONDS),
    "translate_timeout": Setting(**_SECONDS),
    "translate_retries": Setting(int, low=0, high=10),
    "translate_backoff": Setting(float, low=0.0, high=60.0),
    "translate_max_wait": Setting(float, low=0.0, high=3600.0),
    "translate_deadline": Setting(**_SECONDS),
    "translate_concurrency": Setting(int, low=1, high=64),
    "memory_threshold": Setting(float, low=0.0, high=100.0),
    "google_url": Setting(**_URL),
    "mymemory_url": Setting(**_URL),
    "microsoft_url": Setting(**_URL),
    "microsoft_region": Setting(str, optional=True, check=_header_safe),
    "deepl_url": Setting(**_URL),
    "chatgpt_url": Setting(**_URL),
    "chatgpt_model": Setting(str, check=_nonempty),
    "gloss_dictionary": Setting(str, optional=True),
    "gloss_languages": Setting(str, optional=True),
    "wordnet_dir": Setting(Path, optional=True),
    "vader_lexicon": Setting(Path, optional=True),
    "freedict_dir": Setting(Path, optional=True),
    "deepl_key": Setting(**_KEY),
    "microsoft_key": Setting(**_KEY),
    "libre_key": Setting(**_KEY),
    "openai_key": Setting(**_KEY),
}
#: settings a project file (the repository being checked) may not set
TRUSTED_ONLY = frozenset(name for name, s in SCHEMA.items() if s.trusted_only)

#: The translation services' own environment variables, first set one first: they fill a setting that no file and
#: no ``PROVENANCE_*`` variable set (so ``PROVENANCE_DEEPL_KEY`` or a user config file wins over ``DEEPL_AUTH_KEY``).
SERVICE_ENV: dict[str, tuple[str, ...]] = {
    "libre_url": ("LIBRETRANSLATE_URL",),
    "libre_key": ("LIBRETRANSLATE_API_KEY", "LIBRE_API_KEY"),
    "microsoft_key": ("MICROSOFT_TRANSLATOR_KEY", "MICROSOFT_API_KEY"),
    "deepl_key": ("DEEPL_AUTH_KEY", "DEEPL_API_KEY"),
    "openai_key": ("OPENAI_API_KEY",),
}


# ----------------------------------------------------------------------------- loading

_ENV_PREFIX = "PROVENANCE_"


@dataclass(frozen=True)
class LoadedConfig:
    """The settings and what the CLI should tell the user about them (the library never prints)."""

    config: Config
    warnings: tuple[str, ...] = ()


def _apply(
    config: Config, values: Any, origin: str, *, project: bool, warnings: list[str], text: bool = False
) -> Config:
    if not isinstance(values, dict):
        raise ConfigError(f"{origin} must be a table of settings, not {type(values).__name__}")
    changes: dict[str, Any] = {}
    for key, raw in values.items():
        name = str(key).replace("-", "_")
        setting = SCHEMA.get(name)
        if setting is None:
            raise ConfigError(f"unknown setting {key!r} in {origin}")
        if setting.cli_only or (project and setting.trusted_only):
            where = "the command line" if setting.cli_only else "the command line, the environment or your user config"
            warnings.append(f"ignoring {name!r} in {origin}: it can only be set from {where}")
            continue
        value = setting.parse(raw, text=text)
        problem = setting.problem(value)
        if problem:
            raise ConfigError(f"setting {name!r} in {origin} {problem}")
        changes[name] = value
    return replace(config, **changes)


def _read_toml(path: Path) -> dict[str, Any]:
    import tomllib

    try:
        data = path.read_bytes()
    except OSError as exc:
        raise ConfigError(f"cannot read {path}: {exc.strerror}") from None
    try:
        return tomllib.loads(data.decode("utf-8"))
    except UnicodeDecodeError:
        raise ConfigError(f"{path} is not UTF-8 text") from None
    except tomllib.TOMLDecodeError as exc:
        raise ConfigError(f"{path} is not valid TOML: {exc}") from None


def _project_section(cwd: Path) -> tuple[Any, str] | None:
    """The project file's settings and where they came from (None: no project settings)."""
    own = cwd / "provenance.toml"
    if own.is_file():
        return _read_toml(own), str(own)
    pyproject = cwd / "pyproject.toml"
    if not pyproject.is_file():
        return None
    tool = _read_toml(pyproject).get("tool")
    if tool is None:
        return None
    if not isinstance(tool, dict):
        raise ConfigError(f"{pyproject}: 'tool' must be a table, not {type(tool).__name__}")
    if "provenance" not in tool:
        return None
    return tool["provenance"], f"{pyproject} [tool.provenance]"


def load_settings(
    cwd: Path | None = None, environ: Mapping[str, str] | None = None, *, user_file: Path | None = None
) -> LoadedConfig:
    """Defaults, the user's config file, the project file, then the environment (see module docstring)."""
    cwd = cwd or Path.cwd()
    env = dict(os.environ if environ is None else environ)
    warnings: list[str] = []
    config = Config()
    user_file = user_file or user_config_file(env)
    if user_file.is_file():
        config = _apply(config, _read_toml(user_file), str(user_file), project=False, warnings=warnings)
    project = _project_section(cwd)
    if project is not None:
        config = _apply(config, project[0], project[1], project=True, warnings=warnings)
    env_values = {
        k[len(_ENV_PREFIX) :].lower(): v
        for k, v in env.items()
        if k.startswith(_ENV_PREFIX) and k[len(_ENV_PREFIX) :].lower() in SCHEMA
    }
    if env_values:
        config = _apply(config, env_values, "the environment", project=False, warnings=warnings, text=True)
    for name, variables in SERVICE_ENV.items():
        found = next(((v, env[v]) for v in variables if env.get(v)), None)
        if getattr(config, name) is None and found is not None:
            config = _apply(config, {name: found[1]}, found[0], project=False, warnings=warnings, text=True)
    return LoadedConfig(config, tuple(warnings))


def load_config(
    cwd: Path | None = None, environ: Mapping[str, str] | None = None, *, user_file: Path | None = None
) -> Config:
    """``load_settings(...).config``, for callers that have nobody to show warnings to."""
    return load_settings(cwd, environ, user_file=user_file).config
