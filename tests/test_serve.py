"""``argmap serve``: a real server on a free port in a thread, asked over HTTP.

What it lists and serves (and never: files outside the folder, through ``..``,
absolute paths or links), whom it answers (its own Host only), what it lets
through (GET only), that map text is escaped on its own pages, that a saved
file reaches an open event stream, and the command's start and Ctrl-C.
"""

from __future__ import annotations

import http.client
import os
import queue
import re
import signal
import socket
import subprocess
import sys
import threading
import time
from pathlib import Path

import pytest
from test_interrupt import default_sigint

from argmap.server.app import MapServer, host_allowed

from conftest import ROOT, needs_dot

GOOD = """\
title: Phones in class
claims:
  T1: {kind: thesis, text: Phones should stay in bags during lessons.}
  P1: {kind: premise, text: Notifications break attention., supports: T1}
  O1: {kind: objection, text: Phones help look things up., attacks: T1}
"""
SECOND = """\
claims:
  T1: {kind: thesis, text: Uniforms save families money.}
"""
BROKEN = """\
title: Broken
claims:
  T1: {kind: thesis, text: Fine.}
  P1: {kind: premise, text: Points nowhere., supports: T9}
"""
HOSTILE = "</script><script>window.pwned=1</script><img src=x onerror=alert(1)>"


def write(path: Path, text: str) -> Path:
    path.parent.mkdir(parents=True, exist_ok=True)
    path.write_text(text, encoding="utf-8")
    return path


@pytest.fixture
def folder(tmp_path: Path) -> Path:
    """maps/ with two good maps (one in a sub-folder), a broken one, a hidden folder, a
    file that is no map, a link leading out and a secret beside the folder."""
    root = tmp_path / "maps"
    write(root / "phones.yaml", GOOD)
    write(root / "sub" / "uniforms.yml", SECOND)
    write(root / "broken.yaml", BROKEN)
    write(root / ".hidden" / "h.yaml", SECOND)
    write(root / "notes.txt", "not a map")
    write(tmp_path / "secret.yaml", SECOND)
    (root / "out.yaml").symlink_to(tmp_path / "secret.yaml")
    (root / "outdir").symlink_to(tmp_path, target_is_directory=True)
    return root


class Running:
    """A :class:`MapServer` serving in a thread, with its watcher."""

    def __init__(self, folder: str, host: str = "127.0.0.1") -> None:
        # as `argmap serve` does: a closed connection is an error, not the process's end
        # (the in-process CLI tests leave SIGPIPE at its default, which kills)
        signal.signal(signal.SIGPIPE, signal.SIG_IGN)
        self.server = MapServer(folder, host, 0)
        self.warnings: list[str] = []
        self.watcher = self.server.watch(self.warnings.append)
        self.thread = threading.Thread(
            target=self.server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )
        self.thread.start()
        self.port = self.server.port
        self.url = self.server.url

    def get(self, path: str, host: str | None = None, method: str = "GET"):
        """(status, headers, body) of one request with the given Host header."""
        conn = http.client.HTTPConnection("127.0.0.1", self.port, timeout=10)
        conn.putrequest(method, path, skip_host=True, skip_accept_encoding=True)
        conn.putheader("Host", host if host is not None else f"127.0.0.1:{self.port}")
        conn.endheaders()
        resp = conn.getresponse()
        body = resp.read()
        conn.close()
        return resp.status, dict(resp.getheaders()), body.decode("utf-8", "replace")

    def close(self) -> None:
        self.server.shutdown()
        self.server.stop()
        self.thread.join(5)
        self.watcher.join(5)
        assert not self.thread.is_alive() and not self.watcher.is_alive()


@pytest.fixture
def running(folder: Path):
    run = Running(str(folder))
    yield run
    run.close()


def test_index_lists_the_maps_sorted_with_title_claims_and_broken_marked(running):
    status, headers, body = running.get("/")
    assert status == 200
    links = re.findall(r'<a href="(/map/[^"?]*)">', body)
    assert links == ["/map/broken.yaml", "/map/phones.yaml", "/map/sub/uniforms.yml"]
    assert re.search(r"phones\.yaml</a></td><td>Phones in class</td><td[^>]*>3</td>", body)
    assert re.search(r"uniforms\.yml</a></td><td>uniforms</td><td[^>]*>1</td>", body)
    broken = re.search(r'<tr class="am-broken">.*?</tr>', body)
    assert broken and "cannot be read:" in broken.group(0)
    assert re.search(r"broken\.yaml:4:\d+: error AM000", broken.group(0))
    for absent in ("h.yaml", "notes.txt", "out.yaml", "secret", "outdir"):
        assert absent not in body
    assert headers["X-Content-Type-Options"] == "nosniff"
    assert "script-src 'sha256-" in headers["Content-Security-Policy"]
    assert "frame-ancestors 'none'" in headers["Content-Security-Policy"]


@needs_dot
def test_a_map_page_is_the_interactive_page_with_the_live_script(running):
    status, headers, body = running.get("/map/phones.yaml")
    assert status == 200
    assert '<script type="application/json" id="am-data">' in body
    assert "Phones should stay in bags during lessons." in body
    assert "new EventSource" in body and "/events?since=" in body and "map=phones.yaml" in body
    meta = re.search(r'http-equiv="Content-Security-Policy" content="([^"]*)"', body)
    assert meta
    policy = meta.group(1).replace("&#x27;", "'")
    assert headers["Content-Security-Policy"] == policy + "; frame-ancestors 'none'"
    assert len(re.findall(r"'sha256-", policy)) == 2 and "connect-src 'self'" in policy
    assert headers["X-Content-Type-Options"] == "nosniff"
    projected = running.get("/map/sub/uniforms.yml?projection=1")[2]
    assert ".am-side, .am-help" in projected and "am-projection" in projected


@pytest.mark.parametrize(
    "path",
    [
        "/map/../secret.yaml",
        "/map/%2e%2e/secret.yaml",
        "/map/sub/../../secret.yaml",
        "/map/sub/%2E%2E/phones.yaml",
        "/map//etc/passwd",
        "/map/%2Fetc%2Fpasswd",
        "/map/" + "%2F" + "tmp%2Fsecret.yaml",
        "/map/out.yaml",  # a link leading out of the folder
        "/map/outdir/secret.yaml",  # through a linked folder
        "/map/outdir/maps/phones.yaml",  # a linked folder, even back inside
        "/map/.hidden/h.yaml",
        "/map/notes.txt",
        "/map/sub\\..\\phones.yaml",
        "/map/phones.yaml%00.txt",
        "/map/",
        "/pyproject.toml",
        "/secret.yaml",
        "/../secret.yaml",
        "/events?map=../secret.yaml&since=x",
    ],
)
def test_nothing_outside_the_listed_maps_is_served(running, path):
    status, headers, body = running.get(path)
    assert status == 404, (path, status)
    assert "Uniforms" not in body and "secret" not in body


@pytest.mark.parametrize(
    "host",
    ["evil.example", "evil.example:{port}", "localhost:1", "127.0.0.1", "127.0.0.1:{port}0", ""],
)
def test_a_request_for_another_host_is_refused(running, host):
    status, _, body = running.get("/", host=host.format(port=running.port))
    assert status == 421 and "<table>" not in body and "phones" not in body


def test_its_own_names_are_answered(running):
    for name in ("127.0.0.1", "localhost", "LOCALHOST"):
        assert running.get("/", host=f"{name}:{running.port}")[0] == 200


def test_host_allowed():
    names = frozenset({"localhost", "class.local"})
    assert host_allowed("class.local:8000", 8000, names)
    assert host_allowed("[::1]:8000", 8000, names)
    assert host_allowed("192.168.1.20:8000", 8000, names)
    assert host_allowed("localhost", 80, names)
    assert not host_allowed("localhost", 8000, names)
    assert not host_allowed("rebind.attacker.example:8000", 8000, names)
    assert not host_allowed("127.0.0.1.nip.io:8000", 8000, names)
    assert not host_allowed("[::1]x:8000", 8000, names)
    assert not host_allowed(None, 8000, names)


@pytest.mark.parametrize("method", ["POST", "PUT", "DELETE", "PATCH", "HEAD", "OPTIONS"])
def test_only_get(running, method):
    status, headers, _ = running.get("/", method=method)
    assert status == 405 and headers["Allow"] == "GET"


def test_hostile_text_is_escaped_in_the_index_and_the_error_page(tmp_path):
    root = tmp_path / "m"
    write(root / "a.yaml", f"title: '{HOSTILE}'\nclaims:\n  T1: {{kind: thesis, text: x}}\n")
    write(root / "b.yaml", f"claims:\n  T1: {{kind: thesis, text: x, '{HOSTILE}': 1}}\n")
    write(root / "<img src=x onerror=alert(1)>.yaml", SECOND)
    run = Running(str(root))
    try:
        index = run.get("/")[2]
        error = run.get("/map/b.yaml")
    finally:
        run.close()
    for body in (index, error[2]):
        assert "<script>window" not in body and "<img src=x" not in body
    assert "&lt;/script&gt;&lt;script&gt;window.pwned=1" in index
    assert "&lt;img src=x onerror=alert(1)&gt;.yaml" in index
    assert error[0] == 422
    assert re.search(r"b\.yaml:2:\d+: error AM000 invalid-map: .*&lt;/script&gt;", error[2])


@needs_dot
def test_a_broken_map_shows_its_errors_and_recovers(running, folder):
    status, _, body = running.get("/map/broken.yaml")
    assert status == 422
    line = re.search(r"^(\S*broken\.yaml):(\d+):(\d+): error AM000 invalid-map: (.*)", body, re.M)
    assert line and line.group(2) == "4" and "T9" in line.group(4)
    assert line.group(1) == str(folder / "broken.yaml")  # as `argmap check` names it
    assert "new EventSource" in body  # the error page redraws itself too
    write(folder / "broken.yaml", BROKEN.replace("T9", "T1"))
    status, _, body = running.get("/map/broken.yaml")
    assert status == 200 and 'id="am-data"' in body


class Events:
    """An open ``/events`` stream read by a thread; :meth:`next` gives the data of the
    next ``change`` event (None when none comes in time or the stream ended)."""

    def __init__(self, run: Running, query: str) -> None:
        self.sock = socket.create_connection(("127.0.0.1", run.port), timeout=10)
        request = f"GET /events?{query} HTTP/1.1\r\nHost: localhost:{run.port}\r\n\r\n"
        self.sock.sendall(request.encode())
        self.queue: queue.Queue[str | None] = queue.Queue()
        self.reader = threading.Thread(target=self._read, daemon=True)
        self.reader.start()

    def _read(self) -> None:
        event = False
        try:
            with self.sock.makefile("rb") as stream:
                for line in stream:
                    text = line.decode().rstrip("\n")
                    if text == "event: change":
                        event = True
                    elif event and text.startswith("data: "):
                        self.queue.put(text[6:])
                        event = False
        except OSError:
            pass
        self.queue.put(None)  # the stream ended

    def next(self, timeout: float) -> str | None:
        try:
            return self.queue.get(timeout=timeout)
        except queue.Empty:
            return None

    def close(self) -> None:
        self.sock.close()


def test_a_saved_map_reaches_its_event_stream_within_2_s(running, folder):
    from argmap.server.files import stamp

    path = folder / "phones.yaml"
    events = Events(running, f"map=phones.yaml&since={stamp(path)}")
    try:
        assert events.next(0.5) is None  # nothing changed yet
        saved = time.monotonic()
        write(path, GOOD + "  P2: {kind: premise, text: New., supports: T1}\n")
        data = events.next(5)
        took = time.monotonic() - saved
        assert data == stamp(path) and took < 2.0, took
    finally:
        events.close()


def test_the_index_stream_tells_of_a_new_map(running, folder):
    events = Events(running, f"since={running.server.index_stamp()}")
    try:
        assert events.next(0.3) is None
        write(folder / "sub" / "new.yaml", SECOND)
        assert events.next(5) is not None
    finally:
        events.close()


def test_stopping_ends_the_event_streams_and_the_watcher(folder):
    run = Running(str(folder))
    events = Events(run, "map=phones.yaml&since=stale")
    assert events.next(2) is not None  # a stale stamp: told at once
    started = time.monotonic()
    run.close()  # joins the serving thread and the watcher (asserts they ended)
    events.reader.join(3)
    assert not events.reader.is_alive()  # the stream ended: the server closed it
    assert events.next(0) is None and time.monotonic() - started < 3
    events.close()


def start_cli(*args: str) -> tuple[subprocess.Popen, str]:
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    proc = subprocess.Popen(
        [sys.executable, "-m", "argmap", "serve", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.PIPE,
        text=True,
        env=env,
        preexec_fn=default_sigint,  # a shell running the tests in the background ignores it
    )
    assert proc.stdout is not None
    return proc, proc.stdout.readline()


def test_the_command_prints_its_address_and_stops_cleanly_on_ctrl_c(folder):
    proc, first = start_cli(str(folder), "--port", "0")
    try:
        where = re.escape(f"{folder}/")
        found = re.fullmatch(
            rf"serving {where} at http://127\.0\.0\.1:(\d+)/ \(Ctrl-C to stop\)\n", first
        )
        assert found, first
        port = int(found.group(1))
        # a page that goes away while the server writes to it does not end the server
        events = socket.create_connection(("127.0.0.1", port), timeout=10)
        events.sendall(f"GET /events?since=x HTTP/1.1\r\nHost: localhost:{port}\r\n\r\n".encode())
        got = b""
        while not got.endswith(b"\n\n") or b"event: change" not in got:
            got += events.recv(1000)  # all it sends, so closing sends FIN, not RST
        assert got.startswith(b"HTTP/1.0 200")
        events.close()
        for n in range(3):
            write(folder / f"new{n}.yaml", SECOND)
            time.sleep(0.5)
        conn = http.client.HTTPConnection("127.0.0.1", port, timeout=10)
        conn.request("GET", "/")
        assert conn.getresponse().status == 200
        conn.close()
        assert proc.poll() is None
    finally:
        proc.send_signal(signal.SIGINT)
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 0, err
    assert "Traceback" not in err and "stopped" in out


def test_a_port_in_use_is_a_clear_error(folder):
    with socket.socket() as busy:
        busy.bind(("127.0.0.1", 0))
        busy.listen()
        port = busy.getsockname()[1]
        proc, _ = start_cli(str(folder), "--port", str(port))
        out, err = proc.communicate(timeout=10)
    assert proc.returncode == 2
    assert f"port {port} on 127.0.0.1 is in use" in err and "Traceback" not in err


def test_a_missing_folder_is_a_usage_error(run_cli, tmp_path):
    code, _, err = run_cli("serve", str(tmp_path / "nowhere"))
    assert code == 2 and "does not exist" in err


def test_one_map_file_serves_that_map_alone(folder):
    run = Running(str(folder / "phones.yaml"))
    try:
        body = run.get("/")[2]
        assert re.findall(r'<a href="(/map/[^"?]*)">', body) == ["/map/phones.yaml"]
        assert run.get("/map/broken.yaml")[0] == 404
    finally:
        run.close()


@needs_dot
def test_the_addon_joins_the_page_and_its_policy_only():
    from argmap.render.html.addon import PageAddon, add_to_page, script_hash
    from argmap.render.html.page import render_html

    from conftest import make_map

    page = render_html(make_map(GOOD, "phones.yaml"))
    script = "console.log(1)"
    added = add_to_page(page, PageAddon(script=script, css=".x{color:red}"))
    assert added.count(b"<script>console.log(1)</script>") == 1
    assert added.index(b".x{color:red}</style>") < added.index(b"</head>")
    assert added.rstrip().endswith(b"<script>console.log(1)</script>\n</body>\n</html>")
    policy = re.search(rb'Content-Security-Policy" content="([^"]*)"', added)
    assert policy and f"script-src {script_hash(script)} 'sha256-".encode() in policy.group(1)
    assert policy.group(1).endswith(b"; connect-src 'self'")
    # nothing else changes: taking the additions out gives the page back
    undone = added.replace(b".x{color:red}", b"")
    undone = undone.replace(b"<script>console.log(1)</script>\n", b"")
    undone = undone.replace(f"{script_hash(script)} ".encode(), b"")
    assert undone.replace(b"; connect-src 'self'", b"") == page
    with pytest.raises(ValueError, match="closing script"):
        add_to_page(page, PageAddon(script="x</script>"))
    with pytest.raises(ValueError, match="not an interactive page"):
        add_to_page(b"<html></html>", PageAddon(script="x"))
