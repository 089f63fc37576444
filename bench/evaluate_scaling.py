"""How ``argmap evaluate`` scales on the maps that once made it superlinear.

Two shapes, deterministic for a given size:

* ``chain``: a thesis and a support chain of ``n`` premises (P1 supports the
  thesis, P2 supports P1, ...), each premise attacked by its own objection;
* ``knot``: ``n`` premises, each supporting 30 others picked at random (one
  strongly connected knot of ``30 n`` supports), ``n`` attacks between
  random premises, and one premise supporting the thesis.

Each map is evaluated in a fresh process under both readings (``carneades``;
``grounded`` with ``--support necessary`` and ``convergent``); the script
prints CPU seconds and peak resident memory (``resource.getrusage`` of the
child) and the chain's ratio of 3,000 to 1,500.

Usage::

    python bench/evaluate_scaling.py [--out bench/_work/evaluate] [--runs 5] [--quick] [--json]
"""

from __future__ import annotations

import argparse
import os
import random
import resource
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures  # noqa: E402

CPU_LIMIT = 120  # s: a run past this is killed (and reported with its exit status)
MEMORY_LIMIT = 4 << 30  # bytes of address space

READINGS = (
    ("carneades", []),
    ("grounded/necessary", ["--semantics", "grounded", "--support", "necessary"]),
    ("grounded/convergent", ["--semantics", "grounded", "--support", "convergent"]),
)


def _claim(cid: str, kind: str, supports: list[str], attacks: list[str]) -> list[str]:
    out = [f"  {cid}:", f"    kind: {kind}", f"    text: Claim {cid} of the map."]
    if supports:
        out.append(f"    supports: [{', '.join(supports)}]")
    if attacks:
        out.append(f"    attacks: [{', '.join(attacks)}]")
    return out


def chain_map(n: int) -> str:
    """YAML of a thesis, ``n`` premises in a support chain, each attacked by an objection."""
    lines = ["title: Attacked support chain", "claims:", *_claim("T", "thesis", [], [])]
    for i in range(1, n + 1):
        lines += _claim(f"P{i}", "premise", ["T" if i == 1 else f"P{i - 1}"], [])
        lines += _claim(f"O{i}", "objection", [], [f"P{i}"])
    return "\n".join(lines) + "\n"


def knot_map(n: int, seed: int = 1, fan: int = 30) -> str:
    """YAML of ``n`` premises supporting ``fan`` others each and ``n`` random attacks."""
    rng = random.Random(seed)
    ids = [f"P{i}" for i in range(1, n + 1)]
    attacks: dict[str, list[str]] = {p: [] for p in ids}
    for _ in range(n):
        a, b = rng.sample(ids, 2)
        if b not in attacks[a]:
            attacks[a].append(b)
    lines = ["title: Dense knot", "claims:", *_claim("T", "thesis", [], [])]
    for i, p in enumerate(ids):
        ring = ids[(i + 1) % n]  # a ring makes the knot one strongly connected component
        others = {ring, *rng.sample(ids, fan - 1)} - {p}
        supports = sorted(others) + (["T"] if i == 0 else [])
        lines += _claim(p, "premise", supports, attacks[p])
    return "\n".join(lines) + "\n"


def _limits() -> None:
    """In the child: at most :data:`CPU_LIMIT` s of CPU and :data:`MEMORY_LIMIT` bytes."""
    resource.setrlimit(resource.RLIMIT_CPU, (CPU_LIMIT, CPU_LIMIT))
    resource.setrlimit(resource.RLIMIT_AS, (MEMORY_LIMIT, MEMORY_LIMIT))


def run(path: Path, args: list[str]) -> tuple[float, float, float, int]:
    """(CPU s, wall s, peak RSS MB, exit status) of ``argmap evaluate path args``
    in a child process (its own rusage, from ``os.wait4``)."""
    start = time.perf_counter()
    cmd = [sys.executable, "-m", "argmap", "evaluate", str(path), "--format", "json", *args]
    child = subprocess.Popen(cmd, stdout=subprocess.DEVNULL, preexec_fn=_limits)
    _, status, usage = os.wait4(child.pid, 0)
    child.returncode = os.waitstatus_to_exitcode(status)
    wall = time.perf_counter() - start
    return usage.ru_utime + usage.ru_stime, wall, usage.ru_maxrss / 1024, child.returncode


def main(argv: list[str] | None = None) -> None:
    """Write the maps, evaluate each under each reading (rounds alternated), print the
    medians."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    parser.add_argument("--out", type=Path, default=Path("bench/_work/evaluate"))
    parser.add_argument("--quick", action="store_true", help="small sizes (a smoke run)")
    parser.add_argument("--runs", type=int, default=5, help="alternated rounds (median)")
    parser.add_argument("--json", action="store_true", help="also print figures as JSON")
    opts = parser.parse_args(argv)
    figures.use_json(opts.json)
    opts.out.mkdir(parents=True, exist_ok=True)
    sizes = (150, 300, 200) if opts.quick else (1_500, 3_000, 2_000)
    maps = {
        f"chain-{sizes[0]}": chain_map(sizes[0]),
        f"chain-{sizes[1]}": chain_map(sizes[1]),
        f"knot-{sizes[2]}": knot_map(sizes[2]),
    }
    for name, text in maps.items():
        (opts.out / f"{name}.yaml").write_text(text, encoding="utf-8")
    runs = 1 if opts.quick else max(opts.runs, 1)
    taken: dict[tuple[str, str], list[tuple[float, float, float, int]]] = {}
    for _ in range(runs):
        for name in maps:
            for reading, args in READINGS:
                sample = run(opts.out / f"{name}.yaml", args)
                taken.setdefault((name, reading), []).append(sample)
    report(taken, sizes, runs, " ".join(["--quick"] if opts.quick else []))


def report(
    taken: dict[tuple[str, str], list[tuple[float, float, float, int]]],
    sizes: tuple[int, int, int],
    runs: int,
    flags: str,
) -> None:
    """Print each median (CPU s, wall s, largest peak MB, exit) and the figures."""
    cmd = figures.command("evaluate_scaling.py", flags.split())
    print(f"medians of {runs} alternated runs")
    print(f"{'map':<12} {'reading':<20} {'cpu s':>7} {'wall s':>7} {'peak MB':>8} exit")
    cpu: dict[tuple[str, str], float] = {}
    for (name, reading), samples in taken.items():
        c = statistics.median(s[0] for s in samples)
        w = statistics.median(s[1] for s in samples)
        mb, code = max(s[2] for s in samples), max(s[3] for s in samples)
        cpu[name, reading] = c
        print(f"{name:<12} {reading:<20} {c:7.2f} {w:7.2f} {mb:8.0f} {code}")
        big_chain, knot = name == f"chain-{sizes[1]}", name.startswith("knot")
        if big_chain or knot:
            what = f"argmap evaluate on {name} ({reading}), CPU seconds, whole process"
            limit = 2.0 if big_chain else 10.0
            figures.figure(
                f"evaluate {name} {reading} CPU s",
                c,
                target=limit,
                better="lower",
                unit="s",
                what=what,
                command=cmd,
            )
        if knot:
            figures.figure(
                f"evaluate {name} {reading} peak MB",
                mb,
                target=500.0,
                better="lower",
                unit="MB",
                what=f"peak memory of argmap evaluate on {name} ({reading})",
                command=cmd,
            )
    small, big = (f"chain-{s}" for s in sizes[:2])
    for reading, _ in READINGS:
        ratio = cpu[big, reading] / max(cpu[small, reading], 1e-9)
        print(f"chain ratio {big}/{small} {reading}: {ratio:.2f}x (2x the claims)")
        figures.figure(
            f"evaluate chain {big}/{small} {reading}",
            ratio,
            target=None,
            better="lower",
            unit="ratio",
            command=cmd,
            what=f"CPU of {big} ÷ {small} ({reading}); linear: 2",
        )


if __name__ == "__main__":
    main()
