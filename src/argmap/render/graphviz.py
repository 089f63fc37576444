"""The one module that runs Graphviz.

``dot`` (or another layout program) is run as a subprocess with UTF-8 bytes in
and out and a time limit (pydot's own ``create`` writes temporary files in the
locale's encoding and raises ``AssertionError`` on failure); its failures
become argmap errors that say how to fix them.

The limit counts Graphviz's CPU time (read from ``/proc/PID/stat`` while it
runs, where there is one; wall-clock time elsewhere), so a busy machine does
not fail a layout an idle one finishes. The kernel's CPU limit
(``RLIMIT_CPU``) backs it up, and a wall-clock limit of ten times the budget
(at least a minute more) stops a process that waits on nothing.
"""

from __future__ import annotations

import math
import os
import resource
import shutil
import signal
import subprocess
import threading
import time
from collections.abc import Sequence

from argmap.errors import GraphvizNotFound, LayoutTimeout, RenderError
from argmap.render.budget import Deadline

DEFAULT_TIMEOUT = 60.0
_TICKS = os.sysconf("SC_CLK_TCK") if hasattr(os, "sysconf") else 100
DEFAULT_DPI = 96
INSTALL_HINT = (
    "install Graphviz: 'apt-get install graphviz' (Debian/Ubuntu), 'brew install graphviz' "
    "(macOS), or run 'make demo', which installs it"
)


def run_dot(
    dot_source: str,
    fmt: str,
    *,
    timeout: float = DEFAULT_TIMEOUT,
    dpi: int = DEFAULT_DPI,
    engine: str = "dot",
    deadline: Deadline | None = None,
    options: Sequence[str] = (),
) -> bytes:
    """Lay out ``dot_source`` with Graphviz and return the output bytes.

    Args:
        dot_source: DOT text.
        fmt: Graphviz output format (``svg``, ``png``, ``pdf``).
        timeout: CPU seconds of Graphviz's before the layout is abandoned.
        dpi: resolution for raster output (dots per inch).
        engine: Graphviz layout program (``dot``, ``neato``, ``sfdp`` …), optionally
            followed by ``-G``/``-N``/``-E`` attribute options separated by spaces
            (``"neato -Goverlap=prism"``: :data:`argmap.render.cost.SPREAD`).
        deadline: the whole rendering's deadline; Graphviz gets only the CPU
            time left (and at most ``timeout``), and what it spends is charged to it.
        options: more options for the program (``-n2``: neato keeps the DOT's positions).

    Raises:
        GraphvizNotFound: the program is not installed.
        LayoutTimeout: the layout took longer than ``timeout`` seconds, or than
            the time left before ``deadline``.
        RenderError: Graphviz failed (its message is included).
    """
    program, *attrs = engine.split()
    if any(a[:2] not in ("-G", "-N", "-E") for a in attrs):
        raise RenderError(f"{engine!r} is not a Graphviz program with -G/-N/-E options")
    exe = shutil.which(program)
    if exe is None:
        raise GraphvizNotFound(f"Graphviz's '{program}' program was not found: {INSTALL_HINT}")
    limit = timeout if deadline is None else min(timeout, deadline.left())
    if deadline is not None and limit <= 0:
        raise deadline.error("laying the diagram out")
    args = [exe, f"-T{fmt}", *attrs, *options, *([f"-Gdpi={dpi}"] if fmt == "png" else [])]
    out, err, code, spent = _run(args, dot_source.encode("utf-8"), limit)
    if deadline is not None:
        deadline.charge(spent)
    if code is None:
        raise _late(timeout, limit, deadline)
    if code != 0:
        message = err.decode("utf-8", "replace").strip() or f"exit {code}"
        raise RenderError(f"Graphviz failed: {message}")
    return _pinned(out) if fmt == "pdf" else out


def _cpu_limit(pid: int, seconds: float) -> None:
    """Set process ``pid``'s kernel CPU limit (whole seconds, a backstop to the polling);
    nothing where the system has no ``prlimit``."""
    soft = max(1, math.ceil(seconds) + 1)
    try:
        resource.prlimit(pid, resource.RLIMIT_CPU, (soft, soft + 1))
    except (AttributeError, OSError, ValueError):
        pass


def cpu_seconds(pid: int) -> float | None:
    """CPU seconds (user + system) process ``pid`` has used, from ``/proc``; None
    where there is no ``/proc`` or the process is gone."""
    try:
        with open(f"/proc/{pid}/stat", "rb") as stat:
            fields = stat.read().rsplit(b")", 1)[1].split()
    except OSError:
        return None
    return (int(fields[11]) + int(fields[12])) / _TICKS


def _run(args: list[str], source: bytes, limit: float) -> tuple[bytes, bytes, int | None, float]:
    """Run ``args`` on ``source`` within ``limit`` CPU seconds.

    Returns:
        ``(stdout, stderr, exit code or None when stopped for time, CPU seconds spent)``.
    """
    start, before = time.monotonic(), _children_cpu()
    backstop = max(10 * limit, limit + 60)
    pipe = subprocess.PIPE
    with subprocess.Popen(args, stdin=pipe, stdout=pipe, stderr=pipe) as proc:
        _cpu_limit(proc.pid, limit)
        done: list[tuple[bytes, bytes]] = []
        talk = threading.Thread(target=_talk, args=(proc, source, done), daemon=True)
        talk.start()
        step, spent = 0.02, 0.0
        try:
            while True:
                talk.join(step)
                if not talk.is_alive():
                    break
                step = min(0.25, step * 2)
                measured = cpu_seconds(proc.pid)
                wall = time.monotonic() - start
                spent = wall if measured is None else measured
                if spent > limit or wall > backstop:
                    proc.kill()
                    talk.join()
                    return b"", b"", None, spent
        except BaseException:  # Ctrl-C or SIGTERM (raised as SystemExit): Graphviz goes too
            proc.kill()
            talk.join(1.0)
            raise
    if not done:  # the exchange broke off (Graphviz closed its pipes)
        return b"", b"Graphviz stopped reading its input", proc.returncode or 1, spent
    out, err = done[0]
    spent = max(spent, _children_cpu() - before)
    if spent > limit or proc.returncode in (-signal.SIGXCPU, -signal.SIGKILL):
        return b"", b"", None, max(spent, limit)  # over its budget, however briefly
    return out, err, proc.returncode, spent


def _talk(proc: subprocess.Popen[bytes], source: bytes, done: list[tuple[bytes, bytes]]) -> None:
    """Send ``source`` and collect the output, in a thread that ignores SIGPIPE: Graphviz
    stopped for time mid-input must not take argmap down (the CLI keeps SIGPIPE's default
    action so that ``argmap ... | head`` ends quietly; a thread's signal mask is its own)."""
    if hasattr(signal, "pthread_sigmask") and hasattr(signal, "SIGPIPE"):
        signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
    try:
        done.append(proc.communicate(source))
    except (OSError, ValueError):  # the pipes were closed under it: the command is stopping
        return


def _children_cpu() -> float:
    """CPU seconds of the child processes this process has waited for."""
    usage = resource.getrusage(resource.RUSAGE_CHILDREN)
    return usage.ru_utime + usage.ru_stime


def _pinned(pdf: bytes) -> bytes:
    """Graphviz's PDF with its creation time fixed (:func:`argmap.render.pdf.pin_dates`)."""
    from argmap.render.pdf import pin_dates

    return pin_dates(pdf)


def _late(timeout: float, limit: float, deadline: Deadline | None) -> LayoutTimeout:
    """The error for a layout stopped after ``limit`` seconds: the rendering's budget
    ran out (``limit`` was the time left before ``deadline``), or ``timeout`` did."""
    if deadline is not None and limit < timeout:
        return deadline.error("Graphviz laid the diagram out")
    return LayoutTimeout(
        f"Graphviz did not finish the layout within {timeout:g} s; render part of the map "
        "with --focus ID --depth K, --collapse DEPTH or --split, raise --layout-timeout, "
        "or output .dot and lay it out elsewhere"
    )
