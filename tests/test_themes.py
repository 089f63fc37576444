"""Themes: WCAG AA contrast of every text, relations told apart without colour, --theme/theme:."""

from __future__ import annotations

import re

import pytest

from argmap.analysis.checks import run_checks
from argmap.diagram import KIND_COLOURS, KIND_LABELS, RELATION_COLOURS, THEME_NAMES
from argmap.io.yaml.reader import load_map
from argmap.render.dot import RenderOptions, to_dot
from argmap.render.pipeline import render_svg
from argmap.render.style import THEMES, contrast_ratio, relative_luminance

from conftest import ROOT, make_map, needs_dot

OKABE_ITO = {
    "#e69f00",
    "#56b4e9",
    "#009e73",
    "#f0e442",
    "#0072b2",
    "#d55e00",
    "#cc79a7",
    "#000000",
}


def text_on_fill(theme):
    """Every (what, text colour, colour behind it) pair a theme draws."""
    pairs = [
        ("title", theme.title_color, theme.background),
        ("fold", theme.fold.text, theme.fold.fill),
    ]
    for kind, ks in theme.kinds.items():
        pairs += [
            (f"{kind} text", ks.text, ks.fill),
            (f"{kind} caption", theme.caption_color, ks.fill),
            (f"{kind} caption with findings", theme.finding_text, ks.fill),
        ]
    return pairs


def test_luminance_and_contrast_match_wcag_reference_values():
    # WCAG 2.1 §1.4.3 and its "relative luminance" definition: white 1, black 0,
    # black on white 21:1; #767676 is the lightest grey passing 4.5:1 on white.
    assert relative_luminance("#ffffff") == 1.0 and relative_luminance("#000000") == 0.0
    assert contrast_ratio("#000000", "#ffffff") == 21.0
    assert round(contrast_ratio("#767676", "#ffffff"), 2) == 4.54
    assert round(contrast_ratio("#ffffff", "#777777"), 2) == 4.48
    with pytest.raises(ValueError):
        relative_luminance("red")


def test_theme_names_match_the_model():
    assert tuple(THEMES) == THEME_NAMES == ("default", "classroom", "print", "colorblind")


@pytest.mark.parametrize("name", THEME_NAMES)
def test_every_text_meets_wcag_aa(name):
    low = [
        (what, round(contrast_ratio(fg, bg), 2))
        for what, fg, bg in text_on_fill(THEMES[name])
        if contrast_ratio(fg, bg) < 4.5
    ]
    assert low == []


@pytest.mark.parametrize("name", THEME_NAMES)
def test_relations_differ_beyond_colour(name):
    edges = THEMES[name].edges
    support, attack, undercut = edges["support"], edges["attack"], edges["undercut"]
    assert support.style != attack.style and support.arrowhead != attack.arrowhead
    assert undercut.style not in (support.style, attack.style)
    assert [contrast_ratio(e.color, THEMES[name].background) >= 3 for e in edges.values()] == [
        True
    ] * len(edges)  # WCAG 2.1 §1.4.11: graphical objects 3:1


def test_print_is_grayscale_and_colorblind_uses_okabe_ito():
    colours = [c for ks in THEMES["print"].kinds.values() for c in (ks.fill, ks.border, ks.text)]
    colours += [e.color for e in THEMES["print"].edges.values()]
    colours += [THEMES["print"].group_fill, THEMES["print"].group_border]
    assert [c for c in colours if not c[1:3] == c[3:5] == c[5:7]] == []
    cb = THEMES["colorblind"]
    used = {cb.edges[r].color for r in ("support", "attack", "undercut")} | {cb.group_border}
    used |= {
        cb.kinds[k].border for k in ("thesis", "premise", "evidence", "objection", "rebuttal")
    }
    assert used <= OKABE_ITO


@pytest.mark.parametrize("name", THEME_NAMES)
def test_box_of_linked_premises_is_light_with_a_visible_border(name):
    theme = THEMES[name]
    assert contrast_ratio(theme.group_border, theme.background) >= 3  # WCAG 2.1 §1.4.11
    assert relative_luminance(theme.group_fill) > 0.85  # a light tint behind the claims


def test_classroom_is_larger_and_thicker():
    d, c = THEMES["default"], THEMES["classroom"]
    assert c.font_size > d.font_size and c.caption_size > d.caption_size
    assert c.penwidth > d.penwidth and c.edge_penwidth > d.edge_penwidth
    assert {ks.text for ks in c.kinds.values()} == {"#000000"}


MAP = """
theme: classroom
claims:
  T1: {kind: thesis, text: We should act.}
  O1: {kind: objection, text: It costs., attacks: T1}
"""


def test_map_theme_used_and_cli_theme_wins(run_cli, tmp_path):
    src = tmp_path / "m.yaml"
    src.write_text(MAP, encoding="utf-8")
    out = tmp_path / "m.dot"
    assert run_cli("render", str(src), "-o", str(out))[0] == 0
    assert 'fillcolor="#cfe0ff"' in out.read_text(encoding="utf-8")
    assert run_cli("render", str(src), "--theme", "print", "-o", str(out))[0] == 0
    dot = out.read_text(encoding="utf-8")
    assert 'fillcolor="#e6e6e6"' in dot and "peripheries=2" in dot
    code, _, err = run_cli("render", str(src), "--theme", "neon", "-o", str(out))
    assert code == 2 and "'neon' is not one of" in err


def test_theme_sets_wrap_unless_given():
    amap = make_map("claims:\n  T1: {kind: thesis, text: " + "abcde " * 12 + "}\n")

    def breaks(opts):
        return re.search(r"<TR><TD>((?:[^<]|<BR/>)*)</TD>", to_dot(amap, (), opts))[1].count(
            "<BR/>"
        )

    assert breaks(RenderOptions(theme=THEMES["default"])) == 2  # 24 columns: 4 words a line
    assert breaks(RenderOptions(theme=THEMES["classroom"])) == 3  # 22 columns: 3 words a line
    assert breaks(RenderOptions(theme=THEMES["classroom"], wrap=60)) == 1  # 60: 10 + 2


@needs_dot
def test_classroom_op_ed_fills_a_16_9_slide():
    amap = load_map(ROOT / "maps" / "two-michaels.yaml")
    on_slide, ratio = {}, {}
    for name in ("default", "classroom"):
        theme = THEMES[name]
        svg = render_svg(amap, run_checks(amap), RenderOptions(theme=theme)).decode("utf-8")
        _, _, w, h = map(float, re.search(r'viewBox="([^"]+)"', svg)[1].split())
        on_slide[name] = theme.font_size * min(1920 / w, 1080 / h)  # px, whole map on 1920x1080
        ratio[name] = w / h
    assert 1.3 <= ratio["classroom"] <= 2.5
    assert on_slide["classroom"] >= 12 and on_slide["classroom"] >= 1.3 * on_slide["default"]


def test_default_theme_draws_with_the_diagram_colours():
    """The exports (Mermaid, GraphML) and the default theme share one set of colours."""
    default = THEMES["default"]
    assert {k: (s.fill, s.border) for k, s in default.kinds.items()} == KIND_COLOURS
    assert {k: s.label for k, s in default.kinds.items()} == KIND_LABELS
    edges = {
        rel: default.edges[rel].color for rel in ("support", "attack", "undercut", "rephrase")
    }
    edges["premise"] = default.edges["link"].color
    assert edges == RELATION_COLOURS
