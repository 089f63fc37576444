"""``argmap.render``, ``argmap.render_files`` and ``argmap.draft_file`` are what the
command line runs: the same options give the same bytes, every file of a drawing
comes back in memory, and what a drawing does unasked is a warning."""

from __future__ import annotations

import warnings

import pytest

import argmap
from argmap.errors import ArgmapWarning, UsageError

from conftest import ROOT, needs_dot

SMALL = """title: Trees
claims:
  T1: {kind: thesis, text: Cities should plant more trees.}
  P1: {kind: premise, text: Trees cool the streets in summer., supports: T1}
  P2: {kind: premise, text: Shade saves energy., supports: P1}
  O1: {kind: objection, text: Trees cost too much to water., attacks: T1}
  R1: {kind: rebuttal, text: Rain water is free., attacks: O1}
"""


@pytest.fixture
def small(tmp_path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    return path


@needs_dot
@pytest.mark.parametrize(
    ("options", "flags"),
    [
        ({}, []),
        ({"theme": "classroom", "direction": "LR"}, ["--theme", "classroom", "--direction", "LR"]),
        ({"color_by": "status", "ids": False}, ["--color-by", "status", "--no-ids"]),
        ({"reject": ["R1"]}, ["--reject", "R1"]),
        ({"accept": "P2, O1"}, ["--accept", "P2,O1"]),
        ({"focus": "P1", "depth": 1}, ["--focus", "P1", "--depth", "1"]),
        (
            {"layout": "column", "column_width": 360},
            ["--layout", "column", "--column-width", "360"],
        ),
        ({"audience": "student", "collapse": 1}, ["--audience", "student", "--collapse", "1"]),
    ],
)
def test_the_api_and_the_command_line_draw_the_same_bytes(
    small, tmp_path, run_cli, options, flags
):
    out = tmp_path / "cli.svg"
    code, _, err = run_cli("render", str(small), "-o", str(out), *flags)
    assert code == 0, err
    assert argmap.render(small, **options) == out.read_bytes()
    assert argmap.render_files(small, [str(out)], **options) == {str(out): out.read_bytes()}


@needs_dot
def test_the_what_if_is_coloured_and_titled(small):
    svg = argmap.render(small, reject="R1").decode("utf-8")
    assert "what if R1 is rejected?" in svg and "✗ assumed rejected" in svg
    plain = argmap.render(small).decode("utf-8")
    assert "assumed" not in plain and svg != plain
    with pytest.raises(UsageError, match="R9"):
        argmap.render(small, "dot", accept=["R9"])


@needs_dot
def test_render_files_returns_every_page_of_a_split_and_of_svg_slides(small, tmp_path):
    files = argmap.render_files(small, tmp_path / "m.svg", split=True)
    names = [name.removeprefix(str(tmp_path) + "/") for name in files]
    assert names == ["m.svg", "m.P1.svg", "m.O1.svg"]
    assert all(data.startswith(b"<?xml") for data in files.values())
    assert not list(tmp_path.glob("m*.svg"))  # nothing is written
    slides = argmap.render_files(small, ["deck.svg"], slides=True)
    assert list(slides)[:2] == ["deck.1.svg", "deck.2.svg"] and len(slides) >= 3
    handout = argmap.render(small, "pdf", handout=True)
    assert handout.startswith(b"%PDF")
    with pytest.raises(
        UsageError, match=r"--slides writes .pdf, .html, .htm, .svg files, not .png"
    ):
        argmap.render_files(small, ["deck.png"], slides=True)
    with pytest.raises(UsageError, match="two outputs go to m.svg"):
        argmap.render_files(small, ["m.svg", "m.svg"])
    with pytest.raises(UsageError, match="--embed makes a page for an iframe"):
        argmap.render_files(small, ["m.svg"], embed=True)


@needs_dot
def test_a_dense_map_gets_the_spread_layout_with_a_warning(tmp_path, run_cli):
    lines = ["claims:"] + [f"  A{i}: {{kind: premise, text: claim {i}}}" for i in range(12)]
    lines += ["  T1: {kind: thesis, text: the thesis}"]
    attacks = [f"A{j}" for j in range(12)]
    for i in range(12):
        others = ", ".join(a for a in attacks if a != f"A{i}")
        lines[i + 1] = f"  A{i}: {{kind: premise, text: claim {i}, attacks: [{others}]}}"
    dense = tmp_path / "dense.yaml"
    dense.write_text("\n".join(lines) + "\n", encoding="utf-8")
    with pytest.warns(ArgmapWarning, match="too dense for dot; laid out with"):
        spread = argmap.render(dense, "svg")
    with warnings.catch_warnings():
        warnings.simplefilter("error", ArgmapWarning)
        insisted = argmap.render(dense, "svg", engine="dot")  # no warning
    assert spread != insisted
    code, _, err = run_cli("render", str(dense), "-o", str(tmp_path / "d.svg"))
    assert code == 0 and "argmap: warning: " in err and "too dense for dot" in err


def test_draft_file_is_what_argmap_draft_writes(tmp_path, run_cli):
    article = tmp_path / "essay.txt"
    article.write_text(
        "Schools should ban phones in class.\n"
        "Phones distract pupils, because every message pulls their attention away.\n"
        "Some say phones help in emergencies. But the school office has a telephone.\n",
        encoding="utf-8",
    )
    made = argmap.draft_file(article, model="blank")
    assert isinstance(made, argmap.DraftMap) and isinstance(made, argmap.Map)
    assert made.path == "<draft of essay.txt>" and made.pipeline == "blank"
    assert made.yaml.startswith("# Draft argument map made by 'argmap draft' from essay.txt")
    assert made.text.splitlines()[0] == "Schools should ban phones in class."
    assert made.report[0].startswith(f"drafted {len(made.claims)} claims (")
    assert argmap.loads(made.yaml).claims.keys() == made.claims.keys()
    out = tmp_path / "draft.yaml"
    code, _, err = run_cli("draft", str(article), "--model", "blank", "-o", str(out))
    assert code == 0, err
    assert out.read_text(encoding="utf-8") == made.yaml
    assert err.splitlines()[: len(made.report)] == list(made.report)
    assert argmap.draft(article.read_text(encoding="utf-8")).claims.keys() == made.claims.keys()


def test_the_cli_modules_that_draw_and_draft_call_the_api():
    render = (ROOT / "src/argmap/cli/render.py").read_text(encoding="utf-8")
    draft = (ROOT / "src/argmap/cli/draft.py").read_text(encoding="utf-8")
    assert "render_files(loaded, targets, **kwargs)" in render
    assert "draft_file(article, model=model, patterns=patterns_dir, name=" in draft
    for text in (render, draft):
        assert "argmap.render.outputs" not in text and "argmap.draft import" not in text


@needs_dot
def test_a_map_read_from_a_string_is_called_map_not_its_pseudo_file_name():
    untitled = argmap.loads("claims:\n  T1: {kind: thesis, text: Cities should plant trees.}\n")
    assert untitled.path == "<string>" and untitled.model.name == "map"
    svg = argmap.render(untitled).decode("utf-8")
    assert '-title">Argument map</title>' in svg and 'id="map-' in svg and "string" not in svg


@needs_dot
def test_fail_on_change_exits_1_while_an_output_is_new_or_different(small, tmp_path, run_cli):
    out = tmp_path / "out"
    args = ("render", str(small), "--outdir", str(out), "--fail-on-change", "--format", "jsonl")
    code, stdout, err = run_cli(*args)
    assert code == 1, err
    assert '"changed": ["' in stdout
    code, stdout, _ = run_cli(*args)
    assert code == 0 and '"changed": []' in stdout
    one = ("render", str(small), "-o", str(tmp_path / "one.svg"), "--fail-on-change")
    assert run_cli(*one)[0] == 1 and run_cli(*one)[0] == 0
    assert run_cli(*one, "--theme", "print")[0] == 1  # redrawn differently
    assert run_cli("render", str(small), "-o", str(tmp_path / "one.svg"))[0] == 0  # no flag


@needs_dot
def test_odd_but_valid_calls_draw(small, tmp_path, monkeypatch):
    m = argmap.load(small)
    # a column width with the graph layout is ignored (the graph has no column)
    assert argmap.render(m, "dot", column_width=700) == argmap.render(m, "dot")
    # a set of ids has no order: the same drawing every run
    assert argmap.render(m, "dot", accept={"P2", "P1"}) == argmap.render(
        m, "dot", accept=["P1", "P2"]
    )
    # a map with an odd name, a Map built by hand, a working folder that is gone
    odd = argmap.loads(SMALL, name="a\x00b")
    assert argmap.render(odd, "dot").startswith(b"digraph")
    assert argmap.render(argmap.Map(m.model, None), "dot") == argmap.render(m, "dot")
    gone = tmp_path / "gone"
    gone.mkdir()
    monkeypatch.chdir(gone)
    gone.rmdir()
    assert argmap.render(m, "dot").startswith(b"digraph")
    assert list(argmap.render_files(m, "x.dot")) == ["x.dot"]


@needs_dot
def test_an_output_that_is_a_fifo_is_refused_not_waited_on(small, tmp_path):
    import os
    import subprocess
    import sys

    fifo = tmp_path / "f.svg"
    os.mkfifo(fifo)
    env = {**os.environ, "PYTHONPATH": str(ROOT / "src")}
    for flags in ([], ["--fail-on-change"]):
        done = subprocess.run(
            [sys.executable, "-m", "argmap", "render", str(small), "-o", str(fifo), *flags],
            capture_output=True, text=True, env=env, timeout=120, check=False,
        )  # fmt: skip
        assert done.returncode == 2 and "FIFO" in done.stderr, done.stderr


@needs_dot
def test_svg_slides_of_a_name_in_no_utf_8(small, tmp_path, run_cli):
    deck = str(tmp_path) + "/deck\udcff.svg"  # a name read from disk with the byte 0xff
    code, _, err = run_cli("render", str(small), "--slides", "-o", deck)
    assert code == 0, err
    slides = sorted(p.name for p in tmp_path.glob("deck*.svg"))
    assert slides[:2] == ["deck\udcff.1.svg", "deck\udcff.2.svg"]
    assert (tmp_path / slides[0]).read_bytes().startswith(b"<?xml")
