"""Run the benchmarks: phase timings, whole-process timings, peak memory and the ratios.

Usage (from the repository root, with the Python that has argmap's dependencies)::

    python bench/run.py [--runs 5] [--big-runs 3] [--svg-runs 3] [--quick]

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

import generate
from measure import Runner, Sample, machine
from report import markdown, print_tables

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


def time_map(runner: Runner, path: Path, runs: int, commands: list[str]) -> dict[str, object]:
    """Phases and whole-process samples of one map."""
    out = WORK / "out" / path.stem
    out.mkdir(parents=True, exist_ok=True)
    row: dict[str, object] = {"phases": runner.phases(path, runs)}
    for name, template in BASELINES.items():
        row[name] = runner.python(_argv(template, path, out), runs)
    for name in commands:
        argv = ["-m", "argmap", *_argv(COMMANDS[name], path, out)]
        row[name] = runner.python(argv, runs, ok=(0, 1))
    return row


def time_argdown(runner: Runner, exe: Path, path: Path, runs: int) -> Sample:
    """The Argdown CLI's DOT export of the same map (``argdown map FILE DIR -f dot``)."""
    out = WORK / "out" / "argdown"
    cmd = [
        str(exe),
        "map",
        str(path.with_suffix(".argdown")),
        str(out),
        "-f",
        "dot",
        "--config",
        str(argdown_config()),
    ]
    return runner.run(cmd, runs)


def time_svg(runner: Runner, path: Path, runs: int) -> dict[str, Sample]:
    """``argmap render -o map.svg`` against bare ``dot -Tsvg`` on the DOT argmap emits."""
    out = WORK / "out" / f"svg-{path.stem}"
    out.mkdir(parents=True, exist_ok=True)
    render = [
        "-m",
        "argmap",
        "render",
        str(path),
        "-o",
        str(out / "map.svg"),
        "--layout-timeout",
        "3600",
    ]
    runner.python(["-m", "argmap", "render", str(path), "-o", str(out / "map.dot")], 1)
    bare = ["dot", "-Tsvg", str(out / "map.dot"), "-o", str(out / "bare.svg")]
    return {"render-svg": runner.python(render, runs), "dot-svg": runner.run(bare, runs)}


def time_maps(runner: Runner, args: argparse.Namespace, results: dict) -> None:
    """Phases and whole-process timings of every tree and knots map."""
    commands = [c for c in COMMANDS if available(runner, c)]
    for name in COMMANDS:
        if name not in commands:
            print(f"note: 'argmap {COMMANDS[name][0]}' does not exist here; not timed")
    for shape, n in [("tree", n) for n in args.sizes] + [("knots", n) for n in args.knots]:
        path = MAPS / f"{shape}-{n}.yaml"
        print(f"timing {path.name}", flush=True)
        runs = args.big_runs if n >= BIG else args.runs
        results["maps"][path.stem] = time_map(runner, path, runs, commands)


def time_others(runner: Runner, args: argparse.Namespace, results: dict) -> None:
    """The Argdown CLI (maps up to 5,000 claims) and Graphviz alone (5,000 claims)."""
    exe = argdown_bin()
    if exe is not None:
        results["machine"]["argdown"] = runner.version([str(exe), "--version"])
        for n in [n for n in args.sizes if n <= 5_000]:
            print(f"timing Argdown on tree-{n}", flush=True)
            sample = time_argdown(runner, exe, MAPS / f"tree-{n}.yaml", args.runs)
            results["argdown"][f"tree-{n}"] = sample
    if 5_000 in args.sizes and shutil.which("dot"):
        print("timing SVG on tree-5000", flush=True)
        results["svg"]["tree-5000"] = time_svg(runner, MAPS / "tree-5000.yaml", args.svg_runs)
    elif 5_000 in args.sizes:
        print("note: Graphviz 'dot' not found; the SVG comparison is skipped")


def main(argv: list[str] | None = None) -> None:
    """Command line: run everything, print the tables, write results.json and results.md."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=5, help="runs per measurement (median)")
    ap.add_argument("--big-runs", type=int, default=3, help=f"runs for maps of ≥{BIG:,} claims")
    ap.add_argument("--svg-runs", type=int, default=3, help="runs of the SVG comparison")
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
    stem = WORK / ("results-quick" if args.quick else "results")
    stem.with_suffix(".json").write_text(json.dumps(results, indent=2, default=vars) + "\n")
    stem.with_suffix(".md").write_text(markdown(results), encoding="utf-8")
    print(f"wrote {stem}.json and {stem}.md")


if __name__ == "__main__":
    main()
