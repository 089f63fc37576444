"""The text outline read by screen readers: reading order, linked premises, undercuts, repeats."""

from __future__ import annotations

from argmap.render.outline import outline, outline_text

from conftest import make_map

MAP = """
claims:
  T1: {kind: thesis, text: We should act.}
  O1: {kind: objection, text: It costs., attacks: T1}
  P1: {kind: premise, text: "It helps\\n   people.", supports: [T1, R1]}
  R1: {kind: rebuttal, text: It pays back., attacks: O1}
  P2: {kind: premise, text: Others did it.}
  P3: {kind: premise, text: It worked there.}
  U1: {kind: objection, text: Their case differs., undercuts: I1}
  X1: {kind: evidence, text: An unrelated note.}
inferences:
  I1: {premises: [P2, P3], conclusion: T1}
"""


def test_outline_reads_support_then_objections_with_repeats():
    assert outline_text(make_map(MAP)).splitlines() == [
        "Argument map of 8 claims, each indented under the claim it argues about.",
        "T1 (thesis): We should act.",
        "  P1 (premise) supports T1: It helps people.",
        "  P2 (premise), together with P3, supports T1: Others did it.",
        "  P3 (premise), together with P2, supports T1: It worked there.",
        "  U1 (objection) undercuts the step from P2 and P3 to T1: Their case differs.",
        "  O1 (objection) attacks T1: It costs.",
        "    R1 (rebuttal) attacks O1: It pays back.",
        "      P1 (premise) supports R1 (see above).",
        "X1 (evidence): An unrelated note.",
    ]


def test_every_claim_once_in_full_and_cycles_end():
    amap = make_map(
        """
        claims:
          A: {kind: premise, text: a, supports: B}
          B: {kind: premise, text: b, supports: A}
          C: {kind: objection, text: c, attacks: A}
        """
    )
    items = outline(amap)
    assert [(i.depth, i.claim, i.relation, i.repeat) for i in items] == [
        (0, "A", "root", False),
        (1, "B", "supports", False),
        (2, "A", "supports", True),
        (1, "C", "attacks", False),
    ]
    assert sorted(i.claim for i in items if not i.repeat) == ["A", "B", "C"]


def test_deep_chain_needs_no_recursion():
    lines = ["claims:", "  C0: {kind: thesis, text: t}"]
    lines += [f"  C{i}: {{kind: premise, text: p, supports: C{i - 1}}}" for i in range(1, 3000)]
    items = outline(make_map("\n".join(lines)))
    assert len(items) == 3000 and items[-1].depth == 2999
