"""The text of a printed worksheet as Graphviz tables (DOT text; pure).

Each block (the heading with the name and date lines, a list, the key, a
footer, a page of cards) is one plaintext node whose HTML-like label is a
table; Graphviz draws it, :mod:`.printed` places it on the page at scale 1.
Lines are wrapped here to widths in points (:func:`argmap.render.sheets.words.wrap_to`,
DejaVu Sans metrics) and every text is escaped (:func:`argmap.render.labels.html_text`).

Type sizes in points, none under 11: body text :data:`TEXT`, small notes
:data:`SMALL`, headings :data:`HEAD`, the map's title :data:`TITLE`, cards :data:`CARD`.
"""

from __future__ import annotations

from collections.abc import Sequence

from argmap.render.fonts import line_height, text_width
from argmap.render.labels import html_text
from argmap.render.sheets.layout import closing
from argmap.render.sheets.words import cut_to, wrap_to
from argmap.render.style import FONT

TEXT = 12.0
SMALL = 11.0
HEAD = 14.0
TITLE = 16.0
CARD = 13.0
#: Grey of small notes (7:1 on white).
GREY = "#444444"
#: Points of padding inside a card.
CARD_PAD = 10.0
#: Graphviz draws text a few per cent wider than the font's advance widths say.
FONT_SLACK = 0.95

BR = '<BR ALIGN="LEFT"/>'


def table_graph(label: str) -> str:
    """A DOT graph of one plaintext node labelled ``label`` (``<TABLE …>``), text in
    DejaVu Sans at :data:`TEXT` unless a ``FONT`` says else, ``margin=0``."""
    head = (
        f'digraph sheet {{\nbgcolor="#ffffff"\nfontname="{FONT}"\n'
        f'node [shape="plain", fontname="{FONT}", fontsize="{TEXT:g}", fontcolor="#000000"]\n'
    )
    return closing(head + f'table [id="table", margin="0", label=<{label}>]\n}}\n', [])


def lines_html(text: str, size: float, width: float, *, bold: bool = False) -> str:
    """``text`` wrapped to ``width`` points at ``size``, escaped, lines left-aligned."""
    lines = wrap_to(text, size, width * FONT_SLACK, bold=bold)
    body = BR.join(html_text(line) for line in lines) + BR
    return f"<B>{body}</B>" if bold else body


def font(size: float, inner: str, colour: str = "#000000") -> str:
    """``inner`` (label text) at ``size`` points in ``colour``."""
    return f'<FONT POINT-SIZE="{size:g}" COLOR="{colour}">{inner}</FONT>'


def _table(rows: Sequence[str], spacing: int = 4) -> str:
    return (
        f'<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="{spacing}" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>"
    )


def header_graph(title: str, instructions: str, guide: str, width: float) -> str:
    """The top of a worksheet's first page: name and date lines, the map's title,
    the instructions and, when not empty, how to read the diagram's lines."""
    blank = "_" * 26
    rows = [
        f'<TR><TD ALIGN="LEFT">{font(TEXT, f"Name: {blank}     Date: {blank[:14]}")}</TD></TR>',
        f'<TR><TD ALIGN="LEFT">{font(TITLE, lines_html(title, TITLE, width, bold=True))}'
        "</TD></TR>",
        f'<TR><TD ALIGN="LEFT">{font(TEXT, lines_html(instructions, TEXT, width))}</TD></TR>',
    ]
    if guide:
        rows.append(
            f'<TR><TD ALIGN="LEFT">{font(SMALL, lines_html(guide, SMALL, width), GREY)}</TD></TR>'
        )
    return table_graph(_table(rows))


def list_graph(heading: str, rows: Sequence[tuple[str, str]], width: float, first: float) -> str:
    """A heading over two columns: a label (``"A."``, ``"Box 3"``) ``first`` points
    wide in bold, and its text wrapped to the rest of ``width``; the table about as
    wide as ``width`` (so it stands at the left margin, under the heading)."""
    cells = (
        [
            f'<TR><TD COLSPAN="2" ALIGN="LEFT">'
            f"{font(HEAD, lines_html(heading, HEAD, width, bold=True))}"
            "</TD></TR>"
        ]
        if heading
        else []
    )
    room = width - first - 12
    for label, text in rows:
        cells.append(
            f'<TR><TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT" WIDTH="{first:.0f}">'
            f"{font(TEXT, lines_html(label, TEXT, first, bold=True))}</TD>"
            f'<TD ALIGN="LEFT" VALIGN="TOP" BALIGN="LEFT" WIDTH="{room - 16:.0f}">'
            f"{font(TEXT, lines_html(text, TEXT, room))}"
            "</TD></TR>"
        )
    return table_graph(_table(cells, 3))


def footer_graph(left: str, right: str, width: float) -> str:
    """A footer as wide as the body: ``left`` (cut with "…" to fit) and ``right``, small
    and grey."""
    room = width * 0.7
    shown = cut_to(left, SMALL, room * FONT_SLACK)
    cells = (
        f'<TD ALIGN="LEFT" WIDTH="{room:.0f}">{font(SMALL, html_text(shown), GREY)}</TD>'
        f'<TD ALIGN="RIGHT" WIDTH="{width - room:.0f}">{font(SMALL, html_text(right), GREY)}</TD>'
    )
    return table_graph(
        f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0"><TR>{cells}</TR></TABLE>'
    )


def card_height(text: str, width: float) -> float:
    """The height in points of a card ``width`` wide holding ``text`` at :data:`CARD`
    (its number line, its wrapped text and padding)."""
    lines = len(wrap_to(text, CARD, (width - 2 * CARD_PAD) * FONT_SLACK))
    return line_height(SMALL) * 1.3 + lines * line_height(CARD) * 1.05 + 2 * CARD_PAD + 6


def cards_graph(rows: Sequence[Sequence[tuple[str, str]]], width: float, columns: int) -> str:
    """Cards in a grid, ``columns`` a row, each ``width`` / ``columns`` wide, every
    cut line dashed and drawn once (a cell draws its top and left side, its right
    at the row's end, its bottom over no card); an empty cell no frame; a row as
    tall as its tallest card; a card its number (``"card 7"``, small, top right)
    over its text."""
    card_w = width / columns
    out = []
    for r, row in enumerate(rows):
        tall = max(card_height(text, card_w) for _, text in row)
        cells = []
        below = len(rows[r + 1]) if r + 1 < len(rows) else 0
        for c, (number, text) in enumerate(row):
            inner = (
                f'<TABLE BORDER="0" CELLSPACING="0" CELLPADDING="0">'
                f'<TR><TD ALIGN="RIGHT">{font(SMALL, html_text(f"card {number}"), GREY)}</TD></TR>'
                f'<TR><TD ALIGN="LEFT" BALIGN="LEFT">'
                f"{font(CARD, lines_html(text, CARD, card_w - 2 * CARD_PAD))}</TD></TR></TABLE>"
            )
            # each cut line drawn once: top and left, right at a row's end, bottom over
            # no card (two dashed lines over each other print as one solid line)
            sides = "TL" + ("R" if c == len(row) - 1 else "") + ("B" if c >= below else "")
            cells.append(
                f'<TD STYLE="dashed" BORDER="1" SIDES="{sides}" WIDTH="{card_w:.0f}" '
                f'HEIGHT="{tall:.0f}" FIXEDSIZE="TRUE" VALIGN="TOP" ALIGN="LEFT" '
                f'CELLPADDING="{CARD_PAD:g}">{inner}</TD>'
            )
        cells += [f'<TD BORDER="0" WIDTH="{card_w:.0f}"></TD>'] * (columns - len(row))
        out.append("<TR>" + "".join(cells) + "</TR>")
    return table_graph(
        '<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="0">'
        + "".join(out)
        + "</TABLE>"
    )


def answers_graph(heading: str, labels: Sequence[str], width: float, columns: int = 3) -> str:
    """A heading over ``labels`` (``"Box 3"``) in at most ``columns`` columns (fewer when
    the widest label and its line do not fit a third of ``width`` points: ``Box 100``
    and on), each followed by a "kind: ____" line to write on."""
    line = text_width("  kind: " + "_" * 12, TEXT)
    widest = max((text_width(label, TEXT, bold=True) + line for label in labels), default=line)
    columns = max(1, min(columns, int(width // (widest / FONT_SLACK + 16))))
    cell_w = (width - 12) / columns - 6  # less each cell's padding, the spacing, the edges
    cells = [
        f'<TR><TD COLSPAN="{columns}" ALIGN="LEFT">'
        f"{font(HEAD, lines_html(heading, HEAD, width, bold=True))}</TD></TR>"
    ]
    for k in range(0, len(labels), columns):
        row = [
            f'<TD ALIGN="LEFT" WIDTH="{cell_w:.0f}" HEIGHT="28">'
            f"{font(TEXT, f'<B>{html_text(label)}</B>  kind: ' + '_' * 12)}</TD>"
            for label in labels[k : k + columns]
        ]
        row += [f'<TD WIDTH="{cell_w:.0f}"></TD>'] * (columns - len(row))
        cells.append("<TR>" + "".join(row) + "</TR>")
    return table_graph(_table(cells, 4))
