"""Where every row of the column goes, and the connectors between them (pure).

Rows (:mod:`argmap.render.column.tree`) are stacked top to bottom. A row is
indented one :attr:`~argmap.render.column.measure.Metrics.step` under the claim
it argues about and reaches to the column's right margin, so every box is as
wide as the column less its indent; indentation stops where a box would get
narrower than :attr:`~argmap.render.column.measure.Metrics.min_box`. A linked
reason is a rounded box around its premises (and what argues about them) with a
caption; the undercuts of its step come right under that box, indented under it.

Connectors run in the gutter left of the boxes: from a box's left side,
left to a **lane** under the claim it argues about, then up to that claim's
bottom edge, where the arrowhead is. Each claim has two lanes: supports (the
inner one; reasons come first) and attacks (the outer one; objections come
after every reason), so no two connectors of different kinds share a line and
none crosses a box. A linked reason's connector starts at a junction dot on its
box's left side; an undercut's runs up to the bottom of the box of the step it
undercuts.
"""

from __future__ import annotations

import math
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field, replace

from argmap.model import ArgumentMap
from argmap.render.budget import STRIDE, Deadline
from argmap.render.column.boxes import (
    DOWN,
    LINKED_CAPTION,
    STEP_CAPTION,
    UP,
    claim_box,
    fold_box,
    ref_box,
)
from argmap.render.column.measure import Metrics, wrap
from argmap.render.column.shapes import Box, TextLine, Wire
from argmap.render.column.tree import Row
from argmap.render.dot import RenderOptions
from argmap.render.style import Theme

#: Where a lane runs in the gutter, as a fraction of the indent from the claim's
#: left edge: attacks outer, supports (and folds) inner.
LANES = {"attack": 0.3, "support": 0.62, "fold": 0.62}
#: Graphviz's corner radius of a rounded box (``RBCONST`` in its shapes.c).
CORNER = 12.0


def tint(colour: str, background: str, amount: float) -> str:
    """``colour`` mixed into ``background`` (``amount`` of it, 0 to 1), as ``#rrggbb``."""
    a = [int(colour[i : i + 2], 16) for i in (1, 3, 5)]
    b = [int(background[i : i + 2], 16) for i in (1, 3, 5)]
    return "#" + "".join(f"{round(y + (x - y) * amount):02x}" for x, y in zip(a, b, strict=True))


@dataclass
class Placer:
    """One pass over the rows: their boxes and wires in drawing order.

    Give the map, the options, the sizes, the finding codes per claim, the rows
    (:func:`argmap.render.column.tree.rows`) and the y of the first row's top;
    :meth:`run` fills :attr:`boxes` (None never remains there after it) and
    :attr:`wires`.
    """

    amap: ArgumentMap
    opts: RenderOptions
    m: Metrics
    codes: Mapping[str, Sequence[str]]
    rows: Sequence[Row]
    top: float
    boxes: list[Box | None] = field(default_factory=list)
    wires: list[Wire] = field(default_factory=list)
    placed: dict[int, Box] = field(default_factory=dict)
    spans: dict[int, tuple[float, float]] = field(default_factory=dict)
    slots: dict[int, int] = field(default_factory=dict)
    open: list[int] = field(default_factory=list)
    full: dict[str, int] = field(default_factory=dict)
    refs: int = 0
    deadline: Deadline | None = None

    def run(self) -> float:
        """Place every row; return the y of the bottom of the last box.

        Raises:
            LayoutTimeout: :attr:`deadline` passed (looked at every
                :data:`~argmap.render.budget.STRIDE` rows).
        """
        self.full = {r.claim: i for i, r in enumerate(self.rows) if r.kind == "claim" and r.claim}
        y, fresh = self.top, True
        for i, row in enumerate(self.rows):
            if self.deadline is not None and i % STRIDE == 0:
                self.deadline.check("placing the column")
            y = self._close(i, y)
            x, right = self._span(row)
            y += 0 if fresh else self.m.gap * (2 if row.relation == "undercut" else 1)
            fresh = row.kind == "group"
            self.spans[i] = (x, right)
            if row.kind == "group":
                self.slots[i] = len(self.boxes)
                self.boxes.append(None)
                self.open.append(i)
                self.placed[i] = self._group_head(row, x, y, right - x)
                y += self.placed[i].h
            else:
                box = self._box(i, row, (x, y, right - x))
                self.boxes.append(box)
                self.placed[i] = box
                y = box.bottom
            self._wire(i, row)
        return self._close(len(self.rows), y)

    def _close(self, i: int, y: float) -> float:
        """Close the group boxes that end before row ``i``; returns the new bottom."""
        while self.open and self.rows[self.open[-1]].end <= i:
            g = self.open.pop()
            head = self.placed[g]
            y += self.m.group_pad
            box = replace(head, h=y - head.y)
            self.placed[g] = box
            self.boxes[self.slots[g]] = box
        return y

    def _span(self, row: Row) -> tuple[float, float]:
        """Left and right edge of a row's box."""
        m = self.m
        if row.parent is None:
            return m.margin, m.width - m.margin
        px, pright = self.spans[row.parent]
        if row.relation == "premise":
            pad = m.group_pad if pright - px - 2 * m.group_pad >= m.min_box / 2 else 0
            return px + pad, pright - pad
        room = pright - px - m.min_box
        return px + max(0.0, min(m.step, room)), pright

    def _box(self, i: int, row: Row, at: tuple[float, float, float]) -> Box:
        assert row.claim is not None
        claim = self.amap.claims[row.claim]
        if row.kind == "claim":
            return claim_box(row.node, claim, self.codes.get(row.claim, ()), self.opts, self.m, at)
        if row.kind == "fold":
            return fold_box(row.node, claim, self.opts.folds[row.claim], self.opts, self.m, at)
        arrow = UP if self.full.get(row.claim, i) < i else DOWN
        name, self.refs = f"r{self.refs}", self.refs + 1
        opts, m = self.opts, self.m
        return ref_box(name, claim, opts, m, at, arrow=arrow, circle=row.circle, target=row.node)

    def _group_head(self, row: Row, x: float, y: float, w: float) -> Box:
        """A linked reason's box, as tall as its caption (it grows when it closes)."""
        m, theme = self.m, self.opts.theme
        assert row.junction is not None
        text = LINKED_CAPTION if len(row.junction.premises) > 1 else STEP_CAPTION
        size, colour = m.small, theme.caption_color
        lines = tuple(
            TextLine(t, size, m.line(size), colour, bold=True)
            for t in wrap(text, w - 2 * (m.group_pad + 2), size, bold=True)
        )
        support = theme.edges["support"].color
        return Box(
            row.node,
            x,
            y,
            w,
            m.group_pad + sum(line.height for line in lines),
            lines,
            m.group_pad + 2,
            m.group_pad,
            fill=tint(support, theme.background, 0.07),
            border=support,
            penwidth=max(1.5, m.line_width * 0.75),
            style="filled,rounded",
            css="junction group",
            title=row.junction.phrase,
        )

    def _wire(self, i: int, row: Row) -> None:
        """The connector from row ``i`` to the claim (or step) it argues about."""
        if row.parent is None or row.relation == "premise":
            return
        target = self.placed[row.parent]
        head = (
            0.0 if row.relation == "fold" else arrow_length(self.opts.theme, self.m, row.relation)
        )
        points, tip = route(self.placed[i], target, row.relation, head)
        name = f"e{len(self.wires)}"
        wire = Wire(name, row.node, target.name, points, tip, row.relation, title=row.phrase)
        self.wires.append(replace(wire, dot=row.kind == "group"))


def route(
    child: Box, target: Box, relation: str, head: float
) -> tuple[tuple[tuple[float, float], ...], tuple[float, float] | None]:
    """The route of a connector from ``child`` up to ``target`` (see the module
    docstring) and the tip of its arrowhead (None when ``head``, its length, is 0).

    The line leaves ``child``'s left side level with its first line of text,
    runs left to the lane and up to ``target``'s bottom edge (its outline, where
    a rounded corner curves). Where indentation has run out (less than 8 px),
    it runs straight up from ``child``'s top instead.
    """
    indent = child.x - target.x
    share = 0.5 if relation == "undercut" else LANES[relation]
    lane = target.x + indent * share
    first = child.lines[0].height if child.lines else child.h
    stub = child.y + min(child.h / 2, child.pad_y + first / 2)
    if indent < 8:
        lane, stub = child.x + CORNER + (14 if relation == "attack" else 4), child.y
    tip = target.bottom - _corner_rise(target, lane - target.x)
    base = min(stub, tip + head)
    if indent < 8:
        return ((lane, stub), (lane, base)), (lane, tip) if head else None
    return ((child.x, stub), (lane, stub), (lane, base)), (lane, tip) if head else None


def arrow_length(theme: Theme, m: Metrics, style: str) -> float:
    """Length of the arrowhead Graphviz draws on a line of edge style ``style`` (px)."""
    return 10 * m.arrowsize * theme.edges[style].arrowsize


def _corner_rise(box: Box, offset: float) -> float:
    """How far above the bottom edge a rounded box's outline is ``offset`` px from its left."""
    if "rounded" not in box.style.split(",") and "diagonals" not in box.style.split(","):
        return 0.0
    r = min(CORNER, box.w / 3, box.h / 3)
    if offset >= r:
        return 0.0
    dx = r - max(offset, 0.0)
    return r - math.sqrt(max(r * r - dx * dx, 0.0))
