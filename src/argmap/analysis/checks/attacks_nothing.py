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

Reports: AM101 on T1; AM105 on O1; AM106 on O1; AM107 on O1.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      O1: {kind: objection, text: It costs too much., attacks: T1}

Reports: AM101 on T1; AM109 on T1, O1; AM107 on O1.

Triggers (a rebuttal)::

    claims:
      T1: {kind: thesis, text: We should act.}
      R1: {kind: rebuttal, text: It pays for itself.}

Reports: AM101 on T1; AM101 on R1; AM105 on R1; AM106 on R1.

Passes (an objection that undercuts an inference)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., supports: T1, source: "Lee 2020"}
      O1: {kind: objection, text: The data are old., undercuts: "E1 -> T1"}

Reports: AM107 on O1.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ATTACKING_KINDS, ArgumentMap


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per objection or rebuttal without a target."""
    undercutters = {u.attacker for u in amap.undercuts}
    for cid, claim in amap.claims.items():
        if claim.kind not in ATTACKING_KINDS or cid in undercutters:
            continue
        if not graph.attack.succ[cid]:
            yield CHECK.at_claim(
                amap,
                cid,
                f"{claim.kind} {cid} attacks nothing: add 'attacks: <id>' naming what it "
                f"argues against",
            )


CHECK = Check(
    code="AM105", name="attacks-nothing", severity="warning", doc=__doc__ or "", run=check
)
