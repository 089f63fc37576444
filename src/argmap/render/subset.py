"""Parts of large maps: a claim's neighbourhood, folded subtrees, one page per branch.

Pure functions from a map to smaller maps (same claims, fewer of them):

* :func:`focus`: the claims within K relations of one claim, the relations
  read in both directions (support, attack and undercut alike; an undercut
  links its attacker to the undercut step's conclusion, as in
  :mod:`argmap.analysis.graph`).
* :func:`collapse`: the claims at most D levels below the thesis, where a
  claim's children are the claims that argue about it (supporters, attackers,
  undercutters, see :func:`argmap.render.outline.arguers`); each claim at level
  D with hidden claims under it gets a fold. Levels are breadth-first
  distances, every hidden claim counted once, under the first claim at level
  D that leads to it (reading order).
* :func:`split`: an overview (the theses and the claims arguing directly about
  them) and one page per such claim that has arguers: that claim and every
  claim that argues about it, directly or through others (a claim on several
  branches is on each of their pages).

"Below the thesis" starts from every thesis; in a map without one, from the
claims that argue about nothing; claims neither leads to start levels of their
own (file order).
"""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass, replace

from argmap.errors import UsageError
from argmap.model import ArgumentMap
from argmap.render.outline import Child, arguers
from argmap.util.suggest import did_you_mean


@dataclass(frozen=True)
class Folded:
    """A map with parts hidden.

    Attributes:
        amap: the claims still shown and the relations among them.
        folds: shown claim id → ids of the claims hidden under it (file order).
    """

    amap: ArgumentMap
    folds: dict[str, tuple[str, ...]]


@dataclass(frozen=True)
class Split:
    """An overview and one page per branch.

    Attributes:
        overview: theses and their direct arguers; ``folds`` maps each branch
            claim to the other claims of its page.
        pages: branch claim id → its page's map, in reading order.
    """

    overview: Folded
    pages: dict[str, ArgumentMap]


def restrict(amap: ArgumentMap, keep: set[str] | frozenset[str]) -> ArgumentMap:
    """The map with only the claims in ``keep`` and the relations among them.

    An inference stays when its conclusion and at least one premise stay (its
    premises cut to those kept); an undercut stays with its attacker and its
    inference. Everything keeps the map's order.
    """
    return Restrictor(amap).restrict(keep)


class Restrictor:
    """:func:`restrict` for many parts of one map, each in time proportional to the
    part (the map is indexed once: relations by the claim they start or end at).
    """

    def __init__(self, amap: ArgumentMap) -> None:
        self.amap = amap
        self.rank = {cid: i for i, cid in enumerate(amap.claims)}
        self.into: dict[str, list[int]] = {}
        for i, inf in enumerate(amap.inferences):
            self.into.setdefault(inf.conclusion, []).append(i)
        self.attacks: dict[str, list[int]] = {}
        for i, att in enumerate(amap.attacks):
            self.attacks.setdefault(att.attacker, []).append(i)
        self.undercuts: dict[str, list[int]] = {}
        for i, und in enumerate(amap.undercuts):
            self.undercuts.setdefault(und.attacker, []).append(i)

    def restrict(self, keep: set[str] | frozenset[str]) -> ArgumentMap:
        """The part of the map with the claims in ``keep`` (see :func:`restrict`)."""
        amap, rank = self.amap, self.rank
        ordered = sorted((cid for cid in keep if cid in rank), key=rank.__getitem__)
        claims = {cid: amap.claims[cid] for cid in ordered}
        inferences = []
        for i in sorted(i for cid in ordered for i in self.into.get(cid, ())):
            inf = amap.inferences[i]
            premises = tuple(p for p in inf.premises if p in claims)
            if premises:
                inferences.append(replace(inf, premises=premises))
        kept_infs = {inf.id for inf in inferences}
        attacks = sorted(i for cid in ordered for i in self.attacks.get(cid, ()))
        undercuts = sorted(i for cid in ordered for i in self.undercuts.get(cid, ()))
        return replace(
            amap,
            claims=claims,
            inferences=tuple(inferences),
            attacks=tuple(amap.attacks[i] for i in attacks if amap.attacks[i].target in claims),
            undercuts=tuple(
                amap.undercuts[i] for i in undercuts if amap.undercuts[i].inference in kept_infs
            ),
        )


def neighbours(amap: ArgumentMap) -> dict[str, list[str]]:
    """Claim id → ids of the claims one relation away, either direction (file order)."""
    adj: dict[str, list[str]] = {cid: [] for cid in amap.claims}
    for cid, children in arguers(amap).items():
        for child, _, _ in children:
            if child != cid:
                adj[cid].append(child)
                adj[child].append(cid)
    return {cid: list(dict.fromkeys(ids)) for cid, ids in adj.items()}


def _check_id(amap: ArgumentMap, claim_id: str) -> None:
    if claim_id not in amap.claims:
        hint = did_you_mean(claim_id, amap.claims, 0.5)
        raise UsageError(f"{amap.path}: --focus {claim_id!r} names no claim of the map{hint}")


def focus(amap: ArgumentMap, claim_id: str, depth: int) -> ArgumentMap:
    """The neighbourhood of ``claim_id``: claims at most ``depth`` relations away.

    Raises:
        UsageError: ``claim_id`` is not a claim of the map, or ``depth`` < 0.
    """
    _check_id(amap, claim_id)
    if depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")
    adj = neighbours(amap)
    dist = {claim_id: 0}
    queue = deque([claim_id])
    while queue:
        cid = queue.popleft()
        if dist[cid] < depth:
            for nxt in adj[cid]:
                if nxt not in dist:
                    dist[nxt] = dist[cid] + 1
                    queue.append(nxt)
    return restrict(amap, set(dist))


def levels(amap: ArgumentMap) -> tuple[dict[str, int], dict[str, str]]:
    """Breadth-first level of every claim below the theses, and each claim's parent
    in that search (roots have none); see the module docstring for the roots."""
    index = arguers(amap)
    theses = [cid for cid, c in amap.claims.items() if c.kind == "thesis"]
    arguing = {child for children in index.values() for child, _, _ in children}
    roots = theses or [cid for cid in amap.claims if cid not in arguing]
    level: dict[str, int] = {}
    parent: dict[str, str] = {}
    for start in roots + list(amap.claims):
        if start in level:
            continue
        level[start] = 0
        queue = deque([start])
        while queue:
            cid = queue.popleft()
            for child, _, _ in index[cid]:
                if child not in level:
                    level[child], parent[child] = level[cid] + 1, cid
                    queue.append(child)
    return level, parent


def collapse(amap: ArgumentMap, depth: int) -> Folded:
    """The claims at most ``depth`` levels below the thesis, the rest folded.

    Returns:
        A :class:`Folded` whose ``folds`` map each shown claim at level
        ``depth`` to the hidden claims under it; every hidden claim is in
        exactly one fold.

    Raises:
        UsageError: ``depth`` < 0.
    """
    if depth < 0:
        raise UsageError(f"--collapse must be 0 or more, not {depth}")
    level, parent = levels(amap)
    keep = {cid for cid, lv in level.items() if lv <= depth}
    anchor = {cid: cid for cid in keep}
    for cid in sorted(level, key=level.__getitem__):  # a parent before its children
        if cid not in anchor:
            anchor[cid] = anchor[parent[cid]]
    folds: dict[str, list[str]] = {}
    for cid in amap.claims:
        if cid not in keep:
            folds.setdefault(anchor[cid], []).append(cid)
    return Folded(restrict(amap, keep), {k: tuple(v) for k, v in folds.items()})


def below(
    amap: ArgumentMap,
    claim_id: str,
    stop: frozenset[str] = frozenset(),
    index: dict[str, list[Child]] | None = None,
    rank: dict[str, int] | None = None,
) -> list[str]:
    """``claim_id`` and every claim that argues about it, directly or through
    others, not passing through ``stop`` (file order). ``index`` (from
    :func:`~argmap.render.outline.arguers`) and ``rank`` (claim id → its place
    in the map) are built when not given; pass them to look below many claims
    in time proportional to what is found."""
    index = arguers(amap) if index is None else index
    rank = {cid: i for i, cid in enumerate(amap.claims)} if rank is None else rank
    found = {claim_id}
    queue = deque([claim_id])
    while queue:
        for child, _, _ in index[queue.popleft()]:
            if child not in found and child not in stop:
                found.add(child)
                queue.append(child)
    return sorted(found, key=rank.__getitem__)


def split(amap: ArgumentMap) -> Split:
    """An overview plus one page per branch under the thesis (module docstring)."""
    level, _ = levels(amap)
    roots = {cid for cid, lv in level.items() if lv == 0}
    index = arguers(amap)
    branches = [child for root in amap.claims if root in roots for child, _, _ in index[root]]
    branches = [b for b in dict.fromkeys(branches) if b not in roots]
    pages: dict[str, ArgumentMap] = {}
    folds: dict[str, tuple[str, ...]] = {}
    parts = Restrictor(amap)
    stop = frozenset(roots)
    for branch in branches:
        members = below(amap, branch, stop, index, parts.rank)
        if len(members) > 1:
            pages[branch] = parts.restrict(set(members))
            folds[branch] = tuple(m for m in members if m != branch)
    overview = parts.restrict(roots | set(branches))
    return Split(Folded(overview, folds), pages)
