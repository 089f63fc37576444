"""PDF pages of a chosen size, assembled from Graphviz's one-page PDFs (pypdf).

Graphviz writes one page the size of the drawing; slides and printed pages need
many pages of one paper size, each drawing placed at a chosen scale. pypdf
(a well-kept pure-Python PDF library) places them; its output carries no date
or random id, so the same pages give the same bytes. Graphviz's own PDFs carry
cairo's creation time, which :func:`pin_dates` fixes.
"""

from __future__ import annotations

import io
import logging
import re
from collections.abc import Sequence
from dataclasses import dataclass

from argmap.errors import RenderError

#: 1 inch = 72 pt; ISO 216 A4 is 210 × 297 mm.
MM = 72 / 25.4

#: Paper sizes, portrait (width, height) in points.
PAPERS: dict[str, tuple[float, float]] = {
    "a4": (210 * MM, 297 * MM),
    "letter": (8.5 * 72, 11 * 72),
}

_DATE = re.compile(rb"/CreationDate \(D:\d{14}")


@dataclass(frozen=True)
class Placed:
    """One output page: a one-page PDF drawn on a page of ``size``.

    Attributes:
        pdf: a one-page PDF (Graphviz's ``-Tpdf``), its page in points.
        size: (width, height) of the output page in points.
        scale: factor the drawing is scaled by (1 keeps its points).
        offset: (x, y) of the drawing's lower-left corner on the page, in points
            from the page's lower-left corner.
        layers: more drawings on the same page, drawn over it in order, each
            with its own scale and offset (their ``size`` is not used).
    """

    pdf: bytes
    size: tuple[float, float]
    scale: float = 1.0
    offset: tuple[float, float] = (0.0, 0.0)
    layers: tuple[Placed, ...] = ()


def pin_dates(pdf: bytes) -> bytes:
    """The PDF with its creation time set to 1970-01-01 00:00:00 (same length, so
    the cross-reference offsets still hold): the same drawing gives the same bytes."""
    return _DATE.sub(b"/CreationDate (D:19700101000000", pdf)


def assemble(pages: Sequence[Placed], title: str = "") -> bytes:
    """One PDF with a page per :class:`Placed`, in order.

    Raises:
        RenderError: a page is not a readable one-page PDF.
    """
    # cairo writes a colour emoji's glyphs under one name more than once, which pypdf
    # reads fine but logs ("Multiple definitions in dictionary …") on standard error
    log = logging.getLogger("pypdf")
    level = log.level
    log.setLevel(logging.ERROR)
    try:
        return _assemble(pages, title)
    finally:
        log.setLevel(level)


def _assemble(pages: Sequence[Placed], title: str) -> bytes:
    from pypdf import PageObject, PdfReader, PdfWriter, Transformation
    from pypdf.errors import PyPdfError

    writer = PdfWriter()
    for number, placed in enumerate(pages, 1):
        width, height = placed.size
        page = PageObject.create_blank_page(width=width, height=height)
        for drawing in (placed, *placed.layers):
            try:
                source = PdfReader(io.BytesIO(drawing.pdf)).pages[0]
            except (PyPdfError, IndexError, ValueError) as err:
                message = f"page {number}: Graphviz's PDF could not be read ({err})"
                raise RenderError(message) from None
            move = Transformation().scale(drawing.scale).translate(*drawing.offset)
            page.merge_transformed_page(source, move)
        writer.add_page(page)
    writer.add_metadata({"/Producer": "argmap", **({"/Title": title} if title else {})})
    out = io.BytesIO()
    writer.write(out)
    return out.getvalue()
