"""Running commands for the benchmarks: whole-process time, CPU time and peak memory."""

from __future__ import annotations

import json
import os
import platform
import shlex
import statistics
import subprocess
import sys
import time
from dataclasses import dataclass
from pathlib import Path


@dataclass
class Sample:
    """Whole-process measurements of one command over several runs.

    Attributes:
        wall: median wall-clock seconds.
        cpu: median CPU seconds (user + system, the process and its children).
        rss_mb: largest peak resident set size over the runs, in MB (2**20 bytes).
        runs: how many runs.
        rc: exit code of the last run.
    """

    wall: float
    cpu: float
    rss_mb: float
    runs: int
    rc: int


class BenchError(RuntimeError):
    """A benchmarked command failed (unexpected exit code)."""


class Runner:
    """Runs commands with a fixed environment and logs each distinct command line.

    Args:
        root: the repository root (its ``src`` goes on ``PYTHONPATH``).
        work: the scratch folder (byte code is cached under ``work/pycache``).
    """

    def __init__(self, root: Path, work: Path):
        self.root = root
        self.work = work
        self.env = {k: v for k, v in os.environ.items() if k != "PYTHONDONTWRITEBYTECODE"}
        self.env["PYTHONPATH"] = str(root / "src")
        self.env["PYTHONPYCACHEPREFIX"] = str(work / "pycache")
        self.log: list[str] = []

    def run(self, cmd: list[str], runs: int, ok: tuple[int, ...] = (0,)) -> Sample:
        """Run ``cmd`` ``runs`` times (stdout discarded) and summarise.

        Raises:
            BenchError: an exit code not in ``ok``.
        """
        self._note(cmd)
        samples = [self._once(cmd, ok) for _ in range(runs)]
        return _summary(samples)

    def alternate(
        self, cases: dict[str, list[str]], runs: int, ok: tuple[int, ...] = (0,)
    ) -> dict[str, Sample]:
        """Run every case once per round, ``runs`` rounds (one round of warm-up first,
        not counted), so a busy moment of the machine hits every case alike.

        Args:
            cases: name → command line.
            runs: rounds counted (each case's figures are medians over them).
            ok: exit codes accepted.

        Raises:
            BenchError: an exit code not in ``ok``.
        """
        for cmd in cases.values():
            self._note(cmd)
        taken: dict[str, list[tuple[float, float, float, int]]] = {name: [] for name in cases}
        for round_ in range(runs + 1):
            for name, cmd in cases.items():
                sample = self._once(cmd, ok)
                if round_:
                    taken[name].append(sample)
        return {name: _summary(samples) for name, samples in taken.items()}

    def _once(self, cmd: list[str], ok: tuple[int, ...]) -> tuple[float, float, float, int]:
        """(wall s, CPU s, peak RSS MB, exit code) of one run of ``cmd``."""
        start = time.perf_counter()
        proc = subprocess.Popen(
            cmd, stdout=subprocess.DEVNULL, stderr=subprocess.PIPE, env=self.env, cwd=self.root
        )
        err = proc.stderr.read() if proc.stderr else b""
        _, status, usage = os.wait4(proc.pid, 0)
        wall = time.perf_counter() - start
        proc.returncode = rc = os.waitstatus_to_exitcode(status)
        if proc.stderr:
            proc.stderr.close()
        if rc not in ok:
            line = self._note(cmd)
            raise BenchError(f"{line} exited {rc}: {err.decode(errors='replace')[-500:]}")
        return wall, usage.ru_utime + usage.ru_stime, usage.ru_maxrss / 1024, rc

    def _note(self, cmd: list[str]) -> str:
        """Log ``cmd`` once, as run from the repository root (``python``: this interpreter)."""
        line = shlex.join(["python" if c == sys.executable else c for c in cmd])
        line = line.replace(str(self.root) + "/", "")
        if line not in self.log:
            self.log.append(line)
        return line

    def python(self, args: list[str], runs: int, ok: tuple[int, ...] = (0,)) -> Sample:
        """Run ``python ARGS`` (this interpreter)."""
        return self.run([sys.executable, *args], runs, ok)

    def probe(self, args: list[str]) -> bool:
        """Whether ``python ARGS`` exits 0."""
        done = subprocess.run(
            [sys.executable, *args], capture_output=True, env=self.env, cwd=self.root, check=False
        )
        return done.returncode == 0

    def phases(self, path: Path, runs: int) -> dict[str, object]:
        """In-process phase timings from ``bench/phases.py``."""
        script = str(self.root / "bench" / "phases.py")
        cmd = [sys.executable, script, str(path), "--runs", str(runs)]
        line = self._note(cmd)
        done = subprocess.run(
            cmd, capture_output=True, text=True, env=self.env, cwd=self.root, check=False
        )
        if done.returncode != 0:
            raise BenchError(f"{line} exited {done.returncode}: {done.stderr[-500:]}")
        if done.stderr.strip():
            print(done.stderr.strip())
        return json.loads(done.stdout)

    def warm_up(self, small_map: Path) -> None:
        """Compile and cache byte code, and warm the file cache, before timing."""
        dot = self.work / "out" / "warm-up.dot"
        for args in (
            ["-m", "argmap", "check", str(small_map)],
            ["-m", "argmap", "render", str(small_map), "-o", str(dot)],
            ["-c", "import yaml"],
        ):
            subprocess.run(
                [sys.executable, *args],
                capture_output=True,
                env=self.env,
                cwd=self.root,
                check=False,
            )

    def version(self, cmd: list[str]) -> str:
        """First line a ``--version``-style command prints (empty when it fails)."""
        try:
            done = subprocess.run(cmd, capture_output=True, text=True, env=self.env, check=False)
        except OSError:
            return ""
        lines = (done.stdout or done.stderr).strip().splitlines()
        return lines[0] if lines else ""


def _summary(samples: list[tuple[float, float, float, int]]) -> Sample:
    """Medians of wall and CPU seconds, the largest peak RSS, the last exit code."""
    return Sample(
        statistics.median(w for w, _, _, _ in samples),
        statistics.median(c for _, c, _, _ in samples),
        max(r for _, _, r, _ in samples),
        len(samples),
        samples[-1][3],
    )


def _cpu_model() -> str:
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                return line.split(":", 1)[1].strip()
    except OSError:
        pass
    return platform.processor() or platform.machine()


def _memory_gb() -> float:
    try:
        pages = os.sysconf("SC_PHYS_PAGES") * os.sysconf("SC_PAGE_SIZE")
    except (ValueError, OSError):
        return 0.0
    return round(pages / 2**30, 1)


def machine() -> dict[str, object]:
    """What the figures were measured on: CPU, cores, memory, OS and tool versions."""
    import networkx
    import pydot
    import yaml

    dot = subprocess.run(["dot", "-V"], capture_output=True, text=True, check=False).stderr.strip()
    node = (
        subprocess.run(
            ["node", "--version"], capture_output=True, text=True, check=False
        ).stdout.strip()
        if _which("node")
        else ""
    )
    return {
        "cpu": _cpu_model(),
        "cores": os.cpu_count(),
        "memory_gb": _memory_gb(),
        "os": platform.platform(),
        "python": platform.python_version(),
        "pyyaml": f"{yaml.__version__} (libyaml: {yaml.__with_libyaml__})",
        "networkx": networkx.__version__,
        "pydot": pydot.__version__,
        "graphviz": dot,
        "node": node,
        "load_before": os.getloadavg(),
    }


def _which(name: str) -> bool:
    import shutil

    return shutil.which(name) is not None
