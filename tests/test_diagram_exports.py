"""Mermaid and GraphML exports: exact text, escaping, junctions, what they report as lost."""

from __future__ import annotations

import xml.etree.ElementTree as ET

import networkx as nx

from argmap.io.graphml import GRAPHML, YED, dump_graphml
from argmap.io.mermaid import dump_mermaid, mermaid_text

from conftest import ROOT, make_map

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
            '    n3(["EVIDENCE · E1<br/>A study: 30% more riders."])',
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
