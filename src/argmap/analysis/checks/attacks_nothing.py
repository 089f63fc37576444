"""An objection or rebuttal that attacks nothing.

Definition: a claim of kind objection or rebuttal with no ``attacks:`` and no
``undercuts:``. An objection is by definition a reason against something; one
that names no target is a dangling part of the map.

Source: Rationale's rule "no danglers" (Reasoninglab, *Rationale* user guide,
"argument parts"); Pollock (1987), "Defeasible reasoning", Cognitive Science
11, on rebutting and undercutting defeaters, each aimed at a target.

Fix: add ``attacks: <id>`` (or ``undercuts: <inference>``), or change its kind.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      O1: {kind: objection, text: It costs too much.}

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      O1: {kind: objection, text: It costs too much., attacks: T1}
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from argmap.analysis.checks._base import at_claim
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ATTACKING_KINDS, ArgumentMap

CODE = "AM105"
NAME = "attacks-nothing"
SEVERITY = "warning"


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per objection or rebuttal without a target."""
    here = sys.modules[__name__]
    undercutters = {u.attacker for u in amap.undercuts}
    for cid, claim in amap.claims.items():
        if claim.kind not in ATTACKING_KINDS or cid in undercutters:
            continue
        if graph.attack.out_degree(cid) == 0:
            yield at_claim(
                here,
                amap,
                cid,
                f"{claim.kind} {cid} attacks nothing: add 'attacks: <id>' naming what it "
                f"argues against",
            )
