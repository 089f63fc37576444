"""Grading a student's map against a model map: one score from 0 to 100.

The rubric (parts, default weights, formula) is defined in docs/grading.md
("The rubric"); a teacher sets the weights in the model map's ``grading:``
block or a rubric file (read by :mod:`argmap.io.yaml.grading`). Fractions are
exact (:class:`fractions.Fraction`), so a score derived by hand from the
rubric is the score printed.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from fractions import Fraction

from argmap.analysis.checks import run_checks, selected
from argmap.analysis.compare import Comparison, compare_maps
from argmap.analysis.feedback import Feedback, claim_feedback
from argmap.analysis.matching import THRESHOLD, Pairs, opposites
from argmap.findings import Finding
from argmap.model import ArgumentMap

#: The parts of the score and their default weights (docs/grading.md).
DEFAULT_WEIGHTS: Mapping[str, Fraction] = {
    "claims": Fraction(30),
    "relations": Fraction(35),
    "kinds": Fraction(10),
    "thesis": Fraction(10),
    "objections": Fraction(10),
    "findings": Fraction(5),
}
#: Taken off the findings part per finding code the model map does not have.
FINDING_PENALTY = Fraction(1, 4)


def _exact(value: object) -> Fraction:
    """A rubric number as an exact fraction (``0.3`` → 3/10, not the float's binary value)."""
    return Fraction(str(value))


@dataclass(frozen=True)
class Rubric:
    """Weights and settings of the score.

    Attributes:
        weights: part → weight ≥ 0 (parts of :data:`DEFAULT_WEIGHTS`).
        threshold: smallest text similarity of a claim match, in (0, 1].
        finding_penalty: taken off the findings part per new finding code, in [0, 1].
    """

    weights: Mapping[str, Fraction] = field(default_factory=lambda: dict(DEFAULT_WEIGHTS))
    threshold: float = THRESHOLD
    finding_penalty: Fraction = FINDING_PENALTY

    @classmethod
    def from_blocks(cls, *blocks: Mapping[str, object]) -> Rubric:
        """The defaults overridden by each validated block in turn (the model map's
        ``grading:``, then a rubric file), as :func:`argmap.io.yaml.grading.read_rubric`
        returns them."""
        weights = dict(DEFAULT_WEIGHTS)
        threshold, penalty = THRESHOLD, FINDING_PENALTY
        for block in blocks:
            given = block.get("weights")
            if isinstance(given, Mapping):
                weights.update({str(k): _exact(v) for k, v in given.items() if k in weights})
            if isinstance(block.get("threshold"), (int, float)):
                threshold = float(block["threshold"])  # type: ignore[arg-type]
            if isinstance(block.get("finding_penalty"), (int, float)):
                penalty = _exact(block["finding_penalty"])
        return cls(weights, threshold, penalty)


@dataclass(frozen=True)
class Grade:
    """One student's grade.

    Attributes:
        file: the student's map file as given.
        score: 0–100 (docs/grading.md), an integer.
        parts: part → fraction in [0, 1], or None when it cannot be measured.
        comparison: the claim matching and relation counts.
        theses: model theses the student found (matched to a student thesis).
        answered: model objections the model answers that the student has
            and answers; ``unanswered``: those the student left unanswered or missed.
        new_codes: finding codes on the student's map the model map does not have.
        findings: every finding of ``argmap check`` on the student's map.
        feedback: plain-word sentences, per claim and per relation drawn wrongly.
        opposed: the student's claims that argue the opposite of a model thesis
            (docs/grading.md, "Opposite claims"), in the model's thesis order.
    """

    file: str
    score: int
    parts: Mapping[str, Fraction | None]
    comparison: Comparison
    theses: tuple[str, ...]
    answered: tuple[str, ...]
    unanswered: tuple[str, ...]
    new_codes: tuple[str, ...]
    findings: tuple[Finding, ...]
    feedback: tuple[Feedback, ...]
    opposed: tuple[str, ...] = ()


def findings_of(amap: ArgumentMap) -> tuple[Finding, ...]:
    """Every check on ``amap``, whatever its own ``checks:`` block selects."""
    return tuple(run_checks(amap, selected()))


def _answered(amap: ArgumentMap) -> set[str]:
    return {att.target for att in amap.attacks}


def _objection_parts(
    student: ArgumentMap, model: ArgumentMap, to_a: Mapping[str, str]
) -> tuple[list[str], list[str]]:
    """Model objections the model answers: (answered by the student too, not)."""
    model_answered = _answered(model)
    student_answered = _answered(student)
    yes: list[str] = []
    no: list[str] = []
    for cid, claim in model.claims.items():
        if claim.kind == "objection" and cid in model_answered:
            mine = to_a.get(cid)
            (yes if mine is not None and mine in student_answered else no).append(cid)
    return yes, no


def _ratio(hits: int, total: int) -> Fraction | None:
    return Fraction(hits, total) if total else None


def score_of(parts: Mapping[str, Fraction | None], rubric: Rubric) -> int:
    """``100 × Σ weight × part / Σ weight`` over the measured parts with a weight,
    rounded half up; 0 when no part is measured."""
    used = {k: v for k, v in parts.items() if v is not None and rubric.weights.get(k, 0) > 0}
    total = sum((rubric.weights[k] for k in used), Fraction(0))
    if not total:
        return 0
    value = 100 * sum((rubric.weights[k] * v for k, v in used.items()), Fraction(0)) / total
    return math.floor(value + Fraction(1, 2))


def grade_map(
    student: ArgumentMap,
    model: ArgumentMap,
    rubric: Rubric | None = None,
    pairs: Pairs | None = None,
    model_findings: Sequence[Finding] | None = None,
) -> Grade:
    """Grade ``student`` against ``model`` (docs/grading.md).

    Args:
        model_findings: the model's findings when already computed (for a class).
    """
    rubric = rubric or Rubric()
    result = compare_maps(student, model, pairs, rubric.threshold)
    to_a = {m.b: m.a for m in result.matches}
    theses = [c for c, claim in model.claims.items() if claim.kind == "thesis"]
    found = [t for t in theses if t in to_a and student.claims[to_a[t]].kind == "thesis"]
    yes, no = _objection_parts(student, model, to_a)
    findings = findings_of(student)
    model_codes = {f.code for f in (model_findings or findings_of(model))}
    serious = {f.code for f in findings if f.severity in ("error", "warning")}
    new_codes = sorted(serious - model_codes)
    diff = result.diff
    opposite = opposites(student, model, list(result.matches), rubric.threshold)
    parts: dict[str, Fraction | None] = {
        "claims": _ratio(len(result.matches), len(model.claims)),
        "relations": _ratio(2 * len(diff.shared), diff.of_a + diff.of_b),
        "kinds": Fraction(result.kinds.hits, len(result.matches))
        if result.matches
        else Fraction(0),
        "thesis": _ratio(len(found), len(theses)),
        "objections": _ratio(len(yes), len(yes) + len(no)),
        "findings": max(Fraction(0), 1 - rubric.finding_penalty * len(new_codes)),
    }
    return Grade(
        file=student.path,
        score=score_of(parts, rubric),
        parts=parts,
        comparison=result,
        theses=tuple(found),
        answered=tuple(yes),
        unanswered=tuple(no),
        new_codes=tuple(new_codes),
        findings=findings,
        feedback=claim_feedback(student, model, result, no, opposite),
        opposed=tuple(opposite[t] for t in theses if t in opposite),
    )
