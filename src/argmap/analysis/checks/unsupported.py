"""A thesis, premise or rebuttal that no claim supports.

Definition: a claim of kind thesis, premise or rebuttal with no incoming
support (no inference concludes it). Precedents and evidence are the basis of an
argument (Rationale's "basis boxes") and are not flagged; objections are the
other side's claims and are not flagged either.

Source: Allen, *Smart Thinking* (3rd ed., Oxford UP 2010), ch. 4: a claim is
well founded when it is self-evident, backed by authority, or supported by
further reasoning; a claim offered with none of these is unsupported.

Fix: add a premise, precedent or evidence with ``supports: <id>``, or say in
the claim's ``ignore:`` that it is self-evident.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: The data say so., supports: T1}
"""

from __future__ import annotations

import sys
from collections.abc import Iterator

from argmap.analysis.checks._base import at_claim
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import ArgumentMap

CODE = "AM101"
NAME = "unsupported-claim"
SEVERITY = "warning"
FLAGGED_KINDS = ("thesis", "premise", "rebuttal")


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per unsupported thesis, premise or rebuttal."""
    here = sys.modules[__name__]
    for cid, claim in amap.claims.items():
        if claim.kind in FLAGGED_KINDS and graph.support.in_degree(cid) == 0:
            yield at_claim(
                here,
                amap,
                cid,
                f"{claim.kind} {cid} has no supporting claim: add a premise, precedent "
                f"or evidence with 'supports: {cid}'",
            )
