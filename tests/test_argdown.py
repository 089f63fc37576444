"""Reading Argdown: a real-world-shaped sample, the syntax pieces one by one, broken inputs."""

from __future__ import annotations

import textwrap
from pathlib import Path

import pytest

from argmap.errors import MapLoadError
from argmap.io.argdown.reader import load_argdown, loads_argdown
from argmap.io.argdown.writer import dump_argdown, escape_text

from conftest import FIXTURES, make_map

SAMPLE = FIXTURES / "interchange" / "homework.argdown"


def read(text: str):
    return loads_argdown(textwrap.dedent(text), "t.argdown")


def relations(amap):
    return (
        [(i.id, i.premises, i.conclusion, i.linked) for i in amap.inferences],
        [(a.attacker, a.target) for a in amap.attacks],
        [(u.attacker, u.inference) for u in amap.undercuts],
    )


def test_sample_claims_one_by_one():
    amap = load_argdown(SAMPLE).map
    assert amap.title == "Homework in primary school"
    got = [(c.id, c.kind, c.text, c.tags) for c in amap.claims.values()]
    group = "group:The question"
    assert got == [
        (
            "Study",
            "evidence",
            "A large review found little benefit of homework before age eleven.",
            (),
        ),
        (
            "No homework",
            "thesis",
            "Primary schools should stop giving homework.",
            ("policy", group),
        ),
        ("Play", "premise", "Children learn a lot through free play after school.", (group,)),
        ("Evenings", "premise", "Homework takes up most of a family's evening.", (group,)),
        ("s1", "premise", "Family time matters for young children.", (group,)),
        ("Short tasks", "objection", "Ten-minute tasks leave the evening free.", (group,)),
        ("Less time", "premise", "Homework costs young children family time.", (group,)),
        ("Practice", "objection", "Regular practice at home improves reading.", (group,)),
    ]
    assert amap.claims["Study"].source == "https://example.org/homework-review"
    assert amap.claims["s1"].para == (4,)
    assert (amap.claims["No homework"].loc.line, amap.claims["No homework"].loc.column) == (13, 1)


def test_sample_relations_one_by_one():
    amap = load_argdown(SAMPLE).map
    inferences, attacks, undercuts = relations(amap)
    assert inferences == [
        ("Family time", ("Evenings", "s1"), "Less time", True),
        ("Play -> No homework", ("Play",), "No homework", False),
        ("Less time -> No homework", ("Less time",), "No homework", False),
    ]
    assert attacks == [("Practice", "No homework"), ("Study", "Practice")]
    assert undercuts == [("Short tasks", "Family time")]


def test_sample_include_loop_is_read_once_with_warnings():
    notes = [n.format_text() for n in load_argdown(SAMPLE).notes]
    evidence = str(FIXTURES / "interchange" / "homework-evidence.argdown")
    assert notes == [
        f"{evidence}:2:10: warning AM001 import-note: @include(homework.argdown): already "
        f"read, so not read again",
        f"{SAMPLE}:2:1: warning AM001 import-note: front matter keys author are Argdown "
        f"settings: not kept",
    ]


def test_reference_without_text_becomes_claim_with_warning():
    result = read(
        """
        [A]: Apples are healthy.
            <+ [Vitamins]
        """
    )
    assert result.map.claims["Vitamins"].text == "Vitamins"
    assert [n.format_text() for n in result.notes] == [
        "t.argdown:3:8: warning AM001 import-note: statement [Vitamins] is never given a "
        "text: its title is its text"
    ]


def test_relation_directions_and_nesting():
    amap = read(
        """
        [a]: A.
            + [b]: B.
                - [c]: C.
            <- [d]: D.
            +> [e]: E.
            -> [f]: F.
            >< [g]: G.
        """
    ).map
    inferences, attacks, _ = relations(amap)
    assert inferences == [("b -> a", ("b",), "a", False), ("a -> e", ("a",), "e", False)]
    assert attacks == [("c", "b"), ("d", "a"), ("a", "f"), ("a", "g"), ("g", "a")]


def test_untitled_statements_comments_escapes_and_tags():
    amap = read(
        """
        This claim has no title. // a comment
            <+ A reason <!-- hidden --> with \\#no-tag. #real-tag #(two words)

        /* [ignored]: not read */
        [esc]: Brackets \\[x\\] and https:\\//example.org stay.
        """
    ).map
    assert [(c.id, c.text, c.tags) for c in amap.claims.values()] == [
        ("s1", "This claim has no title.", ()),
        ("s2", "A reason with #no-tag.", ("real-tag", "two words")),
        ("esc", "Brackets [x] and https://example.org stay.", ()),
    ]


def test_undercut_of_sketched_argument_and_argument_relations():
    amap = read(
        """
        [T]: Towns should plant trees.
            <+ <Shade>: Trees give shade.
                <_ <Few>: Young trees give little shade.

        <Cooling>

        (1) Trees cool streets.
        (2) Cool streets save energy.
        ----
        (3) [Saving]: Trees save energy.

        <Cooling>
            +> [T]
            <- [Cost]: Watering costs money.
        """
    ).map
    inferences, attacks, undercuts = relations(amap)
    assert inferences == [
        ("Cooling", ("s1", "s2"), "Saving", True),
        ("Shade -> T", ("Shade",), "T", False),
        ("Saving -> T", ("Saving",), "T", False),
    ]
    assert attacks == [("Cost", "Saving")]
    assert undercuts == [("Few", "Shade -> T")]
    assert amap.claims["Few"].kind == "objection"


def test_complex_argument_steps_and_uses():
    amap = read(
        """
        <Chain>

        (1) P one.
        (2) P two.
        ----
        (3) Middle.
        (4) P four.
        --
        {uses: [3, 4]}
        --
        (5) End.
        """
    ).map
    assert relations(amap)[0] == [
        ("Chain (1)", ("s1", "s2"), "s3", True),
        ("Chain", ("s3", "s4"), "s5", True),
    ]


def test_data_is_validated_with_positions():
    with pytest.raises(MapLoadError) as info:
        read(
            """
            [A]: Apples. {kind: thesys, para: 0}
            """
        )
    messages = [f.format_text() for f in info.value.findings]
    assert messages == [
        "t.argdown:2:21: error AM000 invalid-map: unknown kind 'thesys' for claim A; "
        "did you mean 'thesis'? (kinds: thesis, premise, precedent, evidence, objection, "
        "rebuttal)",
        "t.argdown:2:35: error AM000 invalid-map: para of claim A must be a whole number ≥ "
        "1, not the number 0",
    ]


@pytest.mark.parametrize(
    ("text", "line", "col", "message"),
    [
        ("[a]: A.\n\n    + [b]: B.\n", 3, 5, "a relation (+) with nothing before it"),
        ("+ [b]: B.\n", 1, 1, "a relation (+) with nothing before it"),
        ("[a]: A.\n+ [b]: B.\n", 2, 1, "relation + has nothing above it that is indented less"),
        ("[a]: A. {kind: premise\n", 1, 9, "this '{' (YAML data) is never closed"),
        ("[a]: A. /* open\n", 1, 9, "this comment is never closed"),
        ("(1) A.\n(2) B.\n", 2, 1, "end with an inference line and a conclusion"),
        ("[a]: A.\n    +\n", 2, 5, "+ names no statement or argument"),
        ("@include(other.txt)\n", 1, 10, "only .argdown and .ad files can be included"),
        ("@include(missing.argdown)\n", 1, 10, "@include(missing.argdown): there is no file"),
    ],
)
def test_syntax_errors_name_line_and_column(text, line, col, message):
    with pytest.raises(MapLoadError) as info:
        loads_argdown(text, "t.argdown")
    finding = info.value.findings[0]
    assert (finding.file, finding.line, finding.column) == ("t.argdown", line, col)
    assert message in finding.message


def test_bom_and_windows_line_endings(tmp_path: Path):
    path = tmp_path / "win.argdown"
    path.write_bytes(b"\xef\xbb\xbf[A]: Caf\xc3\xa9 au lait.\r\n    + [B]: Cheap.\r\n")
    amap = load_argdown(path).map
    assert [(c.id, c.text) for c in amap.claims.values()] == [
        ("A", "Café au lait."),
        ("B", "Cheap."),
    ]


def test_writer_escapes_and_carries_kinds():
    amap = make_map(
        """
        title: "A = B"
        claims:
          T1: {kind: thesis, text: "a [b] <c> {d} #e *f* _g_ @h \\\\ //i ==="}
          "x]y": {kind: evidence, text: E., supports: T1, para: [2, 3], tags: ["a)b"]}
        """
    )
    text = dump_argdown(amap).text
    assert text == (
        '===\n{\n  "title": "A \\u003d B"\n}\n===\n\n'
        "[T1]: a \\[b\\] \\<c\\> \\{d\\} \\#e \\*f\\* \\_g\\_ \\@h \\\\ \\//i \\=\\=\\= "
        "{kind: thesis}\n\n"
        '[claim 1]: E. {id: "x]y", kind: evidence, para: [2, 3], tags: ["a)b"]}\n'
        "    +> [T1]\n"
    )
    assert escape_text("line\nbreak  and  spaces") == "line break and spaces"


def test_lists_hold_one_statement_per_item():
    amap = read(
        """
        * [Slogan]: A short slogan.
        * [Design]: The world looks
          designed.
            - [Chance]: Chance explains it.
        1. [Idea]: We have an idea.
        """
    ).map
    assert [(c.id, c.text) for c in amap.claims.values()] == [
        ("Slogan", "A short slogan."),
        ("Design", "The world looks designed."),
        ("Chance", "Chance explains it."),
        ("Idea", "We have an idea."),
    ]
    assert [(a.attacker, a.target) for a in amap.attacks] == [("Chance", "Design")]


def test_include_chains_stop_at_a_depth(tmp_path: Path):
    for n in range(70):
        (tmp_path / f"f{n}.argdown").write_text(f"@include(f{n + 1}.argdown)\n\n[c{n}]: C{n}.\n")
    (tmp_path / "f70.argdown").write_text("[end]: End.\n")
    with pytest.raises(MapLoadError) as info:
        load_argdown(tmp_path / "f0.argdown")
    finding = info.value.findings[0]
    assert (Path(finding.file).name, finding.line, finding.column) == ("f64.argdown", 1, 10)
    assert "includes nest deeper than 64 files" in finding.message


ABOVE = "which is no numbered statement above this inference line: not used"


def test_uses_that_name_no_statement_above_are_reported_and_duplicates_kept_once():
    result = read(
        """
        <A>

        (1) [P]: p.
        (2) [Q]: q.
        -- {uses: [1, 1, 2, 7, 3, x]} --
        (3) [C]: c.
        """
    )
    assert relations(result.map)[0] == [("A", ("P", "Q"), "C", True)]
    assert [(n.line, n.column, n.message) for n in result.notes] == [
        (6, 1, "inference A lists premise P twice: kept once"),
        (6, 1, f"{{uses: ...}} names (3), {ABOVE}"),
        (6, 1, f"{{uses: ...}} names (7), {ABOVE}"),
        (6, 25, "{uses: ...} holds statement numbers only: this item is not used"),
    ]


def test_undercut_of_a_statement_without_one_support_is_reported():
    result = read(
        """
        [T]: A thesis.
            _ [U]: An undercut of a statement that supports nothing.
        """
    )
    assert relations(result.map) == ([], [], [])
    assert [(n.line, n.column, n.message) for n in result.notes] == [
        (
            3,
            5,
            "the undercut of T is not kept: argmap undercuts a support, and T supports no claim",
        )
    ]
