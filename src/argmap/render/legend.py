"""The legend of a diagram as a Graphviz HTML-like label (pure: text in, text out).

One row per kind present (a swatch of its fill and border, its label and how
its box looks in words), one per overridden fill (``--color-by``), one per
relation drawn (its line sign and meaning) and, when findings are shown, how a
claim with findings looks. :mod:`argmap.render.dot` puts the label in a node.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.render.labels import html_text
from argmap.render.style import KindStyle, Theme

#: Line sign per relation in the legend.
SIGNS = {"support": "──▶", "attack": "╌╌┤", "undercut": "┈┈┤", "fold": "┈┈┈"}

_SHAPE_WORDS = {"note": "folded corner", "folder": "tab", "box": "box"}
_STYLE_WORDS = {"rounded": "rounded", "diagonals": "cut corners", "bold": "bold border"}


def shape_words(ks: KindStyle) -> str:
    """How a kind's box looks, in words, for the legend (e.g. ``"rounded, double border"``)."""
    words = [w for k, w in _STYLE_WORDS.items() if k in ks.style.split(",")]
    if ks.shape != "box" or not words:
        words.insert(0, _SHAPE_WORDS.get(ks.shape, ks.shape))
    if ks.peripheries > 1:
        words.append("double border")
    return ", ".join(words)


def legend_label(
    theme: Theme,
    kinds: Iterable[str],
    relations: Iterable[str],
    fill_legend: tuple[tuple[str, str], ...] = (),
    show_findings: bool = True,
) -> str:
    """The legend's HTML-like label (``<<TABLE …>>``), every text escaped.

    Args:
        theme: gives the kinds' and relations' looks and labels.
        kinds: the kinds to list (those present), in order.
        relations: the theme's edge style names to list (``support``,
            ``attack``, ``undercut``, ``fold``).
        fill_legend: ``(name, colour)`` rows for overridden fills; kind
            swatches are then drawn unfilled.
        show_findings: add the row saying how a claim with findings looks.
    """
    font = f'<FONT COLOR="{theme.title_color}">'
    rows = [f'<TR><TD COLSPAN="2">{font}<B>Legend</B></FONT></TD></TR>']
    for kind in kinds:
        ks = theme.kinds[kind]
        fill = "#ffffff" if fill_legend else ks.fill
        words = f"{ks.label.lower()} ({shape_words(ks)})"
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" BORDER="2" COLOR="{ks.border}" WIDTH="36"> </TD>'
            f'<TD ALIGN="LEFT">{font}{html_text(words)}</FONT></TD></TR>'
        )
    for name, colour in fill_legend:
        rows.append(
            f'<TR><TD BGCOLOR="{colour}" BORDER="1" COLOR="#555555" WIDTH="36"> </TD>'
            f'<TD ALIGN="LEFT">{font}fill: {html_text(name)}</FONT></TD></TR>'
        )
    for rel in relations:
        es = theme.edges[rel]
        rows.append(
            f'<TR><TD><FONT COLOR="{es.color}"><B>{SIGNS.get(rel, "──")}</B></FONT></TD>'
            f'<TD ALIGN="LEFT">{font}{html_text(es.legend)}</FONT></TD></TR>'
        )
    if show_findings:
        rows.append(
            f'<TR><TD><FONT COLOR="{theme.finding_text}"><B>⚠</B></FONT></TD>'
            f'<TD ALIGN="LEFT">{font}{theme.finding_style} border: has findings</FONT></TD></TR>'
        )
    return (
        '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2" COLOR="#888888">'
        + "".join(rows)
        + "</TABLE>>"
    )
