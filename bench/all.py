"""``make bench``: every benchmark of ``bench/``, its figures, their verdicts, bench/RESULTS.md.

Usage (from the repository root, with the Python that has argmap's dependencies)::

    python bench/all.py [--quick] [--only NAME,...]

Runs each script of :data:`STEPS` in turn with ``--json`` (scripts not in this
checkout are skipped with a note), passes its printout through, and collects
its figures (:mod:`figures`): each a value measured in one run against its
reference (the Argdown CLI, bare ``dot``, a bare PyYAML parse, the same-size
tree…), medians of at least 5 alternated runs. The machine's load average is
read before and after every step. Then it prints every figure with its
verdict and writes ``bench/RESULTS.md`` (with ``--quick``, small sizes and one
run each, ``bench/_work/RESULTS-quick.md``: a smoke run is not a record). With
``--only``, only the named steps' rows of ``bench/RESULTS.md`` are replaced and
every other step's rows are kept. The hand-written reading of the figures,
``bench/NOTES.md``, is copied in.
"""

from __future__ import annotations

import argparse
import json
import os
import re
import subprocess
import sys
import time
from pathlib import Path

BENCH = Path(__file__).resolve().parent
ROOT = BENCH.parent

#: (name, script, arguments of the full run, arguments of ``--quick``).
STEPS: list[tuple[str, str, list[str], list[str]]] = [
    ("startup", "startup.py", ["--runs", "7"], ["--runs", "5"]),
    ("sizes", "run.py", [], ["--quick"]),
    ("svg", "render_overhead.py", [], ["--quick"]),
    ("scaling", "scaling_curve.py", [], ["--quick"]),
    ("evaluate", "evaluate_scaling.py", ["--runs", "5"], ["--quick"]),
    (
        "compare",
        "compare_scaling.py",
        ["--sizes", "1000,2000", "--runs", "5", "--no-pair"],
        ["--sizes", "200", "--runs", "1", "--no-pair"],
    ),
    (
        "draft",
        "draft_scaling.py",
        ["--sizes", "500000,1000000", "--repeat", "5"],
        ["--sizes", "50000", "--repeat", "1"],
    ),
    ("microtexts", "draft_microtexts.py", [], ["--limit", "20"]),
    ("huge", "huge_render.py", [], ["--quick"]),
    ("batch", "batch.py", [], ["--quick"]),
    ("interrupt", "interrupt_latency.py", [], ["--quick"]),
]


def run_step(script: str, args: list[str]) -> tuple[list[dict], int, float]:
    """Run ``python bench/SCRIPT ARGS --json``, echoing its output; its figures, exit
    status and wall seconds."""
    env = dict(os.environ)
    env["PYTHONPATH"] = str(ROOT / "src") + os.pathsep + env.get("PYTHONPATH", "")
    cmd = [sys.executable, str(BENCH / script), *args, "--json"]
    start = time.perf_counter()
    proc = subprocess.Popen(cmd, cwd=ROOT, env=env, stdout=subprocess.PIPE, text=True)
    found = []
    assert proc.stdout is not None
    for line in proc.stdout:
        if line.startswith('{"name"'):
            found.append(json.loads(line))
        else:
            print(line, end="", flush=True)
    return found, proc.wait(), time.perf_counter() - start


def verdict(fig: dict) -> str:
    """``met``, ``missed by N %`` or ``reference`` for one figure."""
    target, value = fig["target"], fig["value"]
    if target is None:
        return "reference"
    if target == 0:  # a count that must be nil: the gap is the count itself
        return "met" if value <= 0 else f"MISSED by {value:g}"
    if fig["better"] == "lower":
        ok, gap = value <= target, (value - target) / target
    else:
        ok, gap = value >= target, (target - value) / target
    return "met" if ok else f"MISSED by {gap:.0%}"


def _value(fig: dict) -> str:
    unit = fig["unit"]
    return f"{fig['value']:.2f}" + ("" if unit == "ratio" else f" {unit}")


def _target(fig: dict) -> str:
    if fig["target"] is None:
        return "—"
    sign = "≤" if fig["better"] == "lower" else "≥"
    unit = "" if fig["unit"] == "ratio" else f" {fig['unit']}"
    return f"{sign} {fig['target']:g}{unit}"


def markdown(steps: list[dict], quick: bool) -> str:
    """bench/RESULTS.md: how it was made, the verdicts, the notes, each step's load."""
    from measure import machine

    lines = [
        "# Benchmark results",
        "",
        "Written by `make bench` (`python bench/all.py"
        + (" --quick" if quick else "")
        + "`): every figure measured in one run against its reference, medians of at "
        "least 5 alternated runs, the machine's load average (1, 5, 15 min) read "
        "before and after each step. Each figure names the command that measures it "
        "alone.",
        "",
        "## Verdicts",
        "",
        "| figure | what | value | target | verdict | command |",
        "|---|---|---|---|---|---|",
    ]
    for step in steps:
        for fig in step["figures"]:
            cells = [fig["name"], fig["what"], _value(fig), _target(fig), verdict(fig)]
            cells.append(f"`{fig['command']}`")
            lines.append("| " + " | ".join(c.replace("|", "\\|") for c in cells) + " |")
    notes = [f"- {f['name']}: {f['note']}" for s in steps for f in s["figures"] if f.get("note")]
    if notes:
        lines += ["", "## Notes from the scripts", "", *notes]
    hand = BENCH / "NOTES.md"
    if hand.exists():
        lines += ["", hand.read_text(encoding="utf-8").strip()]
    lines += ["", "## Steps", "", "| step | script | exit | wall s | load before | load after |"]
    lines.append("|---|---|---|---|---|---|")
    for s in steps:
        load = [" ".join(f"{x:.2f}" for x in s[k]) for k in ("load_before", "load_after")]
        lines.append(
            f"| {s['name']} | `{s['command']}` | {s['exit']} | {s['wall']:.0f} | "
            f"{load[0]} | {load[1]} |"
        )
    lines += ["", "## Machine", ""]
    lines += [f"- {k}: {v}" for k, v in machine().items() if k != "load_before"]
    return "\n".join(lines) + "\n"


def _table(text: str, header: str) -> list[str]:
    """The body rows of the markdown table whose header row starts with ``header``."""
    lines = text.splitlines()
    start = next((k for k, line in enumerate(lines) if line.startswith(header)), None)
    if start is None:
        return []
    rows = []
    for line in lines[start + 2 :]:
        if not line.startswith("|"):
            break
        rows.append(line)
    return rows


def keep_other_steps(old: str, new: str, rerun: set[str]) -> str:
    """``new`` (the results of the ``rerun`` steps) with the figure rows and step
    rows of every other step copied from ``old``, in the order of :data:`STEPS`
    (a figure row belongs to the step whose script its command runs):
    ``--only`` updates its steps in bench/RESULTS.md and keeps the rest."""
    step_rows = {row.split("|")[1].strip(): row for row in _table(old, "| step |")}
    step_rows.update({row.split("|")[1].strip(): row for row in _table(new, "| step |")})
    by_script = {script: name for name, script, *_ in STEPS}
    figures: dict[str, list[str]] = {}
    for source, keep in ((old, lambda n: n not in rerun), (new, lambda n: n in rerun)):
        for row in _table(source, "| figure |"):
            found = re.search(r"bench/(\w+\.py)", row.rsplit("|", 2)[-2])
            name = by_script.get(found.group(1)) if found else None
            if name is not None and keep(name):
                figures.setdefault(name, []).append(row)
    order = [name for name, *_ in STEPS]
    new_figures = [r for n in order for r in figures.get(n, [])]
    new_steps = [step_rows[n] for n in order if n in step_rows]
    out = new.splitlines()
    for header, rows in (("| figure |", new_figures), ("| step |", new_steps)):
        at = next(k for k, line in enumerate(out) if line.startswith(header)) + 2
        end = at
        while end < len(out) and out[end].startswith("|"):
            end += 1
        out[at:end] = rows
    return "\n".join(out) + "\n"


def main(argv: list[str] | None = None) -> int:
    """Run the steps, print the verdicts, write the results; 1 when a step failed."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="small sizes, one run: a smoke run")
    ap.add_argument("--only", default="", help="comma-separated step names")
    args = ap.parse_args(argv)
    sys.path.insert(0, str(BENCH))
    only = {n for n in args.only.split(",") if n}
    steps: list[dict] = []
    for name, script, full, quick in STEPS:
        if only and name not in only:
            continue
        if not (BENCH / script).exists():
            print(f"note: bench/{script} is not in this checkout; step {name} skipped")
            continue
        step_args = quick if args.quick else full
        print(f"== {name}: python bench/{script} {' '.join(step_args)}", flush=True)
        before = os.getloadavg()
        found, code, wall = run_step(script, step_args)
        steps.append(
            {
                "name": name,
                "command": " ".join(["python", f"bench/{script}", *step_args]),
                "figures": found,
                "exit": code,
                "wall": wall,
                "load_before": before,
                "load_after": os.getloadavg(),
            }
        )
    print("\n== verdicts")
    for step in steps:
        for fig in step["figures"]:
            print(f"{verdict(fig):16} {_value(fig):>12} {_target(fig):>12}  {fig['name']}")
    out = BENCH / "_work" / "RESULTS-quick.md" if args.quick else BENCH / "RESULTS.md"
    out.parent.mkdir(parents=True, exist_ok=True)
    text = markdown(steps, args.quick)
    if only and not args.quick and out.exists():
        text = keep_other_steps(out.read_text(encoding="utf-8"), text, {s["name"] for s in steps})
    out.write_text(text, encoding="utf-8")
    print(f"wrote {out.relative_to(ROOT)}")
    return 1 if any(s["exit"] for s in steps) else 0


if __name__ == "__main__":
    raise SystemExit(main())
