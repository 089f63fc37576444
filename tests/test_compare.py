"""``argmap compare``: text similarity, one-to-one matching, pairs, roles, and
precision/recall over all typed relations, worked out by hand."""

from __future__ import annotations

import json
import os
import subprocess
import sys

from argmap.analysis.compare import compare_maps, similarity
from argmap.analysis.matching import THRESHOLD, RoleMismatch
from argmap.util.similarity import concepts, lexicon, text_similarity
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


def test_concepts_are_lemmas_without_stop_words_through_the_lexicon():
    assert concepts("Cities should ban cars from their centres.") == {
        "city",
        "ban",
        "car",
        "centre",
    }
    # "mind wanders" is a phrase of the lexicon; "remember" counts as "learn".
    assert concepts("If your mind wanders, you remember less of the lesson") == {
        "distracted", "learn", "less", "lesson"
    }  # fmt: skip
    assert concepts("Students learn less when they are distracted.") == {
        "student", "learn", "less", "distracted"
    }  # fmt: skip
    assert concepts("it's what they're doing, and they will") == frozenset()


def test_paraphrase_matches_and_unrelated_text_does_not():
    # {distracted, learn, less} shared of 4 and 4: 3 / 4.
    paraphrase = text_similarity(
        "If your mind wanders, you remember less of the lesson",
        "Students learn less when they are distracted",
    )
    assert paraphrase == 0.75 > THRESHOLD
    # No concept shared.
    assert text_similarity("Uniforms cost families money.", "Students learn less.") == 0.0
    # {school} of 4 and 4: 1 / 4, below the threshold.
    assert (
        text_similarity("Schools sell sugary drinks.", "Voting at school builds habits.") == 0.25
    )


def test_a_hyphen_after_a_prefix_is_one_word_and_other_compounds_stay_two():
    assert concepts("a geo-political play") == concepts("a geopolitical play") == {
        "geopolitical", "play"
    }  # fmt: skip
    assert concepts("Re-election by e-mail") == {"reelection", "email"}
    assert concepts("a long-term plan") == {"long", "term", "plan"}
    assert text_similarity("Email is fast.", "E-mail is fast.") == 1.0


def test_a_country_counts_as_its_adjective_and_its_capital():
    # {country:china, country:russia, cyberspace} shared of 5 and 4: 3 / sqrt(20).
    assert (
        text_similarity(
            "Beijing and Moscow want cyberspace control.",
            "Chinese and Russian cyberspace ambitions.",
        )
        == 3 / 20**0.5
    )
    assert concepts("Ottawa asked Washington") == {"country:canada", "ask", "country:usa"}


def test_lexicon_entries_are_each_under_one_concept():
    table = lexicon()
    assert table[("mind", "wander")] == table[("distract",)] == "distracted"
    assert table[("remember",)] == table[("learn",)] == "learn"
    assert len(table) > 150


def test_similarity_by_hand():
    a, b = make_map(STUDENT), make_map(REFERENCE)
    # {ban, car, city, centre} both: 4 / sqrt(4 * 4) = 1, plus 0.15 for ¶2.
    assert similarity(a.claims["A"], b.claims["T1"]) == 1.15
    # {2019, oslo, park, centre} of 5 and 5 concepts: 4 / 5, plus 0.15 for ¶6.
    assert round(similarity(a.claims["B"], b.claims["PR1"]), 4) == 0.95
    # {shop, lose, customer} of {shop, owner, fear, lose, customer} and {shop,
    # lose, customer, car} ("will" is a modal, "without" a negator): 3 / sqrt(20),
    # no shared paragraph.
    assert round(similarity(a.claims["C"], b.claims["O1"]), 4) == 0.6708
    # {car} of 4 and 6 concepts: 1 / sqrt(24) = 0.204, below the 0.3 threshold.
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
    # All relations count. A's: B→A supports (= PR1→T1, which B lacks), C→A
    # attacks (= O1→T1, which B has), D→A supports (D unmatched: no match).
    # B's: P1→T1 supports, PR1→P1 supports, O1→T1 attacks. 1 shared: 1/3 and 1/3.
    rel = doc["relations"]
    assert (rel["precision"], rel["recall"], rel["hits"], rel["of_a"], rel["of_b"]) == (
        0.3333,
        0.3333,
        1,
        3,
        3,
    )
    assert rel["by_type"] == {
        "supports": {"precision": 0.0, "recall": 0.0, "hits": 0, "of_a": 2, "of_b": 2},
        "attacks": {"precision": 1.0, "recall": 1.0, "hits": 1, "of_a": 1, "of_b": 1},
    }
    assert rel["missing"] == [
        {"source": "P1", "target": "T1", "type": "supports"},
        {"source": "PR1", "target": "P1", "type": "supports"},
    ]
    assert rel["extra"] == [
        {"source": "B", "target": "A", "type": "supports"},
        {"source": "D", "target": "A", "type": "supports"},
    ]


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
    assert "relations    precision 0.333 (1/3)  recall 0.333 (1/3)" in out.splitlines()
    assert out.splitlines()[-3:] == [
        "missing relations: P1 supports T1, PR1 supports P1",
        "only in A: D",
        "only in B: P1",
    ]
    code, out, _ = run_cli("compare", "--format", "json", str(a), str(b))
    doc = json.loads(out)
    assert (
        code == 0 and doc["claims"]["precision"] == 0.75 and doc["relations"]["recall"] == 0.3333
    )
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


# A model with a loop (P3 ⇄ P4), a precedent (PR1), an undercut (U1) and a
# linked pair (P1 + P2), and a student's map that leaves out the loop, the
# precedent and the undercut and draws the linked pair as two supports.
MOTIVATING_MODEL = """
claims:
  T1: {kind: thesis, text: Canada should strike a deal to bring the two detained men home.}
  P1: {kind: premise, text: Without a deal the two men will stay in prison for years.}
  P2: {kind: premise, text: China will not free them until the extradition case ends.}
  P3: {kind: premise, text: Governments always bargained to free captives., supports: [T1, P4]}
  P4: {kind: premise, text: Bargaining for captives is normal practice., supports: P3}
  PR1:
    kind: precedent
    text: In 1985 the United States traded arms for hostages held in Lebanon.
    supports: P3
  O1: {kind: objection, text: Bargaining with kidnappers rewards hostage taking., attacks: T1}
  R1: {kind: rebuttal, text: Leaders who swore never to bargain did it anyway., attacks: O1}
  U1: {kind: objection, text: "The 1985 trade was a scandal, not a model.", undercuts: "PR1 -> P3"}
inferences:
  I1: {premises: [P1, P2], conclusion: T1}
"""
MOTIVATING_STUDENT = """
claims:
  T: {kind: thesis, text: Canada should make a deal so the two detained men come home.}
  A: {kind: premise, text: With no deal the two men stay in prison for years., supports: T}
  B: {kind: premise, text: China will not free the men until the extradition ends., supports: T}
  C: {kind: objection, text: Bargaining with kidnappers rewards hostage taking., attacks: T}
  D: {kind: rebuttal, text: Leaders who said they never bargain did it anyway., attacks: C}
"""


def test_missing_relations_and_split_links_count():
    result = compare_maps(make_map(MOTIVATING_STUDENT), make_map(MOTIVATING_MODEL))
    assert [(m.a, m.b) for m in result.matches] == [
        ("T", "T1"), ("A", "P1"), ("B", "P2"), ("C", "O1"), ("D", "R1")
    ]  # fmt: skip
    # The model's 9 relations: P1, P2 linked → T1; P3 → T1, P3 → P4, P4 → P3,
    # PR1 → P3; O1 attacks T1; R1 attacks O1; U1 undercuts PR1 → P3. The
    # student's 4: A → T and B → T (separate supports: no match), C attacks T
    # and D attacks C (both match). Recall 2/9, precision 2/4.
    assert (result.relations.hits, result.relations.of_a, result.relations.of_b) == (2, 4, 9)
    assert result.relations.recall != 1.0 and round(result.relations.recall or 0, 4) == 0.2222
    assert result.relations.precision == 0.5
    assert [(r.source, r.target) for r in result.diff.linked_split] == [("P1", "T1"), ("P2", "T1")]
    assert {r.type for r in result.diff.missing} == {"linked", "supports", "undercuts"}


def test_role_mismatch_is_flagged(run_cli, tmp_path):
    model = make_map(
        "claims:\n  T: {kind: thesis, text: Phones should be banned in class.}\n"
        "  O: {kind: objection, text: Parents need to reach their children., attacks: T}\n"
        "  R: {kind: rebuttal, text: Parents can call the school office., attacks: O}\n"
    )
    student = make_map(
        "claims:\n  T: {kind: thesis, text: Phones should be banned in class.}\n"
        "  O: {kind: objection, text: Parents need to reach their children., attacks: T}\n"
        "  X: {kind: premise, text: Parents can call the school office., supports: T}\n"
    )
    result = compare_maps(student, model)
    assert result.roles == (RoleMismatch("X", "R", "premise", "rebuttal"),)
    assert result.as_dict()["role_mismatches"] == [
        {"a": "X", "b": "R", "kind_a": "premise", "kind_b": "rebuttal"}
    ]


def test_pairs_file_pins_and_forbids(run_cli, tmp_path):
    a, b, pairs = tmp_path / "student.yaml", tmp_path / "ref.yaml", tmp_path / "pairs.yaml"
    a.write_text(STUDENT, encoding="utf-8")
    b.write_text(REFERENCE, encoding="utf-8")
    pairs.write_text("pin: {D: P1}\nforbid:\n  - [C, O1]\n", encoding="utf-8")
    code, out, _ = run_cli("compare", "--format", "json", "--pairs", str(pairs), str(a), str(b))
    doc = json.loads(out)
    assert code == 0
    # D ("Bicycles are cheap.") shares nothing with P1 but is pinned; C = O1 is forbidden.
    assert [(m["a"], m["b"], m.get("pinned", False)) for m in doc["matches"]] == [
        ("A", "T1", False), ("B", "PR1", False), ("D", "P1", True)
    ]  # fmt: skip
    assert doc["unmatched_a"] == ["C"] and doc["unmatched_b"] == ["O1"]
    # Rules under another file name do not apply to student.yaml.
    pairs.write_text("files:\n  other.yaml: {pin: {D: P1}}\n", encoding="utf-8")
    code, out, _ = run_cli("compare", "--format", "json", "--pairs", str(pairs), str(a), str(b))
    assert code == 0 and json.loads(out)["unmatched_a"] == ["D"]
    pairs.write_text("pin:\n  D: P9\n", encoding="utf-8")
    code, _, err = run_cli("compare", "--pairs", str(pairs), str(a), str(b))
    assert (
        code == 2 and f"{pairs}:2:6: error AM000 invalid-map: the model has no claim 'P9'" in err
    )
    pairs.write_text("forbid: [C]\n", encoding="utf-8")
    code, _, err = run_cli("compare", "--pairs", str(pairs), str(a), str(b))
    assert code == 2 and "each 'forbid' entry must be a pair: [student id, model id]" in err


def test_a_text_longer_than_spacys_limit_is_read_in_slices():
    # spaCy refuses texts over 1,000,000 characters; slices of ≤ 100,000 at spaces.
    text = "students learn " * 80_000 + "distracted"
    assert len(text) > 1_000_000
    assert concepts(text) == {"student", "learn", "distracted"}
