"""JSON read into position-carrying nodes; argmap JSON maps validated with positions."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError
from argmap.io.json.mapjson import dump_json_map, loads_json_map
from argmap.io.json.tree import compose_json
from argmap.io.tree import Map, Scalar, Seq

from conftest import make_map


def test_nodes_carry_values_and_positions():
    root = compose_json('\ufeff{"a": [1, 2.5, true, null],\n "b": {"c": "\\u00e9"}, "d": {}}')
    assert isinstance(root, Map) and (root.line, root.column) == (1, 1)
    key, seq = root.pairs["a"]
    assert (key.line, key.column) == (1, 2)
    assert isinstance(seq, Seq) and [(s.value, s.column) for s in seq.items] == [
        (1, 8),
        (2.5, 11),
        (True, 16),
        (None, 22),
    ]
    inner = root.pairs["b"][1]
    assert isinstance(inner, Map)
    value = inner.pairs["c"][1]
    assert isinstance(value, Scalar) and (value.value, value.line, value.column) == ("é", 2, 13)
    assert root.pairs["d"][1].pairs == {}


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ('{"a": 1,\n "a": 2}', 2, 2, "duplicate key 'a' (first defined at line 1)"),
        ("[1, NaN]", 1, 5, "NaN is not a JSON number"),
        ('{"a": -Infinity}', 1, 7, "-Infinity is not a JSON number"),
        ("[" * 70 + "]" * 70, 1, 65, "nesting deeper than 64 levels"),
        ("[" * 5000 + "]" * 5000, 1, 1, "JSON nested too deeply"),
        ('{"a": [1, 2}', 1, 12, "malformed JSON"),
        ("", 1, 1, "malformed JSON: Expecting value"),
    ],
)
def test_json_problems_name_line_and_column(text, line, col, message):
    with pytest.raises(MapLoadError) as info:
        compose_json(text, "x.json")
    finding = info.value.findings[0]
    assert (finding.line, finding.column) == (line, col)
    assert message in finding.message


def test_argmap_json_is_checked_by_the_yaml_rules_with_json_positions():
    text = (
        '{\n  "claims": {\n    "T1": {"kind": "thesys", "text": "A"},\n    "P1": '
        '{"kind": "premise", "text": "B", "supports": "T9"}\n  }\n}\n'
    )
    with pytest.raises(MapLoadError) as info:
        loads_json_map(text, "m.json")
    assert [f.format_text() for f in info.value.findings] == [
        "m.json:3:20: error AM000 invalid-map: unknown kind 'thesys' for claim T1; did you mean "
        "'thesis'? (kinds: thesis, premise, precedent, evidence, objection, rebuttal)",
        "m.json:4:56: error AM000 invalid-map: claim P1 supports 'T9', which is no claim id",
    ]


def test_json_export_shape():
    amap = make_map(
        "claims:\n  T1: {kind: thesis, text: A}\n  P1: {kind: premise, text: B, supports: "
        "T1, para: [2]}\n"
    )
    assert dump_json_map(amap).text == (
        '{\n  "version": 1,\n  "claims": {\n    "T1": {\n      "kind": "thesis",\n      '
        '"text": "A"\n'
        '    },\n    "P1": {\n      "kind": "premise",\n      "text": "B",\n      '
        '"supports": "T1",\n'
        '      "para": 2\n    }\n  }\n}\n'
    )
