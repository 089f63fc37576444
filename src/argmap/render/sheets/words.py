"""Text for sheets measured in points: lines wrapped or cut to a width (pure).

Widths come from :func:`argmap.render.fonts.text_width` (DejaVu Sans, the
font Graphviz draws the diagrams with), so a line measured to fit a box fits
it in the PDF and the SVG.
"""

from __future__ import annotations

from argmap.render.fonts import text_width

ELLIPSIS = "…"


def wrap_to(text: str, size: float, width: float, *, bold: bool = False) -> list[str]:
    """``text`` (white space collapsed) in lines no wider than ``width`` at ``size``.

    Words wider than ``width`` are broken between characters. At least one
    line (``[""]`` for empty text).

    Raises:
        RenderError: the font is not installed.
    """
    lines: list[str] = []
    line = ""
    for word in text.split():
        candidate = f"{line} {word}" if line else word
        if text_width(candidate, size, bold=bold) <= width:
            line = candidate
            continue
        if line:
            lines.append(line)
        line = ""
        while text_width(word, size, bold=bold) > width and len(word) > 1:
            cut = _fitting(word, size, width, bold)
            lines.append(word[:cut])
            word = word[cut:]
        line = word
    lines.append(line)
    return lines


def _fitting(word: str, size: float, width: float, bold: bool) -> int:
    """How many leading characters of ``word`` fit ``width`` (at least one)."""
    cut = 1
    while cut < len(word) and text_width(word[: cut + 1], size, bold=bold) <= width:
        cut += 1
    return cut


def cut_to(text: str, size: float, width: float, *, bold: bool = False) -> str:
    """``text`` on one line no wider than ``width``, ending in ``…`` when cut
    (at a word when one fits, else between characters)."""
    text = " ".join(text.split())
    if text_width(text, size, bold=bold) <= width:
        return text
    words = text.split(" ")
    kept = ""
    for word in words:
        candidate = f"{kept} {word}" if kept else word
        if text_width(candidate + ELLIPSIS, size, bold=bold) > width:
            break
        kept = candidate
    if not kept:
        kept = words[0][: max(1, _fitting(words[0], size, width, bold) - 1)]
    return kept.rstrip(",;:.") + ELLIPSIS


def wrap_lines(
    text: str, size: float, width: float, most: int, *, bold: bool = False
) -> list[str]:
    """:func:`wrap_to`, at most ``most`` lines, the last one cut with ``…`` when
    text is left over."""
    lines = wrap_to(text, size, width, bold=bold)
    if len(lines) <= most:
        return lines
    rest = " ".join(lines[most - 1 :])
    return lines[: most - 1] + [cut_to(rest, size, width, bold=bold)]
