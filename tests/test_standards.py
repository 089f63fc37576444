"""Proof standards (Gordon, Prakken & Walton 2007 §4; Gordon & Walton 2009) on one map.

Four theses, each with one reason and one standing objection; weights are
scores (a reason weighs its least co-premise score, an objection its own
score). With α = 0.5, β = 0.3, γ = 0.2 (the defaults), by hand:

| thesis | pro | con | scintilla | dialectical | preponderance | clear-conv. | beyond doubt |
|---|---|---|---|---|---|---|---|
| A | 0.6 | 0.4  | IN | OUT | IN  | OUT (0.2 ≤ β)  | OUT |
| B | 0.9 | 0.1  | IN | OUT | IN  | IN             | IN (0.1 < γ) |
| C | 0.9 | 0.25 | IN | OUT | IN  | IN             | OUT (0.25 ≥ γ) |
| D | 0.4 | 0.6  | IN | OUT | OUT | OUT            | OUT |

so each standard labels the map differently from every other.
"""

from __future__ import annotations

import pytest

from argmap.analysis.evaluate import evaluate, explain
from argmap.analysis.standards import meets
from argmap.model import STANDARDS, EvaluationSettings

from conftest import make_map

MAP = """
claims:
  A: {{kind: thesis, text: A., standard: {s}}}
  PA: {{kind: premise, text: PA., supports: A, score: 0.6}}
  OA: {{kind: objection, text: OA., attacks: A, score: 0.4}}
  B: {{kind: thesis, text: B., standard: {s}}}
  PB: {{kind: premise, text: PB., supports: B, score: 0.9}}
  OB: {{kind: objection, text: OB., attacks: B, score: 0.1}}
  C: {{kind: thesis, text: C., standard: {s}}}
  PC: {{kind: premise, text: PC., supports: C, score: 0.9}}
  OC: {{kind: objection, text: OC., attacks: C, score: 0.25}}
  D: {{kind: thesis, text: D., standard: {s}}}
  PD: {{kind: premise, text: PD., supports: D, score: 0.4}}
  OD: {{kind: objection, text: OD., attacks: D, score: 0.6}}
"""

EXPECTED = {
    "scintilla": ("IN", "IN", "IN", "IN"),
    "dialectical-validity": ("OUT", "OUT", "OUT", "OUT"),
    "preponderance": ("IN", "IN", "IN", "OUT"),
    "clear-and-convincing": ("OUT", "IN", "IN", "OUT"),
    "beyond-reasonable-doubt": ("OUT", "IN", "OUT", "OUT"),
}


@pytest.mark.parametrize("standard", STANDARDS)
def test_each_standard_on_the_four_theses(standard):
    ev = evaluate(make_map(MAP.format(s=standard)))
    assert tuple(ev.labelling[t] for t in "ABCD") == EXPECTED[standard]
    # premises and objections keep the map's default standard: all granted and unattacked
    assert all(lab == "IN" for cid, lab in ev.labelling.items() if len(cid) == 2)
    assert ev.reading.own_standards == 4


def test_every_standard_answers_differently():
    assert len(set(EXPECTED.values())) == len(STANDARDS)


def test_map_level_standard_and_thresholds():
    text = MAP.replace(", standard: {s}", "").replace("{{", "{").replace("}}", "}")
    amap = make_map("evaluation: {standard: clear-and-convincing, alpha: 0.95}\n" + text)
    ev = evaluate(amap)
    # α = 0.95: no thesis's reason weighs more. The premises and objections are granted
    # claims under the same standard: a grant weighs the claim's score, none above 0.95.
    assert set(ev.labelling.values()) == {"OUT"}
    assert ev.reading.describe() == (
        "carneades, standard clear-and-convincing (α 0.95, β 0.3), claims without reasons granted"
    )
    # --standard replaces the map's standard (claims with their own keep theirs)
    over = evaluate(amap, standard="preponderance")
    assert tuple(over.labelling[t] for t in "ABCD") == EXPECTED["preponderance"]


def test_a_linked_reason_weighs_its_weakest_premise():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T., standard: preponderance}
          P1: {kind: premise, text: P1., score: 0.9}
          P2: {kind: premise, text: P2., score: 0.3}
          O: {kind: objection, text: O., attacks: T, score: 0.35}
        inferences:
          I1: {premises: [P1, P2], conclusion: T}
        """
    )
    ev = evaluate(amap)
    # I1 weighs min(0.9, 0.3) = 0.3, not more than O's 0.35: T OUT under preponderance.
    assert ev.labelling["T"] == "OUT"
    assert explain(ev, "T").reason == (
        "T is OUT under preponderance, which asks for the strongest standing reason to "
        "outweigh the strongest standing objection: the strongest reason, from P1 and P2 "
        "together, weighs 0.3; the strongest objection, O, weighs 0.35."
    )


def test_undecided_objections_count_by_weight():
    base = """
        claims:
          T: {{kind: thesis, text: T., standard: preponderance}}
          P: {{kind: premise, text: P., supports: T, score: 0.6}}
          X: {{kind: objection, text: X., attacks: [T, Y], score: {w}}}
          Y: {{kind: objection, text: Y., attacks: X}}
        """
    # X is UNDEC (X <-> Y). Weight 0.3: even if X stood, 0.6 > 0.3, so T is IN.
    assert evaluate(make_map(base.format(w=0.3))).labelling["T"] == "IN"
    # weight 0.7: T stands only if X does not, which nothing decides: UNDEC.
    assert evaluate(make_map(base.format(w=0.7))).labelling["T"] == "UNDEC"


def test_meets_definitions():
    s = EvaluationSettings()
    assert not any(meets(std, None, None, s) for std in STANDARDS)  # no pro argument
    assert meets("scintilla", 0.1, 0.9, s) and not meets("dialectical-validity", 0.9, 0.0, s)
    assert not meets("preponderance", 0.5, 0.5, s)  # a tie is not a preponderance
    assert meets("preponderance", 0.01, None, s)
    assert not meets("clear-and-convincing", 0.5, None, s)  # pro must exceed α = 0.5
    assert meets("beyond-reasonable-doubt", 0.9, 0.19, s)
    assert not meets("beyond-reasonable-doubt", 0.9, 0.2, s)
