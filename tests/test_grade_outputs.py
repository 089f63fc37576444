"""``argmap grade`` outputs: the CSV (spreadsheet-safe), the HTML report (escaped,
deterministic), student words, unreadable student files and exit codes."""

from __future__ import annotations

import csv
import io
import os
import shutil
import subprocess
import sys

import pytest

from argmap.cli.grade_text import FORMULA_START, safe_cell

from conftest import FIXTURES

PHONES = FIXTURES / "grading" / "phones"
HOSTILE = """
title: <b>Model</b>
claims:
  T1: {kind: thesis, text: "Phones <script>alert(1)</script> & \\"lessons\\" should go."}
"""


@pytest.mark.parametrize("start", FORMULA_START)
def test_safe_cell_escapes_every_formula_start(start):
    assert safe_cell(start + "SUM(A1)") == "'" + start + "SUM(A1)"
    assert safe_cell("a" + start) == "a" + start


def test_csv_cells_never_start_a_formula(run_cli, tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    shutil.copy(PHONES / "model.yaml", "model.yaml")
    shutil.copy(PHONES / "class" / "perfect.yaml", "=HYPERLINK(1).yaml")
    (tmp_path / "@bad.yaml").write_text("claims: [\n", encoding="utf-8")
    code, _, err = run_cli(
        "grade", "model.yaml", "=HYPERLINK(1).yaml", "@bad.yaml", "--csv", "g.csv"
    )
    assert code == 1 and "wrote g.csv" in err
    rows = list(csv.reader(io.StringIO((tmp_path / "g.csv").read_text(encoding="utf-8"))))
    assert rows[0][:3] == ["rank", "file", "score"]
    assert rows[1][:3] == ["1", "'=HYPERLINK(1).yaml", "100"]
    assert rows[2][:3] == ["2", "'@bad.yaml", ""]
    assert rows[2][-1].startswith("'@bad.yaml:2:1: error AM000 invalid-map")
    cells = [cell for row in rows for cell in row]
    assert not [c for c in cells if c.startswith(FORMULA_START)]


def test_unreadable_student_gets_a_row_not_a_crash(run_cli, tmp_path):
    bad = tmp_path / "broken.yaml"
    bad.write_text("claims:\n  A: {kind: thesis}\n", encoding="utf-8")
    model, good = str(PHONES / "model.yaml"), str(PHONES / "class" / "perfect.yaml")
    code, out, _ = run_cli("grade", model, good, str(bad))
    assert code == 1
    lines = out.splitlines()
    assert lines[1].split()[:2] == ["1", "100"]
    assert lines[2].startswith("   2      –") and f"{bad}  ({bad}:2:3: error AM000" in lines[2]
    code, out, _ = run_cli("grade", model, good, str(bad), "--audience", "student")
    assert "AM000" not in out and "The map cannot be read here:" in out


def test_student_audience_has_no_codes(run_cli):
    model, student = str(PHONES / "model.yaml"), str(PHONES / "class" / "muddled.yaml")
    code, out, _ = run_cli("grade", model, student, "--audience", "student")
    assert code == 0
    assert "AM1" not in out and "role mismatch" not in out
    assert out.splitlines()[0].split("  ")[:4] == ["rank", "score", "claims found", "links right"]
    assert (
        "  - M1 and M2: these claims support each other in a circle, "
        "so none of them is shown to be true." in out.splitlines()
    )
    code, out, _ = run_cli("grade", model, student)
    assert "  - AM102 circular-support: circular support: M1 -> M2 -> M1;" in out


def test_help_documents_exit_codes(run_cli):
    code, out, _ = run_cli("grade", "--help")
    assert code == 0
    assert "Exit codes:" in out
    for line in ("  0   every student map was graded", "  1   a student map could not be read",
                 "  2   the model, the rubric or the pairs file is invalid"):  # fmt: skip
        assert line in out


def test_missing_student_path_exits_2(run_cli, tmp_path):
    code, _, err = run_cli("grade", str(PHONES / "model.yaml"), str(tmp_path / "nobody.yaml"))
    assert code == 2 and f"no such file or folder: {tmp_path / 'nobody.yaml'}" in err


def test_refuses_to_write_over_a_student_map(run_cli, tmp_path):
    student = tmp_path / "s.yaml"
    shutil.copy(PHONES / "class" / "perfect.yaml", student)
    before = student.read_bytes()
    code, _, err = run_cli(
        "grade", str(PHONES / "model.yaml"), str(student), "--csv", str(student)
    )
    assert code == 2 and "is the input file" in err and student.read_bytes() == before


@pytest.mark.graphviz
def test_html_escapes_hostile_text(run_cli, tmp_path):
    model = tmp_path / "model.yaml"
    model.write_text(HOSTILE, encoding="utf-8")
    student = tmp_path / "<img src=x onerror=alert(1)>.yaml"
    student.write_text(HOSTILE.replace("Phones", "Mobiles"), encoding="utf-8")
    report = tmp_path / "r.html"
    code, _, _ = run_cli("grade", str(model), str(student), "-o", str(report))
    assert code == 0
    page = report.read_text(encoding="utf-8")
    assert "<script" not in page and "<img" not in page and "<b>Model" not in page
    assert "&lt;img src=x onerror=alert(1)&gt;.yaml" in page
    assert "<title>Grades against &lt;b&gt;Model&lt;/b&gt;</title>" in page
    assert "&lt;script&gt;alert(1)&lt;/script&gt;" in page


@pytest.mark.graphviz
def test_report_shows_both_diagrams_with_marks(run_cli, tmp_path):
    report = tmp_path / "r.html"
    students = [str(PHONES / "class" / n) for n in ("muddled.yaml", "confused.yaml")]
    code, _, _ = run_cli("grade", str(PHONES / "model.yaml"), *students, "-o", str(report))
    assert code == 0
    page = report.read_text(encoding="utf-8")
    # Each diagram in a figure as wide as the diagram.
    assert page.count("<figcaption>Your map</figcaption><svg") == 2
    assert page.count('<figure style="flex:0 1 ') == 4
    assert page.count("<figcaption>Model answer</figcaption><svg") == 2
    first = page[page.index('<section id="s1">') : page.index('<section id="s2">')]
    assert "confused.yaml: score 81" in first and "wrong place" in first
    second = page[page.index('<section id="s2">') :]
    assert "muddled.yaml: score 39" in second
    # Badges in the captions of the model's five missed claims and the extra one.
    assert second.count(" · missed</text>") == 5
    assert "PREMISE · M2 · not in the model</text>" in second


@pytest.mark.graphviz
def test_csv_and_html_are_deterministic(tmp_path):
    outputs = set()
    for seed in ("1", "2"):
        csv_path, html_path = tmp_path / f"g{seed}.csv", tmp_path / f"r{seed}.html"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        args = [sys.executable, "-m", "argmap", "grade", str(PHONES / "model.yaml")]
        args += [str(PHONES / "class"), "--csv", str(csv_path), "-o", str(html_path)]
        done = subprocess.run(args, capture_output=True, env=env, check=True)
        outputs.add((done.stdout, csv_path.read_bytes(), html_path.read_bytes()))
    assert len(outputs) == 1
    stdout, csv_bytes, _ = outputs.pop()
    assert csv_bytes.splitlines()[
        1
    ] == b"1,%s,100,1.0000,1.0000,1.0000,1.0000,1.0000,1.0000,7,0,0," % (
        str(PHONES / "class" / "perfect.yaml").encode()
    )
    assert b"class/thesis_only.yaml" in stdout.splitlines()[6]


def test_pairs_file_for_one_student(run_cli, tmp_path):
    pairs = tmp_path / "pairs.yaml"
    pairs.write_text("files:\n  muddled.yaml:\n    forbid: [[M1, T1]]\n", encoding="utf-8")
    model = str(PHONES / "model.yaml")
    students = [str(PHONES / "class" / n) for n in ("muddled.yaml", "perfect.yaml")]
    code, out, _ = run_cli("grade", model, *students, "--pairs", str(pairs))
    assert code == 0
    # muddled.yaml without M1 = T1: M1 matches nothing else (best 1/sqrt(20) < 0.3).
    # Claims 1/7 (O1); relations 0 of 3 + 6 (M3 attacks M1 no longer translates);
    # kinds 1/1; thesis 0; objections 0; findings 1/2 (AM102, AM109).
    # 30/7 + 0 + 10 + 0 + 0 + 5/2 = 16.79 → 17. perfect.yaml is not affected.
    rows = [line.split()[:2] + [line.rsplit("/", 1)[-1]] for line in out.splitlines()[1:3]]
    assert rows == [["1", "100", "perfect.yaml"], ["2", "17", "muddled.yaml"]]
    assert "  main claim found: no" in out.split("muddled.yaml: score 17")[1].splitlines()


def test_a_folder_leaves_out_the_model(run_cli, tmp_path):
    shutil.copy(PHONES / "model.yaml", tmp_path / "model.yaml")
    shutil.copy(PHONES / "class" / "perfect.yaml", tmp_path / "b.yaml")
    shutil.copy(PHONES / "class" / "perfect.yaml", tmp_path / "a.yml")
    (tmp_path / "notes.txt").write_text("not a map", encoding="utf-8")
    code, out, _ = run_cli("grade", str(tmp_path / "model.yaml"), str(tmp_path))
    assert code == 0
    # Equal scores are ranked by file name.
    assert [line.split()[-1] for line in out.splitlines()[1:3]] == [
        str(tmp_path / "a.yml"),
        str(tmp_path / "b.yaml"),
    ]
    assert "model.yaml" not in out.split("\n\n")[0]


def test_report_and_csv_must_differ(run_cli, tmp_path):
    out = str(tmp_path / "same")
    student = str(PHONES / "class" / "perfect.yaml")
    code, _, err = run_cli("grade", str(PHONES / "model.yaml"), student, "-o", out, "--csv", out)
    assert code == 2 and f"-o and --csv both name {out}" in err
    assert not os.path.exists(out)
