"""Many maps in one command: which files, where each map's job runs, what it gave.

``check``, ``evaluate``, ``stats``, ``render`` and ``convert`` take files and folders
(:func:`map_files`). Each map is one job: a module-level function
``job(path, params) -> Outcome`` taking plain data, so that it can be sent to another
process. :func:`outcomes` runs the jobs in this process (``-j 1``, the default), in N
worker processes (``-j N``, :class:`concurrent.futures.ProcessPoolExecutor`) or on a
Dask cluster (``--executor dask --scheduler ADDRESS``, through
:meth:`distributed.Client.get_executor`, the same :class:`concurrent.futures.Executor`
interface), and hands the outcomes back in input order whatever finished first.

A job never writes a file: it returns the bytes, and the command writes each map's
files at once (:func:`argmap.util.files.write_all`) as its outcome arrives. So Ctrl-C
or SIGTERM, which stop the workers (:func:`argmap.cli.batch_pool.stop`), leave no
partial file, and on a cluster the files land where the command runs. A job that
fails returns its error as text and exit code (:func:`argmap.cli.common.failure`):
every map is processed, and the command exits with the worst code.
"""

from __future__ import annotations

import functools
import gc
import json
import os
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from typing import TYPE_CHECKING, Any

import click

from argmap.cli.batch_pool import end_groups, executor_for, stop, worker_groups
from argmap.cli.common import EXIT_INTERNAL, F, failure
from argmap.errors import UsageError

if TYPE_CHECKING:
    from concurrent.futures import Future

    from argmap.findings import Finding


@dataclass
class Outcome:
    """What one map's job gave (plain data, picklable).

    Attributes:
        file: the map file, as the command line or the folder walk named it.
        code: its exit code (the command's documented codes).
        text: what the command prints for it alone, in the chosen ``--format``.
        record: its JSON result (``--format json`` with several maps, ``jsonl``).
        notes: lines for standard error (what the import noted).
        error: the message of its failure, None when it did not fail.
        files: ``(path, bytes)`` the command writes for it.
        findings: findings the command reports for it (check, convert).
        pid: the process that ran the job.
    """

    file: str
    code: int = 0
    text: str = ""
    record: dict[str, Any] = field(default_factory=dict)
    notes: str = ""
    error: str | None = None
    files: list[tuple[str, bytes]] = field(default_factory=list)
    findings: list[Finding] = field(default_factory=list)
    pid: int = field(default_factory=os.getpid)

    def as_json(self) -> dict[str, Any]:
        """``{"file", "exit", ...record, "error"?, "pid"}``: one line of ``--format jsonl``."""
        doc: dict[str, Any] = {"file": self.file, "exit": self.code, **self.record}
        if self.error is not None:
            doc["error"] = self.error
        doc["pid"] = self.pid
        return doc

    def line(self) -> str:
        """:meth:`as_json` as one line of JSON, newline included."""
        return json.dumps(self.as_json(), ensure_ascii=False, sort_keys=False) + "\n"


@dataclass(frozen=True)
class Runner:
    """Where the jobs run: ``jobs`` worker processes (1: this process), or a Dask
    cluster (``executor == "dask"``) whose scheduler is at ``scheduler``."""

    jobs: int = 1
    executor: str = "process"
    scheduler: str | None = None


def batch_options(command: F) -> F:
    """``-j/--jobs N``, ``--executor process|dask`` and ``--scheduler ADDRESS``; the
    command receives them as one :class:`Runner`, ``runner``.

    Raises (when the command runs):
        UsageError: ``--executor dask`` without ``--scheduler``, or the other way round.
    """

    @functools.wraps(command)
    def wrapped(*args: Any, jobs: int, executor: str, scheduler: str | None, **kw: Any) -> Any:
        if executor == "dask" and not scheduler:
            raise UsageError("--executor dask needs --scheduler ADDRESS (tcp://HOST:8786)")
        if scheduler and executor != "dask":
            raise UsageError("--scheduler names a Dask scheduler: add --executor dask")
        return command(*args, runner=Runner(jobs, executor, scheduler), **kw)

    for decorator in (
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            help="Address of the Dask scheduler (with --executor dask), e.g. tcp://host:8786.",
        ),
        click.option(
            "--executor",
            type=click.Choice(["process", "dask"]),
            default="process",
            show_default=True,
            help="process: this machine (-j); dask: the workers of a Dask cluster "
            "(needs argmap[dask] and --scheduler).",
        ),
        click.option(
            "-j",
            "--jobs",
            type=click.IntRange(1, 1024),
            default=1,
            show_default=True,
            help="Worker processes for many maps (1: all in this process).",
        ),
    ):
        wrapped = decorator(wrapped)
    return wrapped  # type: ignore[return-value]


def map_files(paths: Sequence[str]) -> list[str]:
    """The maps named by ``paths``: a file as given (even a missing one, whose job then
    fails), a folder as every map file in it and its subfolders (names ending as
    :data:`argmap.server.files.MAP_ENDINGS` says, hidden ones left out, symbolic
    links not followed, names with control characters skipped and said so),
    sorted by path.

    Raises:
        UsageError: a folder holds no map file.
    """
    from argmap.server.files import MAP_ENDINGS

    out: list[str] = []
    for given in paths:
        if not os.path.isdir(given):
            out.append(given)
            continue
        found = sorted(_walk(given), key=lambda p: p.split(os.sep))
        if not found:
            raise UsageError(
                f"{given}: no map file in this folder or below "
                f"(argmap takes files ending in {', '.join(MAP_ENDINGS)})"
            )
        out += found
    return out


def _walk(folder: str) -> Iterator[str]:
    """The map files under ``folder`` (see :func:`map_files`), in no particular order."""
    from argmap.server.files import is_map_name

    for root, dirs, names in os.walk(folder):
        dirs[:] = [d for d in dirs if not d.startswith(".")]
        for name in names:
            path = os.path.join(root, name)
            if not is_map_name(name) or os.path.islink(path) or not os.path.isfile(path):
                continue
            if _unsafe(path):
                say(f"argmap: {path!a}: skipped: a file name with control characters")
                continue
            yield path


def _unsafe(text: str) -> bool:
    """Whether ``text`` holds a control or format character (newline, escape, a
    right-to-left override …), a line or paragraph separator, or a byte that is
    not UTF-8 (a lone surrogate), which would forge or hide lines of a report."""
    import unicodedata

    return any(unicodedata.category(ch) in ("Cc", "Cf", "Cs", "Zl", "Zp") for ch in text)


def name_of(path: str) -> str:
    """The name a map's outputs take: its file name up to the first dot
    (``maps/x.aif.json`` → ``x``), as :attr:`argmap.model.ArgumentMap.name`."""
    base = path.replace("\\", "/").rsplit("/", 1)[-1]
    return base.split(".", 1)[0] or "map"


def outputs_for(files: Sequence[str], outdir: str, suffix: str, exts: Sequence[str]) -> list[str]:
    """``OUTDIR/<name><suffix><ext>`` for every map and extension, checked for clashes.

    Raises:
        UsageError: two maps would write one file (the same name in two folders), or
            ``suffix`` holds a path separator or a control character.
    """
    if {"/", "\\", os.sep} & set(suffix) or _unsafe(suffix):
        raise UsageError(
            f"--suffix {suffix!r}: the suffix goes between a map's name and the format "
            "ending, so it holds no / or \\ nor control characters (--outdir names the folder)"
        )
    seen: dict[str, str] = {}
    for path in files:
        for ext in exts:
            target = os.path.join(outdir, f"{name_of(path)}{suffix}{ext}")
            if target in seen and seen[target] != path:
                raise UsageError(
                    f"{seen[target]} and {path} would both write {target}: "
                    "give them different names, or run one command per folder"
                )
            seen[target] = path
    return list(seen)


def run_job(job: Callable[[str, Any], Outcome], path: str, params: Any, cwd: str) -> Outcome:
    """Run one map's job where it was sent, its failure made an :class:`Outcome`
    (message and exit code as :func:`argmap.cli.common.failure` gives them).

    ``cwd`` is the command's folder: a worker elsewhere (Dask) reads relative paths
    from there, so the cluster must see the files at the same paths.
    """
    if cwd and cwd != _cwd():
        os.chdir(cwd)
    try:
        return job(path, params)
    except Exception as exc:
        if os.environ.get("ARGMAP_DEBUG") and failure(exc)[1] == EXIT_INTERNAL:
            raise
        message, code = failure(exc)
        return Outcome(path, code, error=message)
    finally:
        if not gc.isenabled():  # the collector is paused (see argmap.cli.app.main)
            gc.collect(1)


def _cwd() -> str:
    try:
        return os.getcwd()
    except OSError:
        return ""


@contextmanager
def outcomes(
    job: Callable[[str, Any], Outcome], files: Sequence[str], params: Any, runner: Runner
) -> Iterator[Iterator[Outcome]]:
    """The outcome of ``job`` on every map of ``files``, in that order, as each is done.

    Leaving the ``with`` block by an exception (Ctrl-C, SIGTERM) stops the workers.

    Raises:
        UsageError: ``--executor dask`` without Dask installed, or the scheduler
            cannot be reached.
    """
    cwd = _cwd()
    pool = executor_for(runner.jobs, runner.executor, runner.scheduler, len(files))
    if pool is None:
        yield (run_job(job, path, params, cwd) for path in files)
        return
    try:
        futures = [pool.submit(run_job, job, path, params, cwd) for path in files]
        groups, died = worker_groups(pool), list[str]()
        yield (_outcome(path, future, died) for path, future in zip(files, futures, strict=True))
    except BaseException:
        stop(pool)
        raise
    pool.shutdown(wait=True)
    if died:  # a worker killed from outside (out of memory) leaves its Graphviz
        end_groups(groups)


def _outcome(path: str, future: Future[Outcome], died: list[str]) -> Outcome:
    """The outcome of a job sent away; a worker that died (killed, out of memory)
    or a cluster that failed makes an internal error for that map (and its path is
    added to ``died``)."""
    try:
        return future.result()
    except Exception as exc:
        died.append(path)
        why = str(exc) or type(exc).__name__
        return Outcome(path, EXIT_INTERNAL, error=f"argmap: {path}: the worker failed: {why}")


def say(text: str) -> None:
    """Print ``text`` (one or more lines) on standard error, a newline added if missing."""
    if text:
        click.echo(text.rstrip("\n"), err=True)


def worst(codes: Sequence[int]) -> int:
    """The worst exit code: the highest (0 when there is none)."""
    return max(codes, default=0)


def print_outcomes(done: Iterator[Outcome], fmt: str, output: str | None, several: bool) -> int:
    """Print what each map gave, as ``evaluate`` and ``stats`` do, and return the worst
    exit code. Errors and notes go to standard error as each map is done.

    ``jsonl``: each map's line on standard output when it is done (with ``-o``, the
    lines together at the end). One map: its text as it is. Several: ``text`` puts
    ``== FILE`` above each map's text; ``json`` makes one list of
    ``{"file", "exit", ...}`` objects (``"error"`` for a map that failed).
    """
    from argmap.cli.common import emit, to_stdout

    codes: list[int] = []
    parts: list[str] = []
    docs: list[dict[str, Any]] = []
    for outcome in done:
        say(outcome.notes)
        say(outcome.error or "")
        codes.append(outcome.code)
        if fmt == "jsonl":
            if output is None:
                to_stdout(outcome.line())
            parts.append(outcome.line())
        elif outcome.error is None:
            parts.append(f"== {outcome.file}\n{outcome.text}" if several else outcome.text)
        doc = outcome.as_json()
        del doc["pid"]
        docs.append(doc)
    if fmt == "jsonl":
        if output is not None:
            emit("".join(parts), output)
    elif fmt == "json" and several:
        emit(json.dumps(docs, ensure_ascii=False, indent=2) + "\n", output)
    elif parts:
        emit("\n".join(parts), output)
    return worst(codes)


def write_outcomes(done: Iterator[Outcome], fmt: str, write: Callable[[Outcome], Outcome]) -> int:
    """Write each map's files as its outcome arrives (``write`` returns the outcome
    with a record of what it wrote), as ``render`` and ``convert`` do, and return the
    worst exit code. A map that failed, or whose files cannot be written, has its
    error on standard error; with ``jsonl`` each map's line goes to standard output.
    """
    from argmap.cli.common import to_stdout
    from argmap.errors import ArgmapError

    codes: list[int] = []
    for outcome in done:
        say(outcome.notes)
        if outcome.error is None:
            try:
                outcome = write(outcome)
            except (ArgmapError, OSError) as exc:
                message, code = failure(exc)
                outcome = Outcome(outcome.file, max(outcome.code, code), error=message)
        say(outcome.error or "")
        codes.append(outcome.code)
        if fmt == "jsonl":
            to_stdout(outcome.line())
    return worst(codes)
