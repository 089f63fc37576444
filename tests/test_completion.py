"""Shell completion through click's mechanism (``_ARGMAP_COMPLETE``), as the README shows."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from conftest import ROOT


def _complete(env: dict[str, str]) -> str:
    code = "from argmap.cli.app import run; run()"
    full = {**os.environ, "PYTHONPATH": str(ROOT / "src"), **env}
    done = subprocess.run([sys.executable, "-c", code], env=full, capture_output=True, text=True)
    assert done.returncode == 0, done.stderr
    return done.stdout


@pytest.mark.parametrize("shell", ["bash", "zsh", "fish"])
def test_each_shell_gets_its_completion_script(shell):
    script = _complete({"_ARGMAP_COMPLETE": f"{shell}_source"})
    assert "_argmap_completion" in script and f"{shell}_complete" in script


def test_commands_and_options_complete():
    words = {"_ARGMAP_COMPLETE": "bash_complete", "COMP_WORDS": "argmap ch", "COMP_CWORD": "1"}
    assert _complete(words).split() == ["plain,check", "plain,checks"]
    words = {"COMP_WORDS": "argmap render x.yaml --the", "COMP_CWORD": "3"}
    assert _complete({"_ARGMAP_COMPLETE": "bash_complete", **words}).split() == ["plain,--theme"]
