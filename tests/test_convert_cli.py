"""``argmap convert`` and ``argmap schema`` end to end: detection, warnings, exit codes."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from argmap.errors import UsageError
from argmap.io.formats import FORMATS, input_format, output_format
from argmap.io.yaml.reader import load_map
from argmap.io.yaml.writer import dump_map

from conftest import FIXTURES, ROOT

OP_ED = str(ROOT / "maps" / "two-michaels.yaml")
SMALL = (
    "claims:\n  T1: {kind: thesis, text: Act., tags: [x]}\n  P1: {kind: premise, text: "
    "Helps., supports: T1}\n"
)


def write(tmp_path: Path, name: str, text: str) -> str:
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    return str(path)


@pytest.mark.parametrize(
    ("name", "text", "fmt"),
    [
        ("m.yaml", "", "argmap"),
        ("m.YML", "", "argmap"),
        ("m.argdown", "", "argdown"),
        ("m.ad", "", "argdown"),
        ("m.aif.json", "", "aif"),
        ("m.json", '{"claims": {}}', "json"),
        ("m.json", '{"nodes": [], "edges": []}', "aif"),
        ("m.json", '{"AIF": {}}', "aif"),
        ("m.json", "{broken", "json"),
        ("m.txt", "Discussion Title: X\n", "kialo"),
    ],
)
def test_input_detection(name, text, fmt):
    assert input_format(name, text) == fmt


def test_detection_refusals():
    with pytest.raises(UsageError, match="notes.txt: a .txt file is read as a Kialo export when"):
        input_format("notes.txt", "hello")
    with pytest.raises(UsageError, match="cannot tell the format from the file name"):
        input_format("map.docx", "")
    with pytest.raises(UsageError, match="cannot tell the output format"):
        output_format("out.txt")
    assert [output_format(n) for n in ("a.mmd", "a.graphml", "a.aif.json", "a.json", "a.ad")] == [
        "mermaid",
        "graphml",
        "aif",
        "json",
        "argdown",
    ]


def test_convert_writes_and_round_trips(run_cli, tmp_path):
    argdown = str(tmp_path / "op-ed.argdown")
    back = str(tmp_path / "back.yaml")
    assert run_cli("convert", OP_ED, argdown) == (0, "", f"wrote {argdown}\n")
    assert run_cli("convert", argdown, back) == (0, "", f"wrote {back}\n")
    assert Path(back).read_text(encoding="utf-8") == dump_map(load_map(OP_ED))


def test_lossy_conversion_warns_and_exits_0(run_cli, tmp_path):
    src = write(tmp_path, "small.yaml", SMALL)
    out = str(tmp_path / "small.mmd")
    code, stdout, stderr = run_cli("convert", src, out)
    assert code == 0 and stdout == ""
    assert stderr == (
        f"{src}:2:3: warning AM002 export-loss: the mermaid output leaves out tags of 1 claim\n"
        f"wrote {out}\n"
    )
    assert Path(out).read_text(encoding="utf-8").startswith("flowchart BT\n")


def test_import_notes_go_to_stderr_with_positions(run_cli, tmp_path):
    src = write(tmp_path, "a.argdown", "[A]: Apples.\n    <+ [B]\n")
    code, stdout, stderr = run_cli("convert", src, "-", "--to", "argmap")
    assert code == 0
    assert stdout == (
        "claims:\n  A:\n    kind: thesis\n    text: Apples.\n"
        "  B:\n    kind: premise\n    text: B\n    supports: A\n"
    )
    assert (
        stderr == f"{src}:2:8: warning AM001 import-note: statement [B] is never given a text: "
        "its title is its text\n"
    )


def test_from_and_to_override_detection(run_cli, tmp_path):
    src = write(tmp_path, "export.data", "Discussion Title: T\n1. A.\n1.1. Pro: B.\n")
    code, stdout, _ = run_cli("convert", src, "-", "--from", "kialo", "--to", "json")
    assert code == 0
    assert json.loads(stdout) == {
        "version": 1,
        "title": "T",
        "claims": {
            "1": {"kind": "thesis", "text": "A."},
            "1.1": {"kind": "premise", "text": "B.", "supports": "1"},
        },
    }


@pytest.mark.parametrize(
    ("name", "text", "expected"),
    [
        (
            "bad.json",
            '{"claims": {"T1": {"kind": "thesis", "text": "A"}',
            ":1:50: error AM000 invalid-map: malformed JSON: Expecting ','",
        ),
        (
            "bad.argdown",
            "    + [b]: B.\n",
            ":1:5: error AM000 invalid-map: a relation (+) with nothing before it",
        ),
        (
            "bad.txt",
            "Discussion Title: T\n1. A.\n1.x. Pro: B.\n",
            ":3:1: error AM000 invalid-map: '1.x.' is not a claim number",
        ),
        (
            "bad.aif.json",
            '{"nodes": [{"nodeID": 1, "type": "I"}, {"nodeID": 1, "type": "I"}], "edges": []}',
            ":1:51: error AM000 invalid-map: node id '1' is used twice",
        ),
    ],
)
def test_broken_inputs_exit_2_with_location_and_write_nothing(
    run_cli, tmp_path, name, text, expected
):
    src = write(tmp_path, name, text)
    out = tmp_path / "out.yaml"
    code, stdout, stderr = run_cli("convert", src, str(out))
    assert code == 2 and stdout == ""
    assert stderr.startswith(src + expected)
    assert not out.exists()


def test_usage_errors_exit_2(run_cli, tmp_path):
    src = write(tmp_path, "s.yaml", SMALL)
    assert run_cli("convert", src, "-")[0] == 2
    assert "needs --to FORMAT" in run_cli("convert", src, "-")[2]
    code, _, stderr = run_cli("convert", src, str(tmp_path / "x.yaml"), "--from", "mermaid")
    assert code == 2 and "argmap writes mermaid but cannot read it" in stderr
    code, _, stderr = run_cli("convert", src, str(tmp_path / "x.txt"), "--to", "kialo")
    assert code == 2 and "argmap reads kialo but cannot write it" in stderr
    assert run_cli("convert", src, str(tmp_path / "x.yaml"), "--to", "docx")[0] == 2


def test_no_traceback_on_broken_input_in_a_real_process(tmp_path):
    src = write(tmp_path, "broken.json", '{"claims": ')
    done = subprocess.run(
        [sys.executable, "-m", "argmap", "convert", src, str(tmp_path / "o.yaml")],
        capture_output=True,
        text=True,
        cwd=ROOT,
    )
    assert done.returncode == 2
    assert "Traceback" not in done.stderr + done.stdout
    assert f"{src}:1:12: error AM000 invalid-map: malformed JSON: Expecting value" in done.stderr


def test_schema_command_prints_the_committed_schema(run_cli, tmp_path):
    code, stdout, _ = run_cli("schema")
    assert code == 0
    assert stdout == (ROOT / "docs" / "argmap.schema.json").read_text(encoding="utf-8")
    out = tmp_path / "s.json"
    assert run_cli("schema", "-o", str(out)) == (0, "", f"wrote {out}\n")
    assert (
        json.loads(out.read_text(encoding="utf-8"))["$schema"]
        == "http://json-schema.org/draft-07/schema#"
    )


def test_interchange_samples_convert(run_cli, tmp_path):
    for sample in ("homework.argdown", "car-free.aif.json"):
        code, stdout, _ = run_cli(
            "convert", str(FIXTURES / "interchange" / sample), "-", "--to", "argmap"
        )
        assert code == 0 and stdout.startswith(("title:", "claims:"))


LOSSY = (
    "claims:\n"
    "  T1: {kind: thesis, text: Act.}\n"
    "  P1: {kind: premise, text: Helps., supports: T1, tags: [x]}\n"
    "  P2: {kind: premise, text: Cheap., supports: T1, tags: [y], source: Lee 2020}\n"
    "inferences:\n"
    "  I9: {premises: [P1, Q9], conclusion: T1}\n"
    "checks: {ignore: [AM101]}\n"
)


def test_losses_are_findings_at_the_parts_left_out(run_cli, tmp_path):
    from argmap.io.mermaid import dump_mermaid

    src = write(tmp_path, "lossy.yaml", LOSSY)
    out = tmp_path / "lossy.mmd"
    code, stdout, stderr = run_cli("convert", src, str(out))
    assert code == 0 and stdout == ""
    assert stderr.splitlines() == [
        f"{src}:3:3: warning AM002 export-loss: the mermaid output leaves out tags of 2 claims",
        f"{src}:4:3: warning AM002 export-loss: the mermaid output leaves out source of 1 claim",
        f"{src}:6:3: warning AM002 export-loss: the mermaid output leaves out inference I9 "
        "(names no claim Q9)",
        f"{src}:7:1: warning AM002 export-loss: the mermaid output leaves out the map's checks",
        f"wrote {out}",
    ]
    assert out.read_text(encoding="utf-8") == dump_mermaid(load_map(src)).text


def test_a_loss_the_map_cannot_place_is_at_line_1(run_cli, tmp_path):
    src = write(
        tmp_path, "t.yaml", "title: T\ntheme: print\nclaims:\n  T1: {kind: thesis, text: A}\n"
    )
    code, _, stderr = run_cli("convert", src, "-", "--to", "mermaid", "--format", "json")
    assert code == 0
    assert json.loads(stderr)["findings"] == [
        {
            "file": src,
            "line": 1,
            "column": 1,
            "code": "AM002",
            "check": "export-loss",
            "severity": "warning",
            "message": "the mermaid output leaves out the map's theme",
            "claims": [],
        }
    ]


def test_convert_reports_like_check_and_filters(run_cli, tmp_path):
    src = write(tmp_path, "a.argdown", "[A]: Apples.\n    <+ [B]\n")
    out = str(tmp_path / "a.graphml")
    code, stdout, stderr = run_cli("convert", src, out, "--format", "github")
    assert (code, stdout) == (0, "")
    assert stderr == (
        f"::warning file={src.replace(':', '%3A')},line=2,col=8,title=AM001 import-note::"
        "statement [B] is never given a text: its title is its text\n"
    )
    _, _, stderr = run_cli("convert", src, out, "--ignore", "import-note")
    assert stderr == f"wrote {out}\n"
    _, _, stderr = run_cli("convert", src, out, "--select", "AM002", "--format", "json")
    assert json.loads(stderr) == {"findings": []}
    lossy = write(tmp_path, "lossy.yaml", LOSSY)
    _, _, stderr = run_cli("convert", lossy, "-", "--to", "mermaid", "--select", "export-loss")
    assert [line.split()[2] for line in stderr.splitlines()] == ["AM002"] * 4
    code, _, stderr = run_cli("convert", src, out, "--select", "AM9")
    assert code == 2 and "unknown check 'AM9'" in stderr


def test_invalid_input_is_reported_in_the_chosen_format(run_cli, tmp_path):
    src = write(tmp_path, "bad.json", '{"claims": ')
    out = tmp_path / "o.yaml"
    code, stdout, stderr = run_cli("convert", src, str(out), "--format", "json")
    assert code == 2 and stdout == "" and not out.exists()
    (finding,) = json.loads(stderr)["findings"]
    assert (finding["code"], finding["line"], finding["column"]) == ("AM000", 1, 12)


def test_convert_offers_every_registered_format():
    """--from/--to list the registry's names (kept apart so that help needs no import)."""
    from argmap.cli import convert

    assert sorted(convert._NAMES) == sorted(FORMATS)
