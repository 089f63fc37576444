"""Cutting a map into parts: the state of one :func:`argmap.render.pager.paginate`."""

from __future__ import annotations

from bisect import bisect_left, bisect_right
from collections import deque
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import partial

from argmap.model import ArgumentMap
from argmap.render.outline import arguers
from argmap.render.pager.parts import (
    PENDING,
    Fits,
    Line,
    Lone,
    Part,
    Ref,
    Unit,
    longest,
    units_of,
    whole_fans,
)
from argmap.render.subset import Restrictor, levels

#: The units a part is first tried with (more when parts turn out larger): a
#: slide or page holds far fewer, and trying a long line whole for every one of
#: its parts made cutting it quadratic.
FIRST_GUESS = 32


@dataclass
class _Run:
    """A line being cut: its units breadth first and what each claim has there."""

    line: Line
    seq: list[Unit]
    first: dict[str, int]  # claim new in this line → position of the unit drawing it first
    kids: dict[str, list[int]]  # claim → positions of its own units (ascending)
    cuts: list[int]  # where each part starts, then (once all are cut) where the last ends


class Pager:
    """The state of one :func:`paginate`: claims placed so far and the line parts."""

    def __init__(self, amap: ArgumentMap, fits: Fits, lone: Lone) -> None:
        self.amap, self.fits = amap, fits
        self.lone: Callable[[Unit], bool] = lone if callable(lone) else (lambda _: lone)
        self.index = arguers(amap)
        self.restrictor = Restrictor(amap)
        level, _ = levels(amap)
        self.roots = [cid for cid in amap.claims if level[cid] == 0]
        self.placed: set[str] = set(self.roots)  # claims drawn with their reasons somewhere
        self.shown: dict[str, int] = {}  # claim → slot of the first part showing its reasons
        self.slots: list[Part] = []  # line parts by slot; final index = overview parts + slot
        self.full = {
            (inf.id, inf.conclusion): tuple(p for p in inf.premises if p in amap.claims)
            for inf in reversed(amap.inferences)
        }
        self.widest = 0  # the most units a line's part has held so far
        self.undercutters: dict[str, set[str]] = {}
        for und in amap.undercuts:
            self.undercutters.setdefault(und.inference, set()).add(und.attacker)

    def run(self) -> list[Part]:
        """Every part, numbered: the overview's, then the lines'."""
        lines = [self._line(root, number, unit) for root, number, unit in self._heads()]
        overview = self._overview(lines)
        return [_renumber(part, len(overview)) for part in overview + self.slots]

    def _heads(self) -> list[tuple[str, int, Unit]]:
        """(root, number, unit) of each line, roots in map order."""
        heads = []
        for root in self.roots:
            count = {"supports": 0, "attacks": 0}
            for unit in units_of(self.index[root], root):
                if all(c in self.roots for c in unit.claims):
                    continue
                count[unit.relation] += 1
                heads.append((root, count[unit.relation], unit))
        return heads

    def _line(self, root: str, number: int, head: Unit) -> Line:
        """Cut one line into parts (appended to the slots); its :class:`Line`."""
        run = _Run(Line(root, number, head, len(head.claims), PENDING), [head], {}, {}, [0])
        self._sequence(run)
        if not run.first or (len(run.seq) == 1 and not self.lone(head)):
            shown = [self.shown[c] for c in head.claims if c in self.shown]
            return Line(root, number, head, len(head.claims), min(shown) if shown else None)
        base = len(self.slots)
        while run.cuts[-1] < len(run.seq):
            start = run.cuts[-1]
            fits = partial(self._fits_line, run, base, start)
            end = longest(start, len(run.seq), fits, self._guess(self.widest))
            self.widest = max(self.widest, end - start)
            run.cuts.append(whole_fans(run.seq, start, end))
        spans = zip(run.cuts, run.cuts[1:], strict=False)
        parts = [self._part(run, base, s, e, True) for s, e in spans]
        drawn = {c for part in parts for c in part.amap.claims} - {root}
        line = replace(run.line, size=len(drawn), part=base)
        self.slots += [replace(part, line=line) for part in parts]
        for cid, positions in run.kids.items():
            self.shown[cid] = base + bisect_right(run.cuts, positions[0]) - 1
        return line

    @staticmethod
    def _guess(widest: int) -> int:
        """How many units (or overview boxes) to try first in a part: twice the most
        a part has held so far, at least :data:`FIRST_GUESS`."""
        return max(FIRST_GUESS, 2 * widest)

    def _fits_line(self, run: _Run, base: int, start: int, end: int) -> bool:
        return self.fits(self._part(run, base, start, end, False))

    def _fits_overview(self, lines: list[Line], start: int, first: bool, end: int) -> bool:
        return self.fits(self._overview_part(lines, (start, end), first, False))

    def _sequence(self, run: _Run) -> None:
        """The line's units breadth first; each claim new to the map expanded once."""
        head = run.seq[0]
        if all(not self.index[c] for c in head.claims):  # most lines of big fans: no arguers
            run.first.update((c, 0) for c in head.claims if c not in self.placed)
            self.placed.update(run.first)
            return
        queue: deque[str] = deque()

        def visit(unit: Unit, at: int) -> None:
            for cid in unit.claims:
                if cid not in self.placed and cid not in run.first:
                    run.first[cid] = at
                    queue.append(cid)

        visit(run.seq[0], 0)
        while queue:
            cid = queue.popleft()
            for unit in units_of(self.index[cid], cid):
                run.kids.setdefault(cid, []).append(len(run.seq))
                run.seq.append(unit)
                visit(unit, len(run.seq) - 1)
        self.placed.update(run.first)

    def _part(self, run: _Run, base: int, start: int, end: int, final: bool) -> Part:
        """The part of units ``start:end`` of the line (``final``: every later cut known)."""
        head = run.line.head
        context = frozenset({head.parent}) if start == 0 and head.junction else frozenset()
        drawn = set(context)
        for unit in run.seq[start:end]:
            drawn.update(unit.claims)
            drawn.add(unit.parent)
        if not context and start == 0:
            drawn.discard(head.parent)
        amap = self._whole(self.restrictor.restrict(drawn))
        return Part(
            "line",
            amap,
            line=run.line,
            trail=self._trail(run, run.seq[start].parent),
            refs=self._refs(run, base, (start, end), final, amap, context),
            context=context,
            continued=start > 0,
        )

    def _refs(
        self,
        run: _Run,
        base: int,
        span: tuple[int, int],
        final: bool,
        amap: ArgumentMap,
        context: frozenset[str],
    ) -> tuple[Ref, ...]:
        """The references of the claims drawn in units ``span`` (see :class:`Ref`)."""
        start, end = span

        def slot(position: int) -> int:
            if position >= end and not final:
                return PENDING
            return base + bisect_right(run.cuts, position) - 1

        refs: list[Ref] = []
        for cid in amap.claims:
            if cid in context or cid in self.roots:
                continue
            if cid not in run.first:
                if cid in self.shown:
                    refs.append(Ref(cid, self.shown[cid], "see"))
                continue
            kids = run.kids.get(cid, [])
            before, after = bisect_left(kids, start), bisect_left(kids, end)
            if after > before and run.first[cid] < start:
                came = kids[before - 1] if before else run.first[cid]
                refs.append(Ref(cid, slot(came), "from"))
            if after < len(kids):
                refs.append(Ref(cid, slot(kids[after]), "on"))
            elif before and after == before:
                refs.append(Ref(cid, slot(kids[0]), "see"))
        return tuple(refs)

    def _trail(self, run: _Run, cid: str) -> tuple[str, ...]:
        """Claim ids from the root down to ``cid``, through the claims that drew each."""
        trail = [cid]
        while trail[-1] in run.first:
            trail.append(run.seq[run.first[trail[-1]]].parent)
        return tuple(reversed(trail))

    def _whole(self, part: ArgumentMap) -> ArgumentMap:
        """``part`` without the inferences that lost a premise or an undercut (and
        without their undercuts): a part draws a step whole or not at all."""
        infs = tuple(
            i
            for i in part.inferences
            if self.full.get((i.id, i.conclusion)) == i.premises
            and self.undercutters.get(i.id, set()) <= part.claims.keys()
        )
        kept = {i.id for i in infs}
        unds = tuple(u for u in part.undercuts if u.inference in kept)
        return replace(part, inferences=infs, undercuts=unds)

    def _overview(self, lines: list[Line]) -> list[Part]:
        """The overview's parts: the roots and their lines, as many as fit in each."""
        parts: list[Part] = []
        start = 0
        widest = 0
        while start < len(lines) or not parts:
            first = not parts
            fits = partial(self._fits_overview, lines, start, first)
            end = longest(start, len(lines), fits, self._guess(widest))
            widest = max(widest, end - start)
            parts.append(self._overview_part(lines, (start, end), first, True))
            start = end
        return parts

    def _overview_part(
        self, lines: list[Line], span: tuple[int, int], first: bool, final: bool
    ) -> Part:
        """The overview part of ``lines[span]`` (the first also has the roots without lines)."""
        shown = lines[span[0] : span[1]]
        if not final:
            shown = [line if line.part is None else replace(line, part=PENDING) for line in shown]
        roots = {line.root for line in shown}
        if first:
            with_lines = {line.root for line in lines}
            roots |= {r for r in self.roots if r not in with_lines}
        claims = roots | {c for line in shown for c in line.head.claims}
        amap = self._whole(self.restrictor.restrict(claims))
        return Part("overview", amap, lines=tuple(shown), continued=not first)


def _renumber(part: Part, shift: int) -> Part:
    """``part`` with every slot made an index into the whole list (overview parts first)."""

    def line(ln: Line) -> Line:
        return ln if ln.part is None else replace(ln, part=ln.part + shift)

    return replace(
        part,
        lines=tuple(line(ln) for ln in part.lines),
        line=None if part.line is None else line(part.line),
        refs=tuple(replace(ref, part=ref.part + shift) for ref in part.refs),
    )
