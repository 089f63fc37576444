"""Shared test helpers: building maps from text, running the CLI in-process, and the
markers that say which programs a test needs.

``graphviz``: the test runs Graphviz's ``dot``. When ``dot`` is missing the test
fails, naming the program and how to install it; it is never skipped and never
expected to fail. A test without the marker that runs a Graphviz program through
:mod:`argmap.render.graphviz` fails too, so the marker stays exact.

Hypothesis profiles: ``ci`` (the default; derandomized, a fixed number of
examples, so ``make test`` gives the same result every run) and ``fuzz`` (``make
fuzz``: randomized, many more examples). ``--hypothesis-profile`` or
``ARGMAP_FUZZ_PROFILE`` picks one.

``browser``: the test drives Debian's Chromium with Playwright. It fails when
Chromium is missing; ``ARGMAP_BROWSER_TESTS=0`` deselects these tests (pytest
reports them as deselected, never as passed). Unset or ``1`` runs them.
"""

from __future__ import annotations

import os
import shutil
import textwrap
from pathlib import Path

import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, settings

from argmap.diagram import ENGINES
from argmap.io.yaml.reader import loads_map
from argmap.model import ArgumentMap
from argmap.render import graphviz

ROOT = Path(__file__).resolve().parent.parent
FIXTURES = Path(__file__).resolve().parent / "fixtures"
CHROMIUM = "/usr/bin/chromium"

needs_dot = pytest.mark.graphviz

#: Examples per fuzz test under each profile (tests that set their own keep them).
FUZZ_EXAMPLES = {"ci": 150, "fuzz": 5000}
for _name, _examples in FUZZ_EXAMPLES.items():
    settings.register_profile(
        _name,
        max_examples=_examples,
        derandomize=_name == "ci",
        deadline=None,
        print_blob=True,
        suppress_health_check=[HealthCheck.too_slow, HealthCheck.data_too_large],
    )
settings.load_profile(os.environ.get("ARGMAP_FUZZ_PROFILE", "ci"))

#: Graphviz's layout programs (``argmap render --engine``).
GRAPHVIZ_PROGRAMS = frozenset(ENGINES)
DOT_MISSING = (
    "Graphviz's 'dot' program is not on PATH and this test runs it: install Graphviz "
    "('apt-get install graphviz' on Debian/Ubuntu, 'brew install graphviz' on macOS) "
    "or run 'make test', which installs it"
)
CHROMIUM_MISSING = (
    f"Chromium ({CHROMIUM}) is missing and this test drives it: 'apt-get install chromium', "
    "or run 'make test', which installs it; ARGMAP_BROWSER_TESTS=0 deselects the browser tests"
)


def browser_tests_selected() -> bool:
    """Read ``ARGMAP_BROWSER_TESTS`` (``0`` or ``1``, default ``1``), as .ci/system-deps does.

    Raises:
        pytest.UsageError: any other value.
    """
    value = os.environ.get("ARGMAP_BROWSER_TESTS", "1")
    if value not in ("0", "1"):
        raise pytest.UsageError(f"ARGMAP_BROWSER_TESTS must be 0 or 1, not {value!r}")
    return value == "1"


def pytest_collection_modifyitems(config, items):
    """Deselect the tests marked ``browser`` when ``ARGMAP_BROWSER_TESTS=0``."""
    if browser_tests_selected():
        return
    dropped = [item for item in items if item.get_closest_marker("browser")]
    config.hook.pytest_deselected(items=dropped)
    items[:] = [item for item in items if not item.get_closest_marker("browser")]


@pytest.hookimpl(tryfirst=True)
def pytest_runtest_setup(item):
    """Fail, never skip, a test whose program is missing: ``make test`` installs both."""
    if item.get_closest_marker("graphviz") and shutil.which("dot") is None:
        pytest.fail(DOT_MISSING, pytrace=False)
    if item.get_closest_marker("browser") and not os.access(CHROMIUM, os.X_OK):
        pytest.fail(CHROMIUM_MISSING, pytrace=False)


class GraphvizGuard:
    """Stands in for :mod:`shutil` inside :mod:`argmap.render.graphviz`, the one module
    that runs Graphviz: a test may look up a Graphviz program only when it carries the
    ``graphviz`` marker. ``item`` is the running test (None between tests)."""

    def __init__(self) -> None:
        self.item: pytest.Item | None = None

    def which(self, name, *args, **kwargs):
        """:func:`shutil.which`, refused for Graphviz programs to unmarked tests."""
        item = self.item
        if name in GRAPHVIZ_PROGRAMS and item and not item.get_closest_marker("graphviz"):
            pytest.fail(
                f"{item.nodeid} runs Graphviz's {name!r} but lacks the graphviz marker "
                "(@needs_dot from conftest)",
                pytrace=False,
            )
        return shutil.which(name, *args, **kwargs)

    def __getattr__(self, name):
        return getattr(shutil, name)


GUARD = GraphvizGuard()


def pytest_sessionstart(session):
    """Put the guard in place of :mod:`shutil` in :mod:`argmap.render.graphviz`."""
    graphviz.shutil = GUARD


def pytest_sessionfinish(session):
    """Give :mod:`argmap.render.graphviz` its :mod:`shutil` back."""
    graphviz.shutil = shutil


@pytest.hookimpl(hookwrapper=True)
def pytest_runtest_protocol(item, nextitem):
    """Tell the guard which test runs (its fixtures' setup and teardown included)."""
    GUARD.item = item
    yield
    GUARD.item = None


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


def bench_module(name: str):
    """The module ``bench/<name>.py``, imported once (bench/ is not a package)."""
    import importlib.util
    import sys

    key = f"bench_{name}"
    if key not in sys.modules:
        spec = importlib.util.spec_from_file_location(key, ROOT / "bench" / f"{name}.py")
        assert spec is not None and spec.loader is not None
        module = importlib.util.module_from_spec(spec)
        sys.modules[key] = module
        spec.loader.exec_module(module)
    return sys.modules[key]
