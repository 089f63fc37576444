"""Statements and arguments as written: title, text, tags, ``{...}`` data and links.

:func:`parse_member` reads one member of a relation tree or premise–conclusion
structure (comments already blanked by :func:`argmap.io.argdown.syntax.strip_comments`);
linear in its length whatever it holds.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from argmap.io.argdown.syntax import (
    ARG,
    STMT,
    ArgdownSyntaxError,
    Finder,
    bracketed_tag_end,
    data_end,
    link_end,
)
from argmap.model import Position

_TAG = re.compile(r"#([A-Za-z0-9\-\u00A0-\uD7FF\uF900-\uFDCF\uFDF0-\uFFEF]+)")


@dataclass
class Member:
    """A statement or argument as written in one place.

    Attributes:
        kind: ``"stmt"``, ``"arg"``, ``"anon"`` (untitled statement) or ``"empty"``.
        title: the title (statements and arguments).
        defined: a ``:`` followed the title (a definition rather than a reference).
        text: the text, unescaped, whitespace collapsed, tags and data removed.
        tags: hashtags, in order.
        data: each ``{...}`` block with the position of its ``{``.
        pos: where the member starts.
        links: each Markdown link ``[text](url)``: its url and position (the
            text keeps the link's words, as the reference's text does).
    """

    kind: str
    title: str
    defined: bool
    text: str
    tags: list[str]
    data: list[tuple[str, Position]]
    pos: Position
    links: list[tuple[str, Position]] = field(default_factory=list)


class _Where:
    """Positions of indices into ``raw`` (which starts at ``start``), for growing indices."""

    def __init__(self, raw: str, start: Position):
        self.raw, self.start = raw, start
        self.index, self.line, self.line_start = 0, 0, 0

    def __call__(self, index: int) -> Position:
        if index < self.index:
            self.index, self.line, self.line_start = 0, 0, 0
        newlines = self.raw.count("\n", self.index, index)
        if newlines:
            self.line += newlines
            self.line_start = self.raw.rfind("\n", self.index, index) + 1
        self.index = index
        column = index - self.line_start + 1
        if self.line == 0:
            column += self.start.column - 1
        return Position(self.start.file, self.start.line + self.line, column)


def parse_member(raw: str, start: Position) -> Member:
    """Read a member: ``[T]: text``, ``[T]``, ``<T>: text``, ``<T>`` or untitled text.

    A title runs to the first closing bracket (titles have no escapes) and
    holds some non-space character.

    Raises:
        ArgdownSyntaxError: a ``{`` data block is never closed.
    """
    lead = len(raw) - len(raw.lstrip())
    kind, title, defined, offset = "anon", "", False, lead
    for pattern, name in ((STMT, "stmt"), (ARG, "arg")):
        match = pattern.match(raw, lead)
        if match and match.group(1).strip():
            kind, title, defined, offset = (
                name,
                match.group(1).strip(),
                bool(match.group(2)),
                match.end(),
            )
            break
    where = _Where(raw, start)
    links: list[tuple[str, Position]] = []
    text, tags, data = _split_text(raw, offset, where, links)
    if kind == "anon" and not text:
        kind = "empty"
    return Member(kind, title, defined, text, tags, data, where(lead), links)


def _split_text(
    raw: str, i: int, where: _Where, links: list[tuple[str, Position]]
) -> tuple[str, list[str], list[tuple[str, Position]]]:
    out: list[str] = []
    tags: list[str] = []
    data: list[tuple[str, Position]] = []
    finder = Finder(raw)
    while i < len(raw):
        c = raw[i]
        if c == "\\" and i + 1 < len(raw):
            out.append(raw[i + 1])
            i += 2
            continue
        if c == "{":
            end = data_end(raw, i)
            if end < 0:
                pos = where(i)
                raise ArgdownSyntaxError(
                    pos.line, pos.column, "this '{' (YAML data) is never closed with '}'"
                )
            data.append((raw[i:end], where(i)))
            i = end
            continue
        end = link_end(raw, i, finder) if c == "[" else -1
        if end > 0:
            close = finder.find("]", i + 1)
            out.append(raw[i + 1 : close])
            links.append((raw[close + 2 : end - 1].strip(), where(i)))
            i = end
            continue
        end = _tag_end(raw, i, finder) if c == "#" and (i == 0 or raw[i - 1].isspace()) else -1
        if end > 0:
            tags.append(raw[i + 2 : end - 1] if raw[i + 1] == "(" else raw[i + 1 : end])
            i = end
            continue
        out.append(c)
        i += 1
    return " ".join("".join(out).split()), tags, data


def _tag_end(raw: str, i: int, finder: Finder) -> int:
    """End of the tag (``#word`` or ``#(words)``) at ``i``, or -1."""
    end = bracketed_tag_end(raw, i, finder)
    if end > 0:
        return end
    match = _TAG.match(raw, i)
    return match.end() if match else -1
