"""What ``argmap grade`` writes as text: the ranked table, each student's feedback, the CSV.

The CSV is safe to open in a spreadsheet: a cell that starts with ``=``, ``+``,
``-``, ``@``, a tab or a carriage return (which a spreadsheet would run as a
formula) gets a leading ``'`` (OWASP, "CSV Injection").
"""

from __future__ import annotations

import csv
import io
from collections.abc import Sequence
from fractions import Fraction
from typing import TYPE_CHECKING

from argmap.findings import student_sentence

if TYPE_CHECKING:
    from argmap.analysis.grade import Grade
    from argmap.cli.grading import Row

#: The rubric's parts, in column order (docs/grading.md).
PARTS = ("claims", "relations", "kinds", "thesis", "objections", "findings")
#: The parts in plain words, for ``--audience student``.
PART_WORDS = {
    "claims": "claims found",
    "relations": "links right",
    "kinds": "kinds right",
    "thesis": "main claim",
    "objections": "objections answered",
    "findings": "map problems",
}
#: First characters a spreadsheet reads as the start of a formula.
FORMULA_START = ("=", "+", "-", "@", "\t", "\r")


def percent(value: Fraction | None) -> str:
    """A part as a whole percentage (halves up); ``–`` when not measured."""
    if value is None:
        return "–"
    return str(int(value * 100 + Fraction(1, 2)))


def part_rows(grade: Grade, student: bool) -> tuple[tuple[str, str], ...]:
    """``(part name, percentage)`` per part, named in plain words for students."""
    return tuple((PART_WORDS[p] if student else p, percent(grade.parts.get(p))) for p in PARTS)


def table(rows: Sequence[Row], student: bool) -> list[str]:
    """The ranked table: rank, score, each part as a percentage, file."""
    names = [PART_WORDS[p] if student else p for p in PARTS]
    widths = [max(len(n), 4) for n in names]
    head = "rank  score  " + "  ".join(n.rjust(w) for n, w in zip(names, widths, strict=True))
    lines = [head + "  file"]
    for rank, row in enumerate(rows, start=1):
        if row.grade is None:
            cells = "  ".join("".rjust(w) for w in widths)
            lines.append(f"{rank:>4}  {'–':>5}  {cells}  {row.file}  ({row.error})")
            continue
        shown = [percent(row.grade.parts.get(p)) for p in PARTS]
        cells = "  ".join(v.rjust(w) for v, w in zip(shown, widths, strict=True))
        lines.append(f"{rank:>4}  {row.grade.score:>5}  {cells}  {row.file}")
    return lines


#: Said after a finding that costs no points, for ``--audience student``.
MODEL_TOO_WORDS = "The model answer has this too, so it costs no points."
NOTE_WORDS = "This is a note only; it costs no points."


def _free_words(grade: Grade, code: str, severity: str) -> str:
    """Why a finding costs no points, in plain words ("" when it costs points)."""
    if code in grade.new_codes:
        return ""
    return MODEL_TOO_WORDS if severity in ("error", "warning") else NOTE_WORDS


def _with(sentence: str, more: str) -> str:
    """``sentence``, ended with a full stop, then ``more`` (when not empty)."""
    if not more:
        return sentence
    return (sentence if sentence.endswith((".", "?", "!")) else sentence + ".") + " " + more


def finding_lines(grade: Grade, student: bool) -> list[str]:
    """The findings on the student's map: plain sentences for students (each that
    costs no points says so), else ``CODE check: message`` (codes the model has
    too are marked)."""
    if student:
        return [
            _with(student_sentence(f), _free_words(grade, f.code, f.severity))
            for f in grade.findings
        ]
    new = set(grade.new_codes)
    return [
        f"{f.code} {f.check}: {' '.join(f.message.split())}"
        + ("" if f.code in new else " (model too)")
        for f in grade.findings
    ]


def _opposite(grade: Grade) -> str:
    """`` (your D1 argues the opposite)`` when a student's claim argues against a model thesis."""
    return f" (your {grade.opposed[0]} argues the opposite)" if grade.opposed else ""


def _summary(grade: Grade, student: bool) -> list[str]:
    result = grade.comparison
    lines = [
        f"  claims: {len(result.matches)} of {result.claims.of_b} found, "
        f"{len(result.unmatched_a)} not in the model",
        f"  {'links' if student else 'relations'}: {len(result.diff.shared)} of "
        f"{result.diff.of_b} right, "
        f"{len(result.diff.extra)} of yours not in the model",
        f"  main claim found: {'yes' if grade.theses else 'no'}{_opposite(grade)}",
    ]
    if grade.answered or grade.unanswered:
        lines.append(
            f"  objections answered: {len(grade.answered)} of "
            f"{len(grade.answered) + len(grade.unanswered)}"
        )
    if not student:
        lines += [
            f"  role mismatch: {r.a} ({r.kind_a}) = model {r.b} ({r.kind_b})" for r in result.roles
        ]
    return lines


def details(rows: Sequence[Row], student: bool, start: int = 1) -> list[str]:
    """Per student (in rank order, the first ranked ``start``): the counts, the
    feedback and the findings, each student after an empty line."""
    lines: list[str] = []
    for rank, row in enumerate(rows, start=start):
        lines.append("")
        if row.grade is None:
            lines += [f"{rank}. {row.file}: not graded", f"  {row.error}"]
            continue
        lines.append(f"{rank}. {row.file}: score {row.grade.score}")
        lines += _summary(row.grade, student)
        lines += [f"  - {f.sentence}" for f in row.grade.feedback]
        found = finding_lines(row.grade, student)
        if found:
            lines.append("  problems in the map:")
            lines += [f"  - {text}" for text in found]
    return lines


def safe_cell(value: str) -> str:
    """``value`` with a leading ``'`` when a spreadsheet would read it as a formula."""
    return "'" + value if value.startswith(FORMULA_START) else value


def _decimal(value: Fraction | None) -> str:
    return "" if value is None else f"{float(value):.4f}"


def csv_text(rows: Sequence[Row]) -> str:
    """One row per student: ``rank, file, score``, each part as a fraction (4
    decimals; empty when not measured), matched, missing and extra claims, and the
    error of a file that could not be graded. Every cell passes :func:`safe_cell`."""
    out = io.StringIO()
    writer = csv.writer(out, lineterminator="\n")
    writer.writerow(["rank", "file", "score", *PARTS, "matched", "missing", "extra", "error"])
    for rank, row in enumerate(rows, start=1):
        cells = [str(rank), row.file]
        if row.grade is None:
            cells += [""] * (len(PARTS) + 4) + [row.error or ""]
        else:
            result = row.grade.comparison
            cells += [str(row.grade.score), *(_decimal(row.grade.parts.get(p)) for p in PARTS)]
            cells += [str(len(result.matches)), str(len(result.unmatched_b))]
            cells += [str(len(result.unmatched_a)), ""]
        writer.writerow([safe_cell(c) for c in cells])
    return out.getvalue()
