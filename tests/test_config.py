"""Configuration precedence: defaults < project file < environment < flags."""

from __future__ import annotations

from pathlib import Path

import pytest

from provenance.config import Config, load_config
from provenance.errors import ConfigError


def test_defaults_without_files_or_environment(tmp_path: Path) -> None:
    config = load_config(tmp_path, environ={})
    assert config == Config()


def test_provenance_toml_then_environment(tmp_path: Path) -> None:
    (tmp_path / "provenance.toml").write_text('fail_on = "critical"\nread_timeout = 5\n')
    config = load_config(tmp_path, environ={"PROVENANCE_READ_TIMEOUT": "2.5"})
    assert config.fail_on == "critical"
    assert config.read_timeout == 2.5


def test_pyproject_tool_section_is_read(tmp_path: Path) -> None:
    (tmp_path / "pyproject.toml").write_text('[tool.provenance]\ntranslator = "libre"\n')
    assert load_config(tmp_path, environ={}).translator == "libre"


def test_unknown_setting_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "provenance.toml").write_text("colour_scheme = 'dark'\n")
    with pytest.raises(ConfigError, match="unknown setting 'colour_scheme'"):
        load_config(tmp_path, environ={})


def test_broken_toml_is_a_clear_error(tmp_path: Path) -> None:
    (tmp_path / "provenance.toml").write_text("fail_on = \n")
    with pytest.raises(ConfigError, match="not valid TOML"):
        load_config(tmp_path, environ={})


def test_the_translation_services_own_variables_fill_settings_nothing_else_set(tmp_path: Path) -> None:
    environ = {"DEEPL_AUTH_KEY": "deepl-key", "LIBRETRANSLATE_URL": "https://libre.example",
               "LIBRE_API_KEY": "libre-key", "MICROSOFT_API_KEY": "ms-key", "OPENAI_API_KEY": "openai-key"}
    config = load_config(tmp_path, environ)
    assert (config.deepl_key, config.libre_url, config.libre_key, config.microsoft_key, config.openai_key) == (
        "deepl-key", "https://libre.example", "libre-key", "ms-key", "openai-key")
    # the first variable of a service wins over its second, a PROVENANCE_ one over both, a user file over them
    assert load_config(tmp_path, {"DEEPL_API_KEY": "second", "DEEPL_AUTH_KEY": "first"}).deepl_key == "first"
    assert load_config(tmp_path, {**environ, "PROVENANCE_DEEPL_KEY": "mine"}).deepl_key == "mine"
    user = tmp_path / "user.toml"
    user.write_text('libre_url = "https://own.example"\n')
    assert load_config(tmp_path, environ, user_file=user).libre_url == "https://own.example"
    # an empty variable is no value, a bad one is a clear error naming it
    assert load_config(tmp_path, {"DEEPL_AUTH_KEY": ""}).deepl_key is None
    with pytest.raises(ConfigError, match="'deepl_key' in DEEPL_AUTH_KEY"):
        load_config(tmp_path, {"DEEPL_AUTH_KEY": "schl\u00fcssel"})


def test_embedding_threads_and_archive_services_come_from_the_environment_as_settings(tmp_path: Path) -> None:
    environ = {"PROVENANCE_EMBED_THREADS": "2", "PROVENANCE_WAYBACK_API": "http://127.0.0.1:8001",
               "PROVENANCE_WAYBACK_REPLAY": "http://127.0.0.1:8002", "PROVENANCE_ARCHIVE_TODAY": "http://127.0.0.1:8003",
               "PROVENANCE_ARCHIVE_MIN_INTERVAL": "0"}
    config = load_config(tmp_path, environ)
    assert (config.embed_threads, config.wayback_api, config.wayback_replay, config.archive_today,
            config.archive_min_interval) == (2, "http://127.0.0.1:8001", "http://127.0.0.1:8002",
                                             "http://127.0.0.1:8003", 0.0)
    # the repository being checked cannot send archive requests elsewhere
    (tmp_path / "provenance.toml").write_text('wayback_api = "http://evil.example"\n')
    assert load_config(tmp_path, {}).wayback_api is None
