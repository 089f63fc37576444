"""Start-up: each command imports what its work needs and nothing heavier.

Each case runs ``argmap ...`` through :func:`argmap.cli.app.main` in a fresh
``python -c`` process and reads the names in ``sys.modules`` when it is done
(``-X importtime`` would miss the modules imported with ``importlib``). Not
timed; the figures are in bench/startup.py.
"""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
SMALL = ROOT / "maps" / "two-michaels.yaml"
#: Libraries no small YAML → DOT/Argdown command needs.
NEVER = {"spacy", "fontTools", "pypdf", "watchfiles", "jsonschema"}
DRIVER = """
import json, sys
from argmap.cli.app import main
try:
    main(sys.argv[2:])
except SystemExit as exc:
    code = exc.code
with open(sys.argv[1], "w", encoding="utf-8") as out:
    json.dump({"code": code, "modules": sorted(sys.modules)}, out)
"""


def imported(*args: str, cwd: Path) -> set[str]:
    """The modules ``argmap ARGS`` imported (full dotted names and top-level packages)."""
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    seen = cwd / "modules.json"
    done = subprocess.run(
        [sys.executable, "-c", DRIVER, str(seen), *args],
        capture_output=True,
        text=True,
        env=env,
        cwd=cwd,
        check=False,
    )
    result = json.loads(seen.read_text(encoding="utf-8"))
    assert done.returncode == 0 and result["code"] == 0, done.stderr[-2000:]
    names = set(result["modules"])
    assert "argmap.cli.app" in names
    return names | {n.split(".")[0] for n in names}


def test_version_imports_no_command_and_no_library(tmp_path: Path) -> None:
    names = imported("--version", cwd=tmp_path)
    heavy = NEVER | {"networkx", "pydot", "yaml", "defusedxml"}
    assert not names & heavy
    layers = ("argmap.analysis", "argmap.io", "argmap.render")
    assert not {n for n in names if n.startswith(layers)}
    assert not {"argmap.cli.render", "argmap.cli.check", "argmap.model", "argmap.findings"} & names


def test_render_dot_imports_no_svg_html_column_or_text_tools(tmp_path: Path) -> None:
    names = imported("render", str(SMALL), "-o", "m.dot", cwd=tmp_path)
    assert (tmp_path / "m.dot").read_text(encoding="utf-8").startswith("digraph")
    assert not names & (NEVER | {"defusedxml", "pydot"})  # the DOT text is written directly
    assert {"yaml", "networkx", "argmap.render.dotwriter"} <= names  # the map, the checks
    unneeded = {
        "argmap.render.html",
        "argmap.render.svgstream",
        "argmap.render.column.layout",
        "argmap.io.aif",
        "argmap.io.argdown.reader",
        "argmap.io.graphml",
        "argmap.io.xmltree",
    }
    assert not unneeded & names


def test_render_dot_without_findings_imports_no_graph_library(tmp_path: Path) -> None:
    names = imported("render", str(SMALL), "-o", "m.dot", "--no-findings", cwd=tmp_path)
    dot = (tmp_path / "m.dot").read_text(encoding="utf-8")
    assert dot.startswith("digraph") and "#9c1f18" not in dot  # no claim marked
    assert not names & {"networkx", "argmap.analysis.checks", "argmap.analysis.graph"}


def test_render_svg_imports_the_svg_parser(tmp_path: Path) -> None:
    """The other side of the test above: SVG output does load what DOT output leaves out."""
    names = imported("render", str(SMALL), "-o", "m.svg", cwd=tmp_path)
    svg = {"defusedxml", "argmap.render.svgstream", "argmap.render.html"}
    assert svg - names == {"argmap.render.html"}


def test_convert_imports_no_graph_library(tmp_path: Path) -> None:
    names = imported("convert", str(SMALL), "m.argdown", cwd=tmp_path)
    assert "[" in (tmp_path / "m.argdown").read_text(encoding="utf-8")
    assert not names & (NEVER | {"networkx", "pydot", "defusedxml"})
    assert not {n for n in names if n.startswith(("argmap.analysis", "argmap.render"))}
    assert {"argmap.io.yaml.reader", "argmap.io.argdown.writer"} <= names


@pytest.mark.parametrize("option", ["--select", "--ignore"])
def test_convert_still_refuses_an_unknown_check(tmp_path: Path, option: str) -> None:
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "convert", str(SMALL), "m.argdown", option, "AM999x"],
        capture_output=True,
        text=True,
        env=env,
        cwd=tmp_path,
        check=False,
    )
    assert done.returncode == 2
    assert "unknown check 'AM999x'" in done.stderr
    assert not (tmp_path / "m.argdown").exists()


def test_check_imports_no_drawing_library(tmp_path: Path) -> None:
    names = imported("check", str(SMALL), cwd=tmp_path)
    assert not names & (NEVER | {"pydot", "defusedxml"})
    assert "networkx" in names  # the checks walk the argument graph with it


def test_every_command_is_found_and_helps() -> None:
    """The commands are imported when looked up: each name leads to its command."""
    from argmap.cli.app import COMMANDS, cli

    assert sorted(cli.commands) == sorted(COMMANDS)
    for name in COMMANDS:
        command = cli.commands[name]
        assert command.name == name and command.help


def test_every_format_names_a_function_that_exists() -> None:
    """The registry imports its readers and writers when called: each one it names is there."""
    import importlib

    from argmap.io.formats import FORMATS, Lazy

    named = [
        fn for fmt in FORMATS.values() for fn in (fmt.read, fmt.write) if isinstance(fn, Lazy)
    ]
    assert len(named) == 22
    for fn in named:
        assert callable(getattr(importlib.import_module(f"argmap.io.{fn.module}"), fn.name))
