"""Why a claim has its label under the Carneades reading (``argmap evaluate --explain``).

Which reason stands (or why each fails: an OUT co-premise, a standing
undercut), which objection defeats the claim, whether the audience grants it,
and, under a weighted proof standard, the weights compared. Definitions:
:mod:`argmap.analysis.carneades` and :mod:`argmap.analysis.standards`
(Gordon, Prakken & Walton 2007; Gordon & Walton 2009).
"""

from __future__ import annotations

from collections.abc import Collection

from argmap.analysis.carneades import CarneadesGraph
from argmap.analysis.explanation import Explanation, loop_behind, node_name
from argmap.analysis.semantics import IN, OUT, UNDEC, Node
from argmap.analysis.standards import ASKS
from argmap.util.text import and_list


def _step(node: Node) -> str:
    return str(node[1]) if isinstance(node, tuple) else str(node)


def _are(ids: list[str], label: str) -> str:
    """``"P1 is OUT"``, ``"P1 and P2 are OUT"``."""
    return f"{and_list(ids)} {'is' if len(ids) == 1 else 'are'} {label}"


def reason_name(g: CarneadesGraph, node: Node) -> str:
    """A reason named by its premises, as the diagrams draw it: ``"from P5"``, or
    ``"from P2 and P3 together"`` for linked premises."""
    premises = list(g.premises[node])
    return f"from {and_list(premises)}{' together' if len(premises) > 1 else ''}"


def reasons_named(g: CarneadesGraph, nodes: list[Node]) -> str:
    """``"the reason from P5"``, ``"the reasons from P5, from P6 and from P2 and P3
    together"``."""
    return (
        f"the reason{'s' if len(nodes) > 1 else ''} {and_list([reason_name(g, n) for n in nodes])}"
    )


def reason_state(g: CarneadesGraph, labels: dict[Node, str], node: Node) -> str:
    """Why the reason ``node`` stands, fails or is open, in a phrase: ``"premise P1
    is OUT"``, ``"U1, which is IN, undercuts it"``, ``"premises P1 and P2 are IN"``,
    ``"P1 is undecided"``."""
    label = labels[node]
    premises, undercutters = g.premises[node], g.undercutters[node]
    if label == OUT:
        out = next((p for p in premises if labels[p] == OUT), None)
        if out is not None:
            return f"premise {out} is OUT"
        by = next(u for u in undercutters if labels[u] == IN)
        return f"{by}, which is IN, undercuts it"
    if label == IN:
        said = f"premise{'s' if len(premises) > 1 else ''} {_are(list(premises), 'IN')}"
        if undercutters:
            said += f"; its undercut{'s' if len(undercutters) > 1 else ''} "
            said += _are(list(undercutters), "OUT")
        return said
    open_ = [p for p in premises if labels[p] == UNDEC] + [
        u for u in undercutters if labels[u] == UNDEC
    ]
    return _are(open_, "undecided")


def _failing(g: CarneadesGraph, labels: dict[Node, str], nodes: list[Node]) -> str:
    """``"the reason from P1 does not stand: premise P1 is OUT"``, joined by ``"; "``."""
    return "; ".join(
        f"the reason {reason_name(g, n)} does not stand: {reason_state(g, labels, n)}"
        if labels[n] == OUT
        else f"the reason {reason_name(g, n)} is open: {reason_state(g, labels, n)}"
        for n in nodes
    )


def _reasons(g: CarneadesGraph, labels: dict[Node, str], claim: str) -> list[dict[str, object]]:
    return [
        {
            "reason": _step(node),
            "from": list(g.premises[node]),
            "label": labels[node],
            "weight": round(g.weight[node], 6),
            "why": reason_state(g, labels, node),
        }
        for node in g.pros[claim]
    ]


def _attacks(
    g: CarneadesGraph, labels: dict[Node, str], claim: str
) -> list[dict[str, str | None]]:
    found: list[dict[str, str | None]] = [
        {"attacker": a, "label": labels[a], "how": "direct", "via": None} for a in g.cons[claim]
    ]
    for node in g.pros[claim]:
        found += [
            {"attacker": u, "label": labels[u], "how": "undercut", "via": node_name(node)}
            for u in g.undercutters[node]
        ]
    return found


def explain_carneades(
    g: CarneadesGraph,
    labels: dict[Node, str],
    claim: str,
    accepted: Collection[str] = (),
    rejected: Collection[str] = (),
) -> Explanation:
    """Explain the label of ``claim`` (a claim of ``g``) under the Carneades reading.

    Args:
        g: the graph read from the map.
        labels: the labelling of :func:`~argmap.analysis.carneades.carneades_labels`.
        claim: the claim id.
        accepted: claims taken as granted (``--accept``).
        rejected: claims taken as denied (``--reject``).
    """
    label = labels[claim]
    if claim in rejected:
        return Explanation(claim, label, f"{claim} is OUT because it was rejected (--reject).")
    if claim in accepted:
        return Explanation(claim, label, f"{claim} is IN because it was accepted (--accept).")
    reasons = tuple(_reasons(g, labels, claim))
    attackers = tuple(_attacks(g, labels, claim))
    if label == UNDEC:
        names = tuple(str(n) for n in undecided_loop(g, labels, claim) if isinstance(n, str))
        text = " → ".join([*names, names[0]])
        where = "is on" if names[0] == claim else "depends on"
        sentence = f"{claim} is UNDEC: it {where} a loop that nothing settles ({text})."
        return Explanation(claim, label, sentence, attackers, (), names, reasons)
    if g.standard[claim] != "dialectical-validity":
        return Explanation(claim, label, _weighed(g, labels, claim), attackers, (), (), reasons)
    sentence = _in_sentence(g, labels, claim) if label == IN else _out_sentence(g, labels, claim)
    defenders = (
        sorted({d for a in g.cons[claim] for d in g.cons[a] if labels[d] == IN})
        if label == IN
        else []
    )
    return Explanation(claim, label, sentence, attackers, tuple(defenders), (), reasons)


def _in_sentence(g: CarneadesGraph, labels: dict[Node, str], claim: str) -> str:
    standing = [n for n in g.pros[claim] if labels[n] == IN]
    if standing:
        head = f"{reasons_named(g, standing)} {'stands' if len(standing) == 1 else 'stand'}"
    elif g.pros[claim]:
        head = "it is granted (granted: true)"
    else:
        head = "it is offered without reasons, so it is granted"
    failing = [n for n in g.pros[claim] if labels[n] != IN]
    if standing and failing:
        head += f" ({_failing(g, labels, failing)})"
    cons = g.cons[claim]
    tail = f"no objection to it stands ({_are(cons, 'OUT')})" if cons else "nothing objects to it"
    return f"{claim} is IN: {head}, and {tail}."


def _out_sentence(g: CarneadesGraph, labels: dict[Node, str], claim: str) -> str:
    standing = [a for a in g.cons[claim] if labels[a] == IN]
    if standing:
        objections = f"objection{'s' if len(standing) > 1 else ''} {and_list(standing)}"
        verb = "stands" if len(standing) == 1 else "stand"
        return f"{claim} is OUT: the {objections} to it {verb} ({_are(standing, 'IN')})."
    if not g.pros[claim]:
        why = (
            "granted: false"
            if g.granted[claim] is False and g.settings.grant == "all"
            else "the map grants only claims marked granted: true"
        )
        return f"{claim} is OUT: it is offered without reasons and is not granted ({why})."
    pros = g.pros[claim]
    if len(pros) == 1:
        name, why = reason_name(g, pros[0]), reason_state(g, labels, pros[0])
        return f"{claim} is OUT: its only reason, {name}, does not stand: {why}."
    fails = "; ".join(f"{reason_name(g, n)}: {reason_state(g, labels, n)}" for n in pros)
    return f"{claim} is OUT: none of its reasons stands ({fails})."


def _weighed(g: CarneadesGraph, labels: dict[Node, str], claim: str) -> str:
    """The sentence for a weighted standard (and scintilla): what it asks, the weights met."""
    label, std = labels[claim], g.standard[claim]
    # IN: counted against the claim is every objection not OUT; OUT: only standing ones
    pro_ok = {IN} if label == IN else {IN, UNDEC}
    con_ok = {IN, UNDEC} if label == IN else {IN}
    pros = [(g.weight[n], reason_name(g, n)) for n in g.pros[claim] if labels[n] in pro_ok]
    if g.granted[claim]:
        pros.append((g.weight[claim], "granted"))
    cons = [(g.weight[a], a) for a in g.cons[claim] if labels[a] in con_ok]
    best_pro = max(pros, key=lambda p: p[0], default=None)
    best_con = max(cons, key=lambda c: c[0], default=None)
    if best_pro is None:
        pro_text = "no reason stands"
    elif best_pro[1] == "granted":
        pro_text = f"it is granted, which counts as a reason weighing {best_pro[0]:g}"
    else:
        pro_text = f"the strongest reason, {best_pro[1]}, weighs {best_pro[0]:g}"
    if std == "scintilla":
        con_text = "objections do not count"
    elif best_con is None:
        con_text = "no objection stands"
    else:
        con_text = f"the strongest objection, {best_con[1]}, weighs {best_con[0]:g}"
    return f"{claim} is {label} under {std}, which asks for {ASKS[std]}: {pro_text}; {con_text}."


def undecided_loop(g: CarneadesGraph, labels: dict[Node, str], claim: str) -> list[Node]:
    """A loop of UNDEC nodes that ``claim`` (UNDEC) depends on, in the direction of influence.

    Every UNDEC node depends on an UNDEC reason, objection, premise or
    undercut (otherwise it would be decided), so walking back along those
    always ends in a loop. It starts at ``claim`` when ``claim`` is on it, else
    at its first claim in map order.
    """

    def undecided(node: Node) -> list[Node]:
        if isinstance(node, tuple):
            deps: list[Node] = [*g.premises[node], *g.undercutters[node]]
        else:
            deps = [*g.pros[node], *g.cons[node]]
        return [d for d in deps if labels[d] == UNDEC]

    loop = loop_behind(claim, undecided)
    if not loop:
        return []
    order = {c: i for i, c in enumerate(g.claims)}
    first = min(
        range(len(loop)),
        key=lambda i: (loop[i] != claim, isinstance(loop[i], tuple), order.get(str(loop[i]), 0)),
    )
    return loop[first:] + loop[:first]
