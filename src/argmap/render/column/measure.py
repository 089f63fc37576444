"""Sizes of the column layout and lines of text that fit a width in pixels (pure).

:class:`Metrics` holds every size the layout uses, derived from the column width
and the theme. :func:`wrap` breaks text into lines no wider than a width,
measured with DejaVu Sans (:func:`argmap.render.fonts.text_width`) and a margin
of safety (:data:`SLACK`, :data:`WIDE_EM`): see the package docstring for why.
"""

from __future__ import annotations

import re
import unicodedata
from dataclasses import dataclass
from functools import cache

from argmap.render.fonts import text_width
from argmap.render.style import Theme

#: Narrowest and widest column (CSS px) the layout is drawn for.
MIN_WIDTH, MAX_WIDTH = 280, 2000
#: The column width when none is given (a common article column).
DEFAULT_WIDTH = 700
#: Every measured width is multiplied by this: room for renderers that round
#: glyph advances up (hinting) at small sizes.
SLACK = 1.03
#: Width (em) counted for a wide character (CJK, emoji: Unicode East Asian Width
#: W or F): DejaVu Sans has no such glyphs; the fallback fonts draw CJK one em
#: wide and emoji up to about 1.25 em.
WIDE_EM = 1.3


@dataclass(frozen=True)
class Metrics:
    """Every size of one column layout, in CSS px (one SVG user unit = one px).

    Attributes:
        width: the column width.
        text: claim text size (at least 16).
        small: size of captions, ids, references, citations and the legend (at least 14).
        title: size of the map's title.
        margin: space between the column's edge and any box.
        step: how far a claim is indented under the claim it argues about.
        pad_x: space between a box's side and its text.
        pad_y: space between a box's top or bottom and its text.
        gap: vertical space between two boxes.
        group_pad: space between a linked reason's box and the boxes in it.
        min_box: the narrowest a claim box gets however deep it is nested.
        penwidth: border width of claim boxes.
        line_width: width of connectors.
        arrowsize: Graphviz arrowhead scale (a head is 10 × this long; smaller
            than the whole-map diagram's, as the column's connectors are short).
    """

    width: int
    text: float
    small: float
    title: float
    margin: int
    step: int
    pad_x: int
    pad_y: int
    gap: int
    group_pad: int
    min_box: int
    penwidth: float
    line_width: float
    arrowsize: float

    def line(self, size: float) -> int:
        """Height of a line of text of ``size`` (1.3 × size, whole px)."""
        return round(size * 1.3)


def metrics(theme: Theme, width: int) -> Metrics:
    """The sizes for a column ``width`` px wide drawn in ``theme``.

    Text is at least 16 px (claims) and 14 px (everything else) whatever the
    theme; a theme with larger type (classroom) keeps its proportions.
    Indentation is 4 % of the width, between 18 and 32 px.
    """
    narrow = width < 480
    return Metrics(
        width=width,
        text=max(16.0, round(theme.font_size * 0.8, 1)),
        small=max(14.0, theme.caption_size),
        title=max(20.0, round(theme.font_size, 1)),
        margin=6 if narrow else 8,
        step=min(32, max(18, round(width * 0.04))),
        pad_x=8 if narrow else 10,
        pad_y=5 if narrow else 6,
        gap=7 if narrow else 9,
        group_pad=5 if narrow else 7,
        min_box=min(width - 12, max(200, round(width * 0.5))),
        penwidth=min(theme.penwidth, 2.5),
        line_width=min(theme.edge_penwidth, 2.5),
        arrowsize=0.8,
    )


@cache
def _char_em(ch: str, bold: bool) -> float:
    """Width of one character in em: DejaVu Sans's advance, at least :data:`WIDE_EM`
    for a wide character (see the module docstring)."""
    em = text_width(ch, 1.0, bold=bold)
    if unicodedata.east_asian_width(ch) in ("W", "F"):
        em = max(em, WIDE_EM)
    return em


def measure(text: str, size: float, *, bold: bool = False) -> float:
    """Width of one line of ``text`` at ``size`` px, with :data:`SLACK` (px).

    Raises:
        RenderError: DejaVu Sans is not installed.
    """
    return size * SLACK * sum(_char_em(ch, bold) for ch in text)


def wrap(text: str, width: float, size: float, *, bold: bool = False) -> list[str]:
    """``text`` in lines each at most ``width`` px wide at ``size`` (:func:`measure`).

    Whitespace (newlines too) separates words and is collapsed; a word wider
    than a whole line (a URL, a run of CJK characters) is broken between
    characters, starting on the line it comes to, so no line is ever wider (a
    single character wider than ``width`` gets a line of its own); a break
    never splits a character from the marks or joiners that go with it.
    Linear in the text's length. Returns at least one line (``[""]`` for
    empty text).

    Raises:
        RenderError: DejaVu Sans is not installed.
    """
    limit = width / (size * SLACK)  # in em
    space = _char_em(" ", bold)
    lines: list[str] = []
    line, used = "", 0.0
    for word in text.split():
        em = sum(_char_em(ch, bold) for ch in word)
        gap = space if line else 0.0
        if used + gap + em <= limit:
            line, used = line + (" " if line else "") + word, used + gap + em
        elif em <= limit:
            lines.append(line)
            line, used = word, em
        else:
            if line:
                line, used = line + " ", used + gap
            for ch in _clusters(word):
                ch_em = sum(_char_em(c, bold) for c in ch)
                if used + ch_em > limit and line.strip():
                    lines.append(line.rstrip())
                    line, used = "", 0.0
                line, used = line + ch, used + ch_em
    lines.append(line)
    return [ln for ln in lines if ln] or [""]


#: Characters that stay with the one before them: combining marks are found by
#: category; these are the zero width joiner, variation selectors and emoji
#: skin-tone modifiers.
_JOINED = re.compile("[\u200d\ufe00-\ufe0f\U0001f3fb-\U0001f3ff\U000e0020-\U000e007f]")


def _clusters(word: str) -> list[str]:
    """``word`` cut where a line may break: before each character but a mark, a
    joiner, a variation selector or a modifier, and after none that ends in a
    joiner."""
    out: list[str] = []
    for ch in word:
        glued = _JOINED.match(ch) or unicodedata.category(ch) in ("Mn", "Me", "Mc")
        if out and (glued or out[-1].endswith("\u200d")):
            out[-1] += ch
        else:
            out.append(ch)
    return out


def fit(text: str, width: float, size: float, *, bold: bool = False) -> str:
    """``text`` on one line of at most ``width`` px: whole when it fits, else cut
    at a character and ended with ``…``.

    Raises:
        RenderError: DejaVu Sans is not installed.
    """
    text = " ".join(text.split())
    if measure(text, size, bold=bold) <= width:
        return text
    limit = width / (size * SLACK) - _char_em("…", bold)
    used, end = 0.0, 0
    for i, ch in enumerate(text):
        used += _char_em(ch, bold)
        if used > limit:
            break
        end = i + 1
    return text[:end].rstrip() + "…"
