"""How long a diagram will take to lay out, predicted before Graphviz runs (pure).

``dot`` is fast on trees and slow on everything else: its crossing
minimisation grows with the square of the relations a map has beyond a tree,
and much faster again when a few claims carry many relations each (a Dung
framework of 100 arguments and 500 attacks takes ``dot`` over a minute; with
3,000 attacks it climbs past 800 MB). :func:`dot_seconds` predicts its CPU
time from the number of claims ``n`` and of relations ``m`` (premise links,
attacks and undercuts) with a model fitted to measurements
(``python bench/huge_render.py --calibrate``: CPU time of Graphviz 2.43 on a
shared 2-core machine), rounded up so that it errs on the slow side:

* sparse maps (``m < DENSE * n``): ``0.42 s * (n / 1000)^2`` plus
  ``2.5e-5 s * x^2`` where ``x = max(0, m - n)`` is the relations beyond a
  tree. Measured on generated tree maps with 6 %, 20 % and 40 % of the claims
  cross-linked: 2,000 claims 1.6 s, 4.0 s and 11.0 s (predicted 2.0 s, 4.3 s,
  11.9 s); 4,000 claims 7.1 s, 14.3 s and 45.9 s (predicted 7.8 s, 16.0 s,
  47.8 s); 7,000 claims with 6 % and 20 %: 15.8 s and 41.4 s (predicted 23.1 s
  and about 54 s).
* dense maps (``m >= DENSE * n``): ``5e-6 s * n * x^2``. Measured: 30
  arguments with 300 attacks 10.6 s (predicted 10.9 s); 50 with 600 and 100
  with 500 were stopped after two minutes, having used 51 s and 77 s
  (predicted 76 s and 80 s).

argmap's own work (DOT, SVG finishing) adds about 0.25 ms per claim and relation.

Dense maps are drawn with :data:`SPREAD` instead, unless ``--engine`` says
otherwise: ``neato`` (``sfdp`` past :data:`NEATO_MAX` claims) with
``overlap=prism`` (Gansner & Hu 2010, "Efficient, proximity-preserving node
overlap removal", JGAA 14(1)), which moves the boxes apart until none overlap,
and straight lines, which need no routing round the boxes, drawn before the
boxes (``outputorder=edgesfirst``) so that no line crosses a box's text: under a
second for 100 arguments and 3,000 attacks. Such a diagram has no legend: its
frame is a cluster, which only ``dot`` lays out.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model import ArgumentMap

#: Relations per claim from which a map counts as dense (a tree has about one).
DENSE = 2.0
#: The most claims ``neato`` lays out for a dense map; ``sfdp`` beyond.
NEATO_MAX = 1000
#: Graphviz attributes of the dense layout: no box overlaps another, straight lines.
SPREAD_ATTRS = "-Goverlap=prism -Gsplines=false -Gsep=+6 -Goutputorder=edgesfirst"
#: The layout of a dense map of up to :data:`NEATO_MAX` claims.
SPREAD = f"neato {SPREAD_ATTRS}"
#: Share of the time budget a predicted layout may take before argmap draws pages instead.
SAFETY = 0.8


@dataclass(frozen=True)
class Size:
    """What a layout's cost depends on.

    Attributes:
        claims: claims drawn (``n``).
        relations: premise links, attacks and undercuts among them (``m``).
    """

    claims: int
    relations: int

    @property
    def dense(self) -> bool:
        """True when there are at least :data:`DENSE` relations per claim."""
        return self.relations >= DENSE * max(1, self.claims)


def size_of(amap: ArgumentMap) -> Size:
    """The :class:`Size` of ``amap``."""
    links = sum(len(inf.premises) for inf in amap.inferences)
    return Size(len(amap.claims), links + len(amap.attacks) + len(amap.undercuts))


def dot_seconds(size: Size) -> float:
    """Predicted CPU seconds of ``dot`` (see the module docstring), rounded up."""
    n, extra = size.claims, max(0, size.relations - size.claims)
    if size.dense:
        return 5e-6 * n * extra**2
    return 0.42 * (n / 1000) ** 2 + 2.5e-5 * extra**2


def layout_seconds(size: Size, engine: str) -> float:
    """Predicted CPU seconds of drawing a map of ``size`` with ``engine`` (a program
    name, optionally with attributes), argmap's own work included. Only ``dot``
    is modelled; the force-directed programs are taken as near-linear
    (``sfdp``) or quadratic in the claims (the others; 0.1 s per 1,000² claims)."""
    own = 0.25e-3 * (size.claims + size.relations)
    program = engine.split()[0]
    if program == "dot":
        return own + dot_seconds(size)
    if program == "sfdp":
        return own * 2
    return own * 2 + 0.1 * (size.claims / 1000) ** 2


def too_slow(size: Size, engine: str, budget: float) -> bool:
    """True when ``size`` drawn with ``engine`` is predicted to take more than
    :data:`SAFETY` of ``budget`` CPU seconds."""
    return layout_seconds(size, engine) > SAFETY * budget


def spread_engine(size: Size) -> str:
    """The layout for a dense map: :data:`SPREAD`, or ``sfdp`` with the same
    attributes past :data:`NEATO_MAX` claims."""
    return SPREAD if size.claims <= NEATO_MAX else f"sfdp {SPREAD_ATTRS}"
