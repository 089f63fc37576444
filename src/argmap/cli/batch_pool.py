"""Where the jobs of a batch run: this process, worker processes, or a Dask cluster.

Worker processes (``-j N``, :class:`concurrent.futures.ProcessPoolExecutor`) each
run in a process group of their own with their Graphviz, so that the command ends
them all at once (:func:`stop`) on Ctrl-C or SIGTERM, and none outlives it.
"""

from __future__ import annotations

import os
from collections.abc import Callable
from concurrent.futures import Executor, Future
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from concurrent.futures import ProcessPoolExecutor


def executor_for(jobs: int, executor: str, scheduler: str | None, count: int) -> Executor | None:
    """The executor for ``count`` maps (``-j jobs``, ``--executor``, ``--scheduler``),
    or None to run them in this process.

    Raises:
        UsageError: from :func:`argmap.cli.batch_dask.dask_executor`.
    """
    if executor == "dask":
        from argmap.cli.batch_dask import dask_executor

        return dask_executor(scheduler or "")
    if jobs < 2 or count < 2:
        return None
    workers = min(jobs, count)
    return _pool_class()(workers, initializer=_watch_parent, initargs=(os.getpid(),))


def _pool_class() -> type[ProcessPoolExecutor]:
    """:class:`~concurrent.futures.ProcessPoolExecutor` whose threads ignore SIGPIPE.

    The command keeps SIGPIPE's default (it dies quietly when ``| head`` closes
    its output), but the pool's own threads write jobs to the workers' pipes: a
    worker killed from outside (out of memory) must fail its maps, not kill the
    command. Each ``submit`` runs with SIGPIPE blocked in the calling thread, so
    the threads and workers it starts inherit the block (the workers lift it).
    """
    import signal
    from concurrent.futures import ProcessPoolExecutor

    class QuietPipes(ProcessPoolExecutor):
        def submit(self, fn: Callable[..., Any], /, *args: Any, **kwargs: Any) -> Future[Any]:
            if not hasattr(signal, "pthread_sigmask") or not hasattr(signal, "SIGPIPE"):
                return super().submit(fn, *args, **kwargs)
            old = signal.pthread_sigmask(signal.SIG_BLOCK, {signal.SIGPIPE})
            try:
                return super().submit(fn, *args, **kwargs)
            finally:
                signal.pthread_sigmask(signal.SIG_SETMASK, old)

    return QuietPipes


def _watch_parent(parent: int) -> None:
    """Start a worker process in a process group of its own, with its Graphviz.

    Ctrl-C at the terminal then reaches the command alone, which stops every
    worker group at once (:func:`stop`); SIGTERM sent to a worker ends its
    group; and a thread ends the group when the command's process is gone
    (killed, or dead of a closed pipe in ``| head``), so no worker or Graphviz
    outlives it. (A worker's job never writes a file, so nothing is left half
    written.)
    """
    import signal
    import threading

    os.setpgrp()
    if hasattr(signal, "pthread_sigmask") and hasattr(signal, "SIGPIPE"):
        signal.pthread_sigmask(signal.SIG_UNBLOCK, {signal.SIGPIPE})  # see _pool_class
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    signal.signal(signal.SIGTERM, lambda signum, frame: _end_group())
    threading.Thread(target=_end_with, args=(parent,), daemon=True).start()


def _end_with(parent: int) -> None:
    """Wait until ``parent`` is no longer this process's parent, then end the group."""
    import time

    while os.getppid() == parent:
        time.sleep(0.5)
    _end_group()


def _end_group() -> None:
    """SIGKILL this worker's process group: the worker and its Graphviz, at once."""
    import signal

    os.killpg(os.getpgrp(), signal.SIGKILL)


def stop(pool: Executor) -> None:
    """Cancel what has not started and end the workers at once: each worker's
    process group (the worker and its Graphviz) gets SIGKILL."""
    import signal

    workers = list((getattr(pool, "_processes", None) or {}).values())  # ProcessPoolExecutor's
    if hasattr(signal, "SIGPIPE"):  # the pool's threads may still write to the dead workers
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
    for process in workers:
        try:
            os.killpg(process.pid, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):  # gone, or not yet its own group
            process.kill()
    pool.shutdown(wait=False, cancel_futures=True)
    for process in workers:
        process.join(1)


def worker_groups(pool: Executor) -> list[int]:
    """The process groups of a pool's workers (each worker leads its own; none for a
    pool that is not :class:`~concurrent.futures.ProcessPoolExecutor`)."""
    return list(getattr(pool, "_processes", None) or {})


def end_groups(groups: list[int]) -> None:
    """SIGKILL what is left of each process group in ``groups``: nothing after workers
    that ended normally; the Graphviz of a worker that was killed from outside."""
    import signal

    for group in groups:
        try:
            os.killpg(group, signal.SIGKILL)
        except (ProcessLookupError, PermissionError):
            pass
