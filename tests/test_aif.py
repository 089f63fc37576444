"""Reading and writing AIF JSON: an AIFdb-shaped sample, OVA's wrapper, broken inputs."""

from __future__ import annotations

import json

import pytest

from argmap.errors import MapLoadError
from argmap.io.aif import dump_aif, loads_aif, looks_like_aif
from argmap.util.files import read_text

from conftest import FIXTURES, make_map

SAMPLE = FIXTURES / "interchange" / "car-free.aif.json"


def sample():
    return loads_aif(read_text(SAMPLE), str(SAMPLE))


def test_sample_claims_one_by_one():
    amap = sample().map
    assert [(c.id, c.kind, c.text, c.rephrases) for c in amap.claims.values()] == [
        ("101", "thesis", "Cities should ban cars from their centres", ()),
        ("102", "premise", "Cars make city centres noisy", ()),
        ("103", "premise", "Noise harms residents' sleep", ()),
        ("105", "objection", "Shops in the centre depend on drivers", ()),
        ("107", "rebuttal", "Most shoppers arrive by tram", ()),
        ("109", "objection", "Electric cars will soon make traffic quiet", ()),
        ("112", "premise", "Car traffic makes the city centre loud", ("102",)),
    ]
    assert (amap.claims["101"].loc.line, amap.claims["101"].loc.column) == (3, 5)


def test_sample_relations_one_by_one():
    amap = sample().map
    assert [(i.id, i.premises, i.conclusion, i.linked) for i in amap.inferences] == [
        ("104", ("102", "103"), "101", True),
    ]
    assert [(a.attacker, a.target) for a in amap.attacks] == [("105", "101"), ("107", "105")]
    assert [(u.attacker, u.inference) for u in amap.undercuts] == [("109", "104")]


def test_sample_dialogue_is_dropped_with_notes():
    assert [n.format_text() for n in sample().notes] == [
        f"{SAMPLE}:2:3: warning AM001 import-note: dropped 2 L, 1 TA, 1 YA node(s) and "
        f"their edges: argmap keeps "
        "claims, inferences, conflicts and rephrases, not dialogue or preferences",
        f"{SAMPLE}:37:3: warning AM001 import-note: 2 locutions (dialogue data) dropped",
    ]


def test_one_premise_ra_is_a_plain_support_and_ova_wrapper_is_read():
    doc = {
        "AIF": {
            "nodes": [
                {"nodeID": "1", "text": "We should act", "type": "I"},
                {"nodeID": "2", "text": "It helps", "type": "I"},
                {"nodeID": "3", "text": "Default Inference", "type": "RA"},
                {"nodeID": "4", "text": "A preference", "type": "PA"},
            ],
            "edges": [{"fromID": "2", "toID": "3"}, {"fromID": "3", "toID": "1"}],
            "locutions": [],
        },
        "OVA": {"nodes": []},
        "text": "the analysed text",
    }
    result = loads_aif(json.dumps(doc, indent=1), "ova.json")
    assert [(i.id, i.linked) for i in result.map.inferences] == [("2 -> 1", False)]
    assert [(c.id, c.kind) for c in result.map.claims.values()] == [
        ("1", "thesis"),
        ("2", "premise"),
    ]
    assert [n.message for n in result.notes] == [
        "dropped 1 PA node(s) and their edges: argmap keeps claims, inferences, conflicts and "
        "rephrases, not dialogue or preferences",
        "OVA's analysed 'text' is not kept",
    ]


def test_export_is_valid_aif_with_argmap_data():
    amap = make_map(
        """
        title: T
        claims:
          T1: {kind: thesis, text: We should act., para: 2}
          P1: {kind: premise, text: It helps., supports: T1}
          O1: {kind: objection, text: Not so., undercuts: "P1 -> T1"}
        """
    )
    doc = json.loads(dump_aif(amap).text)
    assert [(n["nodeID"], n["type"], n["text"]) for n in doc["nodes"]] == [
        ("1", "I", "We should act."),
        ("2", "I", "It helps."),
        ("3", "I", "Not so."),
        ("4", "RA", "Default Inference"),
        ("5", "CA", "Default Conflict"),
    ]
    assert doc["nodes"][0]["argmap"] == {"id": "T1", "kind": "thesis", "para": 2}
    assert doc["nodes"][3]["argmap"] == {"id": "P1 -> T1", "linked": False}
    assert "argmap" not in doc["nodes"][4]
    assert [(e["fromID"], e["toID"]) for e in doc["edges"]] == [
        ("2", "4"),
        ("4", "1"),
        ("3", "5"),
        ("5", "4"),
    ]
    assert doc["locutions"] == [] and doc["argmap"] == {"version": 1, "title": "T"}
    assert looks_like_aif(dump_aif(amap).text)


def test_dangling_inference_is_reported_as_lost():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: A.}
        inferences:
          I1: {premises: [P9], conclusion: T1}
        """
    )
    assert dump_aif(amap).lost == ("inference I1 (names no claim P9)",)


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        (
            '{"nodes": [{"nodeID": 1, "text": "A", "type": "I"}], "edges": [',
            1,
            64,
            "malformed JSON: Expecting value",
        ),
        (
            '{"nodes": [{"nodeID": 1, "text": "A", "type": "I"}, {"nodeID": 1, "text": "B", '
            '"type": "I"}],'
            ' "edges": []}',
            1,
            64,
            "node id '1' is used twice",
        ),
        ('{"nodes": [], "edges": [], "nodes": []}', 1, 28, "duplicate key 'nodes'"),
        (
            '{"nodes": [{"nodeID": 1, "text": "A", "type": "I", "argmap": {"kind": '
            '"thesys"}}], "edges": []}',
            1,
            71,
            "unknown kind 'thesys'",
        ),
        ("[1, 2]", 1, 1, "an AIF file must be a JSON object"),
    ],
)
def test_broken_aif_names_line_and_column(text, line, col, message):
    with pytest.raises(MapLoadError) as info:
        loads_aif(text, "bad.json")
    finding = info.value.findings[0]
    assert (finding.file, finding.line, finding.column) == ("bad.json", line, col)
    assert message in finding.message
