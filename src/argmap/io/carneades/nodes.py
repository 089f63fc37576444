"""Small helpers over the position-carrying YAML tree for the Carneades reader."""

from __future__ import annotations

from dataclasses import dataclass

from argmap.io.builder import MapBuilder
from argmap.io.tree import Map, Node, Scalar, Seq
from argmap.model import Position


@dataclass(frozen=True)
class Argument:
    """An argument as read (claim ids), kept to make issue positions' con arguments.

    Attributes:
        id: the argument's id.
        premises: claim ids of its premises (a granted one when it had none).
        conclusion: claim id of its conclusion.
        convergent: True when each premise alone suffices.
        undercutter: claim id of its undercutter, or None.
        pos: where the argument stands.
    """

    id: str
    premises: tuple[str, ...]
    conclusion: str
    convergent: bool
    undercutter: str | None
    pos: Position


class Context:
    """The builder, the file, and the statement ids read so far (id → claim id).

    Attributes:
        b: the map builder (errors and notes).
        path: the file named in messages.
        ids: statement id as written → claim id.
        arguments: the arguments read so far.
        theory: True when the file has ``language`` or ``argument_schemes``.
    """

    def __init__(self, path: str):
        self.b = MapBuilder(path)
        self.path = path
        self.ids: dict[str, str] = {}
        self.arguments: list[Argument] = []
        self.theory = False  # the file has a language or argument schemes

    def pos(self, node: Node) -> Position:
        """Where ``node`` stands."""
        return Position(self.path, node.line, node.column)

    def mapping(self, node: Node, what: str) -> Map | None:
        """``node`` if it is a mapping, else None with an error."""
        if isinstance(node, Map):
            return node
        self.b.error(self.pos(node), f"{what} must be a mapping (key: value lines)")
        return None

    def name(self, node: Node, what: str) -> str | None:
        """The id a scalar names (numbers as written), else None with an error."""
        if isinstance(node, Scalar) and type(node.value) in (str, int, float):
            return str(node.value)
        self.b.error(self.pos(node), f"{what} must be a statement id")
        return None

    def names(self, node: Node, what: str) -> list[tuple[str, Node]]:
        """The ids a scalar or a list of scalars names, with their nodes."""
        items = node.items if isinstance(node, Seq) else [node]
        out = []
        for item in items:
            name = self.name(item, what)
            if name is not None:
                out.append((name, item))
        return out

    def statement(self, node: Node, what: str) -> str | None:
        """The claim id of the statement ``node`` names, else None with an error."""
        name = self.name(node, what)
        if name is None:
            return None
        if name not in self.ids:
            self.b.error(self.pos(node), f"{what} {name!r} is no statement")
            return None
        return self.ids[name]
