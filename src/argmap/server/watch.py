"""Watching the served folder (watchfiles) and telling waiting requests that something changed.

One thread runs :func:`watchfiles.watch` over the folder (inotify on Linux,
FSEvents on macOS, ReadDirectoryChangesW on Windows; polling where none works)
and bumps a :class:`Changes` counter after each batch of changes to map files.
Each Server-Sent Events request waits on that counter (a condition variable,
no polling) and then compares its own file's stamp.
"""

from __future__ import annotations

import threading
from collections.abc import Callable
from pathlib import Path

from argmap.server.files import is_map_name

#: Milliseconds watchfiles waits for a batch of changes to end (``step``) and at most
#: (``debounce``): a save is seen within about a quarter of a second.
STEP_MS, DEBOUNCE_MS = 50, 300


class Changes:
    """A counter of change batches that threads can wait on, and a stop signal.

    ``generation`` grows by one per batch; :meth:`wait` returns when it differs
    from the one a thread last saw, on :meth:`stop`, or after a timeout.
    """

    def __init__(self) -> None:
        self._cond = threading.Condition()
        self.generation = 0
        self.stopped = threading.Event()

    def bump(self) -> None:
        """Count one batch of changes and wake every waiting thread."""
        with self._cond:
            self.generation += 1
            self._cond.notify_all()

    def stop(self) -> None:
        """Set the stop signal (the watcher and every waiting request end)."""
        with self._cond:
            self.stopped.set()
            self._cond.notify_all()

    def wait(self, seen: int, timeout: float) -> int:
        """Block until ``generation`` differs from ``seen``, :meth:`stop`, or ``timeout``
        seconds; returns the generation then."""
        with self._cond:
            self._cond.wait_for(lambda: self.generation != seen or self.stopped.is_set(), timeout)
            return self.generation


def _map_change(change: object, path: str) -> bool:
    """watchfiles' filter: changes to map files only (an output written beside them is not)."""
    return is_map_name(Path(path).name)


def watch_folder(root: Path, changes: Changes, warn: Callable[[str], None]) -> None:
    """Watch ``root`` until ``changes`` is stopped, bumping it after each batch.

    Meant as a thread's target. If the folder cannot be watched, ``warn`` is called
    with the reason and the thread ends (pages then no longer redraw by themselves).
    """
    import watchfiles

    try:
        for _batch in watchfiles.watch(
            root,
            watch_filter=_map_change,
            step=STEP_MS,
            debounce=DEBOUNCE_MS,
            stop_event=changes.stopped,
            raise_interrupt=False,
            ignore_permission_denied=True,
        ):
            changes.bump()
    except Exception as exc:  # the OS refused to watch (e.g. too many inotify watches)
        if not changes.stopped.is_set():
            warn(f"cannot watch {root} for changes ({exc}); reload pages by hand")


def start_watching(root: Path, changes: Changes, warn: Callable[[str], None]) -> threading.Thread:
    """Start :func:`watch_folder` in a daemon thread and return it."""
    thread = threading.Thread(
        target=watch_folder, args=(root, changes, warn), name="argmap-watch", daemon=True
    )
    thread.start()
    return thread
