"""The Carneades reading (argmap evaluate's default) on small worked examples.

Each expected label is derived by hand in the comments from the rules of
argmap.analysis.carneades (Gordon, Prakken & Walton 2007): a claim with reasons
stands when one of its reasons stands and no objection to it stands; a reason
stands when all its co-premises stand and no standing undercut attacks its
step; a claim offered without reasons is granted unless something standing
attacks it. On attacks alone the labelling must be Dung's grounded one.
"""

from __future__ import annotations

import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from argmap.analysis.carneades import build_graph, carneades_labels
from argmap.analysis.evaluate import changes, evaluate, explain
from argmap.analysis.semantics import grounded
from argmap.errors import UsageError
from argmap.model import ArgumentMap, Attack, Claim

from conftest import make_map

TWO_REASONS = """
claims:
  T: {kind: thesis, text: Phones should be banned in class.}
  P1: {kind: premise, text: They distract students., supports: T}
  P2: {kind: premise, text: They make cheating easy., supports: T}
  O: {kind: objection, text: Students cheat without phones too., attacks: P2}
"""


def test_two_independent_reasons_one_attacked_thesis_stands():
    amap = make_map(TWO_REASONS)
    ev = evaluate(amap)
    # O: no reasons, granted, nothing attacks it: IN. P2: granted, but O stands: OUT.
    # P2 -> T: its premise is OUT: fails. P1 -> T: P1 IN, no undercut: stands.
    # T: a reason stands (P1 -> T), nothing objects to T: IN.
    assert ev.labelling == {"T": "IN", "P1": "IN", "P2": "OUT", "O": "IN"}
    assert ev.inferences == {"P1 -> T": "IN", "P2 -> T": "OUT"}
    assert ev.reading.describe() == (
        "carneades, standard dialectical-validity, claims without reasons granted"
    )
    why = explain(ev, "T")
    assert why.reason == (
        "T is IN: the reason from P1 stands (the reason from P2 does not stand: "
        "premise P2 is OUT), and nothing objects to it."
    )
    assert [r["label"] for r in why.reasons] == ["IN", "OUT"]
    # under the grounded reading with necessary support the thesis falls
    assert evaluate(amap, semantics="grounded").labelling["T"] == "OUT"


def test_an_unanswered_objection_to_the_thesis_defeats_it():
    amap = make_map(TWO_REASONS.replace("attacks: P2", "attacks: T"))
    ev = evaluate(amap)
    # O IN attacks T directly: a standing objection, so T is OUT whatever its reasons.
    assert ev.labelling == {"T": "OUT", "P1": "IN", "P2": "IN", "O": "IN"}
    assert explain(ev, "T").reason == "T is OUT: the objection O to it stands (O is IN)."


def test_undercut_fails_the_step_and_linked_premises_fall_together():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          A: {kind: premise, text: A.}
          B: {kind: premise, text: B.}
          C: {kind: premise, text: C., supports: T}
          O: {kind: objection, text: O., attacks: B}
          U: {kind: objection, text: U., undercuts: "C -> T"}
        inferences:
          I1: {premises: [A, B], conclusion: T}
        """
    )
    ev = evaluate(amap)
    # B OUT (O stands) so the linked reason I1 fails; C IN but U undercuts C -> T: fails.
    # No reason of T stands: T OUT.
    assert ev.labelling == {"T": "OUT", "A": "IN", "B": "OUT", "C": "IN", "O": "IN", "U": "IN"}
    assert ev.inferences == {"C -> T": "OUT", "I1": "OUT"}
    assert explain(ev, "T").reason == (
        "T is OUT: none of its reasons stands (from C: U, which is IN, undercuts it; "
        "from A and B together: premise B is OUT)."
    )
    assert {a["attacker"]: a["how"] for a in explain(ev, "T").attackers} == {"U": "undercut"}


def test_rebuttal_reinstates():
    amap = make_map(TWO_REASONS + "  R: {kind: rebuttal, text: R., attacks: O}\n")
    ev = evaluate(amap)
    # R IN -> O OUT -> P2 IN -> both reasons stand -> T IN.
    assert ev.labelling == {"T": "IN", "P1": "IN", "P2": "IN", "O": "OUT", "R": "IN"}
    why = explain(ev, "P2")
    assert why.reason == (
        "P2 is IN: it is offered without reasons, so it is granted, and no objection "
        "to it stands (O is OUT)."
    )
    assert why.defenders == ("R",)


def test_not_granted_and_assumptions_only():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          P: {kind: premise, text: P., supports: T, granted: false}
          Q: {kind: premise, text: Q., supports: T}
        """
    )
    ev = evaluate(amap)
    # P is not granted and has no reason: OUT; Q granted: IN, so T stands on Q -> T.
    assert ev.labelling == {"T": "IN", "P": "OUT", "Q": "IN"}
    assert explain(ev, "P").reason == (
        "P is OUT: it is offered without reasons and is not granted (granted: false)."
    )
    only = evaluate(amap, grant="assumptions")
    # only claims marked granted: true are granted: neither P nor Q, so T has no standing reason
    assert only.labelling == {"T": "OUT", "P": "OUT", "Q": "OUT"}
    assert "only claims marked granted: true" in only.reading.describe()
    assert explain(only, "Q").reason.endswith("(the map grants only claims marked granted: true).")


def test_map_level_assumptions_and_granted_claim_with_reasons():
    amap = make_map(
        """
        evaluation: {grant: assumptions}
        claims:
          T: {kind: thesis, text: T., granted: true}
          P: {kind: premise, text: P., supports: T}
          A: {kind: premise, text: A., granted: true}
          O: {kind: objection, text: O., attacks: A}
        """
    )
    ev = evaluate(amap)
    # P not an assumption: OUT, so P -> T fails; but T is itself assumed: IN (nothing attacks it).
    # A assumed, O not assumed and without reasons: OUT, so A is IN.
    assert ev.labelling == {"T": "IN", "P": "OUT", "A": "IN", "O": "OUT"}
    assert explain(ev, "T").reason.startswith("T is IN: it is granted (granted: true)")


def test_loop_decided_from_outside_and_undecided_attackers():
    amap = make_map(
        """
        claims:
          a: {kind: objection, text: A., attacks: b}
          b: {kind: objection, text: B., attacks: a}
          c: {kind: objection, text: C., attacks: b}
          x: {kind: objection, text: X., attacks: y}
          y: {kind: objection, text: Y., attacks: x}
          t: {kind: thesis, text: T.}
          z: {kind: objection, text: Z., attacks: t}
          w: {kind: objection, text: W., attacks: z}
        """
    )
    ev = evaluate(amap)
    # c unattacked IN -> b OUT -> a IN: the loop a <-> b is decided from outside.
    # x <-> y: nothing decides it: UNDEC. z attacked by w (IN): OUT, so t IN.
    assert ev.labelling == {
        "a": "IN", "b": "OUT", "c": "IN", "x": "UNDEC", "y": "UNDEC",
        "t": "IN", "z": "OUT", "w": "IN",
    }  # fmt: skip
    loop = make_map(
        """
        claims:
          t: {kind: thesis, text: T.}
          x: {kind: objection, text: X., attacks: [y, t]}
          y: {kind: objection, text: Y., attacks: x}
        """
    )
    ev = evaluate(loop)
    # t is attacked only by x, which is UNDEC: t is UNDEC.
    assert ev.labelling == {"t": "UNDEC", "x": "UNDEC", "y": "UNDEC"}
    why = explain(ev, "t")
    assert why.cycle == ("x", "y") and "loop that nothing settles (x → y → x)" in why.reason


def test_support_loop_nothing_grounds_is_undecided():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          A: {kind: premise, text: A., supports: [T, B]}
          B: {kind: premise, text: B., supports: A}
        """
    )
    ev = evaluate(amap)
    # A's only reason is B -> A, B's only reason is A -> B: neither can be decided.
    assert ev.labelling == {"T": "UNDEC", "A": "UNDEC", "B": "UNDEC"}
    assert explain(ev, "T").cycle == ("A", "B")
    # an outside reason for B grounds the loop
    grounded_loop = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          A: {kind: premise, text: A., supports: [T, B]}
          B: {kind: premise, text: B., supports: A}
          E: {kind: evidence, text: E., supports: B}
        """
    )
    assert set(evaluate(grounded_loop).labelling.values()) == {"IN"}


def test_what_if_under_carneades():
    amap = make_map(TWO_REASONS)
    ev = evaluate(amap, reject=["P1"])
    # P1 denied: P1 -> T fails, P2 OUT already: T has no standing reason.
    assert ev.labelling["T"] == "OUT"
    assert changes(evaluate(amap), ev) == [("T", "IN", "OUT"), ("P1", "IN", "OUT")]
    ev = evaluate(amap, accept=["P2"])
    # P2 granted whatever O says: both reasons stand; O keeps its own label.
    assert ev.labelling == {"T": "IN", "P1": "IN", "P2": "IN", "O": "IN"}
    assert explain(ev, "P2").reason == "P2 is IN because it was accepted (--accept)."


def test_usage_errors_name_the_option():
    amap = make_map(TWO_REASONS)
    with pytest.raises(UsageError, match="--support applies to --semantics grounded only"):
        evaluate(amap, support="convergent")
    with pytest.raises(UsageError, match="--standard and --grant apply to"):
        evaluate(amap, semantics="grounded", standard="scintilla")
    with pytest.raises(UsageError, match="unknown; did you mean 'preponderance'"):
        evaluate(amap, standard="preponderence")


def _attack_map(n: int, pairs: list[tuple[int, int]]) -> ArgumentMap:
    claims = {f"a{i}": Claim(f"a{i}", "objection", f"A{i}.") for i in range(n)}
    return ArgumentMap("<t>", claims, attacks=tuple(Attack(f"a{i}", f"a{j}") for i, j in pairs))


@settings(max_examples=300, deadline=None)
@given(
    st.integers(1, 8).flatmap(
        lambda n: st.tuples(
            st.just(n),
            st.lists(
                st.tuples(st.integers(0, n - 1), st.integers(0, n - 1)),
                max_size=n * 3,
                unique=True,
            ),
        )
    )
)
def test_attack_only_is_exactly_grounded(case):
    n, pairs = case
    amap = _attack_map(n, pairs)
    attackers: dict[str, dict[str, bool]] = {f"a{j}": {} for j in range(n)}
    for i, j in pairs:
        attackers[f"a{j}"][f"a{i}"] = True
    expected = grounded(list(amap.claims), attackers)
    assert evaluate(amap).labelling == expected
    # scores do not matter under the default standard
    scored = ArgumentMap(
        "<t>",
        {
            cid: Claim(cid, "objection", "x", score=(i % 5) / 4)
            for i, cid in enumerate(amap.claims)
        },
        attacks=amap.attacks,
    )
    assert carneades_labels(build_graph(scored)) == expected


def test_linear_on_a_long_chain_and_a_wide_fan():
    # 20,000 claims in an attack chain and 20,000 reasons for one thesis: one queue pass each
    n = 20_000
    chain = _attack_map(n, [(i + 1, i) for i in range(n - 1)])
    labels = evaluate(chain).labelling
    # the last claim is unattacked (IN); labels alternate down the chain
    assert labels[f"a{n - 1}"] == "IN" and labels["a0"] == ("IN" if (n - 1) % 2 == 0 else "OUT")
    text = "claims:\n  T: {kind: thesis, text: T.}\n" + "".join(
        f"  P{i}: {{kind: premise, text: P{i}., supports: T}}\n" for i in range(n)
    )
    assert evaluate(make_map(text)).labelling["T"] == "IN"


def _naive_fixpoint(g) -> dict:
    """The least fixed point by plain repetition, straight from the definitions."""
    from argmap.analysis.carneades import GRANTED
    from argmap.analysis.standards import meets

    label: dict = {}

    def best(items, ok):
        found = [w for w, node in items if node == GRANTED or label.get(node, "UNDEC") in ok]
        return max(found, default=None)

    changed = True
    while changed:
        changed = False
        for node, prems in g.premises.items():
            if node in label:
                continue
            under = g.undercutters[node]
            if any(label.get(p) == "OUT" for p in prems) or any(
                label.get(u) == "IN" for u in under
            ):
                label[node], changed = "OUT", True
            elif all(label.get(p) == "IN" for p in prems) and all(
                label.get(u) == "OUT" for u in under
            ):
                label[node], changed = "IN", True
        for c in g.claims:
            if c in label:
                continue
            pros = [(g.weight[n], n) for n in g.pros[c]]
            pros += [(g.weight[c], GRANTED)] if g.granted[c] else []
            cons = [(g.weight[a], a) for a in g.cons[c]]
            std, s = g.standard[c], g.settings
            if meets(std, best(pros, {"IN"}), best(cons, {"IN", "UNDEC"}), s):
                label[c], changed = "IN", True
            elif not meets(std, best(pros, {"IN", "UNDEC"}), best(cons, {"IN"}), s):
                label[c], changed = "OUT", True
    return {n: label.get(n, "UNDEC") for n in [*g.claims, *g.premises]}


@st.composite
def bipolar_maps(draw):
    from argmap.model import STANDARDS, EvaluationSettings, Inference, Undercut

    n = draw(st.integers(1, 7))
    ids = [f"c{i}" for i in range(n)]
    pair = st.tuples(st.sampled_from(ids), st.sampled_from(ids))
    claims = {
        cid: Claim(
            cid,
            "premise",
            cid,
            score=draw(st.sampled_from([0.1, 0.3, 0.5, 0.7, 0.9])),
            granted=draw(st.sampled_from([None, None, True, False])),
            standard=draw(st.sampled_from([None, None, *STANDARDS])),
        )
        for cid in ids
    }
    supports = draw(st.lists(pair, max_size=n * 2, unique=True))
    infs = [Inference(f"{p} -> {c}", (p,), c) for p, c in supports]
    if n > 1:
        linked = st.tuples(st.sets(st.sampled_from(ids), min_size=2), st.sampled_from(ids))
        for k, (prems, c) in enumerate(draw(st.lists(linked, max_size=2))):
            infs.append(Inference(f"I{k}", tuple(sorted(prems)), c, linked=True))
    attacks = draw(st.lists(pair, max_size=n * 2, unique=True))
    unders = []
    if infs:
        unders = draw(
            st.lists(
                st.tuples(st.sampled_from(ids), st.sampled_from([i.id for i in infs])),
                max_size=3,
                unique=True,
            )
        )
    settings = EvaluationSettings(
        grant=draw(st.sampled_from(["all", "assumptions"])),
        standard=draw(st.sampled_from(STANDARDS)),
    )
    return ArgumentMap(
        "<t>",
        claims,
        inferences=tuple(infs),
        attacks=tuple(Attack(a, t) for a, t in attacks),
        undercuts=tuple(Undercut(a, i) for a, i in unders),
        evaluation=settings,
    )


@settings(max_examples=300, deadline=None)
@given(bipolar_maps())
def test_queue_pass_is_the_least_fixed_point(amap):
    g = build_graph(amap)
    assert carneades_labels(g) == _naive_fixpoint(g)
