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

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      P1: {kind: premise, text: It helps.}
      P2: {kind: premise, text: It is cheap.}
    inferences:
      I1: {premises: [P1, P2], conclusion: T1}
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from argmap.analysis.checks._base import finding
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap
from argmap.util.suggest import did_you_mean

CODE = "AM108"
NAME = "dangling-inference"
SEVERITY = "error"


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per dangling or one-premise linked inference."""
    here = sys.modules[__name__]
    for inf in amap.inferences:
        if not inf.linked:
            continue
        ids = [*inf.premises, inf.conclusion]
        missing = [i for i in ids if i not in amap.claims]
        for cid in missing:
            yield finding(
                here,
                amap,
                inf.loc,
                f"inference {inf.id} names {cid!r}, which is no claim id"
                f"{did_you_mean(cid, amap.claims, 0.5)}",
                tuple(i for i in ids if i in amap.claims),
            )
        if len(set(inf.premises)) < 2:
            yield finding(
                here,
                amap,
                inf.loc,
                f"inference {inf.id} links fewer than two premises: add the co-premise, "
                "or write the premise's support as 'supports:' on the claim",
                tuple(i for i in ids if i in amap.claims),
            )
