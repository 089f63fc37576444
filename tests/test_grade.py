"""``argmap grade``: hand-made student maps scored by hand from the rubric of docs/grading.md.

The model (tests/fixtures/grading/phones/model.yaml) has 7 claims and 6
relations: P1 and P2 linked → T1 (2 ``linked``), E1 supports T1, O1 attacks
T1, R1 attacks O1, O2 undercuts E1 → T1. The model answers one objection
(O1, answered by R1). ``argmap check`` reports AM101 and AM107 on the model.

Score = 100 × Σ weight × part / Σ weight, default weights claims 30,
relations 35, kinds 10, thesis 10, objections 10, findings 5 (Σ = 100),
rounded half up.
"""

from __future__ import annotations

from fractions import Fraction

import pytest

from argmap.analysis.grade import Rubric, grade_map, score_of
from argmap.io.yaml.reader import load_map

from conftest import FIXTURES

PHONES = FIXTURES / "grading" / "phones"
F = Fraction

# Each student: the parts derived by hand, then the score.
EXPECTED = {
    # All 7 claims in other words (e.g. "If your mind wanders, you remember less
    # of the lesson" for "Students learn less when they are distracted"), same
    # kinds, same 6 relations; findings AM101, AM107 as the model.
    # 30 + 35 + 10 + 10 + 10 + 5 = 100.
    "perfect.yaml": ({"claims": F(7, 7), "relations": F(12, 12), "kinds": F(1), "thesis": F(1),
                      "objections": F(1), "findings": F(1)}, 100),
    # No undercut: 6/7 claims; 5 relations of its own, 5 shared, 6 in the model:
    # 2·5/(5+6) = 10/11; AM101 only (the model has it).
    # 30·6/7 + 35·10/11 + 10 + 10 + 10 + 5 = 25.714 + 31.818 + 35 = 92.53 → 93.
    "no_undercut.yaml": ({"claims": F(6, 7), "relations": F(10, 11), "kinds": F(1),
                          "thesis": F(1), "objections": F(1), "findings": F(1)}, 93),
    # The linked pair drawn as two separate supports: (S2,S1,supports) and
    # (S3,S1,supports) match neither linked relation: 4 shared of 6 and 6:
    # 2·4/12 = 2/3. 30 + 35·2/3 + 35 = 30 + 23.333 + 35 = 88.33 → 88.
    "split_link.yaml": ({"claims": F(1), "relations": F(2, 3), "kinds": F(1), "thesis": F(1),
                         "objections": F(1), "findings": F(1)}, 88),
    # The rebuttal drawn as a premise supporting the thesis: all 7 claims
    # matched, 6 of 7 of the same kind; relations: 6 of its own, 5 shared
    # (R1 attacks O1 missing): 10/12 = 5/6; O1 left unanswered: 0/1; new
    # finding code AM109 (the thesis is attacked by S5, which nothing attacks):
    # 1 − 0.25 = 3/4.
    # 30 + 35·5/6 + 10·6/7 + 10 + 0 + 5·3/4 = 30 + 29.167 + 8.571 + 10 + 3.75
    # = 81.49 → 81.
    "confused.yaml": ({"claims": F(1), "relations": F(5, 6), "kinds": F(6, 7), "thesis": F(1),
                       "objections": F(0), "findings": F(3, 4)}, 81),
    # Thesis (M1 = T1), an unanswered objection (M3 = O1) and a reason the
    # model lacks (M2, "Smartphones cost a lot of money", an extra claim) in a
    # circle with the thesis. Claims 2/7; relations: 3 of its own (M2→M1,
    # M1→M2, M3→M1), 1 shared (O1 attacks T1): 2·1/(3+6) = 2/9; kinds 2/2;
    # objections 0/1; new codes AM102 and AM109: 1 − 0.5 = 1/2.
    # 30·2/7 + 35·2/9 + 10 + 10 + 0 + 5·1/2 = 8.571 + 7.778 + 22.5 = 38.85 → 39.
    "muddled.yaml": ({"claims": F(2, 7), "relations": F(2, 9), "kinds": F(1), "thesis": F(1),
                      "objections": F(0), "findings": F(1, 2)}, 39),
    # Only the thesis: claims 1/7; relations 0 of its own, 0 shared, 6 in the
    # model: 0; kinds 1/1; thesis found; objections 0/1; AM101 only (model too).
    # 30/7 + 0 + 10 + 10 + 0 + 5 = 29.29 → 29.
    "thesis_only.yaml": ({"claims": F(1, 7), "relations": F(0), "kinds": F(1), "thesis": F(1),
                          "objections": F(0), "findings": F(1)}, 29),
}  # fmt: skip


@pytest.fixture(scope="module")
def model():
    return load_map(PHONES / "model.yaml")


@pytest.mark.parametrize("name", sorted(EXPECTED))
def test_parts_and_score_by_hand(model, name):
    parts, score = EXPECTED[name]
    grade = grade_map(load_map(PHONES / "class" / name), model)
    assert dict(grade.parts) == parts
    assert grade.score == score


def test_ranking_is_the_teachers(run_cli):
    code, out, _ = run_cli("grade", str(PHONES / "model.yaml"), str(PHONES / "class"))
    assert code == 0
    table = out.split("\n\n")[0].splitlines()
    ranked = [(line.split()[1], line.split()[-1].rsplit("/", 1)[-1]) for line in table[1:]]
    assert ranked == [
        ("100", "perfect.yaml"),
        ("93", "no_undercut.yaml"),
        ("88", "split_link.yaml"),
        ("81", "confused.yaml"),
        ("39", "muddled.yaml"),
        ("29", "thesis_only.yaml"),
    ]


def test_feedback_names_each_mistake_in_plain_words(model):
    split = grade_map(load_map(PHONES / "class" / "split_link.yaml"), model)
    assert (
        "Your S2 and your S3 support your S1 only together (linked premises); "
        "you drew them as separate reasons." in [f.sentence for f in split.feedback]
    )
    confused = grade_map(load_map(PHONES / "class" / "confused.yaml"), model)
    sentences = [f.sentence for f in confused.feedback]
    assert (
        "Wrong place: your S6 says “The school office can phone the parents when something "
        "urgent happens.” as a premise (a reason for another claim), but the model's “In an "
        "emergency parents can call the school office.” is an answer to an objection."
    ) in sentences
    assert (
        "Your S5 is an objection the model answers; nothing in your map answers it." in sentences
    )
    muddled = grade_map(load_map(PHONES / "class" / "muddled.yaml"), model)
    assert [f.sentence for f in muddled.feedback if f.status == "extra"] == [
        "Not in the model answer: your M2, “Smartphones cost a lot of money.”"
    ]
    assert muddled.new_codes == ("AM102", "AM109")


def test_undercut_drawn_as_attack_is_told(tmp_path, model):
    text = (PHONES / "class" / "perfect.yaml").read_text(encoding="utf-8")
    path = tmp_path / "attack.yaml"
    path.write_text(text.replace('undercuts: "S4 -> S1"', "attacks: S1"), encoding="utf-8")
    grade = grade_map(load_map(path), model)
    assert [r.target for r in grade.comparison.diff.undercut_as_attack] == ["E1->T1"]
    assert (
        "Your S7 questions the step from your S4 to your S1 (an undercut); "
        "you drew it as an attack." in [f.sentence for f in grade.feedback]
    )


def test_weights_from_the_model_and_from_a_rubric_file(run_cli, tmp_path, model):
    # Weights claims 1, relations 1, every other part 0: split_link scores
    # 100 · (1 + 2/3) / 2 = 83.33 → 83.
    rubric = tmp_path / "rubric.yaml"
    rubric.write_text(
        "grading:\n  weights: {claims: 1, relations: 1, kinds: 0, thesis: 0,"
        " objections: 0, findings: 0}\n",
        encoding="utf-8",
    )
    student = str(PHONES / "class" / "split_link.yaml")
    code, out, _ = run_cli("grade", str(PHONES / "model.yaml"), student, "--rubric", str(rubric))
    assert code == 0 and out.splitlines()[1].split()[:2] == ["1", "83"]
    own = tmp_path / "model.yaml"
    own.write_text(
        (PHONES / "model.yaml").read_text(encoding="utf-8")
        + "grading:\n  weights: {kinds: 0, thesis: 0, objections: 0, findings: 0}\n"
        + "  finding_penalty: 0.5\n",
        encoding="utf-8",
    )
    chosen = Rubric.from_blocks(load_map(own).extra["grading"])
    assert chosen.finding_penalty == F(1, 2)
    # claims 30 and relations 35 kept: 100 · (30 + 35 · 2/3) / 65 = 81.54 → 82.
    assert grade_map(load_map(student), model, chosen).score == 82


@pytest.mark.parametrize(
    ("block", "message"),
    [
        ("  weights: {claims: -1}", "4:21: error AM000 invalid-map: the weight of 'claims' must be"
         " a number ≥ 0"),
        ("  weights: {clams: 1}", "4:13: error AM000 invalid-map: unknown key 'clams' in"
         " 'grading: weights'; did you mean 'claims'?"),
        ("  threshold: 2", "4:14: error AM000 invalid-map: 'threshold' must be a number between"
         " 0.01 and 1"),
        ("  weights: {claims: 0, relations: 0, kinds: 0, thesis: 0, objections: 0, findings: 0}",
         "4:12: error AM000 invalid-map: every weight is 0: give one part a weight above 0"),
    ],
)  # fmt: skip
def test_bad_rubric_in_the_map_has_line_and_column(block, message):
    from argmap.errors import MapLoadError
    from argmap.io.yaml.reader import loads_map

    with pytest.raises(MapLoadError) as caught:
        loads_map("claims:\n  T: {kind: thesis, text: A.}\ngrading:\n" + block + "\n", "t.yaml")
    assert str(caught.value) == "t.yaml:" + message


def test_bad_rubric_file_exits_2(run_cli, tmp_path):
    rubric = tmp_path / "r.yaml"
    rubric.write_text("weights:\n  relations: many\n", encoding="utf-8")
    model, student = str(PHONES / "model.yaml"), str(PHONES / "class" / "perfect.yaml")
    code, out, err = run_cli("grade", model, student, "--rubric", str(rubric))
    assert code == 2 and out == ""
    assert f"{rubric}:2:14: error AM000 invalid-map: the weight of 'relations' must be" in err


def test_score_of_rounds_halves_up_and_drops_unmeasured_parts():
    rubric = Rubric()
    # (30 · 1/2 + 35 · 0) / (30 + 35) · 100 = 23.08 → 23; thesis None is left out.
    assert score_of({"claims": F(1, 2), "relations": F(0), "thesis": None}, rubric) == 23
    # 100 · 1/8 = 12.5 → 13 (half up).
    assert score_of({"claims": F(1, 8)}, rubric) == 13
    assert score_of({"thesis": None}, rubric) == 0


def test_schema_describes_the_grading_block():
    from jsonschema import Draft7Validator

    from argmap.io.yaml.schema import map_schema

    validator = Draft7Validator(map_schema())
    base = {"claims": {"T": {"kind": "thesis", "text": "A."}}}
    good = {**base, "grading": {"weights": {"claims": 50}, "threshold": 0.4}}
    assert not list(validator.iter_errors(good))
    for bad in ({"weights": {"claims": -1}}, {"weights": {"clams": 1}}, {"threshold": 0}):
        assert list(validator.iter_errors({**base, "grading": bad})), bad
