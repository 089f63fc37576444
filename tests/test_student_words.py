"""Findings in plain words for students: a sentence for every code, no code shown."""

from __future__ import annotations

import re

import pytest

from argmap.findings import (
    BUILTIN_RULES,
    PLAIN_SENTENCES,
    Finding,
    and_names,
    student_sentence,
)
from argmap.model import Position

AT = Position("m.yaml", 3, 5)


def test_every_code_has_a_sentence_without_codes() -> None:
    codes = {rule.code for rule in BUILTIN_RULES}
    assert codes <= set(PLAIN_SENTENCES)
    for code in codes:
        finding = Finding(AT, code, "x", "warning", "technical message", ("P1", "P2"))
        sentence = student_sentence(finding)
        assert not re.search(r"AM\d{3}", sentence), sentence
        assert sentence[0].isupper() and sentence.endswith(".")


def test_sentences_name_the_claims() -> None:
    loop = Finding(AT, "AM102", "circular-reasoning", "error", "m", ("P1", "P2", "P3"))
    assert student_sentence(loop) == (
        "P1, P2 and P3: these claims support each other in a circle, "
        "so none of them is shown to be true."
    )
    bare = Finding(AT, "AM101", "unsupported-claim", "warning", "m")
    assert student_sentence(bare) == (
        "No reason given. Add a premise that supports it, say where it comes from, "
        "or remove it if it does not belong."
    )


def test_and_names() -> None:
    assert and_names([]) == ""
    assert and_names(["A"]) == "A"
    assert and_names(["A", "B"]) == "A and B"
    assert and_names(["A", "B", "C"]) == "A, B and C"


# --- --audience student on check and render -------------------------------------------

FLAWED = """\
title: Homework
claims:
  T:
    kind: thesis
    text: Homework should be <b>shorter</b>.
  P1:
    kind: premise
    text: Long homework leaves no time for sleep.
    supports: T
  P2:
    kind: premise
    text: Tired pupils learn less.
    supports: P3
  P3:
    kind: premise
    text: Pupils who learn less need more homework.
    supports: P2
  O1:
    kind: objection
    text: Practice makes perfect.
    attacks: T
"""

CODE = re.compile(r"AM\d{3}")


def _flawed(tmp_path):
    path = tmp_path / "homework.yaml"
    path.write_text(FLAWED, encoding="utf-8")
    return str(path)


def test_check_for_students_names_no_code(run_cli, tmp_path) -> None:
    path = _flawed(tmp_path)
    code, out, _ = run_cli("check", "--audience", "student", path)
    assert code == 1  # the circle is an error, as without --audience
    assert not CODE.search(out)
    lines = out.splitlines()
    assert (
        lines[0] == f"{path}, line 3: T and O1: the main claim is attacked and nothing defends it."
    )
    assert lines[1].startswith(f"{path}, line 6: P1: no reason given.")
    assert any("P2 and P3: these claims support each other in a circle" in ln for ln in lines)
    assert any(
        ln.endswith("O1: this objection is unanswered; nothing replies to it.") for ln in lines
    )
    expert = run_cli("check", path)[1]
    assert len(expert.splitlines()) == len(lines) and CODE.search(expert)


def test_check_for_students_is_text_only(run_cli, tmp_path) -> None:
    code, _, err = run_cli("check", "--audience", "student", "--format", "json", _flawed(tmp_path))
    assert code == 2 and "--audience student prints plain text" in err


@pytest.mark.graphviz
@pytest.mark.parametrize("layout", ["graph", "column"])
def test_render_for_students_shows_no_code(run_cli, tmp_path, layout) -> None:
    path = _flawed(tmp_path)
    svg, html = tmp_path / "s.svg", tmp_path / "s.html"
    args = ["render", path, "--layout", layout, "-o", str(svg), "-o", str(html)]
    assert run_cli(*args, "--audience", "student")[0] == 0
    for out in (svg, html):
        text = out.read_text(encoding="utf-8")
        assert not CODE.search(text), out
        # the graph's tooltips hold whole sentences; the column's, the plain words
        words = "P2 and P3: these claims support" if layout == "graph" else "goes in a circle"
        assert words in text
        assert "<b>shorter" not in text  # still escaped
    assert run_cli(*args)[0] == 0
    assert CODE.search(svg.read_text(encoding="utf-8"))  # experts keep the codes


@pytest.mark.graphviz
def test_status_colours_name_the_reading(run_cli, tmp_path) -> None:
    out = tmp_path / "s.svg"
    assert run_cli("render", _flawed(tmp_path), "--color-by", "status", "-o", str(out))[0] == 0
    svg = out.read_text(encoding="utf-8")
    assert "fill: IN: stands (carneades reading)" in svg
    assert "fill: OUT: does not stand" in svg and "fill: UNDEC: undecided" in svg
