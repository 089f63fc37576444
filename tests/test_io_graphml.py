"""Reading GraphML back: argmap's own files (every field kept), the same file after an
edit in yEd, and malformed files refused with line and column."""

from __future__ import annotations

import pytest

from argmap.errors import MapLoadError
from argmap.io.formats import FORMATS, read_input
from argmap.io.graphml import dump_graphml, loads_graphml
from argmap.io.yaml.reader import loads_map

from conftest import FIXTURES, ROOT

HERE = FIXTURES / "interchange" / "graphml"

MAP = """\
title: Bikes
claims:
  T1: {kind: thesis, text: Build bike lanes., para: [1, 3]}
  P1:
    kind: premise
    text: "Lanes cut injuries; a <lot> & more."
    supports: T1
    source: [https://example.org/a, Town survey 2020]
    tags: [safety, "a; b"]
    score: 0.8
  P2: {kind: evidence, text: Seville tripled cycling., source: Smith 2019}
  O1: {kind: objection, text: Lanes take parking., attacks: T1, undercuts: L1}
  R1: {kind: rebuttal, text: Side streets have spaces., attacks: O1, undercuts: P1 -> T1}
inferences:
  L1: {premises: [P1, P2], conclusion: T1}
"""


def fields(amap):
    return [
        (c.id, c.kind, c.text, c.para, c.sources, c.tags, c.score) for c in amap.claims.values()
    ]


def relations(amap):
    infs = sorted((i.id, i.premises, i.conclusion, i.linked) for i in amap.inferences)
    attacks = sorted((a.attacker, a.target) for a in amap.attacks)
    return infs, attacks, sorted((u.attacker, u.inference) for u in amap.undercuts)


def test_what_argmap_writes_reads_back_whole():
    amap = loads_map(MAP, "m.yaml")
    exported = dump_graphml(amap)
    back = loads_graphml(exported.text, "m.graphml")
    assert back.notes == ()
    assert fields(back.map) == fields(amap)
    assert relations(back.map) == relations(amap)
    assert back.map.title == "Bikes"
    assert exported.lost == ()


def test_every_teaching_map_reads_back():
    for path in sorted((ROOT / "maps").glob("*.yaml")):
        amap = loads_map(path.read_text(encoding="utf-8"), str(path))
        back = loads_graphml(dump_graphml(amap).text, "m.graphml").map
        assert relations(back) == relations(amap), path
        assert [(c.id, c.kind, c.text) for c in back.claims.values()] == [
            (c.id, c.kind, c.text) for c in amap.claims.values()
        ], path


def test_a_file_edited_in_yed():
    fmt, imported = read_input(str(HERE / "yed-edited.graphml"))
    amap = imported.map
    assert fmt == "graphml"
    assert [(c.id, c.kind, c.text) for c in amap.claims.values()] == [
        ("T1", "thesis", "Build bike lanes."),
        ("P1", "premise", "Protected lanes cut injuries by half."),  # relabelled in yEd
        ("O1", "objection", "Lanes take parking."),  # label re-wrapped only
        ("n3", "rebuttal", "Parking can move to side streets."),  # drawn in yEd
        ("n4", "premise", "Side streets near the lanes have free spaces."),
    ]
    assert amap.claims["P1"].sources == ("https://example.org/a", "Town survey 2020")
    assert relations(amap) == (
        [("P1 -> T1", ("P1",), "T1", False), ("n4 -> n3", ("n4",), "n3", False)],
        [("O1", "T1"), ("n3", "O1")],
        [],
    )
    assert [(n.line, n.message) for n in imported.notes] == [
        (39, "the yEd label of claim P1 was edited: it is taken as the text"),
        (76, "node 'n3' has no argmap data: a claim with its label as text"),
        (87, "node 'n4' has no argmap data: a claim with its label as text"),
        (120, "an edge with no relation is read as attack"),
        (130, "an edge with no relation is read as support"),
    ]


@pytest.mark.parametrize(
    ("name", "where", "message"),
    [
        ("broken", (6, 7), "this GraphML file is not well-formed XML: mismatched tag"),
        ("dangling", (11, 5), "edge 'e0' names node 'n7', which is no node (or no usable one)"),
    ],
)
def test_malformed_files_exit_2_with_position(run_cli, tmp_path, name, where, message):
    src = str(HERE / f"{name}.graphml")
    code, _, stderr = run_cli("convert", src, str(tmp_path / "out.yaml"))
    assert code == 2
    assert f"{src}:{where[0]}:{where[1]}: error AM000 invalid-map: {message}" in stderr
    with pytest.raises(MapLoadError) as caught:
        read_input(src)
    assert [(f.line, f.column) for f in caught.value.findings] == [where]


NODE = '<node id="n0"><data key="k">thesis</data><data key="t">{text}</data>{more}</node>'
KEYS = (
    '<key id="k" attr.name="kind"/><key id="t" attr.name="text"/><key id="s" attr.name="score"/>'
)


@pytest.mark.parametrize(
    ("node", "message"),
    [
        (NODE.format(text="", more=""), "node 'n0' has neither text nor label"),
        (NODE.format(text="x", more='<data key="s">high</data>'), "score of claim n0 must be"),
        (NODE.format(text="bell \a", more=""), "not well-formed"),
    ],
)
def test_broken_parts_are_named(node, message):
    text = f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">{KEYS}<graph>{node}</graph></graphml>'
    with pytest.raises(MapLoadError) as caught:
        loads_graphml(text, "t.graphml")
    assert any(message in f.message for f in caught.value.findings), caught.value.findings


def test_graphml_is_readable_and_writable():
    assert FORMATS["graphml"].read is not None and FORMATS["graphml"].write is not None


FULL = """\
title: Cats
source: {title: Cat facts, url: "https://example.org/cats"}
theme: print
checks: {ignore: [unanswered-objection]}
evaluation: {grant: assumptions, standard: preponderance}
claims:
  T: {kind: thesis, text: Cats rule., standard: scintilla}
  P: {kind: premise, text: Cats purr., para: 2, supports: T, granted: true, span: [3, 9]}
  Q: {kind: premise, text: Felines purr., rephrases: P, ignore: [unsupported-claim]}
  O: {kind: objection, text: Cats scratch., attacks: T, granted: false}
"""


def test_graphml_keeps_every_field_and_setting():
    """What the plain keys cannot hold travels in the argmap data keys, read by the YAML
    rules: the map comes back whole and nothing is reported lost."""
    amap = loads_map(FULL, "full.yaml")
    written = dump_graphml(amap)
    assert written.lost == ()
    back = loads_graphml(written.text, "full.graphml")
    assert back.notes == ()
    assert FORMATS["argmap"].write(back.map).text == FORMATS["argmap"].write(amap).text


def test_bad_carried_data_is_refused_at_its_element():
    amap = loads_map(FULL, "full.yaml")
    text = dump_graphml(amap).text.replace('"standard": "scintilla"', '"standard": "hunch"')
    with pytest.raises(MapLoadError) as err:
        loads_graphml(text, "bad.graphml")
    (finding,) = err.value.findings
    line = next(n for n, ln in enumerate(text.splitlines(), 1) if '"hunch"' in ln)
    assert (finding.file, finding.line) == ("bad.graphml", line)
    assert "standard" in finding.message and "hunch" in finding.message


NODE = '<node id="{nid}"><data key="c">{cid}</data><data key="t">{text}</data>{more}</node>'


def graphml(*nodes: str, graph_data: str = "") -> str:
    keys = (
        '<key id="c" for="node" attr.name="claim"/><key id="t" for="node" attr.name="text"/>'
        '<key id="p" for="node" attr.name="para"/><key id="g" for="graph" attr.name="argmap"/>'
    )
    return (
        f'<graphml xmlns="http://graphml.graphdrawing.org/xmlns">{keys}\n'
        f'<graph id="G" edgedefault="directed">{graph_data}\n'
        + "\n".join(nodes)
        + "\n</graph></graphml>"
    )


@pytest.mark.parametrize(
    ("text", "where", "message"),
    [
        (
            graphml(
                NODE.format(nid="n", cid="A", text="a", more=""),
                NODE.format(nid="n", cid="B", text="b", more=""),
            ),
            (4, 1),
            "node id 'n' is used twice: rename one",
        ),
        (
            graphml(
                NODE.format(nid="n0", cid="A", text="a", more=""),
                NODE.format(nid="n1", cid="A", text="b", more=""),
            ),
            (4, 1),
            "claim id 'A' is used twice (node 'n1'): rename one",
        ),
        (
            graphml(NODE.format(nid="n0", cid="A", text="a", more='<data key="p">²</data>')),
            (3, 59),
            "para of claim A must be a whole number ≥ 1, not the text '²'",
        ),
        (
            graphml(
                NODE.format(nid="n0", cid="A", text="a", more=""),
                graph_data='<data key="g">{"source": ' + "[" * 100 + "]" * 100 + "}</data>",
            ),
            (2, 38),
            "the graph's argmap data: nesting deeper than 64 levels",
        ),
    ],
)
def test_hostile_graphml_is_refused_at_its_element(text, where, message):
    with pytest.raises(MapLoadError) as err:
        loads_graphml(text, "h.graphml")
    (finding,) = err.value.findings
    assert (finding.line, finding.column) == where
    assert finding.message.startswith(message)
