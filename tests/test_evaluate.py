"""The grounded reading (``--semantics grounded``): labelling, strengths, what-if and
explanations on small worked examples (the default reading: tests/test_carneades.py).

Each expected value is derived by hand in the comments from the definitions in
argmap.analysis.semantics: grounded labelling (Dung 1995; Caminada 2006), Cayrol &
Lagasquie-Schiex's supported and secondary attacks, DF-QuAD (Rago et al. 2016)
with F(v1..vn) = 1 - prod(1 - vi), strength = v0 - v0(va - vs) if va >= vs,
else v0 + (1 - v0)(vs - va).
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.evaluate import changes, evaluate, explain
from argmap.analysis.semantics import combine, grounded
from argmap.errors import UsageError

from conftest import ROOT, make_map


def chain_map():
    # a -> b -> c (attacks only)
    return make_map(
        """
        claims:
          c: {kind: thesis, text: C.}
          b: {kind: objection, text: B., attacks: c}
          a: {kind: rebuttal, text: A., attacks: b}
        """
    )


def test_plain_attack_chain():
    ev = evaluate(chain_map(), semantics="grounded")
    # a is unattacked: IN. b's attacker a is IN: OUT. c's only attacker b is OUT: IN.
    assert ev.labelling == {"c": "IN", "b": "OUT", "a": "IN"}
    # DF-QuAD, base 0.5: a = 0.5 (no attackers, no supporters);
    # b: va = F(0.5) = 0.5, vs = 0 -> 0.5 - 0.5*0.5 = 0.25;
    # c: va = F(0.25) = 0.25 -> 0.5 - 0.5*0.25 = 0.375.
    assert ev.strength == pytest.approx({"a": 0.5, "b": 0.25, "c": 0.375})


def test_mutual_attack_is_undecided_and_strength_undefined():
    amap = make_map(
        """
        claims:
          c: {kind: thesis, text: C.}
          a: {kind: objection, text: A., attacks: [b, c]}
          b: {kind: objection, text: B., attacks: a}
          d: {kind: premise, text: D., supports: c}
        """
    )
    ev = evaluate(amap, semantics="grounded")
    # a and b attack each other: neither has all attackers OUT nor an IN attacker.
    # c's attacker a is UNDEC, so c is UNDEC too; d is unattacked: IN.
    assert ev.labelling == {"c": "UNDEC", "a": "UNDEC", "b": "UNDEC", "d": "IN"}
    # a <-> b is a cycle: undefined for a, b and c (downstream); d = 0.5.
    assert ev.strength == {"c": None, "a": None, "b": None, "d": 0.5}
    why = explain(ev, "c")
    # walking back along UNDEC attackers: c <- a <- b <- a: the cycle is b -> a -> b
    assert why.label == "UNDEC" and why.cycle == ("b", "a")


def test_self_attack():
    amap = make_map(
        """
        claims:
          t: {kind: thesis, text: T.}
          s: {kind: objection, text: S., attacks: [s, t]}
        """
    )
    assert evaluate(amap, semantics="grounded").labelling == {"t": "UNDEC", "s": "UNDEC"}


def test_secondary_attack_defeats_what_rests_on_a_reason():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          P: {kind: premise, text: P., supports: T}
          O: {kind: objection, text: O., attacks: P}
        """
    )
    ev = evaluate(amap, semantics="grounded")
    # O unattacked: IN; P attacked by O: OUT; secondary attack O -> P => T gives O -> T: T OUT.
    assert ev.labelling == {"T": "OUT", "P": "OUT", "O": "IN"}
    why = explain(ev, "T")
    assert why.reason == "T is OUT: O attacks it by attacking P, on which it rests, which is IN."
    assert why.attackers[0] == {"attacker": "O", "label": "IN", "how": "secondary", "via": "P"}
    # DF-QuAD: O = 0.5; P: va = 0.5 -> 0.25; T: vs = 0.25, va = 0 -> 0.5 + 0.5*0.25 = 0.625.
    assert ev.strength == pytest.approx({"T": 0.625, "P": 0.25, "O": 0.5})


def test_rebuttal_reinstates_and_explains_defenders():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          P: {kind: premise, text: P., supports: T}
          O: {kind: objection, text: O., attacks: P}
          R: {kind: rebuttal, text: R., attacks: O}
        """
    )
    ev = evaluate(amap, semantics="grounded")
    # R IN -> O OUT -> P IN; T's attackers (O, via the secondary attack) are OUT: IN.
    assert ev.labelling == {"T": "IN", "P": "IN", "O": "OUT", "R": "IN"}
    why = explain(ev, "T")
    assert why.label == "IN" and why.defenders == ("R",)


def test_supported_attack_and_reject_what_if():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          O: {kind: objection, text: O., attacks: T}
          R: {kind: rebuttal, text: R., attacks: O}
          E: {kind: evidence, text: E., supports: R}
        """
    )
    ev = evaluate(amap, semantics="grounded")
    # E => R -> O gives the supported attack E -> O; labels as without it: R, E IN, O OUT, T IN.
    assert ev.labelling == {"T": "IN", "O": "OUT", "R": "IN", "E": "IN"}
    assert ev.framework.attackers["O"]["E"].how == "supported"
    what_if = evaluate(amap, reject=["R"], semantics="grounded")
    # R denied: it attacks nothing, so E's supported attack through R goes too; O IN, T OUT.
    assert what_if.labelling == {"T": "OUT", "O": "IN", "R": "OUT", "E": "IN"}
    assert changes(ev, what_if) == [("T", "IN", "OUT"), ("O", "OUT", "IN"), ("R", "IN", "OUT")]
    assert explain(what_if, "R").reason == "R is OUT because it was rejected (--reject)."


def test_accept_what_if():
    ev = evaluate(chain_map(), accept=["b"], semantics="grounded")
    # b granted: attacks on b are dropped, b IN, so c (attacked by b) is OUT; a stays IN.
    assert ev.labelling == {"c": "OUT", "b": "IN", "a": "IN"}
    assert changes(evaluate(chain_map(), semantics="grounded"), ev) == [
        ("c", "IN", "OUT"),
        ("b", "OUT", "IN"),
    ]


def test_undercut_defeats_the_inference_not_the_premise():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          P: {kind: premise, text: P., supports: T}
          U: {kind: objection, text: U., undercuts: "P -> T"}
        """
    )
    ev = evaluate(amap, semantics="grounded")
    # U IN undercuts the inference P -> T (OUT); secondary U -> (P -> T) => T: T OUT; P IN.
    assert ev.labelling == {"T": "OUT", "P": "IN", "U": "IN"}
    assert ev.inferences == {"P -> T": "OUT"}
    # DF-QuAD: inference = min(P) * (1 - F(U)) = 0.5 * 0.5 = 0.25; T = 0.5 + 0.5*0.25 = 0.625.
    assert ev.strength == pytest.approx({"T": 0.625, "P": 0.5, "U": 0.5})


def test_linked_premises_fall_together():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          P1: {kind: premise, text: P1.}
          P2: {kind: premise, text: P2.}
          O: {kind: objection, text: O., attacks: P2}
        inferences:
          I1: {premises: [P1, P2], conclusion: T}
        """
    )
    ev = evaluate(amap, semantics="grounded")
    # O IN -> P2 OUT; secondary attacks O -> I1 and O -> T: both OUT; P1 untouched: IN.
    assert ev.labelling == {"T": "OUT", "P1": "IN", "P2": "OUT", "O": "IN"}
    assert ev.inferences == {"I1": "OUT"}
    # DF-QuAD: P2 = 0.25; I1 = min(0.5, 0.25) = 0.25; T = 0.5 + 0.5*0.25 = 0.625.
    assert ev.strength["T"] == pytest.approx(0.625)


def test_dfquad_with_base_scores():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T., score: 0.8}
          P: {kind: premise, text: P., supports: T}
          E: {kind: evidence, text: E., supports: T, score: 0.6}
          O: {kind: objection, text: O., attacks: T, score: 0.4}
        """
    )
    # vs = 1 - (1-0.5)(1-0.6) = 0.8; va = 0.4; vs > va: 0.8 + 0.2*(0.8-0.4) = 0.88.
    assert evaluate(amap, semantics="grounded").strength["T"] == pytest.approx(0.88)
    assert combine(0.5, 0.3, 0.3) == 0.5


def test_support_cycle_strength_undefined_labels_defined():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          A: {kind: premise, text: A., supports: [T, B]}
          B: {kind: premise, text: B., supports: A}
        """
    )
    ev = evaluate(amap, semantics="grounded")
    assert ev.labelling == {"T": "IN", "A": "IN", "B": "IN"}
    assert ev.strength == {"T": None, "A": None, "B": None}


def test_unknown_ids_are_usage_errors():
    with pytest.raises(UsageError, match="no such claim; did you mean 'b'"):
        evaluate(chain_map(), reject=["bb"])
    with pytest.raises(UsageError, match="both accept and reject"):
        evaluate(chain_map(), accept=["a"], reject=["a"])


def test_op_ed_labelling():
    from argmap.io.yaml.reader import load_map

    ev = evaluate(load_map(ROOT / "maps" / "two-michaels.yaml"), semantics="grounded")
    assert {c for c, lab in ev.labelling.items() if lab != "IN"} == {"O1", "O2", "O3", "O4", "O5"}
    assert all(lab == "OUT" for c, lab in ev.labelling.items() if c.startswith("O"))
    what_if = evaluate(
        load_map(ROOT / "maps" / "two-michaels.yaml"), reject=["R4"], semantics="grounded"
    )
    assert changes(ev, what_if) == [("T1", "IN", "OUT"), ("O4", "OUT", "IN"), ("R4", "IN", "OUT")]


@settings(max_examples=150, deadline=None)
@given(
    st.integers(1, 7).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)), max_size=n * 3),
        )
    )
)
def test_grounded_matches_reference_implementation(case):
    from py_arg.abstract_argumentation_classes.abstract_argumentation_framework import (
        AbstractArgumentationFramework,
    )
    from py_arg.abstract_argumentation_classes.argument import Argument
    from py_arg.abstract_argumentation_classes.defeat import Defeat
    from py_arg.algorithms.semantics.get_grounded_extension import get_grounded_extension

    n, pairs = case
    args = [Argument(f"a{i}") for i in range(n)]
    af = AbstractArgumentationFramework(
        "t", args, [Defeat(args[i], args[j]) for i, j in set(pairs)]
    )
    expected = {a.name for a in get_grounded_extension(af)}
    attackers = {f"a{j}": {} for j in range(n)}
    for i, j in pairs:
        attackers[f"a{j}"][f"a{i}"] = True
    labels = grounded([f"a{i}" for i in range(n)], attackers)
    assert {k for k, v in labels.items() if v == "IN"} == expected
    # OUT is exactly "attacked by an IN argument"
    outs = {k for k, v in labels.items() if v == "OUT"}
    assert outs == {f"a{j}" for i, j in pairs if f"a{i}" in expected}


def test_convergent_reading_keeps_a_conclusion_when_one_reason_fails():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          P: {kind: premise, text: P., supports: T}
          Q: {kind: premise, text: Q., supports: T}
          O: {kind: objection, text: O., attacks: P}
          U: {kind: objection, text: U., undercuts: "Q -> T"}
        """
    )
    necessary = evaluate(amap, semantics="grounded")
    # necessary: O -> P => (P -> T) => T and U -> (Q -> T) => T: T OUT.
    assert necessary.labelling == {"T": "OUT", "P": "OUT", "Q": "IN", "O": "IN", "U": "IN"}
    convergent = evaluate(amap, support="convergent", semantics="grounded")
    # convergent: secondary attacks stop at the inferences P -> T and Q -> T (both OUT);
    # nothing attacks T itself, so T stays IN.
    assert convergent.labelling == {"T": "IN", "P": "OUT", "Q": "IN", "O": "IN", "U": "IN"}
    assert convergent.inferences == {"P -> T": "OUT", "Q -> T": "OUT"}


def test_linked_premises_fall_together_in_both_readings():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          P1: {kind: premise, text: P1.}
          P2: {kind: premise, text: P2.}
          O: {kind: objection, text: O., attacks: P2}
        inferences:
          I1: {premises: [P1, P2], conclusion: T}
        """
    )
    assert evaluate(amap, support="convergent", semantics="grounded").inferences == {"I1": "OUT"}


def test_what_if_strengths():
    ev = evaluate(chain_map(), reject=["a"], semantics="grounded")
    # a rejected: strength 0, so b: va = F(0) = 0 -> 0.5; c: va = 0.5 -> 0.25.
    assert ev.strength == pytest.approx({"a": 0.0, "b": 0.5, "c": 0.25})
    ev = evaluate(chain_map(), accept=["b"], semantics="grounded")
    # b accepted: strength 1; c: va = F(1) = 1 -> 0.5 - 0.5*1 = 0.
    assert ev.strength == pytest.approx({"a": 0.5, "b": 1.0, "c": 0.0})
