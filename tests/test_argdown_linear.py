"""Reading Argdown takes time linear in the input, whatever the input holds.

Each input below once made the reader rescan the rest of the line or file at
every character (an unclosed ``{``, ``[``, ``[a](`` or ``#(``, a title that
never closes, thousands of data blocks or relations). At a megabyte a
quadratic reader needs hours; a linear one a second or two. The inputs are
read in a subprocess that is stopped after 60 seconds, which only a quadratic
reader can reach, so no assertion depends on the speed of the machine.
"""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import textwrap
import time
from pathlib import Path

import pytest

MB = 1_000_000

SCRIPT = textwrap.dedent(
    """
    from argmap.errors import MapLoadError
    from argmap.io.argdown.reader import loads_argdown

    MB = 1_000_000
    CASES = {
        "unclosed data": "[T]: " + "{" * MB,
        "unclosed links": "[a](" * (MB // 4),
        "mentions": "@[" * (MB // 2),
        "brackets": "[" * MB,
        "unclosed bracketed tags": "[T]: x" + " #(" * (MB // 3),
        "unclosed title": "[" + "a" * MB,
        "unclosed argument title": "<" + "a" * MB,
        "data blocks on one line": "[T]: x " + "{}" * (MB // 20),
        "data blocks on many lines": "".join(
            f"[c{k}]: x {{kind: premise}}\\n" for k in range(MB // 100)
        ),
        "relations of one claim": "[T]: t\\n" + "  + [a]\\n" * (MB // 16),
        "inference lines": "(1) a\\n" + "----\\n(2) b\\n" * (MB // 12),
        "tags of one claim": "[T]: t\\n\\n" + "".join(f"[T] #t{k}\\n\\n" for k in range(MB // 20)),
    }
    for name, text in CASES.items():
        try:
            loads_argdown(text)
        except MapLoadError:
            pass
        print(name, len(text), flush=True)
    """
)


def test_pathological_inputs_are_read_in_linear_time():
    env = dict(os.environ, PYTHONPATH=str(Path(__file__).parents[1] / "src"))
    try:
        result = subprocess.run(
            [sys.executable, "-c", SCRIPT],
            capture_output=True,
            text=True,
            timeout=60,
            env=env,
            check=False,
        )
    except subprocess.TimeoutExpired as exc:
        done = exc.stdout.decode() if isinstance(exc.stdout, bytes) else exc.stdout
        pytest.fail(f"reading took over 60 s (quadratic?); inputs read: {done!r}")
    assert result.returncode == 0, result.stderr
    names = [line.rsplit(" ", 1)[0] for line in result.stdout.splitlines()]
    assert len(names) == 12
    sizes = [int(line.rsplit(" ", 1)[1]) for line in result.stdout.splitlines()]
    assert min(sizes) >= MB // 10


#: Hostile inputs of ``n`` characters (about): unclosed braces, links, brackets,
#: angle brackets, comment starts, and the same on many lines and in Markdown.
HOSTILE = {
    "braces": lambda n: "{" * n,
    "unclosed links": lambda n: "[a](" * (n // 4),
    "brackets": lambda n: "[" * n,
    "angle brackets": lambda n: "<" * n,
    "comment starts": lambda n: "//" * (n // 2),
    "all of them": lambda n: "[<//{" * (n // 5),
    "a bracket per line": lambda n: "[\n" * (n // 2),
    "relations to unclosed titles": lambda n: "[T]: t\n" + "  + [\n" * (n // 6),
    "markdown fences": lambda n: "```argdown\n[a](\n" * (n // 16),
}


def _seconds(text: str, markdown: bool) -> float:
    from argmap.errors import MapLoadError
    from argmap.io.argdown.markdown import loads_argdown_markdown
    from argmap.io.argdown.reader import loads_argdown

    best = float("inf")
    gc.collect()
    gc.disable()  # the reader's own work, not when Python's collector happens to run
    try:
        for _ in range(3):
            start = time.perf_counter()
            try:
                (loads_argdown_markdown if markdown else loads_argdown)(text)
            except MapLoadError:
                pass
            best = min(best, time.perf_counter() - start)
    finally:
        gc.enable()
    return best


@pytest.mark.parametrize("name", HOSTILE)
def test_reading_time_grows_linearly_from_10_to_100_kb(name: str):
    """Ten times the input takes well under twenty times as long (a quadratic reader: 100×)."""
    make = HOSTILE[name]
    markdown = name.startswith("markdown")
    small, large = _seconds(make(10_000), markdown), _seconds(make(100_000), markdown)
    assert large / max(small, 1e-3) < 20, (small, large)
