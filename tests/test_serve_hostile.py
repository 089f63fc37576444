"""``argmap serve`` under abusive clients: many event streams and many idle
connections hold a bounded number of threads, and the server keeps answering."""

from __future__ import annotations

import socket
import threading
import time
from pathlib import Path

import pytest
from test_serve import Running, write

from argmap.server import app

MAP = "claims:\n  T1: {kind: thesis, text: Phones should be banned.}\n"


@pytest.fixture
def small(tmp_path: Path, monkeypatch):
    monkeypatch.setattr(app, "MAX_CONNECTIONS", 12)
    monkeypatch.setattr(app, "MAX_STREAMS", 4)
    write(tmp_path / "maps" / "a.yaml", MAP)
    run = Running(str(tmp_path / "maps"))
    yield run
    run.close()


def _open(port: int, request: bytes) -> socket.socket:
    sock = socket.create_connection(("127.0.0.1", port), timeout=5)
    sock.sendall(request)
    return sock


def _status(sock: socket.socket) -> str:
    return sock.recv(64).split(b"\r\n")[0].decode().split(" ", 1)[1]


def test_event_streams_and_idle_connections_are_bounded(small):
    host = f"Host: 127.0.0.1:{small.port}\r\n".encode()
    before = threading.active_count()
    streams = [
        _open(small.port, b"GET /events?map=a.yaml&since=x HTTP/1.1\r\n" + host + b"\r\n")
        for _ in range(6)
    ]
    statuses = sorted(_status(s) for s in streams)
    assert statuses == ["200 OK"] * 4 + ["503 Service Unavailable"] * 2
    idle = [_open(small.port, b"GET / HTTP/1.1\r\n" + host) for _ in range(40)]  # never ends
    time.sleep(0.3)
    assert threading.active_count() - before <= 12
    refused = _open(small.port, b"GET / HTTP/1.1\r\n" + host + b"\r\n")
    assert _status(refused) == "503 Service Unavailable"
    for sock in idle + streams + [refused]:
        sock.close()
    deadline = time.monotonic() + 5
    while time.monotonic() < deadline:
        status, _, _ = small.get("/")
        if status == 200:
            break
        time.sleep(0.1)
    assert status == 200
