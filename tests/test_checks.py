"""Each check: a map that triggers it (with the exact ids reported) and one that does not."""

from __future__ import annotations

import pytest

from argmap.analysis.checks import CHECKS, resolve, run_checks, selected
from argmap.errors import UsageError

from conftest import make_map


def findings(text: str, code: str):
    amap = make_map(text)
    return [f for f in run_checks(amap) if f.code == code]


def test_unsupported_claim():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          P1: {kind: premise, text: It helps., supports: T1}
          PR1: {kind: precedent, text: It worked in 2019., supports: R1}
          O1: {kind: objection, text: It costs., attacks: T1}
          R1: {kind: rebuttal, text: Cheap enough., attacks: O1}
          R2: {kind: rebuttal, text: Costs fall., attacks: O1}
          E1: {kind: evidence, text: A study., supports: R2}
        """,
        "AM101",
    )
    assert [f.claims for f in found] == [("P1",)]
    assert found[0].line == 4 and found[0].severity == "warning"
    assert found[0].check == "unsupported-claim"


def test_unsupported_thesis_and_rebuttal():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          O1: {kind: objection, text: It costs., attacks: T1}
          R1: {kind: rebuttal, text: Cheap enough., attacks: O1}
        """,
        "AM101",
    )
    assert [f.claims for f in found] == [("T1",), ("R1",)]


def test_circular_support_one_finding_per_knot_with_witness_cycle():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          A: {kind: premise, text: a, supports: [T1, B]}
          B: {kind: premise, text: b, supports: C}
          C: {kind: premise, text: c, supports: [A, B]}
          D: {kind: premise, text: d, supports: E}
          E: {kind: premise, text: e, supports: D}
          F: {kind: premise, text: f, supports: F}
        """,
        "AM102",
    )
    assert len(found) == 2
    first, second = found
    cycle = first.claims
    assert cycle[0] == "A" and set(cycle) <= {"A", "B", "C"}
    # loop order: each claim supports the next, the last supports the first
    edges = {("A", "B"), ("B", "C"), ("C", "A"), ("C", "B")}
    assert all((cycle[i], cycle[(i + 1) % len(cycle)]) in edges for i in range(len(cycle)))
    assert second.claims == ("D", "E")
    assert first.severity == "error" and first.line == 4


def test_circular_support_absent_on_tree():
    assert not findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          A: {kind: premise, text: a, supports: T1}
          B: {kind: premise, text: b, supports: [A, T1]}
          O1: {kind: objection, text: o, attacks: R1}
          R1: {kind: rebuttal, text: r, attacks: O1}
        """,
        "AM102",
    )


def test_self_support_only_reported_as_self_support():
    text = """
        claims:
          T1: {kind: thesis, text: We should act.}
          A: {kind: premise, text: a, supports: [T1, A]}
        """
    found = findings(text, "AM103")
    assert [f.claims for f in found] == [("A",)]
    assert (found[0].line, found[0].column) == (4, 46)  # the relation's position
    assert not findings(text, "AM102")


def test_self_support_absent():
    assert not findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          A: {kind: premise, text: a, supports: T1}
        """,
        "AM103",
    )


def test_no_thesis():
    found = findings(
        """
        claims:
          P1: {kind: premise, text: It rains.}
        """,
        "AM104",
    )
    assert len(found) == 1 and found[0].line == 2 and found[0].severity == "error"
    assert not findings("claims:\n  T1: {kind: thesis, text: x}\n", "AM104")


def test_attacks_nothing():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          O1: {kind: objection, text: It costs.}
          R1: {kind: rebuttal, text: No., attacks: O1}
          R2: {kind: rebuttal, text: Also no.}
          O3: {kind: objection, text: Step fails., undercuts: "P1 -> T1"}
          P1: {kind: premise, text: p, supports: T1}
        """,
        "AM105",
    )
    assert [f.claims for f in found] == [("O1",), ("R2",)]


def test_disconnected():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          P1: {kind: premise, text: p, supports: T1}
          P2: {kind: premise, text: q, supports: P3}
          P3: {kind: premise, text: r}
          O1: {kind: objection, text: o, attacks: T1}
          R1: {kind: rebuttal, text: x, attacks: O1}
          E1: {kind: evidence, text: e, supports: R1}
          U1: {kind: objection, text: u, undercuts: "P1 -> T1"}
        """,
        "AM106",
    )
    assert [f.claims for f in found] == [("P2",), ("P3",)]


def test_disconnected_silent_without_thesis():
    assert not findings("claims:\n  P1: {kind: premise, text: x}\n", "AM106")


def test_unanswered_objection():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          O1: {kind: objection, text: It costs., attacks: T1}
          O2: {kind: objection, text: It is late., attacks: T1}
          R2: {kind: rebuttal, text: Not late., attacks: O2}
        """,
        "AM107",
    )
    assert [f.claims for f in found] == [("O1",)]


def test_claim_level_ignore():
    amap = make_map(
        """
        claims:
          T1: {kind: thesis, text: We should act., ignore: [unsupported-claim]}
          P1: {kind: premise, text: p, supports: T1, ignore: AM101}
          P2: {kind: premise, text: q, supports: T1}
        """
    )
    assert [f.claims for f in run_checks(amap)] == [("P2",)]


def test_map_level_selection():
    amap = make_map(
        """
        checks: {ignore: [AM101]}
        claims:
          T1: {kind: thesis, text: We should act.}
          O1: {kind: objection, text: o, attacks: T1}
        """
    )
    assert [f.code for f in run_checks(amap)] == ["AM109", "AM107"]


def test_catalogue_codes_are_stable_and_documented():
    assert [(c.code, c.name, c.severity) for c in CHECKS][:7] == [
        ("AM101", "unsupported-claim", "warning"),
        ("AM102", "circular-support", "error"),
        ("AM103", "self-support", "error"),
        ("AM104", "no-thesis", "error"),
        ("AM105", "attacks-nothing", "warning"),
        ("AM106", "disconnected", "warning"),
        ("AM107", "unanswered-objection", "warning"),
    ]
    for c in CHECKS:
        assert "Source:" in c.doc and "Fix:" in c.doc and "Triggers::" in c.doc, c.code


def test_selection_by_name_and_code():
    assert [c.code for c in selected(["self-support", "am104"])] == ["AM103", "AM104"]
    assert "AM101" not in [c.code for c in selected((), ["unsupported-claim"])]
    with pytest.raises(UsageError, match="did you mean 'self-support'"):
        resolve(["self-suport"])


def test_findings_sorted_by_position():
    amap = make_map(
        """
        claims:
          O1: {kind: objection, text: o}
          T1: {kind: thesis, text: t}
        """
    )
    found = run_checks(amap)
    assert [f.line for f in found] == sorted(f.line for f in found)
    assert [f.code for f in found] == ["AM105", "AM106", "AM107", "AM101"]


def test_docs_page_is_generated_from_docstrings():
    from argmap.analysis.checks import catalogue_markdown

    from conftest import ROOT

    assert (ROOT / "docs" / "checks.md").read_text(encoding="utf-8") == catalogue_markdown()


def test_dangling_inference():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          P1: {kind: premise, text: a}
          P2: {kind: premise, text: b}
        inferences:
          I1: {premises: [P1, P9], conclusion: T1}
          I2: {premises: [P1], conclusion: T1}
          I3: {premises: [P1, P2], conclusion: T2}
          I4: {premises: [P1, P2], conclusion: T1}
        """,
        "AM108",
    )
    assert [(f.line, f.claims) for f in found] == [
        (7, ("P1", "T1")),
        (8, ("P1", "T1")),
        (9, ("P1", "P2")),
    ]
    assert "'P9', which is no claim id; did you mean 'P2'?" in found[0].message
    assert "fewer than two premises" in found[1].message


def test_thesis_undefended():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          O1: {kind: objection, text: a, attacks: T1}
          O2: {kind: objection, text: b, attacks: T1}
          R2: {kind: rebuttal, text: c, attacks: O2}
          T2: {kind: thesis, text: Other.}
        """,
        "AM109",
    )
    assert [f.claims for f in found] == [("T1", "O1")]


def test_unsourced_basis():
    text = """
        claims:
          T1: {kind: thesis, text: We should act.}
          E1: {kind: evidence, text: a, supports: T1}
          E2: {kind: evidence, text: b, supports: T1, source: "Lee 2020"}
          PR1: {kind: precedent, text: c, supports: T1, para: 4}
        """
    assert [f.claims for f in findings(text, "AM110")] == [("E1",), ("PR1",)]
    with_source = "source: {publication: Paper}\n" + text.replace("\n        ", "\n")
    assert [f.claims for f in findings(with_source, "AM110")] == [("E1",)]


def test_duplicate_claims():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          P1: {kind: premise, text: "It helps!", supports: T1}
          P2: {kind: premise, text: "it   HELPS", supports: T1}
          P3: {kind: premise, text: "Ｉｔ helps.", supports: T1}
          P4: {kind: premise, text: "It helped.", supports: T1}
        """,
        "AM111",
    )
    assert [(f.line, f.claims) for f in found] == [(5, ("P1", "P2", "P3"))]


def test_contradiction():
    found = findings(
        """
        claims:
          T1: {kind: thesis, text: We should act.}
          P1: {kind: premise, text: a, supports: T1}
          P2: {kind: premise, text: b, supports: P3}
          P3: {kind: premise, text: c, supports: T1, attacks: P1}
          P4: {kind: premise, text: d, supports: T1, attacks: P2}
          O1: {kind: objection, text: e, attacks: P1}
        """,
        "AM112",
    )
    assert [f.claims for f in found] == [("P3", "P1"), ("P4", "P2")]
    assert found[0].severity == "error" and (found[0].line, found[0].column) == (6, 55)


def test_every_check_triggers_on_its_docstring_example_and_passes_the_other():
    import re
    import textwrap

    for c in CHECKS:
        triggers, passes = re.findall(r"::\n\n((?:    .*\n|\n)+)", c.doc + "\n")[:2]
        hit = [f.code for f in run_checks(make_map(textwrap.dedent(triggers)))]
        miss = [f.code for f in run_checks(make_map(textwrap.dedent(passes)))]
        assert c.code in hit and c.code not in miss, c.code
