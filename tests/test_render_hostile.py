"""``argmap render`` on odd and hostile maps and command lines: what once broke stays fixed."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from argmap.analysis.evaluate import evaluate

from conftest import make_map, needs_dot

#: U supports T and undercuts that very step; X is a linked premise of I and undercuts I.
SELF_UNDERCUT = """
claims:
  T: {kind: thesis, text: The thesis.}
  U: {kind: objection, text: Undercuts its own step., supports: T, undercuts: "U -> T"}
  A: {kind: premise, text: A linked premise.}
  X: {kind: objection, text: A linked premise that undercuts its own step., undercuts: I}
  C: {kind: premise, text: Concluded from A and X.}
inferences:
  I: {premises: [A, X], conclusion: C}
"""


def write(folder: Path, text: str, name: str = "map.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_premise_that_undercuts_its_own_step_has_a_strength():
    result = evaluate(make_map(SELF_UNDERCUT))
    # The step U -> T: min(U) = 0.5, weakened by its undercutter U: 0.5 · (1 − 0.5) = 0.25;
    # T: 0.5 + 0.5 · 0.25. The step I: min(A, X) · (1 − X) = 0.25, so C is 0.625 too.
    assert result.strength["T"] == pytest.approx(0.625)
    assert result.strength["C"] == pytest.approx(0.625)
    assert evaluate(make_map(SELF_UNDERCUT), accept=["U"]).strength["T"] == pytest.approx(0.5)


@needs_dot
@pytest.mark.parametrize("args", [("--reject", "U"), ("--accept", "X"), ("--color-by", "status")])
def test_render_what_if_of_a_self_undercutting_step(run_cli, tmp_path, args):
    src = write(tmp_path, SELF_UNDERCUT)
    code, _, err = run_cli("render", str(src), "-o", str(tmp_path / "m.svg"), *args)
    assert code == 0, err
    assert (tmp_path / "m.svg").read_bytes().startswith(b"<?xml")
