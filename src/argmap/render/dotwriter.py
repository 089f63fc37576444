"""Write DOT text directly, one statement at a time (pure: no program is run).

The DOT language (https://graphviz.org/doc/info/lang.html) is written here
without an object model: each node, edge and subgraph becomes its statement
text when it is added, so writing a graph is one join. The text is the text
pydot 4 writes for the same graph (statement order, ``[a=b, c=d]`` lists, no
indentation), so a graph drawn by earlier versions keeps its bytes.

Quoting has one rule for every value (:func:`value`):

* an :class:`Html` value (an HTML-like label ``<…>`` that argmap built, its
  text escaped by :func:`argmap.render.labels.html_text`) is written as it is;
* a plain word (ASCII letters and digits, not starting with a digit, not a
  DOT keyword) or a plain number (``12``, ``0.5``) is written bare;
* anything else is a double-quoted string (:func:`quote`): ``\\`` and ``"``
  escaped, line breaks written as ``\\n``/``\\r``, NUL replaced.

A plain ``str`` is never written raw, so no string from a map can close a
quote, end an attribute list or start a statement; a string that looks like
an HTML label (``<b>``) is quoted too. Node and subgraph names follow the
same rule with ``_`` allowed (:func:`name`).
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from itertools import chain

#: DOT's keywords (case-insensitive): quoted wherever they would be an ID.
KEYWORDS = frozenset({"graph", "subgraph", "digraph", "node", "edge", "strict"})
_WORD_OR_NUMBER = re.compile(r"[A-Za-z][A-Za-z0-9]*|[0-9]+(?:\.[0-9]*)?|\.[0-9]+")
_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")
_ESCAPES = str.maketrans({"\\": "\\\\", '"': '\\"', "\n": "\\n", "\r": "\\r", "\0": "\ufffd"})

#: Graphviz attributes: name → value (a ``str``; an :class:`Html` label passes raw).
Attrs = Mapping[str, str]


class Html(str):
    """An HTML-like label built by argmap: ``<`` … ``>`` around markup whose text
    is already escaped. The only kind of value :func:`value` writes unquoted
    when it is not a plain word or number. Concatenating gives a plain ``str``:
    wrap the finished label."""

    __slots__ = ()


def quote(text: str) -> str:
    """``text`` as a double-quoted DOT string: ``\\`` → ``\\\\``, ``"`` → ``\\"``,
    newline → ``\\n``, carriage return → ``\\r``, NUL → U+FFFD (which Graphviz
    would end the string at). Any other character, ``<``, ``]``, ``;``, ``}``
    and non-ASCII included, is literal inside the quotes."""
    return '"' + text.translate(_ESCAPES) + '"'


def value(text: str) -> str:
    """An attribute value as DOT text: raw for :class:`Html`, bare for a plain word
    or number, otherwise :func:`quote` (the empty string gives ``""``)."""
    if type(text) is Html:
        return text
    if _WORD_OR_NUMBER.fullmatch(text) and text.lower() not in KEYWORDS:
        return text
    return quote(text)


def name(text: str) -> str:
    """A node or subgraph name as DOT text: bare when it is a DOT ID of ASCII letters,
    digits and ``_`` (not starting with a digit, not a keyword), else :func:`quote`."""
    if _NAME.fullmatch(text) and text.lower() not in KEYWORDS:
        return text
    return quote(text)


def attr_list(attrs: Attrs) -> str:
    """`` [k=v, …]`` (with its leading space), or ``""`` for no attributes."""
    if not attrs:
        return ""
    return " [" + ", ".join(f"{k}={value(v)}" for k, v in attrs.items()) + "]"


def node(node_name: str, attrs: Attrs | None = None) -> str:
    """A node statement with its newline: ``n0 [shape=box];``."""
    return f"{name(node_name)}{attr_list(attrs or {})};\n"


def edge(source: str, target: str, attrs: Attrs | None = None) -> str:
    """A directed edge statement with its newline: ``n1 -> n0 [id=e0];``."""
    return f"{name(source)} -> {name(target)}{attr_list(attrs or {})};\n"


def defaults(kind: str, attrs: Attrs) -> str:
    """A default attribute statement (``kind``: ``graph``, ``node`` or ``edge``)."""
    if kind not in ("graph", "node", "edge"):
        raise ValueError(f"no default statement for {kind!r}")
    return f"{kind}{attr_list(attrs)};\n"


def body_attrs(attrs: Attrs) -> str:
    """Graph attributes as statements, one a line: ``rankdir=BT;``."""
    return "".join(f"{k}={value(v)};\n" for k, v in attrs.items())


class Block:
    """A graph or subgraph being written: its opening line and attributes, then
    statements in the order they are added (:meth:`add`), then ``}``.

    Args:
        keyword: ``digraph`` or ``subgraph``.
        block_name: the graph's name (quoted by :func:`name`).
        attrs: graph attributes, written first.
    """

    def __init__(self, keyword: str, block_name: str, attrs: Attrs | None = None):
        if keyword not in ("digraph", "graph", "subgraph"):
            raise ValueError(f"not a graph keyword: {keyword!r}")
        self.head = f"{keyword} {name(block_name)} {{\n{body_attrs(attrs or {})}"
        self.statements: list[str] = []

    def add(self, statement: str) -> None:
        """Append one statement (text ending with a newline; a subgraph's text)."""
        self.statements.append(statement)

    def text(self) -> str:
        """The block's whole DOT text, ending with ``}`` and a newline (one join: a
        map's text is copied once, however large)."""
        return "".join(chain((self.head,), self.statements, ("}\n",)))

    def encoded(self) -> bytes:
        """:meth:`text` in UTF-8, made without the text itself: the statements
        encoded one by one and joined once, so a large map's DOT is held twice
        (statements, bytes), not three times."""
        parts = chain((self.head,), self.statements, ("}\n",))
        return b"".join(part.encode("utf-8") for part in parts)
