"""Many maps: ``argmap render`` over N small maps as one command against one process per map,
and ``-j 2`` against ``-j 1``.

Usage (from the repository root, with the Python that has argmap's dependencies)::

    python bench/batch.py [--maps 40] [--size 20] [--runs 5] [--quick] [--json]

Writes N tree maps of ``--size`` claims (``bench/generate.py``, seeds 1..N) under
``bench/_work/batch/maps``, then times whole commands, alternated round by round
(one run of each per round, so a busy moment hits them all alike), and prints the
median wall seconds of each:

* ``batch``: ``argmap render MAPS/ --outdir OUT`` (one process, SVG);
* ``per-map``: ``argmap render MAP -o OUT/NAME.svg`` once per map, one after the other
  (what ``make demo`` did before);
* ``batch -j 2``: the batch in two worker processes.

Figures: ``batch / per-map`` (lower is better; the start-up a batch saves) and
``-j 2 / -j 1`` (lower is better; near 0.5 on two idle cores). Every run's files are
compared with the first batch's: the same bytes whatever the form.
``--json`` prints one JSON object per figure and line; ``--quick`` is 6 maps, one run.
"""

from __future__ import annotations

import argparse
import json
import os
import shutil
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import generate

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "_work" / "batch"
COMMAND = "python bench/batch.py"


def _env() -> dict[str, str]:
    """This checkout's ``src`` on ``PYTHONPATH``, byte code cached as installed."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(ROOT / "src")
    env["PYTHONPYCACHEPREFIX"] = str(BENCH / "_work" / "pycache" / "batch")
    return env


def make_maps(count: int, size: int) -> list[Path]:
    """``count`` tree maps of ``size`` claims in ``WORK/maps`` (made afresh)."""
    folder = WORK / "maps"
    shutil.rmtree(folder, ignore_errors=True)
    folder.mkdir(parents=True)
    paths = []
    for seed in range(1, count + 1):
        path = folder / f"m{seed:04d}.yaml"
        claims = generate.tree_map(size, seed)
        path.write_text(generate.to_yaml(claims, f"Map {seed}"), encoding="utf-8")
        paths.append(path)
    return paths


def _run(argv: list[str]) -> None:
    done = subprocess.run(argv, env=_env(), capture_output=True, text=True)
    if done.returncode != 0:
        raise SystemExit(f"{' '.join(argv)} failed ({done.returncode}):\n{done.stderr}")


def sides(maps: list[Path]) -> dict[str, callable]:
    """Each side: a function of the output folder that renders every map into it."""
    argmap = [sys.executable, "-m", "argmap", "render"]
    folder = str(maps[0].parent)

    def batch(out: Path, jobs: str = "1") -> None:
        _run([*argmap, folder, "--outdir", str(out), "-j", jobs])

    def per_map(out: Path) -> None:
        for path in maps:
            _run([*argmap, str(path), "-o", str(out / f"{path.stem}.svg")])

    return {"batch": batch, "per-map": per_map, "batch -j 2": lambda out: batch(out, "2")}


def measure(maps: list[Path], runs: int) -> dict[str, float]:
    """Median wall seconds of each side over ``runs`` alternated rounds; checks the bytes."""
    times: dict[str, list[float]] = {}
    first: dict[str, bytes] | None = None
    for round_ in range(runs):
        for name, side in sides(maps).items():
            out = WORK / "out" / f"{round_}-{name.replace(' ', '')}"
            shutil.rmtree(out, ignore_errors=True)
            out.mkdir(parents=True)
            start = time.perf_counter()
            side(out)
            times.setdefault(name, []).append(time.perf_counter() - start)
            files = {p.name: p.read_bytes() for p in out.iterdir()}
            first = first or files
            if files != first or len(files) != len(maps):
                raise SystemExit(f"{name}: not the same files as the first batch")
    return {name: statistics.median(values) for name, values in times.items()}


def figures(wall: dict[str, float], count: int, size: int) -> list[dict[str, object]]:
    """The two ratios, in the bench/ JSON form."""
    what = f"argmap render over {count} maps of {size} claims"
    return [
        {
            "name": f"batch-vs-per-map-{count}",
            "value": round(wall["batch"] / wall["per-map"], 3),
            "target": None,
            "better": "lower",
            "unit": "ratio",
            "what": f"{what}: one command / one process per map (wall)",
            "command": COMMAND,
        },
        {
            "name": f"batch-j2-vs-j1-{count}",
            "value": round(wall["batch -j 2"] / wall["batch"], 3),
            "target": None,
            "better": "lower",
            "unit": "ratio",
            "what": f"{what}: -j 2 / -j 1 (wall; 0.5 on two idle cores)",
            "command": COMMAND,
        },
    ]


def main(argv: list[str] | None = None) -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--maps", type=int, default=40)
    parser.add_argument("--size", type=int, default=20)
    parser.add_argument("--runs", type=int, default=5)
    parser.add_argument("--quick", action="store_true", help="6 maps, one run")
    parser.add_argument("--json", action="store_true", help="one JSON object per figure")
    args = parser.parse_args(argv)
    count, runs = (6, 1) if args.quick else (args.maps, args.runs)
    maps = make_maps(count, args.size)
    wall = measure(maps, runs)
    found = figures(wall, count, args.size)
    if args.json:
        for figure in found:
            print(json.dumps(figure))
        return
    for name, seconds in wall.items():
        print(f"{name:<12} {seconds:8.2f} s  (median of {runs})")
    for figure in found:
        print(f"{figure['what']}: {figure['value']}")


if __name__ == "__main__":
    main()
