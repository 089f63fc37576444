"""SARIF, GitHub annotations, settings from pyproject, stats and colouring by result."""

from __future__ import annotations

import json
from pathlib import Path

import jsonschema
import pytest

from argmap.analysis.stats import map_stats
from argmap.cli.common import rule_catalogue
from argmap.findings import BUILTIN_RULES, Finding
from argmap.model import Position
from argmap.report import as_github, as_sarif

from conftest import ROOT, make_map

WARN = """claims:
  T1: {kind: thesis, text: We should act.}
  O1: {kind: objection, text: It costs., attacks: T1}
"""

# The official SARIF 2.1.0 schema (OASIS Committee Specification), kept as data;
# its origin is in tests/data/README.md.
SARIF_SCHEMA = json.loads((ROOT / "tests" / "data" / "sarif-schema-2.1.0.json").read_text("utf-8"))


def validate_sarif(text: str) -> dict:
    """Parse a SARIF log and validate it against the official schema (formats checked too)."""
    doc = json.loads(text)
    validator = jsonschema.Draft7Validator(
        SARIF_SCHEMA, format_checker=jsonschema.Draft7Validator.FORMAT_CHECKER
    )
    validator.validate(doc)
    return doc


def test_the_schema_is_the_official_sarif_2_1_0_schema():
    assert (
        SARIF_SCHEMA["title"] == "Static Analysis Results Format (SARIF) Version 2.1.0 JSON Schema"
    )
    assert SARIF_SCHEMA["$id"].endswith("/sarif-schema-2.1.0.json")
    assert SARIF_SCHEMA["properties"]["version"]["enum"] == ["2.1.0"]
    assert len(SARIF_SCHEMA["definitions"]) == 52
    jsonschema.Draft7Validator.check_schema(SARIF_SCHEMA)
    with pytest.raises(jsonschema.ValidationError):  # the schema does reject a wrong log
        validate_sarif('{"version": "2.1.0", "runs": [{"tool": {"driver": {}}}]}')


def test_sarif_log():
    f = Finding(
        Position("maps/x.yaml", 3, 5), "AM107", "unanswered-objection", "warning", "msg", ("O1",)
    )
    doc = validate_sarif(as_sarif([f], rule_catalogue()))
    run = doc["runs"][0]
    ids = [r["id"] for r in run["tool"]["driver"]["rules"]]
    assert ids[0] == "AM000" and "AM112" in ids and len(ids) == len(set(ids))
    assert ids[:3] == ["AM000", "AM001", "AM002"]
    result = run["results"][0]
    assert result["ruleId"] == "AM107" and ids[result["ruleIndex"]] == "AM107"
    assert result["level"] == "warning"
    assert result["locations"][0]["physicalLocation"] == {
        "artifactLocation": {"uri": "maps/x.yaml"},
        "region": {"startLine": 3, "startColumn": 5},
    }


def test_sarif_lists_the_rule_of_every_finding():
    known = Finding(Position("m.yaml", 1, 1), "AM002", "export-loss", "warning", "lost")
    unknown = Finding(Position("m.yaml", 2, 1), "AM900", "from-elsewhere", "info", "odd")
    doc = validate_sarif(as_sarif([unknown, known], BUILTIN_RULES[2:]))
    rules = doc["runs"][0]["tool"]["driver"]["rules"]
    assert [r["id"] for r in rules] == ["AM002", "AM900"]
    assert rules[1]["defaultConfiguration"] == {"level": "note"}
    assert [(r["ruleId"], r["ruleIndex"], r["level"]) for r in doc["runs"][0]["results"]] == [
        ("AM002", 0, "warning"),
        ("AM900", 1, "note"),
    ]


def test_check_and_convert_sarif_logs_are_valid(run_cli, tmp_path: Path):
    warn = tmp_path / "w.yaml"
    warn.write_text(WARN, encoding="utf-8")
    code, out, _ = run_cli(
        "check", "--format", "sarif", str(warn), str(ROOT / "maps" / "two-michaels.yaml")
    )
    doc = validate_sarif(out)
    assert code == 0 and {r["ruleId"] for r in doc["runs"][0]["results"]} >= {"AM101", "AM107"}
    bad = tmp_path / "bad.yaml"
    bad.write_text("claims: [\n", encoding="utf-8")
    code, out, _ = run_cli("check", "--format", "sarif", str(bad))
    assert code == 2 and validate_sarif(out)["runs"][0]["results"][0]["ruleId"] == "AM000"
    argdown = tmp_path / "a.argdown"
    argdown.write_text("[A]: Apples.\n    <+ [B]\n", encoding="utf-8")
    code, _, err = run_cli("convert", str(argdown), str(tmp_path / "a.mmd"), "--format", "sarif")
    results = validate_sarif(err)["runs"][0]["results"]
    assert code == 0 and [r["ruleId"] for r in results] == ["AM001"]
    code, _, err = run_cli("convert", str(warn), "-", "--to", "graphml", "--format", "sarif")
    assert code == 0 and validate_sarif(err)["runs"][0]["results"] == []


def test_github_annotations_escape():
    f = Finding(
        Position("a,b:c.yaml", 2, 3), "AM101", "unsupported-claim", "error", "100% bad\nnext"
    )
    assert as_github([f]) == (
        "::error file=a%2Cb%3Ac.yaml,line=2,col=3,title=AM101 unsupported-claim::100%25 "
        "bad%0Anext\n"
    )


def test_settings_precedence(tmp_path: Path, run_cli):
    (tmp_path / "pyproject.toml").write_text('[tool.argmap]\nignore = ["AM107"]\n')
    sub = tmp_path / "maps"
    sub.mkdir()
    plain = sub / "plain.yaml"
    plain.write_text(WARN)
    _, out, _ = run_cli("check", str(plain))
    assert [line.split()[2] for line in out.splitlines()] == ["AM101", "AM109"]
    own = sub / "own.yaml"
    own.write_text("checks: {ignore: [AM101]}\n" + WARN)
    _, out, _ = run_cli("check", str(own))  # the map wins over pyproject
    assert [line.split()[2] for line in out.splitlines()] == ["AM109", "AM107"]
    _, out, _ = run_cli("check", "--ignore", "AM109", str(own))  # the command line wins
    assert [line.split()[2] for line in out.splitlines()] == ["AM101", "AM107"]


def test_bad_pyproject_is_invalid_input(tmp_path: Path, run_cli):
    (tmp_path / "pyproject.toml").write_text("[tool.argmap\nx = 1\n")
    path = tmp_path / "m.yaml"
    path.write_text(WARN)
    code, out, _ = run_cli("check", str(path))
    assert code == 2 and f"{tmp_path / 'pyproject.toml'}:1:" in out and "invalid TOML" in out


def test_stats_of_op_ed():
    from argmap.io.yaml.reader import load_map

    data = map_stats(load_map(ROOT / "maps" / "two-michaels.yaml"))
    assert data["claims"] == 45 and data["precedents"] == 6
    assert data["objections"] == 5 and data["objections_answered"] == 5
    assert data["longest_chain"][-1] == "T1"
    assert data["support_depth"] == len(data["longest_chain"]) - 1 == 5


def test_stats_collapses_cycles():
    amap = make_map(
        """
        claims:
          T: {kind: thesis, text: T.}
          A: {kind: premise, text: A., supports: [T, B]}
          B: {kind: premise, text: B., supports: A}
          C: {kind: premise, text: C., supports: B}
          O: {kind: objection, text: O., attacks: T}
        """
    )
    data = map_stats(amap)
    # C => {A, B} (one knot) => T: two steps
    assert data["longest_chain"] == ["C", "A", "T"] and data["support_depth"] == 2
    assert data["supported_share"] == pytest.approx(3 / 4)  # T, A, B supported; C not
    assert data["objections_answered"] == 0


def test_evaluate_cli_json_and_what_if(run_cli):
    src = str(ROOT / "maps" / "two-michaels.yaml")
    code, out, _ = run_cli(
        "evaluate", src, "--format", "json", "--reject", "R4", "--explain", "T1"
    )
    doc = json.loads(out)
    assert code == 0
    assert doc["labelling"]["T1"] == "OUT" and doc["labelling"]["O4"] == "IN"
    assert doc["changed"] == [
        {"claim": "T1", "from": "IN", "to": "OUT"},
        {"claim": "O4", "from": "OUT", "to": "IN"},
        {"claim": "R4", "from": "IN", "to": "OUT"},
    ]
    assert doc["explanations"][0]["reason"] == (
        "T1 is OUT: the objection O4 to it stands (O4 is IN)."
    )
    assert doc["reading"]["semantics"] == "carneades"
    assert all(v is None or 0 <= v <= 1 for v in doc["strength"].values())
    code, out, _ = run_cli("evaluate", src, "--reject", "R4")
    assert "changed:\n  T1: IN -> OUT\n  O4: OUT -> IN\n  R4: IN -> OUT\n" in out
    code, _, err = run_cli("evaluate", src, "--explain", "T9")
    assert code == 2 and "did you mean 'T1'" in err


def test_render_color_by_status_marks_labels_in_captions():
    from argmap.api.whatif import colouring
    from argmap.render.dot import RenderOptions, to_dot
    from argmap.render.style import STATUS_FILLS

    amap = make_map(WARN)
    fills, badges, legend = colouring(amap, "status")
    assert [name for name, _ in legend] == [
        "IN: stands (carneades reading)",
        "OUT: does not stand",
        "UNDEC: undecided",
    ]
    assert badges == {"T1": "OUT", "O1": "IN"}
    dot = to_dot(amap, (), RenderOptions(fills=fills, badges=badges, fill_legend=legend))
    assert "fill: UNDEC" in dot
    assert f'fillcolor="{STATUS_FILLS["OUT"]}"' in dot and "THESIS · T1 · OUT" in dot
    fills, badges, _ = colouring(amap, "strength")
    assert badges == {"T1": "0.25", "O1": "0.50"}


def test_sarif_file_locations_are_uri_references():
    from argmap.report import artifact_uri

    assert artifact_uri("maps/x.yaml") == "maps/x.yaml"
    assert artifact_uri("sp ace#%?.yaml") == "sp%20ace%23%25%3F.yaml"
    assert artifact_uri("x:foo.yaml") == "x%3Afoo.yaml"
    assert artifact_uri("dir\\é.yaml") == "dir/%C3%A9.yaml"
