"""The label of every claim of every teaching map, derived by hand.

The reading is the one a critical-thinking class uses, after the Carneades model
(Gordon, Prakken & Walton 2007, "The Carneades model of argument and burden of
proof", Artificial Intelligence 171):

- a claim with reasons (inferences that conclude it) is IN when at least one of
  its reasons is IN and every claim attacking it is OUT; it is OUT when all its
  reasons are OUT or some attacker is IN; otherwise UNDEC;
- a reason (an inference) is IN when all its premises are IN and every claim
  undercutting it is OUT; it is OUT when a premise is OUT or an undercutter is
  IN; otherwise UNDEC;
- a claim offered without reasons is granted: IN when every attacker is OUT,
  OUT when some attacker is IN, otherwise UNDEC;
- the labelling is the least fixed point of these rules: start with every claim
  and reason UNDEC and apply the rules until nothing changes. With attacks only
  it is Dung's grounded labelling.

A support loop with no reason from outside it stays UNDEC in the least fixed
point: each claim on it waits for a reason that waits for it, so none becomes
IN, and none becomes OUT either, since OUT needs every reason OUT. (The
well-founded reading of logic programming would make such an unfounded loop
OUT instead.)

"derive" below means: apply the rules in the order written, each step using only
labels already settled.
"""

from __future__ import annotations

import pytest

from argmap.analysis.evaluate import evaluate
from argmap.io.yaml.reader import load_map

from conftest import ROOT

EXPECTED: dict[str, dict[str, str]] = {
    # P5, P2, P3, P4, E1, R1, R2, R3 have no reasons and no attackers: granted, IN.
    # P1: its reason P5 -> P1 is IN (P5 IN, no undercut), no attacker: IN.
    # O1, O2, O3 have no reasons and are attacked by R1, R2, R3 (IN): OUT.
    # T1: reasons I1 (P1, P2 IN), I2 (P3, P4 IN) and E1 -> T1 are IN; its
    # attackers O1-O3 are all OUT: IN.
    "phones-in-class": {
        "T1": "IN",
        "P1": "IN",
        "P5": "IN",
        "P2": "IN",
        "E1": "IN",
        "P3": "IN",
        "P4": "IN",
        "O1": "OUT",
        "R1": "IN",
        "O2": "OUT",
        "R2": "IN",
        "O3": "OUT",
        "R3": "IN",
    },
    # O1 has no reasons and no attackers: IN. P1 has no reasons and O1 (IN)
    # attacks it: OUT, so the reason P1 -> T1 is OUT.
    # P2, P3, P6, R2, R3 granted: IN; I1 (P2, P3) IN.
    # O3 is attacked by R3 (IN): OUT; P5 (no reasons, attacker OUT): IN.
    # O2 is attacked by R2 (IN): OUT.
    # T1: I1, P5 -> T1 and P6 -> T1 are IN (one is enough), its only attacker
    # O2 is OUT: IN, although the reason P1 fell.
    "school-uniforms": {
        "T1": "IN",
        "P1": "OUT",
        "O1": "IN",
        "P2": "IN",
        "P3": "IN",
        "P5": "IN",
        "O3": "OUT",
        "R3": "IN",
        "P6": "IN",
        "O2": "OUT",
        "R2": "IN",
    },
    # P1, P2, P3, PR1, PR2, R2 granted: IN. I1 (P1, P2) IN; P4: PR1 -> P4 IN: IN.
    # O2 attacked by R2 (IN): OUT.
    # O1 and R1 attack each other and have no reasons. Both start UNDEC; O1
    # would need R1 OUT, R1 would need O1 IN (or OUT for O1 the other way): no
    # rule fires, both stay UNDEC.
    # T1: it has reasons that are IN, but its attacker O1 is UNDEC: not IN
    # (an attacker is not OUT), not OUT (no attacker IN, not all reasons OUT): UNDEC.
    "voting-age-16": {
        "T1": "UNDEC",
        "P1": "IN",
        "P2": "IN",
        "P3": "IN",
        "P4": "IN",
        "PR1": "IN",
        "PR2": "IN",
        "O1": "UNDEC",
        "R1": "UNDEC",
        "O2": "OUT",
        "R2": "IN",
    },
    # P3, P4, P5, P6, P7 granted: IN. I2 (P3, P4) IN, so P1 IN; I3 (P5, P6) IN,
    # so P2 IN; I1 (P1, P2) IN. R1: reason P7 -> R1 IN, no attacker: IN.
    # O1 attacked by R1 (IN): OUT. T1: I1 IN, only attacker O1 OUT: IN.
    "whales-syllogism": {
        "T1": "IN",
        "P1": "IN",
        "P2": "IN",
        "P3": "IN",
        "P4": "IN",
        "P5": "IN",
        "P6": "IN",
        "O1": "OUT",
        "R1": "IN",
        "P7": "IN",
    },
    # P3, P2, P4 granted: IN. P1: P3 -> P1 IN: IN. U1: P4 -> U1 IN, no attacker: IN.
    # I1: both premises IN, but U1 (IN) undercuts it: OUT.
    # T1: its only reason I1 is OUT: OUT, though both premises stand.
    "wet-streets-undercut": {
        "T1": "OUT",
        "P1": "IN",
        "P3": "IN",
        "P2": "IN",
        "U1": "IN",
        "P4": "IN",
    },
    # P3, R1 granted: IN. O1 attacked by R1 (IN): OUT.
    # The loop: P2's only reason I1 needs P1; P1's only reason P2 -> P1 needs P2.
    # Start: P1, P2, I1 UNDEC. P2: no reason IN, its reason I1 not OUT (P1 is
    # not OUT, no undercut), attacker O1 OUT: stays UNDEC. P1 likewise. Least
    # fixed point: both UNDEC (not shown to stand, not shown to fall).
    # T1: its only reason P1 -> T1 has P1 UNDEC: UNDEC, no attacker: UNDEC.
    "circular-reasoning": {
        "T1": "UNDEC",
        "P1": "UNDEC",
        "P2": "UNDEC",
        "P3": "IN",
        "O1": "OUT",
        "R1": "IN",
    },
    # PR1, U1, R2 granted: IN. U2 attacked by R2 (IN): OUT.
    # The step PR1 -> P1: PR1 IN, but U1 (IN) undercuts it: OUT.
    # P1: its only reason is OUT: OUT. T1: its only reason P1 -> T1 has P1 OUT: OUT.
    "one-swallow-generalisation": {
        "T1": "OUT",
        "P1": "OUT",
        "PR1": "IN",
        "U1": "IN",
        "U2": "OUT",
        "R2": "IN",
    },
    # P1, P2, P3, R2 granted: IN. O1: P3 -> O1 IN, no attacker: IN.
    # O2 attacked by R2 (IN): OUT.
    # T1: reasons P1 -> T1 and P2 -> T1 are IN, but O1 (IN) attacks it: OUT.
    "unanswered-objection": {
        "T1": "OUT",
        "P1": "IN",
        "P2": "IN",
        "O1": "IN",
        "P3": "IN",
        "O2": "OUT",
        "R2": "IN",
    },
    # R1, R3, P1, U2 granted: IN. O1 attacked by R1 (IN): OUT, so PR1 (no
    # reasons, attacker OUT): IN. O3 attacked by R3 (IN): OUT.
    # I1: PR1 and P1 IN, but U2 (IN) undercuts it: OUT.
    # T1: its only reason I1 is OUT: OUT (its attacker O3 is OUT, which does not help).
    "analogy-precedent": {
        "T1": "OUT",
        "PR1": "IN",
        "P1": "IN",
        "O1": "OUT",
        "R1": "IN",
        "U2": "IN",
        "O3": "OUT",
        "R3": "IN",
    },
    # O1, O2, P2, P3 granted: IN. P1 (no reasons) attacked by O1 (IN): OUT.
    # P4 attacked by O2 (IN): OUT, so the linked reason I1 (P3, P4) is OUT.
    # T1: P1 -> T1 OUT, I1 OUT, but P2 -> T1 IN; no attacker: IN.
    "linked-and-convergent": {
        "T1": "IN",
        "P1": "OUT",
        "P2": "IN",
        "P3": "IN",
        "P4": "OUT",
        "O1": "IN",
        "O2": "IN",
    },
    # P3, P4, E1, P5, R1 granted: IN (R1 attacks nothing, P5 supports nothing).
    # O1 has no reasons and no attackers: IN.
    # P1 and P2 support each other and nothing else supports them: UNDEC, as in
    # circular-reasoning.
    # T1: reasons P3 -> T1, P4 -> T1, E1 -> T1 are IN, but O1 (IN) attacks it: OUT.
    "find-the-flaws": {
        "T1": "OUT",
        "P1": "UNDEC",
        "P2": "UNDEC",
        "P3": "IN",
        "P4": "IN",
        "E1": "IN",
        "O1": "IN",
        "P5": "IN",
        "R1": "IN",
    },
}


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_every_claim_has_the_label_derived_by_hand(name):
    amap = load_map(ROOT / "maps" / f"{name}.yaml")
    assert set(EXPECTED[name]) == set(amap.claims)
    assert evaluate(amap).labelling == EXPECTED[name]


def test_every_teaching_map_has_its_labels_here():
    maps = {p.stem for p in (ROOT / "maps").glob("*.yaml")} - {"two-michaels"}
    assert maps == set(EXPECTED)
