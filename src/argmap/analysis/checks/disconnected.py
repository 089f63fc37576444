"""A claim with no path to any thesis.

Definition: following support, attack and undercut edges from the arguing
claim to the claim argued about, the claim reaches no thesis. Such a claim
takes no part in the argument the map makes. Not reported when the map has no
thesis at all (``no-thesis`` covers that). Linear: one reverse breadth-first
search from the theses.

Source: the "every element reachable from the root" rule of goal-structuring
notation checkers (GSN Community Standard v3, 2021, §1:7; ``gsn2x`` check
C06); Rationale's "no danglers" rule.

Fix: connect it with ``supports:`` or ``attacks:``, or remove it.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: Unrelated remark.}

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It helps., supports: T1}
"""

from __future__ import annotations

import sys
from collections import deque
from collections.abc import Iterator

from argmap.analysis.checks._base import at_claim
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap

CODE = "AM106"
NAME = "disconnected"
SEVERITY = "warning"


def reaching_thesis(amap: ArgumentMap, graph: ArgumentGraph) -> set[str]:
    """Ids of the claims that have a path to some thesis (theses included)."""
    theses = [cid for cid, c in amap.claims.items() if c.kind == "thesis"]
    seen: set[str] = set(theses)
    queue = deque(theses)
    pred = graph.combined.pred
    while queue:
        for arguer in pred[queue.popleft()]:
            if arguer not in seen:
                seen.add(arguer)
                queue.append(arguer)
    return seen


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per claim with no path to a thesis."""
    here = sys.modules[__name__]
    if not any(c.kind == "thesis" for c in amap.claims.values()):
        return
    reached = reaching_thesis(amap, graph)
    for cid, claim in amap.claims.items():
        if cid not in reached:
            yield at_claim(
                here,
                amap,
                cid,
                f"{claim.kind} {cid} is not connected to any thesis: "
                "link it with 'supports:' or 'attacks:', or remove it",
            )
