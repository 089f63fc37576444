"""``argmap render --layout column``: the SVG's size and text sizes as seen in the column,
what it draws (linked reasons, undercuts, shared claims, loops, rebuttals), escaping,
accessibility, determinism, and every output format from the command line."""

from __future__ import annotations

import re
import struct
import xml.etree.ElementTree as ET

import pytest

from argmap.analysis.checks import run_checks
from argmap.io.yaml.reader import load_map
from argmap.render.column.draw import column_svg
from argmap.render.column.formats import render_column
from argmap.render.dot import RenderOptions

from conftest import FIXTURES, ROOT, bench_module, needs_dot

S = "{http://www.w3.org/2000/svg}"
HREF = "{http://www.w3.org/1999/xlink}href"
OP_ED = ROOT / "maps" / "two-michaels.yaml"
SHARED_LOOP = FIXTURES / "column" / "shared-loop.yaml"
HOSTILE = FIXTURES / "column" / "hostile.yaml"

pytestmark = needs_dot


readability = bench_module("readability")


def _svg(amap, width=700, **opts) -> bytes:
    """The column SVG, its ids prefixed by the map's bare name (the default adds a digest)."""
    return column_svg(amap, run_checks(amap), RenderOptions(**opts), amap.name, width=width)


def test_default_ids_carry_the_content_digest():
    amap = load_map(SHARED_LOOP)
    root = ET.fromstring(column_svg(amap, [], RenderOptions(), width=700))
    ids = [el.get("id") for el in root.iter() if el.get("id")]
    assert ids and all(re.fullmatch(r"shared-loop-[0-9a-f]{8}-.+", i) for i in ids)


def _groups(root: ET.Element) -> dict[str, ET.Element]:
    return {g.get("id", ""): g for g in root.iter(S + "g")}


def _texts(el: ET.Element) -> list[str]:
    return [t.text or "" for t in el.iter(S + "text")]


@pytest.mark.parametrize("width", [700, 360])
def test_natural_width_is_the_column_and_text_reads_at_100_percent(width):
    svg = _svg(load_map(OP_ED), width)
    root = ET.fromstring(svg)
    assert [float(v) for v in root.get("viewBox").split()][:3] == [0, 0, width]
    assert root.get("width") == "100%" and f"max-width:{width}px" in root.get("style")
    sizes = readability.svg_sizes(svg, width)
    assert sizes.median >= 16 and sizes.smallest >= 14, (sizes.median, sizes.smallest)
    texts = [t for t in root.iter(S + "text") if (t.text or "").strip()]
    assert len(texts) > 150 and all(t.get("font-size") for t in texts)
    assert min(float(t.get("font-size")) for t in texts) >= 14


def test_no_shape_reaches_past_the_column():
    for width in (280, 360, 700):
        root = ET.fromstring(_svg(load_map(OP_ED), width))
        xs = []
        for el in root.iter():
            for key in ("points", "d"):
                numbers = re.findall(r"-?[\d.]+", el.get(key, ""))
                xs += [float(v) for v in numbers[0::2]]
            if el.tag == S + "ellipse":
                xs += [
                    float(el.get("cx")) - float(el.get("rx")),
                    float(el.get("cx")) + float(el.get("rx")),
                ]
        assert xs and 0 <= min(xs) and max(xs) <= width, (width, min(xs), max(xs))


def test_linked_reason_is_one_box_and_the_undercut_hangs_from_it():
    amap = load_map(FIXTURES / "valid" / "linked-undercuts.yaml")
    root = ET.fromstring(_svg(amap))
    g = _groups(root)
    group = g["linked-undercuts-j1"]
    assert "TOGETHER, AS ONE REASON" in _texts(group)
    assert group.find(S + "title").text == "Inference I1: P2 and P3 together support T1"
    undercut = [e for k, e in g.items() if e.get("class") == "edge undercut" and "legend" not in k]
    titles = sorted(e.find(S + "title").text for e in undercut)
    assert titles == [
        "O1 undercuts the step from P1 to T1",
        "O2 undercuts the step from P2 and P3 to T1",
    ]
    joint = [
        e
        for e in g.values()
        if (
            e.find(S + "title") is not None
            and e.find(S + "title").text == "P2 and P3 together support T1"
        )
    ]
    assert len(joint) == 1 and joint[0].find(S + "ellipse") is not None  # the junction dot


def test_shared_claim_drawn_once_loop_closed_by_a_reference_every_member_marked():
    amap = load_map(SHARED_LOOP)
    root = ET.fromstring(_svg(amap))
    g = _groups(root)
    names = {cid: f"shared-loop-n{k}" for k, cid in enumerate(amap.claims)}
    claims = [k for k, e in g.items() if "claim" in (e.get("class") or "").split()]
    assert sorted(claims) == sorted(names.values())  # each claim drawn in full once
    refs = {k: " ".join(_texts(e)) for k, e in g.items() if "ref" in (e.get("class") or "")}
    assert sorted(v.split(":")[0] for v in refs.values()) == [
        "see P1 ↑, a circle",
        "see P1 ↑, a circle",
        "see S1 ↑",
    ]
    for k in refs:  # a reference links to the claim drawn in full
        target = g[k].find(f"{S}a").get(HREF)
        assert target.startswith("#shared-loop-n") and "claim" in g[target[1:]].get("class")
    for cid in ("P1", "P2", "P4"):
        assert any("goes in a circle" in t for t in _texts(g[names[cid]])), cid
        assert "AM102" in g[names[cid]].find(S + "title").text  # the code in the tooltip only
    assert not any("AM" in t for e in g.values() for t in _texts(e))
    assert not any("goes in a circle" in t for t in _texts(g[names["T1"]]))


def test_rebuttals_sit_under_their_objection():
    amap = load_map(SHARED_LOOP)
    root = ET.fromstring(_svg(amap))
    g = _groups(root)

    def top_left(cid):
        path = g[f"shared-loop-n{list(amap.claims).index(cid)}"].find(S + "path")
        numbers = [float(v) for v in re.findall(r"-?[\d.]+", path.get("d"))]
        return min(numbers[0::2]), min(numbers[1::2])

    (ox, oy), (rx, ry), (r2x, r2y) = top_left("O1"), top_left("R1"), top_left("R2")
    assert rx == r2x > ox and oy < ry < r2y


def test_svg_is_accessible_linked_and_safe():
    amap = load_map(HOSTILE)
    svg = _svg(amap, 360)
    root = ET.fromstring(svg)
    assert (
        root.get("role") == "img"
        and root.get("aria-labelledby") == "hostile-title"
        and root.get("aria-describedby") == "hostile-desc"
    )
    assert root.find(S + "title").text == 'A <b>bold</b> & "quoted" title \\N'
    assert "O1 (objection) attacks T1: </text><script>" in root.find(S + "desc").text
    assert b"<script" not in svg and b"&lt;script&gt;" in svg
    shown = " ".join(t for t in _texts(root))
    assert "</text><script>alert(1)</script><!--" in shown
    links = [a.get(HREF) for a in root.iter(S + "a")]
    assert (
        "https://example.org/a/very/long/path/that/goes/on/and/on/and/on/forever?q=1&r=2" in links
    )
    ids = [e.get("id") for e in root.iter() if e.get("id")]
    assert ids and all(i.startswith("hostile-") for i in ids) and len(ids) == len(set(ids))


def test_same_map_same_bytes_in_every_format():
    amap = load_map(FIXTURES / "valid" / "linked-undercuts.yaml")
    found = run_checks(amap)
    for fmt in ("svg", "png", "pdf", "html", "dot"):
        first = render_column(amap, found, RenderOptions(), fmt, width=360)
        again = render_column(
            load_map(FIXTURES / "valid" / "linked-undercuts.yaml"),
            found,
            RenderOptions(),
            fmt,
            width=360,
        )
        assert first == again, fmt


def _png_width(data: bytes) -> int:
    assert data[:8] == b"\x89PNG\r\n\x1a\n"
    return struct.unpack(">I", data[16:20])[0]


def test_cli_writes_every_format(run_cli, tmp_path):
    out = tmp_path / "col"
    args = ["render", str(OP_ED), "--layout", "column", "--column-width", "360", "--dpi", "72"]
    code, _, err = run_cli(
        *args, *(f"-o{out}.{ext}" for ext in ("svg", "png", "pdf", "html", "dot"))
    )
    assert code == 0, err
    svg = (tmp_path / "col.svg").read_bytes()
    assert ET.fromstring(svg).get("viewBox").split()[2] == "360.00"
    assert _png_width((tmp_path / "col.png").read_bytes()) == 360
    pages = readability.pdf_pages(tmp_path / "col.pdf")
    assert len(pages) == 1 and round(pages[0][0][0]) == 360
    assert min(size for _, size in pages[0][1]) >= 13.5  # pt = px at 1:1, rounding of boxes
    html = (tmp_path / "col.html").read_text("utf-8")
    assert 'data-fit="width"' in html
    assert re.search(r'id="two-michaels-[0-9a-f]{8}-n0"', html)
    assert '"edges":[{"from":"n1","id":"e0","to":"n0"}' in html
    assert (tmp_path / "col.dot").read_text("utf-8").startswith("digraph column {")


def test_cli_default_width_and_graph_default(run_cli, tmp_path):
    code, _, err = run_cli(
        "render", str(OP_ED), "--layout", "column", "-o", str(tmp_path / "a.svg")
    )
    assert code == 0, err
    assert ET.fromstring((tmp_path / "a.svg").read_bytes()).get("viewBox").split()[2] == "700.00"
    code, _, err = run_cli("render", str(OP_ED), "-o", str(tmp_path / "g.svg"))
    assert code == 0 and b"corner1" not in (tmp_path / "g.svg").read_bytes()


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--layout", "column", "--column-width", "279"], "279 is not in the range 280<=x<=2000"),
        (["--layout", "column", "--column-width", "2001"], "2001 is not in the range"),
        (["--column-width", "500"], "--column-width needs --layout column"),
        (["--layout", "column", "--engine", "neato"], "--engine does not apply"),
        (["--layout", "column", "--direction", "LR"], "drop --direction"),
        (["--layout", "column", "--wrap", "30"], "drop --wrap"),
    ],
)
def test_cli_refuses_bad_column_options(run_cli, tmp_path, args, message):
    code, _, err = run_cli("render", str(OP_ED), *args, "-o", str(tmp_path / "x.svg"))
    assert code == 2 and message in err
    assert not (tmp_path / "x.svg").exists()


def test_split_pages_in_the_column_link_to_each_other(run_cli, tmp_path):
    code, _, err = run_cli(
        "render", str(OP_ED), "--layout", "column", "--split", "-o", str(tmp_path / "s.svg")
    )
    assert code == 0, err
    overview = ET.fromstring((tmp_path / "s.svg").read_bytes())
    links = {a.get(HREF) for a in overview.iter(S + "a")}
    assert "s.P23.svg" in links and (tmp_path / "s.P23.svg").exists()
    texts = " ".join(_texts(overview))
    assert "claims on the page of P23" in texts


def test_the_page_script_finds_the_column_by_its_prefix():
    """The page's data names the prefix the SVG's ids carry (findings included)."""
    amap = load_map(OP_ED)
    found = run_checks(amap)
    assert found
    html = render_column(amap, found, RenderOptions(), "html").decode("utf-8")
    prefix = re.search(r'"prefix":"([^"]+)"', html).group(1)
    assert f'id="{prefix}n0"' in html
