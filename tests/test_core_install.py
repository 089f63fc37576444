"""``pip install argmap`` (no extras) gives check, render and convert: each runs with
every optional library unimportable, and a command that needs an extra says which.

Each case runs ``argmap ...`` in a fresh ``python -c`` process whose import system
refuses the optional libraries (as if they were not installed)."""

from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from conftest import ROOT, needs_dot

#: What the extras install (and what they pull in), refused by the driver.
OPTIONAL = (
    "spacy thinc numpy scipy re2 trafilatura lxml lxml_html_clean pygls lsprotocol "
    "markdown mkdocs sphinx docutils dask distributed"
).split()
DRIVER = """
import importlib.abc, sys
OPTIONAL = set(sys.argv[1].split())

class Absent(importlib.abc.MetaPathFinder):
    def find_spec(self, name, path=None, target=None):
        if name.split(".")[0] in OPTIONAL:
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None

sys.meta_path.insert(0, Absent())
from argmap.cli.app import main
main(sys.argv[2:])
"""
MAP = ROOT / "maps" / "two-michaels.yaml"


def argmap_without_extras(*args: str, cwd: Path) -> subprocess.CompletedProcess[str]:
    """``argmap ARGS`` with none of the optional libraries importable."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    return subprocess.run(
        [sys.executable, "-c", DRIVER, " ".join(OPTIONAL), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        timeout=300,
        check=False,
    )


@needs_dot
def test_check_render_and_convert_need_no_extra(tmp_path):
    done = argmap_without_extras("check", str(MAP), cwd=tmp_path)
    assert done.returncode in (0, 1) and "AM10" in done.stdout, done.stderr
    done = argmap_without_extras(
        "render", str(MAP), "-o", "m.svg", "-o", "m.png", "-o", "m.html", cwd=tmp_path
    )
    assert done.returncode == 0, done.stderr
    assert (tmp_path / "m.svg").read_bytes().startswith(b"<?xml")
    assert (tmp_path / "m.png").read_bytes().startswith(b"\x89PNG")
    done = argmap_without_extras("render", str(MAP), "--slides", "-o", "s.pdf", cwd=tmp_path)
    assert done.returncode == 0 and (tmp_path / "s.pdf").read_bytes().startswith(b"%PDF")
    for fmt in ("aif", "argdown", "json", "mermaid"):
        done = argmap_without_extras("convert", str(MAP), "-", "--to", fmt, cwd=tmp_path)
        assert done.returncode == 0 and len(done.stdout) > 1000, (fmt, done.stderr)
    done = argmap_without_extras("evaluate", str(MAP), cwd=tmp_path)
    assert done.returncode == 0 and "T1" in done.stdout, done.stderr
    done = argmap_without_extras("stats", str(MAP), cwd=tmp_path)
    assert done.returncode == 0 and done.stdout.startswith("claims: 45"), done.stderr
    done = argmap_without_extras(
        "worksheet", str(MAP), "--kind", "fill", "-o", "w.pdf", cwd=tmp_path
    )
    assert done.returncode == 0 and (tmp_path / "w.pdf").read_bytes().startswith(b"%PDF")


@pytest.mark.parametrize(
    ("args", "extra"),
    [
        (("compare", str(MAP), str(MAP)), "argmap[grade]"),
        (("grade", str(MAP), str(MAP)), "argmap[grade]"),
        (("draft", str(ROOT / "README.md"), "-o", "d.yaml"), "argmap[draft]"),
        (("lsp",), "argmap[lsp]"),
    ],
)
def test_a_command_that_needs_an_extra_names_it(tmp_path, args, extra):
    done = argmap_without_extras(*args, cwd=tmp_path)
    assert done.returncode == 2, done.stderr
    assert f"pip install '{extra}'" in done.stderr and "Traceback" not in done.stderr
    assert not (tmp_path / "d.yaml").exists()
