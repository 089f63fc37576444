"""How soon Ctrl-C (SIGINT) and SIGTERM stop each long command.

Every command runs on a large generated input (``knots`` and ``tree`` maps from
bench/generate.py, a generated article from bench/draft_scaling.py): ``check``,
``evaluate`` (both readings), ``stats``, ``convert`` to JSON and to Argdown,
``render -o .dot``, ``compare`` of two tree maps (a fiftieth of the size each)
and ``draft`` (an article of ten characters a claim, and one paragraph of five).
Each is first run to the end (its CPU time), then started again and signalled
once it has spent a given share of that CPU time (read from /proc/PID/stat), SIGINT and SIGTERM in
turn; the figure is the wall time from the signal to the process's exit. The
script also checks the exit status (130 for SIGINT, 143 for SIGTERM) and that no
partial output file is left behind (a signal that comes after the output was
written whole may find it there).

Usage::

    python bench/interrupt_latency.py [--quick] [--json] [--size 100000]

``--quick``: 10,000-claim maps, one signal per command at half its CPU time.
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import signal
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
TARGET = 1.0  # s from the signal to the exit
SHARES = (0.1, 0.3, 0.5, 0.7, 0.9)  # of the command's CPU time, when the signal comes
CODES = {signal.SIGINT: 130, signal.SIGTERM: 143}


def _module(name: str):  # type: ignore[no-untyped-def]
    spec = importlib.util.spec_from_file_location(f"bench_{name}", HERE / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


def _env() -> dict[str, str]:
    src = str(HERE.parent / "src")
    return dict(os.environ, PYTHONPATH=src + os.pathsep + os.environ.get("PYTHONPATH", ""))


def _cpu(pid: int) -> float | None:
    """CPU seconds (user + system) of a live process, from /proc; None once it is gone."""
    try:
        fields = Path(f"/proc/{pid}/stat").read_text().rsplit(")", 1)[1].split()
    except (OSError, IndexError):
        return None
    if fields[0] == "Z":
        return None
    return (int(fields[11]) + int(fields[12])) / os.sysconf("SC_CLK_TCK")


def inputs(work: Path, size: int) -> dict[str, list[str]]:
    """Write the inputs; command name → its argmap arguments (``OUT`` marks the output)."""
    gen, draft = _module("generate"), _module("draft_scaling")
    knots, tree = work / "knots.yaml", work / "tree.yaml"
    knots.write_text(gen.to_yaml(gen.knots_map(size, 1), "knots"), encoding="utf-8")
    tree.write_text(gen.to_yaml(gen.tree_map(size, 1), "tree"), encoding="utf-8")
    pair = []
    for seed in (1, 2):
        path = work / f"pair-{seed}.yaml"
        path.write_text(gen.to_yaml(gen.tree_map(size // 50, seed), "pair"), encoding="utf-8")
        pair.append(str(path))
    article = work / "article.txt"
    article.write_text(draft.article(size * 10, "many"), encoding="utf-8")
    paragraph = work / "paragraph.txt"  # one long paragraph
    paragraph.write_text(draft.article(size * 5, "one"), encoding="utf-8")
    k = str(knots)
    return {
        "check": ["check", k, "--format", "json"],
        "evaluate": ["evaluate", k, "--format", "json", "-o", "OUT.json"],
        "evaluate-grounded": ["evaluate", k, "--semantics", "grounded", "-o", "OUT.json"],
        "stats": ["stats", k, "--format", "json"],
        "convert-json": ["convert", k, "OUT.json"],
        "convert-argdown": ["convert", k, "OUT.argdown"],
        "render-dot": ["render", str(tree), "-o", "OUT.dot"],
        "compare": ["compare", *pair],
        "draft": ["draft", str(article), "-o", "OUT.yaml"],
        "draft-paragraph": ["draft", str(paragraph), "-o", "OUT.yaml"],
    }


def _argv(args: list[str], out: Path) -> list[str]:
    return [str(out / f"out{a[3:]}") if a.startswith("OUT") else a for a in args]


def _default_sigint() -> None:
    """In the child: SIGINT's default action, even when this script runs in the
    background (where the shell starts it with SIGINT ignored, which Python keeps)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


COMPLETE: dict[str, bytes] = {}  # output file name → its bytes after a whole run


def full_cpu(args: list[str], out: Path) -> float:
    """CPU seconds of one uninterrupted run (the child's rusage); its output is kept
    in :data:`COMPLETE`."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", *_argv(args, out)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.DEVNULL,
        preexec_fn=_default_sigint,
    )
    _, _, usage = os.wait4(proc.pid, 0)
    proc.returncode = 0
    COMPLETE.clear()
    for left in out.iterdir():
        COMPLETE[left.name] = left.read_bytes()
        left.unlink()
    return usage.ru_utime + usage.ru_stime


def interrupted(args: list[str], out: Path, sig: int, at: float) -> tuple[float | None, str]:
    """(seconds from the signal to the exit, problem or "") when ``sig`` comes after
    ``at`` CPU seconds; (None, "") when the command ended before."""
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", *_argv(args, out)],
        env=_env(),
        stdout=subprocess.DEVNULL,
        stderr=subprocess.PIPE,
        preexec_fn=_default_sigint,
    )
    while (spent := _cpu(proc.pid)) is not None and spent < at:
        time.sleep(0.01)
    if spent is None:
        proc.communicate()
        for left in out.iterdir():
            left.unlink()
        return None, ""
    proc.send_signal(sig)
    start = time.perf_counter()
    _, err = proc.communicate()
    latency = time.perf_counter() - start
    left = sorted(p.name for p in out.iterdir())
    problem = ""
    if proc.returncode not in (CODES[sig], -sig):
        problem = f"exit {proc.returncode}: {err.decode(errors='replace')[-200:]}"
    for name in left:  # whole when the signal came after the output was written
        if (out / name).read_bytes() != COMPLETE.get(name):
            problem += f" left a partial {name}"
        (out / name).unlink()
    return latency, problem


def main(argv: list[str] | None = None) -> int:
    """Measure every command; print one line each (or JSON lines); 1 if a problem."""
    ap = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    ap.add_argument("--quick", action="store_true", help="10,000 claims, one signal each")
    ap.add_argument("--json", action="store_true", help="one JSON object per figure")
    ap.add_argument("--size", type=int, default=None, help="claims (default 100,000)")
    opts = ap.parse_args(argv)
    size = opts.size or (10_000 if opts.quick else 100_000)
    shares = (0.5,) if opts.quick else SHARES
    bad = 0
    with tempfile.TemporaryDirectory() as tmp:
        work, out = Path(tmp) / "in", Path(tmp) / "out"
        work.mkdir()
        out.mkdir()
        for name, args in inputs(work, size).items():
            total = full_cpu(args, out)
            found: list[float] = []
            for i, share in enumerate(shares):
                sig = (signal.SIGINT, signal.SIGTERM)[i % 2]
                latency, problem = interrupted(args, out, sig, share * total)
                if latency is not None:
                    found.append(latency)
                if problem:
                    bad += 1
                    print(f"{name}: {signal.Signals(sig).name} at {share:.0%}: {problem}")
            worst = max(found) if found else None
            _report(opts.json, name, size, total, worst, len(found))
    return 1 if bad else 0


def _report(as_json: bool, name: str, size: int, total: float, worst: float | None, n: int):  # type: ignore[no-untyped-def]
    what = f"argmap {name}: slowest exit after SIGINT/SIGTERM, {size:,}-claim input"
    if as_json:
        print(
            json.dumps(
                {
                    "name": f"interrupt-{name}-{size}",
                    "value": None if worst is None else round(worst, 3),
                    "target": TARGET,
                    "better": "lower",
                    "unit": "s",
                    "what": what,
                    "command": "python bench/interrupt_latency.py",
                }
            ),
            flush=True,
        )
        return
    shown = "ended before any signal" if worst is None else f"{worst:.3f} s worst of {n}"
    verdict = "" if worst is None else ("  met" if worst <= TARGET else "  MISSED")
    print(f"{name:<18} full run {total:6.2f} CPU s   exit after a signal: {shown}{verdict}")


if __name__ == "__main__":
    sys.exit(main())
