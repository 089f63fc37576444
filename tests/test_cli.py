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
    assert [r["code"] for r in rows[:3]] == ["AM000", "AM001", "AM002"]
    assert [r["check"] for r in rows[:3]] == ["invalid-map", "import-note", "export-loss"]
    assert rows[3] == {
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


def test_every_help_has_an_example_and_ends_with_its_exit_codes(run_cli):
    from argmap.cli.app import cli

    for name in ["", *cli.commands]:
        code, out, _ = run_cli(*([name] if name else []), "--help")
        last = out.rstrip().split("\n\n")[-1]
        assert code == 0 and "Example: argmap " in out, name
        assert last.lstrip().startswith("Exit codes:\n"), name
        codes = [row.split()[0] for row in last.splitlines()[1:] if not row.startswith(" " * 6)]
        assert codes[0] == "0" and codes[-1] == "70" and "2" in codes, name


def test_exit_codes_in_help_are_the_ones_commands_return(run_cli):
    from argmap.cli.app import cli

    def codes(name: str) -> list[str]:
        last = run_cli(name, "--help")[1].rstrip().split("\n\n")[-1]
        return [row.split()[0] for row in last.splitlines()[1:] if not row.startswith(" " * 6)]

    assert codes("check") == ["0", "1", "2", "70"]
    assert codes("render") == ["0", "1", "2", "3", "70"]  # 1: --fail-on-change
    assert codes("grade") == ["0", "1", "2", "70"]
    assert codes("worksheet") == ["0", "2", "3", "70"]
    assert codes("evaluate") == ["0", "1", "2", "70"]  # 1: a label the map expects differs
    special = {"check", "render", "grade", "worksheet", "evaluate"}
    assert all(codes(name) == ["0", "2", "70"] for name in cli.commands if name not in special)


def test_every_command_is_in_the_readme_table():
    from argmap.cli.app import cli

    readme = (ROOT / "README.md").read_text(encoding="utf-8")
    table = readme.split("| command |", 1)[1].split("\n\n", 1)[0]
    assert sorted(row.split("`")[1].split()[1] for row in table.splitlines()[2:]) == sorted(
        cli.commands
    )


def test_format_names_mean_the_same_in_every_command(run_cli, tmp_path):
    from argmap.cli.app import cli
    from argmap.cli.common import FORMAT_HELP

    offered: dict[str, list[str]] = {}
    for name, command in sorted(cli.commands.items()):
        for param in command.params:
            if "--format" in param.opts and not param.hidden:
                assert param.default == "text", name
                for choice in param.type.choices:
                    assert f"{choice}: {FORMAT_HELP[choice]}" in param.help, (name, choice)
                    offered.setdefault(choice, []).append(name)
    assert offered == {
        "text": ["check", "checks", "compare", "convert", "evaluate", "render", "stats"],
        "json": ["check", "checks", "compare", "convert", "evaluate", "stats"],
        "sarif": ["check", "convert"],
        "github": ["check", "convert"],
        "markdown": ["checks"],
        "jsonl": ["check", "convert", "evaluate", "render", "stats"],
    }
    path = write(tmp_path, "w.yaml", WARN)
    for args in (
        ["check", path],
        ["checks"],
        ["compare", path, path],
        ["evaluate", path],
        ["stats", path],
    ):
        code, out, _ = run_cli(*args, "--format", "json")
        assert code == 0 and isinstance(json.loads(out), dict | list), args
        code, out, _ = run_cli(*args, "--format", "text")
        assert code == 0 and out.endswith("\n") and not out.startswith(("{", "[")), args
    _, _, err = run_cli("convert", path, "-", "--to", "mermaid", "--format", "json")
    assert json.loads(err) == {"findings": []}


def _one_document_commands(tmp_path: Path) -> dict[str, list[str]]:
    path = write(tmp_path, "w.yaml", WARN)
    return {
        "check": ["check", path],
        "checks": ["checks"],
        "evaluate": ["evaluate", path],
        "stats": ["stats", path],
        "compare": ["compare", path, path],
        "schema": ["schema"],
        "draft": ["draft", str(FIXTURES / "draft" / "cars.txt"), "--model", "blank"],
    }


def test_o_writes_the_same_document_to_a_file_or_to_standard_output(run_cli, tmp_path):
    for name, args in _one_document_commands(tmp_path).items():
        code, shown, _ = run_cli(*args)
        assert code == 0 and shown, name
        assert run_cli(*args, "-o", "-")[:2] == (0, shown), name
        target = tmp_path / f"{name}.out"
        code, stdout, stderr = run_cli(*args, "-o", str(target))
        assert (code, stdout) == (0, ""), name
        assert f"wrote {target}\n" in stderr, name
        assert target.read_text(encoding="utf-8") == shown, name


def test_o_never_writes_over_the_input(run_cli, tmp_path):
    for name, args in _one_document_commands(tmp_path).items():
        if name in ("checks", "schema"):
            continue
        source = args[1]
        before = Path(source).read_bytes()
        code, _, err = run_cli(*args, "-o", source)
        assert code == 2 and "is the input file" in err, name
        assert Path(source).read_bytes() == before, name


def test_check_o_keeps_the_exit_code(run_cli, tmp_path):
    path = write(tmp_path, "e.yaml", ERROR)
    target = tmp_path / "report.sarif"
    code, out, _ = run_cli("check", path, "--format", "sarif", "-o", str(target))
    assert (code, out) == (1, "")
    assert json.loads(target.read_text(encoding="utf-8"))["version"] == "2.1.0"


def test_strict_fails_on_warnings_not_only_errors(run_cli, tmp_path):
    path = write(tmp_path, "w.yaml", WARN)
    assert run_cli("check", path)[0] == 0
    assert run_cli("check", "--strict", path)[0] == 1
    assert run_cli("check", "--strict", write(tmp_path, "ok.yaml", CLEAN))[0] == 0
    _, out, _ = run_cli("check", "--help")
    assert "Exit 1 on warnings too" in " ".join(out.split())


def test_draft_to_names_map_formats_and_format_is_a_hidden_alias(run_cli):
    from argmap.io.formats import FORMATS

    cars = str(FIXTURES / "draft" / "cars.txt")
    as_json = run_cli("draft", cars, "--model", "blank", "--to", "json")
    assert as_json[0] == 0 and json.loads(as_json[1])["claims"]
    assert run_cli("draft", cars, "--model", "blank", "--format", "json")[:2] == as_json[:2]
    as_map = run_cli("draft", cars, "--model", "blank", "--to", "argmap")
    assert as_map[:2] == run_cli("draft", cars, "--model", "blank", "--format", "yaml")[:2]
    assert as_map[1].startswith("# Draft argument map")
    code, _, err = run_cli("draft", cars, "--model", "blank", "--to", "argmap", "--format", "json")
    assert code == 2 and "--to and --format name different formats" in err
    _, out, _ = run_cli("draft", "--help")
    assert "--to [argmap|json]" in out and "--format" not in out
    from argmap.cli.app import cli

    (to,) = [p for p in cli.commands["draft"].params if "--to" in p.opts]
    assert set(to.type.choices) <= set(FORMATS)
    (to,) = [p for p in cli.commands["convert"].params if "--to" in p.opts]
    assert list(to.type.choices) == list(FORMATS)
