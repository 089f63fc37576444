"""The one-pass SVG finisher writes the bytes a tree rewrite gives: a reference
finisher (parse to an ElementTree, rewrite the tree, ``tostring``) is run on
Graphviz's SVG of the committed maps and on hand-made awkward inputs."""

from __future__ import annotations

import re
import xml.etree.ElementTree as ET

import pytest
from defusedxml.ElementTree import fromstring

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import load_map
from argmap.render.dot import RenderOptions, build_diagram
from argmap.render.graphviz import run_dot
from argmap.render.pipeline import dot_text, svg_extras
from argmap.render.svg import SvgExtras, finish_svg
from argmap.render.svgattrs import UNSAFE_TAGS, S, rewrite, safe_href, size_attributes
from argmap.util.urls import url_scheme

from conftest import ROOT, needs_dot


def _retitle(group: ET.Element, text: str | None) -> None:
    old = group.find(S + "title")
    if old is not None:
        group.remove(old)
    if text is not None:
        title = ET.Element(S + "title")
        title.text, title.tail = text, "\n"
        group.insert(0, title)


def _wrap(group: ET.Element, url: str) -> None:
    if not safe_href(url):
        return
    external = url_scheme(url) is not None
    href = "{http://www.w3.org/1999/xlink}href"
    link = ET.Element(S + "a", {href: url, "target": "_blank" if external else "_top"})
    if external:
        link.set("rel", "noopener noreferrer")
    link.text, link.tail = "\n", "\n"
    for child in [c for c in group if c.tag != S + "title"]:
        group.remove(child)
        link.append(child)
    group.append(link)


def reference(svg: bytes, extras: SvgExtras) -> bytes:
    """The tree rewrite (the finisher as it was before it streamed)."""
    root = fromstring(svg)
    for parent in list(root.iter()):
        for child in list(parent):
            if child.tag in UNSAFE_TAGS:
                parent.remove(child)
    for group in list(root.iter(S + "g")):
        gid, classes = group.get("id", ""), group.get("class", "").split()
        if "graph" in classes:
            _retitle(group, None)
        elif gid in extras.titles:
            _retitle(group, extras.titles[gid])
        if gid in extras.links:
            _wrap(group, extras.links[gid])
    for el in root.iter():
        el.attrib = rewrite(dict(el.attrib), extras.prefix)
    view_box = root.get("viewBox", "")
    root.attrib = size_attributes(view_box, extras.width)
    p = extras.prefix
    root.attrib.update(
        {"viewBox": view_box, "role": "img", "aria-labelledby": f"{p}title"}
        | {"aria-describedby": f"{p}desc"}
    )
    for i, (tag, text) in enumerate((("title", extras.title), ("desc", extras.desc))):
        el = ET.Element(S + tag, {"id": f"{p}{tag}"})
        el.text, el.tail = text, "\n"
        root.insert(i, el)
    ET.register_namespace("", "http://www.w3.org/2000/svg")
    ET.register_namespace("xlink", "http://www.w3.org/1999/xlink")
    body = ET.tostring(root, encoding="utf-8", xml_declaration=False)
    return b'<?xml version="1.0" encoding="UTF-8"?>\n' + body + b"\n"


HEAD = (
    '<svg viewBox="0 0 10 10" xmlns="http://www.w3.org/2000/svg" '
    'xmlns:xlink="http://www.w3.org/1999/xlink">'
)
AWKWARD = {
    "no links: no xlink namespace": '<g id="n0"><title>n0</title><text>x</text></g>',
    "empty elements and text": '<g id="n0"/><g id="e1"></g><g id="x"> </g><text></text>',
    "title after the shapes": '<g id="n0">\n<path d="M0"/>\n<title>n0</title>\n</g>',
    "nested unsafe and tails": (
        '<g id="n0">a<script>b<g id="n1"/></script>c<use xlink:href="#n0"/>d'
        "<foreignObject><div/></foreignObject>e<iframe/>f</g>"
    ),
    "only unsafe children": '<g id="e1"><script/></g><g id="j0">\n<use/></g>',
    "graph class, link and a second title": (
        '<g id="graph0" class="graph x"><title>t</title><title>u</title><text>v</text></g>'
    ),
    "links everywhere": (
        '<g id="n0"><title>n0</title><g id="n1"><text>1</text></g>\n</g>'
        '<a xlink:href="javascript:x" onclick="y" href="#n0">'
        '<text fill="url(#n0) url(#n1)">t</text></a>'
        '<path stroke-dasharray="1,5" stroke-width="x"/><path stroke-dasharray="5,2"/>'
    ),
    "escapes": (
        '<g id="n1" class="a&amp;b"><text x="&lt;&quot;&#10;&#9;&#13;">&lt;&amp;&gt;"\'</text></g>'
    ),
    "foreign namespace": '<g xmlns:q="urn:q" q:k="v" xml:space="preserve"><q:x q:y="1"/></g>',
}
EXTRAS = SvgExtras(
    "m-",
    'Map <"1">',
    "",
    titles={"n0": 'Thesis\nA "<b>" &', "n1": "", "e1": "O1 attacks", "graph0": "no"},
    links={
        "n0": "https://example.org/?a=1&b=2",
        "n1": "#n0",
        "j0": "page.svg",
        "e1": "javascript:x",
    },
    width=300,
)


@pytest.mark.parametrize("body", list(AWKWARD.values()), ids=list(AWKWARD))
def test_stream_gives_the_tree_rewrites_bytes_on_awkward_svg(body):
    svg = (HEAD + body + "</svg>").encode("utf-8")
    assert finish_svg(svg, EXTRAS) == reference(svg, EXTRAS)


def test_no_link_no_xlink_namespace_and_no_event_handler():
    out = finish_svg((HEAD + AWKWARD["links everywhere"] + "</svg>").encode(), EXTRAS)
    assert b"onclick" not in out and b"javascript" not in out
    assert b'xmlns:xlink="http://www.w3.org/1999/xlink"' in out
    plain = finish_svg((HEAD + AWKWARD["no links: no xlink namespace"] + "</svg>").encode(),
                       SvgExtras("m-", "t", "d"))  # fmt: skip
    assert b"xlink" not in plain


@needs_dot
@pytest.mark.parametrize("name", ["two-michaels", "wet-streets-undercut", "find-the-flaws"])
def test_stream_gives_the_tree_rewrites_bytes_on_committed_maps(name):
    amap = load_map(ROOT / "maps" / f"{name}.yaml")
    findings = run_checks(amap)
    first = next(iter(amap.claims))
    opts = RenderOptions(links={first: "https://example.org/x"}, folds={first: 2})
    diagram = build_diagram(amap, findings, opts)
    raw = run_dot(dot_text(diagram), "svg")
    extras = svg_extras(amap, diagram, opts, None, findings)
    out = finish_svg(raw, extras)
    assert out == reference(raw, extras)
    assert len(re.findall(rb"<title>", out)) >= len(amap.claims)
