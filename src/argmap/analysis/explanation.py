"""Why a claim has its label: the record both readings of ``argmap evaluate`` fill in."""

from __future__ import annotations

from collections.abc import Callable, Iterable
from dataclasses import dataclass

from argmap.analysis.semantics import Node


@dataclass(frozen=True)
class Explanation:
    """Why a claim has its label.

    Attributes:
        claim: the claim id.
        label: its label.
        reason: one sentence.
        attackers: the attacks that matter, as ``{"attacker", "label", "how", "via"}``
            (``how``: ``direct``, ``undercut``, ``supported`` or ``secondary``;
            ``via``: the inference undercut, or the node a derived attack runs through).
        defenders: for IN claims, the IN claims that defeat each attacker.
        cycle: for UNDEC claims, a loop of UNDEC nodes that leaves it open.
        reasons: under the Carneades reading, each reason (inference) for the
            claim as ``{"reason", "label", "weight", "why"}``.
    """

    claim: str
    label: str
    reason: str
    attackers: tuple[dict[str, str | None], ...] = ()
    defenders: tuple[str, ...] = ()
    cycle: tuple[str, ...] = ()
    reasons: tuple[dict[str, object], ...] = ()

    def as_dict(self) -> dict[str, object]:
        """JSON-ready form."""
        return {
            "claim": self.claim,
            "label": self.label,
            "reason": self.reason,
            "attackers": list(self.attackers),
            "defenders": list(self.defenders),
            "cycle": list(self.cycle),
            "reasons": list(self.reasons),
        }


def node_name(node: Node) -> str:
    """A framework node as text: claim ids as they are, inferences as ``inference I1``."""
    return f"inference {node[1]}" if isinstance(node, tuple) else str(node)


def loop_behind(start: Node, undecided: Callable[[Node], Iterable[Node]]) -> list[Node]:
    """The loop of UNDEC nodes an UNDEC ``start`` rests on, in the direction of influence.

    Walks back from ``start``, each time to the least (by ``str``) of the UNDEC
    nodes the current one depends on, ``undecided(node)``, until a node repeats:
    the nodes from that repeat on form the loop. Linear in the nodes walked.

    Returns:
        The loop, e.g. ``["P1", "P2"]`` for P1 → P2 → P1; ``[]`` when the walk
        reaches a node with no UNDEC dependency.
    """
    path: list[Node] = []
    seen: dict[Node, int] = {}
    node = start
    while node not in seen:
        seen[node] = len(path)
        path.append(node)
        behind = list(undecided(node))
        if not behind:
            return []
        node = min(behind, key=str)
    return list(reversed(path[seen[node] :]))
