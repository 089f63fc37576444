"""The interactive HTML page without a browser: data, escaping, outline, determinism, CLI."""

from __future__ import annotations

import base64
import hashlib
import json
import re
from html.parser import HTMLParser

from hypothesis import given
from hypothesis import strategies as st

from argmap.analysis.checks import run_checks
from argmap.diagram import junction_names, node_names
from argmap.io.yaml.reader import load_map
from argmap.render.dot import RenderOptions
from argmap.render.html.page import inline_svg, page_data, render_html, safe_href, script_json
from argmap.render.html.parts import outline_html
from argmap.render.outline import outline
from argmap.render.pipeline import map_prefix, render_svg
from argmap.render.style import THEMES

from conftest import ROOT, make_map, needs_dot

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
    return [(i.depth, i.relation, i.claim, i.repeat) for i in items]


class _Tree(HTMLParser):
    """(nesting depth, claim, relation text) of each button of an outline's HTML."""

    def __init__(self):
        super().__init__()
        self.rows: list[list] = []
        self.depth = 0
        self.in_rel = False

    def handle_starttag(self, tag, attrs):
        self.depth += tag == "ul"
        if tag == "button":
            self.rows.append([self.depth, dict(attrs)["data-claim"], ""])
        self.in_rel = ("class", "am-rel") in attrs

    def handle_endtag(self, tag):
        self.depth -= tag == "ul"
        self.in_rel = False

    def handle_data(self, data):
        if self.in_rel:
            self.rows[-1][2] += data


def outline_rows(amap):
    parser = _Tree()
    parser.feed(outline_html(outline(amap), amap, {}, THEMES["default"]))
    return [tuple(r) for r in parser.rows]


def test_outline_reading_order_links_and_undercuts():
    items = outline(make_map(BIKE))
    assert flat(items) == [
        (0, "root", "T1", False),
        (1, "supports", "P1", False),
        (2, "supports", "E1", False),
        (2, "undercuts", "O2", False),
        (1, "attacks", "O1", False),
        (2, "attacks", "R1", False),
        (3, "supports", "P2", False),
        (3, "supports", "P3", False),
    ]
    assert [i.together for i in items[6:]] == [("P3",), ("P2",)]
    assert (items[3].inference, items[3].step, items[3].target) == ("E1 -> P1", ("E1",), "P1")


def test_outline_html_nests_rows_and_names_each_relation():
    assert outline_rows(make_map(BIKE)) == [
        (1, "T1", ""),
        (2, "P1", "supports:"),
        (3, "E1", "supports:"),
        (3, "O2", "undercuts the step from E1 to P1:"),
        (2, "O1", "attacks:"),
        (3, "R1", "attacks:"),
        (4, "P2", "supports, together with P3:"),
        (4, "P3", "supports, together with P2:"),
    ]


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
    assert flat(outline(amap)) == [
        (0, "root", "T1", False),
        (1, "supports", "A", False),
        (2, "supports", "B", False),
        (3, "supports", "A", True),
        (1, "supports", "B", True),
        (0, "root", "X", False),
        (1, "supports", "Y", False),
        (2, "supports", "X", True),
    ]
    html = outline_html(outline(amap), amap, {}, THEMES["default"])
    assert html.count('class="am-row am-repeat"') == 3
    assert html.count("(written out above)") == 3
    assert [r[:2] for r in outline_rows(amap)] == [
        (1, "T1"),
        (2, "A"),
        (3, "B"),
        (4, "A"),
        (2, "B"),
        (1, "X"),
        (2, "Y"),
        (3, "X"),
    ]


def test_outline_of_a_long_chain_is_not_recursive():
    lines = ["claims:", "  C0: {kind: thesis, text: t}"]
    lines += [f"  C{i}: {{kind: premise, text: p, supports: C{i - 1}}}" for i in range(1, 3001)]
    amap = make_map("\n".join(lines))
    rows = flat(outline(amap))
    assert len(rows) == 3001 and rows[-1] == (3000, "supports", "C3000", False)
    html = outline_html(outline(amap), amap, {}, THEMES["default"])
    assert html.count("<ul") == html.count("</ul>") == 3001
    assert html.count("<li") == html.count("</li>") == 3001
    assert html.endswith("</button></li>" + "</ul></li>" * 3000 + "</ul>")


def test_page_data_maps_claims_to_dot_names_and_relations():
    amap = make_map(BIKE)
    found = run_checks(amap)
    data = page_data(amap, found, RenderOptions())
    assert re.fullmatch(r"t-[0-9a-f]{8}-", data["prefix"])
    moved = make_map(BIKE, "other/t.yaml")
    assert data["prefix"] == map_prefix(amap, None, found) == map_prefix(moved, None, found)
    assert [(c["id"], c["node"]) for c in data["claims"]] == [
        ("T1", "n0"),
        ("P1", "n1"),
        ("E1", "n2"),
        ("O1", "n3"),
        ("R1", "n4"),
        ("P2", "n5"),
        ("P3", "n6"),
        ("O2", "n7"),
    ]
    assert node_names(amap)["E1"] == "n2"
    assert junction_names(amap) == {"E1 -> P1": "j0", "I1": "j1"}
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
    assert [(e["id"], e["from"], e["to"]) for e in data["edges"]] == [
        ("e0", "n1", "n0"),
        ("e1", "n2", "j0"),
        ("e2", "j0", "n1"),
        ("e3", "n5", "j1"),
        ("e4", "n6", "j1"),
        ("e5", "j1", "n4"),
        ("e6", "n3", "n0"),
        ("e7", "n4", "n3"),
        ("e8", "n7", "j0"),
    ]
    e1 = data["claims"][2]
    assert (e1["href"], e1["label"], e1["para"]) == ("https://example.org/count", "Evidence", [])
    assert (e1["fold"], e1["page"], e1["badge"]) == (None, None, "")
    p2 = data["claims"][5]
    assert (p2["source"], p2["href"], p2["findings"]) == ("Town survey 2020", None, ["AM101"])
    assert p2["words"] == ["no reason given"]
    assert (data["claims"][7]["findings"], data["claims"][7]["words"]) == (
        ["AM107"],
        ["unanswered"],
    )


def test_page_data_folds_pages_badges_and_prefix():
    amap = make_map(BIKE)
    opts = RenderOptions(folds={"O1": 4}, links={"O1": "bike.O1.html"}, badges={"T1": "IN"})
    data = page_data(amap, (), opts, map_id="My Map")
    assert data["prefix"] == "my-map-"
    o1, t1 = data["claims"][3], data["claims"][0]
    assert (o1["fold"], o1["page"], o1["badge"]) == ("f3", "bike.O1.html", "")
    assert (t1["fold"], t1["page"], t1["badge"]) == (None, None, "IN")
    assert {"id": "e9", "from": "f3", "to": "n3"} in data["edges"]
    for bad in ("javascript:alert(1)", "//evil.example/x", "/etc/x", "https://a.example/"):
        risky = RenderOptions(links={"O1": bad})
        assert page_data(amap, (), risky)["claims"][3]["page"] is None, bad


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
    svg = (
        b'<?xml version="1.0" encoding="UTF-8" standalone="no"?>\n<!-- x -->\n'
        b'<svg width="20pt" height="10pt" viewBox="0 0 20 10" xmlns="http://www.w3.org/2000/svg">'
        b'<g id="node1" class="node"><title>n0</title></g></svg>\n'
    )
    assert inline_svg(svg) == (
        '<svg width="100%" height="100%" preserveAspectRatio="xMidYMid meet" '
        'viewBox="0 0 20 10" xmlns="http://www.w3.org/2000/svg">'
        '<g id="node1" class="node"><title>n0</title></g></svg>\n'
    )
    finished = (
        b'<?xml version="1.0" encoding="UTF-8"?>\n<svg xmlns="http://www.w3.org/2000/svg" '
        b'width="100%" style="max-width:20px;height:auto" viewBox="0 0 20 10" '
        b'role="img" aria-labelledby="m-title" aria-describedby="m-desc">\n'
        b'<title id="m-title">T</title>'
        b"</svg>\n"
    )
    assert inline_svg(finished) == (
        '<svg width="100%" height="100%" preserveAspectRatio="xMidYMid meet" '
        'xmlns="http://www.w3.org/2000/svg" viewBox="0 0 20 10" role="img" '
        'aria-labelledby="m-title" aria-describedby="m-desc">\n'
        '<title id="m-title">T</title></svg>\n'
    )


@needs_dot
def test_page_diagram_is_the_finished_svg():
    amap = make_map(BIKE, "bike.yaml")
    found = run_checks(amap)
    opts = RenderOptions(theme=THEMES["classroom"], direction="LR")
    page = render_html(amap, found, opts).decode("utf-8")
    assert inline_svg(render_svg(amap, found, opts)) in page
    p = map_prefix(amap, None, found)
    for bit in (
        'role="img"',
        f'aria-labelledby="{p}title" aria-describedby="{p}desc"',
        f'id="{p}n2"',
        'class="node claim evidence"',
        f'id="{p}e8" class="edge undercut"',
        "<title>O2 undercuts the step from E1 to P1</title>",
        f'<desc id="{p}desc">Argument map of 8 claims',
        'fill="#cfe0ff"',
        'href="https://example.org/count"',
    ):
        assert bit in page, bit
    ids = re.findall(r'\sid="([^"]+)"', render_html(make_map(BIKE, "am.yaml")).decode("utf-8"))
    am = map_prefix(make_map(BIKE, "am.yaml"))
    assert len(ids) == len(set(ids)) and "am-data" in ids and f"{am}n0" in ids


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
    claims = [
        f"  H{i}: {{kind: premise, text: {json.dumps(t)}, supports: T1}}"
        for i, t in enumerate(HOSTILE_TEXTS)
    ]
    head = [
        f"title: {json.dumps(HOSTILE_TEXTS[0])}",
        "claims:",
        "  T1: {kind: thesis, text: Plain thesis., source: 'Notes <b>&amp; co</b>'}",
        '  "X<img src=x onerror=window.pwned=1>": {kind: objection, text: o, attacks: T1}',
    ]
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
    assert urls == {
        "http://www.w3.org/2000/svg",
        "http://www.w3.org/1999/xlink",
        "https://example.org/count",
    }


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


@needs_dot
def test_cli_html_honours_theme_colouring_and_split(run_cli, tmp_path):
    src = tmp_path / "bike.yaml"
    src.write_text(BIKE, encoding="utf-8")
    out = tmp_path / "out" / "bike.html"
    code, _, err = run_cli(
        "render",
        str(src),
        "--theme",
        "print",
        "--color-by",
        "status",
        "--id-prefix",
        "ride",
        "--split",
        "-o",
        str(out),
    )
    assert code == 0
    assert err.splitlines() == [
        f"wrote {out.with_name(n)}" for n in ("bike.html", "bike.P1.html", "bike.O1.html")
    ]
    page = out.read_text(encoding="utf-8")
    data = json.loads(re.search(r'id="am-data">([^<]*)</script>', page).group(1))
    assert data["prefix"] == "ride-"
    assert [(c["id"], c["badge"], c["fold"], c["page"]) for c in data["claims"]] == [
        ("T1", "OUT", None, None),
        ("P1", "OUT", "f1", "bike.P1.html"),
        ("O1", "OUT", "f2", "bike.O1.html"),
    ]
    assert 'class="node claim thesis"' in page and 'fill="#e6e6e6"' in page  # print theme
    assert "+3 claims on the page of O1" in page and 'href="bike.O1.html"' in page
    branch = out.with_name("bike.O1.html").read_text(encoding="utf-8")
    assert "<title>Test map: O1</title>" in branch and 'id="ride-o1-n0"' in branch
    assert '<h2 id="am-findings-h">Findings (2)</h2>' in branch  # P2's and P3's, not O2's
