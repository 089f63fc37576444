"""The lexical layer of the Argdown reader: comments, blocks, lines, members.

Pure functions over text; positions are 1-based and survive every step
(comments are blanked, not removed). Follows the Argdown lexer's rules where
they matter for structure: relation symbols and ``(n)`` numbers only count at
the start of a line, ``--`` at the start of a line opens an inference, a
``{`` opens YAML data up to its matching ``}``, ``\\`` escapes the next
character, and comments (``//``, ``/* */``, ``<!-- -->``) are skipped
except inside data, links and escapes.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.model import Position

FRONT_MATTER = re.compile(r"\A(?:[ \t]*\n)*===+[ \t]*\n(?P<body>.*?)\n?===+[ \t]*(?:\n|\Z)", re.S)
INCLUDE = re.compile(r"[ \t]*@include\(([^)]*)\)[ \t]*$")
_REL = re.compile(r"([ \t]*)(\+>|->|_>|<\+|<-|<_|><|\+|-|_(?=[ \t]))[ \t]*")
_NUMBERED = re.compile(r"([ \t]*)\((\d+)\)[ \t]*")
_INFERENCE = re.compile(r"([ \t]*)--")
_LIST_ITEM = re.compile(r"([ \t]*)(?:\*|\d+\.)[ \t]+")
STMT = re.compile(r"\[([^\[\]\n]*)\](?!\()(:?)")
ARG = re.compile(r"<([^<>\n]*)>(:?)")


class ArgdownSyntaxError(Exception):
    """A syntax error at a 1-based position (line, column) of the current file."""

    def __init__(self, line: int, column: int, message: str):
        super().__init__(message)
        self.line, self.column, self.message = line, column, message


def _line_col(text: str, index: int) -> tuple[int, int]:
    line = text.count("\n", 0, index) + 1
    return line, index - (text.rfind("\n", 0, index) + 1) + 1


def data_end(text: str, start: int) -> int:
    """Index just after the ``}`` matching the ``{`` at ``start`` (quotes respected), or -1."""
    depth, i, n = 0, start, len(text)
    while i < n:
        c = text[i]
        if c in "\"'" and text[i - 1] in " \t\n{[,:":
            i += 1
            while i < n and text[i] != c:
                i += 2 if c == '"' and text[i] == "\\" else 1
        elif c == "{":
            depth += 1
        elif c == "}":
            depth -= 1
            if depth == 0:
                return i + 1
        i += 1
    return -1


class Finder:
    """Where a character next occurs, for start positions that only grow: linear in total.

    ``find(char, start)`` equals ``text.find(char, start)``; each character of
    the text is scanned at most once per looked-for character as long as the
    starts do not decrease (a smaller start is answered too, by a fresh scan).
    """

    def __init__(self, text: str):
        self.text = text
        self._last: dict[str, tuple[int, int]] = {}

    def find(self, char: str, start: int) -> int:
        """Index of the first ``char`` at or after ``start``, or -1."""
        since, found = self._last.get(char, (start + 1, 0))
        if since <= start and (found >= start or found < 0):
            return found
        found = self.text.find(char, start)
        self._last[char] = (start, found)
        return found


def link_end(text: str, i: int, finder: Finder) -> int:
    """End of the link ``[text](url)`` starting at ``i`` (both parts on one line), or -1."""
    close = finder.find("]", i + 1)
    if close <= i + 1 or not text.startswith("(", close + 1):
        return -1
    paren = finder.find(")", close + 2)
    newline = finder.find("\n", i + 1)
    if paren <= close + 2 or 0 <= newline < paren:
        return -1
    return paren + 1


def bracketed_tag_end(text: str, i: int, finder: Finder) -> int:
    """End of the tag ``#(words)`` starting at ``i`` (closed on its line), or -1."""
    if not text.startswith("#(", i):
        return -1
    paren = finder.find(")", i + 2)
    newline = finder.find("\n", i + 2)
    if paren <= i + 2 or 0 <= newline < paren:
        return -1
    return paren + 1


def strip_comments(text: str) -> str:
    """``text`` with every comment replaced by spaces (newlines kept).

    Linear in the length of ``text``: after a ``{`` that is never closed (an
    error the member holding it reports), no later ``{`` is taken for data.

    Raises:
        ArgdownSyntaxError: a ``/*`` or ``<!--`` comment is never closed.
    """
    out, i, n = list(text), 0, len(text)
    finder, data = Finder(text), True
    while i < n:
        if text[i] == "\\":
            i += 2
            continue
        token = _skip_token(text, i, finder, data)
        if token is None:
            data = data and text[i] != "{"
            i += 1
            continue
        end, comment = token
        if end < 0:
            raise ArgdownSyntaxError(*_line_col(text, i), "this comment is never closed")
        if comment:
            out[i:end] = [ch if ch == "\n" else " " for ch in text[i:end]]
        i = end
    return "".join(out)


def _skip_token(text: str, i: int, finder: Finder, data: bool) -> tuple[int, bool] | None:
    """``(end, is_comment)`` of the comment, data block or link at ``i``, or None.

    ``end`` is -1 for a comment that is never closed; a ``{`` counts only while ``data``.
    """
    if text.startswith("<!--", i):
        end = text.find("-->", i + 4)
        return (end + 3 if end >= 0 else -1), True
    if text.startswith("/*", i):
        end = text.find("*/", i + 2)
        return (end + 2 if end >= 0 else -1), True
    if text.startswith("//", i):
        end = finder.find("\n", i)
        return (end if end >= 0 else len(text)), True
    if text[i] == "{" and data:
        end = data_end(text, i)
        return (end, False) if end > 0 else None
    if text[i] == "[":
        end = link_end(text, i, finder)
        return (end, False) if end > 0 else None
    return None


def blocks(text: str, original: str | None = None) -> list[list[tuple[int, str]]]:
    """Top-level blocks: runs of non-blank ``(number, line)``; an include line stands alone.

    ``text`` has its comments blanked (:func:`strip_comments`); ``original`` is the
    text before. A line that held only comments ends no block: only a line that
    is blank in ``original`` does (as in the Argdown lexer, where comments are
    skipped before empty lines are counted).
    """
    out: list[list[tuple[int, str]]] = []
    current: list[tuple[int, str]] = []
    before = (original if original is not None else text).split("\n")
    for number, line in enumerate(text.split("\n"), 1):
        if not line.strip() and before[number - 1].strip():
            continue
        if not line.strip() or INCLUDE.match(line):
            if current:
                out.append(current)
            current = [(number, line)] if line.strip() else []
            if current:
                out.append(current)
                current = []
            continue
        current.append((number, line.rstrip()))
    if current:
        out.append(current)
    return out


@dataclass
class Item:
    """One element of a block: the root, a relation child, a numbered statement or an inference.

    Attributes:
        kind: ``"root"``, ``"rel"``, ``"pcs"`` or ``"inference"``.
        indent: leading whitespace of its first line, in characters.
        pos: where its symbol (or number, or text) stands.
        start: where its text starts.
        lines: its text, first line from ``start``, then whole lines.
        symbol: the relation symbol (``"rel"`` only).
        number: the statement number (``"pcs"`` only).
    """

    kind: str
    indent: int
    pos: Position
    start: Position
    lines: list[str] = field(default_factory=list)
    symbol: str = ""
    number: int = 0

    @property
    def text(self) -> str:
        """The item's text, lines joined by newlines."""
        return "\n".join(self.lines)


def _inference_closed(stripped: str) -> bool:
    body = stripped.strip("-").strip()
    if not body:
        return len(stripped) >= 4
    return stripped.endswith("--")


def block_items(block: list[tuple[int, str]], file: str) -> list[Item]:
    """Split a block into items; continuation lines join the item above them.

    In a list (a block whose first line starts with ``*`` or ``1.``), each list
    item is a root of its own.
    """
    items: list[Item] = []
    expanded: Item | None = None
    is_list = _LIST_ITEM.match(block[0][1]) is not None
    for number, line in block:
        indent = len(line) - len(line.lstrip(" \t"))
        if expanded is not None:
            expanded.lines.append(line.strip().strip("-"))
            expanded = None if line.strip().endswith("--") else expanded
            continue
        listed = _LIST_ITEM.match(line) if is_list else None
        if listed:
            pos = Position(file, number, indent + 1)
            items.append(
                Item(
                    "root",
                    indent,
                    pos,
                    Position(file, number, listed.end() + 1),
                    [line[listed.end() :]],
                )
            )
            continue
        item = _new_item(number, line, indent, file, bool(items))
        if item is None:
            _check_continuation(line, number, indent)
            items[-1].lines.append(line)
            continue
        items.append(item)
        if item.kind == "inference" and not _inference_closed(line.strip()):
            expanded = item
    return items


def _check_continuation(line: str, number: int, indent: int) -> None:
    """Refuse a line that would go on the text above but starts a statement, argument or heading.

    The Argdown parser refuses these too ("Expecting token of type Dedent/EOF"):
    a new statement, argument or heading starts after an empty line.

    Raises:
        ArgdownSyntaxError: at the line's first character.
    """
    rest = line[indent:]
    title = STMT.match(rest) or ARG.match(rest)
    if (title and title.group(1).strip()) or re.match(r"#+ ", rest):
        what = "heading" if rest.startswith("#") else "statement or argument"
        raise ArgdownSyntaxError(
            number,
            indent + 1,
            f"a new {what} must start after an empty line (or be indented under "
            "a statement with a relation symbol such as + or -)",
        )


def _new_item(number: int, line: str, indent: int, file: str, has_items: bool) -> Item | None:
    match = _NUMBERED.match(line)
    if match:
        item = Item(
            "pcs",
            indent,
            Position(file, number, indent + 1),
            Position(file, number, match.end() + 1),
            [line[match.end() :]],
            number=int(match.group(2)),
        )
        return item
    if _INFERENCE.match(line):
        pos = Position(file, number, indent + 1)
        return Item("inference", indent, pos, pos, [line.strip().strip("-")])
    match = _REL.match(line)
    if match:
        return Item(
            "rel",
            indent,
            Position(file, number, indent + 1),
            Position(file, number, match.end() + 1),
            [line[match.end() :]],
            symbol=match.group(2),
        )
    if has_items:
        return None
    pos = Position(file, number, indent + 1)
    return Item("root", indent, pos, pos, [line[indent:]])
