"""The scaling curve of whole commands: CPU time and peak memory at 1k, 10k and 100k claims.

For ``check``, ``evaluate``, ``stats``, ``render -o map.dot``, ``convert`` to
JSON and to Argdown, on the ``tree`` and ``knots`` maps of bench/generate.py,
each a fresh process: CPU seconds (user + system) and peak resident memory
(``ru_maxrss`` of the child, from ``os.wait4``), medians of the runs (sizes and
commands alternated within each run). Then, from one size to the next (×10
claims), the ratio of the cost per claim: 1 is linear, 10 would be quadratic.
The ratios are of the *marginal* cost: what a command spends above the same
command on a 10-claim map (the interpreter and the imports), divided by the
claims. Last, the verdict: every command on 100,000 claims under 1 GB
(1,000 MB) of peak memory.

Usage::

    python bench/scaling_curve.py [--quick] [--json] [--runs 5] [--out DIR]

``--quick``: 1k and 10k claims, one run.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import statistics
import subprocess
import sys
import tempfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
LIMIT_MB = 1000.0  # the verdict: every command on 100k claims under 1 GB
RATIO_TARGET = 1.5  # cost per claim from one size to ×10: ≤ 1.5 counts as linear
COMMANDS = {
    "check": ["check", "MAP", "--format", "json"],
    "evaluate": ["evaluate", "MAP", "--format", "json"],
    "stats": ["stats", "MAP", "--format", "json"],
    "render-dot": ["render", "MAP", "-o", "OUT.dot"],
    "convert-json": ["convert", "MAP", "OUT.json"],
    "convert-argdown": ["convert", "MAP", "OUT.argdown"],
}


def _generator():  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location("bench_generate", HERE / "generate.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


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
    gen = _generator()
    with tempfile.TemporaryDirectory() as tmp:
        work = opts.out or Path(tmp)
        work.mkdir(parents=True, exist_ok=True)
        maps: dict[tuple[str, int], Path] = {}
        for shape in ("tree", "knots"):
            for size in (10, *sizes):
                path = maps[shape, size] = work / f"{shape}-{size}.yaml"
                make = gen.tree_map if shape == "tree" else gen.knots_map
                path.write_text(gen.to_yaml(make(size, 1), f"{shape} {size}"), encoding="utf-8")
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
        if size == 10:
            continue
        target = LIMIT_MB if size == 100_000 else None
        line = f"{name:<16} {shape:<6} {size:>7,} claims: {cpu:7.2f} CPU s  {mb:7.0f} MB"
        figures.append(_fig(f"peak-mb-{name}-{shape}-{size}", mb, target, "MB", line, name))
        figures.append(_fig(f"cpu-s-{name}-{shape}-{size}", cpu, None, "s", "", name))
    for name in COMMANDS:
        for shape in ("tree", "knots"):
            base_cpu, base_mb = found[name, shape, 10]
            for small, big in zip(sizes, sizes[1:], strict=False):
                (c1, m1), (c2, m2) = found[name, shape, small], found[name, shape, big]
                cpu_ratio = _ratio(c1 - base_cpu, c2 - base_cpu, small, big, NOISE_S)
                mb_ratio = _ratio(m1 - base_mb, m2 - base_mb, small, big, NOISE_MB)
                line = (
                    f"{name:<16} {shape:<6} per claim {big:,} vs {small:,}: "
                    f"CPU ×{_shown(cpu_ratio)}  memory ×{_shown(mb_ratio)}  (1 = linear)"
                )
                tag = f"{name}-{shape}-{small}-{big}"
                figures.append(
                    _fig(f"cpu-per-claim-{tag}", cpu_ratio, RATIO_TARGET, "ratio", line, name)
                )
                figures.append(
                    _fig(f"mb-per-claim-{tag}", mb_ratio, RATIO_TARGET, "ratio", "", name)
                )
    top = max(sizes)
    worst = max((mb, name, shape) for (name, shape, size), (_, mb) in found.items() if size == top)
    verdict = "met" if worst[0] < LIMIT_MB else "MISSED"
    line = (
        f"verdict: every command on {top:,} claims under 1 GB: {verdict} "
        f"(worst: {worst[1]} on {worst[2]}, {worst[0]:.0f} MB)"
    )
    limit = LIMIT_MB if top == 100_000 else None
    figures.append(_fig(f"peak-mb-worst-{top}", worst[0], limit, "MB", line, "every command"))
    return figures


NOISE_S, NOISE_MB = 0.05, 3.0  # marginal costs below these at the smaller size are noise


def _ratio(small_cost: float, big_cost: float, small: int, big: int, noise: float) -> float | None:
    """(big_cost / big) / (small_cost / small); None when ``small_cost`` is noise."""
    if small_cost < noise:
        return None
    return (big_cost / big) / (small_cost / small)


def _shown(ratio: float | None) -> str:
    return "n/a (too small to tell)" if ratio is None else f"{ratio:.2f}"


def _fig(
    name: str, value: float | None, target: float | None, unit: str, line: str, command: str
) -> dict:
    return {
        "name": name,
        "value": None if value is None else round(value, 3),
        "target": target,
        "better": "lower",
        "unit": unit,
        "what": f"argmap {command}: {name}",
        "command": "python bench/scaling_curve.py",
        "line": line,
    }


if __name__ == "__main__":
    sys.exit(main())
