"""Replays tests/fuzz/: every input that ever broke a reader keeps the promise, quickly."""

from __future__ import annotations

import time
from pathlib import Path

import pytest
from test_fuzz_readers import SEEDS, cli_keeps_promise, read_keeps_promise
from test_fuzz_roundtrip import round_trips

CORPUS = Path(__file__).resolve().parent / "fuzz"
#: Seconds one corpus input may take to read (each is at most 64 KiB).
BUDGET = 2.0


def _format(path: Path) -> str:
    name = path.name
    return max(
        (f for f, (end, _) in SEEDS.items() if name.endswith(end)), key=lambda f: len(SEEDS[f][0])
    )


INPUTS = sorted(p for p in CORPUS.iterdir() if p.name != "README.md")


def test_the_corpus_is_not_empty():
    assert INPUTS


@pytest.mark.parametrize("path", INPUTS, ids=lambda p: p.name)
def test_corpus_input_keeps_the_promise(path: Path, tmp_path: Path):
    start = time.perf_counter()
    read_keeps_promise(path, _format(path))
    elapsed = time.perf_counter() - start
    assert elapsed < BUDGET, f"{path.name} took {elapsed:.1f} s to read"
    cli_keeps_promise("convert", str(path), str(tmp_path / "out.yaml"))


@pytest.mark.parametrize(
    "path", [p for p in INPUTS if p.name.startswith("roundtrip-")], ids=lambda p: p.name
)
def test_corpus_map_round_trips(path: Path):
    round_trips(path.read_text(encoding="utf-8"))
