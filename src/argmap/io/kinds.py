"""Guess claim kinds from the structure of an imported argument.

Argdown, AIF and Kialo have no kinds of claim; argmap needs one per claim.
The guess follows the argument-mapping convention (Rationale; Kialo's pro and
con columns): a claim that supports nothing and attacks nothing, and that
something supports or attacks, is a **thesis** (a claim with no relation at
all is one only when the map has no relations); every claim gets a side, pro
or con, by walking down from the theses (a supporter is on its conclusion's
side, an attacker on the other side); a claim that attacks but supports
nothing is an **objection** on the con side and a **rebuttal** on the pro side
(it answers an objection); every other claim is a **premise**. Precedent and
evidence cannot be told from structure and are never guessed.
"""

from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Sequence

from argmap.model import Kind


def infer_kinds(
    claims: Sequence[str],
    supports: Iterable[tuple[str, str]],
    attacks: Iterable[tuple[str, str]],
) -> dict[str, Kind]:
    """A kind for every claim, from support and attack edges alone.

    Args:
        claims: claim ids in map order (ties are broken by this order).
        supports: ``(premise, conclusion)`` pairs.
        attacks: ``(attacker, target)`` pairs; an undercut counts as an attack
            on the undercut inference's conclusion.

    Returns:
        ``{claim id: kind}`` for every id in ``claims``. When every claim
        supports or attacks something (a loop), the first claim is the thesis.
        Claims the walk does not reach count as pro.
    """
    order = {cid: n for n, cid in enumerate(claims)}
    into: dict[str, list[tuple[str, bool]]] = {cid: [] for cid in claims}
    supporters: set[str] = set()
    attackers: set[str] = set()
    for premise, conclusion in supports:
        if premise in order and conclusion in order:
            into[conclusion].append((premise, True))
            supporters.add(premise)
    for attacker, target in attacks:
        if attacker in order and target in order:
            into[target].append((attacker, False))
            attackers.add(attacker)
    outgoing = supporters | attackers
    roots = [cid for cid in claims if cid not in outgoing and (into[cid] or not outgoing)]
    pro = _sides(roots or list(claims[:1]), into, order)
    theses = set(roots) or set(claims[:1])  # a set: linear in the number of claims
    kinds: dict[str, Kind] = {}
    for cid in claims:
        if cid in theses:
            kinds[cid] = "thesis"
        elif cid in attackers and cid not in supporters:
            kinds[cid] = "rebuttal" if pro.get(cid, True) else "objection"
        else:
            kinds[cid] = "premise"
    return kinds


def _sides(
    roots: list[str], into: dict[str, list[tuple[str, bool]]], order: dict[str, int]
) -> dict[str, bool]:
    """Breadth-first from the theses: True for the pro side, False for the con side."""
    pro = {cid: True for cid in roots}
    queue = deque(roots)
    while queue:
        cid = queue.popleft()
        for other, same_side in sorted(into[cid], key=lambda e: order[e[0]]):
            if other not in pro:
                pro[other] = pro[cid] if same_side else not pro[cid]
                queue.append(other)
    return pro
