"""What the column shows, top to bottom: the rows of an outline of the map (pure).

The rows are those of :func:`argmap.diagram.diagram` (``partial=True``, as the
whole-map diagram draws) read as an outline: each thesis, then, indented under
each claim, what argues about it: its reasons in map order (a one-premise
support as the premise's row; a linked reason, or a step that is undercut, as a
**group** row holding its premises and followed by the undercuts of that step),
then the claims that attack it (objections, with their rebuttals under them).

A claim is drawn in full once, where it stands nearest a thesis (its least
depth; the first such place in reading order); everywhere else it is a
**reference** row (``see P2 ↑``), so no line runs across the column and a loop
of support ends in a reference. Claims no thesis leads to follow, starting from
those that argue about nothing, as in :mod:`argmap.render.outline`.

Loops: :func:`loops` gives the claims on a cycle of support (the strongly
connected components of the support relation, Tarjan 1972, "Depth-first search
and linear graph algorithms", SIAM J. Computing 1(2); a claim supporting itself
too), so every member of a loop can be marked, not only the first the checks
name.

Everything is iterative (no recursion): a chain of 30,000 claims is fine.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Literal

from argmap.diagram import Diagram, Edge, Junction, diagram
from argmap.model import ArgumentMap

#: What a row is: a claim in full, a reference to one drawn elsewhere, a linked
#: reason's group (its premises are the rows after it, up to its ``end``), or
#: a "+N claims hidden" box.
RowKind = Literal["claim", "ref", "group", "fold"]
#: How a row relates to its parent row: ``root`` (no parent), ``support``,
#: ``attack``, ``undercut`` (of the parent group's step), ``premise`` (inside
#: the parent group), ``fold``.
Relation = Literal["root", "support", "attack", "undercut", "premise", "fold"]


@dataclass
class Row:
    """One row of the column.

    Attributes:
        kind: :data:`RowKind`.
        node: the DOT node (and SVG element id) of what the row stands for: a
            claim's ``n…`` (for a reference too), a junction's ``j…``, a
            fold's ``f…``.
        claim: the claim's id (claim, ref and fold rows), else None.
        parent: index of the parent row, None for a root.
        relation: :data:`Relation` to the parent.
        phrase: the connector's tooltip (``"P1 supports T1"``).
        depth: claims between it and its root (a group counts as its conclusion's
            arguer; its premises one level below the group).
        junction: the group's junction (group rows).
        end: for a group row, the index of the first row after its box.
        circle: a reference that closes a loop of support.
    """

    kind: RowKind
    node: str
    claim: str | None
    parent: int | None
    relation: Relation
    phrase: str = ""
    depth: int = 0
    junction: Junction | None = None
    end: int = 0
    circle: bool = False


@dataclass
class _Index:
    """The diagram read per node: what argues about each claim, undercuts per junction."""

    ids: dict[str, str]
    names: dict[str, str]
    arguers: dict[str, list[Edge]] = field(default_factory=dict)
    undercuts: dict[str, list[Edge]] = field(default_factory=dict)
    junctions: dict[str, Junction] = field(default_factory=dict)


def _index(shape: Diagram) -> _Index:
    ids = {name: claim.id for name, claim in shape.claims}
    index = _Index(ids, {cid: name for name, cid in ids.items()})
    index.junctions = {j.name: j for j in shape.junctions}
    for edge in shape.edges:
        if edge.relation == "undercut":
            index.undercuts.setdefault(edge.target, []).append(edge)
        elif edge.relation in ("support", "attack"):
            index.arguers.setdefault(edge.target, []).append(edge)  # reasons, then attacks
    return index


def _children(index: _Index, node: str) -> list[str]:
    """Claim nodes one level below ``node`` (premises through junctions, undercutters)."""
    below: list[str] = []
    for edge in index.arguers.get(node, []):
        if edge.source in index.junctions:
            below.extend(index.names[p] for p in index.junctions[edge.source].premises)
            below.extend(u.source for u in index.undercuts.get(edge.source, []))
        else:
            below.append(edge.source)
    return below


def _roots(amap: ArgumentMap, index: _Index) -> list[str]:
    """Theses, then the other claims that argue about nothing (map order)."""
    arguing = {e.source for edges in index.arguers.values() for e in edges}
    arguing |= {index.names[p] for j in index.junctions.values() for p in j.premises}
    arguing |= {u.source for edges in index.undercuts.values() for u in edges}
    names = list(index.ids)
    theses = [n for n in names if amap.claims[index.ids[n]].kind == "thesis"]
    sinks = [n for n in names if n not in arguing and n not in theses]
    return theses + sinks


def _depths(index: _Index, sources: list[str]) -> dict[str, int]:
    """Least depth of each claim node below ``sources`` (breadth first)."""
    depth = dict.fromkeys(sources, 0)
    queue = deque(sources)
    while queue:
        node = queue.popleft()
        for child in _children(index, node):
            if child not in depth:
                depth[child] = depth[node] + 1
                queue.append(child)
    return depth


def _support_edges(index: _Index) -> dict[str, list[str]]:
    """Claim node → the claim nodes it supports (through junctions too)."""
    out: dict[str, list[str]] = {}
    for target, edges in index.arguers.items():
        for edge in edges:
            if edge.relation != "support":
                continue
            if edge.source in index.junctions:
                for p in index.junctions[edge.source].premises:
                    out.setdefault(index.names[p], []).append(target)
            else:
                out.setdefault(edge.source, []).append(target)
    return out


def loops(amap: ArgumentMap) -> list[frozenset[str]]:
    """The loops of support of ``amap`` as drawn: each a set of claim ids that all
    support one another through chains (a strongly connected component of two
    or more claims, or one claim supporting itself), in map order of their
    first claim."""
    index = _index(diagram(amap, partial=True))
    return [frozenset(index.ids[n] for n in comp) for comp in _components(index)]


def _components(index: _Index) -> list[list[str]]:
    """Tarjan's strongly connected components of the support relation that hold a
    cycle, iteratively (see the module docstring)."""
    succ = _support_edges(index)
    order: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found: list[list[str]] = []
    for start in index.ids:
        if start in order:
            continue
        work = [(start, 0)]
        while work:
            node, i = work.pop()
            if i == 0:
                order[node] = low[node] = len(order)
                stack.append(node)
                on_stack.add(node)
            targets = succ.get(node, [])
            if i < len(targets):
                work.append((node, i + 1))
                nxt = targets[i]
                if nxt not in order:
                    work.append((nxt, 0))
                elif nxt in on_stack:
                    low[node] = min(low[node], order[nxt])
                continue
            if low[node] == order[node]:
                comp = []
                while True:
                    top = stack.pop()
                    on_stack.discard(top)
                    comp.append(top)
                    if top == node:
                        break
                if len(comp) > 1 or node in succ.get(node, []):
                    found.append(comp)
            if work:
                parent = work[-1][0]
                low[parent] = min(low[parent], low[node])
    position = {name: k for k, name in enumerate(index.ids)}
    return sorted(
        (sorted(c, key=position.__getitem__) for c in found), key=lambda c: position[c[0]]
    )


@dataclass(frozen=True)
class _Task:
    """A step of the depth-first walk: draw ``node`` (a claim, or the group of a
    junction) under row ``parent``, or (``what="close"``) end group row ``parent``."""

    what: Literal["visit", "group", "fold", "close"]
    node: str
    parent: int | None
    relation: Relation = "root"
    phrase: str = ""
    depth: int = 0


class _Walk:
    """The depth-first walk that writes the rows (see :func:`rows`)."""

    def __init__(self, amap: ArgumentMap, folds: dict[str, int]) -> None:
        self.amap, self.folds = amap, folds
        self.index = _index(diagram(amap, partial=True))
        self.sources = _roots(amap, self.index)
        self.depth = _depths(self.index, self.sources)
        self.loop_of = {n: k for k, comp in enumerate(_components(self.index)) for n in comp}
        self.rows: list[Row] = []
        self.drawn: set[str] = set()
        self.todo: list[_Task] = []

    def run(self) -> list[Row]:
        """Walk from each root not drawn yet: the sources, then every claim in map order."""
        for root in [*self.sources, *self.index.ids]:
            if root not in self.drawn:
                self.todo.append(_Task("visit", root, None))
            while self.todo:
                task = self.todo.pop()
                if task.what == "close":
                    assert task.parent is not None
                    self.rows[task.parent].end = len(self.rows)
                elif task.what == "group":
                    self._group(task)
                elif task.what == "fold":
                    cid = self.index.ids[task.node]
                    fold = "f" + task.node[1:]
                    row = Row("fold", fold, cid, task.parent, "fold", task.phrase, task.depth)
                    self.rows.append(row)
                else:
                    self._visit(task)
        return self.rows

    def _visit(self, task: _Task) -> None:
        node, parent, relation, depth = task.node, task.parent, task.relation, task.depth
        cid = self.index.ids[node]
        if node in self.drawn or self.depth.get(node, depth) != depth:
            circle = relation in ("support", "premise") and self._same_loop(node, parent)
            ref = Row("ref", node, cid, parent, relation, task.phrase, depth, circle=circle)
            self.rows.append(ref)
            return
        self.drawn.add(node)
        here = len(self.rows)
        self.rows.append(Row("claim", node, cid, parent, relation, task.phrase, depth))
        tasks: list[_Task] = []
        for edge in self.index.arguers.get(node, []):
            what: Literal["visit", "group"] = (
                "group" if edge.source in self.index.junctions else "visit"
            )
            rel: Relation = "attack" if edge.relation == "attack" else "support"
            tasks.append(_Task(what, edge.source, here, rel, edge.phrase, depth + 1))
        hidden = self.folds.get(cid, 0)
        if hidden > 0:
            phrase = f"{hidden} hidden claim{'s' if hidden != 1 else ''} arguing about {cid}"
            tasks.append(_Task("fold", node, here, "fold", phrase, depth + 1))
        self.todo.extend(reversed(tasks))

    def _group(self, task: _Task) -> None:
        here = len(self.rows)
        j = self.index.junctions[task.node]
        self.rows.append(
            Row("group", task.node, None, task.parent, "support", task.phrase, task.depth, j)
        )
        inner = task.depth
        tasks = [
            _Task("visit", self.index.names[p], here, "premise", _premise(p, j), inner)
            for p in j.premises
        ]
        tasks.append(_Task("close", task.node, here))
        tasks += [
            _Task("visit", u.source, here, "undercut", u.phrase, inner)
            for u in self.index.undercuts.get(task.node, [])
        ]
        self.todo.extend(reversed(tasks))

    def _same_loop(self, node: str, parent: int | None) -> bool:
        """Whether a support from ``node`` to the claim its parent row concludes
        closes a loop (both on one loop of support)."""
        if parent is None or node not in self.loop_of:
            return False
        row = self.rows[parent]
        if row.junction is not None:
            target = self.index.names[row.junction.inference.conclusion]
        else:
            target = row.node
        return self.loop_of.get(target) == self.loop_of[node]


def _premise(premise: str, junction: Junction) -> str:
    return f"{premise}: premise of inference {junction.inference.id}"


def rows(amap: ArgumentMap, folds: Mapping[str, int] | None = None) -> list[Row]:
    """The rows of the column in reading order (see the module docstring).

    Args:
        amap: the map.
        folds: claim id → claims hidden under it (``--collapse``, ``--split``):
            each gets a fold row, the last under it.

    Returns:
        Rows in drawing order; every claim of the map is the ``claim`` row of
        exactly one row; a parent comes before its children; a group's rows run
        from it to its ``end``, its undercuts right after.
    """
    return _Walk(amap, dict(folds or {})).run()
