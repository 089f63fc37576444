"""The column's legend: each sign the column uses, drawn as it is drawn, with its meaning.

One entry per kind of claim present (a small box in the kind's shape and
colours), per ``--color-by`` fill, per relation drawn (a short line in its
style with its arrowhead), and, when they occur, the linked reason's box with
its junction dot, a reference box, a fold and the mark of a finding. Entries
run in two columns in a column of 560 px or more, else in one.
"""

from __future__ import annotations

from dataclasses import dataclass, replace

from argmap.render.column.boxes import UP
from argmap.render.column.measure import Metrics, wrap
from argmap.render.column.place import arrow_length, tint
from argmap.render.column.shapes import Box, TextLine, Wire
from argmap.render.dot import RenderOptions

#: Width of an entry's sign (px).
SIGN = 44


@dataclass(frozen=True)
class Present:
    """What the column shows, so the legend lists just that.

    Attributes:
        kinds: kinds of claim drawn, in the order of :data:`argmap.model.KINDS`.
        relations: edge styles drawn (``support``, ``attack``, ``undercut``, ``fold``).
        groups: a linked reason's box is drawn.
        refs: the claim the first reference box refers to ("" when there is none).
        findings: a claim is marked with findings.
    """

    kinds: tuple[str, ...]
    relations: tuple[str, ...]
    groups: bool
    refs: str
    findings: bool


def _entries(opts: RenderOptions, present: Present) -> list[tuple[str, str]]:
    """``(sign, words)`` per entry: sign ``kind:<kind>``, ``fill:<colour>``,
    ``line:<style>``, ``group``, ``ref``, ``finding``."""
    theme = opts.theme
    out = [(f"kind:{k}", theme.kinds[k].label.lower()) for k in present.kinds]
    out += [(f"fill:{colour}", f"fill: {name}") for name, colour in opts.fill_legend]
    out += [(f"line:{r}", theme.edges[r].legend) for r in present.relations]
    if present.groups:
        out.append(("group", "linked premises: one reason, ● where they join"))
    if present.refs:
        named = f"{present.refs} " if opts.show_ids else ""
        out.append(("ref", f"see {named}{UP}: drawn in full above (↓: below)"))
    if present.findings:
        out.append(("finding", f"{theme.finding_style} border, ⚠: what a check found"))
    return out


def legend(
    opts: RenderOptions, m: Metrics, present: Present, top: float
) -> tuple[list[Box], list[Wire], float]:
    """The legend's boxes and lines, its frame's top edge at ``top``; and its bottom."""
    theme = opts.theme
    entries = _entries(opts, present)
    cols = 2 if m.width >= 560 else 1
    inner = m.width - 2 * m.margin - 2 * m.pad_x
    col_w = (inner - (cols - 1) * m.pad_x) / cols
    text_w = col_w - SIGN - 8
    line_h = m.line(m.small)
    head = TextLine("Legend", m.small, line_h, theme.title_color, bold=True)
    boxes: list[Box] = []
    wires: list[Wire] = []
    y = top + m.pad_y + line_h + 4
    for start in range(0, len(entries), cols):
        row_h = 0.0
        for c, (sign, words) in enumerate(entries[start : start + cols]):
            k = start + c
            x = m.margin + m.pad_x + c * (col_w + m.pad_x)
            lines = tuple(
                TextLine(t, m.small, line_h, theme.title_color)
                for t in wrap(words, text_w, m.small)
            )
            h = max(line_h, len(lines) * line_h)
            text = Box(f"legend-t{k}", x + SIGN + 8, y, text_w, h, lines, shape="plaintext")
            boxes.append(replace(text, title=words))
            _sign(sign, words, k, (x, y + min(h, line_h) / 2), opts, m, boxes, wires)
            row_h = max(row_h, h)
        y += row_h + 4
    bottom = y + m.pad_y - 4
    frame = Box(
        "legend",
        m.margin,
        top,
        m.width - 2 * m.margin,
        bottom - top,
        (head,),
        m.pad_x,
        m.pad_y,
        border="#888888",
        penwidth=1.0,
        style="rounded",
        css="legend",
        title="Legend",
    )
    return [frame, *boxes], wires, bottom


def _sign(
    sign: str,
    words: str,
    k: int,
    at: tuple[float, float],
    opts: RenderOptions,
    m: Metrics,
    boxes: list[Box],
    wires: list[Wire],
) -> None:
    """Draw an entry's sign with its middle-left at ``at``."""
    theme = opts.theme
    x, cy = at
    what, _, arg = sign.partition(":")
    if what == "line":
        head = 0.0 if arg == "fold" else arrow_length(theme, m, arg)
        points = ((x, cy), (x + SIGN - head, cy))
        tip = (x + SIGN, cy) if head else None
        wires.append(Wire(f"legend-e{k}", "legend", "legend", points, tip, arg, title=words))
        return
    look: dict[str, object] = {"fill": theme.background, "style": "filled"}
    if what == "kind":
        ks = theme.kinds[arg]
        look = {"fill": ks.fill, "border": ks.border, "shape": ks.shape, "style": ks.style}
        look["peripheries"] = ks.peripheries
    elif what == "fill":
        look = {"fill": arg, "border": "#555555", "style": "filled"}
    elif what == "group":
        support = theme.edges["support"].color
        look = {"fill": tint(support, theme.background, 0.07), "border": support}
        look |= {"style": "filled,rounded", "x": x + 12, "w": SIGN - 12}
        line = ((x + 12, cy), (x, cy))
        wires.append(Wire(f"legend-e{k}", "legend", "legend", line, None, "support", True, words))
    elif what == "ref":
        look["style"] = "filled,rounded,dotted"
    elif what == "finding":
        look |= {"border": theme.finding_border, "style": f"filled,{theme.finding_style}"}
    box = Box(f"legend-s{k}", x, cy - 9, SIGN, 18, penwidth=m.penwidth, title=words)
    boxes.append(replace(box, **look))  # type: ignore[arg-type]
