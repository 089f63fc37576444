"""Guessing kinds from structure, for formats that have none."""

from __future__ import annotations

import gc
import time

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


def test_many_theses_take_linear_time():
    """Ten times the claims take about ten times as long (CPU time measured in one run,
    best of 5, the collector paused; quadratic work would take a hundred times as long)."""

    def cost(n: int) -> float:
        claims = [f"a{i}" for i in range(n)] + [f"b{i}" for i in range(n)]
        attacks = [(f"b{i}", f"a{i}") for i in range(n)]
        best = float("inf")
        for _ in range(5):
            start = time.process_time()
            infer_kinds(claims, [], attacks)
            best = min(best, time.process_time() - start)
        return best

    gc.disable()
    try:
        small, big = cost(4_000), cost(40_000)
    finally:
        gc.enable()
    assert big / max(small, 1e-3) < 40
