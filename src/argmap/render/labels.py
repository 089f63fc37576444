"""Texts of a diagram: wrapped and escaped labels, captions, citations, tooltips (pure).

Everything a map's author wrote reaches Graphviz only through :func:`html_text`
(inside HTML-like labels) and reaches the SVG only through ElementTree in
:mod:`argmap.render.svg`, so no text can become markup.
"""

from __future__ import annotations

import re
import textwrap
import unicodedata
from html import escape
from urllib.parse import urlsplit

from argmap.model import Claim
from argmap.util.urls import link_target

#: Characters XML 1.0 forbids (C0 controls but tab and newlines, lone
#: surrogates, U+FFFE, U+FFFF): replaced by U+FFFD before text reaches DOT or SVG.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


def display_width(text: str) -> int:
    """Columns ``text`` takes: wide and full-width characters (CJK, most emoji) count 2,
    combining marks and zero-width characters 0 (Unicode UAX #11 East Asian Width)."""
    if text.isascii():  # no ASCII character is wide, combining or of category Cf
        return len(text)
    width = 0
    for ch in text:
        if unicodedata.combining(ch) or unicodedata.category(ch) in ("Mn", "Me", "Cf"):
            continue
        width += 2 if unicodedata.east_asian_width(ch) in ("W", "F") else 1
    return width


def _wrap_para(para: str, width: int) -> list[str]:
    chars = width
    while True:
        lines = textwrap.wrap(para, chars, break_long_words=True, break_on_hyphens=True)
        if chars <= 1 or all(display_width(line) <= width for line in lines):
            return lines or [""]
        chars -= 1


def wrap_text(text: str, width: int) -> list[str]:
    """Wrap ``text`` to lines at most ``width`` columns wide (see :func:`display_width`).

    Words longer than ``width`` (URLs, long compounds) are broken too, so no
    line is ever wider than ``width``; explicit newlines start new lines.
    """
    lines: list[str] = []
    for para in text.splitlines() or [""]:
        lines.extend(_wrap_para(para, width))
    return lines


def html_text(text: str) -> str:
    """Escape text for a Graphviz HTML-like label.

    XML-escapes ``&``, ``<``, ``>`` and quotes and replaces characters XML
    cannot hold. Graphviz also expands ``\\N``, ``\\G``, ``\\L`` … and collapses
    ``\\\\`` in labels, even HTML ones and after entity decoding, so every
    backslash is followed by an invisible WORD JOINER (U+2060), which no
    escape sequence starts with.
    """
    return escape(xml_safe(text), quote=True).replace("\\", "\\\u2060")


def para_ref(claim: Claim) -> str:
    """``"¶4,6"`` for a claim from paragraphs 4 and 6, else ``""``."""
    return "¶" + ",".join(str(p) for p in claim.para) if claim.para else ""


def caption(
    claim: Claim, label: str, codes: list[str], show_id: bool, show_para: bool, badge: str = ""
) -> str:
    """The caption over a claim's text: ``"PREMISE · P3 · ¶7 · IN  ⚠ AM101"`` (unescaped).

    ``badge`` is extra text such as an evaluation label or strength.
    """
    parts = [label]
    if show_id:
        parts.append(claim.id)
    if show_para and claim.para:
        parts.append(para_ref(claim))
    if badge:
        parts.append(badge)
    text = " · ".join(parts)
    if codes:
        text += "  ⚠ " + " ".join(sorted(set(codes)))
    return text


def source_line(source: str | None, width: int) -> list[str]:
    """Lines showing a claim's source in its box (unescaped; at most two).

    A link shows as ``"↗ host/path"`` (the scheme dropped), a mailto link as
    ``"✉ address"``, a citation as itself; what does not fit in two lines of
    ``width`` columns ends in ``…`` (the tooltip has it in full).
    """
    if not source or not source.strip():
        return []
    url = link_target(source)
    if url is None:
        shown = " ".join(source.split())
    elif url.lower().startswith("mailto:"):
        shown = "✉ " + url[7:].split("?", 1)[0]
    else:
        parts = urlsplit(url)
        shown = "↗ " + (parts.netloc + parts.path).rstrip("/")
    lines = wrap_text(shown, width)
    if len(lines) > 2:
        lines = [lines[0], lines[1][: max(1, len(lines[1]) - 1)] + "…"]
    return lines


def claim_tooltip(claim: Claim, label: str, codes: list[str]) -> str:
    """A claim's tooltip: kind, id and paragraphs, the full text, source, finding codes.

    Example: ``"Premise P1 (¶4)\\nIt helps.\\nSource: Smith 2019\\nFindings: AM101"``.
    """
    head = f"{label.capitalize()} {claim.id}"
    if claim.para:
        head += f" ({para_ref(claim)})"
    lines = [head, claim.text.strip()]
    if claim.source and claim.source.strip():
        lines.append(f"Source: {claim.source.strip()}")
    if codes:
        lines.append("Findings: " + " ".join(sorted(set(codes))))
    return xml_safe("\n".join(lines))


def id_list(ids: list[str] | tuple[str, ...], limit: int = 12) -> str:
    """``"A, B and C"``; past ``limit`` ids, ``"A, B, … and 9 more"``."""
    ids = list(ids)
    if len(ids) > limit:
        return ", ".join(ids[:limit]) + f", … and {len(ids) - limit} more"
    return ids[0] if len(ids) == 1 else ", ".join(ids[:-1]) + " and " + ids[-1]
