"""``argmap compare``: one-to-one matching and precision/recall, worked out by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from argmap.analysis.compare import compare_maps, similarity
from argmap.util.text import stems

from conftest import ROOT, make_map

# The reference (B) and a student's map (A) of the same short text.
REFERENCE = """
claims:
  T1: {kind: thesis, text: Cities should ban cars from their centres., para: 2}
  P1: {kind: premise, text: Car traffic makes streets noisy and dangerous., supports: T1, para: 4}
  PR1:
    {kind: precedent, text: Oslo removed parking from its centre in 2019., supports: P1, para: 6}
  O1: {kind: objection, text: Shops will lose customers without cars., attacks: T1, para: 5}
"""
STUDENT = """
claims:
  A: {kind: thesis, text: Ban cars from city centres., para: 2}
  B: {kind: evidence, text: In 2019 Oslo took parking out of the centre., supports: A, para: 6}
  C: {kind: objection, text: Shop owners fear losing customers., attacks: A}
  D: {kind: premise, text: Bicycles are cheap., supports: A}
"""


def test_stems_drop_stop_words_join_acronyms_and_split_hyphens():
    assert stems("Cities should ban cars from their centres.") == {"citi", "ban", "car", "centr"}
    assert stems("The U.S. and the US") == {"us"}
    assert stems("a geo-political leader's move") == {"geo", "polit", "geopolit", "leader", "move"}
    assert stems("it's what they're doing") == frozenset()


def test_similarity_by_hand():
    a, b = make_map(STUDENT), make_map(REFERENCE)
    # {ban, car, citi, centr} both: 4 / sqrt(4 * 4) = 1, plus 0.15 for ¶2.
    assert similarity(a.claims["A"], b.claims["T1"]) == 1.15
    # {2019, oslo, park, centr} of 5 and 5 stems: 4 / 5, plus 0.15 for ¶6.
    assert round(similarity(a.claims["B"], b.claims["PR1"]), 4) == 0.95
    # {shop, lose, custom} of 5 and 6 stems: 3 / sqrt(30), no shared paragraph.
    assert round(similarity(a.claims["C"], b.claims["O1"]), 4) == 0.5477
    # {car} of 4 and 6 stems: 1 / sqrt(24) = 0.204, below the 0.3 threshold.
    assert round(similarity(a.claims["A"], b.claims["P1"]), 3) == 0.204


def test_precision_and_recall_by_hand():
    result = compare_maps(make_map(STUDENT), make_map(REFERENCE))
    assert [(m.a, m.b) for m in result.matches] == [("A", "T1"), ("B", "PR1"), ("C", "O1")]
    assert result.unmatched_a == ("D",) and result.unmatched_b == ("P1",)
    doc = result.as_dict()
    # 3 matches over 4 claims in each map.
    assert doc["claims"] == {"precision": 0.75, "recall": 0.75, "hits": 3, "of_a": 4, "of_b": 4}
    # A and C agree on kinds, B (evidence) does not (precedent): 2 / 3.
    kinds = doc["kinds"]
    assert (kinds["precision"], kinds["recall"], kinds["hits"]) == (0.6667, 0.6667, 2)
    assert kinds["by_kind"] == {
        "thesis": {"precision": 1.0, "recall": 1.0, "hits": 1, "of_a": 1, "of_b": 1},
        "precedent": {"precision": None, "recall": 0.0, "hits": 0, "of_a": 0, "of_b": 1},
        "evidence": {"precision": 0.0, "recall": None, "hits": 0, "of_a": 1, "of_b": 0},
        "objection": {"precision": 1.0, "recall": 1.0, "hits": 1, "of_a": 1, "of_b": 1},
    }
    # A's relations between matched claims: B→A supports (= PR1→T1, which B lacks)
    # and C→A attacks (= O1→T1, which B has); D→A is left out (D unmatched).
    # B's relations between matched claims: only O1→T1 (P1 is unmatched).
    assert doc["relations"] == {"precision": 0.5, "recall": 1.0, "hits": 1, "of_a": 2, "of_b": 1}


def test_identical_maps_score_one():
    amap = make_map(REFERENCE)
    doc = compare_maps(amap, amap).as_dict()
    for key in ("claims", "kinds", "relations"):
        assert (doc[key]["precision"], doc[key]["recall"]) == (1.0, 1.0), key


def test_each_claim_is_matched_once():
    a = make_map(
        "claims:\n  X: {kind: thesis, text: Oslo banned cars.}\n"
        "  Y: {kind: premise, text: Oslo banned cars in the centre.}\n"
    )
    b = make_map("claims:\n  T: {kind: thesis, text: Oslo banned cars in the centre.}\n")
    result = compare_maps(a, b)
    assert [(m.a, m.b) for m in result.matches] == [("Y", "T")]
    assert result.claims.precision == 0.5 and result.claims.recall == 1.0


def test_cli_text_and_json(run_cli, tmp_path):
    a, b = tmp_path / "student.yaml", tmp_path / "ref.yaml"
    a.write_text(STUDENT, encoding="utf-8")
    b.write_text(REFERENCE, encoding="utf-8")
    code, out, _ = run_cli("compare", str(a), str(b))
    assert code == 0
    assert out.splitlines()[:3] == [
        "claims       precision 0.750 (3/4)  recall 0.750 (3/4)",
        "kinds        precision 0.667 (2/3)  recall 0.667 (2/3)",
        "  thesis     precision 1.000 (1/1)  recall 1.000 (1/1)",
    ]
    assert "relations    precision 0.500 (1/2)  recall 1.000 (1/1)" in out.splitlines()
    assert out.splitlines()[-2:] == ["only in A: D", "only in B: P1"]
    code, out, _ = run_cli("compare", "--format", "json", str(a), str(b))
    doc = json.loads(out)
    assert code == 0 and doc["claims"]["precision"] == 0.75 and doc["relations"]["recall"] == 1.0
    assert doc["matches"][0] == {"a": "A", "b": "T1", "score": 1.15}


def test_invalid_map_exits_2(run_cli, tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n", encoding="utf-8")
    code, _, err = run_cli("compare", str(bad), str(ROOT / "maps" / "two-michaels.yaml"))
    assert code == 2 and "error AM000 invalid-map: malformed YAML" in err


def test_result_does_not_depend_on_hash_seed(tmp_path):
    ref = str(ROOT / "maps" / "two-michaels.yaml")
    outputs = set()
    for seed in ("1", "2", "3"):
        env = dict(os.environ, PYTHONHASHSEED=seed)
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "compare", "--format", "json", ref, ref],
            capture_output=True,
            text=True,
            env=env,
            check=True,
        )
        outputs.add(done.stdout)
    assert len(outputs) == 1
    assert json.loads(outputs.pop())["claims"]["recall"] == 1.0
