"""A map without a thesis.

Definition: no claim has kind ``thesis``. Every argument map is built around
the contention it argues for (Rationale's "contention" at the top of the map).
A claim is a thesis by its kind alone: the last conclusion of a chain of
support is not one unless its kind says so.

Source: van Eemeren & Grootendorst, *A Systematic Theory of Argumentation*
(Cambridge UP 2004): an argument is advanced for a standpoint; without one
there is nothing for the premises to support.

Fix: give the main conclusion ``kind: thesis``.

Triggers::

    claims:
      P1: {kind: premise, text: It rains.}

Reports: AM104; AM101 on P1.

Passes::

    claims:
      T1: {kind: thesis, text: Take an umbrella.}
      P1: {kind: premise, text: It rains., supports: T1}

Reports: AM101 on P1.

Triggers (the last conclusion of a chain is a thesis only by its kind)::

    claims:
      C1: {kind: premise, text: Take an umbrella.}
      E1: {kind: evidence, text: Rain is forecast., supports: C1, source: "Met Office"}

Reports: AM104.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding when no claim is a thesis."""
    if not any(c.kind == "thesis" for c in amap.claims.values()):
        yield CHECK.finding(
            amap,
            None,
            "the map has no thesis: give its main conclusion 'kind: thesis'",
        )


CHECK = Check(code="AM104", name="no-thesis", severity="error", doc=__doc__ or "", run=check)
