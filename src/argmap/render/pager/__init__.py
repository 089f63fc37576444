"""The one pager: a map cut into parts that each fit a slide or a page (pure).

The parts, in order:

* the **overview**: each root (a thesis; in a map without one, see
  :func:`argmap.render.subset.levels`) with its *lines of argument*, one box
  each; when it does not fit one part it continues on the next;
* then one part per line of argument, in the order the lines stand under
  their root (reasons first, then objections, each in file order).

Terms:

* A **unit** is what a part holds whole or not at all: one *reason* for a
  claim (one inference into it: all its premises, linked premises together,
  and every claim that undercuts it) or one *objection* (a claim attacking
  it). So a part never cuts a linked reason apart: co-premises, their
  junction and the undercuts of the step stay together.
* A **line of argument** is a unit arguing directly about a root together
  with every claim that argues about its claims, directly or through others:
  a reason with what supports and attacks it, an objection with its answers.

A line's units are taken breadth first and cut into consecutive runs, each
as long as the caller's ``fits`` predicate accepts (a part that would hold a
single unit is taken even when it does not fit; a cut inside a claim's
reasons is moved back to the last whole claim when there is one). A claim
whose reasons go on in a later part carries a reference ``on`` (e.g.
"continued on slide 7"), and is drawn again at the top of that part with a
reference ``from``. A claim drawn in an earlier part (it serves several
lines) is drawn again where it is needed, without its reasons, with a
reference ``see`` to the part that shows them. A line's first part also
draws its root when the root's reason goes through a junction (linked
premises, or an undercut step), so the junction has its conclusion.

Linear in the size of the map apart from the calls of ``fits``: O(log n) of
them per part (a galloping search), each on a part that fits or barely not.
"""

from __future__ import annotations

from argmap.model import ArgumentMap
from argmap.render.pager.cut import Pager
from argmap.render.pager.parts import (
    PENDING,
    Fits,
    Line,
    Lone,
    Part,
    Ref,
    RefKind,
    Unit,
    longest,
    units_of,
)

__all__ = [
    "PENDING",
    "Fits",
    "Line",
    "Lone",
    "Part",
    "Ref",
    "RefKind",
    "Unit",
    "longest",
    "paginate",
    "units_of",
]


def paginate(amap: ArgumentMap, fits: Fits, *, lone: Lone = True) -> list[Part]:
    """The map's parts: the overview, then its lines (see the module docstring).

    Args:
        amap: the map (or a part of one, e.g. ``--focus``).
        fits: tells whether a part fits; called with references whose part is
            :data:`PENDING` (draw a placeholder number as wide as a real one).
        lone: give a line made of one unit (its head: one reason or
            objection, nothing arguing about its claims) a part of its own:
            ``True`` (slides), ``False`` (the overview box shows it:
            ``--split``), or a test of the head unit (paper: a linked reason,
            an undercut step or a claim with a finding gets its diagram).

    Returns:
        The parts, every :class:`Ref` and :attr:`Line.part` an index into them.
    """
    return Pager(amap, fits, lone).run()
