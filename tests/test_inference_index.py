"""Inferences by id: the map's index, and analysis that passes over the inferences a fixed
number of times however many undercuts and claims look them up."""

from __future__ import annotations

from argmap.analysis.checks import run_checks
from argmap.analysis.compare import compare_maps
from argmap.analysis.evaluate import evaluate
from argmap.analysis.graph import build_graph
from argmap.analysis.stats import map_stats
from argmap.model import ArgumentMap, Claim, Inference, Undercut


def test_inference_index_gives_the_first_of_a_repeated_id():
    claims = {c: Claim(c, "premise", c) for c in ("T1", "T2", "P1", "P2", "P3", "P4", "U1")}
    first = Inference("I1", ("P1", "P2"), "T1", linked=True)
    second = Inference("I1", ("P3", "P4"), "T2", linked=True)
    amap = ArgumentMap(
        "m.yaml", claims, inferences=(first, second), undercuts=(Undercut("U1", "I1"),)
    )
    assert amap.inference("I1") is first
    assert amap.inference("I1") is next(i for i in amap.inferences if i.id == "I1")
    assert amap.inference("I2") is None
    # the argument graph follows the same inference: the undercut reaches T1, not T2
    assert build_graph(amap).combined.edges["U1", "T1"]["relations"] == {"undercut"}
    assert not build_graph(amap).combined.has_edge("U1", "T2")


def test_inference_index_finds_every_inference_of_a_large_map():
    n = 20_000
    claims = {f"C{i}": Claim(f"C{i}", "premise", f"claim {i}") for i in range(n + 1)}
    shorthand = [Inference(f"C{i} -> C{i + 1}", (f"C{i}",), f"C{i + 1}") for i in range(n // 2)]
    linked = [
        Inference(f"I{i}", (f"C{i}", f"C{i + 1}"), f"C{i + 2}", linked=True)
        for i in range(n // 2, n)
    ]
    amap = ArgumentMap("big.yaml", claims, inferences=(*shorthand, *linked))
    assert len(amap.inferences) == n
    assert all(amap.inference(inf.id) is inf for inf in amap.inferences)
    assert [amap.inference(x) for x in ("C0 -> C2", f"I{n}", "")] == [None, None, None]


class _CountedInferences(tuple):
    """A tuple of inferences that counts the passes made over it."""

    passes = 0

    def __iter__(self):
        self.passes += 1
        return super().__iter__()


def _undercut_map(k: int) -> ArgumentMap:
    claims = {"T1": Claim("T1", "thesis", "t")}
    infs, undercuts = [], []
    for i in range(k):
        claims[f"E{i}"] = Claim(f"E{i}", "evidence", f"e{i}", source="s")
        claims[f"O{i}"] = Claim(f"O{i}", "objection", f"o{i}")
        infs.append(Inference(f"E{i} -> T1", (f"E{i}",), "T1"))
        undercuts.append(Undercut(f"O{i}", f"E{i} -> T1"))
    return ArgumentMap("u.yaml", claims, _CountedInferences(infs), undercuts=tuple(undercuts))


def test_analysis_passes_over_the_inferences_as_often_however_many_undercuts():
    def passes(k: int) -> tuple[int, ...]:
        counts = []
        for run in (run_checks, map_stats, evaluate, lambda m: compare_maps(m, m)):
            amap = _undercut_map(k)
            found = run(amap)
            counts.append(amap.inferences.passes)
            assert found is not None
        return tuple(counts)

    few, many = passes(5), passes(300)
    assert few == many and max(few) <= 6
    ev = evaluate(_undercut_map(3))
    # each undercutting objection is unattacked, so IN: it defeats its inference and,
    # by the secondary attack, the thesis resting on it
    assert list(ev.inferences.values()) == ["OUT"] * 3 and ev.labelling["T1"] == "OUT"
