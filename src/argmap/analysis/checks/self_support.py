"""A claim that supports itself.

Definition: an inference whose conclusion is one of its own premises
(``P1: {supports: P1}``): the shortest case of begging the question.

Source: Walton, *Informal Logic* (2nd ed., Cambridge UP 2008), §8.4 on petitio
principii: a proposition used as a premise for itself.

Fix: remove the ``supports:`` entry naming the claim itself.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act., supports: T1}

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from argmap.analysis.checks._base import finding
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap

CODE = "AM103"
NAME = "self-support"
SEVERITY = "error"


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per inference that has its conclusion among its premises."""
    here = sys.modules[__name__]
    for inf in amap.inferences:
        if inf.conclusion in inf.premises and inf.conclusion in amap.claims:
            cid = inf.conclusion
            yield finding(
                here,
                amap,
                inf.loc,
                f"claim {cid} supports itself: remove it from its own supports",
                (cid,),
            )
