"""Shared test helpers: building maps from text and running the CLI in-process."""

from __future__ import annotations

import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner

from argmap.io.yaml.reader import loads_map
from argmap.model import ArgumentMap

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"

needs_dot = pytest.mark.graphviz


def pytest_collection_modifyitems(config, items):
    """Fail, never skip, tests that need Graphviz when it is missing: make test installs it."""
    if shutil.which("dot") is None:
        for item in items:
            if item.get_closest_marker("graphviz"):
                item.add_marker(pytest.mark.xfail(reason="Graphviz not installed", strict=True))


def make_map(text: str, path: str = "t.yaml") -> ArgumentMap:
    """Load a map from an indented YAML snippet."""
    return loads_map(textwrap.dedent(text), path)


@pytest.fixture
def run_cli():
    """Run ``argmap ARGS`` in-process; returns (exit code, stdout, stderr)."""
    from argmap.cli.app import main

    def run(*args: str) -> tuple[int, str, str]:
        runner = CliRunner()
        result = runner.invoke(_Main(main), list(args), catch_exceptions=False)
        return result.exit_code, result.stdout, result.stderr

    return run


class _Main:
    """Adapts :func:`argmap.cli.app.main` (which calls sys.exit) to CliRunner."""

    def __init__(self, main):
        self.main_func = main
        self.name = "argmap"

    def main(self, args=None, prog_name=None, **extra):
        self.main_func(args)
