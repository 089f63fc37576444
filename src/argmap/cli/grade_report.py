"""``argmap grade -o report.html``: draw each student's map and the model's, the
missed and extra claims marked (fill, badge and double border, so colour is
never the only cue), and hand the data to :mod:`argmap.render.gradebook`."""

from __future__ import annotations

from collections.abc import Sequence
from typing import TYPE_CHECKING

from argmap.cli.grade_text import finding_lines, part_rows

if TYPE_CHECKING:
    from argmap.analysis.grade import Grade
    from argmap.cli.grading import Row
    from argmap.model import ArgumentMap
    from argmap.render.gradebook import StudentSection


def _svg(amap: ArgumentMap, marks: dict[str, str], fills: dict[str, str], map_id: str) -> bytes:
    """``amap`` drawn with ``marks`` (claim id → badge) and ``fills``, the marked
    claims double-bordered; ``map_id`` keeps element ids apart on one page."""
    from argmap.render.dot import RenderOptions
    from argmap.render.pipeline import render_svg

    opts = RenderOptions(
        legend=False,  # the page has one key for both diagrams: more room for the text
        fills=fills,
        badges=marks,
        highlight=frozenset(marks),
        show_findings=False,
    )
    return render_svg(amap, (), opts, map_id=map_id)


def _marks(grade: Grade) -> tuple[dict[str, str], dict[str, str], dict[str, str], dict[str, str]]:
    """(student badges, student fills, model badges, model fills)."""
    from argmap.render.gradebook import (
        EXTRA_BADGE,
        EXTRA_FILL,
        MISSED_BADGE,
        MISSED_FILL,
        OPPOSITE_BADGE,
        ROLE_BADGE,
    )

    result = grade.comparison
    s_marks = dict.fromkeys(result.unmatched_a, EXTRA_BADGE)
    s_fills = dict.fromkeys(result.unmatched_a, EXTRA_FILL)
    m_marks = dict.fromkeys(result.unmatched_b, MISSED_BADGE)
    m_fills = dict.fromkeys(result.unmatched_b, MISSED_FILL)
    for role in result.roles:
        s_marks[role.a] = ROLE_BADGE
        m_marks[role.b] = ROLE_BADGE
    for said in grade.feedback:
        if said.status == "opposite" and said.model and said.student:
            s_marks[said.student] = OPPOSITE_BADGE
            m_marks[said.model] = OPPOSITE_BADGE
    return s_marks, s_fills, m_marks, m_fills


def section(row: Row, rank: int, model: ArgumentMap, student_words: bool) -> StudentSection:
    """One student's section, with both diagrams drawn."""
    from argmap.render.gradebook import StudentSection

    if row.grade is None or row.student is None:
        return StudentSection(row.file, rank, None, error=row.error)
    s_marks, s_fills, m_marks, m_fills = _marks(row.grade)
    return StudentSection(
        file=row.file,
        rank=rank,
        score=row.grade.score,
        parts=part_rows(row.grade, student_words),
        sentences=tuple(f.sentence for f in row.grade.feedback),
        findings=tuple(finding_lines(row.grade, student_words)),
        student_svg=_svg(row.student, s_marks, s_fills, f"student{rank}"),
        model_svg=_svg(model, m_marks, m_fills, f"model{rank}"),
    )


def report_html(rows: Sequence[Row], model: ArgumentMap, student_words: bool) -> bytes:
    """The whole report page (see :func:`argmap.render.gradebook.report_page`).

    Raises:
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    from argmap.cli.grade_text import PART_WORDS, PARTS
    from argmap.render.gradebook import report_page

    sections = [section(row, rank, model, student_words) for rank, row in enumerate(rows, 1)]
    names = [PART_WORDS[p] if student_words else p for p in PARTS]
    title = f"Grades against {model.title or model.path}"
    return report_page(title, sections, names)
