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

#: Seconds to wait for the scheduler before giving up (Dask's connection timeout).
CONNECT_TIMEOUT = 10
#: Seconds more for the scheduler's first answer once connected.
GRACE = 5


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
        UsageError: Dask's distributed scheduler is not installed, or no scheduler
            answers at ``address`` within :data:`CONNECT_TIMEOUT` + :data:`GRACE` seconds.
    """
    try:
        from distributed import Client
    except ImportError:
        raise UsageError(
            "--executor dask needs Dask's distributed scheduler: "
            "pip install 'argmap[dask]' (or leave out --executor dask)"
        ) from None
    client = _connect(Client, address)
    return DaskExecutor(client)


def _connect(client_class: Any, address: str) -> Any:
    """A :class:`distributed.Client` of the scheduler at ``address``, made in a thread
    given :data:`CONNECT_TIMEOUT` + :data:`GRACE` seconds: Dask's own timeout covers
    the connection, not a peer that accepts it and then says nothing.

    Raises:
        UsageError: no scheduler answered in time, or what answered is not one
            (whatever Dask raised: a peer speaking something else can make it ask
            for exabytes, a MemoryError).
    """
    import threading

    made: list[Any] = []
    failed: list[BaseException] = []

    def connect() -> None:
        try:
            made.append(client_class(address, timeout=CONNECT_TIMEOUT, set_as_default=False))
        except BaseException as exc:  # reported below as a usage error
            failed.append(exc)

    thread = threading.Thread(target=connect, name="dask-connect", daemon=True)
    thread.start()
    thread.join(CONNECT_TIMEOUT + GRACE)
    if made:
        return made[0]
    why = (str(failed[0]) or type(failed[0]).__name__) if failed else "no answer in time"
    if failed and isinstance(failed[0], MemoryError):
        why = "what answers there does not speak Dask's protocol"
    shown = address if address.isprintable() and address.isascii() else ascii(address)
    raise UsageError(
        f"cannot reach the Dask scheduler at {shown}: {why} "
        "(is 'dask scheduler' running there, and the address tcp://HOST:PORT?)"
    )
