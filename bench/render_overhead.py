"""Render overhead: argmap's own work next to Graphviz's layout.

Usage (from the repository root, with the Python that has argmap's dependencies)::

    python bench/render_overhead.py [--runs 5] [--json] [--quick]

Two kinds of figure, on tree maps from ``bench/generate.py``:

* ``svg-overhead-N``: wall seconds of ``argmap render MAP -o OUT.svg`` (a whole
  process: start-up, reading, checks, DOT, Graphviz, SVG finishing) ÷ wall
  seconds of bare ``dot -Tsvg`` on the DOT argmap writes for that map; the two
  commands alternated round by round, medians of ``--runs`` rounds (at least 5)
  after one warm-up round. Targets: ≤ 1.4 at 2,000 claims, ≤ 1.1 at 5,000.
* ``own-time-N``: argmap's own CPU seconds in one process (``time.process_time``,
  garbage collector paused, median of ``--runs``): building and writing the DOT
  (:func:`argmap.render.dot.build_diagram`, :func:`~argmap.render.dot.dot_source`)
  plus finishing a Graphviz SVG made beforehand (:func:`argmap.render.pipeline.svg_extras`,
  :func:`argmap.render.svg.finish_svg`), at 1k, 2k, 5k and 20k claims, and the
  time per claim at each size ÷ that at the smallest (``own-per-claim-N``:
  about 1 when the work is linear in the map's size).

The SVG finished for ``own-time`` is laid out once per map and kept under
``bench/_work/overhead/`` (with ``-Gnslimit=1 -Gnslimit1=1 -Gmclimit=0.1``, so
the 20,000-claim layout takes minutes, not an hour: the elements are the same,
only their coordinates differ, and finishing reads the elements).
``--quick``: small maps, one run, for a smoke test in seconds (no targets).
"""

from __future__ import annotations

import argparse
import gc
import hashlib
import json
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "_work"
COMMAND = "python bench/render_overhead.py"
RATIO_TARGETS = {2000: 1.4, 5000: 1.1}
OWN_SIZES = (1000, 2000, 5000, 20000)
FAST_LAYOUT = ["-Gnslimit=1", "-Gnslimit1=1", "-Gmclimit=0.1"]


def _env() -> dict[str, str]:
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT / "src")
    env["PYTHONPYCACHEPREFIX"] = str(WORK / "pycache" / "overhead")
    return env


def map_of(n: int) -> Path:
    """The tree map of ``n`` claims (written by bench/generate.py if missing)."""
    path = WORK / "maps" / f"tree-{n}.yaml"
    return path if path.exists() else generate.write(WORK / "maps", "tree", n, 1)


def _run(argv: list[str], env: dict[str, str] | None = None) -> tuple[float, float]:
    """Wall and CPU (user + system, children included) seconds of one command."""
    start = time.perf_counter()
    proc = subprocess.Popen(argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL,
                            stderr=subprocess.PIPE)  # fmt: skip
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if proc.stderr:
        proc.stderr.close()
    if os.waitstatus_to_exitcode(status) not in (0, 1):
        sys.exit(f"{' '.join(argv)} failed: {err.decode(errors='replace')[-400:]}")
    return wall, usage.ru_utime + usage.ru_stime


def ratio(n: int, runs: int) -> dict[str, float]:
    """Median wall and CPU seconds of ``argmap render -o .svg`` and of bare ``dot -Tsvg``."""
    out = WORK / "out" / "overhead"
    out.mkdir(parents=True, exist_ok=True)
    amap, dot = map_of(n), out / f"tree-{n}.dot"
    argmap = [sys.executable, "-m", "argmap", "render", str(amap)]
    _run([*argmap, "-o", str(dot)], _env())
    sides = {
        "argmap": ([*argmap, "-o", str(out / "argmap.svg")], _env()),
        "dot": (["dot", "-Tsvg", str(dot), "-o", str(out / "dot.svg")], None),
    }
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in sides}
    for round_ in range(runs + 1):
        for name, (argv, env) in sides.items():
            sample = _run(argv, env)
            if round_:
                times[name].append(sample)
    med = {f"{k} wall": statistics.median(w for w, _ in v) for k, v in times.items()}
    return med | {f"{k} cpu": statistics.median(c for _, c in v) for k, v in times.items()}


def _premade_svg(n: int, dot_text: str) -> bytes:
    """Graphviz's SVG of this DOT, laid out once and kept (see the module docstring)."""
    digest = hashlib.sha256(dot_text.encode("utf-8")).hexdigest()[:16]
    path = WORK / "overhead" / f"tree-{n}-{digest}.svg"
    if not path.exists():
        path.parent.mkdir(parents=True, exist_ok=True)
        print(f"laying out tree-{n} once for the own-time figures ...", file=sys.stderr)
        done = subprocess.run(["dot", "-Tsvg", *FAST_LAYOUT], input=dot_text.encode("utf-8"),
                              capture_output=True, check=True)  # fmt: skip
        path.write_bytes(done.stdout)
    return path.read_bytes()


def own_time(n: int, runs: int) -> tuple[float, float]:
    """argmap's median CPU seconds for the DOT and for SVG finishing at ``n`` claims."""
    from argmap.analysis.checks import run_checks
    from argmap.io.yaml.reader import load_map
    from argmap.render.dot import RenderOptions, build_diagram, dot_source
    from argmap.render.pipeline import svg_extras
    from argmap.render.svg import finish_svg

    amap = load_map(map_of(n))
    findings, opts = run_checks(amap), RenderOptions()
    raw = _premade_svg(n, dot_source(build_diagram(amap, findings, opts).graph))
    dots, svgs = [], []
    for _ in range(runs):
        gc.collect()
        gc.disable()
        start = time.process_time()
        diagram = build_diagram(amap, findings, opts)
        dot_source(diagram.graph)
        middle = time.process_time()
        finish_svg(raw, svg_extras(amap, diagram, opts, None, findings))
        end = time.process_time()
        gc.enable()
        dots.append(middle - start)
        svgs.append(end - middle)
    return statistics.median(dots), statistics.median(svgs)


def figure(name: str, value: float, target: float | None, unit: str, what: str) -> dict:
    return {"name": name, "value": round(value, 4), "target": target, "better": "lower",
            "unit": unit, "what": what, "command": COMMAND}  # fmt: skip


def measure(runs: int, quick: bool) -> list[dict]:
    """Every figure (see the module docstring)."""
    targets = {200: None, 400: None} if quick else RATIO_TARGETS
    figures = []
    for n, target in targets.items():
        med = ratio(n, runs)
        value = med["argmap wall"] / med["dot wall"]
        what = f"argmap render SVG / bare dot -Tsvg, wall, {n:,} claims"
        figures.append(figure(f"svg-overhead-{n}", value, target, "ratio", what))
        cpu = med["argmap cpu"] / med["dot cpu"]
        what = f"the same by CPU time (children included), {n:,} claims"
        figures.append(figure(f"svg-overhead-cpu-{n}", cpu, None, "ratio", what))
        figures[-2]["detail"] = {k: round(v, 3) for k, v in med.items()}
    sizes = (100, 200, 400, 800) if quick else OWN_SIZES
    first = None
    for n in sizes:
        dot, svg = own_time(n, runs)
        per_claim = (dot + svg) / n
        first = first or per_claim
        what = f"argmap's own CPU s: DOT {dot:.3f} + SVG finishing {svg:.3f}, {n:,} claims"
        figures.append(figure(f"own-time-{n}", dot + svg, None, "s", what))
        what = f"own time per claim at {n:,} ÷ at {sizes[0]:,} claims (linear: about 1)"
        figures.append(figure(f"own-per-claim-{n}", per_claim / first, 1.5, "ratio", what))
    return figures


def main(argv: list[str] | None = None) -> None:
    """Measure and print the figures (``--json``: one JSON object a line)."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="alternated rounds (at least 5)")
    ap.add_argument("--json", action="store_true", help="one JSON object per figure")
    ap.add_argument("--quick", action="store_true", help="small maps, one run")
    args = ap.parse_args(argv)
    runs = 1 if args.quick else max(args.runs, 5)
    load = os.getloadavg()[0]
    figures = measure(runs, args.quick)
    if args.json:
        for fig in figures:
            print(json.dumps(fig, ensure_ascii=False))
        return
    print(f"medians of {runs} alternated runs; load average {load:.2f} before, "
          f"{os.getloadavg()[0]:.2f} after; {os.cpu_count()} cores")  # fmt: skip
    for fig in figures:
        verdict = ""
        if fig["target"] is not None:
            verdict = " (target ≤ {:g}: {})".format(
                fig["target"], "met" if fig["value"] <= fig["target"] else "missed"
            )
        print(f"{fig['name']:24} {fig['value']:9.3f} {fig['unit']:5} {fig['what']}{verdict}")
        if "detail" in fig:
            print(" " * 25 + ", ".join(f"{k} {v:.3f} s" for k, v in fig["detail"].items()))


if __name__ == "__main__":
    main()
