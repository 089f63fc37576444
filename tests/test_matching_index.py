"""Matching claims through the concept index gives the matches of the pair-by-pair
definition (docs/grading.md, "Matching claims"), on generated maps of many shapes."""

from __future__ import annotations

import heapq
import importlib.util
import sys

import pytest

from argmap.analysis import candidates, matching
from argmap.analysis.matching import (
    KIND_BONUS,
    MAX_CANDIDATES,
    Match,
    Pairs,
    _pinned,
    match_claims,
    similarity,
)
from argmap.io.yaml.reader import loads_map
from argmap.util.similarity import concepts, opposed

from conftest import ROOT


def _load_generator():
    spec = importlib.util.spec_from_file_location("bench_generate", ROOT / "bench" / "generate.py")
    module = importlib.util.module_from_spec(spec)
    assert spec.loader is not None
    sys.modules[spec.name] = module
    spec.loader.exec_module(module)
    return module


gen = _load_generator()


@pytest.fixture(params=["pair by pair", "in bulk"])
def path(request, monkeypatch):
    """Each test runs on both paths: pairs scored one at a time, and in bulk."""
    monkeypatch.setattr(matching, "SMALL", 10**9 if request.param == "pair by pair" else 0)
    return request.param


def _map(n: int, seed: int):
    return loads_map(gen.to_yaml(gen.tree_map(n, seed), f"tree {n} {seed}"))


def reference(a, b, pairs=None, threshold=0.3, max_posting=1000):
    """The matcher as first written: each pair scored one by one in Python."""
    pairs = pairs or Pairs()
    chosen = _pinned(a, b, pairs)
    used_a, used_b = {m.a for m in chosen}, {m.b for m in chosen}
    b_items = list(b.claims.items())
    index: dict[str, list[int]] = {}
    for j, (_, cb) in enumerate(b_items):
        for concept in concepts(cb.text):
            index.setdefault(concept, []).append(j)
    found = []
    for i, (ida, ca) in enumerate(a.claims.items()):
        if ida in used_a:
            continue
        postings = (index.get(c, ()) for c in concepts(ca.text))
        near = {j for posting in postings if len(posting) <= max_posting for j in posting}
        mine = []
        for j in sorted(near):
            idb, cb = b_items[j]
            if idb in used_b or (ida, idb) in pairs.forbid:
                continue
            score = similarity(ca, cb)
            if score < threshold or opposed(ca.text, cb.text):
                continue
            bonus = KIND_BONUS if ca.kind == cb.kind else 0.0
            mine.append((-round(score + bonus, 9), i, j, Match(ida, idb, score)))
        found += heapq.nsmallest(MAX_CANDIDATES, mine, key=lambda c: c[:3])
    for _, _, _, match in sorted(found, key=lambda c: c[:3]):
        if match.a not in used_a and match.b not in used_b:
            chosen.append(match)
            used_a.add(match.a)
            used_b.add(match.b)
    rank = {cid: i for i, cid in enumerate(a.claims)}
    return sorted(chosen, key=lambda m: rank[m.a])


@pytest.mark.parametrize(
    ("n", "m", "threshold"), [(40, 60, 0.3), (150, 120, 0.3), (200, 200, 0.45)]
)
@pytest.mark.usefixtures("path")
def test_same_matches_as_the_pair_by_pair_definition(n, m, threshold):
    a, b = _map(n, 1), _map(m, 2)
    got = match_claims(a, b, threshold=threshold)
    assert got == reference(a, b, threshold=threshold)
    assert len(got) > n // 3  # many matches: the comparison is not vacuous


@pytest.mark.usefixtures("path")
def test_same_matches_with_pins_forbids_and_common_concepts(monkeypatch):
    a, b = _map(160, 3), _map(140, 4)
    plain = reference(a, b)
    pin = {plain[0].a: plain[1].b, plain[2].a: "nowhere"}
    forbid = frozenset((m.a, m.b) for m in plain[3:40])
    pairs = Pairs(pin=pin, forbid=forbid)
    got = match_claims(a, b, pairs)
    assert got == reference(a, b, pairs)
    assert got[0].pinned and not set(forbid) & {(x.a, x.b) for x in got}
    monkeypatch.setattr(candidates, "MAX_POSTING", 6)  # many concepts now too common to index
    assert match_claims(a, b, pairs) == reference(a, b, pairs, max_posting=6)


@pytest.mark.usefixtures("path")
def test_maps_without_a_shared_concept_match_nothing():
    a = loads_map("claims:\n  A: {kind: thesis, text: Cats purr loudly.}\n")
    b = loads_map("claims:\n  B: {kind: thesis, text: Rivers flood valleys.}\n")
    assert match_claims(a, b) == [] == reference(a, b)


def test_scored_pairs_grow_linearly_with_distinct_vocabulary(monkeypatch):
    """Two maps whose claims each use their own words: the pairs scored grow with
    the number of claims, not its square."""
    monkeypatch.setattr(matching, "SMALL", 0)
    sizes: list[int] = []
    real = candidates._block

    def counting(index, rows, keep_b, bonus):
        out = real(index, rows, keep_b, bonus)
        sizes.append(len(out[0]))
        return out

    monkeypatch.setattr(candidates, "_block", counting)
    counts = []
    for n in (100, 1000):
        text = "claims:\n" + "".join(
            f"  C{k}: {{kind: premise, text: 'word{k}a word{k}b'}}\n" for k in range(n)
        )
        amap = loads_map(text)
        sizes.clear()
        matches = match_claims(amap, amap)
        assert [(m.a, m.b) for m in matches] == [(c, c) for c in amap.claims]
        counts.append(sum(sizes))
    assert counts[0] == 100 and counts[1] == 1000


def test_small_maps_are_matched_without_loading_scipy():
    import subprocess

    code = (
        "import sys\n"
        "from argmap.analysis.matching import match_claims\n"
        "from argmap.io.yaml.reader import loads_map\n"
        "m = loads_map('claims:\\n  A: {kind: thesis, text: Cats purr loudly.}\\n')\n"
        "print(len(match_claims(m, m)), 'scipy' in sys.modules)\n"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, timeout=120
    )
    assert out.stdout.split() == ["1", "False"]
