"""Themes: how each kind of claim and each relation is drawn, as plain data.

Colours follow the argument-mapping convention of Rationale (reasons green,
objections red, rebuttals orange) with the thesis in blue and the basis
(precedents, evidence) in sand. Colour never carries meaning alone: kinds also
differ in shape and caption, support and attack in line style and arrowhead.
"""

from __future__ import annotations

from dataclasses import dataclass, field

#: Fonts every system has a form of; Graphviz measures text with the first one
#: it finds, browsers use the stack in the SVG.
FONT = "DejaVu Sans,Verdana,Arial,Helvetica,sans-serif"


@dataclass(frozen=True)
class KindStyle:
    """How one kind of claim is drawn.

    Attributes:
        label: caption shown above the text (e.g. "PREMISE").
        fill: background colour (#rrggbb).
        border: border colour.
        text: text colour.
        shape: Graphviz node shape.
        style: Graphviz node style (comma-separated).
    """

    label: str
    fill: str
    border: str
    text: str = "#111111"
    shape: str = "box"
    style: str = "filled,rounded"


@dataclass(frozen=True)
class EdgeStyle:
    """How one relation is drawn: colour, line style, arrowhead, label for the legend."""

    color: str
    style: str
    arrowhead: str
    legend: str


@dataclass(frozen=True)
class Theme:
    """A complete diagram theme.

    Attributes:
        name: theme name.
        font: font stack.
        font_size: claim text size in points (1 pt = 1 px in SVG user units).
        caption_size: size of the kind caption.
        penwidth: border and line width.
        kinds: style per claim kind.
        edges: style per relation (``support``, ``attack``, ``undercut``, ``link``).
        background: page colour.
        finding_border: border colour of claims with findings.
    """

    name: str
    font: str
    font_size: float
    caption_size: float
    penwidth: float
    kinds: dict[str, KindStyle]
    edges: dict[str, EdgeStyle]
    background: str = "#ffffff"
    finding_border: str = "#b3261e"
    caption_color: str = "#333333"
    extra: dict[str, str] = field(default_factory=dict)


DEFAULT = Theme(
    name="default",
    font=FONT,
    font_size=20,
    caption_size=14,
    penwidth=2.0,
    kinds={
        "thesis": KindStyle("THESIS", "#dbe9ff", "#1f4e9c", shape="box", style="filled,bold"),
        "premise": KindStyle("PREMISE", "#e3f4e1", "#2e7d32"),
        "precedent": KindStyle("PRECEDENT", "#fdf1d6", "#8a6100", shape="note", style="filled"),
        "evidence": KindStyle("EVIDENCE", "#f3ecdd", "#6d5a2b", shape="note", style="filled"),
        "objection": KindStyle("OBJECTION", "#fde4e1", "#b3261e"),
        "rebuttal": KindStyle("REBUTTAL", "#ffe9cc", "#b45309"),
    },
    edges={
        "support": EdgeStyle("#2e7d32", "solid", "normal", "supports (solid line, arrow)"),
        "attack": EdgeStyle("#b3261e", "dashed", "tee", "attacks (dashed line, bar)"),
        "undercut": EdgeStyle("#b3261e", "dotted", "tee", "undercuts an inference (dotted, bar)"),
        "link": EdgeStyle("#2e7d32", "solid", "none", "linked premises"),
    },
)

THEMES: dict[str, Theme] = {DEFAULT.name: DEFAULT}


#: Fills for ``--color-by status`` (labels are also written in the caption).
STATUS_FILLS = {"IN": "#d7f0d2", "OUT": "#e6e6e6", "UNDEC": "#fff3b0"}


def strength_fill(value: float | None) -> str:
    """A fill from pale red (0) through white-ish (0.5) to pale green (1); grey for None."""
    if value is None:
        return "#e6e6e6"
    low, high = (0xF6, 0xC9, 0xC4), (0xC8, 0xEB, 0xC3)
    mid = (0xF7, 0xF7, 0xF7)
    a, b, t = (low, mid, value * 2) if value < 0.5 else (mid, high, value * 2 - 1)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b))
