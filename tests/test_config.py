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
