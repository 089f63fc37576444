"""--executor dask: the per-map jobs of a batch on a local Dask cluster of two worker
processes give what -j 1 gives; a scheduler that cannot be reached is exit 2."""

from __future__ import annotations

import json
import os
import socket

import pytest

from conftest import ROOT, needs_dot

MAPS = ROOT / "maps"


@pytest.fixture(scope="module")
def scheduler():
    """The address of a local cluster: two worker processes, one thread each."""
    distributed = pytest.importorskip("distributed")
    os.environ.setdefault("PYTHONPATH", str(ROOT / "src"))  # the workers import argmap
    with distributed.LocalCluster(
        n_workers=2,
        threads_per_worker=1,
        processes=True,
        dashboard_address=None,
        silence_logs=40,
    ) as cluster:
        yield cluster.scheduler_address


@needs_dot
def test_dask_workers_do_the_jobs(run_cli, scheduler, tmp_path):
    at = ("--executor", "dask", "--scheduler", scheduler)
    code, out, err = run_cli("check", str(MAPS), *at, "--format", "jsonl")
    lines = [json.loads(line) for line in out.splitlines()]
    local = run_cli("check", str(MAPS), "--format", "jsonl")
    assert [line["file"] for line in lines] == sorted(str(p) for p in MAPS.glob("*.yaml"))
    assert code == local[0] == 1  # the flawed teaching maps
    assert [(x["file"], x["findings"]) for x in lines] == [
        (x["file"], x["findings"]) for x in map(json.loads, local[1].splitlines())
    ]
    assert os.getpid() not in {line["pid"] for line in lines}  # done on the workers
    assert len({line["pid"] for line in lines}) == 2  # both workers took maps
    code, _, err = run_cli("render", str(MAPS), *at, "--outdir", str(tmp_path / "d"))
    assert code == 0, err
    assert run_cli("render", str(MAPS), "--outdir", str(tmp_path / "p"))[0] == 0
    drawn = {p.name: p.read_bytes() for p in (tmp_path / "d").iterdir()}
    assert drawn == {p.name: p.read_bytes() for p in (tmp_path / "p").iterdir()}
    assert len(drawn) == 12


def test_an_unreachable_scheduler_is_exit_2(run_cli, monkeypatch):
    pytest.importorskip("distributed")
    from argmap.cli import batch_dask

    monkeypatch.setattr(batch_dask, "CONNECT_TIMEOUT", 0.5)
    code, out, err = run_cli(
        "stats", str(MAPS), "--executor", "dask", "--scheduler", "tcp://127.0.0.1:9"
    )
    assert code == 2 and "cannot reach the Dask scheduler at tcp://127.0.0.1:9" in err and not out


def test_dask_missing_is_exit_2(run_cli, monkeypatch):
    import sys

    monkeypatch.setitem(sys.modules, "distributed", None)  # import fails
    code, _, err = run_cli("stats", str(MAPS), "--executor", "dask", "--scheduler", "tcp://h:1")
    assert code == 2 and "pip install 'argmap[dask]'" in err


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--executor", "dask"), "--executor dask needs --scheduler"),
        (("--scheduler", "tcp://h:1"), "add --executor dask"),
    ],
)
def test_dask_options_go_together(run_cli, args, message):
    code, _, err = run_cli("check", str(MAPS), *args)
    assert code == 2 and message in err


def _peer(reply: bytes) -> tuple[str, socket.socket]:
    """A TCP peer on localhost that accepts connections and sends ``reply`` (nothing
    when empty) then stays silent: (its tcp:// address, the socket to close)."""
    import threading

    server = socket.socket()
    server.bind(("127.0.0.1", 0))
    server.listen(8)
    held = []

    def serve() -> None:
        while True:
            try:
                conn, _ = server.accept()
            except OSError:
                return
            held.append(conn)
            if reply:
                conn.sendall(reply)

    threading.Thread(target=serve, daemon=True).start()
    return f"tcp://127.0.0.1:{server.getsockname()[1]}", server


@pytest.mark.parametrize(
    ("reply", "said"),
    [(b"", "no answer in time"), (b"\xff" * 64, "")],
)
def test_a_peer_that_is_not_a_scheduler_is_exit_2(run_cli, monkeypatch, reply, said):
    """Silent after accepting (Dask's timeout covers only the connection), or
    answering garbage (which Dask may read as a length of exabytes): exit 2, soon."""
    pytest.importorskip("distributed")
    from argmap.cli import batch_dask

    monkeypatch.setattr(batch_dask, "CONNECT_TIMEOUT", 1)
    monkeypatch.setattr(batch_dask, "GRACE", 1)
    address, server = _peer(reply)
    try:
        code, out, err = run_cli("stats", str(MAPS), "--executor", "dask", "--scheduler", address)
    finally:
        server.close()
    assert code == 2 and not out, err
    assert f"cannot reach the Dask scheduler at {address}: {said}" in err
