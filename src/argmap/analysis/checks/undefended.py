"""A thesis attacked by a claim that nothing attacks.

Definition: a thesis with an attacker (by ``attacks:``) that has no attacker
itself. Under grounded semantics that attacker is IN, so the thesis is OUT
whatever supports it: the map leaves its own contention defeated.

Source: Dung (1995), "On the acceptability of arguments...", Artificial
Intelligence 77: an argument is acceptable only if it is defended against
every attacker; an unattacked attacker cannot be answered.

Fix: answer the attacker with a rebuttal (``attacks: <attacker>``).

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

CODE = "AM109"
NAME = "thesis-undefended"
SEVERITY = "warning"


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per thesis with an unattacked attacker."""
    here = sys.modules[__name__]
    attack = graph.attack
    for cid, claim in amap.claims.items():
        if claim.kind != "thesis":
            continue
        open_ = [a for a in attack.predecessors(cid) if attack.in_degree(a) == 0]
        if open_:
            names = ", ".join(open_)
            yield at_claim(
                here,
                amap,
                cid,
                f"thesis {cid} is attacked by {names}, which nothing attacks: "
                "answer it with a rebuttal",
                (cid, *open_),
            )
