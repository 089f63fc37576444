"""Drawings placed on a sheet: their scale and spot, as PDF layers and as one SVG.

A *spot* is where a drawing goes on the canvas (top-left corner, canvas
units, y downwards) and at what scale. The PDF places Graphviz's PDF there
(:class:`argmap.render.pdf.Placed`, y upwards, in points); the SVG of a slide
keeps Graphviz's drawing as it is and moves its ``viewBox`` instead, so the
whole 16:9 canvas shows, with a background and the slide number added.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from html import escape

from argmap.errors import RenderError
from argmap.render.pdf import Placed
from argmap.render.sheets.geometry import Geometry


@dataclass(frozen=True)
class Spot:
    """Where a drawing goes: ``(x, y)`` its top-left corner on the canvas (canvas
    units from the top-left), ``scale`` its size factor, ``size`` its natural
    (width, height) in points."""

    x: float
    y: float
    scale: float
    size: tuple[float, float]


def fit_scale(geometry: Geometry, size: tuple[float, float], room: float | None = None) -> float:
    """The scale a drawing of natural ``size`` is shown at: as large as the body
    (or ``room`` of its height) allows, at most :attr:`Geometry.max_scale`; below
    1 only when it cannot fit at 1 (a single unit too big for a sheet)."""
    width, height = geometry.body
    height = height if room is None else room
    return min(width / size[0], height / size[1], geometry.max_scale)


def top_spot(geometry: Geometry, size: tuple[float, float], y: float, scale: float) -> Spot:
    """A drawing centred across the body, its top at ``y`` (canvas units)."""
    _, right, _, left = geometry.margins
    width = geometry.size[0] - left - right
    return Spot(left + (width - size[0] * scale) / 2, y, scale, size)


def middle_spot(geometry: Geometry, size: tuple[float, float], scale: float) -> Spot:
    """A drawing centred in the body both ways."""
    top = geometry.margins[0]
    room = geometry.body[1]
    return top_spot(geometry, size, top + (room - size[1] * scale) / 2, scale)


def footer_spot(geometry: Geometry, size: tuple[float, float]) -> Spot:
    """A footer drawing at scale 1, centred, in the footer band under the body."""
    top, _, bottom, _ = geometry.margins
    y = geometry.size[1] - bottom - geometry.footer + (geometry.footer - size[1]) / 2
    return top_spot(geometry, size, y, 1.0)


def layer(geometry: Geometry, pdf: bytes, spot: Spot) -> Placed:
    """A drawing's one-page PDF placed on the output page at ``spot``."""
    per = geometry.canvas
    height = geometry.page[1]
    y = height - (spot.y + spot.size[1] * spot.scale) / per
    return Placed(pdf, geometry.page, spot.scale / per, (spot.x / per, y))


_ROOT = re.compile(rb"<svg\b[^>]*>")
_VIEWBOX = re.compile(rb'\sviewBox="[^"]*"')


def canvas_svg(
    raw: bytes, geometry: Geometry, spot: Spot, background: str, note: tuple[str, float] | None
) -> bytes:
    """Graphviz's raw SVG shown as the whole canvas: the ``viewBox`` moved so the
    drawing sits at ``spot``, a ``background`` rectangle under it, and ``note``
    (text, size) written at the canvas's bottom-right corner (class ``sheet-number``).

    Raises:
        RenderError: the SVG has no root element.
    """
    match = _ROOT.search(raw)
    if match is None:
        raise RenderError("Graphviz wrote an SVG without a root element")
    s = spot.scale
    width, height = geometry.size
    box = (-spot.x / s, -spot.y / s, width / s, height / s)
    view = " ".join(f"{v:.2f}" for v in box)
    tag = _VIEWBOX.sub(b"", match.group(0))
    tag = tag[:-1] + f' viewBox="{view}">'.encode()
    added = f'<rect x="{box[0]:.2f}" y="{box[1]:.2f}" width="{box[2]:.2f}" height="{box[3]:.2f}" '
    added += f'fill="{escape(background)}"/>\n'
    if note is not None:
        text, size = note
        top, right, bottom, _ = geometry.margins
        x = (width - right - spot.x) / s
        y = (height - bottom - geometry.footer / 2 + size / 3 - spot.y) / s
        added += (
            f'<text class="sheet-number" x="{x:.2f}" y="{y:.2f}" text-anchor="end" '
            f'font-family="DejaVu Sans,Verdana,Arial,Helvetica,sans-serif" '
            f'font-size="{size / s:.2f}" fill="#333333">{escape(text)}</text>\n'
        )
    return raw[: match.start()] + tag + b"\n" + added.encode() + raw[match.end() :]
