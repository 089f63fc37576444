"""Parts that keep their meaning: --focus, --collapse and --split never cut a linked
reason apart, keep undercuts with their steps, and never fold a claim they show."""

from __future__ import annotations

import os
import re
import subprocess
import sys
from dataclasses import replace

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.model import ArgumentMap, Attack, Claim, Inference, Undercut
from argmap.render.dot import RenderOptions, to_dot
from argmap.render.pages import PagePlan, plan_pages
from argmap.render.reasons import Restrictor
from argmap.render.subset import collapse, focus, restrict, split, whole_reasons

from conftest import ROOT, make_map, needs_dot

LINKED = """
title: Sunday opening
claims:
  T1: {kind: thesis, text: The library should open on Sundays.}
  A: {kind: premise, text: Many students work on weekdays.}
  B: {kind: premise, text: Working students need a quiet place to study.}
  EA: {kind: evidence, text: A survey of 400 students., supports: A}
  EB: {kind: evidence, text: Students asked for quiet rooms., supports: B}
  U: {kind: objection, text: Working students may study at home., undercuts: I1}
  R: {kind: rebuttal, text: Many students share crowded homes., attacks: U}
  RR: {kind: evidence, text: Census figures on household size., supports: R}
  P: {kind: premise, text: Sunday staff can be paid from the events budget., supports: T1}
  C: {kind: premise, text: The events budget was underspent last year.}
  D: {kind: premise, text: Unspent money may be moved between budget lines.}
  V: {kind: objection, text: Last year was an exception., undercuts: I2}
  W: {kind: rebuttal, text: It was underspent three years running., attacks: V}
  O: {kind: objection, text: Opening costs more than it brings., attacks: T1}
inferences:
  I1: {premises: [A, B], conclusion: T1}
  I2: {premises: [C, D], conclusion: P}
"""


@pytest.fixture(scope="module")
def linked() -> ArgumentMap:
    return make_map(LINKED)


def steps(amap: ArgumentMap) -> list[tuple[str, tuple[str, ...], str]]:
    return [(i.id, i.premises, i.conclusion) for i in amap.inferences]


def undercuts(amap: ArgumentMap) -> list[tuple[str, str]]:
    return [(u.attacker, u.inference) for u in amap.undercuts]


def drawn_claims(dot: str, amap: ArgumentMap) -> list[str]:
    """Claim ids whose nodes the DOT draws (``n<k>`` is the k-th claim of ``amap``)."""
    ids = list(amap.claims)
    return [ids[int(k)] for k in re.findall(r"^n(\d+) \[", dot, re.M)]


def assert_whole(whole: ArgumentMap, part: ArgumentMap) -> None:
    """Every step shown in ``part`` is drawn, whole, with all its undercutters."""
    shown = set(part.claims)
    drawn = {i.id: i for i in part.inferences}
    for inf in whole.inferences:
        premises = [p for p in inf.premises if p in whole.claims]
        if inf.conclusion in shown and any(p in shown for p in premises):
            assert inf.id in drawn, f"step {inf.id} shown but not drawn"
            assert list(drawn[inf.id].premises) == premises
    for und in whole.undercuts:
        if und.inference in drawn and whole.inference(und.inference) is not None:
            assert und.attacker in shown, f"{und.attacker} undercuts a drawn step, not shown"


@pytest.mark.parametrize(
    ("claim", "depth", "kept"),
    [
        ("A", 1, ["T1", "A", "B", "EA", "U"]),
        ("A", 2, ["T1", "A", "B", "EA", "U", "P", "O"]),
        ("C", 1, ["P", "C", "D", "V"]),
        ("C", 2, ["T1", "P", "C", "D", "V"]),
    ],
)
def test_focus_on_a_co_premise_keeps_partner_junction_and_undercut(linked, claim, depth, kept):
    part = focus(linked, claim, depth)
    assert list(part.claims) == kept
    step = "I1" if claim == "A" else "I2"
    whole = linked.inference(step)
    assert whole is not None
    assert (step, whole.premises, whole.conclusion) in steps(part)
    assert undercuts(part) == [("U" if claim == "A" else "V", step)]
    assert_whole(linked, part)
    dot = to_dot(part, opts=RenderOptions(highlight=frozenset({claim})))
    assert drawn_claims(dot, part) == kept  # the partner is a claim box, not a fold
    assert "B" in drawn_claims(dot, part) or "D" in drawn_claims(dot, part)
    assert re.search(r"^j0 \[", dot, re.M), "the junction is drawn"
    partner = "B" if claim == "A" else "D"
    undercutter = "U" if claim == "A" else "V"
    node = {cid: f"n{k}" for k, cid in enumerate(part.claims)}
    assert re.search(rf"^{node[partner]} -> j0 \[", dot, re.M)
    assert re.search(rf"^{node[undercutter]} -> j0 \[[^\]]*class=undercut", dot, re.M)
    assert not re.search(r"^f\d+ \[", dot, re.M), "no fold box"


def test_focus_at_depth_0_is_the_claim_alone(linked):
    part = focus(linked, "A", 0)
    assert list(part.claims) == ["A"]
    assert part.inferences == () and part.undercuts == () and part.attacks == ()


def test_an_undercutters_own_arguers_follow_the_depth(linked):
    # R attacks U, which undercuts A's step: R is 3 relations from A (R-U-T1-A).
    assert "R" not in focus(linked, "A", 1).claims
    assert "R" not in focus(linked, "A", 2).claims
    assert "R" in focus(linked, "A", 3).claims


def test_collapse_keeps_a_linked_pair_whole_across_levels():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: t}
          P: {kind: premise, text: p, supports: T1}
          A: {kind: premise, text: a, supports: T1}
          B: {kind: premise, text: b}
          EB: {kind: evidence, text: eb, supports: B}
          V: {kind: objection, text: v, undercuts: I1}
          W: {kind: rebuttal, text: w, attacks: V}
        inferences:
          I1: {premises: [A, B], conclusion: P}
        """
    )
    # Levels: P and A 1; B, V 2 (under P); EB, W 3. At depth 1, P and A show I1.
    folded = collapse(amap, 1)
    assert list(folded.amap.claims) == ["T1", "P", "A", "B", "V"]
    assert ("I1", ("A", "B"), "P") in steps(folded.amap)
    assert undercuts(folded.amap) == [("V", "I1")]
    assert folded.folds == {"B": ("EB",), "V": ("W",)}  # never a shown claim
    assert_whole(amap, folded.amap)


def test_collapse_at_the_level_of_a_linked_pair(linked):
    folded = collapse(linked, 1)
    assert list(folded.amap.claims) == ["T1", "A", "B", "U", "P", "O"]
    assert ("I1", ("A", "B"), "T1") in steps(folded.amap)
    assert undercuts(folded.amap) == [("U", "I1")]
    assert folded.folds == {
        "A": ("EA",),
        "B": ("EB",),
        "U": ("R", "RR"),
        "P": ("C", "D", "V", "W"),
    }
    two = collapse(linked, 2)
    assert undercuts(two.amap) == [("U", "I1"), ("V", "I2")]
    assert two.folds == {"R": ("RR",), "V": ("W",)}


def test_split_keeps_a_linked_reason_into_the_thesis_on_one_page(linked):
    parts = split(linked)
    assert list(parts.pages) == ["P", "A"]
    page = parts.pages["A"]
    assert list(page.claims) == ["T1", "A", "B", "EA", "EB", "U", "R", "RR"]
    assert ("I1", ("A", "B"), "T1") in steps(page) and undercuts(page) == [("U", "I1")]
    assert list(parts.pages["P"].claims) == ["P", "C", "D", "V", "W"]
    assert undercuts(parts.pages["P"]) == [("V", "I2")]
    assert parts.page_of == {"P": "P", "A": "A", "B": "A", "U": "A"}
    overview = parts.overview
    assert list(overview.amap.claims) == ["T1", "A", "B", "U", "P", "O"]
    assert overview.folds == {"P": ("C", "D", "V", "W"), "A": ("EA", "EB", "R", "RR")}
    for part in [overview.amap, *parts.pages.values()]:
        assert_whole(linked, part)
    dot = to_dot(page)
    assert re.search(r"^j0 \[", dot, re.M) and "class=undercut" in dot


def test_split_page_of_a_branch_with_a_linked_reason_under_it(linked):
    page = split(linked).pages["P"]
    node = {cid: f"n{k}" for k, cid in enumerate(page.claims)}
    dot = to_dot(page)
    assert re.search(rf"^{node['C']} -> j0 \[", dot, re.M)
    assert re.search(rf"^{node['D']} -> j0 \[", dot, re.M)
    assert re.search(rf"^{node['V']} -> j0 \[[^\]]*class=undercut", dot, re.M)


def test_plan_pages_links_every_member_of_a_line_to_its_page(linked):
    pages = plan_pages(linked, RenderOptions(), PagePlan(split=True), "out/m.svg")
    assert [p.suffix for p in pages] == ["", "P", "A"]
    assert dict(pages[0].opts.links) == {
        "P": "m.P.svg",
        "A": "m.A.svg",
        "B": "m.A.svg",
        "U": "m.A.svg",
    }
    assert dict(pages[0].opts.folds) == {"P": 4, "A": 4}
    collapsed = plan_pages(linked, RenderOptions(), PagePlan(split=True, collapse=1), "m.svg")
    assert list(collapsed[2].amap.claims) == ["T1", "A", "B", "U"]
    assert dict(collapsed[2].opts.folds) == {"A": 1, "B": 1, "U": 2}


def test_whole_reasons_is_a_fixpoint():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: t}
          A: {kind: premise, text: a}
          B: {kind: premise, text: b}
          U: {kind: objection, text: u, undercuts: I1}
          X: {kind: premise, text: x}
          Y: {kind: premise, text: y}
        inferences:
          I1: {premises: [A, B], conclusion: T1}
          I2: {premises: [U, X], conclusion: T1}
          I3: {premises: [Y, A], conclusion: B}
        """
    )
    # I1 brings B and U; U shows I2 (brings X); B with A shows I3 (brings Y).
    assert whole_reasons(amap, {"T1", "A"}) == {"T1", "A", "B", "U", "X", "Y"}
    assert whole_reasons(amap, {"A", "B", "nothing"}) == {"A", "B", "Y"}  # T1 not kept
    assert whole_reasons(amap, {"X"}) == {"X"}
    assert Restrictor(amap).whole_reasons(["T1", "U"]) == {"T1", "U", "X"}  # I1 not shown


def test_restrict_leaves_out_a_reason_cut_apart():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: t}
          A: {kind: premise, text: a}
          B: {kind: premise, text: b}
          U: {kind: objection, text: u, undercuts: I1}
        inferences:
          I1: {premises: [A, B], conclusion: T1}
        """
    )
    cut = restrict(amap, {"T1", "B", "U"})
    assert list(cut.claims) == ["T1", "B", "U"] and cut.inferences == () and cut.undercuts == ()
    whole = restrict(amap, whole_reasons(amap, {"T1", "B"}))
    assert steps(whole) == [("I1", ("A", "B"), "T1")] and undercuts(whole) == [("U", "I1")]


def test_a_premise_naming_no_claim_does_not_hide_the_step():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: t}
          A: {kind: premise, text: a}
        inferences:
          I1: {premises: [A, GONE], conclusion: T1}
        """
    )
    assert steps(focus(amap, "A", 1)) == [("I1", ("A",), "T1")]
    assert steps(collapse(amap, 1).amap) == [("I1", ("A",), "T1")]


OPED = ROOT / "maps" / "two-michaels.yaml"


@pytest.fixture(scope="module")
def oped() -> ArgumentMap:
    return make_map(OPED.read_text(encoding="utf-8"), str(OPED))


def test_oped_parts_are_unchanged_and_fold_nothing_shown(oped):
    # The op-ed has no linked premises and no undercut: parts are plain restrictions.
    assert list(focus(oped, "P2", 1).claims) == ["T1", "R1", "P2", "R3", "E4", "E7"]
    folded = collapse(oped, 1)
    assert len(folded.amap.claims) == 12 and folded.folds["O4"] == (
        "R4",
        "P7",
        "P8",
        "P9",
        "P10",
        "E8",
        "P12",
        "E1",
    )
    parts = split(oped)
    assert list(parts.pages) == ["P2", "P4", "P23", "P25", "O1", "O2", "O3", "O4", "O5"]
    # P1 and P2 stand on the overview: O1's fold counts only what its page adds.
    assert parts.overview.folds["O1"] == ("R1", "E4", "E7")
    assert parts.overview.folds["O3"] == ("R3", "P5", "P6", "E4", "E7")
    for cid in ("T1", "P2", "P14", "R3", "E6"):
        for depth in (1, 2):
            assert_whole(oped, focus(oped, cid, depth))
    for depth in range(4):
        fold = collapse(oped, depth)
        assert_whole(oped, fold.amap)
        hidden = [c for ids in fold.folds.values() for c in ids]
        assert sorted(hidden + list(fold.amap.claims)) == sorted(oped.claims)


def test_oped_with_a_linked_reason(oped):
    """E6 and P18 made one linked reason for P13 (E6 also supports P4, under the thesis)."""
    infs = [i for i in oped.inferences if i.id not in ("E6 -> P13", "P18 -> P13")]
    amap = replace(oped, inferences=(*infs, Inference("I1", ("E6", "P18"), "P13", linked=True)))
    assert list(focus(amap, "E6", 1).claims) == ["P4", "P13", "P18", "E6"]
    # Levels: E6 2 (under P4), P13 2 (under P23), P18 3: depth 2 shows I1, so P18 too.
    folded = collapse(amap, 2)
    assert {"E6", "P13", "P18"} <= set(folded.amap.claims)
    assert ("I1", ("E6", "P18"), "P13") in steps(folded.amap)
    assert all("P18" not in ids for ids in folded.folds.values())
    page = split(amap).pages["P23"]
    assert ("I1", ("E6", "P18"), "P13") in steps(page)
    old_cut = restrict(amap, {"P13", "E6"})
    assert "I1" not in [i.id for i in old_cut.inferences]


@needs_dot
def test_cli_focus_on_a_co_premise_draws_the_junction(run_cli, tmp_path):
    src = tmp_path / "m.yaml"
    src.write_text(LINKED, encoding="utf-8")
    out = tmp_path / "f.dot"
    code, _, err = run_cli("render", str(src), "--focus", "A", "--depth", "1", "-o", str(out))
    assert code == 0, err
    dot = out.read_text(encoding="utf-8")
    assert "PREMISE · B<" in dot  # the partner's caption
    assert re.search(r"^j0 \[", dot, re.M) and "class=undercut" in dot
    code, _, err = run_cli("render", str(src), "--split", "-o", str(tmp_path / "s" / "m.svg"))
    assert code == 0, err
    assert sorted(p.name for p in (tmp_path / "s").iterdir()) == ["m.A.svg", "m.P.svg", "m.svg"]
    page = (tmp_path / "s" / "m.A.svg").read_text(encoding="utf-8")
    assert 'class="node junction"' in page or re.search(r'id="[^"]*j0"', page)


# Random maps: every part keeps each shown step whole and folds no shown claim.

IDS = [f"C{i}" for i in range(9)]


@st.composite
def maps(draw: st.DrawFn) -> ArgumentMap:
    n = draw(st.integers(2, len(IDS)))
    ids = IDS[:n]
    kinds = draw(
        st.lists(st.sampled_from(["thesis", "premise", "objection"]), min_size=n, max_size=n)
    )
    claims = {cid: Claim(cid, kind, cid) for cid, kind in zip(ids, kinds, strict=True)}
    pick = st.sampled_from(ids)
    infs = draw(st.lists(st.tuples(st.lists(pick, min_size=1, max_size=3), pick), max_size=8))
    inferences = tuple(Inference(f"I{k}", tuple(p), c) for k, (p, c) in enumerate(infs))
    unds = draw(st.lists(st.tuples(pick, st.integers(0, 7)), max_size=4))
    undercuts = tuple(Undercut(a, f"I{k}") for a, k in unds if k < len(inferences))
    attacks = tuple(Attack(a, t) for a, t in draw(st.lists(st.tuples(pick, pick), max_size=4)))
    return ArgumentMap("r.yaml", claims, inferences, attacks, undercuts)


@given(maps(), st.integers(0, 3))
def test_parts_of_random_maps_keep_reasons_whole(amap, depth):
    for cid in amap.claims:
        part = focus(amap, cid, depth)
        if depth:
            assert_whole(amap, part)
        else:
            assert list(part.claims) == [cid]
    folded = collapse(amap, depth)
    assert_whole(amap, folded.amap)
    hidden = [c for ids in folded.folds.values() for c in ids]
    assert sorted(hidden + list(folded.amap.claims)) == sorted(amap.claims)
    parts = split(amap)
    assert_whole(amap, parts.overview.amap)
    for key, page in parts.pages.items():
        assert_whole(amap, page)
        shown = set(parts.overview.amap.claims)
        assert parts.overview.folds[key] and not shown & set(parts.overview.folds[key])


def test_parts_are_the_same_in_every_run(tmp_path):
    """Python orders sets of strings by a per-process hash seed; parts must not follow it."""
    src = tmp_path / "m.yaml"
    src.write_text(LINKED, encoding="utf-8")
    runs = {
        "split": ["--split"],
        "focus": ["--focus", "A", "--depth", "1"],
        "fold": ["--collapse", "1"],
    }
    texts: dict[str, dict[str, bytes]] = {}
    for seed in ("1", "2"):
        for name, options in runs.items():
            out = tmp_path / seed / name / "m.dot"
            done = subprocess.run(
                [sys.executable, "-m", "argmap", "render", str(src), *options, "-o", str(out)],
                capture_output=True,
                text=True,
                timeout=120,
                env={**os.environ, "PYTHONHASHSEED": seed},
            )
            assert done.returncode == 0, done.stderr
        texts[seed] = {
            str(p.relative_to(tmp_path / seed)): p.read_bytes()
            for p in sorted((tmp_path / seed).rglob("*.dot"))
        }
    assert len(texts["1"]) == 5 and texts["1"] == texts["2"]
