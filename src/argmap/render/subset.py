"""Parts of large maps: a claim's neighbourhood, folded subtrees, one page per branch.

Pure functions from a map to smaller maps (same claims, fewer of them). None of
them cuts a reason apart: each closes the claims it picks with
:func:`whole_reasons`, so every step whose conclusion and some premise are
shown is drawn whole (all its premises, drawn in full, its junction and every
claim that undercuts it) and a fold never counts a claim that is shown; see
:mod:`argmap.render.reasons` for the two rules.

* :func:`focus`: the claims within K relations of one claim, the relations
  read in both directions (support, attack and undercut alike; an undercut
  links its attacker to the undercut step's conclusion, as in
  :mod:`argmap.analysis.graph`), then closed. A claim the closure adds is
  shown, but what argues about it only if that is itself within K relations.
  At K = 0 the part is the claim alone (no closure: no step is shown).
* :func:`collapse`: the claims at most D levels below the thesis, where a
  claim's children are the claims that argue about it (supporters, attackers,
  undercutters, see :func:`argmap.render.outline.arguers`), then closed; each
  shown claim with hidden claims under it gets a fold. Levels are
  breadth-first distances, every hidden claim counted once, under the first
  shown claim that leads to it (reading order).
* :func:`split`: an overview (the theses and the claims arguing directly about
  them, closed) and one page per line of argument that holds claims the
  overview does not show: a branch (a claim arguing directly about a thesis)
  and every claim that argues about it, directly or through others (a claim on
  several branches is on each of their pages). The premises and undercutters
  of a step into a thesis drawn through a junction (linked premises, or an
  undercut step) are one line of argument: their page also holds that thesis
  and the step, so the reason is drawn whole there too.

"Below the thesis" starts from every thesis; in a map without one, from the
claims that argue about nothing; claims neither leads to start levels of their
own (file order).
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable
from collections.abc import Set as AbstractSet
from dataclasses import dataclass, field

from argmap.diagram import junction_names
from argmap.errors import UsageError
from argmap.model import ArgumentMap
from argmap.render.outline import Child, arguers
from argmap.render.reasons import Restrictor
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
        overview: theses and their direct arguers (closed over whole reasons);
            ``folds`` maps each page's branch to the claims of its page that
            the overview does not show (file order).
        pages: branch claim id → its page's map, in reading order (a line of
            argument of several branches is named by its first).
        page_of: every branch shown on the overview that has a page → the
            branch claim id that names the page.
    """

    overview: Folded
    pages: dict[str, ArgumentMap]
    page_of: dict[str, str] = field(default_factory=dict)


def restrict(amap: ArgumentMap, keep: AbstractSet[str]) -> ArgumentMap:
    """The map with only the claims in ``keep`` and the relations among them.

    An inference stays exactly when its conclusion and all its premises stay
    (a linked reason of which only some premises are kept is left out, never
    drawn as a plain support); an undercut stays with its attacker and its
    inference; an attack with both its claims. Everything keeps the map's
    order. See :mod:`argmap.render.reasons`; :func:`whole_reasons` first keeps
    every shown reason whole.
    """
    return Restrictor(amap).restrict(keep)


def whole_reasons(amap: ArgumentMap, keep: AbstractSet[str]) -> set[str]:
    """``keep`` closed over linked premises and undercuts: for every step whose
    conclusion and some premise are in it, all its premises and every claim
    that undercuts it (repeated until nothing is added; see
    :mod:`argmap.render.reasons`). Ids of no claim are dropped. Linear in the
    map; for many parts of one map use :meth:`Restrictor.whole_reasons`."""
    return Restrictor(amap).whole_reasons(keep)


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
    """The neighbourhood of ``claim_id``: claims at most ``depth`` relations away,
    closed over whole reasons when ``depth`` ≥ 1; at depth 0 the claim alone
    (with a step from it to itself, if the map has one).

    Raises:
        UsageError: ``claim_id`` is not a claim of the map, or ``depth`` < 0.
    """
    _check_id(amap, claim_id)
    if depth < 0:
        raise UsageError(f"--depth must be 0 or more, not {depth}")
    adj = neighbours(amap) if depth else {}
    dist = {claim_id: 0}
    queue = deque([claim_id])
    while queue:
        cid = queue.popleft()
        if dist[cid] < depth:
            for nxt in adj[cid]:
                if nxt not in dist:
                    dist[nxt] = dist[cid] + 1
                    queue.append(nxt)
    parts = Restrictor(amap)
    return parts.restrict(parts.whole_reasons(dist) if depth else dist)


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
    """The claims at most ``depth`` levels below the thesis, closed over whole
    reasons, the rest folded.

    Returns:
        A :class:`Folded` whose ``folds`` map shown claims (those at level
        ``depth``, and claims the closure added) to the hidden claims under
        them; every hidden claim is in exactly one fold, no shown claim in any.

    Raises:
        UsageError: ``depth`` < 0.
    """
    if depth < 0:
        raise UsageError(f"--collapse must be 0 or more, not {depth}")
    level, parent = levels(amap)
    parts = Restrictor(amap)
    keep = parts.whole_reasons(cid for cid, lv in level.items() if lv <= depth)
    anchor = {cid: cid for cid in keep}
    for cid in sorted(level, key=level.__getitem__):  # a parent before its children
        if cid not in anchor:
            anchor[cid] = anchor[parent[cid]]
    folds: dict[str, list[str]] = {}
    for cid in amap.claims:
        if cid not in keep:
            folds.setdefault(anchor[cid], []).append(cid)
    return Folded(parts.restrict(keep), {k: tuple(v) for k, v in folds.items()})


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
    return sorted(_below([claim_id], stop, index), key=rank.__getitem__)


def _below(starts: Iterable[str], stop: frozenset[str], index: dict[str, list[Child]]) -> set[str]:
    """``starts`` and every claim arguing about one of them, not through ``stop``."""
    found = set(starts)
    queue = deque(found)
    while queue:
        for child, _, _ in index[queue.popleft()]:
            if child not in found and child not in stop:
                found.add(child)
                queue.append(child)
    return found


def _lines(
    amap: ArgumentMap, parts: Restrictor, roots: list[str], branches: list[str]
) -> dict[str, tuple[list[str], list[int]]]:
    """The lines of argument under the roots: first branch → (its branches in
    reading order, numbers of the steps into a root that the line's page draws).

    Branches are one line when they are premises or undercutters of one step
    into a root drawn through a junction (:func:`argmap.diagram.junction_names`),
    and so on transitively; every other branch is a line of its own.
    """
    group = {b: b for b in branches}

    def find(cid: str) -> str:
        while group[cid] != cid:
            group[cid] = group[group[cid]]
            cid = group[cid]
        return cid

    junctions = junction_names(amap)
    steps: list[tuple[int, str]] = []
    for root in roots:
        for i in parts.into.get(root, ()):
            inf = amap.inferences[i]
            ends = [
                c for c in (*parts.premises[i], *parts.undercutters.get(inf.id, ())) if c in group
            ]
            if inf.id in junctions and ends:
                for other in ends[1:]:
                    group[find(other)] = find(ends[0])
                steps.append((i, ends[0]))
    lines: dict[str, tuple[list[str], list[int]]] = {}
    for branch in branches:
        lines.setdefault(find(branch), ([], []))[0].append(branch)
    for i, end in steps:
        lines[find(end)][1].append(i)
    return {members[0]: (members, sorted(set(nums))) for members, nums in lines.values()}


def split(amap: ArgumentMap) -> Split:
    """An overview plus one page per line of argument under the thesis (module
    docstring). Time linear in the map and the pages made."""
    level, _ = levels(amap)
    roots = [cid for cid in amap.claims if level[cid] == 0]
    stop = frozenset(roots)
    index = arguers(amap)
    branches = [c for root in roots for c, _, _ in index[root] if c not in stop]
    branches = list(dict.fromkeys(branches))
    parts = Restrictor(amap)
    shown = parts.whole_reasons([*roots, *branches])
    pages: dict[str, ArgumentMap] = {}
    folds: dict[str, tuple[str, ...]] = {}
    page_of: dict[str, str] = {}
    for key, (members, steps) in _lines(amap, parts, roots, branches).items():
        keep = parts.whole_reasons(_below(members, stop, index))
        hidden = tuple(sorted((c for c in keep if c not in shown), key=parts.rank.__getitem__))
        if hidden:
            pages[key] = parts.restrict(keep, steps)
            folds[key] = hidden
            page_of.update((m, key) for m in members)
    return Split(Folded(parts.restrict(shown), folds), pages, page_of)
