"""The diagram structure and its exports: Mermaid and GraphML exact text, escaping,
junction names shared with the renderer, what the exports report as lost."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx

from argmap.diagram import caption, diagram, junction_names
from argmap.io.graphml import GRAPHML, YED, dump_graphml
from argmap.io.mermaid import dump_mermaid, mermaid_text
from argmap.render.dot import RenderOptions, to_dot
from argmap.render.html.page import page_data
from argmap.render.pipeline import render_svg
from argmap.render.svg import SVG_NS as SVG
from argmap.util.text import and_list

from conftest import ROOT, make_map, needs_dot

SMALL = """
title: Bikes
claims:
  T1: {kind: thesis, text: Build bike lanes., para: 1}
  P1: {kind: premise, text: "Lanes make \\"cycling\\" safer.", supports: T1, tags: [safety]}
  P2: {kind: premise, text: Safer cycling brings more cyclists.}
  E1: {kind: evidence, text: "A study: 30% more riders.", supports: P1, source: "https://example.org/s"}
  O1: {kind: objection, text: "Lanes take <parking> & #space.", attacks: T1, undercuts: I1}
inferences:
  I1: {premises: [P1, P2], conclusion: T1}
"""


def test_mermaid_exact_text():
    exported = dump_mermaid(make_map(SMALL))
    assert exported.text == "\n".join(
        [
            "---",
            'title: "Bikes"',
            "---",
            "flowchart BT",
            '    n0["THESIS · T1 · ¶1<br/>Build bike lanes."]',
            '    n1("PREMISE · P1<br/>Lanes make #34;cycling#34; safer.")',
            '    n2("PREMISE · P2<br/>Safer cycling brings more cyclists.")',
            '    n3(["EVIDENCE · E1<br/>A study#58; 30#37; more riders."])',
            '    n4("OBJECTION · O1<br/>Lanes take #60;parking#62; #38; #35;space.")',
            '    j0(("I1"))',
            "    n1 --> n0",
            "    n3 --> n1",
            "    n1 --- j0",
            "    n2 --- j0",
            "    j0 --> n0",
            "    n4 --x n0",
            "    n4 -.-x j0",
            "    classDef thesis fill:#dbe9ff,stroke:#1f4e9c,stroke-width:3px,color:#111111",
            "    class n0 thesis",
            "    classDef premise fill:#e3f4e1,stroke:#2e7d32,stroke-width:1.5px,color:#111111",
            "    class n1,n2 premise",
            "    classDef evidence fill:#f3ecdd,stroke:#6d5a2b,stroke-width:1.5px,color:#111111",
            "    class n3 evidence",
            "    classDef objection fill:#fde4e1,stroke:#b3261e,stroke-width:1.5px,color:#111111",
            "    class n4 objection",
            "    classDef inference fill:#ffffff,stroke:#2e7d32,color:#111111",
            "    class j0 inference",
            "    linkStyle 5,6 stroke:#b3261e,stroke-width:2px",
            "",
        ]
    )
    assert exported.lost == ("source of 1 claim", "tags of 1 claim")


def test_mermaid_escapes_everything_it_could_read_as_syntax():
    assert mermaid_text('a "b" #c <d> &e `f`') == "a #34;b#34; #35;c #60;d#62; #38;e #96;f#96;"
    assert mermaid_text("back\\n slash\nnew  line\x01") == "back\\\u2060n slash new line#65533;"


def test_graphml_parses_with_data_keys_and_yed_labels(tmp_path):
    exported = dump_graphml(make_map(SMALL))
    path = tmp_path / "m.graphml"
    path.write_text(exported.text, encoding="utf-8")
    graph = nx.read_graphml(path)
    assert sorted(graph.nodes) == ["j0", "n0", "n1", "n2", "n3", "n4"]
    assert {k: graph.nodes["n4"][k] for k in ("kind", "text", "claim")} == {
        "kind": "objection",
        "text": "Lanes take <parking> & #space.",
        "claim": "O1",
    }
    assert graph.nodes["n3"]["source"] == "https://example.org/s"
    assert graph.nodes["n1"]["tags"] == "safety"
    assert graph.nodes["j0"]["kind"] == "inference"
    relations = sorted((u, v, d["relation"]) for u, v, d in graph.edges(data=True))
    assert relations == [
        ("j0", "n0", "support"),
        ("n1", "j0", "premise"),
        ("n1", "n0", "support"),
        ("n2", "j0", "premise"),
        ("n3", "n1", "support"),
        ("n4", "j0", "undercut"),
        ("n4", "n0", "attack"),
    ]
    root = ET.fromstring(exported.text.encode("utf-8"))
    labels = [e.text for e in root.iter(f"{{{YED}}}NodeLabel")]
    assert labels[0] == "THESIS · T1 · ¶1\nBuild bike lanes."
    assert root.find(f"{{{GRAPHML}}}graph/{{{GRAPHML}}}desc").text == "Bikes"
    assert exported.lost == ()


def test_graphml_replaces_characters_xml_cannot_hold():
    from argmap.model import ArgumentMap, Claim

    # the loader refuses control characters; a map built in code can still hold them
    amap = ArgumentMap("t.yaml", {"T1": Claim("T1", "thesis", "bell \a here")})
    exported = dump_graphml(amap)
    assert "bell \ufffd here" in exported.text
    assert exported.lost == ("characters XML cannot hold, in 1 text (replaced by U+FFFD)",)
    ET.fromstring(exported.text.encode("utf-8"))


def test_readme_mermaid_example_is_current():
    from argmap.io.yaml.reader import load_map

    amap = load_map(ROOT / "maps" / "two-michaels.yaml")
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    block = readme.split("```mermaid\n", 1)[1].split("```", 1)[0]
    assert block == dump_mermaid(amap).text
    assert block == (ROOT / "output" / "two-michaels.mmd").read_text(encoding="utf-8")


#: Two linked inferences declared Z then Y (so file order and id order disagree),
#: a shorthand support, and an undercut of Y.
Z_THEN_Y = """
title: Order
claims:
  T1: {kind: thesis, text: Open on Sundays.}
  P1: {kind: premise, text: Students work on weekdays., supports: T1}
  P2: {kind: premise, text: Students need quiet places.}
  P3: {kind: premise, text: The library is quiet.}
  P4: {kind: premise, text: Staff can be paid.}
  O1: {kind: objection, text: Quiet is not enough., undercuts: Y}
inferences:
  Z: {premises: [P2, P3], conclusion: T1}
  Y: {premises: [P3, P4], conclusion: T1}
"""


@needs_dot
def test_junction_names_agree_in_every_output():
    amap = make_map(Z_THEN_Y)
    assert junction_names(amap) == {"Z": "j0", "Y": "j1"}
    # DOT: the junction of Z is j0, fed by P2 (n2) and P3 (n3); the undercut hits j1.
    dot = to_dot(amap)
    assert "n2 -> j0 " in dot and "n3 -> j0 " in dot and "j0 -> n0 " in dot
    assert "n3 -> j1 " in dot and "n4 -> j1 " in dot and "n5 -> j1 " in dot
    assert dot.index("j0 [") < dot.index("j1 [")
    # SVG: element ids with the per-map prefix, tooltips naming the same inferences.
    root = ET.fromstring(render_svg(amap, map_id="m"))
    titles = {g.get("id"): g.findtext(f"{{{SVG}}}title") for g in root.iter(f"{{{SVG}}}g")}
    assert titles["m-j0"] == "Inference Z: P2 and P3 together support T1"
    assert titles["m-j1"] == "Inference Y: P3 and P4 together support T1"
    # HTML page data: relations name the junction of their inference.
    data = page_data(amap, [], RenderOptions())
    junction_of = {(r["inference"], r["type"]): r["junction"] for r in data["relations"]}
    assert junction_of == {
        ("P1 -> T1", "support"): None,
        ("Z", "support"): "j0",
        ("Y", "support"): "j1",
        ("Y", "undercut"): "j1",
    }
    # Mermaid and GraphML.
    mermaid = dump_mermaid(amap).text
    assert '    j0(("Z"))' in mermaid and '    j1(("Y"))' in mermaid
    assert "    n5 -.-x j1" in mermaid
    root = ET.fromstring(dump_graphml(amap).text.encode("utf-8"))
    labels = {
        node.get("id"): node.findtext(f"{{{GRAPHML}}}data[@key='d0']")
        for node in root.iter(f"{{{GRAPHML}}}node")
    }
    assert (labels["j0"], labels["j1"]) == ("Z", "Y")


INCOMPLETE = """
claims:
  T: {kind: thesis, text: t}
  A: {kind: premise, text: a}
  B: {kind: premise, text: b}
  U: {kind: objection, text: u, undercuts: [Y, W]}
inferences:
  Y: {premises: [A, MISSING], conclusion: NOPE}
  X: {premises: [A, B, GONE], conclusion: T}
  W: {premises: [GONE1, GONE2], conclusion: T}
  Z: {premises: [A, B], conclusion: T}
"""


def test_incomplete_inferences_keep_their_junction_names():
    amap = make_map(INCOMPLETE)
    assert junction_names(amap) == {"Y": "j0", "X": "j1", "W": "j2", "Z": "j3"}
    # The renderer draws X with the premises that exist; Y (no conclusion) and
    # W (no premise) are not drawn, nor are their undercuts.
    partial = diagram(amap, partial=True)
    assert [(j.name, j.inference.id, j.premises) for j in partial.junctions] == [
        ("j1", "X", ("A", "B")),
        ("j3", "Z", ("A", "B")),
    ]
    assert [(e.source, e.target, e.relation) for e in partial.edges] == [
        ("n1", "j1", "premise"),
        ("n2", "j1", "premise"),
        ("j1", "n0", "support"),
        ("n1", "j3", "premise"),
        ("n2", "j3", "premise"),
        ("j3", "n0", "support"),
    ]
    dot = to_dot(amap)
    assert "j0" not in dot and "j2" not in dot and "n3 -> " not in dot
    # The exports draw complete inferences only and list the rest.
    exported = dump_mermaid(amap)
    assert '    j3(("Z"))' in exported.text and "j1" not in exported.text
    assert exported.lost == (
        "inference Y (names no claim MISSING, NOPE)",
        "inference X (names no claim GONE)",
        "inference W (names no claim GONE1, GONE2)",
        "the undercut of Y by U",
        "the undercut of W by U",
    )
    assert dump_graphml(amap).lost == exported.lost


def test_edge_and_junction_phrases():
    shape = diagram(make_map(Z_THEN_Y))
    assert [e.phrase for e in shape.edges] == [
        "P1 supports T1",
        "P2: premise of inference Z",
        "P3: premise of inference Z",
        "P2 and P3 together support T1",
        "P3: premise of inference Y",
        "P4: premise of inference Y",
        "P3 and P4 together support T1",
        "O1 undercuts the step from P3 and P4 to T1",
    ]
    assert [j.phrase for j in shape.junctions] == [
        "Inference Z: P2 and P3 together support T1",
        "Inference Y: P3 and P4 together support T1",
    ]


def test_one_caption_for_every_output():
    claim = make_map(SMALL).claims["T1"]
    assert caption(claim) == "THESIS · T1 · ¶1"
    assert caption(claim, "Thesis", label_sep=" ", badge="IN") == "Thesis T1 · ¶1 · IN"
    shown = caption(claim, "THESIS", show_id=False, show_para=False, codes=["AM2", "AM1", "AM2"])
    assert shown == "THESIS  ⚠ AM1 AM2"


def test_and_list():
    assert and_list(["P2"]) == "P2"
    assert and_list(("P1", "P2", "P3")) == "P1, P2 and P3"
    assert and_list([f"P{k}" for k in range(14)], 12).endswith("P11, … and 2 more")
    assert and_list([]) == "no premises"
