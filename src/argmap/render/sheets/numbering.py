"""The handout outline's numbers: one per reason, objection and step (pure).

The items of :func:`argmap.render.outline.outline` are numbered by what they
argue about, each claim's arguers ``1``, ``2``, ``3`` … under its own number
(``2.1``, ``2.1.1`` …). When one claim (the thesis) starts the outline it has
no number, and its reasons and objections are ``1``, ``2``, ``3`` …. Two
kinds of items share or borrow a number:

* the premises of a linked reason take one number, lettered: ``4a``, ``4b``
  (their own reasons ``4a.1`` …);
* an undercut is numbered under the step it attacks, after that step's own
  reasons: the undercut of the step from P1 (``1``, its evidence ``1.1``) is
  ``1.2``; of the step from the linked P2 and P3 (``4a``, ``4b``), ``4.1``.

Example (T1; P1 with evidence E1 and undercut U1; P2 + P3 linked; O1)::

    ""  T1      1  P1      1.1  E1      1.2  U1
    2a  P2      2b P3      3    O1
"""

from __future__ import annotations

from argmap.model import ArgumentMap
from argmap.render.outline import OutlineItem, outline


def letter(k: int) -> str:
    """The ``k``-th letter (from 0): ``a`` … ``z``, then ``aa``, ``ab`` …"""
    out = ""
    k += 1
    while k:
        k, r = divmod(k - 1, 26)
        out = chr(ord("a") + r) + out
    return out


def _join(parent: str, n: int) -> str:
    return f"{parent}.{n}" if parent else str(n)


def numbered(amap: ArgumentMap) -> list[tuple[str, OutlineItem]]:
    """The outline's items in order with their numbers (see the module docstring).

    Returns:
        ``(number, item)`` per item of :func:`~argmap.render.outline.outline`;
        the number is ``""`` only for a sole thesis starting the outline.
    """
    items = outline(amap)
    sole = sum(1 for item in items if item.depth == 0) == 1
    counts: dict[str, int] = {}  # children numbered so far under each number
    steps: dict[tuple[str, str], tuple[str, int]] = {}  # (parent, inference) → base, letters
    parents: list[str] = []  # the number of the last item at each depth
    out: list[tuple[str, OutlineItem]] = []
    for item in items:
        del parents[item.depth :]
        parent = parents[-1] if parents else ""
        if item.depth == 0 and sole:
            number = ""
        elif item.relation == "undercuts" and (parent, item.inference or "") in steps:
            base = steps[(parent, item.inference or "")][0]
            counts[base] = counts.get(base, 0) + 1
            number = _join(base, counts[base])
        elif item.relation == "supports" and item.together:
            key = (parent, item.inference or "")
            if key not in steps:
                counts[parent] = counts.get(parent, 0) + 1
                steps[key] = (_join(parent, counts[parent]), 0)
            base, k = steps[key]
            steps[key] = (base, k + 1)
            number = base + letter(k)
        else:
            counts[parent] = counts.get(parent, 0) + 1
            number = _join(parent, counts[parent])
            if item.relation == "supports":
                steps[(parent, item.inference or "")] = (number, 0)
        parents.append(number)
        out.append((number, item))
    return out
