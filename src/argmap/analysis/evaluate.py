"""``argmap evaluate``: which claims stand, how strongly, and why.

Builds on :mod:`argmap.analysis.semantics` (the bipolar framework, grounded labelling
and DF-QuAD). What-if questions take claims as granted (``accept``) or denied
(``reject``) and recompute; :func:`explain` says why a claim has its label.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping
from dataclasses import dataclass, field

from argmap.analysis.semantics import (
    IN,
    OUT,
    UNDEC,
    Attack,
    Framework,
    Node,
    build_framework,
    dfquad,
    grounded,
    inf_node,
)
from argmap.errors import UsageError
from argmap.model import ArgumentMap
from argmap.util.suggest import did_you_mean


@dataclass
class Evaluation:
    """The result of evaluating a map.

    Attributes:
        labelling: claim id → ``"IN"``, ``"OUT"`` or ``"UNDEC"`` (map order).
        inferences: inference id → label.
        strength: claim id → DF-QuAD strength in [0, 1], or None (cyclic part).
        framework: the derived framework (for explanations).
        node_labels: the label of every framework node, claims and
            inferences (``("inference", id)``) alike.
        accepted: claims taken as granted.
        rejected: claims taken as denied.
    """

    labelling: dict[str, str]
    inferences: dict[str, str]
    strength: dict[str, float | None]
    framework: Framework = field(repr=False)
    node_labels: dict[Node, str] = field(repr=False, default_factory=dict)
    accepted: tuple[str, ...] = ()
    rejected: tuple[str, ...] = ()


def _known(amap: ArgumentMap, ids: Iterable[str], option: str) -> tuple[str, ...]:
    out = []
    for cid in ids:
        if cid not in amap.claims:
            raise UsageError(
                f"{option} {cid!r}: no such claim{did_you_mean(cid, amap.claims, 0.5)}"
            )
        out.append(cid)
    return tuple(out)


def evaluate(
    amap: ArgumentMap,
    accept: Iterable[str] = (),
    reject: Iterable[str] = (),
    reading: str = "necessary",
) -> Evaluation:
    """Label every claim (grounded, bipolar) and compute DF-QuAD strengths.

    Args:
        amap: the map.
        accept: claims taken as granted (IN whatever attacks them; strength 1).
        reject: claims taken as denied (OUT; they attack and support nothing;
            strength 0).
        reading: how support works: ``"necessary"`` or ``"convergent"`` (see
            :func:`argmap.analysis.semantics.build_framework`).

    Raises:
        UsageError: an accepted or rejected id is not a claim, or one id is both.
    """
    accepted = _known(amap, accept, "--accept")
    rejected = _known(amap, reject, "--reject")
    if set(accepted) & set(rejected):
        raise UsageError(f"cannot both accept and reject {sorted(set(accepted) & set(rejected))}")
    frame = build_framework(amap, accepted, rejected, reading)
    labels = grounded(frame.nodes, frame.attackers)
    for cid in rejected:
        labels[cid] = OUT
    return Evaluation(
        labelling={cid: labels[cid] for cid in amap.claims},
        inferences={i.id: labels[inf_node(i.id)] for i in amap.inferences},
        strength=dfquad(amap, accepted, rejected),
        framework=frame,
        node_labels=labels,
        accepted=accepted,
        rejected=rejected,
    )


def changes(before: Evaluation, after: Evaluation) -> list[tuple[str, str, str]]:
    """Claims whose label differs: ``[(id, old label, new label)]`` in map order."""
    return [
        (cid, old, after.labelling[cid])
        for cid, old in before.labelling.items()
        if after.labelling[cid] != old
    ]


@dataclass(frozen=True)
class Explanation:
    """Why a claim has its label.

    Attributes:
        claim: the claim id.
        label: its label.
        reason: one sentence.
        attackers: the attacks that matter, as ``{"attacker", "label", "how", "via"}``.
        defenders: for IN claims, the IN claims that defeat each attacker.
        cycle: for UNDEC claims, an attack cycle of UNDEC nodes that leaves it open.
    """

    claim: str
    label: str
    reason: str
    attackers: tuple[dict[str, str | None], ...] = ()
    defenders: tuple[str, ...] = ()
    cycle: tuple[str, ...] = ()

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "claim": self.claim,
            "label": self.label,
            "reason": self.reason,
            "attackers": list(self.attackers),
            "defenders": list(self.defenders),
            "cycle": list(self.cycle),
        }


def node_name(node: Node) -> str:
    """A framework node as text: claim ids as they are, inferences as ``inference I1``."""
    return f"inference {node[1]}" if isinstance(node, tuple) else str(node)


def _describe(att: Attack, labels: Mapping[Node, str]) -> dict[str, str | None]:
    return {
        "attacker": node_name(att.attacker),
        "label": labels[att.attacker],
        "how": att.how,
        "via": None if att.via is None else node_name(att.via),
    }


def explain(ev: Evaluation, claim: str) -> Explanation:
    """Explain the label of ``claim`` in ``ev``.

    Raises:
        UsageError: ``claim`` is not a claim of the map.
    """
    if claim not in ev.labelling:
        raise UsageError(
            f"--explain {claim!r}: no such claim{did_you_mean(claim, ev.labelling, 0.5)}"
        )
    labels, label = ev.node_labels, ev.labelling[claim]
    attacks = list(ev.framework.attackers.get(claim, {}).values())
    if claim in ev.rejected:
        return Explanation(claim, label, f"{claim} is OUT because it was rejected (--reject).")
    if label == OUT:
        winner = next(a for a in attacks if labels[a.attacker] == IN)
        return Explanation(
            claim,
            label,
            f"{claim} is OUT: {_sentence(winner)}, which is IN.",
            (_describe(winner, labels),),
        )
    if label == IN:
        return _explain_in(ev, claim, attacks)
    cycle = _undec_cycle(ev, claim)
    text = " → ".join(node_name(n) for n in [*cycle, cycle[0]]) if cycle else ""
    undec = tuple(_describe(a, labels) for a in attacks if labels[a.attacker] == UNDEC)
    return Explanation(
        claim,
        label,
        f"{claim} is UNDEC: attacked from an attack cycle that nothing settles ({text}).",
        undec,
        (),
        tuple(node_name(n) for n in cycle),
    )


def _sentence(att: Attack) -> str:
    who = node_name(att.attacker)
    via = "" if att.via is None else node_name(att.via)  # set on every derived attack
    if att.how == "supported":
        return f"{who} attacks it by supporting {via}, which attacks it"
    if att.how == "secondary":
        return f"{who} attacks it by attacking {via}, on which it rests"
    return f"{who} {'undercuts' if att.how == 'undercut' else 'attacks'} it"


def _explain_in(ev: Evaluation, claim: str, attacks: list[Attack]) -> Explanation:
    labels = ev.node_labels
    if claim in ev.accepted:
        return Explanation(claim, IN, f"{claim} is IN because it was accepted (--accept).")
    if not attacks:
        return Explanation(claim, IN, f"{claim} is IN: nothing attacks it.")
    defenders = []
    for att in attacks:
        beaters = ev.framework.attackers.get(att.attacker, {})
        defenders.append(next(a.attacker for a in beaters.values() if labels[a.attacker] == IN))
    names = sorted({node_name(d) for d in defenders})
    return Explanation(
        claim,
        IN,
        f"{claim} is IN: every attacker is OUT, defeated by {', '.join(names)}.",
        tuple(_describe(a, labels) for a in attacks),
        tuple(names),
    )


def _undec_cycle(ev: Evaluation, claim: str) -> list[Node]:
    """Walk back along UNDEC attackers until a node repeats: that loop is the cycle."""
    labels, attackers = ev.node_labels, ev.framework.attackers
    path: list[Node] = []
    seen: dict[Node, int] = {}
    node: Node = claim
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        undec = [a for a in attackers.get(node, {}) if labels[a] == UNDEC]
        if not undec:
            return []
        node = min(undec, key=str)
    return list(reversed(path[seen[node] :]))
