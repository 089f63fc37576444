"""Themes: how each kind of claim and each relation is drawn, as plain data.

Four themes (:data:`THEMES`):

* ``default``: the argument-mapping convention of Rationale (reasons green,
  objections red, rebuttals orange), the thesis blue, the basis (precedents,
  evidence) sand.
* ``classroom``: for projectors: larger type, black text, thick lines, strong
  borders.
* ``print``: grayscale only; kinds differ by shape, border and grey level,
  relations by line pattern and arrowhead.
* ``colorblind``: the Okabe–Ito palette (Okabe & Ito 2008, "Color Universal
  Design"), distinguishable with every common colour-vision deficiency.

Colour never carries meaning alone: in every theme kinds also differ in shape
and caption, support and attack in line style and arrowhead. Every text colour
has a contrast ratio of at least 4.5:1 on the fill behind it (WCAG 2.1 success
criterion 1.4.3, level AA; see :func:`contrast_ratio`).

The default theme's kind labels and colours, line colours and text colour are
those of :mod:`argmap.diagram` (:data:`~argmap.diagram.KIND_LABELS`,
:data:`~argmap.diagram.KIND_COLOURS`, :data:`~argmap.diagram.RELATION_COLOURS`,
:data:`~argmap.diagram.TEXT_COLOUR`), which the diagram exports use too.
"""

from __future__ import annotations

from dataclasses import dataclass, field, replace

from argmap.diagram import KIND_COLOURS, KIND_LABELS, RELATION_COLOURS, TEXT_COLOUR
from argmap.model import Kind

#: Fonts every system has a form of, widest first: Graphviz measures text with
#: the first one installed (DejaVu Sans on Linux), browsers draw with the first
#: one they have; the narrower fallbacks only leave more room in the boxes.
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
        peripheries: number of borders (2 draws a double border).
    """

    label: str
    fill: str
    border: str
    text: str = TEXT_COLOUR
    shape: str = "box"
    style: str = "filled,rounded"
    peripheries: int = 1


@dataclass(frozen=True)
class EdgeStyle:
    """How one relation is drawn.

    Attributes:
        color: line colour.
        style: Graphviz line style (``solid``, ``dashed``, ``dotted``).
        arrowhead: Graphviz arrowhead (``normal``, ``tee``, ``none``).
        legend: text for the legend.
        arrowsize: arrowhead scale relative to the theme's.
        penwidth: line width relative to the theme's ``edge_penwidth``.
    """

    color: str
    style: str
    arrowhead: str
    legend: str
    arrowsize: float = 1.0
    penwidth: float = 1.0


@dataclass(frozen=True)
class Theme:
    """A complete diagram theme.

    Attributes:
        name: theme name.
        font: font stack.
        font_size: claim text size in points (1 pt = 1 px in SVG user units).
        caption_size: size of the kind caption and of citations.
        penwidth: border width (points).
        kinds: style per claim kind.
        edges: style per relation (``support``, ``attack``, ``undercut``,
            ``link``, ``fold``, ``rephrase``).
        background: page colour.
        finding_border: border colour of claims with findings.
        finding_text: caption colour of claims with findings.
        finding_style: border style of claims with findings.
        caption_color: caption colour (kind, id, paragraphs, citation).
        title_color: colour of the map's title and the legend's text.
        fold: style of a "+N claims hidden" box (``--collapse``).
        group_fill: fill of the box around linked premises.
        group_border: border colour of that box (3:1 on the background at
            least, WCAG 2.1 §1.4.11).
        edge_penwidth: line width of relations (points).
        arrowsize: arrowhead scale.
        wrap: default wrap width of claim text (characters).
        max_row: default of :attr:`argmap.render.dot.RenderOptions.max_row`
            (higher gives wider diagrams: 4 fills a 16:9 slide better).
        beside: at most this many attackers drawn beside the claim (or step)
            they attack, on its row (:mod:`argmap.render.layout`); the others
            hang under it. 2 puts one on each side; more gives flatter,
            wider diagrams, as a 16:9 slide wants.
        extra: free settings for other renderers.
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
    finding_text: str = "#9c1f18"
    finding_style: str = "dashed"
    caption_color: str = "#333333"
    title_color: str = TEXT_COLOUR
    fold: KindStyle = KindStyle(
        "HIDDEN", "#eeeeee", "#666666", "#222222", "box", "filled,rounded,dashed"
    )
    group_fill: str = "#f2f8f1"
    group_border: str = "#2e7d32"
    edge_penwidth: float = 2.0
    arrowsize: float = 1.1
    wrap: int = 24
    max_row: int = 2
    beside: int = 2
    extra: dict[str, str] = field(default_factory=dict)


_SUPPORT = "supports (solid line, arrow)"
_ATTACK = "attacks (dashed line, bar)"
_UNDERCUT = "undercuts an inference (dotted, bar)"
_FOLD = "hidden claims (dotted, no head)"
_REPHRASE = "rephrases: the same claim in other words (circles at both ends)"


def _default_kind(kind: Kind, shape: str = "box", style: str = "filled,rounded") -> KindStyle:
    """A kind as the default theme draws it: the label and colours of :mod:`argmap.diagram`."""
    fill, border = KIND_COLOURS[kind]
    return KindStyle(KIND_LABELS[kind], fill, border, shape=shape, style=style)


DEFAULT = Theme(
    name="default",
    font=FONT,
    font_size=20,
    caption_size=14,
    penwidth=2.0,
    kinds={
        "thesis": _default_kind("thesis", style="filled,bold"),
        "premise": _default_kind("premise"),
        "precedent": _default_kind("precedent", "note", "filled"),
        "evidence": _default_kind("evidence", "note", "filled"),
        "objection": _default_kind("objection"),
        "rebuttal": _default_kind("rebuttal"),
    },
    edges={
        "support": EdgeStyle(RELATION_COLOURS["support"], "solid", "normal", _SUPPORT),
        "attack": EdgeStyle(RELATION_COLOURS["attack"], "dashed", "tee", _ATTACK, 1.5),
        "undercut": EdgeStyle(RELATION_COLOURS["undercut"], "dotted", "tee", _UNDERCUT, 1.5, 1.5),
        "link": EdgeStyle(RELATION_COLOURS["premise"], "solid", "none", "linked premises"),
        "fold": EdgeStyle("#666666", "dotted", "none", _FOLD),
        "rephrase": EdgeStyle(RELATION_COLOURS["rephrase"], "solid", "odot", _REPHRASE),
    },
)

CLASSROOM = Theme(
    name="classroom",
    font=FONT,
    font_size=24,
    caption_size=17,
    penwidth=3.5,
    edge_penwidth=3.5,
    arrowsize=1.2,
    wrap=22,
    max_row=4,
    beside=6,
    caption_color="#000000",
    title_color="#000000",
    finding_border="#a4000f",
    finding_text="#a4000f",
    kinds={
        "thesis": KindStyle("THESIS", "#cfe0ff", "#0b3d91", "#000000", "box", "filled,bold"),
        "premise": KindStyle("PREMISE", "#d4f0cf", "#1b5e20", "#000000"),
        "precedent": KindStyle("PRECEDENT", "#fbe7b5", "#6b4a00", "#000000", "note", "filled"),
        "evidence": KindStyle("EVIDENCE", "#eadfc8", "#4e3f1c", "#000000", "note", "filled"),
        "objection": KindStyle("OBJECTION", "#fbd3cd", "#a4000f", "#000000"),
        "rebuttal": KindStyle("REBUTTAL", "#ffdcaa", "#8f3b00", "#000000"),
    },
    edges={
        "support": EdgeStyle("#1b5e20", "solid", "normal", _SUPPORT),
        "attack": EdgeStyle("#a4000f", "dashed", "tee", _ATTACK, 1.5),
        "undercut": EdgeStyle("#a4000f", "dotted", "tee", _UNDERCUT, 1.5, 1.5),
        "link": EdgeStyle("#1b5e20", "solid", "none", "linked premises"),
        "fold": EdgeStyle("#444444", "dotted", "none", _FOLD),
        "rephrase": EdgeStyle("#4a148c", "solid", "odot", _REPHRASE),
    },
    fold=KindStyle("HIDDEN", "#e8e8e8", "#444444", "#000000", "box", "filled,rounded,dashed"),
    group_fill="#eaf5e7",
    group_border="#1b5e20",
)

PRINT = Theme(
    name="print",
    font=FONT,
    font_size=20,
    caption_size=14,
    penwidth=2.0,
    caption_color="#222222",
    title_color="#000000",
    finding_border="#000000",
    finding_text="#000000",
    finding_style="dashed",
    kinds={
        "thesis": KindStyle("THESIS", "#e6e6e6", "#000000", "#000000", "box", "filled,bold", 2),
        "premise": KindStyle("PREMISE", "#ffffff", "#000000", "#000000"),
        "precedent": KindStyle("PRECEDENT", "#f2f2f2", "#333333", "#000000", "note", "filled"),
        "evidence": KindStyle("EVIDENCE", "#f2f2f2", "#333333", "#000000", "folder", "filled"),
        "objection": KindStyle(
            "OBJECTION", "#d9d9d9", "#000000", "#000000", "box", "filled,diagonals"
        ),
        "rebuttal": KindStyle(
            "REBUTTAL", "#ececec", "#000000", "#000000", "box", "filled,rounded", 2
        ),
    },
    edges={
        "support": EdgeStyle("#000000", "solid", "normal", _SUPPORT),
        "attack": EdgeStyle("#000000", "dashed", "tee", _ATTACK, 1.5),
        "undercut": EdgeStyle("#000000", "dotted", "tee", _UNDERCUT, 1.5, 1.5),
        "link": EdgeStyle("#000000", "solid", "none", "linked premises"),
        "fold": EdgeStyle("#555555", "dotted", "none", _FOLD),
        "rephrase": EdgeStyle("#000000", "solid", "odot", _REPHRASE),
    },
    fold=KindStyle("HIDDEN", "#ffffff", "#555555", "#000000", "box", "filled,rounded,dashed"),
    group_fill="#f7f7f7",
    group_border="#555555",
)

# Okabe–Ito: orange #E69F00, sky blue #56B4E9, bluish green #009E73, yellow
# #F0E442, blue #0072B2, vermillion #D55E00, reddish purple #CC79A7, black.
# Borders and lines use the palette's colours; fills are light tints of them.
COLORBLIND = Theme(
    name="colorblind",
    font=FONT,
    font_size=20,
    caption_size=14,
    penwidth=2.5,
    edge_penwidth=2.5,
    caption_color="#222222",
    finding_border="#cc79a7",
    finding_text="#7a2f57",
    kinds={
        "thesis": KindStyle("THESIS", "#d4e6f3", "#0072b2", shape="box", style="filled,bold"),
        "premise": KindStyle("PREMISE", "#d2eee5", "#009e73"),
        "precedent": KindStyle("PRECEDENT", "#fbf7cc", "#8c8000", shape="note", style="filled"),
        "evidence": KindStyle("EVIDENCE", "#ddeffa", "#56b4e9", shape="note", style="filled"),
        "objection": KindStyle("OBJECTION", "#f6dccc", "#d55e00"),
        "rebuttal": KindStyle("REBUTTAL", "#fbecc7", "#e69f00"),
    },
    edges={
        "support": EdgeStyle("#009e73", "solid", "normal", _SUPPORT),
        "attack": EdgeStyle("#d55e00", "dashed", "tee", _ATTACK, 1.5),
        "undercut": EdgeStyle("#d55e00", "dotted", "tee", _UNDERCUT, 1.5, 1.5),
        "link": EdgeStyle("#009e73", "solid", "none", "linked premises"),
        "fold": EdgeStyle("#555555", "dotted", "none", _FOLD),
        "rephrase": EdgeStyle("#0072b2", "solid", "odot", _REPHRASE),
    },
    group_fill="#e9f6f1",
    group_border="#009e73",
)

#: The themes by name, in the order help texts list them.
THEMES: dict[str, Theme] = {t.name: t for t in (DEFAULT, CLASSROOM, PRINT, COLORBLIND)}


def with_font(theme: Theme, font: str) -> Theme:
    """A copy of ``theme`` drawn with another font stack (for tests and benches)."""
    return replace(theme, font=font)


def relative_luminance(color: str) -> float:
    """Relative luminance of an sRGB colour ``#rrggbb``, in [0, 1].

    Definition: WCAG 2.1, "relative luminance" (W3C Recommendation, 2018):
    each channel c = v/255 is linearised as c/12.92 when c ≤ 0.04045 (the
    sRGB standard's threshold; WCAG 2.1 prints 0.03928, which gives the same
    result for 8-bit values), else ((c + 0.055)/1.055)^2.4; then
    L = 0.2126 R + 0.7152 G + 0.0722 B.

    Raises:
        ValueError: ``color`` is not ``#rrggbb``.
    """
    if len(color) != 7 or color[0] != "#":
        raise ValueError(f"not a #rrggbb colour: {color!r}")
    channels = [int(color[i : i + 2], 16) / 255 for i in (1, 3, 5)]
    r, g, b = (c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in channels)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_ratio(foreground: str, background: str) -> float:
    """WCAG 2.1 contrast ratio (L1 + 0.05) / (L2 + 0.05), L1 the lighter; 1 to 21.

    WCAG 2.1 success criterion 1.4.3 (Contrast, Minimum, level AA) asks for at
    least 4.5:1 for normal text; 1.4.11 asks 3:1 for graphical objects.

    Raises:
        ValueError: a colour is not ``#rrggbb``.
    """
    high, low = sorted((relative_luminance(foreground), relative_luminance(background)))[::-1]
    return (high + 0.05) / (low + 0.05)


#: Fills for ``--color-by status`` (labels are also written in the caption).
STATUS_FILLS = {"IN": "#d7f0d2", "OUT": "#e6e6e6", "UNDEC": "#fff3b0"}


def strength_fill(value: float | None) -> str:
    """A fill from pale red (0) through near-white (0.5) to pale green (1); grey for None."""
    if value is None:
        return "#e6e6e6"
    low, mid, high = (0xF6, 0xC9, 0xC4), (0xF7, 0xF7, 0xF7), (0xC8, 0xEB, 0xC3)
    a, b, t = (low, mid, value * 2) if value < 0.5 else (mid, high, value * 2 - 1)
    return "#" + "".join(f"{round(x + (y - x) * t):02x}" for x, y in zip(a, b, strict=True))
