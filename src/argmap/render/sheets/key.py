"""The key of a slide or printed page: a compact legend table (pure: text in, text out).

A sheet has no room for the whole-map diagram's legend of sample boxes
(:mod:`argmap.render.legend`), so it gets one table in the same words: a row
per kind present (a swatch of its fill and border, its label, how its box
looks), per overridden fill (``--color-by``), per relation drawn (its line
sign and meaning), the junction dot and, when findings are shown, the ⚠ badge.
"""

from __future__ import annotations

from collections.abc import Iterable

from argmap.render.labels import html_text
from argmap.render.legend import FINDING_WORDS, JUNCTION_WORDS, LINE_WORDS, shape_words
from argmap.render.style import Theme

#: Line sign per relation in the key (glyphs of DejaVu Sans).
SIGNS = {"support": "──▶", "attack": "╌╌┫", "undercut": "┈┈┫", "fold": "┈┈┈"}


def key_label(
    theme: Theme,
    kinds: Iterable[str],
    relations: Iterable[str],
    fill_legend: tuple[tuple[str, str], ...] = (),
    show_findings: bool = True,
) -> str:
    """The key as a Graphviz HTML-like label (``<<TABLE …>>``), every text escaped.

    Args:
        theme: gives the kinds' and relations' looks.
        kinds: the kinds to list (those present), in order.
        relations: relations to list (``support``, ``attack``, ``undercut``, ``fold``);
            an undercut also lists the junction dot it ends at.
        fill_legend: ``(name, colour)`` rows for overridden fills; kind swatches
            are then drawn unfilled.
        show_findings: add the row saying how a claim with findings looks.
    """
    font = f'<FONT COLOR="{theme.title_color}">'

    def row(sign: str, words: str) -> str:
        return f'<TR><TD>{sign}</TD><TD ALIGN="LEFT">{font}{html_text(words)}</FONT></TD></TR>'

    rows = [f'<TR><TD COLSPAN="2">{font}<B>Legend</B></FONT></TD></TR>']
    for kind in kinds:
        ks = theme.kinds[kind]
        fill = "#ffffff" if fill_legend else ks.fill
        rows.append(
            f'<TR><TD BGCOLOR="{fill}" BORDER="2" COLOR="{ks.border}" WIDTH="36"> </TD>'
            f'<TD ALIGN="LEFT">{font}{html_text(f"{ks.label.lower()} ({shape_words(ks)})")}'
            "</FONT></TD></TR>"
        )
    for name, colour in fill_legend:
        rows.append(
            f'<TR><TD BGCOLOR="{colour}" BORDER="1" COLOR="#555555" WIDTH="36"> </TD>'
            f'<TD ALIGN="LEFT">{font}fill: {html_text(name)}</FONT></TD></TR>'
        )
    relations = list(relations)
    for rel in relations:
        colour = theme.edges[rel].color
        rows.append(row(f'<FONT COLOR="{colour}"><B>{SIGNS[rel]}</B></FONT>', LINE_WORDS[rel]))
    if "undercut" in relations:
        rows.append(row(f'<FONT COLOR="{theme.edges["support"].color}">●</FONT>', JUNCTION_WORDS))
    if show_findings:
        rows.append(row(f'<FONT COLOR="{theme.finding_text}"><B>⚠</B></FONT>', FINDING_WORDS))
    return (
        '<<TABLE BORDER="1" CELLBORDER="0" CELLSPACING="4" CELLPADDING="2" COLOR="#888888">'
        + "".join(rows)
        + "</TABLE>>"
    )
