"""Text for sheets measured in points: lines wrapped or cut to a width (pure).

Widths come from :func:`argmap.render.fonts.text_width` (DejaVu Sans, the
font Graphviz draws the diagrams with), so a line measured to fit a box fits
it in the PDF and the SVG.
"""

from __future__ import annotations

from argmap.render.fonts import text_width

ELLIPSIS = "…"


def wrap_to(
    text: str, size: float, width: float, *, bold: bool = False, limit: int = 0
) -> list[str]:
    """``text`` (white space collapsed) in lines no wider than ``width`` at ``size``.

    Words wider than ``width`` are broken between characters. At least one
    line (``[""]`` for empty text). ``limit`` > 0 stops after that many lines
    (the rest of the text is left out).

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
        at = 0
        cut = _fitting(word, size, width, bold)
        while at + cut < len(word) and not 0 < limit <= len(lines):
            lines.append(word[at : at + cut])
            at += cut
            cut = _fitting(word, size, width, bold, at)
        if 0 < limit <= len(lines):
            return lines
        line = word[at:]
    lines.append(line)
    return lines


def _fitting(word: str, size: float, width: float, bold: bool, at: int = 0) -> int:
    """How many characters of ``word`` from ``at`` on fit ``width`` (at least one;
    all of them when the rest fits whole).

    Gallops (1, 2, 4 … characters) and bisects, measuring pieces only a little
    longer than what fits: a word of a million characters is cut into lines in
    time linear in its length, not quadratic.
    """
    rest = len(word) - at

    def fits(cut: int) -> bool:
        return text_width(word[at : at + cut], size, bold=bold) <= width

    good, bad = 1, 2
    while bad <= rest and fits(bad):
        good, bad = bad, bad * 2
    bad = min(bad, rest + 1)
    while bad - good > 1:
        mid = (good + bad) // 2
        good, bad = (mid, bad) if fits(mid) else (good, mid)
    return good


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
    limit = most + 1
    lines = wrap_to(text, size, width, bold=bold, limit=limit)
    # wrap only as much as decides the cut: until what is left over is wider than a line
    while (
        len(lines) == limit and text_width(" ".join(lines[most - 1 :]), size, bold=bold) <= width
    ):
        limit *= 2
        lines = wrap_to(text, size, width, bold=bold, limit=limit)
    if len(lines) <= most:
        return lines
    rest = " ".join(lines[most - 1 :])
    return lines[: most - 1] + [cut_to(rest, size, width, bold=bold)]
