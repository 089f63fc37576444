"""Outputs are written atomically and never replace a device, a FIFO or a link."""

from __future__ import annotations

import os
import stat
import subprocess
import sys
import threading
from pathlib import Path

import pytest

from argmap.util.files import write_atomic

from conftest import ROOT, needs_dot

OP_ED = str(ROOT / "maps" / "two-michaels.yaml")


def null_device(folder: Path) -> Path:
    """A character device like /dev/null made inside ``folder`` (never the real one, so a
    regression cannot replace a device of the machine); the test fails without the right
    to make one (root, as in ``make test`` on CI)."""
    path = folder / "null"
    os.mknod(path, 0o666 | stat.S_IFCHR, os.makedev(1, 3))
    return path


def test_a_device_stays_a_device(tmp_path: Path, run_cli):
    device = null_device(tmp_path)
    write_atomic(device, b"nothing")
    assert stat.S_ISCHR(os.stat(device).st_mode)
    code, _, stderr = run_cli("stats", OP_ED, "-o", str(device))
    assert code == 0 and stderr == f"wrote {device}\n"
    assert stat.S_ISCHR(os.stat(device).st_mode)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["null"]


def test_a_link_to_a_device_is_written_through(tmp_path: Path):
    device = null_device(tmp_path)
    link = tmp_path / "out.svg"
    link.symlink_to(device)
    write_atomic(link, b"<svg/>")
    assert link.is_symlink() and os.readlink(link) == str(device)
    assert stat.S_ISCHR(os.stat(device).st_mode)


def test_a_link_to_a_file_keeps_the_link_and_replaces_the_file(tmp_path: Path):
    real = tmp_path / "real.txt"
    real.write_bytes(b"old")
    link = tmp_path / "link.txt"
    link.symlink_to(real)
    write_atomic(link, b"new")
    assert link.is_symlink() and real.read_bytes() == b"new"
    assert sorted(p.name for p in tmp_path.iterdir()) == ["link.txt", "real.txt"]


def test_a_fifo_is_written_in_place_for_its_reader(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    received: list[bytes] = []

    def read() -> None:
        with open(fifo, "rb") as handle:
            received.append(handle.read())

    reader = threading.Thread(target=read)
    reader.start()
    for _ in range(200):  # the reader opens the FIFO; until then there is none
        try:
            write_atomic(fifo, b"through the pipe")
            break
        except OSError:
            threading.Event().wait(0.01)
    reader.join(timeout=10)
    assert received == [b"through the pipe"]
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


def test_a_fifo_nobody_reads_is_refused_not_waited_for(tmp_path: Path):
    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    with pytest.raises(OSError) as info:
        write_atomic(fifo, b"x")
    assert info.value.filename == str(fifo)
    assert info.value.strerror == "cannot write: it is a FIFO that no process reads"
    assert stat.S_ISFIFO(os.stat(fifo).st_mode)


@pytest.mark.parametrize(
    ("name", "why"),
    [("sub/", "the name ends with a slash, like a folder's"), ("sub", "it is a folder")],
)
def test_folders_are_refused_by_name(tmp_path: Path, name: str, why: str):
    (tmp_path / "sub").mkdir()
    target = f"{tmp_path}/{name}"
    with pytest.raises(OSError) as info:
        write_atomic(target, b"x")
    assert (info.value.filename, info.value.strerror) == (target, f"cannot write: {why}")
    assert list((tmp_path / "sub").iterdir()) == []


def test_a_long_file_name_is_written(tmp_path: Path):
    target = tmp_path / ("n" * 250 + ".svg")
    write_atomic(target, b"<svg/>")
    assert target.read_bytes() == b"<svg/>"
    assert [p.name for p in tmp_path.iterdir()] == [target.name]


def test_a_regular_file_is_replaced_with_ordinary_permissions(tmp_path: Path):
    target = tmp_path / "a" / "b" / "out.txt"
    write_atomic(target, b"one")
    write_atomic(target, b"two")
    umask = os.umask(0)
    os.umask(umask)
    assert target.read_bytes() == b"two"
    assert stat.S_IMODE(target.stat().st_mode) == 0o666 & ~umask
    assert [p.name for p in target.parent.iterdir()] == ["out.txt"]


def _argmap(*args: str, stdout: object, stderr: object) -> int:
    """Run ``python -m argmap`` with the given streams; its exit code."""
    done = subprocess.run(
        [sys.executable, "-m", "argmap", *args], stdout=stdout, stderr=stderr, timeout=60
    )
    return done.returncode


def test_a_full_standard_output_is_named_and_exits_2(tmp_path: Path):
    err = tmp_path / "err.txt"
    with open("/dev/full", "wb") as full, err.open("wb") as handle:
        code = _argmap("stats", OP_ED, stdout=full, stderr=handle)
    assert code == 2
    assert err.read_text(encoding="utf-8") == (
        "argmap: standard output: cannot write: No space left on device\n"
    )


def test_a_full_standard_error_keeps_the_documented_exit_code(tmp_path: Path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n", encoding="utf-8")
    with open("/dev/full", "wb") as full:
        assert _argmap("check", str(bad), stdout=full, stderr=full) == 2
        assert _argmap("checks", stdout=subprocess.DEVNULL, stderr=full) == 0


def test_the_settings_file_and_pattern_files_are_never_outputs(tmp_path: Path, run_cli):
    (tmp_path / "sub").mkdir()
    (tmp_path / "pat").mkdir()
    settings = tmp_path / "pyproject.toml"
    settings.write_text("[tool.argmap]\nignore = []\n", encoding="utf-8")
    cues = tmp_path / "pat" / "cues.json"
    cues.write_text("{}\n", encoding="utf-8")
    amap = tmp_path / "sub" / "m.yaml"
    amap.write_text("claims:\n  T1: {kind: thesis, text: A}\n", encoding="utf-8")
    article = tmp_path / "a.txt"
    article.write_text("Cities should ban cars.\n", encoding="utf-8")
    code, _, stderr = run_cli("check", str(amap), "-o", str(settings))
    assert (code, stderr) == (
        2,
        f"argmap: {settings} is the settings file this command reads: "
        "write the output elsewhere\n",
    )
    code, _, stderr = run_cli(
        "draft",
        str(article),
        "--model",
        "blank",
        "--patterns",
        str(tmp_path / "pat"),
        "-o",
        str(cues),
    )
    assert (code, stderr) == (
        2,
        f"argmap: {cues} is a file this command reads: write the output elsewhere\n",
    )
    assert settings.read_text(encoding="utf-8") == "[tool.argmap]\nignore = []\n"
    assert cues.read_text(encoding="utf-8") == "{}\n"


@needs_dot
def test_several_outputs_are_written_all_or_none(tmp_path: Path, run_cli):
    from argmap.util.files import write_all

    first, folder = tmp_path / "ok.svg", tmp_path / "taken.svg"
    folder.mkdir()
    with pytest.raises(OSError) as info:
        write_all([(first, b"one"), (folder, b"two")])
    assert (info.value.filename, info.value.strerror) == (
        str(folder),
        "cannot write: it is a folder",
    )
    assert sorted(p.name for p in tmp_path.iterdir()) == ["taken.svg"]
    small = tmp_path / "m.yaml"
    small.write_text("claims:\n  T1: {kind: thesis, text: A}\n", encoding="utf-8")
    code, _, stderr = run_cli("render", str(small), "-o", str(first), "-o", str(folder))
    assert (code, stderr) == (2, f"argmap: {folder}: cannot write: it is a folder\n")
    assert sorted(p.name for p in tmp_path.iterdir()) == ["m.yaml", "taken.svg"]


def test_a_failing_device_or_fifo_leaves_the_regular_outputs_unwritten(tmp_path: Path):
    from argmap.util.files import write_all

    fifo = tmp_path / "pipe"
    os.mkfifo(fifo)
    first, last = tmp_path / "a.svg", tmp_path / "c.dot"
    with pytest.raises(OSError) as info:
        write_all([(first, b"one"), (fifo, b"two"), (last, b"three")])
    assert info.value.filename == str(fifo)
    assert sorted(p.name for p in tmp_path.iterdir()) == ["pipe"]
