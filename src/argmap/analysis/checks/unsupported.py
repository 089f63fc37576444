"""A thesis, premise or rebuttal that no claim supports.

Definition: a claim of kind thesis, premise or rebuttal with no incoming
support (no inference concludes it). Precedents and evidence are the basis of an
argument (Rationale's "basis boxes") and are not flagged; objections are the
other side's claims and are not flagged either. Support through linked
premises counts like any other.

Source: Allen, *Smart Thinking* (3rd ed., Oxford UP 2010), ch. 4: a claim is
well founded when it is self-evident, backed by authority, or supported by
further reasoning; a claim offered with none of these is unsupported.

Fix: add a premise, precedent or evidence with ``supports: <id>``, or say in
the claim's ``ignore:`` that it is self-evident.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}

Reports: AM101 on T1.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., supports: T1, source: "Lee 2020"}

Reports: nothing.

Triggers (a rebuttal; the objection and the evidence are not flagged)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., supports: T1, source: "Lee 2020"}
      O1: {kind: objection, text: It costs too much., attacks: T1}
      R1: {kind: rebuttal, text: It pays for itself., attacks: O1}

Reports: AM101 on R1.

Passes (linked premises support their conclusion jointly)::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: Costs fell., source: "Lee 2020"}
      E2: {kind: evidence, text: Demand rose., source: "Kim 2021"}
    inferences:
      I1: {premises: [E1, E2], conclusion: T1}

Reports: nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap

FLAGGED_KINDS = ("thesis", "premise", "rebuttal")


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per unsupported thesis, premise or rebuttal."""
    for cid, claim in amap.claims.items():
        if claim.kind in FLAGGED_KINDS and not graph.support.pred[cid]:
            yield CHECK.at_claim(
                amap,
                cid,
                f"{claim.kind} {cid} has no supporting claim: add a premise, precedent "
                f"or evidence with 'supports: {cid}'",
            )


CHECK = Check(
    code="AM101", name="unsupported-claim", severity="warning", doc=__doc__ or "", run=check
)
