"""The check type, its registry, and every docstring example, run and compared exactly."""

from __future__ import annotations

import dataclasses
import importlib
import pkgutil

import pytest

import argmap.analysis.checks as catalogue
from argmap.analysis.checks import CHECKS, Check, run_checks, selected
from argmap.analysis.checks._base import parse_examples, parse_reports
from argmap.analysis.graph import build_graph
from argmap.findings import Finding

from conftest import make_map


def test_every_check_module_defines_one_registered_check():
    names = [
        m.name for m in pkgutil.iter_modules(catalogue.__path__) if not m.name.startswith("_")
    ]
    modules = [importlib.import_module(f"argmap.analysis.checks.{n}") for n in names]
    assert len(modules) == len(CHECKS) == 12
    assert sorted((m.CHECK for m in modules), key=lambda c: c.code) == list(CHECKS)
    for module in modules:
        assert not any(hasattr(module, attr) for attr in ("CODE", "NAME", "SEVERITY")), module


def test_checks_are_typed_frozen_values():
    codes = [c.code for c in CHECKS]
    assert codes == sorted(codes) == [f"AM1{n:02}" for n in range(1, 13)]
    for c in CHECKS:
        assert isinstance(c, Check) and c.severity in ("warning", "error")
        assert c.summary == c.doc.splitlines()[0] and c.summary.endswith(".")
        assert c.doc == c.doc.strip() and "Definition:" in c.doc
        with pytest.raises(dataclasses.FrozenInstanceError):
            c.code = "AM199"


def test_check_construction_refuses_bad_codes_and_names():
    def run(amap, graph):
        return iter(())

    with pytest.raises(ValueError, match="'AM001' is not AM1xx"):
        Check(code="AM001", name="x", severity="error", doc="X.", run=run)
    with pytest.raises(ValueError, match="'Bad_name' is not kebab-case"):
        Check(code="AM199", name="Bad_name", severity="error", doc="X.", run=run)
    made = Check(
        code="AM199", name="my-check", severity="warning", doc="  Mine.\n\n  More.", run=run
    )
    assert (made.summary, made.doc, made.examples) == ("Mine.", "Mine.\n\nMore.", ())


def test_a_check_makes_findings_with_its_code_name_and_severity():
    amap = make_map("claims:\n  T1: {kind: thesis, text: x}\n  P1: {kind: premise, text: y}\n")
    (no_thesis,) = selected(["no-thesis"])
    assert no_thesis.at_claim(amap, "P1", "m") == Finding(
        amap.claims["P1"].loc, "AM104", "no-thesis", "error", "m", ("P1",)
    )
    whole = no_thesis.finding(amap, None, "m")
    assert (whole.line, whole.column, whole.claims) == (1, 1, ())
    assert list(no_thesis.run(amap, build_graph(amap))) == []


# --- The docstring examples, run ------------------------------------------------------


def test_reports_lines_are_parsed_exactly():
    assert parse_reports("AM107 on O1; AM109 on T1, O1.") == (
        ("AM107", ("O1",)),
        ("AM109", ("T1", "O1")),
    )
    assert parse_reports("AM104; AM101 on P1.") == (("AM104", ()), ("AM101", ("P1",)))
    assert parse_reports("nothing.") == ()
    with pytest.raises(ValueError, match="does not start with a check code"):
        parse_reports("T1 on AM101.")


def test_an_example_without_a_reports_line_is_refused():
    doc = "Summary.\n\nTriggers::\n\n    claims:\n      T1: {kind: thesis, text: x}\n"
    with pytest.raises(ValueError, match="no 'Reports:' line"):
        parse_examples(doc)
    (example,) = parse_examples(doc + "\nReports: AM101 on T1.\n")
    assert example.triggers and example.title == ""
    assert example.text == "claims:\n  T1: {kind: thesis, text: x}\n"
    assert example.reports == (("AM101", ("T1",)),)


def test_every_check_documents_triggering_and_passing_examples():
    counts = {
        c.code: (sum(e.triggers for e in c.examples), sum(not e.triggers for e in c.examples))
        for c in CHECKS
    }
    assert counts == {
        "AM101": (2, 2),
        "AM102": (2, 3),
        "AM103": (2, 2),
        "AM104": (2, 1),
        "AM105": (2, 2),
        "AM106": (2, 4),
        "AM107": (2, 2),
        "AM108": (3, 2),
        "AM109": (2, 2),
        "AM110": (2, 2),
        "AM111": (2, 2),
        "AM112": (2, 2),
    }
    for c in CHECKS:
        first, second, *more = c.examples
        assert (first.triggers, second.triggers) == (True, False), c.code
        assert not first.title and not second.title and all(e.title for e in more), c.code


def _reported(found: list[Finding]) -> list[tuple[str, tuple[str, ...]]]:
    return [(f.code, f.claims) for f in found]


EXAMPLES = [
    pytest.param(c, example, id=f"{c.code}-{i}")
    for c in CHECKS
    for i, example in enumerate(c.examples, 1)
]


@pytest.mark.parametrize(("check", "example"), EXAMPLES)
def test_docstring_example_reports_exactly_what_it_states(check, example):
    amap = make_map(example.text, "example.yaml")
    assert not amap.checks.select and not amap.checks.ignore
    assert _reported(run_checks(amap, CHECKS)) == list(example.reports)
    own = [r for r in example.reports if r[0] == check.code]
    assert _reported(run_checks(amap, [check])) == own
    assert bool(own) is example.triggers
