"""Parts of large maps: --focus, --collapse and --split keep exactly the right claims."""

from __future__ import annotations

import re

import pytest

from argmap.errors import UsageError
from argmap.render.dot import RenderOptions
from argmap.render.pages import PagePlan, page_file, page_suffixes, plan_pages
from argmap.render.subset import collapse, focus, levels, restrict, split

from conftest import make_map, needs_dot

MAP = """
claims:
  T1: {kind: thesis, text: We should act.}
  P1: {kind: premise, text: It helps., supports: T1}
  P2: {kind: premise, text: Others did it., supports: P1}
  E1: {kind: evidence, text: A report., supports: P2}
  O1: {kind: objection, text: It costs., attacks: T1}
  R1: {kind: rebuttal, text: It pays back., attacks: O1}
  P3: {kind: premise, text: Savings come., supports: R1}
  E2: {kind: evidence, text: A study., supports: [P3, P2]}
  P4: {kind: premise, text: People want it., supports: T1}
  U1: {kind: objection, text: Their case differs., undercuts: "P2 -> P1"}
"""


@pytest.fixture(scope="module")
def amap():
    return make_map(MAP)


def test_levels_are_breadth_first_below_the_thesis(amap):
    level, parent = levels(amap)
    assert level == {
        "T1": 0,
        "P1": 1,
        "P4": 1,
        "O1": 1,
        "P2": 2,
        "U1": 2,
        "R1": 2,
        "E1": 3,
        "E2": 3,
        "P3": 3,
    }
    assert parent["E2"] == "P2" and parent["P3"] == "R1" and "T1" not in parent


@pytest.mark.parametrize(
    ("claim", "depth", "kept"),
    [
        ("T1", 0, ["T1"]),
        ("P2", 1, ["P1", "P2", "E1", "E2", "U1"]),  # U1 undercuts the step P2 -> P1
        ("P1", 1, ["T1", "P1", "P2", "U1"]),
        ("R1", 2, ["T1", "O1", "R1", "P3", "E2"]),
    ],
)
def test_focus_keeps_the_neighbourhood(amap, claim, depth, kept):
    assert list(focus(amap, claim, depth).claims) == kept


def test_focus_keeps_relations_among_kept_claims(amap):
    part = focus(amap, "P1", 1)
    assert [i.id for i in part.inferences] == ["P1 -> T1", "P2 -> P1"]
    assert [(u.attacker, u.inference) for u in part.undercuts] == [("U1", "P2 -> P1")]
    assert part.attacks == ()


def test_focus_errors(amap):
    with pytest.raises(UsageError, match=r"--focus 'P9' names no claim of the map; did you mean"):
        focus(amap, "P9", 1)
    with pytest.raises(UsageError, match="--depth must be 0 or more"):
        focus(amap, "P1", -1)


def test_collapse_folds_every_hidden_claim_once(amap):
    folded = collapse(amap, 1)
    assert list(folded.amap.claims) == ["T1", "P1", "O1", "P4"]
    assert folded.folds == {"P1": ("P2", "E1", "E2", "U1"), "O1": ("R1", "P3")}
    two = collapse(amap, 2)
    assert list(two.amap.claims) == ["T1", "P1", "P2", "O1", "R1", "P4", "U1"]
    assert two.folds == {"P2": ("E1", "E2"), "R1": ("P3",)}
    assert collapse(amap, 0).folds == {"T1": tuple(c for c in amap.claims if c != "T1")}
    assert collapse(amap, 5).folds == {} and collapse(amap, 5).amap.claims == amap.claims


def test_split_pages_hold_whole_branches(amap):
    parts = split(amap)
    assert list(parts.overview.amap.claims) == ["T1", "P1", "O1", "P4"]
    assert {b: list(m.claims) for b, m in parts.pages.items()} == {
        "P1": ["P1", "P2", "E1", "E2", "U1"],
        "O1": ["O1", "R1", "P3", "E2"],
    }
    assert parts.overview.folds == {"P1": ("P2", "E1", "E2", "U1"), "O1": ("R1", "P3", "E2")}


def test_restrict_never_cuts_linked_premises():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: t}
          A: {kind: premise, text: a}
          B: {kind: premise, text: b}
        inferences:
          I1: {premises: [A, B], conclusion: T1}
        """
    )
    assert restrict(amap, {"T1", "B"}).inferences == ()  # never drawn as B -> T1
    assert [i.premises for i in restrict(amap, {"T1", "A", "B"}).inferences] == [("A", "B")]
    assert restrict(amap, {"A", "B"}).inferences == ()


def test_map_without_thesis_starts_from_claims_arguing_about_nothing():
    amap = make_map(
        """
        claims:
          A: {kind: premise, text: a}
          B: {kind: premise, text: b, supports: A}
          C: {kind: premise, text: c, supports: B}
          D: {kind: evidence, text: d}
        """
    )
    assert levels(amap)[0] == {"A": 0, "D": 0, "B": 1, "C": 2}
    assert collapse(amap, 1).folds == {"B": ("C",)}


def test_page_names_are_safe_and_unique():
    assert page_suffixes(["P1", "a:b", "a/b", "A_b", "../x", "é"]) == {
        "P1": "P1",
        "a:b": "a_b",
        "a/b": "a_b-2",
        "A_b": "A_b-3",
        "../x": "___x",
        "é": "_",
    }
    assert page_file("out/m.svg", "P1") == "out/m.P1.svg"
    assert page_file("out/m.svg", "") == "out/m.svg"


def test_plan_pages_links_overview_to_branch_pages(amap):
    pages = plan_pages(amap, RenderOptions(), PagePlan(split=True), "out/m a.svg")
    assert [(p.suffix, p.map_id) for p in pages] == [("", "t"), ("P1", "t-P1"), ("O1", "t-O1")]
    assert dict(pages[0].opts.links) == {"P1": "m%20a.P1.svg", "O1": "m%20a.O1.svg"}
    assert dict(pages[0].opts.folds) == {"P1": 4, "O1": 3}
    assert pages[1].amap.title == "Argument map t: P1"
    collapsed = plan_pages(amap, RenderOptions(), PagePlan(split=True, collapse=1), "m.svg")
    assert list(collapsed[1].amap.claims) == ["P1", "P2", "U1"]
    assert dict(collapsed[1].opts.folds) == {"P2": 2}
    focused = plan_pages(amap, RenderOptions(), PagePlan(focus="P1", depth=1), "m.svg")[0]
    assert focused.opts.highlight == frozenset({"P1"}) and focused.amap.title.endswith("P1")


@needs_dot
def test_cli_split_writes_linked_pages(run_cli, tmp_path):
    src = tmp_path / "m.yaml"
    src.write_text(MAP, encoding="utf-8")
    code, _, err = run_cli("render", str(src), "--split", "-o", str(tmp_path / "out" / "m.svg"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "out").iterdir()) == [
        "m.O1.svg",
        "m.P1.svg",
        "m.svg",
    ]
    overview = (tmp_path / "out" / "m.svg").read_text(encoding="utf-8")
    assert re.findall(r'<a xlink:href="([^"]+)" target="_top"', overview) == [
        "m.P1.svg",
        "m.O1.svg",
        "m.P1.svg",
        "m.O1.svg",
    ]
    assert "+4 claims on the page of P1" in overview


def test_cli_focus_and_collapse(run_cli, tmp_path):
    src = tmp_path / "m.yaml"
    src.write_text(MAP, encoding="utf-8")
    out = tmp_path / "f.dot"
    assert run_cli("render", str(src), "--focus", "P2", "--depth", "1", "-o", str(out))[0] == 0
    assert re.findall(r"^(n\d+) \[", out.read_text(encoding="utf-8"), re.M) == [
        "n0",
        "n1",
        "n2",
        "n3",
        "n4",  # U1, which undercuts the step from P2 to P1
    ]
    assert run_cli("render", str(src), "--collapse", "1", "-o", str(out))[0] == 0
    assert "+4 claims hidden" in out.read_text(encoding="utf-8")
    code, _, err = run_cli("render", str(src), "--focus", "Q1", "-o", str(out))
    assert code == 2 and "--focus 'Q1' names no claim" in err
    code, _, err = run_cli("render", str(src), "--depth", "2", "-o", str(out))
    assert code == 2 and "--depth needs --focus" in err
