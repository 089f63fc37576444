"""``argmap evaluate`` on the command line: the reading named, strength notes, options."""

from __future__ import annotations

import json

from argmap.analysis.strength_notes import strength_notes, undefined_strengths

from conftest import make_map

TWO_REASONS = """\
claims:
  T: {kind: thesis, text: Phones should be banned in class., score: 0.7}
  P1: {kind: premise, text: They distract students., supports: T, score: 0.8}
  P2: {kind: premise, text: They make cheating easy., supports: T, score: 0.9}
  O: {kind: objection, text: Students cheat without phones too., attacks: P2}
"""

LOOP = """\
claims:
  T: {kind: thesis, text: T.}
  P1: {kind: premise, text: P1., supports: T}
  P3: {kind: premise, text: P3., supports: [P4, T]}
  P4: {kind: premise, text: P4., supports: P3}
  O: {kind: objection, text: O., attacks: P1, score: 0.9}
  Q: {kind: premise, text: Q., supports: T}
"""


def write(tmp_path, text, name="m.yaml"):
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_text_names_the_reading_and_the_thesis_stands(run_cli, tmp_path):
    code, out, _ = run_cli("evaluate", write(tmp_path, TWO_REASONS), "--explain", "T")
    assert code == 0
    # DF-QuAD: O = 0.5; P2: 0.9 - 0.9*0.5 = 0.45; vs = 1 - (1-0.8)(1-0.45) = 0.89;
    # T = 0.7 + 0.3*0.89 = 0.967.
    assert out.splitlines()[:10] == [
        "reading: carneades, standard dialectical-validity, claims without reasons granted"
        " (a claim stands when one of its reasons stands and no objection to it stands)",
        "label  strength  claim    kind",
        "IN     0.967     T        thesis",
        "IN     0.800     P1       premise",
        "OUT    0.450     P2       premise",
        "IN     0.500     O        objection",
        "",
        "key: IN = stands, OUT = does not stand, UNDEC = undecided (a loop nothing settles)",
        "     strength: 0 to 1, from DF-QuAD, which weighs every reason and objection by "
        "its score",
        "",
    ]
    assert out.endswith(
        "T is IN: the reason from P1 stands (the reason from P2 does not stand: "
        "premise P2 is OUT), and nothing objects to it.\n"
    )


def test_grounded_reading_marks_a_strength_that_disagrees(run_cli, tmp_path):
    code, out, _ = run_cli("evaluate", write(tmp_path, TWO_REASONS), "--semantics", "grounded")
    assert code == 0
    lines = out.splitlines()
    assert lines[0] == (
        "reading: grounded (bipolar), support necessary "
        "(a claim stands when every claim attacking it is defeated)"
    )
    assert lines[1:3] == ["label  strength  claim    kind", "OUT    0.967*    T        thesis"]
    assert lines[-1] == (
        "* T: strength weighs every reason and objection by its score, standing or not; "
        "the label counts only those that stand"
    )
    _, out, _ = run_cli(
        "evaluate", write(tmp_path, TWO_REASONS), "--semantics", "grounded", "--support",
        "convergent",
    )  # fmt: skip
    assert out.splitlines()[:3] == [
        "reading: grounded (bipolar), support convergent "
        "(a claim stands when every claim attacking it is defeated)",
        "label  strength  claim    kind",
        "IN     0.967     T        thesis",
    ]


def test_support_without_grounded_is_a_usage_error(run_cli, tmp_path):
    code, out, err = run_cli("evaluate", write(tmp_path, TWO_REASONS), "--support", "necessary")
    assert code == 2 and out == ""
    assert "--support applies to --semantics grounded only" in err
    code, _, err = run_cli(
        "evaluate", write(tmp_path, TWO_REASONS), "--semantics", "grounded", "--grant", "all"
    )
    assert code == 2 and "--standard and --grant apply to --semantics carneades only" in err


def test_json_keeps_labelling_and_adds_reading_and_notes(run_cli, tmp_path):
    code, out, _ = run_cli("evaluate", write(tmp_path, LOOP), "--format", "json")
    assert code == 0
    doc = json.loads(out)
    assert doc["labelling"] == {
        "T": "IN", "P1": "OUT", "P3": "UNDEC", "P4": "UNDEC", "O": "IN", "Q": "IN",
    }  # fmt: skip
    assert doc["reading"]["semantics"] == "carneades"
    assert doc["reading"]["standard"] == "dialectical-validity"
    assert doc["support"] is None
    assert doc["notes"] == {
        "T": "n/a: downstream of the loop P3 → P4 → P3",
        "P3": "n/a: on the loop P3 → P4 → P3",
        "P4": "n/a: on the loop P3 → P4 → P3",
    }


def test_na_strengths_explain_themselves(run_cli, tmp_path):
    _, out, _ = run_cli("evaluate", write(tmp_path, LOOP), "--explain", "P3")
    assert "\nn/a for P3 and P4: on the loop P3 → P4 → P3\n" in out
    assert "\nn/a for T: downstream of the loop P3 → P4 → P3\n" in out
    assert out.endswith("P3 is UNDEC: it is on a loop that nothing settles (P3 → P4 → P3).\n")


def test_notes_on_attack_loops_and_in_with_low_strength():
    amap = make_map(
        """
        claims:
          c: {kind: thesis, text: C.}
          b: {kind: objection, text: B., attacks: c}
          a: {kind: rebuttal, text: A., attacks: b}
          s: {kind: objection, text: S., attacks: [s, c]}
        """
    )
    assert undefined_strengths(amap) == {
        "c": (False, "s → s"),
        "s": (True, "s → s"),
    }
    chain = make_map(
        """
        claims:
          c: {kind: thesis, text: C.}
          b: {kind: objection, text: B., attacks: c}
          a: {kind: rebuttal, text: A., attacks: b}
        """
    )
    # c is IN (its attacker b is OUT) but its strength is 0.375 < 0.5: noted.
    notes = strength_notes(chain, {"c": "IN", "b": "OUT", "a": "IN"}, {"c": 0.375, "b": 0.25})
    assert list(notes) == ["c"] and notes["c"].startswith("strength 0.38 but IN: ")


def test_what_if_under_the_default(run_cli, tmp_path):
    code, out, _ = run_cli("evaluate", write(tmp_path, TWO_REASONS), "--reject", "P1")
    assert code == 0
    assert out.endswith("changed:\n  T: IN -> OUT\n  P1: IN -> OUT\n")


def test_readme_walks_through_the_proof_standard_example(run_cli, monkeypatch):
    from conftest import ROOT

    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    command = "$ argmap evaluate docs/examples/proof-standards.yaml --explain T1\n"
    shown = readme.split(command, 1)[1].split("```", 1)[0]
    _, out, _ = run_cli("evaluate", "docs/examples/proof-standards.yaml", "--explain", "T1")
    assert out == shown
    # the map shown in the README is the file's map
    block = readme.split("asks\nfor a preponderance of the evidence:\n\n```yaml\n", 1)[1]
    shown_map = make_map(block.split("```", 1)[0])
    from argmap.io.yaml.reader import load_map

    real = load_map(ROOT / "docs" / "examples" / "proof-standards.yaml")
    assert {c: (x.kind, x.text, x.score) for c, x in shown_map.claims.items()} == {
        c: (x.kind, x.text, x.score) for c, x in real.claims.items()
    }
    assert shown_map.evaluation == real.evaluation
    # the table of T1's label under each standard (line 2: after the reading and the header)
    table = readme.split("| `--standard` | T1 | why |\n|---|---|---|\n", 1)[1].split("\n\n")[0]
    for row in table.splitlines():
        standard, label = row.split("|")[1].strip(" `"), row.split("|")[2].strip()
        _, out, _ = run_cli(
            "evaluate", "docs/examples/proof-standards.yaml", "--standard", standard
        )
        assert out.splitlines()[2].startswith(f"{label:<6} "), standard


def test_docs_worked_example_matches_real_output(run_cli, tmp_path):
    from conftest import ROOT

    doc = (ROOT / "docs" / "evaluate.md").read_text(encoding="utf-8")
    example = doc.split("### Worked example\n\n```yaml\n", 1)[1]
    text, rest = example.split("```\n", 1)
    shown = rest.split("$ argmap evaluate phones.yaml --explain T\n", 1)[1].split("```", 1)[0]
    _, out, _ = run_cli("evaluate", write(tmp_path, text, "phones.yaml"), "--explain", "T")
    assert out == shown


def test_the_gloss_follows_the_standard_the_grant_and_own_standards(run_cli, tmp_path):
    from argmap.analysis.evaluate import evaluate

    amap = make_map(TWO_REASONS)
    assert evaluate(amap, standard="scintilla", grant="assumptions").reading.gloss() == (
        "a claim stands when it gets what its proof standard asks for: at least one "
        "standing reason; a claim without reasons stands only if marked granted: true"
    )
    own = make_map(TWO_REASONS.replace("score: 0.7}", "score: 0.7, standard: scintilla}"))
    assert evaluate(own).reading.gloss() == (
        "a claim stands when one of its reasons stands and no objection to it stands "
        "(a claim with its own standard: when it gets what that standard asks for)"
    )
    _, out, _ = run_cli("evaluate", write(tmp_path, TWO_REASONS), "--format", "json")
    reading = json.loads(out)["reading"]
    assert reading["text"] == (
        "carneades, standard dialectical-validity, claims without reasons granted"
    )
    assert reading["gloss"].startswith("a claim stands when one of its reasons stands")
