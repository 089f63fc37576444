"""A claim that supports itself.

Definition: an inference whose conclusion is one of its own premises
(``P1: {supports: P1}``, or a linked inference listing its conclusion among
its premises): the shortest case of begging the question. Longer loops are
``circular-support``.

Source: Walton, *Informal Logic* (2nd ed., Cambridge UP 2008), §8.4 on petitio
principii: a proposition used as a premise for itself.

Fix: remove the ``supports:`` entry naming the claim itself.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act., supports: T1}

Reports: AM103 on T1.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}

Reports: AM101 on T1.

Triggers (a conclusion among its own linked premises)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., source: "Lee 2020"}
    inferences:
      I1: {premises: [E1, T1], conclusion: T1}

Reports: AM103 on T1.

Passes (two claims supporting each other are circular support)::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: Acting is right., supports: [T1, P2]}
      P2: {kind: premise, text: It is right to act., supports: P1}

Reports: AM102 on P1, P2.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per inference that has its conclusion among its premises."""
    for inf in amap.inferences:
        if inf.conclusion in inf.premises and inf.conclusion in amap.claims:
            cid = inf.conclusion
            yield CHECK.finding(
                amap,
                inf.loc,
                f"claim {cid} supports itself: remove it from its own supports",
                (cid,),
            )


CHECK = Check(code="AM103", name="self-support", severity="error", doc=__doc__ or "", run=check)
