"""One time budget for a whole rendering: ``--layout-timeout`` covers checks, DOT
building, Graphviz, SVG finishing, HTML and every page of ``--split``."""

from __future__ import annotations

import os
import subprocess
import sys
import time

import pytest

from argmap.errors import LayoutTimeout
from argmap.io.yaml.reader import load_map
from argmap.render.budget import Deadline
from argmap.render.dot import RenderOptions, build_diagram, dot_source
from argmap.render.graphviz import cpu_seconds, run_dot
from argmap.render.pages import PagePlan, plan_pages
from argmap.render.pipeline import dot_text

from conftest import ROOT, make_map, needs_dot

_MAP = """
claims:
  T1: {kind: thesis, text: We should act.}
  P1: {kind: premise, text: It helps., supports: T1}
  O1: {kind: objection, text: It costs., attacks: T1}
"""


def _passed() -> Deadline:
    deadline = Deadline(5)
    deadline.at -= 10  # five seconds ago
    return deadline


def _argmap(*args: str, timeout: float) -> subprocess.CompletedProcess[str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    return subprocess.run(
        [sys.executable, "-m", "argmap", *args],
        capture_output=True,
        text=True,
        env=env,
        timeout=timeout,
    )


def test_dot_source_within_its_deadline_is_the_graphs_text():
    amap = load_map(ROOT / "maps" / "two-michaels.yaml")
    for opts in (RenderOptions(), RenderOptions(folds={"T1": 3}, legend=False)):
        graph = build_diagram(amap, (), opts).graph
        text = dot_source(graph, Deadline(60))
        assert text == graph.text() == dot_source(graph)
        assert text.startswith("digraph argmap {\n") and text.endswith("}\n")


@needs_dot
def test_a_passed_deadline_stops_each_stage():
    amap = make_map(_MAP)
    diagram = build_diagram(amap)
    stopped = r"within 5 s of CPU time \(stopped while writing the DOT\)"
    with pytest.raises(LayoutTimeout, match=stopped):
        dot_text(diagram, _passed())
    with pytest.raises(LayoutTimeout, match="stopped while laying the diagram out"):
        run_dot("digraph { a }", "svg", deadline=_passed())  # Graphviz is not started
    with pytest.raises(LayoutTimeout, match="stopped while planning the pages"):
        plan_pages(amap, RenderOptions(), PagePlan(split=True), "m.svg", None, _passed())
    many = make_map(
        "claims:\n  T1: {kind: thesis, text: t}\n"
        + "".join(f"  O{i}: {{kind: objection, text: o, attacks: T1}}\n" for i in range(300))
    )
    with pytest.raises(LayoutTimeout, match="stopped while building the DOT"):
        build_diagram(many, (), RenderOptions(), _passed())


def test_budget_covers_dot_building_of_50000_objections(tmp_path):
    path = tmp_path / "fan.yaml"
    rows = "".join(
        f"  O{i}: {{kind: objection, text: Objection {i}., attacks: T1}}\n" for i in range(50_000)
    )
    path.write_text("claims:\n  T1: {kind: thesis, text: We should act.}\n" + rows)
    done = _argmap(
        "render", str(path), "--layout-timeout", "5", "-o", str(tmp_path / "fan.svg"), timeout=60
    )
    assert done.returncode == 3, done.stderr
    assert "the rendering did not finish within 5 s" in done.stderr
    assert not (tmp_path / "fan.svg").exists()


@needs_dot
def test_a_ten_million_character_word_renders(tmp_path):
    path = tmp_path / "word.yaml"
    path.write_text("claims:\n  T1: {kind: thesis, text: " + "x" * 10_000_000 + "}\n")
    out = tmp_path / "word.svg"
    done = _argmap("render", str(path), "-o", str(out), timeout=300)
    assert done.returncode == 0, done.stderr
    svg = out.read_bytes()
    assert svg.startswith(b'<?xml version="1.0" encoding="UTF-8"?>\n<svg ')
    assert b">" + b"x" * 24 + b"</text>" in svg
    assert b"x" * 10_000_000 in svg  # the tooltip holds the whole text


def test_the_budget_counts_cpu_time_not_waiting():
    """A busy machine (here: a thread that waits) spends no budget; work does."""
    deadline = Deadline(0.3)
    time.sleep(0.5)  # wall-clock time passes, CPU time does not
    deadline.check("waiting")
    assert deadline.left() > 0.25
    with pytest.raises(LayoutTimeout, match="within 0.3 s of CPU time"):
        while True:  # CPU time passes
            deadline.check("working")


def test_cpu_seconds_of_a_process():
    mine = cpu_seconds(os.getpid())
    assert mine is not None and mine >= 0.0
    assert cpu_seconds(2**22 + 12345) is None  # no such process


@needs_dot
def test_graphviz_cpu_time_is_charged_and_bounded():
    deadline = Deadline(60)
    run_dot("digraph { a -> b }", "svg", deadline=deadline)
    assert 0.0 < deadline.charged < 5.0
    dense = "digraph {" + " ".join(f"n{i} -> n{j};" for i in range(90) for j in range(90)) + "}"
    start = time.monotonic()
    with pytest.raises(LayoutTimeout):
        run_dot(dense, "svg", timeout=0.2)
    assert time.monotonic() - start < 30  # stopped near its budget, not after the layout
