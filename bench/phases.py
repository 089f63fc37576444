"""Time argmap's phases in one process: load, graph + checks, evaluate, DOT emission.

Usage::

    python bench/phases.py MAP [--runs 5]

Prints one JSON object: the median seconds (wall clock) of each phase over
``--runs`` runs, the claim and relation counts, and the process's peak
resident memory in MB. Like the command line, it runs with the cyclic garbage
collector paused (collecting between runs, untimed).

* ``load``: ``load_map`` (read, YAML events, model);
* ``check``: ``build_graph`` plus ``run_checks`` (every check);
* ``evaluate``: ``argmap.analysis.evaluate.evaluate(amap)`` when that module and
  function exist, else left out with a note on stderr;
* ``dot``: ``to_dot`` with the findings (building and writing the DOT text).
"""

from __future__ import annotations

import argparse
import gc
import importlib
import json
import resource
import statistics
import sys
import time
from collections.abc import Callable


def _timed(fn: Callable[[], object], runs: int) -> tuple[float, object]:
    """Median wall-clock seconds of ``fn`` over ``runs`` runs, and its last result."""
    times, result = [], None
    for _ in range(runs):
        result = None
        gc.collect()
        start = time.perf_counter()
        result = fn()
        times.append(time.perf_counter() - start)
    return statistics.median(times), result


def _evaluator() -> Callable | None:
    """``argmap.analysis.evaluate.evaluate`` if this argmap has it, else None."""
    try:
        module = importlib.import_module("argmap.analysis.evaluate")
    except ImportError:
        return None
    fn = getattr(module, "evaluate", None)
    return fn if callable(fn) else None


def measure(path: str, runs: int) -> dict[str, object]:
    """Median seconds per phase for the map at ``path`` (see the module docstring)."""
    from argmap.analysis.checks import run_checks
    from argmap.analysis.graph import build_graph
    from argmap.io.yaml.reader import load_map
    from argmap.render.dot import to_dot

    out: dict[str, object] = {"map": path}
    out["load"], amap = _timed(lambda: load_map(path), runs)
    out["check"], findings = _timed(lambda: run_checks(amap, graph=build_graph(amap)), runs)
    evaluate = _evaluator()
    if evaluate is not None:
        out["evaluate"], _ = _timed(lambda: evaluate(amap), runs)
    else:
        print(
            "note: argmap.analysis.evaluate.evaluate not found; evaluate not timed",
            file=sys.stderr,
        )
    out["dot"], _ = _timed(lambda: to_dot(amap, findings), runs)
    out["claims"] = len(amap.claims)
    out["relations"] = len(amap.inferences) + len(amap.attacks) + len(amap.undercuts)
    out["findings"] = len(findings)  # type: ignore[arg-type]
    out["peak_mb"] = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    return out


def main(argv: list[str] | None = None) -> None:
    """Command line: print the phase timings of one map as JSON."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("map")
    ap.add_argument("--runs", type=int, default=5)
    args = ap.parse_args(argv)
    gc.disable()
    print(json.dumps(measure(args.map, args.runs)))


if __name__ == "__main__":
    main()
