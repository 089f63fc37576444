"""Text measured with a real font's metrics (fontTools), for layouts argmap computes.

Graphviz measures node labels itself; layouts that argmap places (the column
layout, slides, pages) need the width of a line of text before Graphviz sees
it. Widths come from the advance widths (``hmtx``) of DejaVu Sans, the first
and widest font of the diagram's font stack (:data:`argmap.render.style.FONT`):
a browser that draws with a narrower fallback only leaves more room.
A character the font lacks (CJK, emoji) counts as one em, as wide as any glyph.
"""

from __future__ import annotations

from functools import cache
from pathlib import Path

from argmap.errors import RenderError

#: Where Debian's fonts-dejavu-core puts the font (installed by ``make``).
FONT_FILES = (
    Path("/usr/share/fonts/truetype/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/dejavu/DejaVuSans.ttf"),
    Path("/usr/share/fonts/TTF/DejaVuSans.ttf"),
    Path("/Library/Fonts/DejaVuSans.ttf"),
)
BOLD_FILES = tuple(p.with_name("DejaVuSans-Bold.ttf") for p in FONT_FILES)


@cache
def _metrics(bold: bool) -> tuple[dict[int, float], float, float]:
    """Advance width per code point (in em), ascent and descent (in em) of the font.

    Raises:
        RenderError: DejaVu Sans is not installed.
    """
    from fontTools.ttLib import TTFont

    for path in BOLD_FILES if bold else FONT_FILES:
        if path.is_file():
            with TTFont(str(path), lazy=True) as font:  # the file is closed when read
                upm = float(font["head"].unitsPerEm)
                hmtx = font["hmtx"]
                widths = {cp: hmtx[name][0] / upm for cp, name in font.getBestCmap().items()}
                hhea = font["hhea"]
                return widths, hhea.ascent / upm, -hhea.descent / upm
    raise RenderError(
        "the DejaVu Sans font is needed to measure text: install it "
        "('apt-get install fonts-dejavu-core'), or run 'make demo', which installs it"
    )


def text_width(text: str, size: float, *, bold: bool = False) -> float:
    """Width of one line of ``text`` drawn at ``size`` (px or pt: the unit of ``size``).

    No kerning (browsers and Graphviz's PDF output may kern, which only narrows).

    Raises:
        RenderError: the font is not installed.
    """
    widths = _metrics(bold)[0]
    return size * sum(widths.get(ord(ch), 1.0) for ch in text)


def line_height(size: float) -> float:
    """Ascent plus descent of the font at ``size`` (the height of one line of text,
    and of a word's box in poppler's ``pdftotext -bbox``).

    Raises:
        RenderError: the font is not installed.
    """
    _, ascent, descent = _metrics(False)
    return size * (ascent + descent)
