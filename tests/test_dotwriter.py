"""The DOT writer: one quoting rule, HTML-like labels only when argmap built them,
and Graphviz reading back exactly the statements written."""

from __future__ import annotations

import json
import subprocess

import pydot
import pytest

from argmap.render import dotwriter as dw
from argmap.render.dotwriter import Html

from conftest import needs_dot

HOSTILE = [
    'a"b',
    "back\\slash",
    "ends with a backslash\\",
    'ends with \\"',
    "two\nlines\r\nand CR",
    "<b>bold</b>",
    "<<TABLE>>",
    "x]; n9 [label=pwned",
    "a; b",
    "} digraph evil {",
    "-> n0",
    "émoji 🦉 ünïcödé ‮rtl",
    "node",
    "GRAPH",
    "",
    " ",
    "1a",
    "-1",
    "1.5\n",
    "nul\0byte",
]


@pytest.mark.parametrize(
    ("text", "written"),
    [
        ("box", "box"),
        ("n0", "n0"),
        ("12", "12"),
        ("0.45", "0.45"),
        (".5", ".5"),
        ("3.", "3."),
        ("legend_k2", '"legend_k2"'),
        ("0.14,0.08", '"0.14,0.08"'),
        ("#ffffff", '"#ffffff"'),
        ("", '""'),
        ("node", '"node"'),
        ("Edge", '"Edge"'),
        ("1a", '"1a"'),
        ("é", '"é"'),
        ('a"b\\c', '"a\\"b\\\\c"'),
        ("x\ny\rz", '"x\\ny\\rz"'),
        ("<b>x</b>", '"<b>x</b>"'),
        ("a\0b", '"a\ufffdb"'),
    ],
)
def test_value_quotes_all_but_plain_words_and_numbers(text, written):
    assert dw.value(text) == written


def test_only_html_built_by_argmap_passes_raw():
    assert dw.value(Html("<<B>x</B>>")) == "<<B>x</B>>"
    assert dw.value("<<B>x</B>>") == '"<<B>x</B>>"'
    assert dw.value(Html("<a>") + "b") == '"<a>b"'  # a joined string is no longer Html


def test_names_allow_underscores_but_quote_keywords_and_the_rest():
    assert [dw.name(n) for n in ("n0", "legend_k2", "_x", "cluster_b0")] == [
        "n0",
        "legend_k2",
        "_x",
        "cluster_b0",
    ]
    assert dw.name("node") == '"node"'
    assert dw.name("a:b") == '"a:b"'
    assert dw.name("0n") == '"0n"'


def test_statements_are_pydot_shaped():
    assert dw.node("n0") == "n0;\n"
    assert (
        dw.node("n0", {"shape": "box", "margin": "0.1,0.2"})
        == 'n0 [shape=box, margin="0.1,0.2"];\n'
    )
    assert dw.edge("n1", "n0", {"id": "e0"}) == "n1 -> n0 [id=e0];\n"
    assert dw.defaults("node", {"fontsize": "20"}) == "node [fontsize=20];\n"
    sub = dw.Block("subgraph", "row0", {"rank": "same"})
    sub.add(dw.node("n1"))
    assert sub.text() == "subgraph row0 {\nrank=same;\nn1;\n}\n"
    with pytest.raises(ValueError):
        dw.defaults("cluster", {})


def _hostile_graph() -> str:
    graph = dw.Block("digraph", "G", {"label": HOSTILE[0]})
    for i, text in enumerate(HOSTILE):
        graph.add(dw.node(f"n{i}", {"class": text, "tooltip": text, "id": f"n{i}"}))
        graph.add(dw.edge(f"n{i}", "n0", {"id": text}))
    return graph.text()


def test_hostile_values_parse_back_with_pydot_as_the_same_statements():
    parsed = pydot.graph_from_dot_data(_hostile_graph())
    assert parsed is not None and len(parsed) == 1
    names = [n.get_name() for n in parsed[0].get_nodes()]
    assert names == [f"n{i}" for i in range(len(HOSTILE))]
    assert len(parsed[0].get_edges()) == len(HOSTILE)
    for node, text in zip(parsed[0].get_nodes(), HOSTILE, strict=True):
        assert node.get("class") == dw.quote(text)  # pydot keeps the quoted form


@needs_dot
def test_graphviz_reads_each_hostile_value_whole():
    """Graphviz's own parser sees exactly the nodes and edges written, each value
    as one string (Graphviz keeps ``\\\\`` and ``\\n`` escapes for later expansion)."""
    done = subprocess.run(
        ["dot", "-Tjson"], input=_hostile_graph().encode(), capture_output=True, check=True
    )
    graph = json.loads(done.stdout)
    assert [o["name"] for o in graph["objects"]] == [f"n{i}" for i in range(len(HOSTILE))]
    assert len(graph["edges"]) == len(HOSTILE)
    for obj, edge, text in zip(graph["objects"], graph["edges"], HOSTILE, strict=True):
        kept = dw.quote(text)[1:-1].replace('\\"', '"')
        if not text:  # Graphviz leaves an empty attribute out
            assert "class" not in obj and "id" not in edge
            continue
        assert obj["class"] == obj["tooltip"] == edge["id"] == kept
        assert edge["tail"] == obj["_gvid"] and edge["head"] == 0


def test_the_encoded_dot_is_the_text_in_utf8():
    block = dw.Block("digraph", "argmap", {"rankdir": "BT"})
    block.add(dw.node("n1", {"label": "Größe → «x»"}))
    block.add(dw.edge("n1", "n2", {}))
    assert block.encoded() == block.text().encode("utf-8")
    assert block.text().startswith("digraph argmap {\nrankdir=BT;\n")
    assert block.text().endswith("n1 -> n2;\n}\n")
