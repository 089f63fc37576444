"""Drawings made of one table: the overview grid, the title slide, page footers.

Each is a Graphviz graph of one ``plaintext`` node whose label is an
HTML-like table, every text escaped (:func:`argmap.render.labels.html_text`)
and wrapped to measured widths (:mod:`argmap.render.sheets.words`).

The overview: per root (the thesis) a box with its text across the grid, then
"Reasons for the thesis" and "Objections to the thesis" as headed rows of
boxes, one per line of argument: its kind and claim id, its text, and how
many claims it holds on which slide or page; claims connected to nothing
under "Other claims" at the end.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import replace

from argmap.model import KINDS, Claim
from argmap.render.fonts import line_height
from argmap.render.labels import html_text
from argmap.render.pager import Line, Part
from argmap.render.sheets.body import heading_label
from argmap.render.sheets.context import Drawn, Sheets
from argmap.render.sheets.key import key_label
from argmap.render.sheets.layout import closing
from argmap.render.sheets.words import wrap_lines, wrap_to
from argmap.util.text import and_list

#: Names the place that shows a line of argument ("slide 7", "see 1.4").
Where = Callable[[Line], str]

SPACING = 10.0  # between the grid's boxes
PADDING = 8.0  # inside a box
BORDER = 2.0
SLACK = 12.0  # Graphviz's pad around a drawing, and some room
FONT_SLACK = 0.96  # Graphviz's text comes out up to a few per cent wider than measured


def graph(sheets: Sheets, label: str, statements: Sequence[str] = ()) -> str:
    """A DOT graph of one plaintext node labelled ``label`` (an HTML-like label),
    its text in the theme's font at the claim text size unless a ``FONT`` says else."""
    theme = sheets.opts.theme
    head = (
        f'digraph sheet {{\nbgcolor="{theme.background}"\nfontname="{theme.font}"\n'
        f'node [shape="plain", fontname="{theme.font}", fontsize="{theme.font_size:g}", '
        f'fontcolor="{theme.title_color}"]\n'
    )
    return closing(head + f'table [id="table", margin="0", label={label}]\n}}\n', [*statements])


def _lines_html(lines: Sequence[str]) -> str:
    return '<BR ALIGN="LEFT"/>'.join(html_text(line) for line in lines) + '<BR ALIGN="LEFT"/>'


def box(
    sheets: Sheets,
    caption: str,
    text: Sequence[str],
    foot: str,
    kind: str,
    span: int = 1,
    size: float | None = None,
) -> str:
    """One box of the grid as a table cell: caption (wrapped to the box, a long
    claim id too), text lines (at ``size``, default the claim text size), a note
    under them; ``span`` columns wide."""
    theme = sheets.opts.theme
    style = theme.kinds[kind]
    small = f'<FONT POINT-SIZE="{theme.caption_size:g}" COLOR="{theme.caption_color}">'
    body = _lines_html(text)
    if size is not None:
        body = f'<FONT POINT-SIZE="{size:g}">{body}</FONT>'
    room = (_outer(sheets, span) - 2 * (PADDING + BORDER)) * FONT_SLACK
    head = '<BR ALIGN="LEFT"/>'.join(
        html_text(line) for line in wrap_to(caption, theme.caption_size, room, bold=True)
    )
    parts = [f"{small}<B>{head}</B></FONT>", f'<BR ALIGN="LEFT"/>{body}']
    if foot:
        parts.append(f'{small}{html_text(foot)}</FONT><BR ALIGN="LEFT"/>')
    return (
        f'<TD COLSPAN="{span}" WIDTH="{_outer(sheets, span):.0f}" '
        f'BGCOLOR="{style.fill}" COLOR="{style.border}" '
        f'BORDER="{BORDER:g}" CELLPADDING="{PADDING:g}" ALIGN="LEFT" VALIGN="TOP" '
        f'STYLE="rounded">{"".join(parts)}</TD>'
    )


def cell_width(sheets: Sheets, columns: int) -> float:
    """The width of a box's text when ``columns`` boxes share the body's width."""
    width = sheets.geometry.body[0] - SLACK - SPACING * (columns + 1)
    return (width / columns - 2 * (PADDING + BORDER)) * FONT_SLACK


def _outer(sheets: Sheets, span: int) -> float:
    """The ``WIDTH`` of a box ``span`` columns wide: Graphviz adds the spacing
    between the columns a cell spans to it (drawn ``SPACING * (span - 1)`` wider)."""
    columns = sheets.geometry.columns
    return (cell_width(sheets, columns) / FONT_SLACK + 2 * (PADDING + BORDER)) * span


def _line_box(
    sheets: Sheets, line: Line, width: float, most: int, where: Where | None = None
) -> str:
    """The box of one line of argument; ``where`` names the place that shows it
    (default: its slide or page)."""
    claims = [sheets.amap.claims[c] for c in line.head.claims]
    size = sheets.opts.theme.font_size
    premises = [c for c in claims if c.id in line.head.premises]
    if len(premises) > 1:
        word = "BOXES " if sheets.neutral else "LINKED REASON "  # neutral: no kind named
        caption = word + " + ".join(c.id for c in premises)
        text = [t for c in premises for t in wrap_lines(f"{c.id}: {c.text}", size, width, most)]
    else:
        caption = f"{sheets.opts.theme.kinds[claims[0].kind].label} {claims[0].id}"
        text = wrap_lines(claims[0].text, size, width, most)
    if line.head.undercutters:
        caption += f" (undercut by {and_list(line.head.undercutters)})"
    foot = f"{line.size} claim{'s' if line.size != 1 else ''}"
    place = where(line) if where else sheets.where(line.part) if line.part is not None else ""
    if place:
        foot += f" · {place}"
    return box(sheets, caption, text, foot, claims[0].kind, 1)


def _root_box(sheets: Sheets, root: Claim, columns: int) -> str:
    drawn = _outer(sheets, columns) + SPACING * (columns - 1)
    width = (drawn - 2 * (PADDING + BORDER)) * FONT_SLACK
    size = sheets.opts.theme.font_size
    # in full, unless it would take more than half the sheet: then cut with "…"
    most = max(3, int(sheets.geometry.body[1] / 2 / line_height(size)))
    text = wrap_lines(root.text, size, width, most)
    return box(
        sheets,
        f"{sheets.opts.theme.kinds[root.kind].label} {root.id}",
        text,
        "",
        root.kind,
        columns,
    )


def _rows(sheets: Sheets, cells: list[str], columns: int) -> list[str]:
    rows = []
    empty = f'<TD WIDTH="{_outer(sheets, 1):.0f}"></TD>'
    for i in range(0, len(cells), columns):
        row = cells[i : i + columns]
        row += [empty] * (columns - len(row))
        rows.append("<TR>" + "".join(row) + "</TR>")
    return rows


def _section(sheets: Sheets, title: str, colour: str, columns: int) -> str:
    size = sheets.geometry.note_size
    return (
        f'<TR><TD COLSPAN="{columns}" ALIGN="LEFT"><FONT POINT-SIZE="{size:g}" '
        f'COLOR="{colour}"><B>{html_text(title)}</B></FONT></TD></TR>'
    )


def overview_table(sheets: Sheets, part: Part, most: int = 4, where: Where | None = None) -> str:
    """The overview part's grid (an HTML-like label); line texts at most ``most``
    lines; ``where`` names the place showing a line (default: its slide or page).
    No more columns than the longest row of boxes needs."""
    counts = [
        sum(1 for ln in part.lines if (ln.root, ln.head.relation) == key)
        for key in {(ln.root, ln.head.relation) for ln in part.lines}
    ]
    columns = min(sheets.geometry.columns, max(counts, default=1))
    sheets = replace(sheets, geometry=replace(sheets.geometry, columns=columns))
    width = cell_width(sheets, columns)
    theme = sheets.opts.theme
    rows: list[str] = []
    roots = [cid for cid in part.amap.claims if cid not in _heads(part)]
    others = _others(sheets, part, roots)
    for root in (r for r in roots if r not in others):
        rows.append(f"<TR>{_root_box(sheets, sheets.amap.claims[root], columns)}</TR>")
        about = sheets.root_name(root)
        for relation, title, colour in (
            ("supports", f"Reasons for {about}", theme.edges["support"].color),
            ("attacks", f"Objections to {about}", theme.edges["attack"].color),
        ):
            lines = [ln for ln in part.lines if ln.root == root and ln.head.relation == relation]
            if lines:
                rows.append(_section(sheets, title, colour, columns))
                boxes = [_line_box(sheets, ln, width, most, where) for ln in lines]
                rows += _rows(sheets, boxes, columns)
    if others:
        rows.append(_section(sheets, "Other claims", theme.title_color, columns))
        boxes = [_other_box(sheets, sheets.amap.claims[cid], width, most) for cid in others]
        rows += _rows(sheets, boxes, columns)
    return (
        f'<<TABLE BORDER="0" CELLSPACING="{SPACING:g}" CELLPADDING="0">'
        + "".join(rows)
        + "</TABLE>>"
    )


def _others(sheets: Sheets, part: Part, roots: list[str]) -> list[str]:
    """The roots that are no thesis and have no line of argument (claims connected to
    nothing), when another root has lines: drawn under "Other claims", never under
    a thesis's "Objections"."""
    argued = {line.root for line in part.lines}
    lone = [r for r in roots if r not in argued and sheets.amap.claims[r].kind != "thesis"]
    return lone if argued else []


def _other_box(sheets: Sheets, claim: Claim, width: float, most: int) -> str:
    caption = f"{sheets.opts.theme.kinds[claim.kind].label} {claim.id}"
    text = wrap_lines(claim.text, sheets.opts.theme.font_size, width, most)
    return box(sheets, caption, text, "", claim.kind, 1)


def _heads(part: Part) -> set[str]:
    return {c for line in part.lines for c in line.head.claims}


def overview_drawing(
    sheets: Sheets,
    part: Part,
    title: str,
    note: str,
    *,
    legend: bool = False,
    most: int = 4,
    where: Where | None = None,
) -> Drawn:
    """The overview part as a drawing, headed ``title`` over ``note``, with the
    legend under the grid when ``legend`` (``most`` and ``where``: see
    :func:`overview_table`)."""
    heading = heading_label(sheets, title, note, most=2)
    statements = [f"graph [label={heading}, labelloc=t, labeljust=l]"]
    if legend:
        statements += [
            f'legend [id="legend", fontsize="{sheets.geometry.note_size:g}", '
            f"label=<{legend_table(sheets)}>]",
            'table -> legend [style="invis"]',
        ]
    label = overview_table(sheets, part, most, where)
    return Drawn(graph(sheets, label, statements), desc=overview_text(part))


def legend_drawing(sheets: Sheets) -> Drawn:
    """The legend of the whole map as a drawing of its own (a table)."""
    size = sheets.geometry.note_size
    label = f"<{legend_table(sheets)}>"
    return Drawn(graph(sheets, label, [f'table [fontsize="{size:g}"]']), desc="Legend")


def legend_table(sheets: Sheets) -> str:
    """The legend of the whole map's kinds and relations (an HTML-like table, no brackets)."""
    amap, opts = sheets.amap, sheets.opts
    relations = ["support"] + (["attack"] if amap.attacks else [])
    relations += ["undercut"] if amap.undercuts else []
    present = [k for k in KINDS if any(c.kind == k for c in amap.claims.values())]
    label = key_label(opts.theme, present, relations, opts.fill_legend, opts.show_findings)
    return label[1:-1]  # the table without the label's own angle brackets


def overview_text(part: Part) -> str:
    """A text outline of the overview, for screen readers."""
    lines = [f"Overview: {len(part.lines)} lines of argument."]
    for line in part.lines:
        what = "reason" if line.head.relation == "supports" else "objection"
        lines.append(f"{what.capitalize()} {line.number}: {and_list(line.head.claims)}.")
    return "\n".join(lines)
