"""The one pager: an overview, one part per line of argument, continuations that keep
linked reasons, their junction and their undercuts together."""

from __future__ import annotations

import importlib.util
import math
import sys

import pytest

from argmap.io.yaml.reader import loads_map
from argmap.render.pager import PENDING, Part, Unit, longest, paginate
from argmap.render.pager.parts import whole_fans

from conftest import ROOT, make_map

MAP = """
claims:
  T1: {kind: thesis, text: We should act.}
  P1: {kind: premise, text: It helps.}
  P2: {kind: premise, text: Help is what we want.}
  U1: {kind: objection, text: Helping is not enough., undercuts: I1}
  P3: {kind: premise, text: Studies agree., supports: [P1, R1]}
  E1: {kind: evidence, text: A report., supports: P3}
  E3: {kind: evidence, text: A second report., supports: P3}
  O1: {kind: objection, text: It costs., attacks: T1}
  R1: {kind: rebuttal, text: It pays back., attacks: O1}
  L1: {kind: premise, text: Savings come.}
  L2: {kind: premise, text: Savings exceed costs.}
  U2: {kind: objection, text: Savings come late., undercuts: I2}
  E2: {kind: evidence, text: A study., supports: L1}
  P4: {kind: premise, text: People want it., supports: T1}
inferences:
  I1: {premises: [P1, P2], conclusion: T1}
  I2: {premises: [L1, L2], conclusion: R1}
"""


@pytest.fixture(scope="module")
def amap():
    return make_map(MAP)


def at_most(n: int):
    """A fits predicate: a part fits when it draws at most ``n`` claims and references."""
    calls = []

    def fits(part: Part) -> bool:
        calls.append(part)
        return len(part.amap.claims) + len(part.refs) <= n

    fits.calls = calls  # type: ignore[attr-defined]
    return fits


def test_overview_then_one_part_per_line(amap):
    parts = paginate(amap, lambda _: True)
    assert [p.kind for p in parts] == ["overview", "line", "line", "line"]
    overview = parts[0]
    heads = [(ln.head.relation, ln.head.claims, ln.number) for ln in overview.lines]
    assert heads == [  # the shorthand inference P4 -> T1 stands before the inferences block
        ("supports", ("P4",), 1),
        ("supports", ("P1", "P2", "U1"), 2),
        ("attacks", ("O1",), 1),
    ]
    assert list(overview.amap.claims) == ["T1", "P1", "P2", "U1", "O1", "P4"]
    assert [ln.part for ln in overview.lines] == [1, 2, 3]
    assert [ln.size for ln in overview.lines] == [1, 6, 7]
    assert all(p.trail == ("T1",) for p in parts[1:])


def test_a_linked_reason_is_drawn_with_its_conclusion_junction_and_undercut(amap):
    line = paginate(amap, lambda _: True)[2]
    assert line.context == frozenset({"T1"})
    assert list(line.amap.claims) == ["T1", "P1", "P2", "U1", "P3", "E1", "E3"]
    assert [(i.id, i.premises) for i in line.amap.inferences][0] == ("P3 -> P1", ("P3",))
    assert ("I1", ("P1", "P2")) in [(i.id, i.premises) for i in line.amap.inferences]
    assert [(u.attacker, u.inference) for u in line.amap.undercuts] == [("U1", "I1")]


def test_a_claim_shown_in_an_earlier_part_refers_to_it(amap):
    parts = paginate(amap, lambda _: True)
    objection = parts[3]
    assert "P3" in objection.amap.claims and "E1" not in objection.amap.claims
    assert [(r.claim, r.part, r.kind) for r in objection.refs] == [("P3", 2, "see")]


def cut_parts(amap, n):
    return [p for p in paginate(amap, at_most(n)) if p.kind == "line"]


@pytest.mark.parametrize("n", [1, 2, 3, 4, 5, 6])
def test_parts_never_cut_a_linked_reason_or_an_undercut(amap, n):
    full = {i.id: i.premises for i in amap.inferences}
    undercut = {u.inference: u.attacker for u in amap.undercuts}
    drawn_whole = set()
    for part in paginate(amap, at_most(n)):
        claims = part.amap.claims
        for inf in part.amap.inferences:
            assert inf.premises == full[inf.id], (n, part.trail, inf.id)
            if inf.id in undercut:
                assert undercut[inf.id] in claims
                assert (undercut[inf.id], inf.id) in [
                    (u.attacker, u.inference) for u in part.amap.undercuts
                ]
            drawn_whole.add(inf.id)
    assert {"I1", "I2"} <= drawn_whole  # each linked reason is drawn whole somewhere


@pytest.mark.parametrize("n", [1, 3, 4, 5])
def test_every_claim_and_relation_is_drawn_somewhere(amap, n):
    parts = paginate(amap, at_most(n))
    claims = {c for p in parts for c in p.amap.claims}
    assert claims == set(amap.claims)
    infs = {i.id for p in parts for i in p.amap.inferences}
    assert infs == {i.id for i in amap.inferences}
    attacks = {(a.attacker, a.target) for p in parts for a in p.amap.attacks}
    assert attacks == {(a.attacker, a.target) for a in amap.attacks}


def test_a_line_that_does_not_fit_continues_with_references_both_ways(amap):
    parts = paginate(amap, at_most(4))
    by_index = dict(enumerate(parts))
    ons = [(k, r) for k, p in by_index.items() for r in p.refs if r.kind == "on"]
    assert ons, "the cut should leave a 'continued on' reference"
    for k, ref in ons:
        later = by_index[ref.part]
        assert ref.part > k and later.continued and ref.claim in later.amap.claims
        assert any(
            r.claim == ref.claim and r.kind == "from" and r.part < ref.part for r in later.refs
        )
        assert later.line == by_index[k].line
        assert later.trail[0] == "T1" and later.trail[-1] == ref.claim
    assert all(r.part != PENDING for p in parts for r in p.refs)


def test_the_first_part_of_a_cut_line_keeps_whole_fans_when_it_can():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: A.}
          P1: {kind: premise, text: B., supports: T1}
          A1: {kind: premise, text: C., supports: P1}
          A2: {kind: premise, text: D., supports: P1}
          B1: {kind: premise, text: E., supports: A1}
          B2: {kind: premise, text: F., supports: A1}
          B3: {kind: premise, text: G., supports: A1}
        """
    )
    line = cut_parts(amap, 5)
    # P1, A1, A2 and B1 (and A1's reference) would fit, but B1 would split A1's reasons
    assert [list(p.amap.claims) for p in line] == [["P1", "A1", "A2"], ["A1", "B1", "B2", "B3"]]
    assert [(r.claim, r.kind) for r in line[0].refs] == [("A1", "on")]
    assert line[1].trail == ("T1", "P1", "A1")


def test_a_unit_too_big_for_any_part_is_taken_alone(amap):
    parts = paginate(amap, lambda _: False)
    lines = [p for p in parts if p.kind == "line"]
    assert len(lines) >= 7
    assert sum(1 for p in parts if p.kind == "overview") == 3  # one line a part


def test_lone_lines_get_no_part_without_lone(amap):
    parts = paginate(amap, lambda _: True, lone=False)
    overview = parts[0]
    lone = [ln for ln in overview.lines if ln.head.claims == ("P4",)][0]
    assert lone.part is None and lone.size == 1
    assert len(parts) == 3


def test_a_map_without_a_thesis_starts_from_the_claims_arguing_about_nothing():
    amap = make_map(
        """
        claims:
          A: {kind: premise, text: A.}
          B: {kind: premise, text: B., supports: A}
          C: {kind: objection, text: C., attacks: A}
          D: {kind: premise, text: D.}
        """
    )
    parts = paginate(amap, lambda _: True)
    assert list(parts[0].amap.claims) == ["A", "B", "C", "D"]
    assert [ln.head.claims for ln in parts[0].lines] == [("B",), ("C",)]


def test_longest_and_whole_fans():
    assert longest(0, 10, lambda e: e <= 6) == 6
    assert longest(3, 4, lambda e: False) == 4
    assert longest(0, 10, lambda e: False) == 1
    assert longest(0, 10, lambda e: True) == 10
    seq = [Unit("T", "supports", (c,)) for c in "A"] + [
        Unit("A", "supports", ("B",)),
        Unit("A", "attacks", ("C",)),
        Unit("B", "supports", ("D",)),
    ]
    assert whole_fans(seq, 0, 2) == 1  # would stop between A's two units
    assert whole_fans(seq, 0, 3) == 3
    assert whole_fans(seq, 1, 2) == 2  # no whole fan to fall back to
    assert whole_fans(seq, 0, 4) == 4


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def test_fits_is_asked_a_logarithmic_number_of_times_per_part():
    gen = _generator()
    amap = loads_map(gen.to_yaml(gen.tree_map(600), "big"), "big.yaml")
    fits = at_most(12)
    parts = paginate(amap, fits)
    assert {c for p in parts for c in p.amap.claims} == set(amap.claims)
    assert len(fits.calls) <= len(parts) * (2 * math.log2(12) + 2)


def test_split_pages_keep_linked_reasons_whole_and_link_shared_claims(amap):
    from argmap.render.dot import RenderOptions
    from argmap.render.pages import PagePlan, plan_pages

    pages = plan_pages(amap, RenderOptions(), PagePlan(split=True), "out/m.svg")
    assert [p.suffix for p in pages] == ["", "P1", "O1"]  # P4 alone stays in the overview
    overview, linked, objection = pages
    assert dict(overview.opts.links) == {
        "P1": "m.P1.svg",
        "P2": "m.P1.svg",
        "U1": "m.P1.svg",
        "O1": "m.O1.svg",
    }
    assert dict(overview.opts.folds) == {"P1": 3, "O1": 6}
    assert ("I1", ("P1", "P2")) in [(i.id, i.premises) for i in linked.amap.inferences]
    assert [(u.attacker, u.inference) for u in linked.amap.undercuts] == [("U1", "I1")]
    assert {"T1", "P1", "P2", "U1", "P3", "E1", "E3"} == set(linked.amap.claims)
    # P3 argues in both branches: its reasons are on P1's page, linked from O1's
    assert "P3" in objection.amap.claims and "E1" not in objection.amap.claims
    assert dict(objection.opts.links) == {"P3": "m.P1.svg"}
    assert dict(objection.opts.folds) == {"P3": 2}  # E1 and E3
