"""The legend of the whole-map diagram, drawn with the diagram's own shapes and lines
(pure: a theme in, node attributes out; :mod:`argmap.render.dot` adds them to
the graph as a box titled "Legend").

One row, left to right: a sample box per kind present, drawn exactly as that
kind's claims are (a node with the kind's shape, style, fill, border and
double border, named inside) and a box per overridden fill (``--color-by``);
then a small table in two columns: each relation drawn as a short line in its colour,
pattern and width with its head, its meaning in words beside it (the undercut
line ends at a junction dot, as in the diagram); the junction dot; the box
around linked premises; the border and sign of a claim with findings.

One row, because Graphviz gives each row of the diagram the height of its
tallest box: the legend takes one row's height and adds no gap.
Every text is escaped (:func:`~argmap.render.labels.html_text`) and in the
theme's caption size; every sample has a tooltip that says the same in words.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from argmap.diagram import Diagram
from argmap.model import KINDS
from argmap.render.dotwriter import Html
from argmap.render.labels import html_text
from argmap.render.looks import Attrs
from argmap.render.style import KindStyle, Theme

#: The theme's edge style (and the SVG class) of each relation of the diagram.
RELATION_STYLES = {
    "support": "support",
    "premise": "link",
    "attack": "attack",
    "undercut": "undercut",
    "rephrase": "rephrase",
}

_SHAPE_WORDS = {"note": "folded corner", "folder": "tab", "box": "box"}
_STYLE_WORDS = {"rounded": "rounded", "diagonals": "cut corners", "bold": "bold border"}

#: What each relation's line says, in the legend.
LINE_WORDS = {
    "support": "supports: a reason for",
    "attack": "attacks: a reason against",
    "undercut": "undercuts the step (the dot)",
    "fold": "more claims, hidden",
    "rephrase": "rephrases: says it again",
}
#: The head drawn after each relation's line in the legend (glyphs of DejaVu Sans).
HEADS = {"support": "▶", "attack": "┫", "undercut": "┫", "fold": "", "rephrase": "○"}
#: What the junction dot, the box around linked premises and a badge mean.
JUNCTION_WORDS = "a step: linked premises meet"
BOX_WORDS = "linked premises: one reason"
FINDING_WORDS = "something to fix (see ⚠)"


def shape_words(ks: KindStyle) -> str:
    """How a kind's box looks, in words, for tooltips (e.g. ``"rounded, double border"``)."""
    words = [w for k, w in _STYLE_WORDS.items() if k in ks.style.split(",")]
    if ks.shape != "box" or not words:
        words.insert(0, _SHAPE_WORDS.get(ks.shape, ks.shape))
    if ks.peripheries > 1:
        words.append("double border")
    return ", ".join(words)


@dataclass(frozen=True)
class Sample:
    """One node of the legend.

    Attributes:
        name: node name (``legend_k0``, ``legend_w3`` …), also its element id.
        attrs: its Graphviz attributes (label already an HTML-like label).
        title: its tooltip.
    """

    name: str
    attrs: Attrs
    title: str


@dataclass(frozen=True)
class SampleLine:
    """One line of the legend (a visible sample or an invisible spacer).

    Attributes:
        source: node name it starts at.
        target: node name it ends at.
        attrs: its Graphviz attributes.
        title: its tooltip.
    """

    source: str
    target: str
    attrs: Attrs
    title: str


@dataclass(frozen=True)
class Legend:
    """The legend's nodes, left to right, and the invisible lines that keep them in order."""

    samples: tuple[Sample, ...]
    lines: tuple[SampleLine, ...] = field(default=())


@dataclass(frozen=True)
class LegendContent:
    """What a legend lists.

    Attributes:
        kinds: the kinds present, in order.
        relations: the theme's edge style names drawn (``support``, ``attack``,
            ``undercut``, ``fold``).
        fill_legend: ``(name, colour)`` rows for overridden fills; kind
            samples are then drawn unfilled.
        junction: a junction dot is drawn.
        box: a box of linked premises is drawn.
        findings: a claim is marked with findings.
        student: the tooltips say what is wrong in plain words, with no code.
    """

    kinds: tuple[str, ...]
    relations: tuple[str, ...]
    fill_legend: tuple[tuple[str, str], ...] = ()
    junction: bool = False
    box: bool = False
    findings: bool = False
    student: bool = False


def _text(theme: Theme, text: str, colour: str | None = None) -> Html:
    return Html(f'<<FONT COLOR="{colour or theme.title_color}">{html_text(text)}</FONT>>')


def _box(theme: Theme, name: str, label: Html, **attrs: str) -> Sample:
    base = {"id": name, "shape": "box", "fontsize": f"{theme.caption_size:g}"}
    return Sample(name, {**base, "margin": "0.12,0.05", "label": label, **attrs}, "")


def _kinds(theme: Theme, content: LegendContent) -> list[Sample]:
    row = []
    for k, kind in enumerate(content.kinds):
        ks = theme.kinds[kind]
        sample = _box(
            theme,
            f"legend_k{k}",
            _text(theme, ks.label.lower(), ks.text),
            shape=ks.shape,
            style=ks.style,
            peripheries=str(ks.peripheries),
            fillcolor="#ffffff" if content.fill_legend else ks.fill,
            color=ks.border,
            penwidth=f"{theme.penwidth:g}",
        )
        row.append(Sample(sample.name, sample.attrs, f"{ks.label.lower()}: {shape_words(ks)}"))
    for f, (name, colour) in enumerate(content.fill_legend):
        sample = _box(
            theme, f"legend_f{f}", _text(theme, f"fill: {name}"), style="filled",
            fillcolor=colour, color="#555555",
        )  # fmt: skip
        row.append(Sample(sample.name, sample.attrs, f"fill: {name}"))
    return row


def _size(theme: Theme, text: str, colour: str) -> str:
    """``text`` escaped, in ``colour`` and a little above the caption size (for signs)."""
    size = f"{theme.caption_size + 2:g}"
    return f'<FONT COLOR="{colour}" POINT-SIZE="{size}">{html_text(text)}</FONT>'


def _line_cell(theme: Theme, style: str) -> str:
    """A short line in ``style``'s colour, pattern and width, with its head: a nested
    table whose first cell's bottom border is the line, the head centred on it."""
    es = theme.edges[style]
    width = max(1, round(theme.edge_penwidth * es.penwidth))
    pattern = es.style if es.style in ("dashed", "dotted") else "solid"
    sign = HEADS.get(style, "")
    head = f"<B>{_size(theme, sign, es.color)}</B>" if sign else " "
    if style == "undercut":
        head += _size(theme, "●", theme.edges["support"].color)
    return (
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>'
        f'<TD WIDTH="40" HEIGHT="10" SIDES="B" BORDER="{width}" COLOR="{es.color}" '
        f'STYLE="{pattern}"></TD><TD ROWSPAN="2">{head}</TD></TR>'
        '<TR><TD HEIGHT="10"></TD></TR></TABLE>'
    )


def _frame(style: str, fill: str, border: str, width: float, inside: str = " ") -> str:
    """A small box drawn as a nested table: ``style`` (``rounded``, ``dashed`` …), fill,
    border colour and width (whole pixels, at least 1), ``inside`` as its content."""
    bg = f' BGCOLOR="{fill}"' if fill else ""
    return (
        f'<TABLE STYLE="{style}"{bg} COLOR="{border}" BORDER="{max(1, round(width))}" '
        f'CELLBORDER="0" CELLPADDING="2"><TR><TD WIDTH="24">{inside}</TD></TR></TABLE>'
    )


def _entries(theme: Theme, content: LegendContent) -> list[tuple[str, str]]:
    """``(sample cell, words)`` for each row of the table, in order."""
    rows = [(_line_cell(theme, rel), LINE_WORDS.get(rel, rel)) for rel in content.relations]
    if content.junction:
        rows.append((_size(theme, "●", theme.edges["support"].color), JUNCTION_WORDS))
    if content.box:
        box = _frame("rounded", theme.group_fill, theme.group_border, theme.penwidth * 0.75)
        rows.append((box, BOX_WORDS))
    if content.findings:
        sign = _size(theme, "⚠", theme.finding_text)
        style = "rounded," + theme.finding_style
        rows.append((_frame(style, "", theme.finding_border, theme.penwidth * 1.75, sign),
                     FINDING_WORDS))  # fmt: skip
    return rows


def _table(theme: Theme, content: LegendContent) -> Sample | None:
    """The table of lines and marks, or None when there is nothing to list."""
    rows = _entries(theme, content)
    if not rows:
        return None
    font = f'<FONT COLOR="{theme.title_color}">'
    entry = [
        f'<TD ALIGN="RIGHT">{cell}</TD><TD ALIGN="LEFT">{font}{html_text(text)}</FONT></TD>'
        for cell, text in rows
    ]
    half = -(-len(entry) // 2)  # two columns, about as tall as two kind samples
    cells = "".join(
        f"<TR>{entry[i]}{entry[i + half] if i + half < len(entry) else ''}</TR>"
        for i in range(half)
    )
    label = Html(f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="3">{cells}</TABLE>>')
    attrs = {  # a box the colour of the page, so its outline bounds the table
        "id": "legend_lines",
        "shape": "box",
        "style": "filled",
        "fillcolor": theme.background,
        "color": theme.background,
        "margin": "0",
        "label": label,
    }
    words = "; ".join(text for _, text in rows)
    if content.findings:
        words += f": a claim with a {theme.finding_style} border and a warning in plain " + (
            "words; its tooltip says what is wrong"
            if content.student
            else "words; its tooltip gives the check's code and message"
        )
    return Sample("legend_lines", {**attrs, "fontsize": f"{theme.caption_size:g}"}, words)


def legend_content(
    shape: Diagram,
    *,
    boxes: bool = False,
    folds: bool = False,
    fill_legend: tuple[tuple[str, str], ...] = (),
    marked: bool = False,
    student: bool = False,
) -> LegendContent:
    """What the legend of diagram ``shape`` lists: what it draws.

    Args:
        shape: :func:`argmap.diagram.diagram` of the map.
        boxes: a box of linked premises is drawn.
        folds: a "+N claims hidden" box is drawn.
        fill_legend: the overridden fills.
        marked: a claim is marked with findings.
        student: findings are shown to students (no codes).
    """
    drawn = {RELATION_STYLES[e.relation] for e in (*shape.edges, *shape.rephrases)}
    relations = [r for r in ("support", "attack", "undercut", "rephrase") if r in drawn]
    kinds = {claim.kind for _, claim in shape.claims}
    return LegendContent(
        kinds=tuple(k for k in KINDS if k in kinds),
        relations=(*relations, *(("fold",) if folds else ())),
        fill_legend=fill_legend,
        junction=bool(shape.junctions),
        box=boxes,
        findings=marked,
        student=student,
    )


def legend(theme: Theme, content: LegendContent) -> Legend:
    """The legend's samples, left to right: the kinds, the fills, the table;
    spacer lines (``style=invis``) keep them in that order.

    Args:
        theme: gives every sample its look.
        content: what to list (:class:`LegendContent`).
    """
    table = _table(theme, content)
    samples = [*_kinds(theme, content), *([table] if table else [])]
    lines = [
        SampleLine(left.name, right.name, {"style": "invis"}, "")
        for left, right in zip(samples, samples[1:], strict=False)
    ]
    return Legend(tuple(samples), tuple(lines))
