"""Rendering: literal ids and texts, determinism, atomic writes, the op-ed on a slide."""

from __future__ import annotations

import os
import re
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.analysis.checks import run_checks
from argmap.errors import GraphvizNotFound, LayoutTimeout
from argmap.io.yaml.reader import load_map
from argmap.render import graphviz
from argmap.render.dot import RenderOptions, to_dot
from argmap.render.graphviz import run_dot
from argmap.render.svg import clean_svg
from argmap.util.files import write_atomic
from argmap.util.text import wrap_text

from conftest import ROOT, make_map, needs_dot

HOSTILE = r"""
claims:
  node: {kind: thesis, text: 'She said "no" \N \G \l \\ end'}
  graph: {kind: premise, text: "a < b > c & d {braces} [x]", supports: node}
  edge: {kind: premise, text: "Ça, élan, Привет мир, Ελληνικά, 😀🎉", supports: node}
  "a:b": {kind: objection, text: "<script>alert(1)</script> &amp;", attacks: node}
  P-1.2: {kind: rebuttal, text: "</TD></TR></TABLE>> ]; n9 [label=x", attacks: "a:b"}
  "x y": {kind: evidence, text: "tab\tand 'quote' and \\\\server", supports: P-1.2}
"""


def svg_text(svg: bytes) -> str:
    root = ET.fromstring(svg)
    return "".join(t.text or "" for t in root.iter("{http://www.w3.org/2000/svg}text"))


def squash(text: str) -> str:
    return re.sub(r"[\s\u2060]+", "", text)


@needs_dot
def test_hostile_ids_and_texts_render_literally():
    amap = make_map(HOSTILE)
    svg = run_dot(to_dot(amap, run_checks(amap)), "svg")
    shown = squash(svg_text(svg))
    for claim in amap.claims.values():
        assert squash(claim.text) in shown, claim.text
        assert squash(claim.id) in shown, claim.id
    assert b"<script>" not in svg


def test_dot_uses_synthetic_names():
    amap = make_map(HOSTILE)
    dot = to_dot(amap)
    names = re.findall(r"^(\S+) \[label=", dot, re.M)
    assert names[:6] == ["n0", "n1", "n2", "n3", "n4", "n5"]
    assert "a:b" not in re.findall(r"^\S+", dot, re.M)


def test_wrap_breaks_long_words():
    lines = wrap_text("see https://example.org/" + "x" * 80 + " now", 24)
    assert max(len(line) for line in lines) <= 24
    assert "".join(lines).replace(" ", "") == ("seehttps://example.org/" + "x" * 80 + "now")


@needs_dot
def test_outputs_are_deterministic():
    amap = load_map(ROOT / "maps" / "two-michaels.yaml")
    first = [to_dot(amap, run_checks(amap))] * 2
    again = to_dot(load_map(ROOT / "maps" / "two-michaels.yaml"), run_checks(amap))
    assert first[0] == again
    for fmt in ("svg", "png"):
        assert run_dot(again, fmt) == run_dot(first[0], fmt)


@needs_dot
def test_svg_is_clean():
    svg = clean_svg(run_dot(to_dot(make_map(HOSTILE)), "svg"))
    assert b"<!--" not in svg and b"DOCTYPE" not in svg
    ET.fromstring(svg)


def test_findings_marked_by_border_style_and_badge():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          O1: {kind: objection, text: It costs., attacks: T1}
        """
    )
    dot = to_dot(amap, run_checks(amap))
    node = re.search(r"^n1 \[.*?\];$", dot, re.M | re.S).group(0)
    assert "dashed" in node and "⚠ unanswered" in node and "AM107" not in node
    plain = to_dot(amap, run_checks(amap), RenderOptions(show_findings=False))
    assert "⚠" not in re.search(r"^n1 \[.*?\];$", plain, re.M | re.S).group(0)


def test_write_atomic_permissions_and_no_leftovers(tmp_path: Path):
    old = os.umask(0o022)
    try:
        target = tmp_path / "sub" / "x.svg"
        write_atomic(target, b"one")
        write_atomic(target, b"two")
    finally:
        os.umask(old)
    assert target.read_bytes() == b"two"
    assert oct(target.stat().st_mode & 0o777) == "0o644"
    assert [p.name for p in target.parent.iterdir()] == ["x.svg"]


def test_graphviz_missing_is_clear(monkeypatch, run_cli, tmp_path):
    monkeypatch.setattr(graphviz.shutil, "which", lambda name: None)
    with pytest.raises(GraphvizNotFound, match="apt-get install graphviz"):
        run_dot("digraph {}", "svg")
    src = ROOT / "maps" / "two-michaels.yaml"
    code, _, err = run_cli("render", str(src), "-o", str(tmp_path / "x.svg"))
    assert code == 2 and "apt-get install graphviz" in err
    code, _, _ = run_cli("render", str(src), "-o", str(tmp_path / "x.dot"))
    assert code == 0 and (tmp_path / "x.dot").read_text(encoding="utf-8").startswith("digraph")


@needs_dot
def test_layout_timeout_exits_3(run_cli, tmp_path):
    with pytest.raises(LayoutTimeout):
        run_dot(to_dot(load_map(ROOT / "maps" / "two-michaels.yaml")), "svg", timeout=0.001)
    src = ROOT / "maps" / "two-michaels.yaml"
    code, _, err = run_cli(
        "render", str(src), "-o", str(tmp_path / "x.svg"), "--layout-timeout", "0.001"
    )
    assert code == 3 and "--focus" in err
    assert not (tmp_path / "x.svg").exists()


@needs_dot
def test_op_ed_fits_a_classroom_slide():
    amap = load_map(ROOT / "maps" / "two-michaels.yaml")
    svg = run_dot(to_dot(amap, run_checks(amap)), "svg").decode("utf-8")
    _, _, width, height = map(float, re.search(r'viewBox="([^"]+)"', svg).group(1).split())
    assert width / height <= 2.5
    sizes = [float(s) for s in re.findall(r'font-size="([\d.]+)"', svg)]
    claim_size = RenderOptions().theme.font_size
    assert claim_size in sizes
    assert claim_size * 1920 / width >= 14, f"claim text {claim_size * 1920 / width:.1f}px"


@needs_dot
def test_render_cli_writes_every_format(run_cli, tmp_path):
    src = str(ROOT / "maps" / "two-michaels.yaml")
    outs = [tmp_path / f"m.{ext}" for ext in ("svg", "png", "pdf", "dot")]
    code, _, _ = run_cli("render", src, *[a for o in outs for a in ("-o", str(o))])
    assert code == 0
    assert outs[0].read_bytes().startswith(b"<?xml")
    assert outs[1].read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert outs[2].read_bytes()[:5] == b"%PDF-"
    assert outs[3].read_text(encoding="utf-8").startswith("digraph argmap {")
