"""``argmap render`` on odd and hostile maps and command lines: what once broke stays fixed."""

from __future__ import annotations

import os
import textwrap
import xml.etree.ElementTree as ET
from pathlib import Path

import pytest

from argmap.analysis.checks import run_checks
from argmap.analysis.evaluate import evaluate
from argmap.render.labels import bidi_isolated
from argmap.render.pages import page_suffixes
from argmap.render.pipeline import map_prefix

from conftest import make_map, needs_dot

S = "{http://www.w3.org/2000/svg}"

#: U supports T and undercuts that very step; X is a linked premise of I and undercuts I.
SELF_UNDERCUT = """
claims:
  T: {kind: thesis, text: The thesis.}
  U: {kind: objection, text: Undercuts its own step., supports: T, undercuts: "U -> T"}
  A: {kind: premise, text: A linked premise.}
  X: {kind: objection, text: A linked premise that undercuts its own step., undercuts: I}
  C: {kind: premise, text: Concluded from A and X.}
inferences:
  I: {premises: [A, X], conclusion: C}
"""


def write(folder: Path, text: str, name: str = "map.yaml") -> Path:
    folder.mkdir(parents=True, exist_ok=True)
    path = folder / name
    path.write_text(textwrap.dedent(text), encoding="utf-8")
    return path


def test_a_premise_that_undercuts_its_own_step_has_a_strength():
    result = evaluate(make_map(SELF_UNDERCUT))
    # The step U -> T: min(U) = 0.5, weakened by its undercutter U: 0.5 · (1 − 0.5) = 0.25;
    # T: 0.5 + 0.5 · 0.25. The step I: min(A, X) · (1 − X) = 0.25, so C is 0.625 too.
    assert result.strength["T"] == pytest.approx(0.625)
    assert result.strength["C"] == pytest.approx(0.625)
    assert evaluate(make_map(SELF_UNDERCUT), accept=["U"]).strength["T"] == pytest.approx(0.5)


@needs_dot
@pytest.mark.parametrize("args", [("--reject", "U"), ("--accept", "X"), ("--color-by", "status")])
def test_render_what_if_of_a_self_undercutting_step(run_cli, tmp_path, args):
    src = write(tmp_path, SELF_UNDERCUT)
    code, _, err = run_cli("render", str(src), "-o", str(tmp_path / "m.svg"), *args)
    assert code == 0, err
    assert (tmp_path / "m.svg").read_bytes().startswith(b"<?xml")


#: Branch ids that differ only in what element ids cannot hold: each has a page of its own.
LOOK_ALIKE = """
title: Look-alike branches
claims:
  T1: {kind: thesis, text: The thesis.}
  a: {kind: premise, text: Branch a., supports: T1}
  a-: {kind: premise, text: Branch a dash., supports: T1}
  "-a": {kind: premise, text: Branch dash a., supports: T1}
  A: {kind: premise, text: Branch capital A., supports: T1}
  "-": {kind: premise, text: Branch dash., supports: T1}
  map: {kind: premise, text: Branch map., supports: T1}
  E1: {kind: evidence, text: Under a., supports: a, source: s}
  E2: {kind: evidence, text: Under a dash., supports: a-, source: s}
  E3: {kind: evidence, text: Under dash a., supports: "-a", source: s}
  E4: {kind: evidence, text: Under capital A., supports: A, source: s}
  E5: {kind: evidence, text: Under dash., supports: "-", source: s}
  E6: {kind: evidence, text: Under map., supports: map, source: s}
"""


def element_ids(svg: str) -> list[str]:
    return [el.get("id") for el in ET.fromstring(svg).iter() if el.get("id")]


def test_page_names_differ_in_what_element_ids_keep():
    assert page_suffixes(["a", "a-", "-a", "A", "-", "a-2"]) == {
        "a": "a",
        "a-": "a--2",
        "-a": "-a-3",
        "A": "A-4",
        "-": "--2",
        "a-2": "a-2-2",
    }


@needs_dot
@pytest.mark.parametrize("prefix", [(), ("--id-prefix", ""), ("--id-prefix", "Fig 2")])
def test_split_pages_of_look_alike_branches_never_share_an_id(run_cli, tmp_path, prefix):
    src = write(tmp_path, LOOK_ALIKE)
    code, _, err = run_cli("render", str(src), "--split", "-o", str(tmp_path / "o/m.svg"), *prefix)
    assert code == 0, err
    pages = sorted((tmp_path / "o").iterdir())
    assert len(pages) == 7  # the overview and one page per branch
    ids = [i for page in pages for i in element_ids(page.read_text(encoding="utf-8"))]
    assert len(ids) == len(set(ids))


@needs_dot
@pytest.mark.parametrize(
    ("outputs", "named"),
    [
        (("o/m.svg", "o/m.a.svg"), "two outputs go to {o}/m.a.svg:"),  # a --split page
        (("o/x.svg", "o/./x.svg"), "two outputs go to {o}/x.svg and {o}/./x.svg:"),
        (("o/x.svg", "o/x.svg"), "two outputs go to {o}/x.svg:"),
    ],
)
def test_two_outputs_to_one_file_are_refused(run_cli, tmp_path, outputs, named):
    src = write(tmp_path, LOOK_ALIKE)
    args = [a for out in outputs for a in ("-o", f"{tmp_path}/{out}")]
    code, _, err = run_cli("render", str(src), "--split", *args)
    assert code == 2
    assert named.format(o=tmp_path / "o") in err and "give each output its own name" in err
    assert not (tmp_path / "o").exists()  # nothing written


UNSOURCED = """
title: One map, two folders
claims:
  T1: {kind: thesis, text: The thesis.}
  P1: {kind: premise, text: A reason., supports: T1}
  E1: {kind: evidence, text: Evidence with no source., supports: P1}
"""


@needs_dot
def test_one_map_checked_two_ways_gets_two_sets_of_ids(run_cli, tmp_path):
    """The same map.yaml in two folders, one with a pyproject.toml that silences a
    check: two different drawings, which must not share an id on one page."""
    plain, quiet = write(tmp_path / "a", UNSOURCED), write(tmp_path / "b", UNSOURCED)
    (tmp_path / "b" / "pyproject.toml").write_text(
        '[tool.argmap]\nignore = ["unsourced-basis"]\n', encoding="utf-8"
    )
    svgs = []
    for src in (plain, quiet, plain):
        out = tmp_path / f"{len(svgs)}.svg"
        code, _, err = run_cli("render", str(src), "-o", str(out))
        assert code == 0, err
        svgs.append(out.read_text(encoding="utf-8"))
    assert ("AM110" in svgs[0], "AM110" in svgs[1]) == (True, False)
    assert not set(element_ids(svgs[0])) & set(element_ids(svgs[1]))
    assert svgs[2] == svgs[0]  # the same map checked the same way: the same ids


def test_the_default_ids_cover_the_findings_marked():
    amap = make_map(UNSOURCED, "a/map.yaml")
    found = run_checks(amap)
    assert [(f.code, f.claims) for f in found] == [("AM110", ("E1",))]
    marked = map_prefix(amap, None, found)
    assert marked != map_prefix(amap)
    assert marked == map_prefix(make_map(UNSOURCED, "b/map.yaml"), None, list(reversed(found)))
    # A finding about a claim the drawing does not hold marks nothing.
    part = make_map(UNSOURCED.replace("  E1:", "  # E1:"), "map.yaml")
    elsewhere = [f for f in found if f.claims and f.claims[0] == "E1"]
    assert map_prefix(part, None, elsewhere) == map_prefix(part)


WHAT_IF = """
title: Build the lane
claims:
  T1: {kind: thesis, text: The town should build a bike lane.}
  P1: {kind: premise, text: Cycling to work is rising., supports: T1}
  E1: {kind: evidence, text: A count found twice as many bikes., supports: P1, source: s}
  O1: {kind: objection, text: The lane removes parking., attacks: T1}
  R1: {kind: rebuttal, text: Few cars park there., attacks: O1}
  P2: {kind: premise, text: A parking survey counted four cars a day., supports: R1}
"""


@needs_dot
def test_a_what_if_asks_its_question_last_on_every_page(run_cli, tmp_path):
    src = write(tmp_path, WHAT_IF)
    out = tmp_path / "o" / "m.svg"
    code, _, err = run_cli(
        "render", str(src), "--reject", "P2", "--focus", "T1", "--split", "-o", str(out)
    )
    assert code == 0, err
    titles = {
        page.name: ET.fromstring(page.read_text(encoding="utf-8")).find(S + "title").text
        for page in (tmp_path / "o").iterdir()
    }
    assert titles == {
        "m.svg": "Build the lane: around T1 — what if P2 is rejected?",
        "m.P1.svg": "Build the lane: around T1: P1 — what if P2 is rejected?",
        "m.O1.svg": "Build the lane: around T1: O1 — what if P2 is rejected?",
    }


@needs_dot
@pytest.mark.parametrize("color_by", ["status", "strength"])
def test_a_what_if_evaluates_the_map_once(run_cli, tmp_path, monkeypatch, color_by):
    import argmap.analysis.evaluate as module

    calls = []
    real = module.evaluate
    monkeypatch.setattr(module, "evaluate", lambda *a, **k: calls.append(a) or real(*a, **k))
    src = write(tmp_path, WHAT_IF)
    out = tmp_path / "m.svg"
    code, _, err = run_cli(
        "render", str(src), "--color-by", color_by, "--reject", "P2", "-o", str(out)
    )
    assert code == 0, err
    assert len(calls) == 1
    legend = "strength 0.5" if color_by == "strength" else "fill: OUT"
    assert legend in out.read_text(encoding="utf-8")


@needs_dot
def test_split_pages_of_an_output_named_in_no_utf_8(run_cli, tmp_path):
    """A file name that is not UTF-8 (byte 0xFF; Python reads it as U+DCFF) links its
    pages by their bytes, percent-encoded."""
    src = write(tmp_path, LOOK_ALIKE)
    out = tmp_path / "o" / "\udcff.svg"
    code, _, err = run_cli("render", str(src), "--split", "-o", str(out))
    assert code == 0, err
    names = sorted(os.fsencode(p.name) for p in (tmp_path / "o").iterdir())
    assert names[0] == b"\xff.--2.svg" and len(names) == 7
    overview = out.read_text(encoding="utf-8")
    assert 'href="%FF.a.svg"' in overview and 'href="%FF.A-4.svg"' in overview


@needs_dot
@pytest.mark.parametrize("args", [(), ("--embed", "--reject", "P1")])
def test_html_of_a_map_named_in_no_utf_8(run_cli, tmp_path, args):
    """A map file whose name is not UTF-8 and that has no title: the page is named
    after the file, its undecodable byte shown as U+FFFD."""
    src = write(tmp_path, UNSOURCED.replace("title: One map, two folders\n", ""), "\udcfe.yaml")
    out = tmp_path / "m.html"
    code, _, err = run_cli("render", str(src), "-o", str(out), *args)
    assert code == 0, err
    title = "Argument map \ufffd — what if P1 is rejected?" if args else "\ufffd"
    assert f"<title>{title}</title>" in out.read_text(encoding="utf-8")


@pytest.mark.parametrize("seconds", ["nan", "-NaN", "inf", "0"])
def test_layout_timeout_must_be_a_number_of_seconds(run_cli, tmp_path, seconds):
    src = write(tmp_path, WHAT_IF)
    code, _, err = run_cli(
        "render", str(src), "-o", str(tmp_path / "m.dot"), "--layout-timeout", seconds
    )
    assert code == 2 and "Invalid value for '--layout-timeout'" in err, err
    assert not (tmp_path / "m.dot").exists()


FSI, PDI, RLO, RLI = "\u2068", "\u2069", "\u202e", "\u2067"


def test_bidi_isolated_keeps_overrides_inside():
    assert bidi_isolated("Plain title, עברית too") == "Plain title, עברית too"
    assert bidi_isolated(f"a{RLO}b") == f"{FSI}a{RLO}b{PDI}"
    assert bidi_isolated(f"{RLI}a") == f"{FSI}{RLI}a{PDI}{PDI}"  # its own isolate closed
    assert bidi_isolated(f"a{PDI}{RLO}b") == f"{FSI}a{RLO}b{PDI}"  # a stray PDI cannot end ours


BIDI = f"""
title: "Plan {RLO}A"
claims:
  T1: {{kind: thesis, text: The thesis.}}
  "P{RLO}1": {{kind: premise, text: A reason., supports: T1}}
  E1: {{kind: evidence, text: Evidence., supports: "P{RLO}1", source: s}}
"""


@needs_dot
def test_words_added_to_a_title_read_as_written(run_cli, tmp_path):
    """An override left open in the map's title or in a claim id ends before the words
    argmap adds ("— what if … is rejected?", ": around …", a --split branch)."""
    src = write(tmp_path, BIDI)
    out = tmp_path / "o" / "m.svg"
    args = ("--reject", f"P{RLO}1", "--focus", "T1", "--split", "-o", str(out))
    code, _, err = run_cli("render", str(src), *args)
    assert code == 0, err
    titles = sorted(
        ET.fromstring(page.read_text(encoding="utf-8")).find(S + "title").text
        for page in (tmp_path / "o").iterdir()
    )
    plan = f"{FSI}{FSI}Plan {RLO}A{PDI}: around T1{PDI}"
    question = f" — what if {FSI}P{RLO}1{PDI} is rejected?"
    assert titles == [plan + question, f"{FSI}{plan}: {FSI}P{RLO}1{PDI}{PDI}{question}"]
