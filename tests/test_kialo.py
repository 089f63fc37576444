"""Reading Kialo text exports: multi-line claims, Windows line endings, cross-links, sources."""

from __future__ import annotations

from pathlib import Path

import pytest

from argmap.analysis.checks import run_checks
from argmap.errors import MapLoadError
from argmap.io.kialo import load_kialo, loads_kialo, looks_like_kialo

SAMPLE = "\r\n".join(
    [
        "Discussion Title: Should schools start later in the morning?",
        "",
        "1. Should schools start later in the morning?",
        "1.1. Pro: Teenagers sleep better when school starts after nine.",
        "1.1.1. Con: Sleep studies in the \\(small\\) pilot used only 40 students.",
        "1.1.1.1. Pro: A larger follow-up found the same effect, see [the 2019 report](https://example.org/sleep-report).",
        "1.2. Con: Later starts clash with parents' working hours,",
        "especially for families",
        "with one car.",
        "",
        "1.2.1. Con: -> See 1.1.",
        "1.3. Pro: Buses are cheaper to run after the rush hour \\[citation needed\\].",
        "",
    ]
)


@pytest.fixture
def sample(tmp_path: Path) -> Path:
    path = tmp_path / "later-start.txt"
    path.write_bytes(b"\xef\xbb\xbf" + SAMPLE.encode("utf-8"))
    return path


def test_sample_claims_one_by_one(sample: Path):
    amap = load_kialo(sample).map
    assert amap.title == "Should schools start later in the morning?"
    assert [(c.id, c.kind, c.text) for c in amap.claims.values()] == [
        ("1", "thesis", "Should schools start later in the morning?"),
        ("1.1", "premise", "Teenagers sleep better when school starts after nine."),
        ("1.1.1", "objection", "Sleep studies in the (small) pilot used only 40 students."),
        ("1.1.1.1", "premise", "A larger follow-up found the same effect, see the 2019 report."),
        (
            "1.2",
            "objection",
            "Later starts clash with parents' working hours,\nespecially for families\nwith "
            "one car.",
        ),
        ("1.3", "premise", "Buses are cheaper to run after the rush hour [citation needed]."),
    ]
    assert amap.claims["1.1.1.1"].source == "https://example.org/sleep-report"
    assert [c.source for c in amap.claims.values()].count(None) == 5
    assert (amap.claims["1.2"].loc.line, amap.claims["1.2"].loc.column) == (7, 1)


def test_sample_relations_one_by_one(sample: Path):
    amap = load_kialo(sample).map
    assert [(i.id, i.premises, i.conclusion) for i in amap.inferences] == [
        ("1.1 -> 1", ("1.1",), "1"),
        ("1.1.1.1 -> 1.1.1", ("1.1.1.1",), "1.1.1"),
        ("1.3 -> 1", ("1.3",), "1"),
    ]
    assert [(a.attacker, a.target) for a in amap.attacks] == [
        ("1.1.1", "1.1"),
        ("1.2", "1"),
        ("1.1", "1.2"),
    ]
    assert amap.undercuts == ()


def test_cross_link_loop_is_kept_and_check_reports_it():
    text = "Discussion Title: Loop\n\n1. A.\n1.1. Pro: B.\n1.1.1. Pro: -> See 1.\n"
    amap = loads_kialo(text, "loop.txt").map
    assert sorted((i.premises, i.conclusion) for i in amap.inferences) == [
        (("1",), "1.1"),
        (("1.1",), "1"),
    ]
    codes = {f.code for f in run_checks(amap)}
    assert "AM102" in codes


def test_detection_needs_the_title_line():
    assert looks_like_kialo("\ufeff\n\nDiscussion Title: X\n1. X\n")
    assert looks_like_kialo("Discussion Name: X\n")
    assert not looks_like_kialo("Shopping list\n1. milk\n")


def test_claim_without_stance_is_kept_with_warning():
    result = loads_kialo("Discussion Title: T\n1. A.\n1.1. B.\n", "t.txt")
    assert list(result.map.claims) == ["1", "1.1"]
    assert [n.format_text() for n in result.notes] == [
        "t.txt:3:1: warning AM001 import-note: claim 1.1. is neither Pro nor Con: it is "
        "kept unrelated"
    ]


@pytest.mark.parametrize(
    ("text", "line", "message"),
    [
        ("Discussion Title: T\n\n1. A.\n1.2.x. Pro: B.\n", 4, "'1.2.x.' is not a claim number"),
        ("Discussion Title: T\n\n1. A.\n1.2 Con: B.\n", 4, "'1.2' is not a claim number"),
        ("Discussion Title: T\n\n1. A.\n1.4.2. Pro: B.\n", 4, "claim 1.4.2. has no parent 1.4."),
        (
            "Discussion Title: T\n\n1. A.\n1.1. Pro: B.\n1.1. Con: C.\n",
            5,
            "claim number 1.1. is used twice",
        ),
        (
            "Discussion Title: T\n\n1. A.\n1.1. Con: -> See 1.9.\n",
            4,
            "'-> See 1.9.' names no claim",
        ),
        ("Discussion Title: T\n\n1. A.\n2. B.\n", 4, "a discussion has one thesis, 1."),
        ("My notes\n1. A.\n", 1, "a Kialo export starts with 'Discussion Title:'"),
        ("Discussion Title: T\nstray text\n1. A.\n", 2, "text before claim 1."),
    ],
)
def test_broken_exports_name_the_line(text, line, message):
    with pytest.raises(MapLoadError) as info:
        loads_kialo(text, "k.txt")
    finding = info.value.findings[0]
    assert (finding.file, finding.line, finding.column) == ("k.txt", line, 1)
    assert message in finding.message
