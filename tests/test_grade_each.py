"""``argmap grade --each DIR``: one report per student (safe names, deterministic),
and student words that say which problems cost no points."""

from __future__ import annotations

import os
import subprocess
import sys

import pytest

from argmap.cli.grade_each import report_names, safe_name

from conftest import FIXTURES

PHONES = FIXTURES / "grading" / "phones"


def test_student_findings_say_when_they_cost_nothing(run_cli):
    model, student = str(PHONES / "model.yaml"), str(PHONES / "class" / "perfect.yaml")
    code, out, _ = run_cli("grade", model, student, "--audience", "student")
    assert code == 0 and "score 100" in out
    problems = out.split("problems in the map:\n")[1].splitlines()
    assert problems and all(
        line.endswith("The model answer has this too, so it costs no points.") for line in problems
    )
    # A problem the model does not have costs points and says nothing of the kind.
    code, out, _ = run_cli("grade", model, str(PHONES / "class" / "muddled.yaml"), "--audience",
                           "student")  # fmt: skip
    circle = [line for line in out.splitlines() if "support each other in a circle" in line]
    assert circle and "costs no points" not in circle[0]


@pytest.mark.parametrize(
    ("file", "name"),
    [
        ("class/ann.yaml", "ann"),
        ("../../etc/passwd", "passwd"),
        ("..yaml", "yaml"),
        ("...", "student"),
        ("a b/<x>&é.yml", "x"),
        ("C:\\\\evil\\\\..\\\\ann lee.yaml", "ann_lee"),
        (".hidden", "hidden"),
    ],
)
def test_safe_name_never_leaves_the_folder(file, name):
    assert safe_name(file) == name


def test_report_names_are_distinct_and_never_index():
    names = report_names(["a/ann.yaml", "b/ann.yaml", "index.yaml", "c/ANN.yml"])
    assert names == ["ann", "ann-2", "index-2", "ANN-3"]


@pytest.mark.graphviz
def test_each_writes_one_report_per_student_deterministically(tmp_path):
    outputs = []
    for seed in ("1", "2"):
        folder = tmp_path / f"each{seed}"
        env = dict(os.environ, PYTHONHASHSEED=seed)
        args = [sys.executable, "-m", "argmap", "grade", str(PHONES / "model.yaml")]
        args += [str(PHONES / "class"), "--each", str(folder), "--audience", "student"]
        subprocess.run(args, capture_output=True, env=env, check=True)
        outputs.append({p.name: p.read_bytes() for p in sorted(folder.iterdir())})
    assert outputs[0] == outputs[1]
    files = outputs[0]
    stems = ["confused", "muddled", "no_undercut", "perfect", "split_link", "thesis_only"]
    assert sorted(files) == sorted(
        ["index.html", *(f"{s}.{e}" for s in stems for e in ("html", "txt"))]
    )
    index = files["index.html"].decode()
    assert index.count("<tr>") == 7 and '<a href="confused.html">' in index
    page = files["confused.html"].decode()
    assert "confused.yaml: score 81" in page and "muddled.yaml" not in page
    assert page.count("<svg") == 2
    text = files["confused.txt"].decode()
    assert text.startswith("4. ") and "confused.yaml: score 81" in text.splitlines()[0]
    assert "perfect.yaml" not in text


@pytest.mark.graphviz
def test_each_refuses_to_write_over_its_own_outputs_or_a_student_map(run_cli, tmp_path):
    model = str(PHONES / "model.yaml")
    student = tmp_path / "index.yaml"
    student.write_text((PHONES / "class" / "perfect.yaml").read_text(encoding="utf-8"))
    folder = tmp_path / "out"
    code, _, err = run_cli("grade", model, str(student), "--each", str(folder), "-o",
                           str(folder / "index.html"))  # fmt: skip
    assert code == 2 and "--each writes" in err and not folder.exists()
    # A student file named like a report is never overwritten: reports get "-2".
    code, _, err = run_cli("grade", model, str(student), "--each", str(tmp_path))
    assert code == 0 and (tmp_path / "index-2.html").is_file()
    assert student.read_text(encoding="utf-8").startswith("# Every claim")
    assert sorted(p.name for p in tmp_path.iterdir()) == [
        "index-2.html", "index-2.txt", "index.html", "index.yaml",
    ]  # fmt: skip
