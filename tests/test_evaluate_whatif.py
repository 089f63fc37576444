"""What-if strengths: an accepted claim has strength 1 and a rejected one 0, even on a
loop, since nothing flows into a claim whose strength is fixed (the loop is broken)."""

from __future__ import annotations

import json
from pathlib import Path

from argmap.analysis.evaluate import evaluate

from conftest import make_map

ROOT = Path(__file__).resolve().parents[1]

DUEL = """\
claims:
  T: {kind: thesis, text: T.}
  A: {kind: objection, text: A., attacks: B}
  B: {kind: premise, text: B., attacks: A, supports: T}
"""


def test_accepting_a_claim_on_a_loop_breaks_the_loop():
    amap = make_map(DUEL)
    assert evaluate(amap).strength == {"T": None, "A": None, "B": None}
    # A fixed at 1: B = 0.5 * (1 - 1) = 0; T = 0.5 (a zero support adds nothing).
    assert evaluate(amap, accept=["A"]).strength == {"T": 0.5, "A": 1.0, "B": 0.0}
    # A fixed at 0: B = 0.5 (a zero attack takes nothing); T = 0.5 + 0.5 * 0.5 = 0.75.
    assert evaluate(amap, reject=["A"]).strength == {"T": 0.75, "A": 0.0, "B": 0.5}


def test_accept_on_the_voting_age_loop_gives_strength_one(run_cli):
    path = str(ROOT / "maps" / "voting-age-16.yaml")
    code, out, _ = run_cli("evaluate", path, "--format", "json")
    assert code == 0 and json.loads(out)["strength"]["R1"] is None
    code, out, _ = run_cli("evaluate", path, "--accept", "R1", "--format", "json")
    doc = json.loads(out)
    assert code == 0
    assert doc["strength"]["R1"] == 1.0 and doc["strength"]["O1"] == 0.0
    assert None not in doc["strength"].values()
    assert round(doc["strength"]["T1"], 3) == 0.859  # as docs/teaching/voting-age-16.md says
    assert not any(note.startswith("n/a") for note in doc["notes"].values())
    assert doc["labelling"]["R1"] == "IN" and doc["labelling"]["O1"] == "OUT"
