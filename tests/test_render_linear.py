"""argmap's own share of a rendering (the DOT text and the SVG finishing, not
Graphviz) grows linearly with the map: CPU time at 4n claims is at most about
4× that at n (5× allowed for noise; a quadratic step would give 16×).
Not timed against the clock: both sizes are measured in the same test with
``time.process_time``, best of 3, the garbage collector paused."""

from __future__ import annotations

import gc
import importlib.util
import sys
import time
from collections.abc import Callable

import pytest

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import loads_map
from argmap.render.dot import RenderOptions, build_diagram, dot_source
from argmap.render.graphviz import run_dot
from argmap.render.pipeline import svg_extras
from argmap.render.svg import finish_svg

from conftest import ROOT, needs_dot

N = 150


def _generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


def _best_of_3(fn: Callable[[], object]) -> float:
    best = float("inf")
    gc.collect()
    gc.disable()
    try:
        for _ in range(3):
            start = time.process_time()
            fn()
            best = min(best, time.process_time() - start)
    finally:
        gc.enable()
    return best


@pytest.fixture(scope="module")
def drawings():
    """For n and 4n claims: (map, findings, options, Graphviz's SVG of its DOT, what
    the finishing adds)."""
    gen = _generator()
    made = {}
    for n in (N, 4 * N):
        amap = loads_map(gen.to_yaml(gen.tree_map(n), f"tree of {n}"), f"tree-{n}.yaml")
        findings, opts = run_checks(amap), RenderOptions()
        diagram = build_diagram(amap, findings, opts)
        raw = run_dot(dot_source(diagram.graph), "svg", timeout=120)
        made[n] = (amap, findings, opts, raw, svg_extras(amap, diagram, opts, None, findings))
    return made


def _dot(amap, findings, opts) -> None:
    dot_source(build_diagram(amap, findings, opts).graph)


@needs_dot
@pytest.mark.parametrize("stage", ["dot", "svg"])
def test_own_share_of_render_is_linear(drawings, stage):
    if stage == "dot":
        small, large = (_best_of_3(lambda d=drawings[n]: _dot(*d[:3])) for n in (N, 4 * N))
    else:
        small, large = (_best_of_3(lambda d=drawings[n]: finish_svg(*d[3:])) for n in (N, 4 * N))
    assert large <= 5 * small, (stage, small, large)
    assert large >= 2 * small, (stage, small, large)  # the sizes do differ in work
