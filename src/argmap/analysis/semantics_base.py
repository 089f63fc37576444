"""The vocabulary of a bipolar framework: labels, nodes, attacks (see
:mod:`argmap.analysis.semantics`)."""

from __future__ import annotations

from collections import deque
from dataclasses import dataclass

import networkx as nx

IN, OUT, UNDEC = "IN", "OUT", "UNDEC"

#: The framework node of an inference: ``("inference", id)``.
InferenceNode = tuple[str, str]
#: A node of the framework: a claim id, or an inference's node.
Node = str | InferenceNode


def inf_node(inference_id: str) -> InferenceNode:
    """The framework node of an inference."""
    return ("inference", inference_id)


@dataclass(frozen=True)
class Attack:
    """A (possibly derived) attack of the framework.

    Attributes:
        attacker: attacking node.
        target: attacked node.
        how: ``"direct"``, ``"undercut"``, ``"supported"`` or ``"secondary"``.
        via: for derived attacks, the node through which it arises (the
            supported attacker, or the attacked reason).
    """

    attacker: Node
    target: Node
    how: str
    via: Node | None = None


def ancestors_avoiding(support: nx.DiGraph[Node], node: Node, skip: set[Node]) -> set[Node]:
    """``nx.ancestors`` of ``node`` in ``support`` without the nodes in ``skip``.

    The same breadth-first search, so the same set in the same order, but
    without a subgraph view, whose every ``len()`` costs time linear in the
    whole graph (quadratic over all attacks).
    """
    found: set[Node] = set()
    queue = deque([node])
    pred = support.pred
    while queue:
        for parent in pred[queue.popleft()]:
            if parent not in found and parent != node and parent not in skip:
                found.add(parent)
                queue.append(parent)
    return found
