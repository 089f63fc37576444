"""The benchmark map generator: deterministic, valid maps of any size, also in Argdown."""

from __future__ import annotations

import importlib.util
import re
import sys
from collections import Counter

import pytest

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import loads_map

from conftest import ROOT


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module  # dataclasses look their module up
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


def _yaml(shape: str, n: int, seed: int = 1) -> str:
    claims = (gen.tree_map if shape == "tree" else gen.knots_map)(n, seed)
    return gen.to_yaml(claims, f"{shape} {n}")


@pytest.mark.parametrize("shape", ["tree", "knots"])
def test_same_seed_same_bytes_other_seed_other_map(shape: str):
    assert _yaml(shape, 300) == _yaml(shape, 300)
    assert _yaml(shape, 300, seed=2) != _yaml(shape, 300)


def test_tree_map_is_valid_and_of_the_requested_size():
    amap = loads_map(_yaml("tree", 500), "tree.yaml")
    assert len(amap.claims) == 500
    kinds = Counter(c.kind for c in amap.claims.values())
    assert kinds["thesis"] == 1 and set(kinds) == set(gen.PREFIX)
    texts = [c.text for c in amap.claims.values()]
    assert len(set(texts)) == 500
    assert all(re.fullmatch(r"[A-Za-z0-9 ,.]+", t) for t in texts)
    codes = Counter(f.code for f in run_checks(amap))
    # supports point to earlier claims only: no loop; every claim reaches the thesis
    assert codes["AM102"] == codes["AM103"] == codes["AM106"] == codes["AM104"] == 0
    # cross-links: some claims support or attack two claims
    assert len(amap.inferences) + len(amap.attacks) > 499


def test_knots_map_has_one_circular_knot_per_group():
    amap = loads_map(_yaml("knots", 250), "knots.yaml")
    assert len(amap.claims) == 250
    found = [f for f in run_checks(amap) if f.code == "AM102"]
    # 1 thesis + 2 groups of 104 (100 premises, 2 evidence, objection, rebuttal) + 41 evidence
    assert len(found) == 2
    # each premise lists its ring successor first, so the witness cycle is the ring
    assert found[0].claims == tuple(f"P{i}" for i in range(2, 102))
    assert found[1].claims == tuple(f"P{i}" for i in range(106, 206))
    supports = Counter(i.premises[0] for i in amap.inferences)
    assert supports["P2"] == 4  # ring, two chords and the thesis


def test_argdown_has_the_same_claims_and_relations():
    claims = gen.tree_map(200, 1)
    amap = loads_map(gen.to_yaml(claims, "t"), "t.yaml")
    text = gen.to_argdown(claims, "t")
    defined = re.findall(r"^\[([^\]]+)\]: (.*)$", text, re.MULTILINE)
    assert defined == [(c.id, c.text) for c in amap.claims.values()]
    relations, current = [], None
    for line in text.splitlines():
        if m := re.match(r"^\[([^\]]+)\]:", line):
            current = m[1]
        elif m := re.match(r"^  ([+-])> \[([^\]]+)\]$", line):
            relations.append((m[1], current, m[2]))
    assert sorted(r for r in relations if r[0] == "+") == sorted(
        ("+", i.premises[0], i.conclusion) for i in amap.inferences
    )
    assert sorted(r for r in relations if r[0] == "-") == sorted(
        ("-", a.attacker, a.target) for a in amap.attacks
    )


def test_too_small_a_map_is_refused():
    with pytest.raises(ValueError):
        gen.tree_map(1)
