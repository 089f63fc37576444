"""Graphviz for sheets: each DOT laid out once, its natural size read from the SVG.

A part is laid out (``dot -Tsvg``) to learn whether it fits; the same layout
is kept for the SVG and HTML outputs, and only the PDF asks Graphviz again
(``-Tpdf``). Every graph a sheet draws has ``margin=0``, so the PDF's page
is exactly the SVG's size (Graphviz otherwise adds half an inch to PDFs).
"""

from __future__ import annotations

import os
import re
from collections.abc import Sequence
from concurrent.futures import ThreadPoolExecutor
from dataclasses import dataclass, field

from argmap.errors import RenderError
from argmap.render.budget import Deadline
from argmap.render.graphviz import run_dot

#: Graphviz runs at a time (each is a process of its own).
WORKERS = max(1, min(8, os.cpu_count() or 1))

_SIZE = re.compile(rb'<svg\b[^>]*?\bviewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"', re.S)


def svg_size(svg: bytes) -> tuple[float, float]:
    """(width, height) in points of a Graphviz SVG (its root's ``viewBox``).

    Raises:
        RenderError: the SVG gives no size in points.
    """
    match = _SIZE.search(svg[:4096])
    if match is None:
        raise RenderError("Graphviz wrote an SVG without a size in points")
    return float(match.group(1)), float(match.group(2))


def closing(dot: str, statements: list[str]) -> str:
    """``dot`` (a graph ending in ``}``) with ``statements`` added before its end,
    and ``margin=0``."""
    body = dot.rstrip()
    if not body.endswith("}"):
        raise RenderError("a DOT graph should end with '}'")
    extra = "".join(f"{s}\n" for s in ["graph [margin=0]", *statements])
    return body[:-1] + extra + "}\n"


@dataclass
class Painter:
    """Runs Graphviz for one rendering, under one deadline, remembering layouts.

    Attributes:
        deadline: the rendering's deadline (:mod:`argmap.render.budget`).
        engine: the layout program for parts of the map (tables: always ``dot``).
        timeout: seconds one Graphviz run may take at most.
    """

    deadline: Deadline
    engine: str = "dot"
    timeout: float = 60.0
    _svgs: dict[tuple[str, str], bytes] = field(default_factory=dict)

    def svg(self, dot: str, *, engine: str | None = None) -> bytes:
        """Graphviz's SVG of ``dot`` (raw: not finished), laid out once per text.

        Raises:
            GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
        """
        key = (engine or self.engine, dot)
        if key not in self._svgs:
            self._svgs[key] = self._run(dot, "svg", key[0])
        return self._svgs[key]

    def size(self, dot: str, *, engine: str | None = None) -> tuple[float, float]:
        """The natural (width, height) of ``dot``'s drawing, in points."""
        return svg_size(self.svg(dot, engine=engine))

    def pdf(self, dot: str, *, engine: str | None = None) -> bytes:
        """Graphviz's one-page PDF of ``dot`` (creation date fixed)."""
        return self._run(dot, "pdf", engine or self.engine)

    def pdfs(self, drawings: Sequence[tuple[str, str]]) -> list[bytes]:
        """The PDFs of ``(dot, engine)`` pairs, in order, several Graphviz runs at a time.

        Raises:
            GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz (the first, in order).
        """
        return self._many([(dot, "pdf", engine) for dot, engine in drawings])

    def warm(self, drawings: Sequence[tuple[str, str]]) -> None:
        """Lay out the ``(dot, engine)`` pairs not laid out yet, several at a time."""
        todo = list(dict.fromkeys(d for d in drawings if d[::-1] not in self._svgs))
        for (dot, engine), svg in zip(
            todo, self._many([(d, "svg", e) for d, e in todo]), strict=True
        ):
            self._svgs[(engine, dot)] = svg

    def _many(self, runs: list[tuple[str, str, str]]) -> list[bytes]:
        if len(runs) < 2:
            return [self._run(*run) for run in runs]
        with ThreadPoolExecutor(max_workers=WORKERS) as pool:
            return list(pool.map(lambda run: self._run(*run), runs))

    def _run(self, dot: str, fmt: str, engine: str) -> bytes:
        self.deadline.check("laying out the sheets")
        return run_dot(dot, fmt, timeout=self.timeout, engine=engine, deadline=self.deadline)
