"""Every claim of a knot of circular support marked on the diagram.

The check of circular support (AM102, :mod:`argmap.analysis.checks.circular`)
reports one finding per *knot*, a strongly connected component of the support
graph, and names one witness cycle of it; a knot may hold more claims than
that cycle (premises linked with a claim of the loop that lead back into it).
Every claim of the knot supports itself through a chain, so each is marked
"goes in a circle", on the whole-map diagram as in the column layout
(:func:`argmap.render.column.tree.loops`). Support here is a diagram's support
and premise lines, through the junctions of linked premises.
"""

from __future__ import annotations

from collections.abc import Mapping

from argmap.diagram import Diagram
from argmap.findings import Finding

#: The check code of circular support.
CIRCLE_CODE = "AM102"


def knot_notes(shape: Diagram, notes: Mapping[str, list[Finding]]) -> dict[str, list[Finding]]:
    """``notes`` (claim id → findings marked on it) with each circular-support
    finding also marked on every claim of the knot its first claim is in (after
    the claim's other findings, once).

    Linear in the diagram per knot: what its first claim reaches along support
    lines, and what reaches it.
    """
    out = {cid: list(found) for cid, found in notes.items()}
    circles = list(
        {id(f): f for found in notes.values() for f in found if f.code == CIRCLE_CODE}.values()
    )
    if not circles:
        return out
    ids = {name: claim.id for name, claim in shape.claims}
    names = {cid: name for name, cid in ids.items()}
    up: dict[str, list[str]] = {}
    down: dict[str, list[str]] = {}
    for edge in shape.edges:
        if edge.relation in ("support", "premise"):
            up.setdefault(edge.source, []).append(edge.target)
            down.setdefault(edge.target, []).append(edge.source)
    for finding in circles:
        start = names.get(finding.claims[0]) if finding.claims else None
        if start is None:
            continue
        knot = _reach(start, up) & _reach(start, down)
        for name, cid in ids.items():  # map order
            if name in knot and finding not in out.setdefault(cid, []):
                out[cid].append(finding)
    return out


def _reach(start: str, succ: Mapping[str, list[str]]) -> set[str]:
    """The nodes reachable from ``start`` along ``succ`` (``start`` included)."""
    seen, todo = {start}, [start]
    while todo:
        for nxt in succ.get(todo.pop(), ()):
            if nxt not in seen:
                seen.add(nxt)
                todo.append(nxt)
    return seen
