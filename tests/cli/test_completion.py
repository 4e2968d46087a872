"""Shell completion is generated from the parser, so every command completes in every shell."""

from __future__ import annotations

import shutil
import subprocess

import pytest

from grievance_desk.cli import COMMAND_MODULES, main
from grievance_desk.cli.completion_commands import SHELLS


@pytest.mark.parametrize("shell", SHELLS)
def test_every_command_completes(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    assert main(["completion", shell]) == 0
    script = capsys.readouterr().out
    for command in COMMAND_MODULES:
        assert command in script, f"{command} missing from the {shell} completion"
    assert "--register" in script and "--within" in script


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_script_is_valid_syntax(shell: str, capsys: pytest.CaptureFixture[str]) -> None:
    binary = shutil.which(shell)
    if binary is None:
        pytest.skip(f"{shell} is not installed here")
    main(["completion", shell])
    script = capsys.readouterr().out
    result = subprocess.run([binary, "-n"], input=script, capture_output=True, text=True)
    assert result.returncode == 0, result.stderr


def test_unknown_shell_is_a_usage_mistake() -> None:
    with pytest.raises(SystemExit) as exit_info:
        main(["completion", "powershell"])
    assert exit_info.value.code == 2
