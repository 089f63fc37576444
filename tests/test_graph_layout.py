"""The whole-map diagram's layout: boxed linked premises on one row, undercuts drawn
to the junction of their step, objections beside what they attack, a legend with
the real shapes and lines, findings in plain words, every loop member marked."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET
from dataclasses import replace

import pytest

from argmap.analysis.checks import CHECKS, run_checks
from argmap.diagram import diagram, junction_names, node_names
from argmap.findings import BUILTIN_RULES, PLAIN_WORDS, plain_words
from argmap.io.yaml.reader import load_map, loads_map
from argmap.render.dot import RenderOptions, to_dot
from argmap.render.graphviz import run_dot
from argmap.render.layout import MAX_ROWS, minimum_lengths, on_cycles, plan
from argmap.render.pipeline import render_svg
from argmap.render.style import THEMES

from conftest import ROOT, make_map, needs_dot

S = "{http://www.w3.org/2000/svg}"

LIBRARY = """
title: Should the library open on Sundays?
claims:
  T1: {kind: thesis, text: The library should open on Sundays.}
  P1: {kind: premise, text: Many students work on weekdays., supports: T1}
  P2: {kind: premise, text: Students who work need quiet places to study.}
  P3: {kind: premise, text: The library is the only quiet place in town.}
  P5: {kind: premise, text: Opening costs little., supports: [T1, P6]}
  P6: {kind: premise, text: The budget has room for it., supports: P5}
  E1: {kind: evidence, text: A survey of 400 students., supports: P1}
  O1:
    kind: objection
    text: Working students may study at home instead.
    undercuts: "P1 -> T1"
  O2: {kind: objection, text: Staff deserve a day off., attacks: T1}
  O3: {kind: objection, text: The town has a quiet café too., attacks: P3}
  R1: {kind: rebuttal, text: Many students share crowded homes., attacks: O1}
inferences:
  I1: {premises: [P2, P3], conclusion: T1}
"""


@pytest.fixture(scope="module")
def library():
    return make_map(LIBRARY, "library.yaml")


def names(amap):
    """Claim id → node name, and inference id → junction name."""
    return {**node_names(amap), **junction_names(amap)}


def subgraph(dot: str, name: str) -> str:
    """The body of ``subgraph NAME { … }`` in DOT text (no nested braces in it);
    ``name`` is a regular expression."""
    match = re.search(r"^subgraph " + name + r" \{\n(.*?)^\}$", dot, re.M | re.S)
    assert match, f"no subgraph {name}"
    return match.group(1)


def members(body: str) -> list[str]:
    """The nodes listed by name alone (``n3;``) in a subgraph's body."""
    return re.findall(r"^(\w+);$", body, re.M)


def centres(svg: bytes) -> dict[str, tuple[float, float]]:
    """Element id → centre (x, y) of the first shape of each node group of a raw
    Graphviz SVG (y grows downwards)."""
    found = {}
    for g in ET.fromstring(svg).iter(S + "g"):
        if "node" not in g.get("class", "").split():
            continue
        shape = next(
            (el for el in g if el.tag in (S + "polygon", S + "path", S + "ellipse")), None
        )
        if shape is None:  # a plain node (the legend's table)
            continue
        if shape.tag == S + "ellipse":
            found[g.get("id")] = (float(shape.get("cx")), float(shape.get("cy")))
            continue
        nums = [
            float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", shape.get("points") or shape.get("d"))
        ]
        xs, ys = nums[0::2], nums[1::2]
        found[g.get("id")] = ((min(xs) + max(xs)) / 2, (min(ys) + max(ys)) / 2)
    return found


def path_end(svg: bytes, edge_id: str) -> tuple[float, float]:
    """The last point of the path of edge ``edge_id`` in a raw Graphviz SVG."""
    for g in ET.fromstring(svg).iter(S + "g"):
        if g.get("id") == edge_id:
            d = g.find(S + "path").get("d")
            nums = [float(v) for v in re.findall(r"-?\d+(?:\.\d+)?", d)]
            return nums[-2], nums[-1]
    raise AssertionError(f"no edge {edge_id}")


def edge_id(dot: str, source: str, target: str) -> str:
    match = re.search(rf"^{source} -> {target} \[id=(\w+),", dot, re.M)
    assert match, f"no edge {source} -> {target}"
    return match.group(1)


# --- linked premises -------------------------------------------------------------


def test_linked_premises_share_one_box_and_one_row(library):
    n = names(library)
    dot = to_dot(library)
    box = subgraph(dot, "cluster_g" + n["I1"][1:])
    assert "rank=same;" in box and 'style="rounded,filled";' in box
    assert members(box) == [n["P2"], n["P3"]]  # in the inference's order
    assert f"id={'g' + n['I1'][1:]};" in box


@needs_dot
def test_linked_premises_are_drawn_side_by_side(library):
    n = names(library)
    at = centres(run_dot(to_dot(library), "svg"))
    assert at[n["P2"]][1] == at[n["P3"]][1]
    assert at[n["P2"]][0] < at[n["P3"]][0]  # reading order of the inference
    assert at[n["I1"]][1] < at[n["P2"]][1]  # the junction above them, under T1


@needs_dot
def test_box_has_a_tooltip_naming_its_reason(library):
    n = names(library)
    root = ET.fromstring(render_svg(library, map_id="m"))
    titles = {g.get("id"): g.findtext(S + "title") for g in root.iter(S + "g")}
    box = "m-g" + n["I1"][1:]
    assert titles[box] == "Linked premises of inference I1: P2 and P3 together support T1"


def test_a_premise_in_two_linked_groups_is_boxed_once_and_shares_both_rows():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: t}
          P2: {kind: premise, text: b}
          P3: {kind: premise, text: c}
          P4: {kind: premise, text: d}
        inferences:
          Z: {premises: [P2, P3], conclusion: T1}
          Y: {premises: [P3, P4], conclusion: T1}
        """
    )
    layout = plan(diagram(amap, partial=True))
    assert [(b.name, b.members) for b in layout.boxes] == [("g0", ("n1", "n2"))]
    assert layout.rows == (("n1", "n2", "n3"),)


# --- undercuts ----------------------------------------------------------------


def test_an_undercut_step_gets_a_junction_and_the_undercutter_its_row(library):
    n = names(library)
    step = n["P1 -> T1"]
    assert step.startswith("j")  # a one-premise step that is undercut has a junction
    dot = to_dot(library)
    eid = edge_id(dot, n["O1"], step)
    assert re.search(rf"^{n['O1']} -> {step} \[id={eid}, class=undercut,", dot, re.M)
    count = len(plan_of(library).rows)
    rows = {k: members(subgraph(dot, f"(?:cluster_)?row{k}")) for k in range(count)}
    [row] = [k for k, row in rows.items() if {n["O1"], step} <= set(row)]
    # an unseen cluster keeps the undercutter and the dot side by side on one row
    assert re.search(
        rf"^subgraph cluster_row{row} {{\nid=row{row};\nrank=same;\nstyle=invis;", dot, re.M
    )


def plan_of(amap):
    return plan(diagram(amap, partial=True))


@needs_dot
def test_the_undercut_line_ends_at_the_junction_not_at_the_premise(library):
    n = names(library)
    dot = to_dot(library)
    svg = run_dot(dot, "svg")
    at = centres(svg)
    step, premise = at[n["P1 -> T1"]], at[n["P1"]]
    end = path_end(svg, edge_id(dot, n["O1"], n["P1 -> T1"]))
    to_step = ((end[0] - step[0]) ** 2 + (end[1] - step[1]) ** 2) ** 0.5
    to_premise = ((end[0] - premise[0]) ** 2 + (end[1] - premise[1]) ** 2) ** 0.5
    assert to_step < 25 < to_premise  # within the dot's radius and the bar's size
    assert at[n["O1"]][1] == step[1]  # the undercutter beside the step: a sideways line


# --- objections ----------------------------------------------------------------


@needs_dot
def test_objection_beside_its_target_rebuttal_under_it(library):
    n = names(library)
    at = centres(run_dot(to_dot(library), "svg"))
    assert at[n["O2"]][1] == at[n["T1"]][1]
    assert at[n["R1"]][1] > at[n["O1"]][1]  # y grows downwards


TWO_SIDES = """
claims:
  T1: {kind: thesis, text: We should act now.}
  P1: {kind: premise, text: It helps., supports: T1}
  O1: {kind: objection, text: It costs too much., attacks: T1}
  O2: {kind: objection, text: It is too late., attacks: T1}
  O3: {kind: objection, text: Nobody asked for it., attacks: T1}
  O4: {kind: objection, text: It was tried before., attacks: T1}
"""


@needs_dot
def test_two_objections_sit_one_on_each_side_the_rest_under():
    amap = make_map(TWO_SIDES)
    dot = to_dot(amap)
    assert re.search(r"^n0 -> n3 \[id=e2, class=attack, .*dir=back", dot, re.M)
    at = centres(run_dot(dot, "svg"))
    (x1, y1), (x2, y2), (x0, y0) = at["n2"], at["n3"], at["n0"]
    assert y1 == y2 == y0 and x1 < x0 < x2
    assert at["n4"][1] > y0 and at["n5"][1] > y0


@needs_dot
def test_classroom_puts_every_objection_beside_its_target():
    amap = make_map(TWO_SIDES)
    at = centres(run_dot(to_dot(amap, (), RenderOptions(theme=THEMES["classroom"])), "svg"))
    assert {at[f"n{k}"][1] for k in (0, 2, 3, 4, 5)} == {at["n0"][1]}


def test_no_objection_beside_a_boxed_premise(library):
    n = names(library)
    layout = plan_of(library)
    assert not any(n["O3"] in row for row in layout.rows)


# --- rows never make a loop -----------------------------------------------------------

LOOPY = """
claims:
  C0: {kind: thesis, text: a, supports: [C5, C3], attacks: [C7, C2]}
  C1: {kind: objection, text: b, supports: [C3, C4]}
  C2: {kind: thesis, text: c, supports: [C3], attacks: [C5]}
  C3: {kind: rebuttal, text: d, supports: [C3, C4], attacks: [C6, C3]}
  C4: {kind: precedent, text: e, supports: [C8, C4]}
  C5: {kind: rebuttal, text: f}
  C6: {kind: evidence, text: g, supports: [C7]}
  C7: {kind: precedent, text: h, attacks: [C2, C6]}
  C8: {kind: rebuttal, text: i, supports: [C3]}
inferences:
  I0: {premises: [C8, C7, C0], conclusion: C7}
  I1: {premises: [C7, C2], conclusion: C7}
  I2: {premises: [C3], conclusion: C1}
  I3: {premises: [C3, C6, C7], conclusion: C8}
"""


def test_on_cycles_finds_loops_and_self_loops_only():
    succ = {"a": ["b"], "b": ["c", "a"], "c": ["d"], "d": [], "e": ["e"], "f": ["a"]}
    assert on_cycles(succ) == {"a", "b", "e"}
    chain = {str(k): [str(k + 1)] for k in range(100_000)} | {"100000": ["0"]}
    assert len(on_cycles(chain)) == 100_001  # no recursion limit


@pytest.mark.parametrize("text", [LOOPY, LIBRARY])
def test_rows_never_close_a_loop(text):
    shape = diagram(make_map(text), partial=True)
    layout = plan(shape)
    shared = [*layout.rows, *(box.members for box in layout.boxes)]
    assert bool(shared) == (text == LIBRARY)  # LOOPY: every row would touch a loop
    row_of = {name: row[0] for row in shared for name in row}
    between: dict[str, list[str]] = {}
    along: dict[str, list[str]] = {}
    for e in shape.edges:
        a, b = row_of.get(e.source, e.source), row_of.get(e.target, e.target)
        along.setdefault(e.source, []).append(e.target)
        along.setdefault(e.target, [])
        if a != b:
            between.setdefault(a, []).append(b)
            between.setdefault(b, [])
    looped = on_cycles(along)
    assert looped and not looped & set(row_of)  # no node on a loop shares a row
    assert on_cycles(between) <= looped  # rows close no loop of their own


def test_objections_that_would_close_a_loop_stay_under_their_target():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: t}
          X: {kind: premise, text: x, supports: T1}
          O: {kind: objection, text: o, attacks: T1, supports: X}
          Q: {kind: objection, text: q, attacks: T1}
        """
    )
    # O -> X -> T1 with O beside T1 would be a loop: the attackers beside T1 are
    # left under it (Q too: the plan does not tell which attacker closed it).
    layout = plan(diagram(amap, partial=True))
    assert layout.rows == () and layout.flat == frozenset()
    assert plan(diagram(make_map(TWO_SIDES), partial=True)).rows == (("n0", "n2", "n3"),)


@needs_dot
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_graphviz_finishes_a_map_full_of_loops(direction):
    """Graphviz 2.43 ran without end on this map when rows and boxes closed loops."""
    amap = make_map(LOOPY)
    dot = to_dot(amap, run_checks(amap), RenderOptions(direction=direction))
    svg = run_dot(dot, "svg", timeout=20)
    assert svg.startswith(b"<?xml")


def test_a_fan_counts_a_box_once():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: t}
          A: {kind: premise, text: a, supports: T1}
          B: {kind: premise, text: b, supports: T1}
          C: {kind: premise, text: c, supports: T1}
          D: {kind: premise, text: d, supports: T1}
          E: {kind: premise, text: e}
        inferences:
          L: {premises: [C, D, E], conclusion: B}
        """
    )
    shape = diagram(amap, partial=True)
    lengths = minimum_lengths(shape.edges, plan(shape), 2)
    # T1 has four lines from three rows (C and D share the box's row): spread over
    # two rows of lines, C's and D's alike; the box feeds one junction: no spreading.
    into_t1 = [lengths.get(i) for i, e in enumerate(shape.edges) if e.target == "n0"]
    assert into_t1 == [1, 2, 1, 1]
    assert all(lengths.get(i) is None for i, e in enumerate(shape.edges) if e.target == "j0")


def test_a_claim_with_many_arguers_spreads_them_over_at_most_six_rows():
    """300 objections on 6 rows of 50, not 150 rows of 2: ``dot``'s work grows with
    the square of the rows' total length."""
    lines = ["claims:", "  T1: {kind: thesis, text: t}"]
    lines += [f"  O{i}: {{kind: objection, text: o{i}, attacks: T1}}" for i in range(300)]
    amap = loads_map("\n".join(lines) + "\n", "star.yaml")
    shape = diagram(amap, partial=True)
    lengths = minimum_lengths(shape.edges, plan(shape, 0), 2)
    assert MAX_ROWS == 6
    assert sorted(set(lengths.values())) == [1, 2, 3, 4, 5, 6]
    assert [list(lengths.values()).count(k) for k in range(1, 7)] == [50] * 6


# --- legend -------------------------------------------------------------------------


def legend_nodes(dot: str) -> dict[str, str]:
    """Legend node name → its attribute text."""
    body = subgraph(dot, "cluster_legend")
    return dict(re.findall(r"^(legend_\w+) \[(.*?)\];$", body, re.M | re.S))


def test_legend_draws_each_kind_with_its_own_shape():
    amap = load_map(ROOT / "maps" / "two-michaels.yaml")
    for name, theme in THEMES.items():
        nodes = legend_nodes(to_dot(amap, (), RenderOptions(theme=theme)))
        kinds = [k for k in theme.kinds if any(c.kind == k for c in amap.claims.values())]
        for k, kind in enumerate(kinds):
            ks, attrs = theme.kinds[kind], nodes[f"legend_k{k}"]
            assert f"shape={ks.shape}," in attrs, (name, kind)
            assert f"peripheries={ks.peripheries}," in attrs and ks.fill in attrs
            assert ks.style in attrs and ks.border in attrs
            assert f">{kind}</FONT>" in attrs
    print_nodes = legend_nodes(to_dot(amap, (), RenderOptions(theme=THEMES["print"])))
    assert "diagonals" in print_nodes["legend_k4"] and "shape=folder" in print_nodes["legend_k3"]


def test_legend_explains_lines_junction_box_and_badge(library):
    theme = THEMES["default"]
    nodes = legend_nodes(to_dot(library, run_checks(library)))
    table = nodes["legend_lines"]
    for words in (
        "supports: a reason for",
        "attacks: a reason against",
        "undercuts the step (the dot)",
        "a step: linked premises meet",
        "linked premises: one reason",
        "something to fix (see ⚠)",
    ):
        assert words in table, words
    undercut = theme.edges["undercut"]
    assert f'COLOR="{undercut.color}" STYLE="dotted"' in table  # the line as drawn
    assert f'COLOR="{theme.edges["attack"].color}" STYLE="dashed"' in table
    assert "●" in table and "┫" in table and "▶" in table
    assert f'STYLE="rounded" BGCOLOR="{theme.group_fill}" COLOR="{theme.group_border}"' in table
    assert f'STYLE="rounded,dashed" COLOR="{theme.finding_border}"' in table
    # six entries in two columns: three rows of the outer table, about as tall as
    # two kind samples, so the legend leaves no empty band beside the samples
    outer = re.sub(r"<TABLE(?:(?!<TABLE).)*?</TABLE>", "", table[table.index("<TABLE") + 6 :])
    assert outer.count("<TR>") == 3


def test_legend_lists_only_what_is_drawn():
    amap = make_map(
        "claims:\n  T1: {kind: thesis, text: t}\n  P1: {kind: premise, text: p, supports: T1}\n"
    )
    nodes = legend_nodes(to_dot(amap))
    assert sorted(nodes) == ["legend_k0", "legend_k1", "legend_lines"]
    table = nodes["legend_lines"]
    assert "supports" in table
    for absent in ("attacks", "undercuts", "linked premises", "something to fix"):
        assert absent not in table


def test_legend_sits_on_its_own_row_above_the_thesis(library):
    dot = to_dot(library)
    assert "n0 -> legend_k0 [style=invis" in subgraph(dot, "legend_above")
    no_thesis = make_map("claims:\n  P1: {kind: premise, text: p}\n")
    assert "legend_above" not in to_dot(no_thesis)


# --- findings --------------------------------------------------------------------------


@needs_dot
def test_badges_say_plain_words_and_tooltips_keep_code_and_message(library):
    n = names(library)
    found = run_checks(library)
    dot = to_dot(library, found)
    p2 = re.search(rf"^{n['P2']} \[(.*?)\];$", dot, re.M | re.S).group(1)
    assert "⚠ no reason given" in p2 and "AM1" not in p2
    root = ET.fromstring(render_svg(library, found, map_id="m"))
    titles = {g.get("id"): g.findtext(S + "title") for g in root.iter(S + "g")}
    tip = titles["m-" + n["P2"]]
    assert "Findings:\n⚠ no reason given (AM101): premise P2 has no supporting claim" in tip


def test_every_claim_of_a_loop_is_marked(library):
    n = names(library)
    found = run_checks(library)
    (loop,) = [f for f in found if f.code == "AM102"]
    assert set(loop.claims) == {"P5", "P6"}
    dot = to_dot(library, found)
    for cid in loop.claims:
        node = re.search(rf"^{n[cid]} \[(.*?)\];$", dot, re.M | re.S).group(1)
        assert "⚠ goes in a circle" in node and "dashed" in node, cid


def test_every_claim_of_a_knot_is_marked_not_only_the_witness_cycle():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          P1: {kind: premise, text: Acting is right., supports: [T1, P2, P3]}
          P2: {kind: premise, text: It is right to act., supports: P1}
          P3: {kind: premise, text: Right acts are ours., supports: P2}
        """
    )
    found = run_checks(amap)
    (loop,) = [f for f in found if f.code == "AM102"]
    assert set(loop.claims) == {"P1", "P2"}  # the witness; P3 is in the knot too
    dot, n = to_dot(amap, found), names(amap)
    for cid in ("P1", "P2", "P3"):
        node = re.search(rf"^{n[cid]} \[(.*?)\];$", dot, re.M | re.S).group(1)
        assert node.count("goes in a circle") == 1, cid
    thesis = re.search(rf"^{n['T1']} \[(.*?)\];$", dot, re.M | re.S).group(1)
    assert "goes in a circle" not in thesis


def test_duplicates_are_all_marked_other_findings_on_their_claim():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          P1: {kind: premise, text: It helps., supports: T1}
          P2: {kind: premise, text: It helps!, supports: T1}
          O1: {kind: objection, text: It costs., attacks: T1}
        """
    )
    dot = to_dot(amap, run_checks(amap))
    badge = {
        n: re.search(rf"^{n} \[(.*?)\];$", dot, re.M | re.S).group(1)
        for n in ("n0", "n1", "n2", "n3")
    }
    assert "said twice" in badge["n1"] and "said twice" in badge["n2"]
    assert "main claim undefended" in badge["n0"] and "main claim undefended" not in badge["n3"]


def test_every_check_code_has_plain_words():
    codes = [c.code for c in CHECKS] + [r.code for r in BUILTIN_RULES]
    assert [c for c in codes if c not in PLAIN_WORDS] == []
    assert all(plain_words(c) != c and not re.search(r"AM\d", plain_words(c)) for c in codes)


# --- determinism, themes, directions --------------------------------------------------------


@needs_dot
def test_new_dot_and_svg_are_deterministic():
    path = ROOT / "maps" / "two-michaels.yaml"
    amap = load_map(path)
    first = to_dot(amap, run_checks(amap))
    again = load_map(path)
    assert to_dot(again, run_checks(again)) == first
    small = make_map(LIBRARY, "library.yaml")
    assert render_svg(small, run_checks(small)) == render_svg(small, run_checks(small))


@needs_dot
@pytest.mark.parametrize("theme", list(THEMES))
@pytest.mark.parametrize("direction", ["TB", "LR"])
def test_every_theme_and_direction_renders(library, theme, direction):
    opts = RenderOptions(theme=THEMES[theme], direction=direction)
    at = centres(run_dot(to_dot(library, run_checks(library), opts), "svg"))
    n = names(library)
    axis = 1 if direction == "TB" else 0  # the shared row: same y (TB) or same x (LR)
    assert at[n["P2"]][axis] == at[n["P3"]][axis]
    assert at[n["O1"]][axis] == at[n["P1 -> T1"]][axis]


def test_beside_comes_from_the_theme():
    shape = diagram(make_map(TWO_SIDES), partial=True)
    assert len(plan(shape, 2).rows[0]) == 3
    assert len(plan(shape, replace(THEMES["classroom"]).beside).rows[0]) == 5
    assert plan(shape, 0).rows == ()


def test_graphviz_is_given_every_row_in_order():
    """Rows are written after the nodes they name, so Graphviz reads them as rows."""
    dot = to_dot(make_map(TWO_SIDES))
    assert dot.index("subgraph row0") > dot.index("n5 [")
