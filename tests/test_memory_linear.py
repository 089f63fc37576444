"""Memory grows linearly with the map: the peak of Python allocations (tracemalloc)
of each command's work on a map four times as large stays under five times as
much, on a tree, on support knots (bench/generate.py) and on an attacked support
chain (bench/evaluate_scaling.py). Whole-process figures for 1k to 100k claims:
``python bench/scaling_curve.py``."""

from __future__ import annotations

import tracemalloc
from collections.abc import Callable

import pytest

from argmap.analysis.checks import run_checks
from argmap.analysis.evaluate import evaluate
from argmap.analysis.stats import map_stats
from argmap.analysis.strength_notes import strength_notes
from argmap.io.argdown.writer import dump_argdown
from argmap.io.json.mapjson import dump_json_map
from argmap.io.yaml.reader import loads_map
from argmap.model import ArgumentMap
from argmap.util.gcpause import gc_paused

from conftest import bench_module

N = 1_000  # claims of the smaller map; the larger has 4 N
GROWTH = 5.0  # ×4 the claims: at most ×5 the peak (linear, with room for noise)


def _map(shape: str, n: int) -> ArgumentMap:
    if shape == "chain":  # n claims: n / 2 premises, each with its objection
        return loads_map(bench_module("evaluate_scaling").chain_map(n // 2), "chain.yaml")
    gen = bench_module("generate")
    claims = (gen.tree_map if shape == "tree" else gen.knots_map)(n, 1)
    return loads_map(gen.to_yaml(claims, shape), f"{shape}.yaml")


def _evaluate(amap: ArgumentMap, **how: str) -> object:
    result = evaluate(amap, **how)
    return result, strength_notes(amap, result.labelling, result.strength)


WORK: dict[str, Callable[[ArgumentMap], object]] = {
    "evaluate": _evaluate,
    "evaluate-grounded": lambda amap: _evaluate(amap, semantics="grounded"),
    "evaluate-convergent": lambda amap: _evaluate(
        amap, semantics="grounded", support="convergent"
    ),
    "check": run_checks,
    "stats": map_stats,
    "convert-json": dump_json_map,
    "convert-argdown": dump_argdown,
}


def _peak(work: Callable[[ArgumentMap], object], amap: ArgumentMap) -> int:
    """Peak bytes Python allocates while ``work`` runs on ``amap`` (as the command
    line runs it: collector paused)."""
    with gc_paused():
        tracemalloc.start()
        try:
            kept = work(amap)
            peak = tracemalloc.get_traced_memory()[1]
        finally:
            tracemalloc.stop()
    del kept
    return peak


@pytest.mark.parametrize("shape", ["tree", "knots", "chain"])
@pytest.mark.parametrize("name", list(WORK))
def test_memory_grows_linearly(shape, name):
    small, large = _map(shape, N), _map(shape, 4 * N)
    ratio = _peak(WORK[name], large) / _peak(WORK[name], small)
    assert ratio <= GROWTH, f"{name} on {shape}: ×4 the claims took ×{ratio:.1f} the memory"
    assert ratio >= 2.0  # the measure sees the work at all


def test_loading_grows_linearly():
    gen = bench_module("generate")
    texts = [gen.to_yaml(gen.knots_map(n, 1), "knots") for n in (N, 4 * N)]
    empty = loads_map("claims:\n  T: {kind: thesis, text: T.}\n", "t.yaml")
    small, large = (_peak(lambda _, text=t: loads_map(text, "k.yaml"), empty) for t in texts)
    assert 2.0 <= large / small <= GROWTH


@pytest.mark.parametrize("job", ["checks", "stats"])
def test_the_argument_graph_is_freed_without_the_cycle_collector(job):
    """The checks and stats leave no map in a reference cycle through a networkx
    graph (a cached view points back at its graph, so the graph waits for the
    cycle collector, paused while a command runs): such a graph is emptied when
    the work is done."""
    import gc

    import networkx as nx

    amap = _map("knots", 300)
    gc.collect()
    gc.disable()
    gc.set_debug(gc.DEBUG_SAVEALL)
    try:
        run_checks(amap) if job == "checks" else map_stats(amap)
        gc.collect()
        left = [len(o) for o in gc.garbage if isinstance(o, nx.Graph) and len(o)]
    finally:
        gc.set_debug(0)
        gc.garbage.clear()
        gc.enable()
    assert left == []
