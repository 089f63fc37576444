"""The title slide and the footer of every slide and page (one-table drawings)."""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import replace

from argmap.diagram import KIND_LABELS
from argmap.model import ArgumentMap
from argmap.render.fonts import line_height
from argmap.render.labels import html_text
from argmap.render.pager import Part
from argmap.render.pipeline import map_title
from argmap.render.sheets.context import Drawn, Sheets
from argmap.render.sheets.grid import box, graph, legend_table
from argmap.render.sheets.words import cut_to, wrap_lines, wrap_to


def source_words(amap: ArgumentMap) -> str:
    """The analysed text's publication, author and year, e.g. ``"Canada's National
    Observer · @Garossino · 2021"`` (``""`` when the map names none)."""
    src = amap.source
    if src is None:
        return ""
    bits = [f"“{src.title}”" if src.title else ""]
    bits += [str(v) for v in (src.publication, src.author, src.year) if v]
    return " · ".join(" ".join(b.split()) for b in bits if b)


def summary(parts: Sequence[Part]) -> str:
    """``"45 claims: 6 reasons and 5 objections"`` (from the overview's lines)."""
    lines = [ln for part in parts if part.kind == "overview" for ln in part.lines]
    reasons = sum(1 for ln in lines if ln.head.relation == "supports")
    objections = len(lines) - reasons
    return f"{_count(reasons, 'reason')} and {_count(objections, 'objection')}"


def _count(n: int, noun: str) -> str:
    return f"{n} {noun}{'s' if n != 1 else ''}"


def title_drawing(
    sheets: Sheets, parts: Sequence[Part], *, legend: bool = True, most: int = 0
) -> Drawn:
    """The title slide: the map's title, its source, each thesis (three at most;
    its text in at most ``most`` lines, 0: all), what the slides hold, and the
    legend under them when ``legend`` (and the options ask for one). Its small
    text is at the note size."""
    theme = replace(sheets.opts.theme, caption_size=sheets.geometry.note_size)
    sheets = replace(sheets, opts=replace(sheets.opts, theme=theme))
    width = sheets.geometry.body[0] * 0.9
    big, large = theme.font_size * 1.7, theme.font_size * 1.25
    title = wrap_to(map_title(sheets.amap), big, width, bold=True)
    rows = [
        f'<TR><TD ALIGN="LEFT"><FONT POINT-SIZE="{big:g}"><B>{_text(title)}</B></FONT></TD></TR>'
    ]
    small = f'<FONT POINT-SIZE="{theme.caption_size:g}" COLOR="{theme.caption_color}">'
    source = source_words(sheets.amap)
    if source:
        text = html_text(cut_to(source, theme.caption_size, width))
        rows.append(f'<TR><TD ALIGN="LEFT">{small}{text}</FONT></TD></TR>')
    for claim in [c for c in sheets.amap.claims.values() if c.kind == "thesis"][:3]:
        # all of it (most 0): at most one line more than the slide holds, which is
        # enough to find that it does not fit without laying out a huge text
        whole = int(sheets.geometry.body[1] / line_height(large)) + 1
        lines = wrap_lines(claim.text, large, width - 40, most or whole)
        caption = f"{KIND_LABELS[claim.kind]} {claim.id}"
        rows.append(f"<TR>{box(sheets, caption, lines, '', 'thesis', size=large)}</TR>")
    count = len(sheets.amap.claims)
    note = f"{count} claim{'s' if count != 1 else ''}: {summary(parts)}"
    rows.append(f'<TR><TD ALIGN="LEFT">{small}{html_text(note)}</FONT></TD></TR>')
    label = '<<TABLE BORDER="0" CELLSPACING="14" CELLPADDING="0">' + "".join(rows) + "</TABLE>>"
    extra = []
    if legend and sheets.opts.legend:
        extra = [
            f'legend [id="legend", fontsize="{theme.caption_size:g}", '
            f"label=<{legend_table(sheets)}>]",
            'table -> legend [style="invis"]',
        ]
    return Drawn(graph(sheets, label, extra), desc=f"{map_title(sheets.amap)}. {note}.")


def _text(lines: Sequence[str]) -> str:
    return '<BR ALIGN="LEFT"/>'.join(html_text(t) for t in lines) + '<BR ALIGN="LEFT"/>'


def footer_drawing(sheets: Sheets, left: str, right: str) -> Drawn:
    """A footer as wide as the body: ``left`` (cut to fit) and ``right`` in small type."""
    theme, width = sheets.opts.theme, sheets.geometry.body[0]
    size = sheets.geometry.note_size
    room = width * 0.7
    font = f'<FONT POINT-SIZE="{size:g}" COLOR="{theme.caption_color}">'
    shown = html_text(cut_to(left, size, room * 0.95))
    cells = (
        f'<TD ALIGN="LEFT" WIDTH="{room:.0f}">{font}{shown}</FONT></TD>'
        f'<TD ALIGN="RIGHT" WIDTH="{width - room:.0f}">{font}{html_text(right)}</FONT></TD>'
    )
    label = f'<<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{cells}</TR></TABLE>>'
    return Drawn(graph(sheets, label))
