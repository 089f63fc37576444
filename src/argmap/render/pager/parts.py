"""The pager's pieces: units, lines, references, parts (see :mod:`argmap.render.pager`)."""

from __future__ import annotations

from collections.abc import Callable, Sequence
from dataclasses import dataclass
from typing import Literal

from argmap.model import ArgumentMap
from argmap.render.outline import Child

#: The number of a part not known yet (while the parts are being fitted).
PENDING = -1

#: ``on``: the claim's reasons continue in that part; ``from``: they continue
#: here from that part; ``see``: that part shows the claim with its reasons.
RefKind = Literal["on", "from", "see"]


@dataclass(frozen=True)
class Unit:
    """A reason or an objection of one claim (a part holds it whole or not at all).

    Attributes:
        parent: id of the claim argued about.
        relation: ``"supports"`` (an inference) or ``"attacks"``.
        premises: the inference's premises in its order, or ``(attacker,)``.
        undercutters: claims undercutting the inference, in file order.
        inference: the inference's id, None for an attack.
    """

    parent: str
    relation: Literal["supports", "attacks"]
    premises: tuple[str, ...]
    undercutters: tuple[str, ...] = ()
    inference: str | None = None

    @property
    def claims(self) -> tuple[str, ...]:
        """Every claim of the unit: premises (or the attacker), then undercutters."""
        return self.premises + self.undercutters

    @property
    def junction(self) -> bool:
        """True when the diagram draws it through a junction (linked or undercut)."""
        return len(self.premises) > 1 or bool(self.undercutters)


@dataclass(frozen=True)
class Line:
    """One line of argument under a root.

    Attributes:
        root: id of the root (the thesis) it argues about.
        number: its place among the root's reasons (``relation`` supports) or
            objections (attacks), from 1.
        head: the unit arguing directly about the root.
        size: claims it holds (drawn in its parts; the head's claims when it
            has no part of its own).
        part: index of the part showing it (its first part, or the part that
            shows its head claims' reasons when another line drew them first);
            None when no part does (a line of one unit the ``lone`` test of
            :func:`~argmap.render.pager.paginate` refuses);
            :data:`PENDING` while the parts are fitted.
    """

    root: str
    number: int
    head: Unit
    size: int
    part: int | None


@dataclass(frozen=True)
class Ref:
    """A reference from a claim drawn in one part to another part.

    Attributes:
        claim: id of the claim it is attached to.
        part: index of the other part; :data:`PENDING` while fitting.
        kind: see :data:`RefKind`.
    """

    claim: str
    part: int
    kind: RefKind


@dataclass(frozen=True)
class Part:
    """One slide's or page's worth of a map.

    Attributes:
        kind: ``"overview"`` or ``"line"``.
        amap: what it draws: for a line, its claims and the relations among
            them (inferences only with all their premises); for the overview,
            the roots and the head claims of its lines.
        lines: the overview's lines (empty for a line part).
        line: the line a line part belongs to (None for the overview).
        trail: the breadcrumb: claim ids from the root down to the claim whose
            reasons the part starts with (``("T1",)`` for a line's first part).
        refs: references to other parts, in map order of their claims.
        context: claims drawn only so a junction has its conclusion (the root).
        continued: it continues the part before it (same line, or the overview).
    """

    kind: Literal["overview", "line"]
    amap: ArgumentMap
    lines: tuple[Line, ...] = ()
    line: Line | None = None
    trail: tuple[str, ...] = ()
    refs: tuple[Ref, ...] = ()
    context: frozenset[str] = frozenset()
    continued: bool = False


#: The caller's test: does this part fit (e.g. laid out, on a slide at a readable scale)?
Fits = Callable[[Part], bool]

#: Whether a line made of its head unit alone gets a part of its own: always,
#: never, or as a test of the head (e.g. "it goes through a junction").
Lone = bool | Callable[[Unit], bool]


def units_of(children: Sequence[Child], parent: str) -> list[Unit]:
    """The units arguing about ``parent``, from its arguers (as
    :func:`~argmap.render.outline.arguers` lists them): one per inference
    (premises and undercutters together) and one per attack, in reading order."""
    order: list[Unit | str] = []
    groups: dict[str, tuple[list[str], list[str]]] = {}
    for child, relation, inf in children:
        if inf is None:
            order.append(Unit(parent, "attacks", (child,)))
            continue
        if inf.id not in groups:
            groups[inf.id] = ([], [])
            order.append(inf.id)
        groups[inf.id][0 if relation == "supports" else 1].append(child)
    return [
        item
        if isinstance(item, Unit)
        else Unit(parent, "supports", tuple(groups[item][0]), tuple(groups[item][1]), item)
        for item in order
        if isinstance(item, Unit) or groups[item][0]
    ]


def longest(start: int, end: int, ok: Callable[[int], bool], guess: int | None = None) -> int:
    """The largest ``e`` in ``start + 1 … end`` with ``ok(e)``, or ``start + 1`` (``end``
    when ``end <= start + 1``), for ``ok`` true up to some point and false after it.

    Tries ``start + guess`` first (``end`` when there is no guess or it is further),
    then gallops up from there when it was true, or up from ``start + 1`` (``+ 2``,
    ``+ 3``, ``+ 5``, ``+ 9`` …) when it was not, and bisects: O(log(e - start))
    calls, none on a run much longer than ``e`` or ``guess`` (so a long sequence is
    never tried whole for each of its parts).
    """
    if end <= start + 1:
        return end
    first = end if guess is None else min(end, start + max(guess, 2))
    if ok(first):
        if first == end:
            return end
        good, bad, step = first, end + 1, first - start  # end itself not tried yet
    else:
        good, bad, step = start + 1, first, 1
    while good + step < bad:
        if not ok(good + step):
            bad = good + step
            break
        good, step = good + step, step * 2
    while bad - good > 1:
        mid = (good + bad) // 2
        good, bad = (mid, bad) if ok(mid) else (good, mid)
    return good


def whole_fans(seq: Sequence[Unit], start: int, end: int) -> int:
    """``end`` moved back so that the run ``seq[start:end]`` does not stop inside one
    claim's units, when a whole claim's units can still stay in it."""
    if end >= len(seq) or seq[end].parent != seq[end - 1].parent:
        return end
    for cut in range(end - 1, start, -1):
        if seq[cut].parent != seq[cut - 1].parent:
            return cut
    return end
