"""Formats told by content (``argmap.io.detect``), and every command reading every format.

A ``.json``, ``.yaml``, ``.txt``, ``.xml`` or ``.md`` file is routed by what it
holds; a file argmap cannot read gets "this looks like X; argmap reads ..." (one
finding at 1:1, exit 2), never a cascade of field errors; ``check``,
``render``, ``evaluate`` and ``grade`` read every readable format directly, so
findings point at lines of the original file.
"""

from __future__ import annotations

import csv
import json
import time
from pathlib import Path

import pytest

from argmap.errors import UsageError
from argmap.io.detect import sniff
from argmap.io.formats import input_format

from conftest import needs_dot

AIF = {
    "nodes": [
        {"nodeID": "1", "text": "Cats purr.", "type": "I"},
        {"nodeID": "2", "text": "Default Inference", "type": "RA"},
        {"nodeID": "3", "text": "Cats are content.", "type": "I"},
    ],
    "edges": [
        {"edgeID": "1", "fromID": "1", "toID": "2"},
        {"edgeID": "2", "fromID": "2", "toID": "3"},
    ],
    "locutions": [],
}
SADFACE = {
    "metadata": {"core": {"id": "x", "version": "0.5"}},
    "nodes": [{"id": "a", "type": "atom", "text": "Cats purr."}],
    "edges": [],
    "resources": [],
}
ARGUEBUF = {"nodes": {"a": {"atom": {"text": "x"}}}, "edges": {}, "libraryVersion": "2"}


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        ('{"version": 1, "claims": {}}', "json"),
        (json.dumps(AIF), "aif"),
        (json.dumps({"AIF": AIF, "OVA": {}}), "xaif"),
        (json.dumps(SADFACE), "sadface"),
        (json.dumps({**SADFACE, "metadata": {}}), "sadface"),
        (json.dumps(ARGUEBUF), "arguebuf"),
        ('{"atoms": {}, "schemes": {}, "edges": {}, "majorClaim": "a"}', "arguebuf"),
        ('{"nodes": [], "edges": [], "schemaVersion": 1}', "arguebuf"),
        ('{"people": []}', "json-other"),
        ("[1, 2]", "json-other"),
        ("{not json", None),
        ("\ufeff\nclaims:\n  T: {kind: thesis, text: x}\n", "argmap"),
        ("title: x\nclaim:\n  T: y\n", "argmap"),
        ("statements:\n  s1: {text: x}\narguments:\n  a1: {conclusion: s1}\n", "carneades"),
        ("shopping:\n  - milk\n", "yaml-other"),
        ("Discussion Title: Cats\n\n1. Cats are best.\n", "kialo"),
        ("% a framework\narg(a).\narg(b).\natt(a,b).\n", "apx"),
        ("p af 2\n# 1 cats\n1 2\n", "iccma"),
        ("1 Cats purr\n2 Dogs bark\n#\n1 2\n", "tgf"),
        ("digraph G {\n a -> b\n}\n", "dot"),
        ("flowchart TD\n  a --> b\n", "mermaid"),
        ('<?xml version="1.0"?>\n<graphml xmlns="x"></graphml>', "graphml"),
        ('<?xml version="1.0"?>\n<arggraph id="micro_b001"></arggraph>', "arggraph"),
        ('<?xml version="1.0"?>\n<!DOCTYPE ARG SYSTEM "argument.dtd">\n<ARG></ARG>', "aml"),
        ('<svg xmlns="http://www.w3.org/2000/svg"></svg>', "svg"),
        ("# Notes\n\nSome words.\n\n```argdown\n[A]: x\n```\n", "argdown-md"),
        ("", None),
        ("just some words\n", None),
        ("\u00a0\n", None),
        ("\x0b\x0c\x1c", None),
        ("\u3000", None),
        # strong signatures win over an Argdown fence inside the text
        (
            "title: |\n  ```argdown\n  [A]: x\n  ```\nclaims:\n  T: {kind: thesis, text: t}\n",
            "argmap",
        ),
        ("Discussion Title: x\n\n1. root\n1.1. Pro: y\n```argdown\n[Z]: z\n```\n", "kialo"),
    ],
)
def test_sniff_names_the_format(text, expected):
    assert sniff(text) == expected


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        ("m.json", json.dumps(AIF), "aif"),
        ("m.json", json.dumps({"AIF": AIF}), "aif"),
        ("m.json", '{"version": 1, "claims": {}}', "json"),
        ("m.json", "{broken", "json"),  # the JSON reader reports where it breaks
        ("m.yaml", "claims: {}\n", "argmap"),
        ("m.yaml", "titel: x\n", "argmap"),  # the YAML reader says "did you mean 'title'"
        ("m.aif.json", json.dumps(SADFACE), "aif"),  # the full ending names the format
        ("m.txt", "Discussion Title: Cats\n1. Cats.\n", "kialo"),
        ("notes.md", "Intro.\n\n```argdown\n[A]: x\n```\n", "argdown-md"),
        ("no-ending", "claims:\n  T: {kind: thesis, text: x}\n", "argmap"),
    ],
)
def test_input_format_by_name_then_content(name, text, expected):
    assert input_format(name, text) == expected


@pytest.mark.parametrize(
    ("name", "text", "says"),
    [
        ("g.json", json.dumps(ARGUEBUF), "this looks like arguebuf's JSON graph; argmap reads"),
        ("p.json", '{"people": []}', "this looks like a JSON document of no argument format"),
        ("s.yaml", "shopping:\n  - milk\n", "this looks like a YAML document of no argument"),
        ("g.txt", "digraph G {\n a -> b\n}\n", "this looks like a Graphviz DOT graph"),
        ("a.xml", "<ARG></ARG>", "this looks like Araucaria's AML"),
        ("x.md", "# Just notes\n", "read as Argdown when it holds a fenced ```argdown block"),
        ("x.docx", "PK", "cannot tell the format from the file name or its content"),
    ],
)
def test_unreadable_content_is_named(name, text, says):
    with pytest.raises(UsageError) as err:
        input_format(name, text)
    assert str(err.value).startswith(f"{name}: ")
    assert says in str(err.value)
    listed = ("AIF JSON (aif), SADFace JSON (sadface)", "argmap, json, aif, sadface")
    assert any(names in str(err.value) for names in listed)  # and what argmap reads


def test_unreadable_file_is_one_finding_not_a_cascade(run_cli, tmp_path):
    path = tmp_path / "graph.json"
    path.write_text(json.dumps(ARGUEBUF), encoding="utf-8")
    code, out, _ = run_cli("check", str(path))
    assert code == 2
    lines = out.strip().splitlines()
    assert len(lines) == 1
    assert lines[0].startswith(f"{path}:1:1: error AM000 invalid-map: this looks like arguebuf")


def test_check_reads_foreign_formats_at_their_own_lines(run_cli, tmp_path):
    argdown = tmp_path / "m.argdown"
    argdown.write_text("// cats\n\n[A]: Cats rule.\n  + [B]: Cats purr.\n", encoding="utf-8")
    code, out, _ = run_cli("check", str(argdown), "--select", "unsupported-claim")
    assert code == 0
    assert out == (
        f"{argdown}:4:5: warning AM101 unsupported-claim: premise B has no supporting claim: "
        "add a premise, precedent or evidence with 'supports: B'\n"
    )
    aif = tmp_path / "m.json"
    aif.write_text(json.dumps(AIF, indent=1), encoding="utf-8")
    code, out, _ = run_cli("check", str(aif), "--select", "unsupported-claim", "--format", "json")
    found = json.loads(out)["findings"]
    assert [(f["file"], f["line"], f["column"]) for f in found] == [(str(aif), 3, 3)]


@needs_dot
def test_render_and_evaluate_read_argdown(run_cli, tmp_path):
    argdown = tmp_path / "m.argdown"
    argdown.write_text("[A]: Cats rule.\n  + [B]: Cats purr.\n  - [C]: Cats scratch.\n")
    svg = tmp_path / "m.svg"
    assert run_cli("render", str(argdown), "-o", str(svg))[0] == 0
    assert "Cats purr." in svg.read_text(encoding="utf-8")
    code, out, _ = run_cli("evaluate", str(argdown), "--format", "json")
    assert code == 0
    assert json.loads(out)["labelling"] == {"A": "OUT", "B": "IN", "C": "IN"}


def test_grade_takes_a_folder_of_argdown_students(run_cli, tmp_path):
    model = tmp_path / "model.yaml"
    model.write_text(
        "claims:\n  T: {kind: thesis, text: Cats rule.}\n"
        "  P: {kind: premise, text: Cats purr., supports: T}\n",
        encoding="utf-8",
    )
    pupils = tmp_path / "class"
    pupils.mkdir()
    (pupils / "ann.argdown").write_text("[T]: Cats rule.\n  + [P]: Cats purr.\n")
    (pupils / "bob.yaml").write_text("claims:\n  T: {kind: thesis, text: Cats rule.}\n")
    sheet = tmp_path / "grades.csv"
    code, _, _ = run_cli("grade", str(model), str(pupils), "--csv", str(sheet))
    assert code == 0
    rows = {Path(r["file"]).name: r["score"] for r in csv.DictReader(sheet.open())}
    assert rows["ann.argdown"] == "100"
    assert int(rows["bob.yaml"]) < 100


def test_sniffing_is_linear():
    """Ten times the input takes at most about ten times as long (measured in one run)."""

    def cost(n: int) -> float:
        texts = ["x:\n" * n, "[" * n, "{" * n, "<" + "a" * n, "arg(a).\n" * n, "#\n" * n]
        start = time.perf_counter()
        for text in texts:
            sniff(text)
        return time.perf_counter() - start

    small, big = min(cost(20_000) for _ in range(3)), min(cost(200_000) for _ in range(3))
    assert big / small < 40
