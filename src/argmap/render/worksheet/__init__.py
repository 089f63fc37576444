"""Worksheets for a class: fill in the blanks, classify the claims, find the
flaws, arrange cut-out cards, each with its answer key.

* :mod:`.content`: what a sheet asks and what its key answers (pure; seeded).
* :mod:`.diagram`: the map as a worksheet draws it (print theme, 11 pt).
* :mod:`.tables`: headings, lists, keys and cards as Graphviz tables.
* :mod:`.printed`: the PDF (students' pages, then the key on pages of its own).
* :mod:`.html`: one offline HTML page (the key in a section at its end).

The findings a ``flaw`` sheet asks about are given by the caller (the
command line runs the checks; rendering never does).
"""

from __future__ import annotations

from pathlib import PurePath

from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.sheets.layout import Painter
from argmap.render.worksheet.content import (
    SHEET_KINDS,
    Content,
    Settings,
    SheetKind,
    worksheet_content,
)
from argmap.render.worksheet.html import worksheet_html
from argmap.render.worksheet.printed import Part, worksheet_pdf

__all__ = [
    "SHEET_KINDS",
    "WRITES",
    "Content",
    "Settings",
    "SheetKind",
    "render_worksheet",
    "worksheet_content",
]

#: The file extensions a worksheet is written as.
WRITES = (".pdf", ".html", ".htm")


def render_worksheet(
    amap: ArgumentMap,
    findings: tuple[Finding, ...],
    settings: Settings,
    painter: Painter,
    targets: tuple[str, ...],
    keys: tuple[str, ...] = (),
) -> list[tuple[str, bytes]]:
    """The worksheet ``settings`` asks for, once per output file, by its extension:
    ``.pdf`` (:mod:`.printed`) or ``.html``/``.htm`` (:mod:`.html`). With ``keys``
    the answer key goes to those files alone and ``targets`` hold the students' part.

    Args:
        amap: the map (valid).
        findings: the checks' findings on ``amap`` (``flaw`` asks about them).
        settings: kind, share of blanks, seed, paper and audience.
        painter: runs Graphviz under the command's deadline.
        targets: output file names.
        keys: file names of the answer key on its own (none: it ends each target).

    Returns:
        ``(file name, bytes)`` per target, then per key file, in order.

    Raises:
        UsageError: a claim or part of the map fits no page at 11 pt.
        ValueError: a target with another extension.
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    content = worksheet_content(amap, findings, settings)
    first: Part = "students" if keys else "all"
    key: Part = "key"
    jobs = [(t, first) for t in targets] + [(k, key) for k in keys]
    out = []
    for target, part in jobs:
        ext = PurePath(target).suffix.lower()
        if ext == ".pdf":
            out.append((target, worksheet_pdf(content, settings, painter, part)))
        elif ext in (".html", ".htm"):
            out.append((target, worksheet_html(content, settings, painter, part)))
        else:
            raise ValueError(f"a worksheet is written as .pdf or .html, not {ext!r}")
    return out
