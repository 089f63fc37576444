"""``--executor dask``: the per-map jobs of :mod:`argmap.cli.batch` on a Dask cluster.

Dask's own :class:`distributed.Client` connects to the scheduler; its
:meth:`~distributed.Client.get_executor` is a :class:`concurrent.futures.Executor`, so
the jobs take the same path as on worker processes. Dask is optional
(``pip install 'argmap[dask]'``): imported only here, only when asked for.
"""

from __future__ import annotations

from concurrent.futures import Executor, Future
from typing import Any

from argmap.errors import UsageError

#: Seconds to wait for the scheduler before giving up.
CONNECT_TIMEOUT = 10


class DaskExecutor(Executor):
    """A client's executor that also closes the client when shut down.

    Args:
        client: a connected :class:`distributed.Client`.
    """

    def __init__(self, client: Any) -> None:
        self._client = client
        self._executor = client.get_executor(pure=False)

    def submit(self, fn: Any, /, *args: Any, **kwargs: Any) -> Future[Any]:
        """Send ``fn(*args, **kwargs)`` to the cluster (see :meth:`Executor.submit`)."""
        return self._executor.submit(fn, *args, **kwargs)

    def shutdown(self, wait: bool = True, *, cancel_futures: bool = False) -> None:
        """Stop sending (cancelling what is left when ``cancel_futures``), then close
        the client; the cluster's workers cancel what they had of this client's jobs."""
        try:
            if cancel_futures:
                self._client.cancel(list(getattr(self._executor, "_futures", ())), force=True)
            self._executor.shutdown(wait=wait)
        finally:
            self._client.close()


def dask_executor(address: str) -> DaskExecutor:
    """An executor running jobs on the Dask cluster whose scheduler is at ``address``.

    Raises:
        UsageError: Dask's distributed scheduler is not installed, or the scheduler
            cannot be reached within :data:`CONNECT_TIMEOUT` seconds.
    """
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(
            "--executor dask needs Dask's distributed scheduler: "
            "pip install 'argmap[dask]' (or leave out --executor dask)"
        ) from None
    try:
        client = Client(address, timeout=CONNECT_TIMEOUT, set_as_default=False)
    except (OSError, TimeoutError, ValueError, TypeError) as exc:
        raise UsageError(
            f"cannot reach the Dask scheduler at {address}: {exc or type(exc).__name__} "
            "(is 'dask scheduler' running there, and the address tcp://HOST:PORT?)"
        ) from None
    return DaskExecutor(client)
