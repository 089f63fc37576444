"""``--explain`` sentences in plain words: reasons named by their premises (as the
diagrams draw them), never by an inference id, and singular or plural as it should be."""

from __future__ import annotations

import re
from pathlib import Path

from argmap.analysis.evaluate import evaluate, explain
from argmap.io.yaml.reader import load_map

from conftest import make_map

MAPS = sorted((Path(__file__).resolve().parents[1] / "maps").glob("*.yaml"))


def test_school_uniforms_thesis_names_its_reasons_by_their_premises():
    ev = evaluate(load_map(MAPS[0].parent / "school-uniforms.yaml"))
    assert explain(ev, "T1").reason == (
        "T1 is IN: the reasons from P5, from P6 and from P2 and P3 together stand "
        "(the reason from P1 does not stand: premise P1 is OUT), and no objection to it "
        "stands (O2 is OUT)."
    )
    assert [r["from"] for r in explain(ev, "T1").reasons] == [["P1"], ["P5"], ["P6"], ["P2", "P3"]]


def test_wet_streets_thesis_falls_to_the_undercut_of_its_only_reason():
    ev = evaluate(load_map(MAPS[0].parent / "wet-streets-undercut.yaml"))
    assert explain(ev, "T1").reason == (
        "T1 is OUT: its only reason, from P1 and P2 together, does not stand: "
        "U1, which is IN, undercuts it."
    )


def test_every_sentence_on_every_teaching_map_speaks_of_claims_only():
    assert len(MAPS) >= 10
    for path in MAPS:
        amap = load_map(path)
        ev = evaluate(amap)
        steps = {i.id for i in amap.inferences}
        for cid in amap.claims:
            text = explain(ev, cid).reason
            assert text.startswith(f"{cid} is {ev.labelling[cid]}: ") and text.endswith("."), text
            assert " -> " not in text, (path.name, text)
            assert not steps & set(re.findall(r"[\w-]+", text)) - set(amap.claims), text
            # plural subjects take plural verbs, single ones singular
            many = r"\b(reasons|objections) (?:(?!, and no)[^()])*? stands\b"
            assert not re.search(many, text), text
            assert not re.search(r"\bthe (reason|objection) [^();:]*?(?<!not) stand\b", text), text
            assert not re.search(r"\b\w+ and \w+ is (IN|OUT)\b", text), text


def test_plural_objections_open_reasons_and_undercuts():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          A: {kind: premise, text: A., supports: T}
          B: {kind: premise, text: B., supports: T}
          O1: {kind: objection, text: O1., attacks: T}
          O2: {kind: objection, text: O2., attacks: T}
          U1: {kind: objection, text: U1., undercuts: "A -> T"}
          U2: {kind: objection, text: U2., undercuts: "A -> T"}
          R1: {kind: rebuttal, text: R1., attacks: [U1, U2]}
          X: {kind: premise, text: X., attacks: [B, Y]}
          Y: {kind: premise, text: Y., attacks: X}
        """
    )
    ev = evaluate(amap)
    assert explain(ev, "T").reason == (
        "T is OUT: the objections O1 and O2 to it stand (O1 and O2 are IN)."
    )
    why = {r["from"][0]: r["why"] for r in explain(ev, "T").reasons}
    assert why == {"A": "premise A is IN; its undercuts U1 and U2 are OUT", "B": "B is undecided"}
    ev = evaluate(amap, reject=["O1", "O2"])
    assert explain(ev, "T").reason == (
        "T is IN: the reason from A stands (the reason from B is open: B is undecided), "
        "and no objection to it stands (O1 and O2 are OUT)."
    )
