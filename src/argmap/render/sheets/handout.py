"""A handout: the overview and the whole argument as a numbered outline.

Page 1 holds the overview (each line of argument's box with the start of its
text and the outline number where it is written out) and as much of the
outline as fits under it; the rest of the outline follows on further pages,
page 1 ending with "The outline continues on page 2." The outline is
:func:`argmap.render.outline.outline`, numbered by :mod:`.numbering` (the
thesis's reasons and objections 1, 2, 3 …, a linked reason's premises 4a, 4b,
an undercut under the step it attacks, 1.2), each line one sentence of
:func:`~argmap.render.outline.item_sentence` (id, kind, relation, text) and
what the findings say about the claim in plain words ("— no reason given").
The map's title 16 pt, the outline's heading 13 pt, claim text 10.5 pt,
numbers and captions 10 pt.
An overview too big for one page (dozens of lines of argument) goes on to the
next pages, "Overview (continued)", at the same sizes; the outline then starts
under its last part.
"""

from __future__ import annotations

from dataclasses import replace
from functools import partial
from string import ascii_lowercase

from argmap.findings import Finding, plain_words
from argmap.model import ArgumentMap
from argmap.render.dot import RenderOptions
from argmap.render.fonts import line_height, text_width
from argmap.render.labels import finding_codes, html_text
from argmap.render.outline import OutlineItem, item_sentence
from argmap.render.pager import Line, Part, longest, paginate
from argmap.render.pipeline import map_title
from argmap.render.sheets.compose import Spot, top_spot
from argmap.render.sheets.context import Drawn, Sheets
from argmap.render.sheets.cover import source_words
from argmap.render.sheets.geometry import Geometry
from argmap.render.sheets.grid import graph, overview_drawing
from argmap.render.sheets.layout import Painter
from argmap.render.sheets.numbering import numbered
from argmap.render.sheets.paper import GAP, Packed
from argmap.render.sheets.slides import start
from argmap.render.sheets.words import wrap_to

#: The outline's heading ("Outline"), in points: between the claim text and the map's title.
HEAD_SIZE = 13.0
#: Points between an outline number and its sentence.
NUMBER_GAP = 14.0
#: The largest share of the page's width the outline's number column takes.
NUMBER_SHARE = 0.2


def found_words(sheets: Sheets, item: OutlineItem) -> str:
    """What the findings say about an item's claim in plain words, after a dash
    (``" — no reason given; unanswered"``), each once; ``""`` when none is
    marked on it, findings are not shown or the item repeats a claim."""
    if item.repeat or not sheets.opts.show_findings:
        return ""
    codes = finding_codes(sheets.findings).get(item.claim, [])
    words = list(dict.fromkeys(plain_words(code) for code in codes))
    return f" — {'; '.join(words)}" if words else ""


def bold_head(lines: list[str], head: str) -> list[str]:
    """``lines`` as label text (escaped), the leading ``head`` (a claim id, white
    space collapsed as :func:`wrap_to` does) in bold over as many lines as it
    spans; never an empty ``<B></B>``, which Graphviz refuses."""
    left = " ".join(head.split())
    out = []
    for line in lines:
        if left and line.startswith(left):
            out.append(f"<B>{html_text(left)}</B>{html_text(line[len(left) :])}")
            left = ""
        elif left and line and left.startswith(line):
            out.append(f"<B>{html_text(line)}</B>")
            left = left[len(line) :].lstrip()
        else:
            out.append(html_text(line))
            left = ""
    return out


def number_lines(number: str, size: float, width: float) -> list[str]:
    """An outline number in lines no wider than ``width`` at ``size``, broken after
    its dots (``"1.2.1.3"`` → ``["1.2.", "1.3"]`` when narrow)."""
    lines = [""]
    for piece in number.replace(".", ".\n").split("\n"):
        if lines[-1] and text_width(lines[-1] + piece, size) > width:
            lines.append("")
        lines[-1] += piece
    return lines


def _row(sheets: Sheets, number: str, item: OutlineItem, widths: tuple[float, float]) -> str:
    theme = sheets.opts.theme
    sentence = item_sentence(sheets.amap, item) + found_words(sheets, item)
    size, room = theme.font_size, widths[1]
    # the id is drawn in bold: the lines holding it are that much wider (at most a quarter)
    room -= min(text_width(item.claim, size, bold=True) - text_width(item.claim, size), room / 4)
    lines = bold_head(wrap_to(sentence, size, room), item.claim)
    text = '<BR ALIGN="LEFT"/>'.join(lines)
    shown = number
    if shown:
        font = f'<FONT POINT-SIZE="{theme.caption_size:g}" COLOR="{theme.caption_color}">'
        parts = number_lines(shown, theme.caption_size, widths[0] - NUMBER_GAP)
        shown = font + '<BR ALIGN="LEFT"/>'.join(html_text(p) for p in parts) + "</FONT>"
    return (
        f'<TR><TD ALIGN="LEFT" BALIGN="LEFT" VALIGN="TOP" WIDTH="{widths[0]:.0f}">{shown}</TD>'
        f'<TD ALIGN="LEFT" VALIGN="TOP">{text}<BR ALIGN="LEFT"/></TD></TR>'
    )


def number_width(sheets: Sheets, rows: list[tuple[str, OutlineItem]]) -> float:
    """The width of the outline's number column: the widest number and a space, at
    most :data:`NUMBER_SHARE` of the body's width (a longer number, deep in a long
    chain of reasons, is broken after its dots)."""
    numbers = [number for number, _ in rows if number] or ["1"]
    widest = max(text_width(n, sheets.opts.theme.caption_size) for n in numbers) + NUMBER_GAP
    return min(widest, sheets.geometry.body[0] * NUMBER_SHARE)


def outline_drawing(
    sheets: Sheets, rows: list[tuple[str, OutlineItem]], title: str, more: str, first: float
) -> Drawn:
    """Outline ``rows`` as a table headed ``title``, numbers in a column ``first``
    wide; ``more`` (e.g. "The outline continues on page 2.") under them when not empty."""
    theme, width = sheets.opts.theme, sheets.geometry.body[0]
    widths = (first, (width - first - 24) * 0.95)
    body = [_row(sheets, number, item, widths) for number, item in rows]
    small = f'<FONT POINT-SIZE="{theme.caption_size:g}" COLOR="{theme.caption_color}">'
    head = (
        f'<TR><TD COLSPAN="2" ALIGN="LEFT"><FONT POINT-SIZE="{HEAD_SIZE:g}">'
        f"<B>{html_text(title)}</B></FONT></TD></TR>"
    )
    if more:
        body.append(
            f'<TR><TD COLSPAN="2" ALIGN="LEFT">{small}<I>{html_text(more)}</I></FONT></TD></TR>'
        )
    label = (
        '<<TABLE BORDER="0" CELLSPACING="2" CELLPADDING="1">' + head + "".join(body) + "</TABLE>>"
    )
    return Drawn(graph(sheets, label), desc=title)


def handout_geometry(geometry: Geometry) -> Geometry:
    """The paper geometry with the handout's sizes: claim text 10.5 pt, the map's
    title 16 pt, three boxes a row in the overview (four in landscape)."""
    return replace(geometry, font_size=10.5, title_size=16.0, columns=geometry.columns + 1)


def handout_pages(
    amap: ArgumentMap,
    findings: tuple[Finding, ...],
    opts: RenderOptions,
    geometry: Geometry,
    painter: Painter,
) -> tuple[Sheets, Packed]:
    """The handout's pages (see the module docstring): the overview (on as many
    pages as it needs, each at scale 1), the outline under its last page.

    Raises:
        GraphvizNotFound, RenderError, LayoutTimeout: from Graphviz.
    """
    sheets = start(amap, findings, opts, handout_geometry(geometry), painter)
    rows = numbered(amap)
    parts = paginate(amap, partial(_overview_fits, sheets, rows), lone=False)
    overviews = [_overview(sheets, part, rows) for part in parts if part.kind == "overview"]
    height = painter.size(overviews[-1].dot)[1] + GAP
    chunks = _outline_chunks(sheets, rows, height)
    top = sheets.geometry.margins[0]
    pages: list[tuple[tuple[Drawn, Spot], ...]] = [
        ((drawn, _spot(sheets, drawn, top)),) for drawn in overviews[:-1]
    ]
    for k, (begin, end) in enumerate(chunks):
        drawn = _chunk(sheets, rows, (begin, end), len(overviews) + k, len(chunks) - k - 1)
        page = [(overviews[-1], _spot(sheets, overviews[-1], top))] if k == 0 else []
        y = top + (height if k == 0 else 0)
        if end > begin:
            page.append((drawn, _spot(sheets, drawn, y)))
        pages.append(tuple(page))
    return sheets, Packed(tuple(pages))


def _outline_chunks(
    sheets: Sheets, rows: list[tuple[str, OutlineItem]], height: float
) -> list[tuple[int, int]]:
    """The rows of the outline on each page, ``(begin, end)``: the first page's
    under an overview ``height`` tall (none when not even one row fits there)."""
    room = sheets.geometry.body[1]
    chunks: list[tuple[int, int]] = []
    start_at = 0
    while start_at < len(rows) or not chunks:
        left = room - (height if not chunks else 0)
        # a row is at least one line tall: no more rows than lines can fit, so a long
        # outline is never laid out whole to find each page's end
        most = start_at + int(left // line_height(sheets.opts.theme.caption_size)) + 1
        end = longest(
            start_at,
            min(len(rows), most),
            partial(_fits, sheets, rows, start_at, left, bool(chunks)),
        )
        if (
            not chunks
            and end == start_at + 1
            and not _fits(sheets, rows, start_at, left, False, end)
        ):
            end = start_at  # not even one line fits under the overview: next page
        chunks.append((start_at, end))
        start_at = end
    return chunks


def _spot(sheets: Sheets, drawn: Drawn, y: float) -> Spot:
    """``drawn`` at the top ``y`` of its room on the page, at scale 1 unless it is
    wider than the body or taller than the room left under ``y`` (one outline row
    longer than a page): then smaller, never running off the page."""
    size = sheets.painter.size(drawn.dot)
    top, _, _, _ = sheets.geometry.margins
    room_w, room_h = sheets.geometry.body
    scale = min(1.0, room_w / size[0], (room_h - (y - top)) / size[1])
    return top_spot(sheets.geometry, size, y, scale)


def _overview(sheets: Sheets, part: Part, rows: list[tuple[str, OutlineItem]]) -> Drawn:
    """An overview part, each box saying where the outline writes its line out."""
    start_of: dict[tuple[str, str | None], str] = {}
    for number, item in rows:
        start_of.setdefault((item.claim, item.target), number)

    def where(line: Line) -> str:
        number = start_of.get((line.head.claims[0], line.root), "")
        number = number.rstrip(ascii_lowercase)  # a linked reason: "4", not "4a"
        return f"outline {number}" if number else ""

    if part.continued:
        return overview_drawing(sheets, part, "Overview (continued)", "", most=2, where=where)
    source = source_words(sheets.amap)
    note = "Each box is a line of argument, with where the outline writes it out."
    note = f"{source} · {note}" if source else note
    return overview_drawing(sheets, part, map_title(sheets.amap), note, most=2, where=where)


def _overview_fits(sheets: Sheets, rows: list[tuple[str, OutlineItem]], part: Part) -> bool:
    """Whether an overview part fits a page at scale 1 (lines are not drawn: they fit)."""
    if part.kind != "overview":
        return True
    width, height = sheets.painter.size(_overview(sheets, part, rows).dot)
    room_w, room_h = sheets.geometry.body
    return width <= room_w and height <= room_h


def _chunk(
    sheets: Sheets,
    rows: list[tuple[str, OutlineItem]],
    span: tuple[int, int],
    page: int,
    after: int,
) -> Drawn:
    """The outline's rows ``span`` on page ``page``, ``after`` more pages of it to follow."""
    more = f"The outline continues on page {page + 1}." if after else ""
    title = "Outline" if page == 1 or not span[0] else f"Outline (continued from page {page - 1})"
    return outline_drawing(
        sheets, rows[span[0] : span[1]], title, more, number_width(sheets, rows)
    )


def _fits(
    sheets: Sheets,
    rows: list[tuple[str, OutlineItem]],
    begin: int,
    room: float,
    later: bool,
    end: int,
) -> bool:
    more = "The outline continues on page 88." if end < len(rows) else ""
    title = "Outline (continued from page 88)" if later else "Outline"
    drawn = outline_drawing(sheets, rows[begin:end], title, more, number_width(sheets, rows))
    width, height = sheets.painter.size(drawn.dot)
    return width <= sheets.geometry.body[0] and height <= room
