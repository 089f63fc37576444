"""Fuzzing every reader with mutated bytes: a map, or findings with positions, never a crash.

The promise for any input file: reading it gives a map (and every writer then
works on it), or a MapLoadError whose findings each name the file, a line and a
column, or a UsageError (a format that cannot be told). Never another
exception; through the command line, never exit code 70 (an internal error).

Inputs start from the fixture maps and maps/ and are mutated byte by byte
(insertions, deletions, flipped bits, structure characters, control
characters, repeats up to a bounded size). The ``ci`` profile of
tests/conftest.py fixes the number of examples for ``make test``; ``make fuzz``
runs the ``fuzz`` profile. Inputs that ever failed live in tests/fuzz/ and are
replayed by tests/test_fuzz_corpus.py.
"""

from __future__ import annotations

import contextlib
import io
from pathlib import Path

import pytest
from hypothesis import given
from hypothesis import strategies as st

from argmap.cli.app import main
from argmap.errors import MapLoadError, UsageError
from argmap.io.formats import FORMATS, read_input
from argmap.io.yaml.reader import loads_map
from argmap.io.yaml.writer import dump_map

from conftest import FIXTURES, ROOT

#: The largest mutated input (bytes): big enough for repeats, small enough to stay fast.
MAX_BYTES = 64 * 1024

#: Seed files per format, with the name ending that tells the format.
SEEDS: dict[str, tuple[str, list[Path]]] = {
    "argmap": (
        ".yaml",
        sorted((ROOT / "maps").glob("*.yaml"))
        + sorted((FIXTURES / "valid").glob("*.yaml"))
        + sorted((FIXTURES / "invalid").glob("*.yaml")),
    ),
    "json": (".json", []),
    "aif": (".aif.json", sorted((FIXTURES / "interchange").glob("*.aif.json"))),
    "argdown": (".argdown", sorted((FIXTURES / "interchange").glob("*.argdown"))),
    "kialo": (".txt", []),
}
KIALO_SEED = b"""Discussion Title: Cities should be car-free

1. Cities should be car-free.
1.1. Pro: Cars pollute the air [see](https://example.org/air).
1.1.1. Con: Electric cars do not.
1.2. Con: Deliveries need streets.
1.2.1. -> See 1.1.
"""
STRUCTURE = [
    b":",
    b"-",
    b"- ",
    b"[",
    b"]",
    b"{",
    b"}",
    b",",
    b'"',
    b"'",
    b"#",
    b"&a",
    b"*a",
    b"!!",
    b"!x",
    b"<<: ",
    b"\n",
    b"\n  ",
    b"  ",
    b"\t",
    b"|",
    b">",
    b"---\n",
    b"...\n",
    b"%YAML 1.1\n",
    b"<",
    b">",
    b"+>",
    b"<-",
    b"_>",
    b"(1)",
    b"----",
    b"@include ",
    b"[a]: ",
    b"<A>: ",
    b"\\",
    b"1.1. Pro: ",
    b"-> See 1.",
    b'"nodeID"',
    b'"edges"',
    b'"fromID": 1',
    b"null",
    b"1e999",
    b"%%{init: {}}%%",
    b"javascript:x",
    b"https://]x",
    b"\xef\xbb\xbf",
    b"\r\n",
    b"\r",
    b"supports: ",
    b"attacks: ",
    b"undercuts: ",
    b"kind: thesis",
    b"text: ",
]
CONTROL = [bytes([c]) for c in (*range(0, 32), 127)] + [
    "\u0085".encode(),
    "\u2028".encode(),
    "\u202e".encode(),
    "\ufeff".encode(),
    b"\xc3",
    b"\xff",
]


def _seed_bytes() -> dict[str, list[bytes]]:
    seeds = {fmt: [p.read_bytes() for p in paths] for fmt, (_, paths) in SEEDS.items()}
    seeds["kialo"].append(KIALO_SEED)
    seeds["json"].append(b'{"version": 1, "claims": {"T": {"kind": "thesis", "text": "t"}}}')
    return seeds


SEED_BYTES = _seed_bytes()


@st.composite
def mutation(draw: st.DrawFn, data: bytes) -> bytes:
    """One edit of ``data``: an insertion, a deletion, a flipped bit or a bounded repeat."""
    at = draw(st.integers(0, len(data)))
    kind = draw(st.sampled_from(["insert", "control", "delete", "flip", "repeat", "random"]))
    if kind == "insert":
        return data[:at] + draw(st.sampled_from(STRUCTURE)) + data[at:]
    if kind == "control":
        return data[:at] + draw(st.sampled_from(CONTROL)) + data[at:]
    if kind == "random":
        return data[:at] + draw(st.binary(min_size=1, max_size=16)) + data[at:]
    end = draw(st.integers(at, min(len(data), at + 64)))
    if kind == "delete":
        return data[:at] + data[end:]
    if kind == "flip" and at < len(data):
        bit = 1 << draw(st.integers(0, 7))
        return data[:at] + bytes([data[at] ^ bit]) + data[at + 1 :]
    times = draw(st.integers(2, 2000))
    repeated = data[at:end] * times
    return data[:at] + repeated[: MAX_BYTES - len(data)] + data[end:]


@st.composite
def mutated(draw: st.DrawFn, fmt: str) -> bytes:
    """A seed of format ``fmt`` after one to eight mutations."""
    data = draw(st.sampled_from(SEED_BYTES[fmt]))
    for _ in range(draw(st.integers(1, 8))):
        data = draw(mutation(data))[:MAX_BYTES]
    return data


def input_file(folder: Path, fmt: str, data: bytes) -> Path:
    """``data`` in a file whose name tells format ``fmt``."""
    path = folder / f"input{SEEDS[fmt][0]}"
    path.write_bytes(data)
    return path


def positioned(error: MapLoadError, path: Path) -> None:
    """Assert the promise for a refusal: findings, each at the file, a line and a column."""
    assert error.findings
    for finding in error.findings:
        assert finding.file == str(path), finding
        assert finding.line >= 1 and finding.column >= 1, finding


def read_keeps_promise(path: Path, fmt: str | None) -> None:
    """Read ``path`` as ``fmt`` (None: detect); a map goes through every writer, and
    its YAML is a map the YAML reader accepts (convert never writes what check refuses)."""
    try:
        _, imported = read_input(str(path), fmt)
    except MapLoadError as error:
        positioned(error, path)
        return
    except UsageError as error:
        assert str(error)
        return
    for form in FORMATS.values():
        if form.write is not None:
            assert form.write(imported.map).text
    written = dump_map(imported.map)
    try:
        loads_map(written, "converted.yaml")
    except MapLoadError as error:
        raise AssertionError(f"{path} converts to a map argmap refuses: {error}") from None


def cli_keeps_promise(*args: str) -> tuple[int, str]:
    """Run ``argmap ARGS`` in-process; assert no internal error; (exit code, stderr)."""
    out, err = io.StringIO(), io.StringIO()
    with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
        try:
            main(list(args))
            code = 0
        except SystemExit as exc:
            code = exc.code if isinstance(exc.code, int) else 2
    message = err.getvalue()
    assert code in (0, 1, 2), (code, message)
    assert "Traceback" not in message and "internal error" not in message, message
    return code, message


@pytest.fixture(scope="module")
def folder(tmp_path_factory: pytest.TempPathFactory) -> Path:
    return tmp_path_factory.mktemp("fuzz")


@pytest.mark.parametrize("fmt", sorted(SEEDS))
def test_mutated_input_through_the_readers(fmt: str, folder: Path):
    @given(mutated(fmt))
    def run(data: bytes) -> None:
        read_keeps_promise(input_file(folder, fmt, data), fmt)

    run()


@given(st.sampled_from(sorted(SEEDS)).flatmap(lambda f: st.tuples(st.just(f), mutated(f))))
def test_mutated_input_detected_by_name(folder: Path, case: tuple[str, bytes]):
    fmt, data = case
    read_keeps_promise(input_file(folder, fmt, data), None)


@given(st.binary(max_size=2048), st.sampled_from(sorted(SEEDS)))
def test_random_bytes_through_the_readers(folder: Path, data: bytes, fmt: str):
    read_keeps_promise(input_file(folder, fmt, data), fmt)


@given(st.sampled_from(sorted(SEEDS)).flatmap(lambda f: st.tuples(st.just(f), mutated(f))))
def test_mutated_input_through_the_command_line(folder: Path, case: tuple[str, bytes]):
    fmt, data = case
    path = input_file(folder, fmt, data)
    code, message = cli_keeps_promise("convert", str(path), str(folder / "out.yaml"))
    if code == 2 and str(path) in message:
        assert f"{path}:" in message
    if fmt == "argmap":
        cli_keeps_promise("check", str(path))
