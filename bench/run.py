"""Run the benchmarks: phase timings, whole-process timings, peak memory and the ratios.

Usage (from the repository root, with the Python that has argmap's dependencies)::

    python bench/run.py [--runs 5] [--big-runs 5] [--svg-runs 5] [--quick] [--json]

Maps come from ``bench/generate.py`` (written to ``bench/_work/maps`` when
missing). For every map it prints the in-process phases (``bench/phases.py``)
and, for whole processes, the median wall-clock and CPU seconds and the peak
resident memory (``os.wait4``'s ``ru_maxrss``, which covers the process and
the children it waited for, e.g. ``dot``). Then the ratios the benchmarks
promise, each with its target and whether it is met. Everything also goes to
``bench/_work/results.json`` and, as Markdown, ``bench/_work/results.md``
(``results-quick.*`` with ``--quick``).

argmap runs as ``python -m argmap`` from this checkout's ``src`` with byte
code cached under ``bench/_work/pycache`` (as an installed package would
have it). The Argdown CLI is installed with npm into ``bench/_work/argdown``
when missing; without npm that comparison is skipped with a note.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import subprocess
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures
import generate
from measure import Runner, Sample, machine
from report import emit_figures, markdown, print_tables

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "_work"
MAPS = WORK / "maps"
ARGDOWN_DIR = WORK / "argdown"
ARGDOWN_PKG = "@argdown/cli@1.7.5"
BIG = 50_000  # maps at least this big get --big-runs runs

#: Whole-process argmap commands timed on every map: name → arguments after
#: ``python -m argmap`` (``{map}``, ``{out}`` are filled in). A command this
#: argmap lacks is skipped with a printed note.
COMMANDS: dict[str, list[str]] = {
    "check": ["check", "{map}", "--format", "json"],
    "evaluate": ["evaluate", "{map}", "--format", "json"],
    "render-dot": ["render", "{map}", "-o", "{out}/map.dot"],
    "stats": ["stats", "{map}", "--format", "json"],
}
_LOAD = "yaml.load(open(sys.argv[1], 'rb'), Loader=yaml.CSafeLoader)"
#: Baselines: a bare PyYAML C-loader parse, and the same with the cyclic
#: garbage collector disabled (as argmap's command line runs), for reference.
BASELINES: dict[str, list[str]] = {
    "yaml-c": ["-c", f"import sys, yaml; {_LOAD}", "{map}"],
    "yaml-c-nogc": ["-c", f"import gc, sys, yaml; gc.disable(); {_LOAD}", "{map}"],
}


def _argv(template: list[str], path: Path, out: Path) -> list[str]:
    return [a.format(map=path, out=out) for a in template]


def ensure_maps(sizes: list[int], knots: list[int], seed: int) -> None:
    """Generate any missing map (YAML and Argdown)."""
    for shape, sizes_ in (("tree", sizes), ("knots", knots)):
        for n in sizes_:
            if not (MAPS / f"{shape}-{n}.yaml").exists():
                print(f"generating {shape}-{n}", flush=True)
                generate.write(MAPS, shape, n, seed)


def argdown_bin() -> Path | None:
    """The Argdown CLI, installed with npm into bench/_work/argdown if needed."""
    exe = ARGDOWN_DIR / "node_modules" / ".bin" / "argdown"
    if exe.exists():
        return exe
    if shutil.which("npm") is None:
        print("note: npm not found; the Argdown comparison is skipped")
        return None
    ARGDOWN_DIR.mkdir(parents=True, exist_ok=True)
    cmd = ["npm", "install", "--no-audit", "--no-fund", "--prefix", str(ARGDOWN_DIR), ARGDOWN_PKG]
    print("installing the Argdown CLI:", " ".join(cmd), flush=True)
    done = subprocess.run(cmd, capture_output=True, text=True, check=False)
    if done.returncode != 0 or not exe.exists():
        print(f"note: npm install failed ({done.stderr.strip()[-300:]}); Argdown skipped")
        return None
    return exe


def argdown_config() -> Path:
    """A config that lifts Argdown's default ignore of paths with ``_`` folders (``_work``)."""
    cfg = ARGDOWN_DIR / "argdown.config.js"
    cfg.write_text('module.exports = { ignore: ["**/node_modules/**"] };\n', encoding="utf-8")
    return cfg


def available(runner: Runner, name: str) -> bool:
    """Whether this argmap has the command ``name``."""
    return runner.probe(["-m", "argmap", COMMANDS[name][0], "--help"])


def time_map(
    runner: Runner, path: Path, runs: int, commands: list[str], extra: dict[str, list[str]]
) -> dict[str, object]:
    """Phases and whole-process samples of one map: the baselines, argmap's commands
    and ``extra`` (e.g. the Argdown CLI on the same map) alternated round by round."""
    out = WORK / "out" / path.stem
    out.mkdir(parents=True, exist_ok=True)
    row: dict[str, object] = {"phases": runner.phases(path, runs)}
    cases = {name: [sys.executable, *_argv(t, path, out)] for name, t in BASELINES.items()}
    for name in commands:
        cases[name] = [sys.executable, "-m", "argmap", *_argv(COMMANDS[name], path, out)]
    row |= runner.alternate(cases | extra, runs, ok=(0, 1))
    return row


def argdown_case(exe: Path, path: Path) -> list[str]:
    """The Argdown CLI's DOT export of the same map (``argdown map FILE DIR -f dot``)."""
    out = WORK / "out" / "argdown"
    argv = [str(exe), "map", str(path.with_suffix(".argdown")), str(out), "-f", "dot"]
    return [*argv, "--config", str(argdown_config())]


def time_svg(runner: Runner, path: Path, runs: int) -> dict[str, Sample]:
    """``argmap render -o map.svg`` against bare ``dot -Tsvg`` on the DOT argmap emits,
    alternated."""
    out = WORK / "out" / f"svg-{path.stem}"
    out.mkdir(parents=True, exist_ok=True)
    render = [sys.executable, "-m", "argmap", "render", str(path), "-o", str(out / "map.svg")]
    render += ["--layout-timeout", "3600"]
    runner.python(["-m", "argmap", "render", str(path), "-o", str(out / "map.dot")], 1)
    bare = ["dot", "-Tsvg", str(out / "map.dot"), "-o", str(out / "bare.svg")]
    return runner.alternate({"render-svg": render, "dot-svg": bare}, runs)


def time_maps(runner: Runner, args: argparse.Namespace, results: dict) -> None:
    """Phases and whole-process timings of every tree and knots map (the Argdown CLI
    alternated with them on trees up to 5,000 claims)."""
    commands = [c for c in COMMANDS if available(runner, c)]
    for name in COMMANDS:
        if name not in commands:
            print(f"note: 'argmap {COMMANDS[name][0]}' does not exist here; not timed")
    exe = argdown_bin()
    if exe is not None:
        results["machine"]["argdown"] = runner.version([str(exe), "--version"])
    for shape, n in [("tree", n) for n in args.sizes] + [("knots", n) for n in args.knots]:
        path = MAPS / f"{shape}-{n}.yaml"
        print(f"timing {path.name}", flush=True)
        runs = args.big_runs if n >= BIG else args.runs
        extra = (
            {"argdown": argdown_case(exe, path)} if exe and shape == "tree" and n <= 5_000 else {}
        )
        row = time_map(runner, path, runs, commands, extra)
        if "argdown" in row:
            results["argdown"][path.stem] = row.pop("argdown")
        results["maps"][path.stem] = row


def time_others(runner: Runner, args: argparse.Namespace, results: dict) -> None:
    """Graphviz alone against argmap's SVG (2,000 and 5,000 claims)."""
    if not shutil.which("dot"):
        print("note: Graphviz 'dot' not found; the SVG comparison is skipped")
        return
    for n in [n for n in args.sizes if n in (2_000, 5_000)]:
        print(f"timing SVG on tree-{n}", flush=True)
        results["svg"][f"tree-{n}"] = time_svg(runner, MAPS / f"tree-{n}.yaml", args.svg_runs)


def main(argv: list[str] | None = None) -> None:
    """Command line: run everything, print the tables, write results.json and results.md."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    ap.add_argument("--big-runs", type=int, default=5, help=f"runs for maps of ≥{BIG:,} claims")
    ap.add_argument("--svg-runs", type=int, default=5, help="runs of the SVG comparison")
    ap.add_argument("--json", action="store_true", help="also print each verdict as JSON")
    ap.add_argument("--quick", action="store_true", help="only the 50- and 2,000-claim maps")
    ap.add_argument("--seed", type=int, default=1)
    args = ap.parse_args(argv)
    args.sizes = [50, 2_000] if args.quick else list(generate.SIZES)
    args.knots = [] if args.quick else list(generate.KNOT_SIZES)
    ensure_maps(args.sizes, args.knots, args.seed)
    runner = Runner(ROOT, WORK)
    runner.warm_up(MAPS / "tree-50.yaml")
    results: dict = {"machine": machine(), "maps": {}, "argdown": {}, "svg": {}}
    time_maps(runner, args, results)
    time_others(runner, args, results)
    results["machine"]["load_after"] = os.getloadavg()
    results["commands"] = runner.log
    print_tables(results)
    figures.use_json(args.json)
    emit_figures(results, "--quick" in (argv or sys.argv[1:]))
    stem = WORK / ("results-quick" if args.quick else "results")
    stem.with_suffix(".json").write_text(json.dumps(results, indent=2, default=vars) + "\n")
    stem.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
    print(f"wrote {stem}.json and {stem}.md")


if __name__ == "__main__":
    main()
