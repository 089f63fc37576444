"""The position-carrying node tree every structured reader builds (YAML and JSON).

:class:`Scalar`, :class:`Seq` and :class:`Map` nodes carry the 1-based line and
column of their value, so the map format's rules (:mod:`argmap.io.yaml.reader`)
report every problem where it stands, whichever syntax the map was written in.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from typing import final

from argmap.util.limits import DEPTH


def max_depth() -> int:
    """Deepest nesting a reader accepts now (``ARGMAP_MAX_DEPTH``, default 64); deeper
    documents are refused, not recursed into.

    Raises:
        UsageError: ``ARGMAP_MAX_DEPTH`` is not a whole number ≥ 1.
    """
    return DEPTH.value()


def too_deep(limit: int) -> str:
    """The message refusing a document nested deeper than ``limit`` levels (the limit,
    the depth found and how to raise the limit)."""
    return (
        f"nesting deeper than {limit} levels ({limit + 1} found; the limit is "
        f"{DEPTH.variable}): {DEPTH.advice}, or raise the limit with {DEPTH.variable}=N"
    )


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


def depth(value: object) -> int:
    """How deeply plain JSON-like data nests (a scalar is 0), without recursion."""
    deepest, stack = 0, [(value, 0)]
    while stack:
        item, level = stack.pop()
        deepest = max(deepest, level)
        if isinstance(item, dict):
            stack += [(v, level + 1) for v in item.values()]
        elif isinstance(item, list):
            stack += [(v, level + 1) for v in item]
    return deepest


def map_from_python(value: dict[str, object], line: int, column: int) -> Map:
    """:func:`from_python` of a dict."""
    pairs: dict[object, tuple[Scalar, Node]] = {
        k: (Scalar(k, line, column), from_python(v, line, column)) for k, v in value.items()
    }
    return Map(pairs, line, column)


def from_python(value: object, line: int, column: int) -> Node:
    """A node tree of plain JSON-like data (dicts, lists, scalars), every node at
    ``line``/``column`` (for data carried inside one element of a foreign file)."""
    if isinstance(value, dict):
        return map_from_python(value, line, column)
    if isinstance(value, list):
        return Seq([from_python(v, line, column) for v in value], line, column)
    return Scalar(value, line, column)


def shape(node: Node) -> str:
    """How a message names what ``node`` holds (``a list``, ``the number 3``, ...)."""
    if isinstance(node, Seq):
        return "a list"
    if isinstance(node, Map):
        return "a mapping"
    value = node.value
    if value is None:
        return "nothing (null)"
    if isinstance(value, bool):
        return f"{str(value).lower()} (true/false)"
    if isinstance(value, (int, float)):
        return f"the number {_clipped(value)}"
    return f"the text {_clipped(value)}"


#: Longest piece of a value a message quotes (a file read by mistake, such as a link
#: to /etc/passwd, is named by its start, not copied into the message).
SHOWN_CHARS = 60


def _clipped(value: object) -> str:
    """``repr(value)`` cut to :data:`SHOWN_CHARS` characters, its length added when cut."""
    try:
        text = repr(value)
    except ValueError:  # an integer past Python's limit of digits for str()
        return "with more than 4,300 digits"
    if len(text) <= SHOWN_CHARS:
        return text
    unit = "characters" if isinstance(value, str) else "digits"
    size = len(value) if isinstance(value, str) else len(text)
    return f"{text[:SHOWN_CHARS]}… ({size:,} {unit})"
