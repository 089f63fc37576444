"""Safe YAML reading that keeps positions and refuses what PyYAML lets through.

PyYAML's composer keeps the last of two duplicate keys, recurses once per
nesting level (a deep file exhausts the stack, or crashes the C extension) and
expands aliases without bound (the "billion laughs"). This module reads the
parser's event stream itself, iteratively, and builds a small tree of
:class:`Scalar`, :class:`Seq` and :class:`Map` nodes that carry 1-based line and
column, refusing:

* duplicate keys at any level;
* nesting deeper than :func:`argmap.io.tree.max_depth` levels;
* aliases whose expansion would exceed :data:`MAX_EXPANDED_NODES`;
* any explicit tag beyond the standard ``str``, ``int``, ``float``, ``bool``,
  ``null``, ``seq`` and ``map`` (nothing is ever constructed from a tag);
* more than one document.

The libyaml C parser is used when PyYAML has it.
"""

from __future__ import annotations

from typing import Protocol

import yaml

from argmap.findings import Finding, invalid
from argmap.io.tree import Map, Node, Scalar, Seq, max_depth, too_deep

MAX_EXPANDED_NODES = 2_000_000

_Loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader)
_T = "tag:yaml.org,2002:"
_SCALAR_TAGS = {_T + t for t in ("str", "int", "float", "bool", "null", "timestamp")}
_COLLECTION_TAGS = {_T + "seq", _T + "map", "!"}
_STR = _T + "str"
_ScalarEvent, _AliasEvent, _DocStart = yaml.ScalarEvent, yaml.AliasEvent, yaml.DocumentStartEvent
_CollectionStart, _CollectionEnd = yaml.CollectionStartEvent, yaml.CollectionEndEvent
_SeqStart = yaml.SequenceStartEvent
_BOOL = {"yes": True, "no": False, "true": True, "false": False, "on": True, "off": False}


class _Mark(Protocol):
    """Where an event starts: PyYAML's and libyaml's marks both have these (0-based)."""

    line: int
    column: int


class YamlError(Exception):
    """Invalid YAML, carrying one ``invalid-map`` finding."""

    def __init__(self, finding: Finding):
        super().__init__(finding.message)
        self.finding = finding


def _pos(mark: _Mark | None) -> tuple[int, int]:
    if mark is None:
        return 1, 1
    return mark.line + 1, mark.column + 1


def _tag_error(path: str, tag: str, mark: _Mark | None) -> YamlError:
    shown = tag.replace(_T, "!!")
    return YamlError(
        invalid(
            path,
            *_pos(mark),
            f"YAML tag {shown!r} is not allowed; argmap maps use plain YAML "
            "(strings, numbers, lists, mappings): remove the tag",
        )
    )


_HINTS = (
    (
        "mapping values are not allowed",
        "; a text containing ': ' must be quoted, e.g. text: \"Homework: is it useful?\"",
    ),
    ("'\\t'", "; indent with spaces, not tabs"),
    (
        "cannot start any token",
        "; indent with spaces, not tabs, and quote texts that "
        "start with a special character such as @, ` or %",
    ),
    (
        "did not find expected key",
        "; check the indentation: keys of one mapping must "
        "line up, and a text containing ': ' or ' #' must be quoted",
    ),
    ("expected <block end>", "; check the indentation of this line and the one before"),
)


def _offset_pos(text: str, offset: int) -> tuple[int, int]:
    """1-based line and column of character ``offset`` in ``text``."""
    before = text[:offset]
    return before.count("\n") + 1, offset - (before.rfind("\n") + 1) + 1


def _hint(problem: str) -> str:
    """A fix suggestion for the commonest YAML mistakes of people writing maps."""
    for needle, hint in _HINTS:
        if needle in problem:
            return hint
    return ""


class _Composer:
    """Turns the event stream of one YAML document into a node tree.

    One loop over the events, dispatching on the event's exact class, with
    plain-scalar tags resolved from a per-first-character table (the same
    regular expressions, in the same order, as PyYAML's resolver): a 100,000
    claim map is about a million events, so per-event work is kept minimal.
    """

    def __init__(self, text: str, path: str):
        self.path = path
        self.text = text
        self.loader = _Loader(text)
        self.stack: list[Seq | Map] = []
        self.max_depth = max_depth()
        self.stack_anchors: list[str | None] = []
        self.anchors: dict[str, Node] = {}
        self.open_anchors: set[str] = set()
        self.expanded = 0
        self.root: Node | None = None
        self.documents = 0
        resolvers = self.loader.yaml_implicit_resolvers
        wild = tuple(resolvers.get(None, ()))
        self.wild = wild
        self.first = {ch: tuple(rs) + wild for ch, rs in resolvers.items() if ch is not None}

    def compose(self) -> Node | None:
        try:
            self._run()
        except yaml.MarkedYAMLError as exc:
            mark = exc.problem_mark or exc.context_mark
            problem = exc.problem or "is not valid YAML"
            context = f" ({exc.context})" if exc.context else ""
            message = f"malformed YAML: {problem}{context}{_hint(problem)}"
            raise YamlError(invalid(self.path, *_pos(mark), message)) from None
        except yaml.reader.ReaderError as exc:  # a character YAML does not allow
            line, col = _offset_pos(self.text, exc.position)
            raise YamlError(
                invalid(
                    self.path,
                    line,
                    col,
                    f"the character U+{exc.character:04X} is not allowed in YAML: remove it",
                )
            ) from None
        except yaml.YAMLError as exc:
            raise YamlError(invalid(self.path, 1, 1, f"malformed YAML: {exc}")) from None
        finally:
            self.loader.dispose()
        return self.root

    def _run(self) -> None:
        get_event, stack = self.loader.get_event, self.stack
        parent: Seq | Map | None = None
        while (ev := get_event()) is not None:
            if type(ev) is not _ScalarEvent:
                self._structure(ev)
                parent = stack[-1] if stack else None
                continue
            # Scalars, well over half of all events, are attached inline.
            value = self._scalar_value(ev)
            mark = ev.start_mark  # never None from libyaml or PyYAML
            line, column = (mark.line + 1, mark.column + 1) if mark is not None else (1, 1)
            node = Scalar(value, line, column)
            if ev.anchor:
                self.anchors[ev.anchor] = node
            if parent is None:
                self.root = node
            elif type(parent) is Seq:
                parent.size += 1
                parent.items.append(node)
            else:
                parent.size += 1
                key = parent.pending_key
                if key is not None:
                    parent.pending_key = None
                    parent.pairs[key.value] = (key, node)
                elif value in parent.pairs:
                    self._key(parent, node, ev)  # reports the duplicate
                else:
                    parent.pending_key = node

    def _structure(self, ev: yaml.Event) -> None:
        if isinstance(ev, _CollectionStart):
            self._open(ev)
        elif isinstance(ev, _CollectionEnd):
            self._close(ev)
        elif isinstance(ev, _AliasEvent):
            self._alias(ev)
        elif isinstance(ev, _DocStart):
            self.documents += 1
            if self.documents > 1:
                raise self._fail(ev.start_mark, "a map file holds one YAML document: remove '---'")

    def _scalar_value(self, ev: yaml.ScalarEvent) -> object:
        tag, text = ev.tag, ev.value
        if tag is None or tag == "!":
            tag = _STR
            if ev.implicit[0]:
                for rtag, regexp in self.first.get(text[:1], self.wild):
                    if regexp.match(text):
                        tag = rtag
                        break
        if tag == _STR:
            return text
        if tag in _SCALAR_TAGS:
            return self._value(tag, ev)
        raise _tag_error(self.path, tag, ev.start_mark)

    def _fail(self, mark: _Mark | None, message: str) -> YamlError:
        return YamlError(invalid(self.path, *_pos(mark), message))

    def _value(self, tag: str, ev: yaml.ScalarEvent) -> object:
        text = ev.value
        try:
            if tag == _T + "null":
                return None
            if tag == _T + "bool":
                return _BOOL[text.lower()]
            if tag == _T + "int":
                return self.loader.construct_yaml_int(yaml.ScalarNode(tag, text))
            if tag == _T + "float":
                return self.loader.construct_yaml_float(yaml.ScalarNode(tag, text))
        except (ValueError, KeyError):
            shown = repr(text) if len(text) <= 60 else f"{text[:60]!r}… ({len(text):,} characters)"
            kind = tag.replace(_T, "")
            hint = ": a number has at most 4,300 digits; quote it to keep it as text"
            raise self._fail(
                ev.start_mark, f"{shown} is not a valid {kind}" + (hint if kind == "int" else "")
            ) from None
        return text

    def _open(self, ev: yaml.CollectionStartEvent) -> None:
        if ev.tag is not None and ev.tag not in _COLLECTION_TAGS:
            raise _tag_error(self.path, ev.tag, ev.start_mark)
        if len(self.stack) >= self.max_depth:
            raise self._fail(ev.start_mark, too_deep(self.max_depth))
        line, col = _pos(ev.start_mark)
        node: Seq | Map = Seq([], line, col) if type(ev) is _SeqStart else Map({}, line, col)
        if ev.anchor:
            self.open_anchors.add(ev.anchor)
        self.stack.append(node)
        self.stack_anchors.append(ev.anchor)

    def _close(self, ev: yaml.Event) -> None:
        node = self.stack.pop()
        anchor = self.stack_anchors.pop()
        if type(node) is Map and node.pending_key is not None:
            raise self._fail(ev.start_mark, "a mapping key has no value")
        if anchor:
            self.open_anchors.discard(anchor)
            self.anchors[anchor] = node
        self._attach(node, ev)

    def _alias(self, ev: yaml.AliasEvent) -> None:
        if ev.anchor in self.open_anchors:
            raise self._fail(ev.start_mark, f"alias *{ev.anchor} refers to itself: remove it")
        node = self.anchors.get(ev.anchor) if ev.anchor is not None else None
        if node is None:
            raise self._fail(ev.start_mark, f"alias *{ev.anchor} names no anchor")
        self.expanded += node.size
        if self.expanded > MAX_EXPANDED_NODES:
            raise self._fail(
                ev.start_mark,
                "aliases expand to more than "
                f"{MAX_EXPANDED_NODES:,} nodes (a 'billion laughs' document): remove the aliases",
            )
        self._attach(node, ev)

    def _attach(self, node: Node, ev: yaml.Event) -> None:
        if not self.stack:
            self.root = node
            return
        parent = self.stack[-1]
        parent.size += node.size
        if type(parent) is Seq:
            parent.items.append(node)
        elif parent.pending_key is None:
            self._key(parent, node, ev)
        else:
            key = parent.pending_key
            parent.pending_key = None
            parent.pairs[key.value] = (key, node)

    def _key(self, parent: Map, node: Node, ev: yaml.Event) -> None:
        if type(node) is not Scalar:
            raise self._fail(ev.start_mark, "mapping keys must be plain scalars")
        if node.value in parent.pairs:
            first = parent.pairs[node.value][0]
            raise self._fail(
                ev.start_mark,
                f"duplicate key {node.value!r} (first defined at line {first.line}): "
                "PyYAML would silently keep only the last; remove or rename one",
            )
        parent.pending_key = node


def compose(text: str, path: str = "<string>") -> Node | None:
    """Parse one YAML document safely into a position-carrying node tree.

    Args:
        text: the document (a leading BOM and CRLF line endings are fine).
        path: file name used in messages.

    Returns:
        The root node, or None for an empty document.

    Raises:
        YamlError: malformed YAML, duplicate key, disallowed tag, recursive or
            exploding aliases, too-deep nesting or several documents; its
            ``finding`` names the 1-based line and column.
    """
    if text.startswith("\ufeff"):
        text = text[1:]
    return _Composer(text, path).compose()
