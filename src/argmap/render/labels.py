"""Texts of a diagram: escaped labels, citations, tooltips (pure).

Captions are :func:`argmap.diagram.caption` (one definition for every output);
wrapping is :func:`argmap.util.text.wrap_text`.

Everything a map's author wrote reaches Graphviz only through :func:`html_text`
(inside HTML-like labels) and reaches the SVG only through ElementTree in
:mod:`argmap.render.svg`, so no text can become markup.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Sequence
from html import escape
from urllib.parse import urlsplit

from argmap.diagram import para_ref
from argmap.findings import Finding, plain_words, student_sentence
from argmap.model import Claim
from argmap.render.style import Theme
from argmap.util.text import wrap_text
from argmap.util.urls import link_target

#: Characters XML 1.0 forbids (C0 controls but tab and newlines, lone
#: surrogates, U+FFFE, U+FFFF): replaced by U+FFFD before text reaches DOT or SVG.
_NOT_XML = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\ud800-\udfff\ufffe\uffff]")


def xml_safe(text: str) -> str:
    """``text`` with every character XML 1.0 cannot hold replaced by U+FFFD."""
    return _NOT_XML.sub("\ufffd", text)


#: Explicit bidirectional formatting characters (Unicode UAX #9, Table 1): embeddings
#: and overrides U+202A–U+202E, isolates U+2066–U+2069.
_BIDI_CONTROLS = re.compile("[\u202a-\u202e\u2066-\u2069]")
_ISOLATES, _PDI, _FSI = "\u2066\u2067\u2068", "\u2069", "\u2068"


def bidi_isolated(text: str) -> str:
    """``text`` as a part of a longer line that it cannot reorder.

    Text with no explicit bidi formatting character is returned unchanged.
    Otherwise it is put between FIRST STRONG ISOLATE and POP DIRECTIONAL
    ISOLATE (U+2068 … U+2069), after closing the isolates it opens and dropping
    each U+2069 it has that closes none of them, so an override it leaves open
    ("P\u202e1") ends with it (UAX #9, rule X6a: a PDI ends every embedding
    and override since its isolate began): in "what if P1 is rejected?" the
    words argmap adds read as written.
    """
    if not _BIDI_CONTROLS.search(text):
        return text
    depth, kept = 0, []
    for char in text:
        if char in _ISOLATES:
            depth += 1
        elif char == _PDI:
            if not depth:
                continue
            depth -= 1
        kept.append(char)
    return _FSI + "".join(kept) + _PDI * (depth + 1)


def html_text(text: str) -> str:
    """Escape text for a Graphviz HTML-like label.

    XML-escapes ``&``, ``<``, ``>`` and quotes and replaces characters XML
    cannot hold. Graphviz also expands ``\\N``, ``\\G``, ``\\L`` … and collapses
    ``\\\\`` in labels, even HTML ones and after entity decoding, so every
    backslash is followed by an invisible WORD JOINER (U+2060), which no
    escape sequence starts with.
    """
    return escape(xml_safe(text), quote=True).replace("\\", "\\\u2060")


#: Codes marked on every claim their finding names, not only on the first: each
#: claim of a circular-support loop (AM102), of a group of duplicates (AM111) and
#: of a contradiction (AM112) is equally at fault. Every other finding is marked
#: on its first claim, the one it is about.
ON_EVERY_CLAIM = frozenset({"AM102", "AM111", "AM112"})


def finding_notes(
    findings: Iterable[Finding], loops: Iterable[str] = ()
) -> dict[str, list[Finding]]:
    """Claim id → the findings marked on it, in the order given: a finding is
    marked on its first claim, or on each of its claims for the codes of
    :data:`ON_EVERY_CLAIM`. ``loops``: ids of every claim on a loop of support;
    when a circular-support finding (AM102, which names one witness cycle of its
    knot) is given, each of them not yet marked gets the first such finding too."""
    notes: dict[str, list[Finding]] = {}
    circular: Finding | None = None
    for f in findings:
        circular = circular or (f if f.code == "AM102" else None)
        for cid in dict.fromkeys(f.claims if f.code in ON_EVERY_CLAIM else f.claims[:1]):
            notes.setdefault(cid, []).append(f)
    for cid in loops:
        if circular is not None and not any(f.code == "AM102" for f in notes.get(cid, [])):
            notes.setdefault(cid, []).append(circular)
    return notes


def finding_codes(findings: Iterable[Finding]) -> dict[str, list[str]]:
    """Claim id → codes of the findings marked on it (:func:`finding_notes`), in order."""
    return {cid: [f.code for f in found] for cid, found in finding_notes(findings).items()}


def badge_lines(codes: Iterable[str], width: int) -> list[str]:
    """The warning under a claim with findings, in plain words, unescaped: ``"⚠ "``
    and each code's :func:`~argmap.findings.plain_words` (sorted by code, once
    each, joined by ``" · "``), wrapped at ``width`` columns; ``[]`` for no codes.

    Example: ``["⚠ no reason given · goes", "in a circle"]``.
    """
    words = [plain_words(code) for code in sorted(set(codes))]
    return wrap_text("⚠ " + " · ".join(words), width) if words else []


def claim_table(
    theme: Theme,
    caption: str | Sequence[str],
    lines: list[str],
    cite: list[str],
    flagged: bool = False,
    badge: Sequence[str] = (),
) -> str:
    """A claim's HTML-like label: ``caption`` (a line, or its wrapped lines) in small
    bold type over its text ``lines``,
    ``cite`` (the source, :func:`source_line`) in small italics under them and
    ``badge`` (:func:`badge_lines`) in small bold type at the bottom.

    All are given unescaped and escaped here (:func:`html_text`); the caption
    and the badge take the theme's finding colour when ``flagged``.
    """
    cap_color = theme.finding_text if flagged else theme.caption_color
    body = "<BR/>".join(html_text(line) for line in lines)
    heads = [caption] if isinstance(caption, str) else list(caption)
    rows = [_small_row(theme, heads, cap_color, "B"), f"<TR><TD>{body}</TD></TR>"]
    if cite:
        rows.append(_small_row(theme, cite, theme.caption_color, "I"))
    if badge:
        rows.append(_small_row(theme, badge, theme.finding_text, "B"))
    return (
        '<<TABLE BORDER="0" CELLBORDER="0" CELLSPACING="0" CELLPADDING="1">'
        + "".join(rows)
        + "</TABLE>>"
    )


def _small_row(theme: Theme, lines: Sequence[str], colour: str, face: str) -> str:
    """A table row of ``lines`` in the caption size, bold (``B``) or italic (``I``)."""
    text = "<BR/>".join(html_text(line) for line in lines)
    return (
        f'<TR><TD><FONT POINT-SIZE="{theme.caption_size:g}" COLOR="{colour}">'
        f"<{face}>{text}</{face}></FONT></TD></TR>"
    )


def source_line(source: str | None, width: int, most: int = 2) -> list[str]:
    """Lines showing a claim's source in its box (unescaped; at most ``most``,
    every line when ``most`` is 0, as on printed pages).

    A link shows as ``"↗ host/path"`` (the scheme dropped), a mailto link as
    ``"✉ address"``, a citation as itself; what does not fit in ``most`` lines
    of ``width`` columns ends in ``…`` (the tooltip has it in full).
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
    if most and len(lines) > most:
        lines = [*lines[: most - 1], lines[most - 1][: max(1, len(lines[most - 1]) - 1)] + "…"]
    return lines


def claim_tooltip(
    claim: Claim,
    label: str,
    codes: Sequence[str] = (),
    findings: Sequence[Finding] = (),
    student: bool = False,
) -> str:
    """A claim's tooltip: kind, id and paragraphs, the full text, source, and its
    findings: each in plain words with its code and message when ``findings`` are
    given, else the ``codes`` (sorted, once each).

    Examples: ``"Premise P1 (¶4)\\nIt helps.\\nSource: Smith 2019\\nFindings:\\n⚠ no
    reason given (AM101): premise P1 has no supporting claim: …"``;
    ``"…\\nFindings: AM101"`` with codes only. With ``student`` no code
    shows: each finding as :func:`argmap.findings.student_sentence`, codes as
    their plain words.
    """
    head = f"{label.capitalize()} {claim.id}"
    if claim.para:
        head += f" ({para_ref(claim)})"
    lines = [head, claim.text.strip()]
    lines += [f"Source: {s.strip()}" for s in claim.sources if s.strip()]
    if findings:
        lines.append("Findings:")
        if student:
            lines += [f"⚠ {student_sentence(f)}" for f in findings]
        else:
            lines += [f"⚠ {plain_words(f.code)} ({f.code}): {f.message}" for f in findings]
    elif codes and student:
        lines.append("Findings: " + ", ".join(plain_words(c) for c in dict.fromkeys(codes)))
    elif codes:
        lines.append("Findings: " + " ".join(sorted(set(codes))))
    return xml_safe("\n".join(lines))
