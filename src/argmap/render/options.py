"""What a diagram shows and how it is laid out: :class:`RenderOptions`."""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

from argmap.render.style import DEFAULT, Theme

#: The SVG widths (CSS px) and PNG resolutions (dots per inch) argmap draws,
#: lowest and highest, for the command line and the Python API alike.
WIDTH_RANGE = (50, 20000)
DPI_RANGE = (24, 1200)
#: The formats of ``argmap render --to`` and ``argmap.render``, each its file ending.
RENDER_FORMATS = ("svg", "png", "pdf", "dot", "html")


@dataclass(frozen=True)
class RenderOptions:
    """What a diagram shows and how it is laid out.

    Attributes:
        theme: the theme.
        direction: ``"TB"`` (thesis at the top) or ``"LR"`` (thesis at the left).
        wrap: wrap width of claim text, in columns (≥ 10); None: the theme's.
        legend: draw the legend.
        show_ids: show claim ids in captions.
        show_para: show paragraph references in captions.
        show_findings: mark claims that have findings.
        fills: per-claim fill colour overrides (e.g. colour by status).
        badges: per-claim text added to the caption (e.g. "IN", "0.82"), so
            colour is never the only cue.
        fill_legend: legend rows ``(name, colour)`` of overridden fills.
        max_row: a claim with more arguers than this gets them on staggered
            ranks (like Graphviz's ``unflatten``), so wide fans become taller
            and narrower; 0 turns staggering off; None: the theme's.
        folds: claim id → number of claims hidden under it (``--collapse``,
            ``--split``); each gets a "+N claims hidden" box.
        links: claim id → URL its box (and its fold box) links to, overriding
            the claim's own source link (``--split`` pages).
        highlight: claims drawn with a double border (``--focus``).
        width: SVG width: None fits the column, else CSS px (:mod:`argmap.render.svg`).
        source_lines: lines a claim's source may take (0: as many as it needs).
        audience: ``"expert"`` (findings with their codes and checks' messages)
            or ``"student"`` (findings only in plain words, no codes:
            :func:`argmap.findings.student_sentence`).
    """

    theme: Theme = DEFAULT
    direction: str = "TB"
    wrap: int | None = None
    legend: bool = True
    show_ids: bool = True
    show_para: bool = True
    show_findings: bool = True
    fills: Mapping[str, str] = field(default_factory=dict)
    badges: Mapping[str, str] = field(default_factory=dict)
    fill_legend: tuple[tuple[str, str], ...] = ()
    max_row: int | None = None
    folds: Mapping[str, int] = field(default_factory=dict)
    links: Mapping[str, str] = field(default_factory=dict)
    highlight: frozenset[str] = frozenset()
    width: int | None = None
    source_lines: int = 2
    audience: str = "expert"

    @property
    def student(self) -> bool:
        """True when findings are shown to students: plain words, no codes."""
        return self.audience == "student"

    @property
    def wrap_width(self) -> int:
        """The wrap width in use: :attr:`wrap`, or the theme's."""
        return self.wrap if self.wrap is not None else self.theme.wrap
