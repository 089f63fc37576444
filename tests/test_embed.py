"""Maps that share a page: element ids unique per drawing, the page for an iframe, the what-if."""

from __future__ import annotations

import re
import textwrap
import xml.etree.ElementTree as ET
from html.parser import HTMLParser
from pathlib import Path

import pytest
from test_html import BIKE

from argmap.analysis.evaluate import evaluate
from argmap.diagram import node_names
from argmap.render.pipeline import content_digest, default_map_id, map_prefix
from argmap.render.style import STATUS_FILLS

from conftest import make_map, needs_dot

S = "{http://www.w3.org/2000/svg}"

#: Rejecting the premise P2 takes away the support of R1's attack on O1: O1 stands, T1 falls.
WHAT_IF = """
title: Build the lane
claims:
  T1: {kind: thesis, text: The town should build a bike lane.}
  P1: {kind: premise, text: Cycling to work is rising., supports: T1}
  E1: {kind: evidence, text: A count found twice as many bikes., supports: P1}
  O1: {kind: objection, text: The lane removes parking., attacks: T1}
  R1: {kind: rebuttal, text: Few cars park there., attacks: O1}
  P2: {kind: premise, text: A parking survey counted four cars a day., supports: R1}
  O2: {kind: objection, text: The survey was taken in August., attacks: R1, granted: false}
"""

OTHER = """
title: Another map
claims:
  T1: {kind: thesis, text: School should start later.}
  P1: {kind: premise, text: Teenagers sleep late., supports: T1}
"""


class _Ids(HTMLParser):
    """Every ``id`` of a page and every id it refers to, as a browser's tokenizer sees them."""

    def __init__(self) -> None:
        super().__init__()
        self.ids: list[str] = []
        self.refs: list[str] = []

    def handle_starttag(self, tag, attrs):
        for key, value in attrs:
            if value is None:
                continue
            if key == "id":
                self.ids.append(value)
            elif key in ("aria-labelledby", "aria-describedby", "aria-controls"):
                self.refs += value.split()
            elif key in ("href", "xlink:href") and value.startswith("#"):
                self.refs.append(value[1:])
            self.refs += re.findall(r"url\(#([^)]*)\)", value)


def ids_and_refs(markup: str) -> tuple[list[str], list[str]]:
    parser = _Ids()
    parser.feed(markup)
    parser.close()
    return parser.ids, parser.refs


def write(folder: Path, text: str, name: str = "map.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def render(run_cli, src: Path, out: Path, *args: str) -> str:
    code, _, err = run_cli("render", str(src), "-o", str(out), *args)
    assert code == 0, err
    return out.read_text(encoding="utf-8")


def test_digest_is_of_the_content_not_the_file():
    amap = make_map(BIKE, "a/map.yaml")
    moved = make_map("\n# a comment\n\n" + BIKE, "/elsewhere/b/map.yaml")
    assert content_digest(amap) == content_digest(moved)  # other lines, other folder
    assert re.fullmatch(r"[0-9a-f]{8}", content_digest(amap))
    edited = make_map(BIKE.replace("Few cars park there.", "Few cars park there!"), "map.yaml")
    assert content_digest(edited) != content_digest(amap)
    assert content_digest(amap, "what if") != content_digest(amap)
    assert default_map_id(amap) == f"map-{content_digest(amap)}"
    assert map_prefix(amap) == f"map-{content_digest(amap)}-"
    assert map_prefix(amap, "Fig 2") == "fig-2-"


@needs_dot
def test_two_maps_of_one_name_share_a_page(run_cli, tmp_path):
    first = render(run_cli, write(tmp_path / "a", BIKE), tmp_path / "a.svg")
    second = render(run_cli, write(tmp_path / "b", OTHER), tmp_path / "b.svg")
    ids = [ids_and_refs(svg)[0] for svg in (first, second)]
    assert ids[0] and ids[1] and not set(ids[0]) & set(ids[1])
    assert all(i.startswith("map-") for i in ids[0] + ids[1])
    page = "<!DOCTYPE html><html><body><p>Two maps</p>"
    for svg in (first, second):
        page += re.sub(r"^<\?xml[^>]*\?>\s*", "", svg)
    page += "</body></html>"
    all_ids, refs = ids_and_refs(page)
    assert len(all_ids) == len(set(all_ids)) == len(ids[0]) + len(ids[1])
    assert refs and set(refs) <= set(all_ids)  # every reference finds its element
    for svg, title in ((first, "Test map"), (second, "Another map")):
        root = ET.fromstring(svg)
        label = root.get("aria-labelledby").split()[0]
        named = [el.text for el in root.iter() if el.get("id") == label]
        assert named == [title]  # each map's screen-reader name is its own


@needs_dot
def test_same_map_same_bytes_wherever_it_lies(run_cli, tmp_path):
    first = render(run_cli, write(tmp_path / "a", BIKE), tmp_path / "a.svg")
    again = render(run_cli, write(tmp_path / "a", BIKE), tmp_path / "again.svg")
    moved = render(run_cli, write(tmp_path / "c" / "d", BIKE), tmp_path / "c.svg")
    assert first == again == moved
    page = render(run_cli, write(tmp_path / "a", BIKE), tmp_path / "a.html")
    assert page == render(run_cli, write(tmp_path / "c" / "d", BIKE), tmp_path / "c.html")


@needs_dot
def test_a_what_if_and_its_map_share_a_page(run_cli, tmp_path):
    src = write(tmp_path, WHAT_IF)
    plain = ids_and_refs(render(run_cli, src, tmp_path / "p.svg"))[0]
    what_if = ids_and_refs(render(run_cli, src, tmp_path / "w.svg", "--reject", "P2"))[0]
    status = ids_and_refs(render(run_cli, src, tmp_path / "s.svg", "--color-by", "status"))[0]
    assert not set(plain) & set(what_if) and not set(plain) & set(status)
    fixed = ids_and_refs(render(run_cli, src, tmp_path / "f.svg", "--id-prefix", "Fig 3"))[0]
    assert fixed[:3] == ["fig-3-title", "fig-3-desc", "fig-3-graph0"]


@needs_dot
def test_split_pages_of_two_maps_never_share_an_id(run_cli, tmp_path):
    ids: list[str] = []
    for folder, text in (("a", BIKE), ("b", BIKE.replace("Test map", "Other"))):
        out = tmp_path / folder / "bike.svg"
        render(run_cli, write(tmp_path / folder, text), out, "--split")
        for page in sorted(out.parent.glob("bike*.svg")):
            ids += ids_and_refs(page.read_text(encoding="utf-8"))[0]
    assert len(ids) > 50 and len(ids) == len(set(ids))


def fills(svg: str, amap) -> dict[str, str]:
    """Claim id → fill of its shape in a finished SVG."""
    root = ET.fromstring(svg)
    prefix = root.get("aria-labelledby").split()[0].removesuffix("title")
    groups = {g.get("id"): g for g in root.iter(S + "g")}
    out = {}
    for cid, name in node_names(amap).items():
        shape = next(el for el in groups[prefix + name] if el.get("fill") not in (None, "none"))
        out[cid] = shape.get("fill")
    return out


def outlines(svg: str, amap) -> dict[str, int]:
    """Claim id → number of outlines drawn around it (2 for a double border)."""
    root = ET.fromstring(svg)
    prefix = root.get("aria-labelledby").split()[0].removesuffix("title")
    groups = {g.get("id"): g for g in root.iter(S + "g")}
    shapes = (S + "path", S + "polygon")
    return {
        cid: sum(1 for el in groups[prefix + name].iter() if el.tag in shapes)
        for cid, name in node_names(amap).items()
    }


@needs_dot
def test_what_if_colours_claims_by_the_status_that_follows(run_cli, tmp_path):
    src = write(tmp_path, WHAT_IF)
    amap = make_map(WHAT_IF)
    assert evaluate(amap).labelling["T1"] == "IN"
    after = evaluate(amap, reject=["P2"]).labelling
    assert (after["T1"], after["O1"], after["P2"]) == ("OUT", "IN", "OUT")
    svg = render(run_cli, src, tmp_path / "w.svg", "--reject", "P2", "--reject", "P2")
    assert fills(svg, amap) == {cid: STATUS_FILLS[label] for cid, label in after.items()}
    root = ET.fromstring(svg)
    assert root.find(S + "title").text == "Build the lane — what if P2 is rejected?"
    texts = [t.text for t in root.iter(S + "text")]
    assert "Build the lane — what if P2 is rejected?" in texts
    marked = [t for t in texts if t and "assumed" in t]  # the caption, then maybe findings
    assert len(marked) == 1 and marked[0].startswith("PREMISE · P2 · OUT · ✗ assumed rejected")
    assert "THESIS · T1 · OUT" in texts
    plain = render(run_cli, src, tmp_path / "p.svg", "--no-legend")
    assert outlines(svg, amap) == {**outlines(plain, amap), "P2": outlines(plain, amap)["P2"] + 1}
    svg = render(run_cli, src, tmp_path / "a.svg", "--accept", "O2", "--reject", "E1")
    assert "Build the lane — what if O2 is accepted and E1 is rejected?" in svg
    assert "OBJECTION · O2 · IN · ✓ assumed accepted" in svg


@needs_dot
def test_what_if_by_strength_and_in_the_page(run_cli, tmp_path):
    src = write(tmp_path, WHAT_IF)
    amap = make_map(WHAT_IF)
    svg = render(run_cli, src, tmp_path / "s.svg", "--reject", "P2", "--color-by", "strength")
    assert "PREMISE · P2 · 0.00 · ✗ assumed rejected" in svg
    assert evaluate(amap, reject=["P2"]).strength["T1"] == pytest.approx(0.6875)
    assert "THESIS · T1 · 0.69" in svg
    page = render(run_cli, src, tmp_path / "w.html", "--reject", "P2", "--embed")
    assert "<title>Build the lane — what if P2 is rejected?</title>" in page
    assert '"badge":"OUT · ✗ assumed rejected"' in page


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--reject", "P9"), "--reject 'P9': no such claim; did you mean 'P2'?"),
        (("--accept", "o1"), "--accept 'o1': no such claim; did you mean 'O1'?"),
        (("--accept", "P1", "--reject", "P1"), "cannot both accept and reject ['P1']"),
        (("--embed",), "--embed makes a page for an iframe: give an output ending in .html"),
    ],
)
def test_bad_what_if_or_embed_is_refused(run_cli, tmp_path, args, message):
    src = write(tmp_path, WHAT_IF)
    out = tmp_path / "w.svg"
    code, _, err = run_cli("render", str(src), "-o", str(out), *args)
    assert code == 2 and message in err and not out.exists()


@needs_dot
def test_embed_page_is_the_diagram_and_a_dialog():
    from argmap.render.html.page import render_html

    amap = make_map(BIKE, "bike.yaml")
    page = render_html(amap, embed=True).decode("utf-8")
    whole = render_html(amap).decode("utf-8")
    assert page == render_html(make_map(BIKE, "x/bike.yaml"), embed=True).decode("utf-8")
    for absent in ("<header", "<aside", '<nav id="am-outline"', 'class="am-toolbar"', "<h1"):
        assert absent in whole and absent not in page, absent
    assert '<body class="am-embed">' in page and '<dialog class="am-overlay"' in page
    assert page.count('id="am-viewport"') == 1 and 'aria-label="Zoom in"' in page
    # one script, the same as the whole page's, allowed by the same hash
    csp = re.search(r"script-src '([^']+)'", page).group(1)
    assert csp == re.search(r"script-src '([^']+)'", whole).group(1)
    ids, refs = ids_and_refs(page)
    assert len(ids) == len(set(ids)) and set(refs) <= set(ids)
    assert 'aria-controls="am-side"' in whole and 'id="am-side"' in whole
