"""Two claims on the same side that attack each other.

Definition: an attack from claim A to claim B where A and B both support the
same thesis, directly or through a chain of supports. The map then argues for
its thesis with reasons that undermine each other. Reasons for different
theses may attack each other: that is a debate between the theses.

Source: Copi, Cohen & McMahon, *Introduction to Logic* (14th ed., 2011),
ch. 8: premises that are inconsistent cannot all be true, so no conclusion is
established by them; Cayrol & Lagasquie-Schiex (2013), IJAR 54(7), on
conflicts between supported arguments in bipolar frameworks.

Fix: decide which reason the argument keeps, or make one an objection.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It is cheap., supports: T1}
      P2: {kind: premise, text: It is costly but good., supports: T1, attacks: P1}

Reports: AM101 on P1; AM101 on P2; AM112 on P2, P1.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It is cheap., supports: T1}
      O1: {kind: objection, text: It is costly., attacks: P1}

Reports: AM101 on P1; AM107 on O1.

Triggers (reasons that support the thesis through a chain)::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It is easy to build., supports: T1}
      P2: {kind: premise, text: It uses old parts., supports: P1}
      P3: {kind: premise, text: It needs new parts., supports: T1, attacks: P2}

Reports: AM101 on P2; AM101 on P3; AM112 on P3, P2.

Passes (reasons for two different theses)::

    claims:
      T1: {kind: thesis, text: We should act now.}
      T2: {kind: thesis, text: We should wait.}
      P1: {kind: premise, text: It is cheap now., supports: T1}
      P2: {kind: premise, text: It will be cheaper later., supports: T2, attacks: P1}

Reports: AM101 on P1; AM101 on P2.
"""

from __future__ import annotations

from collections.abc import Iterator

import networkx as nx

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per attack between two supporters of one thesis."""
    sides: dict[str, set[str]] = {}
    for cid, claim in amap.claims.items():
        if claim.kind == "thesis":
            for supporter in nx.ancestors(graph.support, cid):
                sides.setdefault(supporter, set()).add(cid)
    for att in amap.attacks:
        shared = sides.get(att.attacker, set()) & sides.get(att.target, set())
        if shared:
            thesis = sorted(shared)[0]
            yield CHECK.finding(
                amap,
                att.loc,
                f"{att.attacker} attacks {att.target}, yet both support thesis {thesis}: "
                "decide which reason the argument keeps, or make one an objection",
                (att.attacker, att.target),
            )


CHECK = Check(code="AM112", name="contradiction", severity="error", doc=__doc__ or "", run=check)
