"""Which claims of the whole-map diagram share a row, and which lines run along one
(pure: node names in, node names out; :mod:`argmap.render.dot` draws the result).

Graphviz's ``dot`` puts every node on a row (a rank) by following the lines;
these rules put claims that belong together on one row instead:

* **Linked premises** (a junction fed by two or more drawn premises) share one
  row inside a light box, one reason as Rationale and MindMup draw it
  (:class:`Box`). Graphviz boxes cannot overlap, so a premise already boxed
  with an earlier inference stays in that box; the later group still shares
  its row.
* **Undercuts**: the undercutting claim sits on the row of the junction it
  undercuts, so its line runs sideways into the dot on the step and cannot be
  read as aimed at a premise.
* **Objections** sit on the row of the first claim they attack, beside it
  (at most ``beside`` of them, the theme's: two by default, one on each
  side; the others hang under it, with its reasons); their rebuttals, one
  row below, sit under them.
  The second attacker beside a claim or junction has its line written the
  other way round (``dir=back``), so that Graphviz, which draws a line along a
  row from left to right, puts the two on both sides of it. A claim in a box
  gets no objection beside it: the box would stand between them.

A claim is placed once: boxes first, then undercuts, then attacks, each in the
diagram's order; a claim in a box or beside something is not moved again. A
line whose two ends share a row is *flat*: :func:`minimum_lengths` leaves it
alone.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass

from argmap.diagram import Diagram, Edge


@dataclass(frozen=True)
class Box:
    """The box around the linked premises of one junction.

    Attributes:
        name: ``g`` + the junction's number (``g3`` boxes the premises of ``j3``);
            also its element id in the SVG.
        junction: the junction's node name (``j3``).
        members: node names of the premises in the box, in the inference's order.
        phrase: its tooltip, e.g. ``"Linked premises of inference I1: P2 and
            P3 together support T1"``.
    """

    name: str
    junction: str
    members: tuple[str, ...]
    phrase: str


@dataclass(frozen=True)
class Layout:
    """Rows and boxes of a diagram.

    Attributes:
        boxes: the boxes of linked premises, in junction order.
        rows: further sets of node names that share a row (each of two or more,
            in the order their first member was placed), beyond the boxes.
        flat: indexes (into :attr:`argmap.diagram.Diagram.edges`) of the lines
            whose ends share a row.
        backward: indexes of flat lines written head first with ``dir=back``.
    """

    boxes: tuple[Box, ...]
    rows: tuple[tuple[str, ...], ...]
    flat: frozenset[int]
    backward: frozenset[int]


#: How many times :func:`plan` plans the rows again before it gives up on rows.
ATTEMPTS = 4


class _Rows:
    """Union–find over node names: which nodes share a row."""

    def __init__(self) -> None:
        self.parent: dict[str, str] = {}
        self.order: list[str] = []

    def find(self, name: str) -> str:
        """The representative of ``name``'s row (path halving)."""
        parent = self.parent
        if name not in parent:
            parent[name] = name
            self.order.append(name)
        while parent[name] != name:
            parent[name] = parent[parent[name]]
            name = parent[name]
        return name

    def join(self, a: str, b: str) -> None:
        """Put ``a`` and ``b`` on one row."""
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            self.parent[rb] = ra

    def classes(self) -> list[tuple[str, ...]]:
        """Every row of two or more nodes, members in the order they were first seen."""
        rows: dict[str, list[str]] = {}
        for name in self.order:
            rows.setdefault(self.find(name), []).append(name)
        return [tuple(row) for row in rows.values() if len(row) > 1]


def _boxes(shape: Diagram, rows: _Rows, placed: set[str]) -> list[Box]:
    """Box the linked premises of each junction (those not in ``placed`` when the
    plan began: it holds the nodes left alone)."""
    boxes = []
    names = {claim.id: name for name, claim in shape.claims}
    alone = set(placed)
    for junction in shape.junctions:
        if junction.name in alone:
            continue
        members = tuple(
            dict.fromkeys(n for p in junction.premises if (n := names[p]) not in alone)
        )
        if len(members) < 2:
            continue
        for other in members[1:]:
            rows.join(members[0], other)
        free = tuple(m for m in members if m not in placed)
        placed.update(members)
        if len(free) > 1:
            phrase = "Linked premises of i" + junction.phrase[1:]
            boxes.append(Box("g" + junction.name[1:], junction.name, free, phrase))
    return boxes


def _beside(
    shape: Diagram, rows: _Rows, placed: set[str], alone: set[str], most: int
) -> dict[int, int]:
    """Place undercutters beside their junction and objections beside their first
    target not in a box (beside a boxed premise the box would stand between them);
    returns edge index → how many attackers the target had before it."""
    boxed = set(placed)
    kinds = {name: claim.kind for name, claim in shape.claims}
    seen: dict[str, int] = {}
    beside: dict[int, int] = {}
    for relation in ("undercut", "attack"):
        for i, edge in enumerate(shape.edges):
            if edge.relation != relation or edge.source in placed or edge.target in alone:
                continue
            if seen.get(edge.target, 0) >= most or (
                relation == "attack"
                and (kinds.get(edge.source) != "objection" or edge.target in boxed)
            ):
                continue
            placed.add(edge.source)
            rows.join(edge.target, edge.source)
            beside[i] = seen.get(edge.target, 0)
            seen[edge.target] = beside[i] + 1
    return beside


def plan(shape: Diagram, beside: int = 2) -> Layout:
    """The rows and boxes of the diagram ``shape`` (deterministic: diagram order).

    Rows never make a loop, and the only lines along a row are those of the
    attackers placed beside their target: Graphviz 2.43 can run without end
    on a map whose lines go round in a loop through shared rows and boxes, and
    it can abort on a box whose premises argue with each other. So a node on a
    loop of the diagram's lines (circular support, an attack answered by its
    target …) is left alone; when rows would close a loop of their own or hold
    another line along them, the rows are planned again with the attackers
    placed beside something on those rows left alone (or, with none, every
    node of those rows); at most :data:`ATTEMPTS` times, then no rows at all.
    Linear in the size of the diagram per attempt.

    Args:
        shape: :func:`argmap.diagram.diagram` of the map.
        beside: at most this many attackers beside one claim or junction (the
            theme's :attr:`~argmap.render.style.Theme.beside`); further
            objections of a claim hang under it, with its reasons.

    Returns:
        The :class:`Layout`; its rows never repeat a box's own row.
    """
    alone = on_cycles(_successors(shape.edges, None))
    for _ in range(ATTEMPTS):
        rows, placed = _Rows(), set(alone)
        boxes = _boxes(shape, rows, placed)
        sides = _beside(shape, rows, placed, alone, beside)
        looped = _trouble(shape, rows, sides, alone)
        if not looped:  # only the loops of the lines themselves, whose nodes share no row
            break
        caught = {name for name in rows.order if rows.find(name) in looped}
        moved = caught & {shape.edges[i].source for i in sides}
        alone |= moved or caught  # the attackers moved beside, else the boxes
    else:
        rows, boxes, sides = _Rows(), [], {}
    flat = frozenset(
        i
        for i, e in enumerate(shape.edges)
        if e.source != e.target and rows.find(e.source) == rows.find(e.target)
    )
    backward = frozenset(i for i, k in sides.items() if k % 2 == 1 and i in flat)
    boxed = {frozenset(b.members) for b in boxes}
    kept = tuple(row for row in rows.classes() if frozenset(row) not in boxed)
    return Layout(tuple(boxes), kept, flat, backward)


def in_reading_order(direction: str, first: str, then: str) -> tuple[str, str]:
    """The ends ``(tail, head)`` of an invisible line along a row that puts ``first``
    before ``then`` in reading order: left to right (``direction`` ``"TB"``), top
    to bottom (``"LR"``: Graphviz orders a column of ``rankdir=RL`` bottom up)."""
    return (first, then) if direction == "TB" else (then, first)


def step_rows(shape: Diagram, layout: Layout, direction: str) -> set[int]:
    """Indexes of the rows (:attr:`Layout.rows`) that :mod:`argmap.render.dot` draws
    as unseen clusters, so that Graphviz keeps their members next to each other
    and no other node comes between an undercutter and its junction: the rows
    holding a junction, except, with ``direction`` ``"LR"``, a row with an
    attacker on each side of something (Graphviz 2.43 then puts both on one side,
    one line running round the other)."""
    junctions = {j.name for j in shape.junctions}
    flanked = {e for i in layout.backward for e in (shape.edges[i].source, shape.edges[i].target)}
    return {
        k
        for k, row in enumerate(layout.rows)
        if not junctions.isdisjoint(row) and (direction == "TB" or flanked.isdisjoint(row))
    }


#: At most this many rows for the arguers of one claim (:func:`minimum_lengths`).
MAX_ROWS = 6


def minimum_lengths(edges: Sequence[Edge], layout: Layout, max_row: int) -> dict[int, int]:
    """Spread what argues about a claim with many arguers over several rows.

    The arguers of a claim are the rows of the sources of its lines that are
    not flat (a whole box or objection pair counts once). With ``k > max_row``
    of them, the i-th gets ``minlen = 1 + i mod r`` with ``r = ceil(k / max_row)``
    rows, at most :data:`MAX_ROWS`: Graphviz's ``unflatten -l`` idea applied to
    every fan, keeping the diagram within a slide's width. (Beyond that a fan
    grows wider instead: ``dot``'s work grows with the square of the rows' total
    length, so a claim with 1,000 objections on 500 rows took minutes and
    gigabytes.)

    Args:
        edges: the diagram's lines.
        layout: from :func:`plan`.
        max_row: arguers per row; 0 turns spreading off.

    Returns:
        Edge index → ``minlen`` for the lines of every fan that is spread
        (lines of other fans are left out: Graphviz's default is 1).
    """
    if max_row <= 0:
        return {}
    row_of = _row_of(layout)
    fans: dict[str, dict[str, list[int]]] = {}
    for i, edge in enumerate(edges):
        if i not in layout.flat:
            source = row_of.get(edge.source, edge.source)
            fans.setdefault(edge.target, {}).setdefault(source, []).append(i)
    lengths: dict[int, int] = {}
    for fan in fans.values():
        count = min(-(-len(fan) // max_row), MAX_ROWS)
        if count > 1:
            for k, indexes in enumerate(fan.values()):
                lengths.update((i, 1 + k % count) for i in indexes)
    return lengths


def _row_of(layout: Layout) -> dict[str, str]:
    """Node name → the first member of its row (nodes on no shared row left out)."""
    row_of: dict[str, str] = {}
    groups: Iterable[tuple[str, ...]] = [*layout.rows, *(b.members for b in layout.boxes)]
    for row in groups:
        head = row_of.get(row[0], row[0])
        for name in row:
            row_of.setdefault(name, head)
    return row_of


def _trouble(shape: Diagram, rows: _Rows, sides: dict[int, int], alone: set[str]) -> set[str]:
    """The rows (by representative) that close a loop of their own or hold a line
    along them other than an attacker's beside its target."""
    found = on_cycles(_successors(shape.edges, rows)) - alone
    for i, edge in enumerate(shape.edges):
        source, target = rows.find(edge.source), rows.find(edge.target)
        if i not in sides and edge.source != edge.target and source == target:
            found.add(source)
    return found


def _successors(edges: Sequence[Edge], rows: _Rows | None) -> dict[str, list[str]]:
    """The lines as successor lists; with ``rows``, between rows (lines along a row
    left out), each row named by its representative."""
    succ: dict[str, list[str]] = {}
    for edge in edges:
        source, target = edge.source, edge.target
        if rows is not None:
            source, target = rows.find(source), rows.find(target)
            if source == target:
                continue
        succ.setdefault(source, []).append(target)
        succ.setdefault(target, [])
    return succ


def support_loops(shape: Diagram) -> set[str]:
    """Ids of the claims on a loop of support (a strongly connected component of
    two or more nodes of the support and premise lines, junctions included;
    a claim supporting only itself is not counted: that is self-support)."""
    lines = [
        e for e in shape.edges if e.relation in ("support", "premise") and e.source != e.target
    ]
    names = {name: claim.id for name, claim in shape.claims}
    return {names[n] for n in on_cycles(_successors(lines, None)) if n in names}


def on_cycles(succ: dict[str, list[str]]) -> set[str]:
    """The nodes that lie on a directed cycle (a self-loop counts): the members of
    every strongly connected component of two or more nodes, and nodes with an
    edge to themselves.

    Tarjan's algorithm (Tarjan 1972, "Depth-first search and linear graph
    algorithms", SIAM J. Computing 1(2)), without recursion: linear in nodes
    plus edges.
    """
    index: dict[str, int] = {}
    low: dict[str, int] = {}
    stack: list[str] = []
    on_stack: set[str] = set()
    found = {node for node, after in succ.items() if node in after}
    for root in succ:
        if root in index:
            continue
        work = [(root, iter(succ[root]))]
        index[root] = low[root] = len(index)
        stack.append(root)
        on_stack.add(root)
        while work:
            node, todo = work[-1]
            child = next(todo, None)
            if child is None:
                work.pop()
                if work:
                    parent = work[-1][0]
                    low[parent] = min(low[parent], low[node])
                if low[node] == index[node]:
                    component = _pop_component(stack, on_stack, node)
                    if len(component) > 1:
                        found.update(component)
            elif child not in index:
                index[child] = low[child] = len(index)
                stack.append(child)
                on_stack.add(child)
                work.append((child, iter(succ[child])))
            elif child in on_stack:
                low[node] = min(low[node], index[child])
    return found


def _pop_component(stack: list[str], on_stack: set[str], root: str) -> list[str]:
    """Pop the strongly connected component whose root is ``root`` off Tarjan's stack."""
    component = []
    while True:
        node = stack.pop()
        on_stack.discard(node)
        component.append(node)
        if node == root:
            return component
