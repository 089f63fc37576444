"""The pre-commit hooks of .pre-commit-hooks.yaml, run by pre-commit against a
temporary repository (pre-commit installs argmap from this checkout into an
environment of its own, as it would from the published repository)."""

from __future__ import annotations

import os
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, needs_dot

BAD = """claims:
  T1: {kind: thesis, text: Cities should plant trees.}
  P1: {kind: premise, text: Trees cool the streets., supports: T2}
"""


@pytest.fixture(scope="module")
def repo(tmp_path_factory) -> Path:
    folder = tmp_path_factory.mktemp("hooked")
    (folder / "maps").mkdir()
    shutil.copy(ROOT / "maps" / "phones-in-class.yaml", folder / "maps")
    (folder / "notes.yaml").write_text("not: a map\n", encoding="utf-8")
    for args in (["init", "-q"], ["config", "user.email", "t@example.org"],
                 ["config", "user.name", "t"], ["add", "-A"]):  # fmt: skip
        subprocess.run(["git", *args], cwd=folder, check=True)
    return folder


def _hook(repo: Path, hook: str) -> subprocess.CompletedProcess[str]:
    env = {**os.environ, "PRE_COMMIT_HOME": str(repo.parent / "pre-commit-home")}
    command = [sys.executable, "-m", "pre_commit", "try-repo", str(ROOT), hook, "--all-files"]
    return subprocess.run(command, cwd=repo, env=env, capture_output=True, text=True, timeout=900)


def test_the_check_hook_passes_good_maps_and_fails_a_bad_one(repo):
    done = _hook(repo, "argmap-check")
    assert done.returncode == 0, done.stdout + done.stderr
    assert "argmap check" in done.stdout and "Passed" in done.stdout
    assert "notes.yaml" not in done.stdout  # only maps/ and *.argmap.yaml are maps
    (repo / "maps" / "bad.yaml").write_text(BAD, encoding="utf-8")
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)
    failed = _hook(repo, "argmap-check")
    assert failed.returncode == 1
    assert (
        "maps/bad.yaml:3:64: error AM000 invalid-map: claim P1 supports 'T2'" in failed.stdout
    ), failed.stdout
    (repo / "maps" / "bad.yaml").unlink()
    subprocess.run(["git", "add", "-A"], cwd=repo, check=True)


@needs_dot
def test_the_render_hook_draws_each_map_into_output_and_fails_until_it_is_current(repo):
    done = _hook(repo, "argmap-render")
    assert done.returncode == 1, done.stdout + done.stderr  # a new diagram: commit it
    svg = (repo / "output" / "phones-in-class.svg").read_text(encoding="utf-8")
    assert svg.startswith("<?xml") and "Phones should stay switched off" in svg
    again = _hook(repo, "argmap-render")
    assert again.returncode == 0 and "Passed" in again.stdout, again.stdout + again.stderr
