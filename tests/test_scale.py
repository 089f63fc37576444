"""What keeps big maps fast and safe: alias accounting, lean start-up, the paused collector."""

from __future__ import annotations

import gc
import os
import subprocess
import sys
import weakref

import pytest

from argmap.errors import MapLoadError
from argmap.io.yaml import parse as yamlparse
from argmap.io.yaml.reader import loads_map
from argmap.util.gcpause import gc_paused

from conftest import ROOT, make_map

_CLAIMS = (
    "claims:\n"
    + "".join(f"  P{i}: {{kind: premise, text: Point {i}., supports: T1}}\n" for i in range(1, 40))
    + "  T1: {kind: thesis, text: We should act.}\n"
)


def test_plain_nodes_do_not_count_as_alias_expansion(monkeypatch):
    # 40 claims hold about 400 nodes; only what aliases add counts against the limit
    monkeypatch.setattr(yamlparse, "MAX_EXPANDED_NODES", 50)
    amap = loads_map(_CLAIMS, "big.yaml")
    assert len(amap.claims) == 40


def test_alias_expansion_over_the_limit_is_refused(monkeypatch):
    monkeypatch.setattr(yamlparse, "MAX_EXPANDED_NODES", 50)
    text = "x: &a [1, 2, 3, 4, 5, 6, 7, 8, 9, 10]\ny: [*a, *a, *a, *a, *a, *a]\n" + _CLAIMS
    with pytest.raises(MapLoadError) as info:
        loads_map(text, "laughs.yaml")
    (finding,) = info.value.findings
    assert (finding.line, finding.column) == (2, 21)  # the fifth *a: 5 × 11 nodes > 50
    assert "aliases expand to more than 50 nodes" in finding.message


def test_check_does_not_import_pydot(tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("claims:\n  T1: {kind: thesis, text: We should act.}\n", encoding="utf-8")
    code = (
        "import sys\n"
        "from argmap.cli.app import main\n"
        "try:\n"
        f"    main(['check', {str(path)!r}])\n"
        "except SystemExit as exc:\n"
        "    print(exc.code, 'pydot' in sys.modules, 'argmap.render.dot' in sys.modules)\n"
    )
    env = dict(os.environ, PYTHONPATH=str(ROOT / "src"))
    done = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, env=env, check=True
    )
    assert done.stdout.splitlines()[-1].split() == ["0", "False", "False"]


def test_gc_paused_restores_the_collector_also_on_error():
    assert gc.isenabled()
    with pytest.raises(KeyError), gc_paused():
        assert not gc.isenabled()
        with gc_paused():
            pass
        assert not gc.isenabled()  # the inner block does not re-enable it
        raise KeyError("x")
    assert gc.isenabled()
    gc.disable()
    try:
        with gc_paused():
            pass
        assert not gc.isenabled()  # a disabled collector stays disabled
    finally:
        gc.enable()


class _Cell:
    """An object that takes a weak reference and can point at itself."""

    me: object = None


def test_leaving_the_pause_leaves_nothing_young_to_traverse():
    """What the pause made goes to the oldest generation (no collection of
    hundreds of thousands of young objects on the way out, e.g. after Ctrl-C),
    and a cycle made during the pause is still collected by a full collection."""
    assert gc.isenabled()
    with gc_paused():
        made = [[] for _ in range(100_000)]
        cell = _Cell()
        cell.me = cell
        ref = weakref.ref(cell)
    assert any(obj is made[-1] for obj in gc.get_objects(generation=2))  # the oldest
    assert gc.get_count()[0] < 1_000  # not 100,000 allocations waiting
    del cell
    gc.collect()
    assert ref() is None


def test_cli_leaves_the_collector_as_it_found_it(run_cli, tmp_path):
    path = tmp_path / "m.yaml"
    path.write_text("claims:\n  T1: {kind: thesis, text: We should act.}\n", encoding="utf-8")
    code, _, _ = run_cli("check", str(path), str(path))
    assert code == 0 and gc.isenabled()


def test_witness_cycle_follows_the_order_of_the_map():
    # A has more supports outside the knot than the knot has claims; the
    # depth-first search still tries A's supports in the order written.
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          X1: {kind: premise, text: x1, supports: T1}
          X2: {kind: premise, text: x2, supports: T1}
          X3: {kind: premise, text: x3, supports: T1}
          X4: {kind: premise, text: x4, supports: T1}
          X5: {kind: premise, text: x5, supports: T1}
          X6: {kind: premise, text: x6, supports: T1}
          X7: {kind: premise, text: x7, supports: T1}
          A: {kind: premise, text: a, supports: [X1, X2, X3, X4, X5, X6, X7, C, B]}
          B: {kind: premise, text: b, supports: A}
          C: {kind: premise, text: c, supports: A}
        """
    )
    from argmap.analysis.checks import run_checks

    (found,) = [f for f in run_checks(amap) if f.code == "AM102"]
    assert found.claims == ("A", "C")
    assert "A -> C -> A (3 claims are caught in this knot)" in found.message
