"""Claim ids in the text of a YAML map, found line by line while the map is
being typed (it need not load): where each id is defined (a key of the
``claims:`` block) and where it is used (the values of ``supports``,
``attacks``, ``undercuts``, ``rephrases``, ``premises`` and ``conclusion``,
in flow or block style). Positions are 0-based lines (ended by ``\n``,
``\r\n`` or ``\r`` only, as LSP counts them) and columns in characters;
:class:`Columns` converts columns to and from the editor's units (UTF-16 code
units unless the editor chose another position encoding). Time is linear in
the text.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass

#: The line breaks of LSP (``U+2028``, ``U+0085`` … are not: ``str.splitlines`` is wrong here).
LINE_BREAK = re.compile(r"\r\n|\r|\n")


def lsp_lines(text: str) -> list[str]:
    """The lines of ``text`` as an editor speaking LSP numbers them."""
    return LINE_BREAK.split(text)


class Columns:
    """Columns of a document's lines in the editor's units: ``utf-16`` (LSP's
    default: a character above U+FFFF is two units), ``utf-8`` (bytes) or
    ``utf-32`` (characters). Each line's offsets are worked out once, when first
    needed (linear in its length); an ASCII line needs none."""

    def __init__(self, lines: list[str], encoding: str = "utf-16") -> None:
        self.lines = lines
        self.encoding = encoding
        self._offsets: dict[int, list[int]] = {}

    def _units(self, number: int) -> list[int] | None:
        """The client column of each character boundary of line ``number`` (None:
        one unit a character)."""
        line = self.lines[number] if 0 <= number < len(self.lines) else ""
        if self.encoding == "utf-32" or line.isascii():
            return None
        if number not in self._offsets:
            offsets = [0]
            for ch in line:
                if self.encoding == "utf-8":
                    width = len(ch.encode("utf-8", "surrogatepass"))
                else:
                    width = 2 if ord(ch) > 0xFFFF else 1
                offsets.append(offsets[-1] + width)
            self._offsets[number] = offsets
        return self._offsets[number]

    def to_client(self, line: int, index: int) -> int:
        """The editor's column of character ``index`` of ``line``."""
        offsets = self._units(line)
        return index if offsets is None else offsets[min(max(index, 0), len(offsets) - 1)]

    def from_client(self, line: int, units: int) -> int:
        """The character index of the editor's column ``units`` of ``line`` (a column
        inside a character is that character's)."""
        offsets = self._units(line)
        return units if offsets is None else max(bisect_right(offsets, units) - 1, 0)


def enclosing_claim(lines: list[str], line: int, found: list[Occurrence]) -> str | None:
    """The claim whose entry holds ``line`` (None: the line is outside ``claims:``),
    given the definitions ``found`` (as :func:`occurrences` gives them)."""
    in_claims = False
    for number in range(min(line, len(lines) - 1), -1, -1):
        text = lines[number]
        if text[:1] not in ("", " ", "\t", "#") and text.strip():  # a top-level key
            in_claims = text.split("#", 1)[0].rstrip() == "claims:"
            break
    if not in_claims:
        return None
    above = [o.id for o in found if o.definition and o.line <= line]
    return above[-1] if above else None


#: Keys whose values are claim ids.
REFERENCE_KEYS = ("supports", "attacks", "undercuts", "rephrases", "premises", "conclusion")
#: A claim id as the YAML format allows it.
ID = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.\-]*")
_KEY = re.compile(r"(?P<indent> *)(?P<key>[^\s:#{}\[\],'\"]+)\s*:(?:\s|$)")
_REFERENCE = re.compile(r"\b(?:" + "|".join(REFERENCE_KEYS) + r")\s*:[ \t]*")
_ITEM = re.compile(r"(?P<indent> *)-[ \t]+")
_VALUE = re.compile(r"""["']?([A-Za-z0-9_][A-Za-z0-9_.\-]*)["']?""")


@dataclass(frozen=True)
class Occurrence:
    """One id in the text: ``line`` and the columns ``start``–``end`` (0-based, end
    exclusive); ``definition`` when it is the claim's key."""

    id: str
    line: int
    start: int
    end: int
    definition: bool = False


def _lines(text: str | list[str]) -> list[str]:
    """``text``'s lines (:func:`lsp_lines`), or ``text`` when it is already its lines."""
    return text if isinstance(text, list) else lsp_lines(text)


def occurrences(text: str | list[str]) -> list[Occurrence]:
    """Every definition and use of a claim id, in text order (``text``: the
    document, or its :func:`lsp_lines`)."""
    out: list[Occurrence] = []
    in_claims, claim_indent, list_indent = False, -1, -1
    for number, line in enumerate(_lines(text)):
        body = line.split(" #", 1)[0]
        if not body.strip() or body.lstrip().startswith("#"):
            continue
        indent = len(body) - len(body.lstrip(" "))
        if indent == 0:
            in_claims, claim_indent = body.rstrip() == "claims:", -1
        item = _ITEM.match(body)
        if item and list_indent >= 0 and indent > list_indent:
            out.extend(_values(body, number, item.end()))
            continue
        list_indent = -1
        key = _KEY.match(body)
        if in_claims and key and indent > 0 and claim_indent in (-1, indent):
            claim_indent = indent
            name = key.group("key").strip("'\"")
            start = body.index(name, indent)
            out.append(Occurrence(name, number, start, start + len(name), True))
        for ref in _REFERENCE.finditer(body):
            rest = body[ref.end() :]
            if not rest.strip():  # a block list follows on the next lines
                list_indent = indent
            out.extend(_values(body, number, ref.end()))
    return out


def _values(body: str, number: int, at: int) -> list[Occurrence]:
    """The ids of the value starting at column ``at``: a scalar or a ``[a, b]`` list."""
    found: list[Occurrence] = []
    if at < len(body) and body[at] == "[":
        close = body.find("]", at)
        end = close if close >= 0 else len(body)
        position = at + 1
        for part in body[at + 1 : end].split(","):
            found.extend(_scalar(part, number, position))
            position += len(part) + 1
        return found
    token = re.match(r"[^\s,}\]#]+", body[at:])
    return _scalar(token.group(), number, at) if token else []


def _scalar(part: str, number: int, column: int) -> list[Occurrence]:
    """The id in ``part`` (which starts at ``column``), quotes left out."""
    stripped = part.strip()
    match = _VALUE.fullmatch(stripped)
    if match is None:
        return []
    start = column + (len(part) - len(part.lstrip())) + match.start(1)
    return [Occurrence(match.group(1), number, start, start + len(match.group(1)))]


def at(found_all: list[Occurrence], line: int, character: int) -> Occurrence | None:
    """The occurrence (of ``found_all``, as :func:`occurrences` gives them) under
    the cursor, or None."""
    for found in found_all:
        if found.line == line and found.start <= character <= found.end:
            return found
    return None


def completing_id(text: str | list[str], line: int, character: int) -> bool:
    """Whether the cursor stands where a claim id is expected (after a reference
    key, inside its ``[...]`` list, or on a ``-`` item of its block list); ``text``
    is the document or its :func:`lsp_lines`. String operations only, each over
    the line once: linear in its length."""
    lines = _lines(text)
    if line >= len(lines):
        return False
    before = lines[line][:character].rstrip(_ID_CHARS)
    head = before.rstrip(" \t")
    if "[" in head:
        opened = head.rfind("[")
        if "]" not in head[opened:]:
            head = head[:opened].rstrip(" \t")  # inside a list: what opens it
    elif head.endswith(","):
        return False
    if _ends_with_key(head):
        return True
    if head.strip() == "-":  # a block list item: the key ends the nearest earlier line
        for earlier in reversed(lines[:line]):
            if not earlier.strip().startswith("-"):
                return _ends_with_key(earlier.rstrip(" \t"))
    return False


#: The characters of an id (the word being typed at the cursor).
_ID_CHARS = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_.-"


def _ends_with_key(head: str) -> bool:
    """Whether ``head`` ends with ``supports:`` or another reference key."""
    if not head.endswith(":"):
        return False
    word = head[:-1].rstrip(" \t")
    return any(
        word.endswith(key) and (len(word) == len(key) or not word[-len(key) - 1].isalnum())
        for key in REFERENCE_KEYS
    )
