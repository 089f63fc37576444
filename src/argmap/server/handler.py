"""The HTTP requests ``argmap serve`` answers (GET only).

======================================  =============================================
``/``                                   the list of maps
``/map/<path>[?projection=1]``          a map's interactive page (or its problems)
``/events?map=<path>&since=<stamp>``    Server-Sent Events: ``change`` when the map's
                                        stamp differs from ``since`` (no ``map``: the list)
======================================  =============================================

Anything else is 404; a method other than GET is 405; a ``Host`` header that
does not name the server is 421 (Misdirected Request, RFC 9110 §15.5.20).
Every reply carries a Content-Security-Policy (``frame-ancestors 'none'``
added), ``X-Content-Type-Options: nosniff``, ``Referrer-Policy: no-referrer``
and ``Cache-Control: no-store``.
"""

from __future__ import annotations

import html
import re
import threading
from collections.abc import Callable
from dataclasses import dataclass
from http.server import BaseHTTPRequestHandler
from pathlib import Path
from typing import Protocol
from urllib.parse import parse_qs, unquote, urlsplit

from argmap.server.files import stamp
from argmap.server.pages import not_found_page
from argmap.server.watch import Changes

#: Seconds between two keep-alive comments on an idle event stream.
KEEPALIVE = 15.0
#: The policy of replies that are no page (plain text, events).
BARE_CSP = "default-src 'none'; frame-ancestors 'none'"
_META_CSP = re.compile(r'<meta http-equiv="Content-Security-Policy" content="([^"]*)">')


@dataclass(frozen=True)
class Reply:
    """A whole reply: status, HTML body, and whether the body's own policy (its
    ``<meta>`` Content-Security-Policy) is sent as the header (else the bare one)."""

    status: int
    body: bytes
    own_policy: bool = True
    kind: str = "text/html; charset=utf-8"


class Site(Protocol):
    """What the handler asks of the server (:class:`argmap.server.app.MapServer`)."""

    changes: Changes
    streams: threading.BoundedSemaphore

    def accepts(self, header: str | None) -> bool: ...  # noqa: D102
    def resolve(self, rel: str) -> Path | None: ...  # noqa: D102
    def index(self) -> Reply: ...  # noqa: D102
    def index_stamp(self) -> str: ...  # noqa: D102
    def map_page(self, rel: str, path: Path, projection: bool) -> Reply: ...  # noqa: D102


def policy(reply: Reply) -> str:
    """The Content-Security-Policy header of ``reply``: the one in its ``<meta>`` (first
    4 KB), else :data:`BARE_CSP`; ``frame-ancestors 'none'`` added."""
    found = _META_CSP.search(reply.body[:4096].decode("utf-8", "replace"))
    if not reply.own_policy or found is None:
        return BARE_CSP
    return f"{html.unescape(found.group(1))}; frame-ancestors 'none'"


class MapHandler(BaseHTTPRequestHandler):
    """One request to the server (see the module's table)."""

    server_version = "argmap"
    sys_version = ""
    timeout = 30  # seconds a client may take to send its request or take a reply

    def version_string(self) -> str:
        """The ``Server`` header: ``argmap`` (no Python version)."""
        return "argmap"

    def log_message(self, format: str, *args: object) -> None:
        """Say nothing per request (the terminal shows the address and errors only)."""

    def _site(self) -> Site:
        return self.server  # type: ignore[return-value]

    def _headers(self, status: int, kind: str, csp: str, length: int | None) -> None:
        self.send_response(status)
        self.send_header("Content-Type", kind)
        if length is not None:
            self.send_header("Content-Length", str(length))
        self.send_header("Content-Security-Policy", csp)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.send_header("X-Frame-Options", "DENY")
        self.send_header("Referrer-Policy", "no-referrer")
        self.send_header("Cross-Origin-Resource-Policy", "same-origin")
        self.send_header("Cache-Control", "no-store")
        self.end_headers()

    def _send(self, reply: Reply) -> None:
        self._headers(reply.status, reply.kind, policy(reply), len(reply.body))
        if self.command != "HEAD":
            self.wfile.write(reply.body)

    def _plain(self, status: int, text: str) -> None:
        self._send(Reply(status, text.encode("utf-8"), False, "text/plain; charset=utf-8"))

    def _refused_method(self) -> None:
        self.send_response(405)
        self.send_header("Allow", "GET")
        self.send_header("Content-Type", "text/plain; charset=utf-8")
        self.send_header("Content-Length", "0")
        self.send_header("Content-Security-Policy", BARE_CSP)
        self.send_header("X-Content-Type-Options", "nosniff")
        self.end_headers()

    do_POST = do_PUT = do_DELETE = do_PATCH = do_HEAD = _refused_method
    do_OPTIONS = do_TRACE = do_CONNECT = _refused_method

    def do_GET(self) -> None:
        """Answer a GET (see the module's table)."""
        site = self._site()
        if not site.accepts(self.headers.get("Host")):
            self._plain(421, "Misdirected request: this server answers only to its own address\n")
            return
        url = urlsplit(self.path)
        query = parse_qs(url.query, errors="surrogateescape")
        if url.path == "/":
            self._send(site.index())
        elif url.path.startswith("/map/"):
            self._map(unquote(url.path[5:], errors="surrogateescape"), query)
        elif url.path == "/events":
            self._events(query)
        else:
            self._send(Reply(404, not_found_page(), False, "text/plain; charset=utf-8"))

    def _map(self, rel: str, query: dict[str, list[str]]) -> None:
        site = self._site()
        path = site.resolve(rel)
        if path is None:
            self._send(Reply(404, not_found_page(), False, "text/plain; charset=utf-8"))
            return
        self._send(site.map_page(rel, path, query.get("projection") == ["1"]))

    def _events(self, query: dict[str, list[str]]) -> None:
        site = self._site()
        since = query.get("since", [""])[0]
        rel = query.get("map", [None])[0]
        path = site.resolve(rel) if rel is not None else None
        if rel is not None and path is None:
            self._send(Reply(404, not_found_page(), False, "text/plain; charset=utf-8"))
            return

        def current() -> str:
            return stamp(path) if path is not None else site.index_stamp()

        if not site.streams.acquire(blocking=False):
            self._plain(503, "Too many pages are open: close some and reload this one\n")
            return
        try:
            self._headers(200, "text/event-stream; charset=utf-8", BARE_CSP, None)
            self._stream(site.changes, current, since)
        except OSError:
            pass  # the page went away (closed, reloaded) or the server stops
        finally:
            site.streams.release()

    def _stream(self, changes: Changes, current: Callable[[], str], since: str) -> None:
        """Write ``change`` events until the client leaves or the server stops."""
        self.wfile.write(b"retry: 1000\n\n")
        seen = changes.generation
        while not changes.stopped.is_set():
            now = current()
            if now != since:
                self.wfile.write(f"event: change\ndata: {now}\n\n".encode())
                since = now
            else:
                self.wfile.write(b": waiting\n\n")
            self.wfile.flush()
            seen = changes.wait(seen, KEEPALIVE)
