"""Findings in plain words for students: a sentence for every code, no code shown."""

from __future__ import annotations

import re

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
        "No reason given. Add a premise that supports it, or say where it comes from."
    )


def test_and_names() -> None:
    assert and_names([]) == ""
    assert and_names(["A"]) == "A"
    assert and_names(["A", "B"]) == "A and B"
    assert and_names(["A", "B", "C"]) == "A, B and C"
