"""The argument as an outline: each claim with the claims that argue about it below it.

Pure (model only). Used by the interactive HTML page for its keyboard and
screen-reader outline; the order is the reading order of an argument map
(Rationale's convention): the thesis, then under each claim the lines of
support (in file order), then the objections against it, then the claims that
undercut a step into it.

An argument map is a graph, not a tree: a claim that argues about several
claims appears under each of them, but its own subtree is written out only at
its first appearance (in depth-first order), later ones are references
(:attr:`OutlineItem.repeat`). This keeps the outline linear in the number of
relations and finite on cycles.
"""

from __future__ import annotations

from dataclasses import dataclass

from argmap.model import ArgumentMap

#: Order of relations under a claim.
RELATION_ORDER = ("supports", "attacks", "undercuts")


@dataclass(frozen=True)
class OutlineItem:
    """One line of the outline.

    Attributes:
        claim: id of the claim shown.
        relation: how it argues about its parent: ``"supports"``, ``"attacks"``,
            ``"undercuts"``, or ``""`` for a top-level item.
        parent: id of the parent claim (``""`` at top level).
        linked_with: for linked premises, the ids of the other premises of the
            same inference, in the order given.
        via: for an undercut, the id of the inference it undercuts.
        repeat: True when the claim was written out earlier; no children then.
        children: the items below it.
    """

    claim: str
    relation: str = ""
    parent: str = ""
    linked_with: tuple[str, ...] = ()
    via: str = ""
    repeat: bool = False
    children: tuple["OutlineItem", ...] = ()


@dataclass(frozen=True)
class _Arguer:
    claim: str
    relation: str
    linked_with: tuple[str, ...] = ()
    via: str = ""


def arguers(amap: ArgumentMap) -> dict[str, list[_Arguer]]:
    """For each claim id, the claims that argue about it, in outline order.

    Relations naming no claim (dangling) are left out.
    """
    claims = amap.claims
    found: dict[str, dict[str, list[_Arguer]]] = {
        c: {r: [] for r in RELATION_ORDER} for c in claims
    }
    conclusion_of: dict[str, str] = {}
    for inf in amap.inferences:
        conclusion_of[inf.id] = inf.conclusion
        if inf.conclusion not in claims:
            continue
        for premise in inf.premises:
            if premise in claims:
                others = tuple(p for p in inf.premises if p != premise) if inf.linked else ()
                found[inf.conclusion]["supports"].append(_Arguer(premise, "supports", others))
    for att in amap.attacks:
        if att.attacker in claims and att.target in claims:
            found[att.target]["attacks"].append(_Arguer(att.attacker, "attacks"))
    for und in amap.undercuts:
        target = conclusion_of.get(und.inference)
        if und.attacker in claims and target in claims:
            undercut = _Arguer(und.attacker, "undercuts", via=und.inference)
            found[target]["undercuts"].append(undercut)
    return {c: [a for r in RELATION_ORDER for a in by_rel[r]] for c, by_rel in found.items()}


def roots(amap: ArgumentMap) -> list[str]:
    """Top-level claims: those that argue about no claim, theses first, then file order."""
    below = {a.claim for items in arguers(amap).values() for a in items}
    top = [c for c in amap.claims if c not in below]
    return sorted(top, key=lambda c: amap.claims[c].kind != "thesis")


def build_outline(amap: ArgumentMap) -> tuple[OutlineItem, ...]:
    """The outline of ``amap``: a tuple of top-level :class:`OutlineItem`.

    Top level: :func:`roots`, then any claim not reached from them (only
    claims on support or attack cycles), in file order. Every claim is written
    out exactly once with ``repeat=False``. Runs in O(claims + relations)
    (iterative, so deep chains cannot exhaust the Python stack).
    """
    below = arguers(amap)
    seen: set[str] = set()
    top: list[OutlineItem] = []
    for cid in roots(amap) + list(amap.claims):
        if cid not in seen:
            top.append(_expand(_Arguer(cid, ""), "", below, seen))
    return tuple(top)


def _expand(start: _Arguer, parent: str, below: dict[str, list[_Arguer]],
            seen: set[str]) -> OutlineItem:  # fmt: skip
    """Depth-first expansion with an explicit stack; children built after their subtrees."""
    seen.add(start.claim)
    # Each frame: (arguer, parent id, children still to visit, finished child items).
    stack: list[tuple[_Arguer, str, list[_Arguer], list[OutlineItem]]] = [
        (start, parent, list(reversed(below[start.claim])), [])
    ]
    while True:
        node, node_parent, todo, done = stack[-1]
        if todo:
            child = todo.pop()
            if child.claim in seen:
                done.append(_item(child, node.claim, repeat=True))
            else:
                seen.add(child.claim)
                stack.append((child, node.claim, list(reversed(below[child.claim])), []))
            continue
        stack.pop()
        item = _item(node, node_parent, children=tuple(done))
        if not stack:
            return item
        stack[-1][3].append(item)


def _item(a: _Arguer, parent: str, *, repeat: bool = False,
          children: tuple[OutlineItem, ...] = ()) -> OutlineItem:  # fmt: skip
    return OutlineItem(a.claim, a.relation, parent, a.linked_with, a.via, repeat, children)
