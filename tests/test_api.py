"""The Python API (``argmap.load`` … ``argmap.grade``): what each function returns,
the errors it raises, and that ``import argmap`` imports none of it."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

import argmap
from argmap.errors import MapLoadError, UsageError

from conftest import ROOT, needs_dot

SMALL = """title: Trees
claims:
  T1: {kind: thesis, text: Cities should plant more trees.}
  P1: {kind: premise, text: Trees cool the streets in summer., supports: T1}
  O1: {kind: objection, text: Trees cost too much to water., attacks: T1}
"""


def test_import_argmap_imports_no_api_module():
    code = (
        "import sys, argmap; "
        "print(sorted(m for m in sys.modules if m.startswith('argmap')), argmap.__version__)"
    )
    out = subprocess.run(
        [sys.executable, "-c", code], capture_output=True, text=True, check=True, cwd=ROOT
    ).stdout
    assert out.strip() == f"['argmap'] {argmap.__version__}"
    names = sorted(n for n in argmap.__all__ if n != "__version__")
    assert names == sorted(argmap.api.__all__)  # the package hands out the whole API
    code = "import argmap; print(argmap.errors.MapLoadError is argmap.MapLoadError)"
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, cwd=ROOT)
    assert out.stdout.strip() == "True", out.stderr
    with pytest.raises(AttributeError, match="no attribute 'nothing'"):
        _ = argmap.nothing  # type: ignore[attr-defined]


def test_load_reads_any_format_and_keeps_the_import_notes(tmp_path):
    loaded = argmap.load(ROOT / "maps" / "two-michaels.yaml")
    assert isinstance(loaded, argmap.Map)
    assert loaded.format == "argmap" and len(loaded.claims) == 45
    assert loaded.title == "Cut a deal and bring the Michaels home"
    aif = tmp_path / "m.aif.json"
    aif.write_text(argmap.convert(argmap.loads(SMALL), "aif"), encoding="utf-8")
    again = argmap.load(str(aif))
    assert again.format == "aif"
    assert sorted(c.text for c in again.model.claims.values()) == sorted(
        c.text for c in argmap.loads(SMALL).model.claims.values()
    )


def test_load_errors_give_positions_and_usage_errors_name_the_choices(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims:\n  T1: {kind: thesis}\n", encoding="utf-8")
    with pytest.raises(MapLoadError) as caught:
        argmap.load(bad)
    assert str(caught.value).startswith(f"{bad}:2:")
    with pytest.raises(UsageError, match="unknown format 'nope'"):
        argmap.loads(SMALL, "nope")
    with pytest.raises(UsageError, match="writes mermaid but cannot read it"):
        argmap.loads(SMALL, "mermaid")


def test_check_returns_findings_with_codes_positions_and_claims():
    found = argmap.check(argmap.loads(SMALL, name="small.yaml"))
    assert [(f.code, f.file, f.line, f.column, f.claims) for f in found] == [
        ("AM109", "small.yaml", 3, 3, ("T1", "O1")),
        ("AM101", "small.yaml", 4, 3, ("P1",)),
        ("AM107", "small.yaml", 5, 3, ("O1",)),
    ]
    fewer = argmap.check(argmap.loads(SMALL), ignore=["unanswered-objection", "AM109"])
    assert [f.code for f in fewer] == ["AM101"]
    assert [f.code for f in argmap.check(argmap.loads(SMALL), select=["AM107"])] == ["AM107"]
    with pytest.raises(UsageError, match="unknown"):
        argmap.check(argmap.loads(SMALL), select=["no-such-check"])


def test_findings_show_as_an_escaped_table_in_a_notebook():
    text = SMALL.replace("Trees cost too much to water.", "<b>Trees</b> cost & more.")
    table = argmap.check(argmap.loads(text))._repr_html_()
    assert table.startswith("<table><thead><tr><th>where</th>")
    assert "&lt;b&gt;Trees&lt;/b&gt;" not in table  # the message names the id, not the text
    assert "<td>O1</td>" in table and "<b>" not in table
    none = argmap.check(argmap.loads(SMALL), select=["AM102"])
    assert none == () and none._repr_html_() == "<p>No findings.</p>"


def test_evaluate_labels_each_claim():
    result = argmap.evaluate(argmap.loads(SMALL))
    assert set(result.labelling) >= {"T1", "P1", "O1"}
    grounded = argmap.evaluate(argmap.loads(SMALL), semantics="grounded")
    assert grounded.labelling["O1"] == "IN" and grounded.labelling["T1"] == "OUT"
    with pytest.raises(UsageError):
        argmap.evaluate(argmap.loads(SMALL), semantics="nonsense")


@needs_dot
def test_render_gives_deterministic_bytes_in_each_format():
    small = argmap.loads(SMALL)
    dot = argmap.render(small, "dot")
    assert dot.startswith(b"digraph") and dot == argmap.render(small, "dot")
    svg = argmap.render(small)
    assert svg.startswith(b"<?xml") and b"Cities should plant more trees." in svg
    assert svg == argmap.render(small, "svg")
    assert argmap.render(small, "png").startswith(b"\x89PNG")
    column = argmap.render(small, layout="column", column_width=400)
    assert b'viewBox="0 0 400 ' in column or b"max-width:400px" in column
    with pytest.raises(UsageError, match="unknown format 'gif'"):
        argmap.render(small, "gif")
    with pytest.raises(UsageError, match="unknown theme"):
        argmap.render(small, theme="neon")


@needs_dot
def test_a_map_shows_itself_as_its_diagram_in_a_notebook():
    small = argmap.loads(SMALL)
    assert b'viewBox="0.00 0.00 1126.00 ' in argmap.render(small)  # wider than a notebook
    column = argmap.render(small, layout="column", column_width=argmap.api.NOTEBOOK_WIDTH)
    assert small._repr_svg_() == column.decode("utf-8")
    one = argmap.loads("claims:\n  T1: {kind: thesis, text: Cities should plant trees.}\n")
    assert one._repr_svg_() == argmap.render(one).decode("utf-8")  # narrow: the graph
    assert repr(small) == "<argmap.Map '<string>': 3 claims>"


def test_convert_writes_each_format_and_reads_back():
    small = argmap.loads(SMALL)
    text = argmap.convert(small, "argdown")
    back = argmap.loads(text, "argdown")
    assert sorted(c.text for c in back.model.claims.values()) == sorted(
        c.text for c in small.model.claims.values()
    )
    with pytest.raises(UsageError, match="reads kialo but cannot write it"):
        argmap.convert(small, "kialo")


def test_draft_and_grade():
    pytest.importorskip("spacy")
    made = argmap.draft("Schools should ban phones in class. Phones distract pupils.")
    assert {c: m.text for c, m in made.model.claims.items()} == {
        "T1": "Schools should ban phones in class.",
        "P1": "Phones distract pupils.",
    }
    model = argmap.loads(SMALL)
    grades = argmap.grade(model, [model, argmap.loads(SMALL.split("  P1")[0])])
    assert grades[0].score == 100 and grades[1].score < 100


@needs_dot
def test_paths_are_loaded_by_every_function(tmp_path: Path):
    path = tmp_path / "small.yaml"
    path.write_text(SMALL, encoding="utf-8")
    assert [f.code for f in argmap.check(path)] == ["AM109", "AM101", "AM107"]
    assert argmap.render(str(path), "dot") == argmap.render(argmap.load(path), "dot")


@pytest.mark.parametrize(
    ("options", "message"),
    [
        ({"width": -5}, "width=-5: give a whole number from 50 to 20000"),
        ({"dpi": 0}, "dpi=0: give a whole number from 24 to 1200"),
        ({"layout": "column", "column_width": 0}, "column_width=0: give a whole number from 280"),
        ({"layout": "tree"}, "unknown layout 'tree': give 'graph', 'column'"),
        ({"direction": "up"}, "unknown direction 'up': give 'TB', 'LR'"),
        ({"timeout": 0}, "timeout=0: give a number of seconds above 0"),
        ({"wrap": 5}, "wrap=5: give a whole number from 10 to 200"),
        ({"engine": "dott"}, "unknown engine 'dott': give 'dot', .* or None"),
        ({"color_by": "mood"}, "unknown color_by 'mood'"),
        ({"paper": "a3"}, "unknown paper 'a3': give 'a4', 'letter' or None"),
        ({"depth": 1}, "--depth needs --focus ID"),
        ({"slides": True, "handout": True}, "--slides draws slides; --paper and --handout"),
        ({"landscape": True}, "--landscape turns printed pages"),
        ({"handout": True, "collapse": 2}, "--handout cuts the map into parts itself"),
        ({"layout": "column", "engine": "neato"}, "--engine does not apply to --layout column"),
        ({"legend": "yes"}, "legend must be True or False, not str"),
        ({"focus": ""}, "focus must be a claim id or None"),
    ],
)
def test_render_refuses_what_the_command_line_refuses(options, message):
    with pytest.raises(argmap.UsageError, match=message.replace("(", r"\(")):
        argmap.render(argmap.loads(SMALL), "dot", **options)


def test_one_string_is_one_name_or_one_map():
    small = argmap.loads(SMALL)
    assert [f.code for f in argmap.check(small, select="AM107, AM101")] == ["AM101", "AM107"]
    with pytest.raises(argmap.UsageError, match="expected a map: .* not NoneType"):
        argmap.render(None)  # type: ignore[arg-type]


def test_grade_takes_one_student_or_a_list(tmp_path):
    path = tmp_path / "s.yaml"
    path.write_text(SMALL, encoding="utf-8")
    assert [g.score for g in argmap.grade(str(path), str(path))] == [100]
    assert [g.score for g in argmap.grade(path, [path, path])] == [100, 100]


class _Array:
    """A value whose ``==`` gives no truth value (as a NumPy array's does)."""

    def __eq__(self, other):
        raise ValueError("the truth value of an array is ambiguous")

    __hash__ = None


class _Fspath:
    """A PathLike whose ``__fspath__`` gives ``value``, whatever it is."""

    def __init__(self, value):
        self.value = value

    def __fspath__(self):
        return self.value


@pytest.mark.parametrize(
    ("call", "message"),
    [
        (lambda: argmap.loads(None), "text must be a str"),
        (lambda: argmap.loads(b"claims: {}"), "text must be a str .decode bytes first"),
        (lambda: argmap.loads(SMALL, ["x"]), "unknown format"),
        (lambda: argmap.load(None), "path must be a str or os.PathLike"),
        (lambda: argmap.load(""), "path must name a file"),
        (lambda: argmap.load("a\x00b.yaml"), "holds a character no file name can hold"),
        (lambda: argmap.load("claims:\n  T1: {}"), r"use argmap.loads\(text\)"),
        (lambda: argmap.load(_Fspath(b"m.yaml")), "path must give a str path, not bytes"),
        (lambda: argmap.load(_Fspath(None)), "path is no path"),
        (lambda: argmap.render(argmap.loads(SMALL), colour_by="x"), "did you mean 'color_by'"),
        (lambda: argmap.render(argmap.loads(SMALL), split=True), "use argmap.render_files"),
        (lambda: argmap.render(argmap.loads(SMALL), "png", slides=True), "pdf or html, not png"),
        (lambda: argmap.render(argmap.loads(SMALL), "svg", handout=True), "as pdf, not svg"),
        (lambda: argmap.render(argmap.loads(SMALL), focus=""), "focus must be a claim id"),
        (lambda: argmap.render(argmap.loads(SMALL), accept=b"T1"), "not bytes"),
        (lambda: argmap.render_files(argmap.loads(SMALL), b"m.svg"), "not bytes"),
        (lambda: argmap.render_files(argmap.loads(SMALL), ["a\x00.svg"]), "no file name"),
        (lambda: argmap.render_files(argmap.loads(SMALL), ["a\ud800.svg"]), "no file name"),
        (lambda: argmap.draft_file(""), "path must name a file"),
        (lambda: argmap.draft_file("a.txt", name=""), "name must be a non-empty str"),
        (lambda: argmap.render(argmap.loads(SMALL), theme=_Array()), "unknown theme"),
        (lambda: argmap.draft_file("a.txt", patterns=""), "patterns must name a file"),
        (lambda: argmap.check(argmap.loads(SMALL), select=[None]), "select must be a str"),
        (lambda: argmap.evaluate(argmap.loads(SMALL), grant=5), "grant must be a str"),
        (lambda: argmap.evaluate(argmap.loads(SMALL), semantics=None), "semantics must be a str"),
        (lambda: argmap.render(argmap.loads(SMALL), theme=["x"]), r"unknown theme \['x'\]"),
        (lambda: argmap.render(argmap.loads(SMALL), accept=[1]), "accept must be a str"),
        (lambda: argmap.render(argmap.loads(SMALL), slides=True), "SVG slides are one file"),
        (lambda: argmap.render_files(argmap.loads(SMALL), []), "outputs must name at least"),
        (lambda: argmap.render_files(argmap.loads(SMALL), [3]), "outputs must be a str or"),
        (lambda: argmap.render_files(argmap.loads(SMALL), "x.svg", colour="x"), "unknown drawing"),
        (lambda: argmap.draft_file(None), "path must be a str or os.PathLike"),
        (lambda: argmap.draft("x", model=3), "model must be a str or None"),
        (lambda: argmap.render(argmap.loads(SMALL), timeout=float("inf")), "timeout=inf"),
        (lambda: argmap.render(argmap.loads(SMALL), timeout=True), "timeout=True"),
        (lambda: argmap.convert(argmap.loads(SMALL), []), "unknown format"),
        (lambda: argmap.draft(b"text"), "text must be a str"),
        (lambda: argmap.grade(argmap.loads(SMALL), [], rubric="x"), "rubric must be"),
    ],
)
def test_wrong_argument_types_are_usage_errors(call, message):
    with pytest.raises(argmap.UsageError, match=message):
        call()


def test_a_lone_surrogate_is_a_load_error_at_its_position():
    with pytest.raises(argmap.MapLoadError, match="<string>:2:29: .*lone surrogate U.D800"):
        argmap.loads("claims:\n  T1: {kind: thesis, text: x\ud800}\n")


def test_evaluate_reads_one_string_as_one_claim_id():
    result = argmap.evaluate(argmap.loads(SMALL), semantics="grounded", accept="T1")
    assert result.labelling["T1"] == "IN"


def test_a_map_from_a_string_ignores_the_pyproject_of_the_working_folder(tmp_path, monkeypatch):
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nselect = ["nonsense"]\n')
    monkeypatch.chdir(tmp_path)
    assert [f.code for f in argmap.check(argmap.loads(SMALL))] == ["AM109", "AM101", "AM107"]
