"""Time ``argmap compare`` of two similar generated maps of 500, 1,000 and 2,000 claims.

The two maps are ``tree`` maps of bench/generate.py with seeds 1 and 2: the same
word lists, so almost every pair of claims shares a concept (the hard case for
matching). For each size it prints, measured in the same run, each the median
of ``--runs`` fresh processes:

* ``cli``: wall time of ``python -m argmap compare A B`` (start-up included);
* ``bulk``: time of :func:`argmap.analysis.compare.compare_maps` alone, pairs
  scored in bulk from the sparse concept index (the default above
  ``matching.SMALL`` pairs);
* ``pair``: the same with every pair scored one at a time in Python (the
  matcher before the bulk path), and the ratio pair / bulk.

Usage: python bench/compare_scaling.py [--sizes 500,1000,2000] [--runs 5] [--src DIR]
[--no-pair] [--json]

``--src`` times another checkout's ``src`` (e.g. an older one, for before/after).
"""

from __future__ import annotations

import argparse
import importlib.util
import os
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import figures  # noqa: E402

SNIPPET = """
import sys, time
from argmap.analysis import matching
from argmap.analysis.compare import compare_maps
from argmap.cli.common import load
if sys.argv[3] == "pair":
    matching.SMALL = 10**12
a, b = load(sys.argv[1]), load(sys.argv[2])
start = time.perf_counter()
compare_maps(a, b)
print(time.perf_counter() - start)
"""


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_generate", HERE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


SRC = [str(HERE.parent / "src")]


def _env() -> dict[str, str]:
    env = dict(os.environ)
    src = SRC[0]
    env["PYTHONPATH"] = src + os.pathsep + env.get("PYTHONPATH", "")
    return env


def _cli(a: Path, b: Path) -> float:
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "argmap", "compare", str(a), str(b)]
    subprocess.run(cmd, check=True, capture_output=True, env=_env())
    return time.perf_counter() - start


def _inner(a: Path, b: Path, mode: str) -> float:
    cmd = [sys.executable, "-c", SNIPPET, str(a), str(b), mode]
    out = subprocess.run(cmd, check=True, capture_output=True, text=True, env=_env())
    return float(out.stdout)


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--sizes", default="500,1000,2000")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--src", default=SRC[0])
    ap.add_argument("--no-pair", action="store_true", help="skip the pair-by-pair reference")
    ap.add_argument("--json", action="store_true", help="also print figures as JSON")
    args = ap.parse_args()
    figures.use_json(args.json)
    SRC[0] = args.src
    gen = _generator()
    print(f"load before: {os.getloadavg()[0]:.2f}")
    with tempfile.TemporaryDirectory() as tmp:
        for n in (int(s) for s in args.sizes.split(",")):
            paths = []
            for seed in (1, 2):
                path = Path(tmp) / f"tree-{n}-{seed}.yaml"
                path.write_text(gen.to_yaml(gen.tree_map(n, seed), f"tree {n}"), "utf-8")
                paths.append(path)
            runs: dict[str, list[float]] = {"cli": [], "bulk": [], "pair": []}
            for _ in range(args.runs):  # alternated
                runs["cli"].append(_cli(*paths))
                runs["bulk"].append(_inner(*paths, "bulk"))
                if not args.no_pair:
                    runs["pair"].append(_inner(*paths, "pair"))
            cli, bulk = statistics.median(runs["cli"]), statistics.median(runs["bulk"])
            pair = statistics.median(runs["pair"]) if runs["pair"] else float("nan")
            print(
                f"{n:6} claims each: cli {cli:6.2f} s   compare_maps: bulk {bulk:6.2f} s, "
                f"pair by pair {pair:6.2f} s ({pair / bulk:4.1f}x)"
            )
            flags = ["--sizes", args.sizes, "--runs", str(args.runs)]
            figures.figure(
                f"compare {n} claims each, wall s",
                cli,
                target=10.0 if n == 2000 else None,
                better="lower",
                unit="s",
                what=f"argmap compare of two {n:,}-claim maps, whole process, median wall "
                f"of {args.runs} (compare_maps alone {bulk:.2f} s)",
                command=figures.command("compare_scaling.py", flags + ["--no-pair"]),
            )
    print(f"load after: {os.getloadavg()[0]:.2f}")


if __name__ == "__main__":
    main()
