"""The command line end to end: exit codes, text and JSON findings, errors without tracebacks."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

from conftest import FIXTURES, ROOT

CLEAN = """claims:
  T1: {kind: thesis, text: We should act.}
  E1: {kind: evidence, text: A study says so., supports: T1, source: "Lee (2020)"}
"""
WARN = """claims:
  T1: {kind: thesis, text: We should act.}
  O1: {kind: objection, text: It costs., attacks: T1}
"""
ERROR = """claims:
  T1: {kind: thesis, text: We should act.}
  A: {kind: premise, text: a, supports: [T1, B]}
  B: {kind: premise, text: b, supports: A}
"""


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


def test_clean_map_exits_0(run_cli, tmp_path):
    code, out, _ = run_cli("check", write(tmp_path, "ok.yaml", CLEAN))
    assert code == 0 and out == ""


def test_warnings_exit_0_unless_strict(run_cli, tmp_path):
    path = write(tmp_path, "w.yaml", WARN)
    code, out, _ = run_cli("check", path)
    assert code == 0
    assert out.splitlines() == [
        f"{path}:2:3: warning AM101 unsupported-claim: thesis T1 has no supporting claim: "
        "add a premise, precedent or evidence with 'supports: T1'",
        f"{path}:2:3: warning AM109 thesis-undefended: thesis T1 is attacked by O1, which "
        "nothing attacks: answer it with a rebuttal",
        f"{path}:3:3: warning AM107 unanswered-objection: objection O1 is unanswered: add a "
        "rebuttal with 'attacks: O1' (an unanswered objection stands and defeats its target)",
    ]
    assert run_cli("check", "--strict", path)[0] == 1


def test_error_exits_1_and_json_lists_ids(run_cli, tmp_path):
    path = write(tmp_path, "e.yaml", ERROR)
    code, out, _ = run_cli("check", "--format", "json", path)
    assert code == 1
    doc = json.loads(out)
    circular = [f for f in doc["findings"] if f["check"] == "circular-support"]
    assert circular == [
        {
            "file": path,
            "line": 3,
            "column": 3,
            "code": "AM102",
            "check": "circular-support",
            "severity": "error",
            "claims": ["A", "B"],
            "message": circular[0]["message"],
        }
    ]
    assert "A -> B -> A" in circular[0]["message"]


def test_invalid_map_exits_2_worst_code_wins(run_cli, tmp_path):
    bad = str(FIXTURES / "invalid" / "unknown-key.yaml")
    err = write(tmp_path, "e.yaml", ERROR)
    code, out, _ = run_cli("check", "--format", "json", err, bad)
    assert code == 2
    doc = json.loads(out)
    files = {f["file"] for f in doc["findings"]}
    assert files == {err, bad}
    invalid = [f for f in doc["findings"] if f["code"] == "AM000"]
    assert invalid[0]["check"] == "invalid-map" and invalid[0]["line"] == 6


def test_select_and_ignore(run_cli, tmp_path):
    path = write(tmp_path, "w.yaml", WARN)
    _, out, _ = run_cli("check", "--select", "unanswered-objection", path)
    assert [line.split()[2] for line in out.splitlines()] == ["AM107"]
    _, out, _ = run_cli("check", "--ignore", "AM107,AM101,thesis-undefended", path)
    assert out == ""
    code, _, err = run_cli("check", "--select", "nonsense", path)
    assert code == 2 and "unknown check 'nonsense'" in err


def test_usage_errors_exit_2(run_cli):
    assert run_cli("check")[0] == 2
    assert run_cli("frobnicate")[0] == 2
    assert run_cli("check", "--format", "xml", "x.yaml")[0] == 2


def test_checks_listing_json(run_cli):
    code, out, _ = run_cli("checks", "--format", "json")
    rows = json.loads(out)
    assert code == 0
    assert rows[0] == {
        "code": "AM101",
        "check": "unsupported-claim",
        "severity": "warning",
        "summary": "A thesis, premise or rebuttal that no claim supports.",
    }
    assert all(set(r) == {"code", "check", "severity", "summary"} for r in rows)


def test_help_for_every_command_has_an_example(run_cli):
    from argmap.cli.app import cli

    for name in cli.commands:
        code, out, _ = run_cli(name, "--help")
        assert code == 0 and "Example:" in out, name


def test_python_m_argmap_and_no_traceback_on_bad_input(tmp_path):
    bad = write(tmp_path, "bad.yaml", "claims: [\n")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", bad], capture_output=True, text=True, cwd=ROOT
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    assert f"{bad}:2:1: error AM000 invalid-map: malformed YAML" in done.stdout


def test_render_invalid_map_exits_2(run_cli, tmp_path):
    bad = write(tmp_path, "bad.yaml", "claims:\n  T1: {kind: thesys, text: x}\n")
    code, _, err = run_cli("render", bad, "-o", str(tmp_path / "x.dot"))
    assert code == 2 and "did you mean 'thesis'" in err
    assert not (tmp_path / "x.dot").exists()


def test_render_unknown_extension_exits_2(run_cli, tmp_path):
    path = write(tmp_path, "ok.yaml", CLEAN)
    code, _, err = run_cli("render", path, "-o", str(tmp_path / "x.bmp"))
    assert code == 2 and "cannot tell the output format" in err


def test_output_is_utf8_whatever_the_locale(tmp_path):
    import os

    path = write(tmp_path, "ru.yaml", "claims:\n  Тезис: {kind: thesis, text: Привет 😀}\n")
    env = dict(os.environ, PYTHONIOENCODING="latin-1", LC_ALL="C", PYTHONUTF8="0")
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "check", path], capture_output=True, env=env, cwd=ROOT
    )
    assert done.returncode == 0
    assert "thesis Тезис has no supporting claim" in done.stdout.decode("utf-8")


def test_readme_examples_match_real_output(run_cli, monkeypatch):
    monkeypatch.chdir(ROOT)
    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    shown = readme.split("$ argmap check maps/two-michaels.yaml\n", 1)[1].split("\n", 1)[0]
    _, out, _ = run_cli("check", "maps/two-michaels.yaml")
    assert out.splitlines()[0].startswith(shown.removesuffix("..."))
    shown = readme.split("$ argmap evaluate maps/two-michaels.yaml\n", 1)[1].split("...", 1)[0]
    _, out, _ = run_cli("evaluate", "maps/two-michaels.yaml")
    assert out.startswith(shown)


def test_outputs_never_overwrite_the_input(run_cli, tmp_path):
    path = write(tmp_path, "m.yaml", CLEAN)
    for args in (("convert", path, path), ("render", path, "-o", path)):
        code, _, err = run_cli(*args)
        assert code == 2 and "is the input file" in err
    assert (tmp_path / "m.yaml").read_text(encoding="utf-8") == CLEAN
