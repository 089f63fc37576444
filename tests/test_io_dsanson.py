"""Reading the YAML argument maps of the dsanson/argmap tools: claims as keys, reasons
and objections, implicit claims, labels, strengths and notes."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError
from argmap.io.dsanson import loads_dsanson, looks_like_dsanson
from argmap.io.formats import input_format, read_input

from conftest import FIXTURES, ROOT

HERE = FIXTURES / "interchange" / "dsanson"
HOMEWORK = str(HERE / "homework.yml")


def test_claims_reasons_and_objections():
    fmt, imported = read_input(HOMEWORK)
    amap = imported.map
    assert fmt == "dsanson"
    assert [(c.id, c.kind, c.text) for c in amap.claims.values()] == [
        ("c1", "thesis", "Schools should give less homework"),
        ("c2", "premise", "Homework beyond an hour adds little learning."),
        ("c3", "premise", "A 2006 review found gains flatten after an hour."),
        ("c4", "premise", "Time not spent on homework is spent well."),
        ("c5", "premise", "Children need time to play."),
        ("c6", "objection", "Practice at home fixes what class teaches."),
        ("c7", "rebuttal", "Most homework repeats class work without feedback."),
    ]
    linked = {i.id: i for i in amap.inferences if i.linked}
    assert list(linked) == ["c1/r1"] and linked["c1/r1"].premises == ("c2", "c4")
    shorthand = sorted((i.premises, i.conclusion) for i in amap.inferences if not i.linked)
    assert shorthand == [(("c3",), "c2"), (("c5",), "c1")]
    assert sorted((a.attacker, a.target) for a in amap.attacks) == [("c6", "c1"), ("c7", "c6")]
    # the label and strength of r1 are tags of its claims; '-' marks an implicit claim
    assert amap.claims["c4"].tags == ("diminishing returns", "strength 4", "implicit")
    assert (amap.claims["c5"].loc.line, amap.claims["c5"].loc.column) == (13, 5)


def test_notes_are_reported_as_left_out():
    notes = read_input(HOMEWORK)[1].notes
    assert [(n.code, n.line, n.column, n.message) for n in notes] == [
        ("AM001", 7, 7, "the note of claim c2 is left out"),
        ("AM001", 18, 3, "the note of claim c1 is left out"),
    ]


def test_an_objection_of_several_claims_is_noted():
    text = "T:\n  o1:\n    A.:\n    B.:\n"
    imported = loads_dsanson(text, "o.yml")
    assert [(a.attacker, a.target) for a in imported.map.attacks] == [("c2", "c1"), ("c3", "c1")]
    assert [n.message for n in imported.notes] == [
        "objection 'o1' of claim c1: each claim attacks it alone"
    ]


def test_detection_by_content():
    assert looks_like_dsanson(open(HOMEWORK, encoding="utf-8").read())
    assert input_format("m.yml", "T:\n  r1:\n    P.:\n") == "dsanson"
    assert not looks_like_dsanson("claims:\n  T: {kind: thesis, text: x}\n")
    assert not looks_like_dsanson("statements:\n  s1: {text: x}\narguments: {}\n")
    assert not looks_like_dsanson("T: a text\n")
    assert not looks_like_dsanson("[1, 2]\n")
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        assert not looks_like_dsanson(path.read_text(encoding="utf-8")), path


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        (
            "bad-strength",
            (4, 15),
            "strength of reason 'r1' of claim c1 must be a whole number 1-5",
        ),
    ],
)
def test_malformed_files_exit_2_with_position(run_cli, tmp_path, name, where, message):
    src = str(HERE / f"{name}.yml")
    code, _, stderr = run_cli("convert", src, str(tmp_path / "out.yaml"))
    assert code == 2
    assert f"{src}:{where[0]}:{where[1]}: error AM000 invalid-map: {message}" in stderr
    with pytest.raises(MapLoadError) as caught:
        read_input(src)
    assert [(f.line, f.column) for f in caught.value.findings] == [where]


def test_malformed_yaml_is_refused_with_position():
    src = str(HERE / "bad-syntax.yml")
    with pytest.raises(MapLoadError) as caught:
        loads_dsanson(open(src, encoding="utf-8").read(), src)
    (finding,) = caught.value.findings
    assert (finding.line, finding.column) == (4, 4) and "malformed YAML" in finding.message


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("T:\n  r1: a text\n", "reason 'r1' of claim c1 must be a mapping"),
        ("T:\n  r1:\n    P.:\n    label: [x]\n", "label of reason 'r1' must be a text"),
        ("T:\n  r1:\n    P.:\n  r1:\n    Q.:\n", "duplicate key 'r1'"),
        ("- a list\n", "a dsanson/argmap map is a mapping of claims"),
        ('T:\n  r1:\n    "bell \\a":\n', "control character"),
    ],
)
def test_broken_parts_are_named(text, message):
    with pytest.raises(MapLoadError) as caught:
        loads_dsanson(text, "t.yml")
    assert any(message in f.message for f in caught.value.findings), caught.value.findings
