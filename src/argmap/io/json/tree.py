"""Read JSON into the position-carrying node tree of :mod:`argmap.io.tree`.

``json.loads`` checks the syntax (its errors carry line and column); a second,
iterative pass then builds :class:`~argmap.io.tree.Scalar`,
:class:`~argmap.io.tree.Seq` and :class:`~argmap.io.tree.Map` nodes
with 1-based positions, so JSON inputs (argmap's JSON maps, AIF) are validated
by the same code as YAML maps and every message points at the offending value.

Refused, with their position: duplicate keys (``json`` keeps the last one
silently), ``NaN`` and ``Infinity`` (not JSON, though Python accepts them) and
nesting deeper than :func:`argmap.io.tree.max_depth` levels.
"""

from __future__ import annotations

import json
import re

# The C string scanner json.decoder uses: (text, index after the quote) -> (value, end).
from _json import scanstring
from bisect import bisect_right

from argmap.errors import MapLoadError
from argmap.findings import invalid
from argmap.io.tree import Map, Node, Scalar, Seq, max_depth, too_deep

_WS = re.compile(r"[ \t\n\r]*")
_NUMBER = re.compile(r"-?(?:0|[1-9][0-9]*)(\.[0-9]+)?([eE][-+]?[0-9]+)?")
_LITERALS = {"true": True, "false": False, "null": None}
_NOT_JSON = ("NaN", "Infinity", "-Infinity")


def check_syntax(text: str, path: str) -> None:
    """Raise :class:`MapLoadError` at the position of the first JSON syntax error.

    Raises:
        MapLoadError: malformed or truncated JSON, nesting too deep for the
            parser, or a number too long to convert.
    """
    try:
        json.loads(text)
    except json.JSONDecodeError as exc:
        message = f"malformed JSON: {exc.msg}; fix the syntax (a truncated file ends early)"
        raise MapLoadError([invalid(path, exc.lineno, exc.colno, message)]) from None
    except RecursionError:
        raise MapLoadError(
            [
                invalid(
                    path,
                    1,
                    1,
                    "JSON nested too deeply for the parser: flatten it "
                    f"(argmap reads at most {max_depth()} levels, ARGMAP_MAX_DEPTH)",
                )
            ]
        ) from None
    except ValueError as exc:  # e.g. an integer with more than 4300 digits
        raise MapLoadError([invalid(path, 1, 1, f"invalid JSON: {exc}")]) from None


def compose_json(text: str, path: str = "<string>") -> Node:
    """Parse one JSON document into a position-carrying node tree.

    Args:
        text: the document (a leading BOM is ignored).
        path: file name used in messages.

    Returns:
        The root node; object keys are strings, values str, int, float, bool or None.

    Raises:
        MapLoadError: malformed JSON, a duplicate key, ``NaN``/``Infinity``, or
            nesting deeper than :func:`~argmap.io.tree.max_depth` levels; the
            finding names line and column.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    check_syntax(text, path)
    return _Builder(text, path).build()


class _Builder:
    """Walks valid JSON text once, iteratively, recording where each value starts."""

    def __init__(self, text: str, path: str):
        self.text = text
        self.path = path
        self.max_depth = max_depth()
        self.line_starts = [0] + [m.end() for m in re.finditer("\n", text)]

    def pos(self, index: int) -> tuple[int, int]:
        line = bisect_right(self.line_starts, index)
        return line, index - self.line_starts[line - 1] + 1

    def fail(self, index: int, message: str) -> MapLoadError:
        return MapLoadError([invalid(self.path, *self.pos(index), message)])

    def ws(self, index: int) -> int:
        match = _WS.match(self.text, index)  # always matches (possibly nothing)
        return match.end() if match is not None else index

    def build(self) -> Node:
        text = self.text
        stack: list[Seq | Map] = []
        i = self.ws(0)
        while True:
            if text[i] in "{[":
                if len(stack) >= self.max_depth:
                    raise self.fail(i, too_deep(self.max_depth))
                line, col = self.pos(i)
                stack.append(Map({}, line, col) if text[i] == "{" else Seq([], line, col))
                i = self.ws(i + 1)
                if text[i] not in "}]":
                    if isinstance(stack[-1], Map):
                        i = self.key(i, stack[-1])
                    continue
                i += 1
                value: Node = stack.pop()
            else:
                value, i = self.scalar(i)
            while True:  # attach the value, then close every container that ends here
                if not stack:
                    return value
                self.attach(stack[-1], value)
                i = self.ws(i)
                if text[i] == ",":
                    i = self.ws(i + 1)
                    if isinstance(stack[-1], Map):
                        i = self.key(i, stack[-1])
                    break
                i += 1
                value = stack.pop()

    def scalar(self, i: int) -> tuple[Scalar, int]:
        text = self.text
        line, col = self.pos(i)
        if text[i] == '"':
            value, end = scanstring(text, i + 1)
            return Scalar(value, line, col), end
        for word in _NOT_JSON:
            if text.startswith(word, i):
                raise self.fail(i, f"{word} is not a JSON number: write a number or null")
        for word, literal in _LITERALS.items():
            if text.startswith(word, i):
                return Scalar(literal, line, col), i + len(word)
        match = _NUMBER.match(text, i)
        assert match is not None, "json.loads accepted the text"
        number = match.group(0)
        is_float = match.group(1) is not None or match.group(2) is not None
        return Scalar(float(number) if is_float else int(number), line, col), match.end()

    def key(self, i: int, parent: Map) -> int:
        line, col = self.pos(i)
        name, end = scanstring(self.text, i + 1)
        if name in parent.pairs:
            first = parent.pairs[name][0]
            raise self.fail(
                i,
                f"duplicate key {name!r} (first defined at line {first.line}): "
                "JSON readers keep only one of them; remove or rename one",
            )
        parent.pending_key = Scalar(name, line, col)
        end = self.ws(end)  # the ':' follows
        return self.ws(end + 1)

    @staticmethod
    def attach(parent: Seq | Map, value: Node) -> None:
        parent.size += value.size
        if isinstance(parent, Seq):
            parent.items.append(value)
            return
        key = parent.pending_key
        assert key is not None
        parent.pending_key = None
        parent.pairs[key.value] = (key, value)
