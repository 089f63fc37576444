"""A map without a thesis.

Definition: no claim has kind ``thesis``. Every argument map is built around
the contention it argues for (Rationale's "contention" at the top of the map).

Source: van Eemeren & Grootendorst, *A Systematic Theory of Argumentation*
(Cambridge UP 2004): an argument is advanced for a standpoint; without one
there is nothing for the premises to support.

Fix: give the main conclusion ``kind: thesis``.

Triggers::

    claims:
      P1: {kind: premise, text: It rains.}

Passes::

    claims:
      T1: {kind: thesis, text: Take an umbrella.}
      P1: {kind: premise, text: It rains., supports: T1}
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from argmap.analysis.checks._base import finding
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap

CODE = "AM104"
NAME = "no-thesis"
SEVERITY = "error"


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding when no claim is a thesis."""
    if not any(c.kind == "thesis" for c in amap.claims.values()):
        yield finding(
            sys.modules[__name__],
            amap,
            None,
            "the map has no thesis: give its main conclusion 'kind: thesis'",
        )
