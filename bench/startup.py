"""Start-up: what a small command costs next to a bare Python start and the Argdown CLI.

Usage (from the repository root, with the Python that has argmap's dependencies)::

    python bench/startup.py [--runs 7] [--size 50] [--against OTHER/src]

Times whole processes, the commands alternated round by round (one run of each
per round, so a busy moment hits them all alike), and prints the median wall
seconds of each with its ratio to a bare ``python -c pass``:

* ``python -c pass``: the floor every Python command pays;
* ``argmap --version``, ``argmap --help``;
* ``argmap check MAP`` and ``argmap convert MAP OUT.argdown``;
* ``argmap render MAP -o OUT.dot`` on a tree map of ``--size`` claims, and with
  ``--no-findings`` (no checks, so no networkx), for reference
  (``bench/generate.py``);
* the Argdown CLI's DOT export of the same map (``argdown map FILE DIR -f dot``),
  when ``bench/run.py`` can install it (npm); then the target: argmap's
  ``render -o .dot`` at least 3 times faster (wall, same run).

``--against OTHER/src`` times the argmap commands of another checkout too (its
``src`` on ``PYTHONPATH``), alternated with this one's: before and after.
Byte code is cached under ``bench/_work/pycache``, as an installed package has it.
"""

from __future__ import annotations

import argparse
import os
import statistics
import subprocess
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))

import figures
import generate
from run import argdown_bin, argdown_config

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent
WORK = BENCH / "_work"
TARGET = 3.0  # render -o .dot at least this many times faster than the Argdown CLI


def _env(src: Path, cache: str = "startup") -> dict[str, str]:
    """The environment of a run: ``src`` on ``PYTHONPATH``, byte code under ``cache``."""
    env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
    env["PYTHONPATH"] = str(src)
    env["PYTHONPYCACHEPREFIX"] = str(WORK / "pycache" / cache)
    return env


def commands(src: Path, tag: str, amap: Path, out: Path) -> dict[str, tuple[list[str], dict]]:
    """The argmap commands timed, by name (``tag`` tells checkouts apart): argv and env."""
    py, env = [sys.executable, "-m", "argmap"], _env(src, "against" if tag else "startup")
    return {
        f"argmap --version{tag}": ([*py, "--version"], env),
        f"argmap --help{tag}": ([*py, "--help"], env),
        f"argmap check{tag}": ([*py, "check", str(amap)], env),
        f"argmap convert .argdown{tag}": (
            [*py, "convert", str(amap), str(out / "m.argdown")],
            env,
        ),
        f"argmap render -o .dot{tag}": ([*py, "render", str(amap), "-o", str(out / "m.dot")], env),
        f"argmap render -o .dot --no-findings{tag}": (
            [*py, "render", str(amap), "-o", str(out / "n.dot"), "--no-findings"],
            env,
        ),
    }


def _once(argv: list[str], env: dict[str, str]) -> tuple[float, float]:
    """Wall and CPU (user + system) seconds of one run (output discarded; exit codes
    0 and 1 accepted)."""
    start = time.perf_counter()
    proc = subprocess.Popen(
        argv, env=env, cwd=ROOT, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE
    )
    err = proc.stderr.read() if proc.stderr else b""
    _, status, usage = os.wait4(proc.pid, 0)
    wall = time.perf_counter() - start
    if proc.stderr:
        proc.stderr.close()
    code = os.waitstatus_to_exitcode(status)
    proc.returncode = code
    if code not in (0, 1):
        sys.exit(f"{' '.join(argv)} exited {code}: {err.decode(errors='replace')[-400:]}")
    return wall, usage.ru_utime + usage.ru_stime


def measure(cases: dict[str, tuple[list[str], dict]], runs: int) -> dict[str, tuple[float, float]]:
    """Median wall and CPU seconds of each case over ``runs`` rounds (after one
    warm-up round)."""
    times: dict[str, list[tuple[float, float]]] = {name: [] for name in cases}
    for round_ in range(runs + 1):
        for name, (argv, env) in cases.items():
            sample = _once(argv, env)
            if round_:
                times[name].append(sample)
    return {
        name: (statistics.median(w for w, _ in t), statistics.median(c for _, c in t))
        for name, t in times.items()
    }


def main(argv: list[str] | None = None) -> None:
    """Measure and print the table (seconds, × bare Python) and the Argdown verdict."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--runs", type=int, default=7, help="alternated rounds (at least 5)")
    ap.add_argument("--size", type=int, default=50, help="claims in the map")
    ap.add_argument("--against", type=Path, help="another checkout's src, timed alongside")
    ap.add_argument("--json", action="store_true", help="also print the figures as JSON")
    args = ap.parse_args(argv)
    figures.use_json(args.json)
    runs = max(args.runs, 5)
    maps, out = WORK / "maps", WORK / "out" / "startup"
    out.mkdir(parents=True, exist_ok=True)
    amap = maps / f"tree-{args.size}.yaml"
    if not amap.exists():
        generate.write(maps, "tree", args.size, 1)
    cases = {"python -c pass": ([sys.executable, "-c", "pass"], _env(ROOT / "src"))}
    cases |= commands(ROOT / "src", "", amap, out)
    if args.against:
        cases |= commands(args.against.resolve(), " [against]", amap, out / "against")
        (out / "against").mkdir(exist_ok=True)
    exe = argdown_bin()
    if exe is not None:
        argdown = [str(exe), "map", str(amap.with_suffix(".argdown")), str(out / "argdown")]
        argdown += ["-f", "dot", "--config", str(argdown_config())]
        cases["argdown map -f dot"] = (argdown, dict(os.environ))
    load = os.getloadavg()
    medians = measure(cases, runs)
    report(medians, runs, amap, load)


def report(medians: dict[str, tuple[float, float]], runs: int, amap: Path, load: tuple) -> None:
    """Print each median (wall, CPU) with its ratio to bare Python, and the Argdown
    target (on wall time; CPU for reference)."""
    bare, bare_cpu = medians["python -c pass"]
    print(f"map: {amap.name}; medians of {runs} alternated runs; load average {load[0]:.2f}")
    print(f"before, {os.getloadavg()[0]:.2f} after; {os.cpu_count()} cores")
    print(f"{'command':36} {'wall s':>7} {'× python':>9} {'CPU s':>7} {'× python':>9}")
    for name, (wall, cpu) in medians.items():
        print(f"{name:36} {wall:7.3f} {wall / bare:9.1f} {cpu:7.3f} {cpu / bare_cpu:9.1f}")
    argdown = medians.get("argdown map -f dot")
    for name, (wall, cpu) in medians.items():
        if name.startswith("argmap render -o .dot") and argdown is not None:
            ratio = argdown[0] / wall
            verdict = f"target ≥ {TARGET:g}: " + ("met" if ratio >= TARGET else "missed")
            if name != "argmap render -o .dot":
                verdict = "reference"
            print(f"Argdown ÷ {name}: {ratio:.2f} wall ({verdict}), {argdown[1] / cpu:.2f} CPU")
            figures.figure(
                f"startup: Argdown ÷ {name} ({amap.stem})",
                ratio,
                target=TARGET if name == "argmap render -o .dot" else None,
                better="higher",
                unit="ratio",
                what=f"Argdown CLI's DOT export ÷ {name}, {amap.stem}, median wall of "
                f"{runs} alternated runs (CPU ratio {argdown[1] / cpu:.2f})",
                command=figures.command("startup.py", ["--runs", str(runs)]),
            )
    for name, (wall, _) in medians.items():
        if name.startswith("argmap --version") and not name.endswith("]"):
            figures.figure(
                "startup: argmap --version ÷ python -c pass",
                wall / bare,
                target=None,
                better="lower",
                unit="ratio",
                what="argmap --version ÷ a bare Python start, median wall",
                command=figures.command("startup.py", ["--runs", str(runs)]),
            )


if __name__ == "__main__":
    main()
