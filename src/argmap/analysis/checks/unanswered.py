"""An objection that nothing attacks.

Definition: a claim of kind objection with no attacker. Under grounded
semantics an unattacked claim is IN, so an unanswered objection stands and
defeats its target; in debate such an argument is "dropped", and counts as
conceded.

Source: Dung (1995), "On the acceptability of arguments...", Artificial
Intelligence 77: unattacked arguments belong to every extension; Rationale
user guide, "rebuttals".

Fix: add a rebuttal with ``attacks: <objection id>``, or concede the point.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      O1: {kind: objection, text: It costs too much., attacks: T1}

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      O1: {kind: objection, text: It costs too much., attacks: T1}
      R1: {kind: rebuttal, text: It pays for itself., attacks: O1}
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from argmap.analysis.checks._base import at_claim
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap

CODE = "AM107"
NAME = "unanswered-objection"
SEVERITY = "warning"


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per objection with no attacker."""
    here = sys.modules[__name__]
    for cid, claim in amap.claims.items():
        if claim.kind == "objection" and graph.attack.in_degree(cid) == 0:
            yield at_claim(
                here,
                amap,
                cid,
                f"objection {cid} is unanswered: add a rebuttal with 'attacks: {cid}' "
                "(an unanswered objection stands and defeats its target)",
            )
