"""A claim with no path to any thesis.

Definition: following support, attack and undercut edges from the arguing
claim to the claim argued about, the claim reaches no thesis. Such a claim
takes no part in the argument the map makes; being attacked by the argument
does not connect a claim, as the edge runs from the attacker. A rephrase
(``rephrases:``) connects both ways: two wordings of one claim take part
together (it is still no reason: ``unsupported-claim`` counts supports
only). Not reported
when the map has no thesis at all (``no-thesis`` covers that). Linear: one
reverse breadth-first search from the theses.

Source: the "every element reachable from the root" rule of goal-structuring
notation checkers (GSN Community Standard v3, 2021, §1:7; ``gsn2x`` check
C06); Rationale's "no danglers" rule.

Fix: connect it with ``supports:``, ``attacks:`` or ``rephrases:``, or remove it.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: Unrelated remark.}

Reports: AM101 on T1; AM101 on P1; AM106 on P1.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It helps., supports: T1}

Reports: AM101 on P1.

Triggers (a chain that reaches no thesis, though a reason for the thesis attacks it)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., supports: T1, attacks: P3, source: "Lee 2020"}
      P2: {kind: premise, text: Prices rose., supports: P3}
      P3: {kind: premise, text: Trade slowed.}

Reports: AM101 on P2; AM106 on P2; AM106 on P3.

Passes (an undercut connects the undercutting claim)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., supports: T1, source: "Lee 2020"}
      O1: {kind: objection, text: The data are old., undercuts: "E1 -> T1"}

Reports: AM107 on O1.

Passes (a rephrase of a reason is connected through it)::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It helps., supports: T1}
      P2: {kind: premise, text: It is of use., rephrases: P1}

Reports: AM101 on P1; AM101 on P2.

Passes (a map without a thesis is reported as no-thesis only)::

    claims:
      P1: {kind: premise, text: Unrelated remark.}

Reports: AM104; AM101 on P1.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterator

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap


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
    if not any(c.kind == "thesis" for c in amap.claims.values()):
        return
    reached = reaching_thesis(amap, graph)
    for cid, claim in amap.claims.items():
        if cid not in reached:
            yield CHECK.at_claim(
                amap,
                cid,
                f"{claim.kind} {cid} is not connected to any thesis: "
                "link it with 'supports:' or 'attacks:', or remove it",
            )


CHECK = Check(code="AM106", name="disconnected", severity="warning", doc=__doc__ or "", run=check)
