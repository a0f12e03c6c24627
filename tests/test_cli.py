"""The command line: help, version, and the error contract (one line, exit 2, no traceback)."""

from __future__ import annotations

import pytest

from provenance import __version__
from provenance.cli import main
from tests.conftest import run_cli


def test_help_lists_the_commands(capsys) -> None:
    assert main(["--help"]) == 0
    out = capsys.readouterr().out
    assert "Check translated quotes" in out


def test_version(cli) -> None:
    result = cli("--version")
    assert result.returncode == 0
    assert __version__ in result.stdout


def test_unknown_command_is_a_usage_error_with_exit_2(cli) -> None:
    result = cli("no-such-command")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr


@pytest.mark.e2e
def test_the_module_runs_as_the_command_and_keeps_the_error_contract() -> None:
    assert __version__ in run_cli("--version").stdout
    result = run_cli("no-such-command")
    assert result.returncode == 2
    assert "Traceback" not in result.stderr and "no-such-command" in result.stderr
