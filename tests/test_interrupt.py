"""Ctrl-C (SIGINT) and SIGTERM stop a long rendering or evaluation promptly: Graphviz is
killed with it, nothing is written, no temporary file is left, and the exit code says which
signal."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest

from argmap.render.graphviz import cpu_seconds

from conftest import ROOT, bench_module, needs_dot


def default_sigint() -> None:
    """In the child: SIGINT's default action, even when the tests run in the background
    (where the shell starts them with SIGINT ignored, which Python and its children keep)."""
    signal.signal(signal.SIGINT, signal.SIG_DFL)


def targets(i: int, n: int) -> str:
    return ", ".join(f"A{(i + k) % n}" for k in range(40))


def dense_map(path: Path, n: int = 120) -> None:
    """A framework whose layout takes Graphviz many seconds: every claim attacks the next 40."""
    rows = [f"  A{i}: {{kind: premise, text: Argument {i}.}}\n" for i in range(n)]
    rows += [
        f"  B{i}: {{kind: objection, text: Against {i}., attacks: [{targets(i, n)}]}}\n"
        for i in range(n)
    ]
    path.write_text("claims:\n  T: {kind: thesis, text: T.}\n" + "".join(rows), encoding="utf-8")


def graphviz_children(pid: int) -> list[int]:
    """The ``dot`` processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            name, rest = stat.split("(", 1)[1].rsplit(")", 1)
            if name == "dot" and int(rest.split()[1]) == pid:
                found.append(int(entry.name))
    return found


@needs_dot
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_the_layout_stops_everything(tmp_path, sig, code):
    src, out = tmp_path / "dense.yaml", tmp_path / "dense.svg"
    dense_map(src)
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(
        # dot and one diagram, as asked: a dense map is otherwise spread in a second
        [
            sys.executable,
            "-m",
            "argmap",
            "render",
            str(src),
            "-o",
            str(out),
            "--engine",
            "dot",
            "--whole",
        ],
        env=env,
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        preexec_fn=default_sigint,
    )
    try:
        for _ in range(300):  # until Graphviz is at work (at most 30 s)
            if graphviz_children(proc.pid):
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.1)
        children = graphviz_children(proc.pid)
        assert children, "Graphviz never started"
        time.sleep(0.3)
        proc.send_signal(sig)
        start = time.monotonic()
        _, err = proc.communicate(timeout=10)
        assert time.monotonic() - start < 2.0
        assert proc.returncode == code
        assert b"Traceback" not in err and b"Exception" not in err, err.decode()
        time.sleep(0.2)
        assert all(cpu_seconds(child) is None for child in children)  # reaped: gone
    finally:
        proc.kill()
        proc.communicate()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["dense.yaml"]  # nothing written


STOPPED_MID_INPUT = """
import signal, sys
signal.signal(signal.SIGPIPE, signal.SIG_DFL)  # as the command line keeps it
from argmap.errors import LayoutTimeout
from argmap.render.graphviz import run_dot
big = "digraph {\\n" + "".join(f"n{i} -> n{i + 1};\\n" for i in range(2_000_000)) + "}\\n"
try:
    run_dot(big, "svg", timeout=0.1)
except LayoutTimeout:
    print("stopped")
"""


@needs_dot
def test_graphviz_stopped_mid_input_does_not_take_argmap_down():
    """Killing Graphviz while its input is still being written gives a clean timeout,
    even though the command line keeps SIGPIPE's default action (exit on a closed pipe)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-c", STOPPED_MID_INPUT],
        env=env,
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert (done.returncode, done.stdout) == (0, "stopped\n"), done.stderr


def _busy(proc: subprocess.Popen[bytes], cpu: float) -> None:
    """Wait until ``proc`` has spent ``cpu`` seconds of CPU (at most 60 s of wall time)."""
    for _ in range(600):
        spent = cpu_seconds(proc.pid)
        assert spent is not None and proc.poll() is None, proc.communicate()
        if spent >= cpu:
            return
        time.sleep(0.1)
    raise AssertionError("the command never got busy")


@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_during_a_long_evaluate_stops_it(tmp_path, sig, code):
    """A 40,000-claim map of support knots (bench/generate.py) keeps ``evaluate``
    busy for seconds; the signal comes once it has spent 1.5 s of CPU (past loading),
    and the process exits with the signal's code, writing nothing."""
    gen = bench_module("generate")
    src, out = tmp_path / "knots.yaml", tmp_path / "labels.json"
    src.write_text(gen.to_yaml(gen.knots_map(40_000, 1), "knots"), encoding="utf-8")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    cmd = [sys.executable, "-m", "argmap", "evaluate", str(src), "-o", str(out)]
    proc = subprocess.Popen(
        cmd, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=default_sigint
    )
    try:
        _busy(proc, 1.5)
        proc.send_signal(sig)
        _, err = proc.communicate(timeout=10)  # prompt: bench/interrupt_latency.py measures it
        assert proc.returncode == code, err
        assert b"Traceback" not in err
    finally:
        proc.kill()
        proc.communicate()
    assert sorted(p.name for p in tmp_path.iterdir()) == ["knots.yaml"]  # nothing written
