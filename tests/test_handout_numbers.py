"""The handout outline's numbers (pure: no Graphviz)."""

from __future__ import annotations

from argmap.io.yaml.reader import loads_map as load_map_text
from argmap.render.sheets.numbering import letter, numbered

MAP = """\
claims:
  T1: {kind: thesis, text: Build the bridge.}
  P1: {kind: premise, text: The ferry is full., supports: T1}
  E1: {kind: evidence, text: Queues of an hour., supports: P1}
  U1: {kind: objection, text: Full is not a reason., undercuts: "P1 -> T1"}
  P2: {kind: premise, text: Traffic goes round.}
  P3: {kind: premise, text: The valley road is narrow.}
  E2: {kind: evidence, text: Two lanes only., supports: P3}
  U2: {kind: objection, text: It was widened., undercuts: I1}
  O1: {kind: objection, text: It costs too much., attacks: T1}
  R1: {kind: rebuttal, text: A grant pays half., attacks: O1}
inferences:
  I1: {premises: [P2, P3], conclusion: T1}
"""


def test_reasons_linked_premises_and_undercuts_are_numbered_by_what_they_argue_about():
    got = [(number, item.claim) for number, item in numbered(load_map_text(MAP))]
    assert got == [
        ("", "T1"),
        ("1", "P1"),
        ("1.1", "E1"),
        ("1.2", "U1"),
        ("2a", "P2"),
        ("2b", "P3"),
        ("2b.1", "E2"),
        ("2.1", "U2"),
        ("3", "O1"),
        ("3.1", "R1"),
    ]


def test_two_roots_are_numbered_too():
    amap = load_map_text(
        "claims:\n  A: {kind: thesis, text: One.}\n  B: {kind: thesis, text: Two.}\n"
        "  C: {kind: premise, text: Three., supports: B}\n"
    )
    assert [n for n, _ in numbered(amap)] == ["1", "2", "2.1"]


def test_letters_go_on_after_z():
    assert [letter(k) for k in (0, 1, 25, 26, 27)] == ["a", "b", "z", "aa", "ab"]
