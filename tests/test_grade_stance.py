"""``argmap grade``: a claim that argues the opposite of the model's is not credited
(docs/grading.md, "Opposite claims"); the feedback quotes the right map."""

from __future__ import annotations

import pytest

from argmap.analysis.grade import grade_map
from argmap.util.similarity import opposed, stance

from conftest import make_map

THESIS = "Our school should require a uniform."
MODEL = f"""
title: Uniforms
claims:
  T1: {{kind: thesis, text: {THESIS}}}
  P1: {{kind: premise, text: Uniforms stop students comparing brands of clothes., supports: T1}}
"""


def student(thesis: str) -> str:
    return f"""
    claims:
      D1: {{kind: thesis, text: "{thesis}"}}
      D2: {{kind: premise, text: Uniforms stop pupils comparing brands of clothes., supports: D1}}
    """


@pytest.mark.parametrize("text", ["uniforms are bad", "Our school should not require a uniform"])
def test_opposite_thesis_is_not_credited(text):
    grade = grade_map(make_map(student(text), "s.yaml"), make_map(MODEL, "m.yaml"))
    assert grade.theses == () and grade.opposed == ("D1",)
    assert grade.parts["thesis"] == 0
    assert [m.b for m in grade.comparison.matches] == ["P1"]
    sentences = [f.sentence for f in grade.feedback]
    assert sentences[0] == (
        f"Your D1 argues the opposite of the model's main claim: you say “{text}”, "
        f"the model says “{THESIS}”"
    )
    assert not any(s.startswith("Found: the model's main claim") for s in sentences)
    # The opposite is told once, not again as a claim the model does not have.
    assert not any("Not in the model answer: your D1" in s for s in sentences)


def test_same_stance_paraphrase_still_matches():
    grade = grade_map(
        make_map(student("Uniforms should be compulsory at our school."), "s.yaml"),
        make_map(MODEL, "m.yaml"),
    )
    assert grade.theses == ("T1",) and grade.parts["thesis"] == 1
    assert grade.feedback[0].sentence == f"Found: the model's main claim “{THESIS}” is your D1."


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        (THESIS, (1, 0)),
        ("uniforms are bad", (-1, 0)),
        ("Our school shouldn't require a uniform", (-1, 1)),
        # Double negation: each negator flips the next stance word of its clause.
        ("It is not true that our school should not require a uniform", (1, 0)),
        ("Phones are not unsafe", (1, 1)),
        ("Phones do no harm", (1, 0)),
        # A negator in another clause leaves this clause's stance word alone.
        ("Our school should require a uniform, because pupils who do not wear one are teased.",
         (1, 0)),
        ("Phones distract students", (0, 0)),
        ("Phones do not distract students", (0, 1)),
        # "without" negates a noun phrase: it flips a stance word, not the clause.
        ("Shops will lose customers without cars", (0, 0)),
    ],
)  # fmt: skip
def test_stance_by_hand(text, expected):
    assert stance(text) == expected


def test_opposed_pairs():
    assert opposed(THESIS, "Uniforms are bad.")
    assert opposed("Phones should be allowed in class", "Phones should be banned in class")
    assert opposed("Phones are safe", "Phones are dangerous")
    assert opposed("Phones distract students", "Phones do not distract students")
    assert not opposed("Phones should be banned in class", "Phones should not be allowed in class")
    assert not opposed("Phones are safe", "Phones are not dangerous")
    assert not opposed(
        "Phones should be banned in class",
        "Phones should be banned in class, because pupils cannot stop checking them.",
    )
    # One text with a stance word and one without: no opposition can be told.
    assert not opposed("Uniforms are bad", "Students wear uniforms")


def test_text_and_report_say_the_thesis_is_opposite(run_cli, tmp_path):
    model = tmp_path / "model.yaml"
    model.write_text(MODEL, encoding="utf-8")
    dana = tmp_path / "dana.yaml"
    dana.write_text(student("Our school should not require a uniform."), encoding="utf-8")
    code, out, _ = run_cli("grade", str(model), str(dana), "--audience", "student")
    assert code == 0 and "  main claim found: no (your D1 argues the opposite)" in out


@pytest.mark.graphviz
def test_report_marks_both_claims_opposite(run_cli, tmp_path):
    model = tmp_path / "model.yaml"
    model.write_text(MODEL, encoding="utf-8")
    dana = tmp_path / "dana.yaml"
    dana.write_text(student("uniforms are bad"), encoding="utf-8")
    page = tmp_path / "r.html"
    code, _, _ = run_cli("grade", str(model), str(dana), "-o", str(page))
    html = page.read_text(encoding="utf-8")
    assert code == 0 and html.count("THESIS · D1 · the opposite") == 1
    assert html.count("THESIS · T1 · the opposite") == 1


def test_a_pin_matches_an_opposite_pair_and_opposites_pick_the_closest():
    from argmap.analysis.matching import Pairs, match_claims, opposites

    model = make_map(MODEL, "m.yaml")
    mine = make_map(student("Our school should not require a uniform."), "s.yaml")
    pinned = match_claims(mine, model, Pairs(pin={"D1": "T1"}))
    assert [(m.a, m.b, m.pinned) for m in pinned][0] == ("D1", "T1", True)
    two = make_map(
        """
        claims:
          A: {kind: thesis, text: uniforms are bad}
          B: {kind: thesis, text: Our school should not require a uniform.}
        """,
        "s.yaml",
    )
    # B shares all three concepts with T1 (similarity 1), A one of two (0.41).
    assert opposites(two, model, match_claims(two, model)) == {"T1": "B"}
