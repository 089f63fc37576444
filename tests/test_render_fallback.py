"""Maps too large or too dense for one ``dot`` diagram: overview and pages, spread layout."""

from __future__ import annotations

import random
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.errors import LayoutTimeout
from argmap.io.yaml.reader import load_map
from argmap.render import cost, pipeline
from argmap.render.cost import Size, dot_seconds, layout_seconds, size_of, spread_engine
from argmap.render.dot import RenderOptions
from argmap.render.fallback import overview_depth, plan_fallback

from conftest import bench_module, needs_dot

SVG = "{http://www.w3.org/2000/svg}"


def _tree(tmp_path: Path, n: int = 100) -> Path:
    gen = bench_module("generate")
    path = tmp_path / f"tree-{n}.yaml"
    path.write_text(gen.to_yaml(gen.tree_map(n, 1), f"tree of {n}"), encoding="utf-8")
    return path


def _framework(tmp_path: Path, n: int, m: int) -> Path:
    rng, pairs = random.Random(1), set()
    while len(pairs) < m:
        a, b = rng.randrange(n), rng.randrange(n)
        if a != b:
            pairs.add((a, b))
    lines = [f"arg(a{i})." for i in range(n)] + [f"att(a{a},a{b})." for a, b in sorted(pairs)]
    path = tmp_path / f"af-{n}-{m}.apx"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def _claims(svg: Path) -> set[str]:
    """Ids of the claims an SVG draws (the second word of each claim's tooltip title)."""
    root = ET.parse(svg).getroot()
    found = set()
    for g in root.iter(f"{SVG}g"):
        if "claim" in g.get("class", "").split():
            title = g.find(f"{SVG}title")
            assert title is not None and title.text
            found.add(title.text.split("\n")[0].split(" ")[1])
    return found


def _boxes(svg: Path) -> list[tuple[float, float, float, float]]:
    """The bounding box of each node's outline (its first path, polygon or ellipse)."""
    boxes = []
    for g in ET.parse(svg).getroot().iter(f"{SVG}g"):
        if "node" not in g.get("class", "").split():
            continue
        shape = next(e for e in g if e.tag in (f"{SVG}path", f"{SVG}polygon", f"{SVG}ellipse"))
        if shape.tag == f"{SVG}ellipse":
            cx, cy, rx, ry = (float(shape.get(k, "0")) for k in ("cx", "cy", "rx", "ry"))
            boxes.append((cx - rx, cy - ry, cx + rx, cy + ry))
            continue
        nums = [
            float(v)
            for v in re.findall(r"-?\d+(?:\.\d+)?", shape.get("d") or shape.get("points", ""))
        ]
        xs, ys = nums[0::2], nums[1::2]
        boxes.append((min(xs), min(ys), max(xs), max(ys)))
    return boxes


@needs_dot
def test_a_map_predicted_too_slow_is_drawn_as_an_overview_and_pages(
    monkeypatch, run_cli, tmp_path
):
    src = _tree(tmp_path)
    monkeypatch.setattr(cost, "SAFETY", 1e-9)  # any prediction is over the budget
    out = tmp_path / "out" / "map.svg"
    out.parent.mkdir()
    code, _, err = run_cli("render", str(src), "-o", str(out), "--page-claims", "20")
    assert code == 0, err
    assert "tree-100.yaml: 100 claims is too many for one diagram within 60 s (predicted" in err
    pages = sorted(out.parent.glob("map.p*.svg"), key=lambda p: int(p.stem.split(".p")[1]))
    assert f"overview (folded below depth 2) and {len(pages)} pages instead" in err
    assert "--whole for one diagram" in err
    assert len(pages) >= 5
    seen = _claims(out)
    assert len(seen) <= 20
    for page in pages:
        drawn = _claims(page)
        assert 0 < len(drawn) <= 20, page
        seen |= drawn
    assert seen == set(load_map(str(src)).claims)
    overview = out.read_text(encoding="utf-8")
    linked = set(re.findall(r'href="(map\.p\d+\.svg)"', overview))
    assert linked and linked <= {p.name for p in pages}
    assert re.search(r"\+\d+ claims on page \d+<", overview)  # findable on a printout


@needs_dot
def test_whole_insists_on_one_diagram(monkeypatch, run_cli, tmp_path):
    src = _tree(tmp_path, 30)
    monkeypatch.setattr(cost, "SAFETY", 1e-9)
    out = tmp_path / "map.svg"
    code, _, err = run_cli("render", str(src), "-o", str(out), "--whole")
    assert code == 0, err
    assert "too many" not in err
    assert [p.name for p in tmp_path.glob("*.svg")] == ["map.svg"]


def _slow_past(monkeypatch, claims: int) -> None:
    """Graphviz 'runs out of time' on any diagram drawing more than ``claims`` claims."""
    real = pipeline.run_dot

    def run_dot(source: str, fmt: str, **kw):
        if re.search(rf"\bn{claims}\b", source):
            raise LayoutTimeout("the rendering did not finish within 60 s of CPU time")
        return real(source, fmt, **kw)

    monkeypatch.setattr(pipeline, "run_dot", run_dot)


@needs_dot
def test_a_layout_that_runs_out_of_time_falls_back_to_pages(monkeypatch, run_cli, tmp_path):
    src = _tree(tmp_path, 60)
    _slow_past(monkeypatch, 40)
    out = tmp_path / "map.svg"
    code, _, err = run_cli("render", str(src), "-o", str(out), "--page-claims", "25")
    assert code == 0, err
    assert "60 claims is too many for one diagram within 60 s (it ran out of time)" in err
    pages = list(tmp_path.glob("map.p*.svg"))
    assert pages
    seen = _claims(out).union(*(_claims(p) for p in pages))
    assert seen == set(load_map(str(src)).claims)


@needs_dot
def test_no_file_is_written_when_time_runs_out(monkeypatch, run_cli, tmp_path):
    src = _tree(tmp_path, 60)
    _slow_past(monkeypatch, 40)
    code, _, err = run_cli("render", str(src), "-o", str(tmp_path / "map.svg"), "--whole")
    assert code == 3
    _slow_past(monkeypatch, 3)  # the pages run out of time too
    code, _, err = run_cli(
        "render", str(src), "-o", str(tmp_path / "map.svg"), "--page-claims", "25"
    )
    assert code == 3
    assert list(tmp_path.glob("*.svg")) == []


@needs_dot
def test_a_dense_framework_is_spread_without_overlaps(run_cli, tmp_path):
    src = _framework(tmp_path, 30, 300)
    out = tmp_path / "af.svg"
    code, _, err = run_cli("render", str(src), "-o", str(out))
    assert code == 0, err
    assert (
        "af-30-300.apx: 300 relations among 30 claims are too dense for dot; laid out with "
        "neato (boxes moved apart, straight lines) instead (--engine dot to insist)"
    ) in err
    assert len(_claims(out)) == 30
    boxes = _boxes(out)
    assert len(boxes) >= 30
    for i, a in enumerate(boxes):
        for b in boxes[i + 1 :]:
            apart = a[2] <= b[0] or b[2] <= a[0] or a[3] <= b[1] or b[3] <= a[1]
            assert apart, (a, b)
    # every line drawn before every box, so no line crosses a box's text; no legend
    # (its frame is a cluster, which neato does not lay out)
    kinds = [
        g.get("class", "").split()[0]
        for g in ET.parse(out).getroot().iter(f"{SVG}g")
        if g.get("class", "").split()[:1] in (["node"], ["edge"])
    ]
    assert kinds.index("node") > len(kinds) - 1 - kinds[::-1].index("edge")
    assert 'id="legend' not in out.read_text(encoding="utf-8")


@needs_dot
def test_an_engine_given_is_kept(run_cli, tmp_path):
    src = _framework(tmp_path, 12, 40)
    code, _, err = run_cli("render", str(src), "-o", str(tmp_path / "af.svg"), "--engine", "neato")
    assert code == 0, err
    assert "too dense" not in err
    code, _, err = run_cli("render", str(src), "-o", str(tmp_path / "af.dot"))  # no layout run
    assert code == 0 and "too dense" not in err


def test_the_cost_model():
    assert dot_seconds(Size(2000, 2000)) == pytest.approx(0.42 * 4)
    assert dot_seconds(Size(2000, 2500)) == pytest.approx(0.42 * 4 + 2.5e-5 * 500**2)
    assert Size(30, 300).dense and not Size(30, 59).dense
    assert dot_seconds(Size(30, 300)) == pytest.approx(5e-6 * 30 * 270**2)
    assert layout_seconds(Size(1000, 1000), "dot") == pytest.approx(0.5 + 0.42)
    assert spread_engine(Size(100, 3000)).startswith("neato -Goverlap=prism")
    assert spread_engine(Size(5000, 30000)).startswith("sfdp ")


def test_fallback_pages_keep_to_the_budget(tmp_path):
    amap = load_map(str(_tree(tmp_path, 200)))
    assert size_of(amap).claims == 200
    drawn = plan_fallback(amap, RenderOptions(), 30, "out/m.svg", "m")
    assert drawn.depth == overview_depth(amap, 30)
    assert [p.suffix for p in drawn.pages] == [""] + [f"p{i}" for i in range(1, len(drawn.pages))]
    assert all(len(p.amap.claims) <= 30 for p in drawn.pages)
    assert set().union(*(p.amap.claims for p in drawn.pages)) == set(amap.claims)
    assert set(drawn.pages[0].opts.links.values()) <= {f"m.{p.suffix}.svg" for p in drawn.pages}


def test_fallback_pages_hang_objections_under_their_targets(tmp_path):
    """No shared rows of attackers beside their targets on the overview and pages:
    ``dot`` 2.43 lays some such pages of a tangled map out differently from run to run."""
    from argmap.render.outputs import render

    amap = load_map(str(_tree(tmp_path, 200)))
    whole = render(amap, [], RenderOptions(), "dot", map_id="m").decode()
    assert "subgraph row0 {" in whole  # the one diagram puts objections beside
    drawn = plan_fallback(amap, RenderOptions(), 30, "out/m.svg", "m")
    assert {p.opts.theme.beside for p in drawn.pages} == {0}
    for page in drawn.pages:
        dot = render(page.amap, [], page.opts, "dot", map_id=page.map_id).decode()
        assert "subgraph row" not in dot and "cluster_row" not in dot, page.suffix


@needs_dot
def test_a_map_the_overview_would_not_shrink_is_drawn_whole(monkeypatch, run_cli, tmp_path):
    """A thesis with 40 objections, predicted too slow: folding below the thesis's
    arguers keeps every claim, so overview and pages would be the one diagram again;
    it is drawn once, whole, without a word about pages."""
    lines = ["claims:", "  T1: {kind: thesis, text: t}"]
    lines += [f"  O{i}: {{kind: objection, text: o{i}, attacks: T1}}" for i in range(40)]
    src = tmp_path / "star.yaml"
    src.write_text("\n".join(lines) + "\n", encoding="utf-8")
    monkeypatch.setattr(cost, "SAFETY", 1e-9)
    out = tmp_path / "out" / "star.svg"
    out.parent.mkdir()
    code, _, err = run_cli("render", str(src), "-o", str(out), "--page-claims", "20")
    assert code == 0, err
    assert "too many" not in err
    assert [p.name for p in out.parent.iterdir()] == ["star.svg"]
    assert len(_claims(out)) == 41


@needs_dot
def test_the_prediction_counts_every_format_laid_out(monkeypatch, run_cli, tmp_path):
    src = _tree(tmp_path, 100)
    monkeypatch.setattr(cost, "layout_seconds", lambda size, engine: 20.0)  # 20 s each
    out = tmp_path / "m.svg"
    code, _, err = run_cli("render", str(src), "-o", str(out), "--layout-timeout", "30")
    assert code == 0 and "too many" not in err, err  # 20 s of 30: one diagram
    code, _, err = run_cli(
        "render", str(src), "-o", str(out), "-o", str(tmp_path / "m.png"), "--layout-timeout", "30"
    )
    assert code == 0 and "(predicted 40 s)" in err, err  # two layouts: 40 s


def test_the_overview_depth_takes_a_logarithmic_number_of_collapses(monkeypatch):
    """A chain of 1,000 premises folds below depth 299 with a budget of 300: found
    with a binary search, not one collapse per level (quadratic on a chain)."""
    from argmap.io.yaml.reader import loads_map
    from argmap.render import fallback

    lines = ["claims:", "  T: {kind: thesis, text: t}"]
    lines += ["  P0: {kind: premise, text: p0, supports: T}"]
    lines += [f"  P{i}: {{kind: premise, text: p{i}, supports: P{i - 1}}}" for i in range(1, 1000)]
    amap = loads_map("\n".join(lines) + "\n", "chain.yaml")
    calls = []
    real = fallback.collapse
    monkeypatch.setattr(fallback, "collapse", lambda m, d: calls.append(d) or real(m, d))
    assert fallback.overview_depth(amap, 300) == 299
    assert len(real(amap, 299).amap.claims) <= 300 < len(real(amap, 300).amap.claims)
    assert len(calls) <= 2 * 10 + 2  # two per step of a search over 1,000 depths


def test_a_fold_says_where_its_claims_are_drawn():
    from argmap.render.dot import where_shown

    assert where_shown("out.p12.svg", "P2907") == "on page 12"
    assert where_shown("sub/out.p3.png", "P1") == "on page 3"
    assert where_shown("bike.O1.html", "O1") == "on the page of O1"  # --split: named pages
    assert where_shown("out.svg", "P1") == "on the overview"
