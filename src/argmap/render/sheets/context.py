"""What every sheet of one rendering shares: the map, the options, the numbering."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field, replace

from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.render.dot import RenderOptions
from argmap.render.pager import PENDING, Line, Part
from argmap.render.sheets.geometry import Geometry
from argmap.render.sheets.layout import Painter


@dataclass(frozen=True)
class Drawn:
    """The DOT of one drawing and what its SVG gets beyond Graphviz's.

    Attributes:
        dot: the DOT text (``margin=0``).
        titles: element id → tooltip (see :class:`argmap.render.svg.SvgExtras`).
        links: element id → URL.
        desc: the accessible description of the drawing (a text outline).
        engine: the Graphviz layout program for it.
        targets: element id → index of the part it refers to (reference boxes).
    """

    dot: str
    titles: Mapping[str, str] = field(default_factory=dict)
    links: Mapping[str, str] = field(default_factory=dict)
    desc: str = ""
    engine: str = "dot"
    targets: Mapping[str, int] = field(default_factory=dict)


@dataclass(frozen=True)
class Sheets:
    """One rendering's shared state.

    Attributes:
        amap: the whole map drawn (texts of the claims a breadcrumb names).
        findings: findings to mark on the claims (as the diagram marks them).
        opts: diagram options; the theme is the sheet's (:func:`~.geometry.sheet_theme`).
        geometry: slides or paper.
        painter: runs Graphviz.
        numbers: part index → the number of the slide or page that shows it
            (empty while parts are fitted: every number is then a placeholder).
        digits: width of a placeholder number, in digits.
        lines: every line of argument of the overview, each with its part (set once
            the map is cut: :func:`with_lines`); headings use them to say where a
            line without a diagram of its own is.
        neutral: headings name no kind of claim: a line's part is "Part 3", its
            number among the lines drawn (a worksheet asking for the kinds).
    """

    amap: ArgumentMap
    findings: tuple[Finding, ...]
    opts: RenderOptions
    geometry: Geometry
    painter: Painter
    numbers: Mapping[int, int] = field(default_factory=dict)
    digits: int = 2
    lines: tuple[Line, ...] = ()
    neutral: bool = False

    def number(self, part: int) -> str:
        """The number of the sheet showing ``part``, or a placeholder as wide as
        the widest number (DejaVu Sans draws every digit equally wide)."""
        if part == PENDING or part not in self.numbers:
            return "8" * self.digits
        return str(self.numbers[part])

    def where(self, part: int) -> str:
        """``"slide 7"`` or ``"page 4"``."""
        return f"{self.geometry.noun} {self.number(part)}"

    def root_name(self, root: str) -> str:
        """``"the thesis"`` for the one thesis of a map, else the root's id."""
        theses = [c for c in self.amap.claims.values() if c.kind == "thesis"]
        if len(theses) == 1 and theses[0].id == root:
            return "the thesis"
        return root


def with_lines(sheets: Sheets, parts: list[Part]) -> Sheets:
    """``sheets`` knowing every line of argument of the overview parts of ``parts``."""
    lines = tuple(line for part in parts if part.kind == "overview" for line in part.lines)
    return replace(sheets, lines=lines)
