"""The column layout without Graphviz: rows in reading order, references, loops, boxes that
stay inside the column, text that fits its box, wrapping measured in pixels."""

from __future__ import annotations

import random

import pytest

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import load_map
from argmap.render.column.draw import column_dot
from argmap.render.column.layout import claim_codes, layout
from argmap.render.column.measure import measure, metrics, wrap
from argmap.render.column.shapes import Layout
from argmap.render.column.tree import loops, rows
from argmap.render.dot import RenderOptions
from argmap.render.style import THEMES

from conftest import FIXTURES, ROOT, make_map

COLUMN = FIXTURES / "column"

#: A shared claim, a knot of three claims and an objection with two rebuttals.
SHARED_LOOP = COLUMN / "shared-loop.yaml"

#: Markup, escapes, a long word, CJK and emoji in claims.
HOSTILE = COLUMN / "hostile.yaml"


def _rows_by_claim(amap):
    shown = rows(amap)
    return shown, {r.claim: (i, r) for i, r in enumerate(shown) if r.kind == "claim"}


def test_linked_premises_form_one_group_and_undercuts_follow_their_step():
    amap = load_map(FIXTURES / "valid" / "linked-undercuts.yaml")
    shown, full = _rows_by_claim(amap)
    groups = {r.junction.inference.id: (i, r) for i, r in enumerate(shown) if r.kind == "group"}
    assert sorted(groups) == ["I1", "P1 -> T1"]  # the linked reason and the undercut step
    g, group = groups["I1"]
    inside = [shown[k].claim for k in range(g + 1, group.end) if shown[k].parent == g]
    assert inside == ["P2", "P3"]
    assert all(
        shown[k].relation == "premise" for k in range(g + 1, group.end) if shown[k].parent == g
    )
    o2, row = full["O2"]
    assert (row.relation, row.parent, o2) == ("undercut", g, group.end)
    o1, row = full["O1"]
    step, _ = groups["P1 -> T1"]
    assert (row.relation, row.parent) == ("undercut", step)
    assert full["R1"][1].parent == o1  # the rebuttal of the undercut under it
    # O2 also attacks P3: drawn once (as the undercut, nearer the thesis), referred to there
    refs = [(r.claim, r.parent) for r in shown if r.kind == "ref"]
    assert refs == [("O2", full["P3"][0])]


def test_every_claim_is_drawn_in_full_exactly_once():
    for amap in (load_map(SHARED_LOOP), load_map(ROOT / "maps" / "two-michaels.yaml")):
        drawn = [r.claim for r in rows(amap) if r.kind == "claim"]
        assert sorted(drawn) == sorted(amap.claims)


def test_a_shared_claim_is_drawn_once_and_referred_to_elsewhere():
    shown, full = _rows_by_claim(load_map(SHARED_LOOP))
    s1, row = full["S1"]
    assert shown[row.parent].claim == "T1"  # in full next to the thesis, its nearest place
    refs = [r for r in shown if r.kind == "ref" and r.claim == "S1"]
    assert len(refs) == 1 and shown[refs[0].parent].claim == "R1" and not refs[0].circle


def test_a_loop_ends_in_a_reference_and_every_member_is_marked():
    amap = load_map(SHARED_LOOP)
    assert loops(amap) == [frozenset({"P1", "P2", "P4"})]
    shown = rows(amap)
    closing = [(r.claim, shown[r.parent].claim) for r in shown if r.kind == "ref" and r.circle]
    assert closing == [("P1", "P2"), ("P1", "P4")]
    found = run_checks(amap)
    named = {c for f in found if f.code == "AM102" for c in f.claims}
    assert named == {"P1", "P2"}  # the check names one witness cycle
    codes = claim_codes(amap, found)
    assert all("AM102" in codes[c] for c in ("P1", "P2", "P4"))
    assert not any("AM102" in codes.get(c, []) for c in ("T1", "S1", "O1"))


def test_objections_come_after_reasons_with_their_rebuttals_under_them():
    amap = load_map(SHARED_LOOP)
    placed, _ = layout(amap, {}, RenderOptions(), 700)
    box = {b.name: b for b in placed.boxes}
    order = [r.claim for r in rows(amap) if r.kind == "claim" and r.claim != "T1"]
    assert order.index("O1") > max(order.index(c) for c in ("P1", "S1"))
    o1, r1, r2 = (box[f"n{list(amap.claims).index(c)}"] for c in ("O1", "R1", "R2"))
    assert r1.x == r2.x > o1.x and o1.bottom < r1.y < r2.y


def _inside(placed: Layout) -> list[str]:
    """Boxes past the column's edges, wires outside it, text lines wider than their box."""
    bad = []
    for b in placed.boxes:
        if b.x < 0 or b.right > placed.width or b.y < 0 or b.bottom > placed.height:
            bad.append(f"box {b.name} at {b.x},{b.y} {b.w}x{b.h}")
        for line in b.lines:
            room = b.w - 2 * b.pad_x
            if measure(line.text, line.size, bold=line.bold) > room + 0.01:
                bad.append(f"line {line.text!r} of {b.name} wider than {room}")
    for w in placed.wires:
        for x, y in (*w.points, *([w.tip] if w.tip else [])):
            if not (0 <= x <= placed.width and 0 <= y <= placed.height):
                bad.append(f"wire {w.name} at {x},{y}")
    return bad


@pytest.mark.parametrize("width", [280, 360, 700, 2000])
@pytest.mark.parametrize("source", ["hostile", "two-michaels", "linked-undercuts"])
def test_no_box_line_or_wire_leaves_the_column(source, width):
    amap = {
        "hostile": lambda: load_map(HOSTILE),
        "two-michaels": lambda: load_map(ROOT / "maps" / "two-michaels.yaml"),
        "linked-undercuts": lambda: load_map(FIXTURES / "valid" / "linked-undercuts.yaml"),
    }[source]()
    for theme in ("default", "classroom"):
        opts = RenderOptions(theme=THEMES[theme])
        placed, m = layout(amap, claim_codes(amap, run_checks(amap)), opts, width)
        assert placed.width == width
        assert _inside(placed) == []
        claim_boxes = [b for b in placed.boxes if b.css.startswith("claim")]
        assert min(b.w for b in claim_boxes) >= min(m.min_box, width - 2 * m.margin)


def test_a_chain_of_three_thousand_claims_stays_in_a_phone_column():
    lines = ["claims:", "  T0: {kind: thesis, text: Start here.}"]
    for i in range(1, 3000):
        parent = "T0" if i == 1 else f"P{i - 1}"
        lines.append(f"  P{i}: {{kind: premise, text: Step {i} of a chain., supports: {parent}}}")
    amap = make_map("\n".join(lines))
    placed, _ = layout(amap, {}, RenderOptions(legend=False), 280)
    assert len(placed.boxes) == 3000 and _inside(placed) == []


def test_sizes_follow_the_theme_with_floors():
    default, classroom = metrics(THEMES["default"], 700), metrics(THEMES["classroom"], 700)
    assert (default.text, default.small) == (16, 14)
    assert classroom.text > 16 and classroom.small > 14
    assert metrics(THEMES["default"], 360).step < default.step


def test_wrapped_lines_never_exceed_the_width():
    rng = random.Random(3)
    alphabet = "ab cd efghij WMw 漢字 😀 e\u0301 - / ."
    for _ in range(400):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 200)))
        width = rng.randint(20, 400)
        lines = wrap(text, width, 16)
        assert lines and all(measure(line, 16) <= width or len(line) == 1 for line in lines)
        assert " ".join(lines).split() == text.split() or "".join(lines).replace(
            " ", ""
        ) == "".join(text.split())


def test_a_long_word_starts_on_the_line_it_comes_to():
    lines = wrap("↗ example.org/a/very/long/path/that/goes/on/and/on", 150, 14)
    assert lines[0].startswith("↗ example")
    assert wrap("👩\u200d👧 x", 10, 16) == ["👩\u200d👧", "x"]  # a joined emoji is not cut


def test_dot_escapes_every_map_text_and_is_deterministic():
    amap = load_map(HOSTILE)
    text, _ = column_dot(amap, run_checks(amap))
    assert text == column_dot(load_map(HOSTILE), run_checks(amap))[0]
    assert "<script>" not in text and "&lt;script&gt;" in text
    assert "\\\u2060N" in text  # Graphviz's escapes cannot fire
    assert 'pos="' in text and "corner1" in text
