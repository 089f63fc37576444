"""The interactive HTML page without a browser: data, escaping, outline, determinism, CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

from conftest import ROOT, make_map, needs_dot
from hypothesis import given
from hypothesis import strategies as st

from argmap.checks import run_checks
from argmap.io.mapfile import load_map
from argmap.render.dot import RenderOptions, node_names
from argmap.render.html import inline_svg, page_data, render_html, safe_href, script_json
from argmap.render.html_outline import build_outline

BIKE = """
title: Test map
claims:
  T1: {kind: thesis, text: The town should build a bike lane.}
  P1: {kind: premise, text: Cycling to work is rising., supports: T1, para: [3, 4]}
  E1: {kind: evidence, text: A count found twice as many bikes., supports: P1,
       source: "https://example.org/count"}
  O1: {kind: objection, text: The lane removes parking., attacks: T1}
  R1: {kind: rebuttal, text: Few cars park there., attacks: O1}
  P2: {kind: premise, text: Shops report most customers walk., source: "Town survey 2020"}
  P3: {kind: premise, text: The street has a spare lane.}
  O2: {kind: objection, text: The count was taken in summer., undercuts: "E1 -> P1"}
inferences:
  I1: {premises: [P2, P3], conclusion: R1}
"""

HOSTILE_TEXTS = [
    "</script><script>window.pwned=1</script>",
    "<img src=x onerror=window.pwned=1>",
    '"><svg onload=window.pwned=1>',
    "<!-- <script>window.pwned=1</script>",
    "a\u2028b\u2029c & d ]]> {x} \\N",
]


def flat(items):
    """(depth, relation, claim, repeat) rows of an outline, in reading order."""
    rows, stack = [], [(0, i) for i in reversed(items)]
    while stack:
        depth, item = stack.pop()
        rows.append((depth, item.relation, item.claim, item.repeat))
        stack.extend((depth + 1, c) for c in reversed(item.children))
    return rows


def test_outline_reading_order_links_and_undercuts():
    rows = flat(build_outline(make_map(BIKE)))
    assert rows == [
        (0, "", "T1", False),
        (1, "supports", "P1", False),
        (2, "supports", "E1", False),
        (2, "undercuts", "O2", False),
        (1, "attacks", "O1", False),
        (2, "attacks", "R1", False),
        (3, "supports", "P2", False),
        (3, "supports", "P3", False),
    ]
    linked = build_outline(make_map(BIKE))[0].children[1].children[0].children
    assert [i.linked_with for i in linked] == [("P3",), ("P2",)]
    assert build_outline(make_map(BIKE))[0].children[0].children[1].via == "E1 -> P1"


def test_outline_writes_shared_claims_once_and_survives_cycles():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: t}
          A: {kind: premise, text: a, supports: [T1, B]}
          B: {kind: premise, text: b, supports: [T1, A]}
          X: {kind: premise, text: x, supports: Y}
          Y: {kind: premise, text: y, supports: X}
        """
    )
    assert flat(build_outline(amap)) == [
        (0, "", "T1", False),
        (1, "supports", "A", False),
        (2, "supports", "B", False),
        (3, "supports", "A", True),
        (1, "supports", "B", True),
        (0, "", "X", False),
        (1, "supports", "Y", False),
        (2, "supports", "X", True),
    ]


def test_outline_of_a_long_chain_is_not_recursive():
    lines = ["claims:", "  C0: {kind: thesis, text: t}"]
    lines += [f"  C{i}: {{kind: premise, text: p, supports: C{i - 1}}}" for i in range(1, 3001)]
    rows = flat(build_outline(make_map("\n".join(lines))))
    assert len(rows) == 3001 and rows[-1] == (3000, "supports", "C3000", False)


def test_page_data_maps_claims_to_dot_names_and_relations():
    amap = make_map(BIKE)
    data = page_data(amap, run_checks(amap), RenderOptions())
    assert [(c["id"], c["node"]) for c in data["claims"]] == [
        ("T1", "n0"), ("P1", "n1"), ("E1", "n2"), ("O1", "n3"),
        ("R1", "n4"), ("P2", "n5"), ("P3", "n6"), ("O2", "n7"),
    ]  # fmt: skip
    assert node_names(amap)["E1 -> P1"] == "j0" and node_names(amap)["I1"] == "j1"
    rels = [(r["from"], r["to"], r["type"], r["junction"]) for r in data["relations"]]
    assert rels == [
        ("P1", "T1", "support", None),
        ("E1", "P1", "support", "j0"),
        ("P2", "R1", "support", "j1"),
        ("P3", "R1", "support", "j1"),
        ("O1", "T1", "attack", None),
        ("R1", "O1", "attack", None),
        ("O2", "P1", "undercut", "j0"),
    ]
    e1 = data["claims"][2]
    assert (e1["href"], e1["label"], e1["para"]) == ("https://example.org/count", "Evidence", [])
    p2 = data["claims"][5]
    assert (p2["source"], p2["href"], p2["findings"]) == ("Town survey 2020", None, ["AM101"])
    assert data["claims"][7]["findings"] == ["AM107"]


def test_safe_href_allows_only_web_and_mail():
    assert safe_href("https://a.example/x") == "https://a.example/x"
    assert safe_href("MAILTO:me@example.org") == "MAILTO:me@example.org"
    for bad in ("javascript:alert(1)", "data:text/html,x", "file:///etc", "Smith 2020", None):
        assert safe_href(bad) is None


@given(st.text())
def test_script_json_round_trips_and_cannot_close_the_script(text):
    out = script_json({"t": text, "list": [text]})
    assert "<" not in out and ">" not in out and "&" not in out
    assert "\u2028" not in out and "\u2029" not in out
    assert json.loads(out) == {"list": [text], "t": text}


def test_script_json_exact_escapes():
    assert script_json({"b": "</script>&\u2028", "a": 1}) == (
        '{"a":1,"b":"\\u003c/script\\u003e\\u0026\\u2028"}'
    )


def test_inline_svg_sizes_to_the_page():
    svg = (b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!-- x -->\n'
           b'<svg width="20pt" height="10pt" viewBox="0 0 20 10" xmlns="http://www.w3.org/2000/svg">'
           b'<g id="node1" class="node"><title>n0</title></g></svg>\n')  # fmt: skip
    assert inline_svg(svg) == (
        '<svg width="100%" height="100%" preserveAspectRatio="xMidYMid meet" '
        'viewBox="0 0 20 10" xmlns="http://www.w3.org/2000/svg">'
        '<g id="node1" class="node"><title>n0</title></g></svg>\n'
    )


class _Collect(HTMLParser):
    """Tags and data blocks of a page, as a browser's tokenizer sees them."""

    def __init__(self):
        super().__init__()
        self.tags: list[str] = []
        self.scripts: list[str] = []
        self._in_script = False

    def handle_starttag(self, tag, attrs):
        self.tags.append(tag)
        self._in_script = tag == "script"
        if tag == "script":
            self.scripts.append("")

    def handle_endtag(self, tag):
        self._in_script = False

    def handle_data(self, data):
        if self._in_script:
            self.scripts[-1] += data


def hostile_map():
    claims = [f"  H{i}: {{kind: premise, text: {json.dumps(t)}, supports: T1}}"
              for i, t in enumerate(HOSTILE_TEXTS)]  # fmt: skip
    head = [f"title: {json.dumps(HOSTILE_TEXTS[0])}", "claims:",
            "  T1: {kind: thesis, text: Plain thesis., source: 'Notes <b>&amp; co</b>'}",
            '  "X<img src=x onerror=window.pwned=1>": {kind: objection, text: o, attacks: T1}']
    return make_map("\n".join(head + claims))


@needs_dot
def test_hostile_text_never_becomes_markup():
    amap = hostile_map()
    page = render_html(amap, run_checks(amap)).decode("utf-8")
    parser = _Collect()
    parser.feed(page)
    assert parser.tags.count("script") == 2
    assert "img" not in parser.tags and "iframe" not in parser.tags
    assert parser.tags.count("svg") == 1
    data = json.loads(parser.scripts[0])
    assert [c["text"] for c in data["claims"][2:]] == HOSTILE_TEXTS
    assert data["title"] == HOSTILE_TEXTS[0]
    assert page.count("<script") == 2 and page.count("</script") == 2
    assert "<img" not in page and "<svg onload" not in page and "<b>" not in page


@needs_dot
def test_csp_allows_exactly_the_page_script():
    amap = make_map(BIKE)
    page = render_html(amap).decode("utf-8")
    parser = _Collect()
    parser.feed(page)
    script = parser.scripts[1]
    digest = base64.b64encode(hashlib.sha256(script.encode("utf-8")).digest()).decode()
    csp = re.search(r'http-equiv="Content-Security-Policy" content="([^"]+)"', page).group(1)
    assert f"script-src 'sha256-{digest}'" in csp and "default-src 'none'" in csp
    urls = set(re.findall(r"\w+://[^\s\"'<>)]*", page))
    assert urls == {"http://www.w3.org/2000/svg", "http://www.w3.org/1999/xlink",
                    "https://example.org/count"}  # fmt: skip


@needs_dot
def test_html_is_deterministic_and_lists_findings():
    path = ROOT / "maps" / "two-michaels.yaml"
    first = render_html(load_map(path), run_checks(load_map(path)))
    again = render_html(load_map(path), run_checks(load_map(path)))
    assert first == again
    page = first.decode("utf-8")
    assert len(load_map(path).claims) == 45
    assert page.count('class="am-row" data-claim="') == 9 + 45
    assert '<h2 id="am-findings-h">Findings (9)</h2>' in page
    hidden = render_html(load_map(path), (), RenderOptions(show_findings=False)).decode("utf-8")
    assert "am-findings" not in hidden


@needs_dot
def test_cli_writes_html(run_cli, tmp_path):
    target = tmp_path / "out" / "bike.html"
    src = tmp_path / "bike.yaml"
    src.write_text(BIKE, encoding="utf-8")
    code, _, err = run_cli("render", str(src), "-o", str(target))
    assert code == 0 and err == f"wrote {target}\n"
    page = target.read_text(encoding="utf-8")
    assert page.startswith("<!DOCTYPE html>") and "<title>Test map</title>" in page
    amap = make_map(BIKE, str(src))
    assert target.read_bytes() == render_html(amap, run_checks(amap))
