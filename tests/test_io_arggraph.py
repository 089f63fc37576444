"""Reading the arggraph XML of the argumentative microtext corpus: EDUs, joints, ADUs
pro/opp, seg/sup/exa/add/reb/und edges; malformed files refused with line and column."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError
from argmap.io.arggraph import loads_arggraph
from argmap.io.formats import input_format, read_input

from conftest import FIXTURES

HERE = FIXTURES / "interchange" / "arggraph"
BIKES = str(HERE / "bike-lanes.arggraph.xml")


def test_claims_texts_and_kinds():
    amap = read_input(BIKES)[1].map
    assert amap.title == "bikes01: bike lanes"
    assert [(c.id, c.kind, c.tags) for c in amap.claims.values()] == [
        ("a1", "thesis", ()),
        ("a2", "premise", ()),
        ("a3", "evidence", ("example",)),
        ("a4", "objection", ("opponent",)),
        ("a5", "rebuttal", ()),
        ("a6", "objection", ("opponent",)),
        ("a7", "premise", ()),
    ]
    # a joint of two EDUs gives one claim with both texts; CDATA is kept as written
    assert (
        amap.claims["a2"].text == "Protected lanes cut injuries, and they get more people cycling."
    )
    assert amap.claims["a4"].text == "Lanes take away parking <spaces> & shops suffer."
    assert (amap.claims["a4"].loc.line, amap.claims["a4"].loc.column) == (16, 3)


def test_relations():
    imported = read_input(BIKES)[1]
    amap = imported.map
    # add joins a7 to the support c10: one linked inference named after the edge
    assert [(i.id, i.premises, i.conclusion, i.linked) for i in amap.inferences] == [
        ("c10", ("a2", "a7"), "a1", True),
        ("a3 -> a2", ("a3",), "a2", False),
    ]
    # und aimed at an attack becomes an attack on its attacker, with a note
    assert sorted((a.attacker, a.target) for a in amap.attacks) == [("a4", "a1"), ("a5", "a4")]
    assert [(u.attacker, u.inference) for u in amap.undercuts] == [("a6", "a3 -> a2")]
    notes = [(n.code, n.line, n.message) for n in imported.notes]
    assert notes == [
        ("AM001", 11, "EDU e9 belongs to no ADU: its text is left out"),
        (
            "AM001",
            33,
            "a5 undercuts the attack c13, which argmap cannot hold: kept as an attack on "
            "its attacker a4",
        ),
    ]


def test_detection_by_name_and_content():
    assert input_format("x.arggraph.xml", "") == "arggraph"
    assert input_format("micro_b001.xml", "<?xml version='1.0'?>\n<arggraph id='x'>") == "arggraph"


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        ("unclosed", (6, 3), "this arggraph XML file is not well-formed XML: mismatched tag"),
        ("missing-target", (9, 3), "edge c3 ends at 'a9', which is no ADU"),
    ],
)
def test_malformed_files_exit_2_with_position(run_cli, tmp_path, name, where, message):
    src = str(HERE / f"{name}.arggraph.xml")
    code, _, stderr = run_cli("convert", src, str(tmp_path / "out.yaml"))
    assert code == 2
    assert f"{src}:{where[0]}:{where[1]}: error AM000 invalid-map: {message}" in stderr
    assert not (tmp_path / "out.yaml").exists()
    with pytest.raises(MapLoadError) as caught:
        read_input(src)  # what every command reading a file goes through
    assert [(f.line, f.column) for f in caught.value.findings] == [where]


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ('<arggraph id="x"><edu/></arggraph>', "<edu> has no id"),
        (
            '<arggraph id="x"><adu id="a" type="pro"/><adu id="a"/></arggraph>',
            "id 'a' is used twice",
        ),
        ('<arggraph id="x"><adu id="a1" type="pro"/></arggraph>', "ADU a1 has no text"),
        ("<graphml/>", "the root element is <graphml>, not <arggraph>"),
        (
            '<arggraph><adu id="a"/><edge id="c" src="a" trg="a" type="xyz"/></arggraph>',
            "edge c has type 'xyz'",
        ),
        (
            '<arggraph><adu id="a"/><edge id="c" src="a" trg="a" type="und"/></arggraph>',
            "edge c ends at 'a', which is no edge",
        ),
        (
            '<!DOCTYPE a [<!ENTITY x "y">]><arggraph>&x;</arggraph>',
            "declares an entity, which could make a reader fetch files",
        ),
    ],
)
def test_broken_parts_are_named(text, message):
    with pytest.raises(MapLoadError) as caught:
        loads_arggraph(text, "t.xml")
    assert any(message in f.message for f in caught.value.findings), caught.value.findings


def test_hostile_input_takes_linear_time():
    with pytest.raises(MapLoadError) as caught:
        loads_arggraph("<arggraph>" + "<edu>" * 50_000, "deep.xml")
    assert caught.value.findings[0].message.endswith("no element found")
    text = "<arggraph>" + '<edu id="e">' + "[" * 100_000 + "</edu></arggraph>"
    imported = loads_arggraph(text, "wide.xml")  # an EDU in no ADU: a note, no claim
    assert imported.map.claims == {} and len(imported.notes) == 1
