"""A precedent or evidence without a source.

Definition: a claim of kind precedent or evidence that has no ``source:`` of
its own and is not tied to the map's source text (a ``para:`` together with the
map's top-level ``source:`` block counts as a source; a ``para:`` alone does
not, as it points into no named text). Evidence and precedents are the basis
of an argument; a basis nobody can check is only an assertion.

Source: Rationale's basis boxes (Reasoninglab, *Rationale* user guide, "basis
boxes": each basis names its kind of backing, e.g. publication, statistic,
quote); Allen, *Smart Thinking* (3rd ed., 2010), ch. 4 on authority as a
ground for claims.

Fix: add ``source:`` (a citation or an http/https/mailto URL), or a ``para:``
when the map's ``source:`` names the text it comes from.

Triggers::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: A study says so., supports: T1}

Reports: AM110 on E1.

Passes::

    claims:
      T1: {kind: thesis, text: We should act.}
      E1: {kind: evidence, text: A study says so., supports: T1, source: "Lee 2020"}

Reports: nothing.

Triggers (a paragraph number, but no source block for the map)::

    claims:
      T1: {kind: thesis, text: We should act.}
      PR1: {kind: precedent, text: It worked in 2019., supports: T1, para: 4}

Reports: AM110 on PR1.

Passes (a paragraph of the text the map's source block names)::

    source: {title: The plan, publication: The Daily}
    claims:
      T1: {kind: thesis, text: We should act.}
      PR1: {kind: precedent, text: It worked in 2019., supports: T1, para: 4}

Reports: nothing.
"""

from __future__ import annotations

from collections.abc import Iterator

from argmap.analysis.checks._base import Check
from argmap.analysis.graph import ArgumentGraph
from argmap.findings import Finding
from argmap.model import BASIS_KINDS, ArgumentMap


def check(amap: ArgumentMap, graph: ArgumentGraph) -> Iterator[Finding]:
    """Yield one finding per precedent or evidence with no source."""
    for cid, claim in amap.claims.items():
        if claim.kind not in BASIS_KINDS or claim.source:
            continue
        if claim.para and amap.source is not None:
            continue
        yield CHECK.at_claim(
            amap,
            cid,
            f"{claim.kind} {cid} has no source: add 'source:' (a citation or URL), "
            "or 'para:' with a top-level 'source:' block",
        )


CHECK = Check(
    code="AM110", name="unsourced-basis", severity="warning", doc=__doc__ or "", run=check
)
