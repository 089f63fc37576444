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
    "jobs",
    "key_beside",
    "Settings",
    "SheetKind",
    "render_worksheet",
    "worksheet_content",
]

#: The file extensions a worksheet is written as.
WRITES = (".pdf", ".html", ".htm")


def key_beside(target: str) -> str:
    """The file an HTML worksheet's key goes to by default: ``sheet.key.html``
    beside ``sheet.html`` (same folder, same extension)."""
    path = PurePath(target)
    return str(path.with_name(f"{path.stem}.key{path.suffix}"))


def jobs(targets: tuple[str, ...], keys: tuple[str, ...]) -> list[tuple[str, Part]]:
    """Each file to write with the part it holds, in order: with ``keys``, the
    targets hold the students' part and the keys the key; without, a PDF holds
    both (the key on its last pages) and an HTML file the students' part, its key
    going to :func:`key_beside` (on a screen the key would sit right under the
    students' part)."""
    if keys:
        return [(t, "students") for t in targets] + [(k, "key") for k in keys]
    out: list[tuple[str, Part]] = []
    for target in targets:
        if PurePath(target).suffix.lower() in (".html", ".htm"):
            out += [(target, "students"), (key_beside(target), "key")]
        else:
            out.append((target, "all"))
    return out


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
    the answer key goes to those files alone and ``targets`` hold the students' part;
    without, an HTML target's key goes to a file beside it (:func:`jobs`).

    Args:
        amap: the map (valid).
        findings: the checks' findings on ``amap`` (``flaw`` asks about them).
        settings: kind, share of blanks, seed, paper and audience.
        painter: runs Graphviz under the command's deadline.
        targets: output file names.
        keys: file names of the answer key on its own (none: it ends each target).

    Returns:
        ``(file name, bytes)`` per file of :func:`jobs`, in its order.

    Raises:
        UsageError: a claim or part of the map fits no page at 11 pt.
        ValueError: a target with another extension.
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    content = worksheet_content(amap, findings, settings)
    out = []
    for target, part in jobs(targets, keys):
        ext = PurePath(target).suffix.lower()
        if ext == ".pdf":
            out.append((target, worksheet_pdf(content, settings, painter, part)))
        elif ext in (".html", ".htm"):
            out.append((target, worksheet_html(content, settings, painter, part)))
        else:
            raise ValueError(f"a worksheet is written as .pdf or .html, not {ext!r}")
    return out
