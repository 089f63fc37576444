"""The position-carrying node tree every structured reader builds (YAML and JSON).

:class:`Scalar`, :class:`Seq` and :class:`Map` nodes carry the 1-based line and
column of their value, so the map format's rules (:mod:`argmap.io.yaml.reader`)
report every problem where it stands, whichever syntax the map was written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import final

#: Deepest nesting a reader accepts (deeper documents are refused, not recursed into).
MAX_DEPTH = 64


@final
@dataclass(slots=True)
class Scalar:
    """A scalar: ``value`` is a str, int, float, bool or None (timestamps stay str)."""

    value: object
    line: int
    column: int
    size: int = 1


@final
@dataclass(slots=True)
class Seq:
    """A sequence of nodes."""

    items: list[Node]
    line: int
    column: int
    size: int = 1


@final
@dataclass(slots=True)
class Map:
    """A mapping with scalar keys: ``pairs`` maps key value to (key node, value node)."""

    pairs: dict[object, tuple[Scalar, Node]]
    line: int
    column: int
    size: int = 1
    pending_key: Scalar | None = field(default=None, repr=False)


Node = Scalar | Seq | Map


def to_python(node: Node) -> object:
    """Plain Python value of a node tree (for blocks kept verbatim)."""
    if isinstance(node, Scalar):
        return node.value
    if isinstance(node, Seq):
        return [to_python(n) for n in node.items]
    return {k: to_python(v) for k, (_, v) in node.pairs.items()}
