"""Where slides and pages put things, and the type sizes that keep them readable.

Everything a sheet draws is laid out on a *canvas* in Graphviz points and
placed on the output page at a scale ≥ 1, so a size on the canvas is the
smallest size the reader sees:

* **Slides**: the canvas is 1920 × 1080 (one unit = one pixel of a 1920×1080
  projector); the PDF page is 960 × 540 pt (16:9), so the canvas is drawn at
  half scale. Claim text 28 px, notes (breadcrumb, references, slide number,
  legend) 24 px, the captions over a claim's text (kind, id, paragraphs) 21 px:
  every word at least 20 px, every word but captions at least 24 px.
* **Paper**: the canvas is the page in points (A4 or Letter, portrait or
  landscape, :data:`argmap.render.pdf.PAPERS`), margins of 15 mm. Claim text
  and notes 11 pt, captions 10 pt (over the 9 pt minimum of printed matter;
  the median word is 11 pt); headings 13 pt, larger than what they head.

Graphviz draws the text of an HTML-like label's ``FONT POINT-SIZE`` at a
whole number of points (9.5 comes out as 9), so every size given that way is
a whole number.

The theme of a sheet is the map's theme (colours, shapes, lines) with these
sizes (:func:`sheet_theme`).
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, replace

from argmap.render.pdf import MM, PAPERS
from argmap.render.style import Theme


@dataclass(frozen=True)
class Geometry:
    """The shape of one kind of sheet.

    Attributes:
        name: ``"slides"``, ``"a4"``, ``"letter"`` (``" landscape"`` added).
        noun: what a sheet is called in references (``"slide"``, ``"page"``).
        page: output page (width, height) in PDF points.
        canvas: canvas units per PDF point (slides 2: 1920 px on 960 pt).
        margins: (top, right, bottom, left) in canvas units.
        footer: canvas units at the bottom kept for the slide or page number.
        font_size: claim text on the canvas.
        caption_size: the smallest text on the canvas (kind and id over a claim).
        note_size: headings' breadcrumbs, references, footers, the grid's headings.
        wrap: claim text wrap width in characters.
        max_row: arguers of one claim per row (see :attr:`Theme.max_row`).
        max_scale: the largest scale a drawing is placed at (small parts grow
            up to this to fill a slide).
        columns: boxes per row in the overview's grid.
        ranksep: inches between the rows of a diagram (Graphviz's ``ranksep``).
        heading: the share of the body's width a line's heading may take (one
            as wide as the sheet would keep a small part from being shown
            larger, or from sharing a page's row with another).
        crumb_lines: lines a line's breadcrumb may wrap to in that width
            before the root's text is cut.
        title_size: the bold title of a heading (a part's, the overview's: the
            map's title); 0 for the claim text size.
        least: the smallest text size still readable on the sheet, in canvas
            units (slides 20 px at 1920×1080; paper 9 pt); a drawing shown so
            small that its captions fall under it is reported
            (:func:`small_sheets`).
    """

    name: str
    noun: str
    page: tuple[float, float]
    canvas: float
    margins: tuple[float, float, float, float]
    footer: float
    font_size: float
    caption_size: float
    note_size: float
    wrap: int
    max_row: int
    max_scale: float
    columns: int
    ranksep: float = 0.45
    heading: float = 0.55
    crumb_lines: int = 1
    title_size: float = 0.0
    least: float = 9.0

    @property
    def size(self) -> tuple[float, float]:
        """The canvas (width, height): the page in canvas units."""
        return self.page[0] * self.canvas, self.page[1] * self.canvas

    @property
    def body(self) -> tuple[float, float]:
        """The (width, height) a drawing may take at scale 1, in canvas units."""
        top, right, bottom, left = self.margins
        width, height = self.size
        return width - left - right, height - top - bottom - self.footer


#: Slides: a 1920×1080 canvas on a 16:9 PDF page of 960 × 540 pt.
SLIDES = Geometry(
    name="slides",
    noun="slide",
    page=(960.0, 540.0),
    canvas=2.0,
    margins=(36.0, 56.0, 20.0, 56.0),
    footer=36.0,
    font_size=28.0,
    caption_size=21.0,
    note_size=24.0,
    wrap=26,
    max_row=4,
    max_scale=1.6,
    columns=3,
    least=20.0,
)


def paper_geometry(name: str, landscape: bool = False) -> Geometry:
    """The geometry of a printed page: ``name`` a key of :data:`~argmap.render.pdf.PAPERS`.

    Raises:
        KeyError: an unknown paper name.
    """
    width, height = PAPERS[name]
    margin = 15 * MM
    return Geometry(
        name=name + (" landscape" if landscape else ""),
        noun="page",
        page=(height, width) if landscape else (width, height),
        canvas=1.0,
        margins=(margin, margin, margin, margin),
        footer=14.0,
        font_size=11.0,
        caption_size=10.0,
        note_size=11.0,
        wrap=26 if landscape else 22,
        max_row=4 if landscape else 2,
        max_scale=1.0,
        columns=3 if landscape else 2,
        ranksep=0.25,
        heading=0.36,
        crumb_lines=3,
        title_size=13.0,
    )


def small_sheets(geometry: Geometry, scales: Sequence[float]) -> list[str]:
    """A warning for each sheet whose drawing had to be shrunk below the readable
    size to fit (one claim or reason too big for a sheet), e.g. ``"slide 5 is
    drawn at 40 % …"``; ``scales[k]`` is the smallest scale on sheet ``k + 1``."""
    unit = "px at 1920×1080" if geometry.noun == "slide" else "pt"
    notes = []
    for number, scale in enumerate(scales, 1):
        smallest = geometry.caption_size * scale
        if smallest < geometry.least:
            notes.append(
                f"{geometry.noun} {number} holds a claim or reason too big for one "
                f"{geometry.noun} at a readable size: it is drawn at {scale:.0%}, its "
                f"smallest text {smallest:.1f} {unit} (under {geometry.least:g} {unit}); "
                "shorten the claim, or split a reason of many linked premises"
            )
    return notes


def sheet_theme(theme: Theme, geometry: Geometry) -> Theme:
    """``theme`` with the sheet's type sizes and wrap width; line widths and
    arrowheads scaled with the type (colours, shapes and styles kept)."""
    k = geometry.font_size / theme.font_size
    return replace(
        theme,
        font_size=geometry.font_size,
        caption_size=geometry.caption_size,
        wrap=geometry.wrap,
        max_row=geometry.max_row,
        penwidth=max(1.0, theme.penwidth * k),
        edge_penwidth=max(1.0, theme.edge_penwidth * k),
        arrowsize=max(0.6, theme.arrowsize * min(1.0, k * 1.2)),
    )
