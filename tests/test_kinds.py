"""Guessing kinds from structure, for formats that have none."""

from __future__ import annotations

from argmap.io.kinds import infer_kinds


def test_sides_decide_objection_and_rebuttal():
    kinds = infer_kinds(
        ["T", "P", "O", "R", "Q", "S"],
        supports=[("P", "T"), ("Q", "O"), ("S", "R")],
        attacks=[("O", "T"), ("R", "O")],
    )
    assert kinds == {
        "T": "thesis",
        "P": "premise",
        "O": "objection",
        "R": "rebuttal",
        "Q": "premise",
        "S": "premise",
    }


def test_attacker_that_also_supports_is_a_premise():
    kinds = infer_kinds(["T", "A", "B"], supports=[("A", "T")], attacks=[("B", "T"), ("A", "B")])
    assert kinds == {"T": "thesis", "A": "premise", "B": "objection"}


def test_isolated_claims_and_loops():
    assert infer_kinds(["T", "P", "X"], [("P", "T")], []) == {
        "T": "thesis",
        "P": "premise",
        "X": "premise",
    }
    assert infer_kinds(["A", "B"], [], []) == {"A": "thesis", "B": "thesis"}
    assert infer_kinds(["A", "B"], [("A", "B"), ("B", "A")], []) == {"A": "thesis", "B": "premise"}
    assert infer_kinds([], [], []) == {}
