"""The scaling curve of whole commands: CPU time and peak memory at 1k, 10k and 100k claims.

For ``check``, ``evaluate``, ``stats``, ``render -o map.dot``, ``convert`` to
JSON and to Argdown, on the ``tree`` and ``knots`` maps of bench/generate.py,
each a fresh process: CPU seconds (user + system) and peak resident memory
(``ru_maxrss`` of the child, from ``os.wait4``), medians of the runs (sizes and
commands alternated within each run). Then, from one size to the next (×10
claims), the ratio of the cost per claim: 1 is linear, 10 would be quadratic.
The ratios are of the *marginal* cost: what a command spends above the same
command on a 100-claim map (the interpreter and the imports), divided by the
claims. Last, the verdict: every command on 100,000 claims under 1 GB
(1,000 MB) of peak memory.

Usage::

    python bench/scaling_curve.py [--quick] [--json] [--runs 5] [--out DIR]

``--quick``: 1k and 10k claims, one run.
"""

from __future__ import annotations

import argparse
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIMIT_MB = 1000.0  # the verdict: every command on 100k claims under 1 GB
BASE = 100  # claims of the map whose cost is taken as the fixed part (start-up, imports)
RATIO_TARGET = 1.5  # cost per claim from one size to ×10: ≤ 1.5 counts as linear
COMMANDS = {
    "check": ["check", "MAP", "--format", "json"],
    "evaluate": ["evaluate", "MAP", "--format", "json"],
    "stats": ["stats", "MAP", "--format", "json"],
    "render-dot": ["render", "MAP", "-o", "OUT.dot"],
    "convert-json": ["convert", "MAP", "OUT.json"],
    "convert-argdown": ["convert", "MAP", "OUT.argdown"],
}


def write_maps(work: Path, sizes: tuple[int, ...]) -> dict[tuple[str, int], Path]:
    """Write the tree and knots maps of each size with bench/generate.py, in a child
    process: a child's peak memory counts its parent's at the time of the fork (Linux
    keeps ``ru_maxrss`` across ``exec``), so this process stays small."""
    listed = ",".join(map(str, sizes))
    cmd = [sys.executable, str(HERE / "generate.py"), "--out", str(work)]
    subprocess.run([*cmd, "--sizes", listed, "--knots", listed], check=True, capture_output=True)
    return {(shape, n): work / f"{shape}-{n}.yaml" for shape in ("tree", "knots") for n in sizes}


def _env() -> dict[str, str]:
    src = str(HERE.parent / "src")
    return dict(os.environ, PYTHONPATH=src + os.pathsep + os.environ.get("PYTHONPATH", ""))


def run(args: list[str], path: Path, out: Path) -> tuple[float, float]:
    """(CPU s, peak RSS MB) of ``argmap args`` on ``path`` in a fresh process."""
    argv = [
        str(path) if a == "MAP" else str(out / f"map{a[3:]}") if a[:3] == "OUT" else a
        for a in args
    ]
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", *argv],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
    )
    assert proc.stderr is not None
    err = proc.stderr.read()
    _, status, usage = os.wait4(proc.pid, 0)
    proc.returncode = os.waitstatus_to_exitcode(status)
    if proc.returncode not in (0, 1):  # 1: findings, or labels the map did not expect
        raise SystemExit(f"argmap {' '.join(argv)}: exit {proc.returncode}: {err[-300:]!r}")
    return usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1000


def measure(maps: dict[tuple[str, int], Path], out: Path, runs: int) -> dict[tuple, list]:
    """(command, shape, size) → [(CPU s, MB) per run]; sizes and commands alternated."""
    found: dict[tuple, list] = {}
    for _ in range(runs):
        for (shape, size), path in maps.items():
            for name, args in COMMANDS.items():
                found.setdefault((name, shape, size), []).append(run(args, path, out))
    return found


def _median(samples: list[tuple[float, float]]) -> tuple[float, float]:
    return statistics.median(s[0] for s in samples), max(s[1] for s in samples)


def main(argv: list[str] | None = None) -> int:
    """Write the maps, measure, print the table, the ratios and the verdict."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="1k and 10k claims, one run")
    ap.add_argument("--json", action="store_true", help="one JSON object per figure")
    ap.add_argument("--runs", type=int, default=5)
    ap.add_argument("--out", type=Path, default=None, help="where the maps go (default: temp)")
    opts = ap.parse_args(argv)
    sizes = (1_000, 10_000) if opts.quick else (1_000, 10_000, 100_000)
    runs = 1 if opts.quick else opts.runs
    with tempfile.TemporaryDirectory() as tmp:
        work = opts.out or Path(tmp)
        maps = write_maps(work, (BASE, *sizes))
        out = Path(tmp) / "out"
        out.mkdir()
        found = {key: _median(v) for key, v in measure(maps, out, runs).items()}
    figures = _figures(found, sizes)
    for fig in figures:
        line = fig.pop("line")
        if opts.json and fig["value"] is not None:
            print(json.dumps(fig), flush=True)
        elif not opts.json and line:
            print(line, flush=True)
    return 0


def _figures(found: dict[tuple, tuple[float, float]], sizes: tuple[int, ...]) -> list[dict]:
    """Every figure: CPU and MB per command, shape and size; per-claim ratios; verdict."""
    figures = []
    for (name, shape, size), (cpu, mb) in found.items():
        if size == BASE:
            continue
        target = LIMIT_MB if size == 100_000 else None
        line = f"{name:<16} {shape:<6} {size:>7,} claims: {cpu:7.2f} CPU s  {mb:7.0f} MB"
        on = f"argmap {name} on the {shape} map of {size:,} claims (whole process)"
        figures.append(
            _fig(f"peak-mb-{name}-{shape}-{size}", mb, target, "MB", line, f"peak RSS, {on}")
        )
        figures.append(_fig(f"cpu-s-{name}-{shape}-{size}", cpu, None, "s", "", f"CPU time, {on}"))
    for name in COMMANDS:
        for shape in ("tree", "knots"):
            base_cpu, base_mb = found[name, shape, BASE]
            for small, big in zip(sizes, sizes[1:], strict=False):
                (c1, m1), (c2, m2) = found[name, shape, small], found[name, shape, big]
                cpu_ratio = _ratio(c1 - base_cpu, c2 - base_cpu, small, big, NOISE_S)
                mb_ratio = _ratio(m1 - base_mb, m2 - base_mb, small, big, NOISE_MB)
                line = (
                    f"{name:<16} {shape:<6} per claim {big:,} vs {small:,}: "
                    f"CPU ×{_shown(cpu_ratio)}  memory ×{_shown(mb_ratio)}  (1 = linear)"
                )
                tag = f"{name}-{shape}-{small}-{big}"
                per = (
                    f"per claim (above the {BASE}-claim map's), {big:,} ÷ {small:,} claims, "
                    f"argmap {name} on the {shape} map (1 = linear)"
                )
                figures.append(
                    _fig(
                        f"cpu-per-claim-{tag}",
                        cpu_ratio,
                        RATIO_TARGET,
                        "ratio",
                        line,
                        f"CPU {per}",
                    )
                )
                figures.append(
                    _fig(
                        f"mb-per-claim-{tag}", mb_ratio, RATIO_TARGET, "ratio", "", f"memory {per}"
                    )
                )
    top = max(sizes)
    peaks = {(name, shape): mb for (name, shape, size), (_, mb) in found.items() if size == top}
    worst = max(peaks, key=lambda k: peaks[k])
    over = [
        f"{name} on {shape} ({mb:.0f} MB)" for (name, shape), mb in peaks.items() if mb >= LIMIT_MB
    ]
    verdict = f"MISSED by {', '.join(over)}" if over else "met"
    line = (
        f"verdict: every command on {top:,} claims under 1 GB: {verdict} "
        f"(worst: {worst[0]} on {worst[1]}, {peaks[worst]:.0f} MB)"
    )
    worst_mb = peaks[worst]
    limit = LIMIT_MB if top == 100_000 else None
    what = f"largest peak RSS of any command on {top:,} claims (target: under 1 GB)"
    figures.append(_fig(f"peak-mb-worst-{top}", worst_mb, limit, "MB", line, what))
    return figures


NOISE_S, NOISE_MB = 0.02, 2.0  # marginal costs below these at the smaller size are noise


def _ratio(small_cost: float, big_cost: float, small: int, big: int, noise: float) -> float | None:
    """(big_cost / big) / (small_cost / small); None when ``small_cost`` is noise."""
    if small_cost < noise:
        return None
    return (big_cost / big) / (small_cost / small)


def _shown(ratio: float | None) -> str:
    return "n/a (too small to tell)" if ratio is None else f"{ratio:.2f}"


def _fig(
    name: str, value: float | None, target: float | None, unit: str, line: str, what: str
) -> dict:
    return {
        "name": name,
        "value": None if value is None else round(value, 3),
        "target": target,
        "better": "lower",
        "unit": unit,
        "what": what,
        "command": "python bench/scaling_curve.py",
        "line": line,
    }


if __name__ == "__main__":
    sys.exit(main())
