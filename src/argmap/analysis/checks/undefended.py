"""A thesis attacked by a claim that nothing attacks.

Definition: a thesis with an attacker (by ``attacks:``) that has no attacker
itself. Under ``argmap evaluate``'s default reading (Carneades, dialectical
validity) and under grounded semantics that attacker, offered without reasons,
is IN, so the thesis is OUT whatever supports it: the map leaves its own
contention defeated. One finding
per thesis names every such attacker. An undercut of an inference that
supports the thesis is no attack on the thesis and is not reported here (an
undercut objection that nothing attacks is an ``unanswered-objection``).

Source: Dung (1995), "On the acceptability of arguments...", Artificial
Intelligence 77: an argument is acceptable only if it is defended against
every attacker; an unattacked attacker cannot be answered.

Fix: answer the attacker with a rebuttal (``attacks: <attacker>``).

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

Triggers (one finding names every unanswered attacker of the thesis)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., supports: T1, source: "Lee 2020"}
      O1: {kind: objection, text: It costs too much., attacks: T1}
      O2: {kind: objection, text: It is too late., attacks: T1}
      O3: {kind: objection, text: Nobody wants it., attacks: T1}
      E2: {kind: evidence, text: A poll says otherwise., attacks: O3, source: "Poll 2024"}

Reports: AM109 on T1, O1, O2; AM107 on O1; AM107 on O2.

Passes (an undercut of the thesis's reason is no attack on the thesis)::

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
from argmap.model import ArgumentMap


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per thesis with an unattacked attacker."""
    attack = graph.attack
    for cid, claim in amap.claims.items():
        if claim.kind != "thesis":
            continue
        open_ = [a for a in attack.predecessors(cid) if not attack.pred[a]]
        if open_:
            names = ", ".join(open_)
            yield CHECK.at_claim(
                amap,
                cid,
                f"thesis {cid} is attacked by {names}, which nothing attacks: "
                "answer it with a rebuttal",
                (cid, *open_),
            )


CHECK = Check(
    code="AM109", name="thesis-undefended", severity="warning", doc=__doc__ or "", run=check
)
