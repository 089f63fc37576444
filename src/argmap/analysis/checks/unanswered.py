"""An objection that nothing attacks.

Definition: a claim of kind objection with no attacker. Under ``argmap
evaluate``'s default reading (Carneades, claims offered without reasons
granted) and under grounded semantics an unattacked claim offered without
reasons is IN, so an unanswered objection stands and defeats its target; in
debate such an argument is "dropped", and counts as conceded. Only
``attacks:`` answer it: an undercut of the inference that supports the
objection answers the reason given for it, not the objection itself (the
default reading takes an objection down when its only reason fails, as does
``--semantics grounded``; ``--semantics grounded --support convergent``
leaves it IN).

Source: Dung (1995), "On the acceptability of arguments...", Artificial
Intelligence 77: unattacked arguments belong to every extension; Rationale
user guide, "rebuttals".

Fix: add a rebuttal with ``attacks: <objection id>``, or concede the point.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      O1: {kind: objection, text: It costs too much., attacks: T1}

Reports: AM101 on T1; AM109 on T1, O1; AM107 on O1.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      O1: {kind: objection, text: It costs too much., attacks: T1}
      R1: {kind: rebuttal, text: It pays for itself., attacks: O1}

Reports: AM101 on T1; AM101 on R1.

Triggers (an objection answered only by an undercut of its reason)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., supports: T1, source: "Lee 2020"}
      O1: {kind: objection, text: It costs too much., attacks: T1}
      E2: {kind: evidence, text: A minister says so., supports: O1, source: "Kim 2021"}
      R1: {kind: rebuttal, text: She spoke of another plan., undercuts: "E2 -> O1"}

Reports: AM109 on T1, O1; AM107 on O1; AM101 on R1.

Passes (an objection answered by evidence for the thesis)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: It paid off twice., supports: T1, attacks: O1, source: "Lee 2020"}
      O1: {kind: objection, text: It costs too much., attacks: T1}

Reports: nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per objection with no attacker."""
    for cid, claim in amap.claims.items():
        if claim.kind == "objection" and not graph.attack.pred[cid]:
            yield CHECK.at_claim(
                amap,
                cid,
                f"objection {cid} is unanswered: add a rebuttal with 'attacks: {cid}' "
                "(an unanswered objection stands and defeats its target)",
            )


CHECK = Check(
    code="AM107", name="unanswered-objection", severity="warning", doc=__doc__ or "", run=check
)
