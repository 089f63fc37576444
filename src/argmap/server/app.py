"""The server of ``argmap serve``: a :class:`MapServer` over one folder (or one map file).

It listens on ``127.0.0.1`` unless told otherwise, answers only requests whose
``Host`` header names it (see :func:`host_allowed`: a web page elsewhere cannot
reach it through DNS rebinding), serves only the maps it lists (see
:mod:`argmap.server.files`), and keeps the last page drawn of each map until
the file changes. Requests run in threads; at most :data:`DRAWING_AT_ONCE`
maps are drawn at the same time.
"""

from __future__ import annotations

import hashlib
import ipaddress
import os
import socket
import threading
from collections.abc import Callable
from http.server import ThreadingHTTPServer
from pathlib import Path
from typing import Any

from argmap.errors import ArgmapError
from argmap.server.files import map_files, resolve_map, stamp
from argmap.server.handler import MapHandler, Reply
from argmap.server.maps import Loaded, draw_page, load_checked, render_problem
from argmap.server.pages import Entry, error_page, index_page, live_addon
from argmap.server.watch import Changes, start_watching

#: Maps drawn at the same time (each runs Graphviz once).
DRAWING_AT_ONCE = 2
#: Connections served at once, each in a thread; one more is answered 503 at once,
#: without a thread (many open connections cannot grow the threads without bound).
MAX_CONNECTIONS = 128
#: Event streams open at once (one per open page, each holding a connection).
MAX_STREAMS = 64
_BUSY = (
    b"HTTP/1.1 503 Service Unavailable\r\nContent-Type: text/plain; charset=utf-8\r\n"
    b"Retry-After: 5\r\nConnection: close\r\nContent-Length: 31\r\n\r\n"
    b"Too busy: try again in a while\n"
)


def host_allowed(header: str | None, port: int, names: frozenset[str]) -> bool:
    """Whether a request's ``Host`` header names this server.

    Accepted: ``NAME:PORT`` for a name in ``names`` (lower case; ``localhost`` and
    the ``--host`` given), or an IP address written out (``127.0.0.1:PORT``,
    ``[::1]:PORT``), which no DNS answer can stand for. The port may be left out
    only when it is 80. A missing header is refused.
    """
    if not header:
        return False
    header = header.strip().lower()
    if header.startswith("["):
        host, _, rest = header[1:].partition("]")
        given = rest[1:] if rest.startswith(":") else ("" if not rest else "x")
    else:
        host, _, given = header.partition(":") if header.count(":") == 1 else (header, "", "")
    if given != str(port) and not (given == "" and port == 80):
        return False
    if host in names:
        return True
    try:
        ipaddress.ip_address(host)
    except ValueError:
        return False
    return True


class MapServer(ThreadingHTTPServer):
    """A local web server showing the maps under ``folder``, live.

    Args:
        folder: the folder (or one map file) as the user typed it.
        host: the address to listen on (default ``127.0.0.1``; ``::1`` and other
            IPv6 addresses work too).
        port: the port (0: a free one, see :attr:`port`).

    Raises:
        OSError: the address cannot be bound (``errno.EADDRINUSE``: the port is in use).
        FileNotFoundError: ``folder`` does not exist.
    """

    daemon_threads = True

    def __init__(self, folder: str, host: str = "127.0.0.1", port: int = 0) -> None:
        real = Path(os.path.realpath(folder))
        if not real.exists():
            raise FileNotFoundError(2, "no such file or folder", folder)
        self.folder = folder
        self.root = real if real.is_dir() else real.parent
        self.only = None if real.is_dir() else real.name
        self.base = folder if real.is_dir() else (os.path.dirname(folder) or ".")
        self.changes = Changes()
        self._lock = threading.Lock()
        self._drawing = threading.BoundedSemaphore(DRAWING_AT_ONCE)
        self._slots = threading.BoundedSemaphore(MAX_CONNECTIONS)
        self.streams = threading.BoundedSemaphore(MAX_STREAMS)
        self._loaded: dict[str, tuple[str, Loaded]] = {}
        self._pages: dict[tuple[str, bool], tuple[str, Reply]] = {}
        if ":" in host:
            self.address_family = socket.AF_INET6
        super().__init__((host, port), MapHandler)
        self.host = host
        self.port = int(self.server_address[1])
        self.names = frozenset({"localhost", host.strip("[]").lower()})

    def process_request(self, request: Any, client_address: Any) -> None:
        """Serve ``request`` in a thread of its own, or answer 503 at once when
        :data:`MAX_CONNECTIONS` are being served."""
        if not self._slots.acquire(blocking=False):
            try:
                request.settimeout(1.0)
                request.sendall(_BUSY)
            except OSError:
                pass
            self.shutdown_request(request)
            return
        try:
            super().process_request(request, client_address)
        except BaseException:
            self._slots.release()
            raise

    def process_request_thread(self, request: Any, client_address: Any) -> None:
        """Serve one connection, then free its slot."""
        try:
            super().process_request_thread(request, client_address)
        finally:
            self._slots.release()

    @property
    def url(self) -> str:
        """The address of the list of maps, e.g. ``http://127.0.0.1:8000/``."""
        host = f"[{self.host}]" if ":" in self.host else self.host
        return f"http://{host}:{self.port}/"

    def watch(self, warn: Callable[[str], None]) -> threading.Thread:
        """Start watching the folder for saved maps (a daemon thread, ended by :meth:`stop`)."""
        return start_watching(self.root, self.changes, warn)

    def stop(self) -> None:
        """End the watcher and every waiting Server-Sent Events request, and close the
        socket. Call :meth:`shutdown` first when :meth:`serve_forever` runs in another thread."""
        self.changes.stop()
        self.server_close()

    def accepts(self, header: str | None) -> bool:
        """Whether a request's ``Host`` header names this server (:func:`host_allowed`)."""
        return host_allowed(header, self.port, self.names)

    def resolve(self, rel: str) -> Path | None:
        """The map file a request names, if this server lists it."""
        if self.only is not None and rel != self.only:
            return None
        return resolve_map(self.root, rel)

    def loaded(self, rel: str, path: Path, since: str) -> Loaded:
        """The map ``rel`` read and checked, from the cache while its stamp is ``since``."""
        with self._lock:
            kept = self._loaded.get(rel)
        if kept is not None and kept[0] == since:
            return kept[1]
        result = load_checked(Path(self.base, *rel.split("/")))
        with self._lock:
            self._loaded[rel] = (since, result)
        return result

    def entries(self) -> tuple[list[Entry], str]:
        """The rows of the list of maps and the list's stamp (changes when a map does)."""
        rows, stamps = [], []
        for rel in map_files(self.root, self.only):
            path = self.root.joinpath(*rel.split("/"))
            since = stamp(path)
            stamps.append(f"{rel}\0{since}")
            got = self.loaded(rel, path, since)
            title = got.amap.title or got.amap.name if got.amap else ""
            count = len(got.amap.claims) if got.amap else 0
            rows.append(Entry(rel, title, count, tuple(got.lines()) if got.broken else ()))
        return rows, self.index_stamp(stamps)

    def index_stamp(self, stamps: list[str] | None = None) -> str:
        """A digest of every listed map's path and stamp."""
        if stamps is None:
            listed = map_files(self.root, self.only)
            stamps = [f"{r}\0{stamp(self.root.joinpath(*r.split('/')))}" for r in listed]
        text = "\n".join(stamps).encode("utf-8", "surrogateescape")
        return hashlib.sha256(text).hexdigest()[:16]

    def index(self) -> Reply:
        """The list of maps as a reply."""
        rows, since = self.entries()
        return Reply(200, index_page(self.folder, rows, since))

    def map_page(self, rel: str, path: Path, projection: bool) -> Reply:
        """The page of one map (the interactive page, or its problems), drawn again only
        when the file has changed since it was last drawn."""
        since = stamp(path)
        with self._lock:
            kept = self._pages.get((rel, projection))
        if kept is not None and kept[0] == since:
            return kept[1]
        got = self.loaded(rel, path, since)
        if got.broken:
            reply = Reply(422, error_page(rel, got.lines(), since, projection))
        else:
            with self._drawing:
                try:
                    body = draw_page(got, live_addon(rel, since, projection))
                    reply = Reply(200, body, own_policy=True)
                except ArgmapError as exc:
                    lines = [render_problem(exc)]
                    reply = Reply(500, error_page(rel, lines, since, projection))
        with self._lock:
            self._pages[(rel, projection)] = (since, reply)
        return reply
