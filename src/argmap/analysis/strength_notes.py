"""Notes that keep a claim's strength from contradicting its label unexplained.

Strength (DF-QuAD, :func:`argmap.analysis.semantics.dfquad`) and label answer
different questions. Strength weighs every reason and objection by score,
standing or not; the label follows the proof standard, which counts only the
reasons and objections that stand. A claim can be OUT with a strength of 0.81
(two strong reasons, one unanswered objection), or IN with a strength below
0.5 (an objection that was itself defeated still weighs). And strength is only
defined where the support/attack graph has no loop.

:func:`strength_notes` says, per claim, when the two seem to disagree: label
OUT with strength above 0.5 (the middle of the scale and the default base
score), label IN with a strength that attacks pulled below 0.5 and below the
claim's own base score, or no strength at all (on, or downstream of, a loop,
which it names).
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping

from argmap.analysis.semantics import IN, OUT, Node
from argmap.analysis.strength import StrengthGraph, acyclic_order, loops, strength_graph
from argmap.model import ArgumentMap

#: Strength above which an OUT label, and below which an IN label, gets a note.
MIDDLE = 0.5

#: The footnote a disagreement marker (``*``) points to.
DISAGREE = (
    "strength weighs every reason and objection by its score, standing or not; "
    "the label counts only those that stand"
)


def disagrees(label: str, strength: float | None, base: float = MIDDLE) -> bool:
    """True when ``label`` and ``strength`` point different ways: OUT with a strength
    above 0.5, or IN with a strength below 0.5 that attacks pulled below the claim's
    ``base`` score (a claim IN at its own low base score is not noted)."""
    if strength is None:
        return False
    if label == OUT:
        return strength > MIDDLE
    return label == IN and strength < MIDDLE and strength < base


def _loop_in(
    g: StrengthGraph, succ: list[list[int]], component: list[int], order: dict[str, int]
) -> list[Node]:
    """One loop inside a strongly connected ``component``, from its first claim in map
    order: walk (to the least successor in the component) until a node repeats."""
    inside = set(component)
    names = g.nodes

    def rank(i: int) -> tuple[bool, int, str]:
        n = names[i]
        return (isinstance(n, tuple), order.get(str(n), 0), str(n))

    node = min(component, key=rank)
    seen: dict[int, int] = {}
    path: list[int] = []
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        node = min((n for n in succ[node] if n in inside), key=lambda i: str(names[i]))
    return [names[i] for i in path[seen[node] :]]


#: A loop of more claims than this is named by its first ones (the note of each claim
#: on or after a loop names it, so a loop written out whole would make the notes
#: quadratic in size: a loop of 100,000 claims ran out of memory).
LOOP_SHOWN = 8


def loop_text(loop: list[Node]) -> str:
    """``"P3 → P4 → P3"``: the loop's claims (inference nodes left out), back to the
    first; a loop of more than :data:`LOOP_SHOWN` claims as its first ones and a count,
    ``"C0 → C1 → … → C7 → … (5,000 claims) → C0"``."""
    claims = [str(n) for n in loop if not isinstance(n, tuple)]
    if len(claims) > LOOP_SHOWN:
        return " → ".join([*claims[:LOOP_SHOWN], f"… ({len(claims):,} claims)", claims[0]])
    return " → ".join([*claims, claims[0]])


def undefined_strengths(
    amap: ArgumentMap, accept: Iterable[str] = (), reject: Iterable[str] = ()
) -> dict[str, tuple[bool, str]]:
    """Why each claim without a strength has none (``accept``/``reject``: the
    what-if claims, whose fixed strength breaks the loops through them).

    Returns:
        ``{claim id: (on the loop itself, the loop as text)}`` for every claim
        on or downstream of a support/attack loop; the loop named is the first
        (in map order of its smallest member) that reaches the claim. Linear:
        one pass over the strongly connected components, one traversal.
    """
    g = strength_graph(amap, accept, reject)
    succ = g.successors()
    defined = bytearray(len(g.nodes))
    for v in acyclic_order(g, succ):
        defined[v] = 1
    order = {cid: i for i, cid in enumerate(amap.claims)}
    found_loops = [
        (comp, loop_text(_loop_in(g, succ, comp, order)))
        for comp in loops(g, succ, (v for v, ok in enumerate(defined) if not ok))
    ]
    found_loops.sort(key=lambda lp: min(order.get(str(g.nodes[n]), len(order)) for n in lp[0]))
    found: dict[int, tuple[bool, str]] = {}
    for comp, text in found_loops:
        todo = [n for n in comp if n not in found]
        found.update((n, (True, text)) for n in todo)
        while todo:
            for nxt in succ[todo.pop()]:
                if nxt not in found:
                    found[nxt] = (False, text)
                    todo.append(nxt)
    return {cid: found[i] for i, cid in enumerate(amap.claims) if i in found}


def strength_notes(
    amap: ArgumentMap,
    labelling: Mapping[str, str],
    strength: Mapping[str, float | None],
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
) -> dict[str, str]:
    """A note for each claim whose strength could be read against its label
    (``accept``/``reject``: the what-if claims the strengths were computed with).

    Returns:
        ``{claim id: note}`` in map order: ``"n/a: on the loop A → B → A"``,
        ``"n/a: downstream of the loop A → B → A"``, or for a disagreement
        (:func:`disagrees`) ``"strength 0.81 but OUT: "`` followed by
        :data:`DISAGREE`.
    """
    undefined = undefined_strengths(amap, accept, reject) if None in strength.values() else {}
    notes: dict[str, str] = {}
    for cid, label in labelling.items():
        value = strength.get(cid)
        if value is None and cid in undefined:
            on, text = undefined[cid]
            notes[cid] = f"n/a: {'on' if on else 'downstream of'} the loop {text}"
        elif disagrees(label, value, amap.claims[cid].score):
            notes[cid] = f"strength {value:.2f} but {label}: {DISAGREE}"
    return notes
