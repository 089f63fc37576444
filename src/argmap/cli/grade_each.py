"""``argmap grade --each DIR``: one report per student, to hand back.

In DIR: ``index.html`` (the class table, each file name linking to its
student's page), and per student ``NAME.html`` (the student's section of the
report: score, parts, feedback, findings, both diagrams) and ``NAME.txt`` (the
same as text). ``NAME`` is the student file's name without its ending, each
character other than a letter, a digit, ``-`` or ``_`` replaced by ``_``
(so a hostile file name cannot reach outside DIR), ``student`` when nothing is
left, and ``-2``, ``-3`` … added in rank order when two students share a name
(two folders with the same file names); ``index`` is never used for a student.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from pathlib import Path
from typing import TYPE_CHECKING

if TYPE_CHECKING:
    from argmap.cli.grading import Row
    from argmap.model import ArgumentMap

#: The class table's file in DIR.
INDEX = "index.html"


def safe_name(file: str) -> str:
    """A student file's report name (module docstring), without ``-N`` or an ending."""
    stem = Path(file.replace("\\", "/")).name
    stem = stem.rsplit(".", 1)[0] if "." in stem.lstrip(".") else stem
    name = re.sub(r"[^A-Za-z0-9_-]", "_", stem).strip("_")
    return name or "student"


def report_names(files: Sequence[str]) -> list[str]:
    """One distinct report name per file, in order (module docstring)."""
    used = {"index"}
    out: list[str] = []
    for file in files:
        base = safe_name(file)
        name, n = base, 1
        while name.lower() in used:
            n += 1
            name = f"{base}-{n}"
        used.add(name.lower())
        out.append(name)
    return out


def each_outputs(
    folder: str, rows: Sequence[Row], model: ArgumentMap, student_words: bool
) -> list[tuple[str, bytes]]:
    """``(path, bytes)`` of every file ``--each`` writes in ``folder``, index first.

    Raises:
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    from argmap.cli.grade_report import section
    from argmap.cli.grade_text import PART_WORDS, PARTS, details
    from argmap.render.gradebook import class_page, report_page

    names = report_names([row.file for row in rows])
    parts = [PART_WORDS[p] if student_words else p for p in PARTS]
    title = f"Grades against {model.title or model.path}"
    out: list[tuple[str, bytes]] = []
    sections = []
    for rank, (row, name) in enumerate(zip(rows, names, strict=True), start=1):
        sec = section(row, rank, model, student_words)
        sections.append(sec)
        page = report_page(f"{title}: {Path(row.file).name}", [sec], parts)
        text = "\n".join(details([row], student_words, start=rank)[1:]) + "\n"
        out += [(f"{folder}/{name}.html", page), (f"{folder}/{name}.txt", text.encode("utf-8"))]
    hrefs = [f"{name}.html" for name in names]
    return [(f"{folder}/{INDEX}", class_page(title, sections, parts, hrefs)), *out]
