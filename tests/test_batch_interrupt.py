"""SIGTERM and Ctrl-C during a batch with -j 2 stop the workers and their Graphviz at
once, and leave only whole files of the maps already done."""

from __future__ import annotations

import os
import re
import shutil
import signal
import subprocess
import sys
import time
from pathlib import Path

import pytest
from test_interrupt import default_sigint, dense_map, graphviz_children

from conftest import ROOT, needs_dot


def running(pid: int) -> bool:
    """Whether process ``pid`` still runs (a zombie, killed and waiting to be reaped by
    whoever adopted it, does not)."""
    try:
        stat = Path(f"/proc/{pid}/stat").read_text()
    except OSError:
        return False
    return stat.rsplit(")", 1)[1].split()[0] != "Z"


def children(pid: int) -> list[int]:
    """The processes whose parent is ``pid`` (from /proc)."""
    found = []
    for entry in Path("/proc").iterdir():
        if entry.name.isdigit():
            try:
                stat = (entry / "stat").read_text()
            except OSError:
                continue
            if int(stat.rsplit(")", 1)[1].split()[1]) == pid:
                found.append(int(entry.name))
    return found


@needs_dot
@pytest.mark.parametrize(("sig", "code"), [(signal.SIGTERM, 143), (signal.SIGINT, 130)])
def test_a_signal_stops_the_workers(tmp_path, sig, code):
    corpus, out = tmp_path / "corpus", tmp_path / "out"
    corpus.mkdir()
    shutil.copy(ROOT / "maps" / "whales-syllogism.yaml", corpus / "a.yaml")
    dense_map(corpus / "b.yaml")
    dense_map(corpus / "c.yaml")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    args = [sys.executable, "-m", "argmap", "render", str(corpus), "--outdir", str(out), "-j", "2"]
    args += ["--engine", "dot", "--whole"]  # the slow layout, not the spread one
    proc = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE, preexec_fn=default_sigint
    )
    try:
        dots: list[int] = []
        for _ in range(300):  # until Graphviz is at work in a worker (at most 30 s)
            workers = children(proc.pid)
            dots = [d for w in workers for d in graphviz_children(w)]
            if dots:
                break
            assert proc.poll() is None, proc.communicate()
            time.sleep(0.1)
        assert dots, "Graphviz never started"
        time.sleep(0.3)
        proc.send_signal(sig)
        start = time.monotonic()
        _, err = proc.communicate(timeout=20)
        assert time.monotonic() - start < 6.0
        assert proc.returncode == code
        assert b"Traceback" not in err and b"Exception" not in err, err.decode()
        time.sleep(0.3)
        assert not [w for w in workers if running(w)]  # workers gone
        assert not [d for d in dots if running(d)]  # Graphviz gone
    finally:
        proc.kill()
        proc.communicate()
    written = sorted(p.name for p in out.iterdir()) if out.exists() else []
    assert written in ([], ["a.svg"])  # no temporary file, nothing of b or c
    if written:
        assert (out / "a.svg").read_bytes().rstrip().endswith(b"</svg>")


def test_no_worker_outlives_a_closed_pipe(tmp_path):
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    for i in range(40):  # more output than a pipe holds, so the command must block on it
        shutil.copy(ROOT / "maps" / "two-michaels.yaml", corpus / f"m{i:02d}.yaml")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    args = [
        sys.executable,
        "-m",
        "argmap",
        "evaluate",
        str(corpus),
        "-j",
        "2",
        "--format",
        "jsonl",
    ]
    proc = subprocess.Popen(
        args, env=env, stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, preexec_fn=default_sigint
    )
    try:
        assert proc.stdout is not None
        first = proc.stdout.readline()
        workers = children(proc.pid)
        proc.stdout.close()  # as '| head -1' does: the next line kills the command (SIGPIPE)
        proc.wait(timeout=20)
        assert proc.returncode == -signal.SIGPIPE and b'"exit": 0' in first
        for _ in range(50):  # the workers notice within a second or so
            if not [w for w in workers if running(w)]:
                break
            time.sleep(0.1)
        assert workers and not [w for w in workers if running(w)]
    finally:
        proc.kill()
        proc.wait()


@pytest.mark.parametrize("command", ["evaluate", "stats"])
def test_a_batch_that_ends_normally_stops_its_workers_quietly(command):
    """The command leaves the batch before it exits, so its workers end as a pool
    ends, not as on Ctrl-C (where a worker cut off mid-read printed ``EOFError``)."""
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    args = [sys.executable, "-m", "argmap", command, str(ROOT / "maps"), "-j", "2"]
    outs = set()
    for _ in range(3):
        done = subprocess.run(args + ["--format", "jsonl"], env=env, capture_output=True)
        assert done.returncode in (0, 1), done.stderr.decode()
        assert b"Traceback" not in done.stderr and b"Error" not in done.stderr
        outs.add(re.sub(rb'"pid": \d+', b"", done.stdout))  # which worker took a map varies
    assert len(outs) == 1


@needs_dot
def test_a_worker_killed_from_outside_leaves_no_graphviz(tmp_path):
    """A worker killed (as the out-of-memory killer would) fails its maps with the
    internal error's code, and its Graphviz, left without a parent, is ended with
    the command."""
    corpus = tmp_path / "corpus"
    corpus.mkdir()
    dense_map(corpus / "b.yaml")
    dense_map(corpus / "c.yaml")
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    args = [sys.executable, "-m", "argmap", "render", str(corpus), "--outdir", str(tmp_path)]
    args += ["-j", "2", "--engine", "dot", "--whole", "--layout-timeout", "30"]
    proc = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    try:
        dots: list[int] = []
        for _ in range(300):  # until Graphviz is at work in both workers (at most 30 s)
            workers = children(proc.pid)
            dots = [d for w in workers for d in graphviz_children(w)]
            if len(dots) == 2:
                break
            time.sleep(0.1)
        assert len(dots) == 2, "Graphviz never started in both workers"
        victim = next(w for w in workers if graphviz_children(w))
        orphan = graphviz_children(victim)
        os.kill(victim, signal.SIGKILL)
        _, err = proc.communicate(timeout=60)
    finally:
        proc.kill()
        proc.communicate()
    assert proc.returncode == 70, err.decode()
    assert b"the worker failed" in err
    time.sleep(0.3)
    assert not [d for d in orphan if running(d)]  # its Graphviz ended with the command
