"""An inference whose premises or conclusion name no claim, or a linked group of one.

Definition: an entry of the ``inferences:`` block whose ``premises`` or
``conclusion`` name an id that is not a claim, or whose ``premises`` list has
fewer than two ids (linked premises support a conclusion only jointly, so a
group of one is not linked). Such an inference contributes nothing to the
argument graph.

Source: Rationale's "no danglers" rule and co-premise convention (Reasoninglab,
*Rationale* user guide, "argument parts": every reason has at least two
co-premises in advanced mode); Walton, *Informal Logic* (2nd ed., 2008), §5.2
on linked versus convergent arguments.

Fix: correct the id (the closest claim id is suggested), or write a single
premise as ``supports:`` on the claim instead.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It helps.}
    inferences:
      I1: {premises: [P1, P9], conclusion: T1}

Reports: AM101 on P1; AM108 on P1, T1.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It helps.}
      P2: {kind: premise, text: It is cheap.}
    inferences:
      I1: {premises: [P1, P2], conclusion: T1}

Reports: AM101 on P1; AM101 on P2.

Triggers (a linked group of one premise)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., source: "Lee 2020"}
    inferences:
      I1: {premises: [E1], conclusion: T1}

Reports: AM108 on E1, T1.

Triggers (a conclusion that names no claim)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: Costs fell., source: "Lee 2020"}
      E2: {kind: evidence, text: Demand rose., source: "Kim 2021"}
    inferences:
      I1: {premises: [E1, E2], conclusion: T2}

Reports: AM101 on T1; AM106 on E1; AM106 on E2; AM108 on E1, E2.

Passes (one premise written as 'supports:' is no linked inference)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., supports: T1, source: "Lee 2020"}

Reports: nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.util.suggest import did_you_mean


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per dangling or one-premise linked inference."""
    for inf in amap.inferences:
        if not inf.linked:
            continue
        ids = [*inf.premises, inf.conclusion]
        missing = [i for i in ids if i not in amap.claims]
        for cid in missing:
            yield CHECK.finding(
                amap,
                inf.loc,
                f"inference {inf.id} names {cid!r}, which is no claim id"
                f"{did_you_mean(cid, amap.claims, 0.5)}",
                tuple(i for i in ids if i in amap.claims),
            )
        if len(set(inf.premises)) < 2:
            yield CHECK.finding(
                amap,
                inf.loc,
                f"inference {inf.id} links fewer than two premises: add the co-premise, "
                "or write the premise's support as 'supports:' on the claim",
                tuple(i for i in ids if i in amap.claims),
            )


CHECK = Check(
    code="AM108", name="dangling-inference", severity="error", doc=__doc__ or "", run=check
)
