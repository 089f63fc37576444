"""Hostile texts through every output: DOT, SVG, PNG and PDF stay well-formed and literal."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pydot
import pytest

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import loads_map
from argmap.io.yaml.writer import dump_map
from argmap.model import ArgumentMap, Attack, Claim, Inference
from argmap.render.dot import RenderOptions, to_dot
from argmap.render.graphviz import run_dot
from argmap.render.labels import claim_tooltip, xml_safe
from argmap.render.outputs import render
from argmap.render.pipeline import map_prefix, render_svg
from argmap.render.style import THEMES

from conftest import needs_dot

S = "{http://www.w3.org/2000/svg}"
XLINK = "{http://www.w3.org/1999/xlink}"

TEXTS = [
    "She said \"no\" and 'yes'",
    r"back\slash \N \G \L \l \n \E \T \H \\ end\\",
    "<script>window.pwned = 1</script>",
    "&amp; &lt; & &#x41; &unknown; &",
    "{braces} [brackets] ]; n9 [label=x] <<TABLE>>",
    "</TD></TR></TABLE>> ]; evil [shape=box",
    "line one\nline two\n\nline four",
    "tab\there",
    "😀🎉👩‍👩‍👧 emoji and a ZWJ family",
    "مرحبا بالعالم وهذا نص عربي",
    "שלום עולם זה טקסט בעברית",
    "x" * 120,
    "https://example.org/" + "a" * 90 + "?q=1&r=<2>",
    "]]> <![CDATA[ x ]]> <!-- not a comment --> <?pi x?>",
    "zero\u200bwidth, soft\u00adhyphen and \u202eright-to-left override",
    "javascript:alert(1) as plain text",
    '" onload="window.pwned = 1',
    "%s %d {0} ${x} `cmd` $(rm -rf /)",
    "e\u0301 combining, Ελληνικά, Привет, 漢字かな交じり文",
]
IDS = [
    "node",
    "graph",
    "edge",
    "a:b",
    "x y",
    "<b>",
    '"q"',
    "\\N",
    "&amp;",
    "n0",
    "}",
    "-",
    "é",
    "P;1",
    "[x]",
    "<!--",
    "\\",
    "%",
    "😀",
]
SOURCES = [
    "<img src=x onerror=alert(1)> \\N",
    'https://example.org/a"b<c>&d',
    "mailto:a@b.c?subject=<x>",
]
ALLOWED_TAGS = {
    S + t
    for t in ("svg", "title", "desc", "g", "a", "path", "polygon", "polyline", "ellipse", "text")
}
ALLOWED_ATTRS = {
    "id",
    "class",
    "width",
    "height",
    "viewBox",
    "role",
    "aria-labelledby",
    "aria-describedby",
    "style",
    "transform",
    "fill",
    "stroke",
    "stroke-width",
    "stroke-dasharray",
    "stroke-linecap",
    "d",
    "points",
    "x",
    "y",
    "cx",
    "cy",
    "rx",
    "ry",
    "text-anchor",
    "font-family",
    "font-size",
    "font-weight",
    "font-style",
    XLINK + "href",
    "target",
    "rel",
}


def hostile_map() -> ArgumentMap:
    """Every text on its own claim, every id hostile, sources hostile; through YAML and back."""
    claims = {IDS[0]: Claim(IDS[0], "thesis", TEXTS[0], source=SOURCES[0])}
    infs, attacks = [], []
    for i, (cid, text) in enumerate(zip(IDS[1:], TEXTS[1:], strict=True), start=1):
        kind = "objection" if i % 4 == 0 else "premise"
        claims[cid] = Claim(cid, kind, text, source=SOURCES[i % 3] if i % 5 == 0 else None)
        if kind == "objection":
            attacks.append(Attack(cid, IDS[0]))
        else:
            infs.append(Inference(f"{cid} -> {IDS[0]}", (cid,), IDS[0]))
    amap = ArgumentMap(
        "maps/<hostile> \\N.yaml",
        claims,
        tuple(infs),
        tuple(attacks),
        title='<script>alert("t")</script> \\G & title',
    )
    return loads_map(dump_map(amap), "maps/<hostile> \\N.yaml")


@pytest.fixture(scope="module")
def amap():
    return hostile_map()


def squash(text: str) -> str:
    return re.sub(r"[\s\u2060]+", "", text)


def test_hostile_map_survives_yaml(amap):
    assert [c.text for c in amap.claims.values()] == TEXTS
    assert list(amap.claims) == IDS


def test_dot_parses_back_to_the_same_nodes(amap):
    dot = to_dot(amap, run_checks(amap))
    graphs = pydot.graph_from_dot_data(dot)
    assert len(graphs) == 1
    names = sorted(n.get_name() for n in graphs[0].get_nodes() if n.get_name() not in ("node",))
    assert names == sorted(f"n{i}" for i in range(len(IDS)))
    assert len(graphs[0].get_edges()) == len(IDS) - 1
    legend = graphs[0].get_subgraph("cluster_legend")[0]
    assert [n.get_name() for n in legend.get_nodes()][-1] == "legend_lines"


@needs_dot
@pytest.mark.parametrize("theme", list(THEMES))
def test_svg_is_well_formed_and_holds_no_injected_markup(amap, theme):
    svg = render_svg(amap, run_checks(amap), RenderOptions(theme=THEMES[theme]))
    root = ET.fromstring(svg)
    assert {el.tag for el in root.iter()} <= ALLOWED_TAGS
    attrs = {k for el in root.iter() for k in el.attrib}
    assert attrs <= ALLOWED_ATTRS, attrs - ALLOWED_ATTRS
    hrefs = [el.get(XLINK + "href") for el in root.iter(S + "a")]
    assert hrefs == ["mailto:a@b.c?subject=<x>", 'https://example.org/a"b<c>&d']
    assert root.find(S + "title").text == '<script>alert("t")</script> \\G & title'


@needs_dot
def test_svg_shows_every_text_and_id_literally(amap):
    found = run_checks(amap)
    root = ET.fromstring(render_svg(amap, found))
    nodes = {g.get("id"): g for g in root.iter(S + "g") if "claim" in g.get("class", "")}
    for i, claim in enumerate(amap.claims.values()):
        # the map's name is "N" (the path's last part after "\\"), then its content digest
        group = nodes[f"{map_prefix(amap, None, found)}n{i}"]
        shown = [t.text or "" for t in group.iter(S + "text")]
        lines = claim.text.splitlines()  # \x0b, \x1c … end lines too, as in Python
        assert squash(xml_safe(" ".join(lines))) in squash("".join(shown)), claim.id
        assert squash(claim.id) in squash(shown[0]), claim.id
        tooltip = claim_tooltip(claim, THEMES["default"].kinds[claim.kind].label, [])
        assert group.find(S + "title").text.split("\nFindings:")[0] == tooltip
    desc = root.find(S + "desc").text
    assert all(xml_safe(" ".join(c.text.split())) in desc for c in amap.claims.values())


@needs_dot
def test_png_and_pdf_render_and_png_is_stable(amap):
    found = run_checks(amap)
    png = render(amap, found, RenderOptions(), "png")
    assert png[:8] == b"\x89PNG\r\n\x1a\n" and png == render(amap, found, RenderOptions(), "png")
    assert render(amap, found, RenderOptions(), "pdf")[:5] == b"%PDF-"


def texts_outside_legend(el: ET.Element) -> list[str]:
    """The texts of an SVG element, in document order, leaving out the legend's."""
    if el.get("id", "").startswith("legend"):
        return []
    own = [el.text or ""] if el.tag == S + "text" else []
    return own + [t for child in el for t in texts_outside_legend(child)]


@needs_dot
def test_backslashes_reach_graphviz_unexpanded():
    amap = loads_map(
        'title: "a \\\\G b"\nclaims:\n  T1: {kind: thesis, text: "x \\\\N y \\\\l"}\n'
    )
    svg = run_dot(to_dot(amap), "svg").decode("utf-8")
    texts = texts_outside_legend(ET.fromstring(svg))
    assert [t.replace("\u2060", "") for t in texts[:3]] == [
        "a \\G b",
        "THESIS · T1",
        "x \\N y \\l",
    ]


def test_wide_characters_wrap_by_display_width():
    from argmap.util.text import display_width, wrap_text

    assert wrap_text("😀" * 30, 24) == ["😀" * 12, "😀" * 12, "😀" * 6]
    assert wrap_text("漢字 " * 10, 10) == ["漢字 漢字"] * 5
    assert display_width("e\u0301\u2060a") == 2
    lines = wrap_text("see https://example.org/" + "x" * 80 + " now", 24)
    assert max(display_width(line) for line in lines) <= 24


@pytest.mark.parametrize("char", ["\x00", "\x01", "\x0b", "\x1b", "\x7f", "\x85", "\ufffe"])
def test_control_characters_are_refused_at_load(char):
    from argmap.errors import MapLoadError
    from argmap.io.yaml.reader import loads_map

    text = f'claims:\n  T1: {{kind: thesis, text: "a\\u{ord(char):04x} b"}}\n'
    with pytest.raises(MapLoadError) as info:
        loads_map(text, "c.yaml")
    f = info.value.findings[0]
    assert (f.line, f.column) == (2, 28)  # the text's position
    assert f"control character U+{ord(char):04X}" in f.message
