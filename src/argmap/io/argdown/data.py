"""The ``{...}`` YAML data of Argdown members, composed with their positions in the file.

A data block is parsed on its own (never padded out to its place in the file,
which would make reading quadratic in the number of blocks) and every node and
message is then moved to where the block stands.
"""

from __future__ import annotations

import dataclasses

from argmap.io.tree import Map, Node, Seq
from argmap.io.yaml.parse import YamlError, compose
from argmap.model import Position


def compose_data(raw: str, pos: Position) -> Node | None:
    """Parse the data block ``raw`` (``{`` to its ``}``), which starts at ``pos``.

    A block whose ``{`` ends its line is read as block-style YAML (the lines
    between the braces, at their own indentation); any other as a flow mapping.

    Returns:
        The node tree (positions in the file), or None for an empty block.

    Raises:
        YamlError: the data are not valid YAML (the finding names the file's
            line and column).
    """
    body = raw[1:-1]
    block = "\n" in body and not body.split("\n", 1)[0].strip()
    text, first_column = (body, pos.column) if block else (raw, pos.column - 1)
    try:
        node = compose(text, pos.file)
    except YamlError as exc:
        where = exc.finding.position
        moved = _moved(where.line, where.column, pos.line - 1, first_column)
        finding = dataclasses.replace(exc.finding, position=Position(pos.file, *moved))
        raise YamlError(finding) from None
    if node is not None:
        _move(node, pos.line - 1, first_column)
    return node


def _moved(line: int, column: int, lines: int, first_column: int) -> tuple[int, int]:
    return line + lines, column + (first_column if line == 1 else 0)


def _move(root: Node, lines: int, first_column: int) -> None:
    """Move every node of the tree ``lines`` lines down (and the first line's right)."""
    stack: list[Node] = [root]
    seen: set[int] = set()
    while stack:
        node = stack.pop()
        if id(node) in seen:
            continue
        seen.add(id(node))
        node.line, node.column = _moved(node.line, node.column, lines, first_column)
        if isinstance(node, Map):
            for key, value in node.pairs.values():
                stack += [key, value]
        elif isinstance(node, Seq):
            stack += node.items
