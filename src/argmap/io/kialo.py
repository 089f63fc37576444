"""Read Kialo's plain-text discussion export into an argument map.

Kialo (kialo.com, "Exporting a Discussion") writes a line ``Discussion Title:
<title>``, then one claim per numbered line, ``1.`` for the thesis and
``1.2. Pro: …`` / ``1.2. Con: …`` below it; a claim's parent is its number
minus the last part, and its text may go on over the following lines until
the next numbered line. ``1.3. Con: -> See 1.2.2.`` reuses claim 1.2.2 in a
second place (a cross-link; the result is a graph and may loop, which
``argmap check`` reports). Sources are Markdown links inside the text, and
Markdown characters such as parentheses are escaped (``\\(``).

Reading: the thesis is ``1.``; a Pro supports its parent, a Con attacks it
(kinds: premise, objection or rebuttal by side, see :mod:`argmap.io.kinds`);
claim ids are the numbers without the final dot (``1.2.1``); every web link
(http, https, mailto) in a claim becomes one of its sources, in order (the first
is ``source``, the others ``extra_sources``; an address given twice is kept
once) and shows as its link text; escapes are undone.
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path

from argmap.io.builder import MapBuilder
from argmap.io.detect import KIALO_TITLE
from argmap.io.exchange import Imported
from argmap.io.yaml.fields import ClaimFields
from argmap.model import Position
from argmap.util.files import read_text
from argmap.util.urls import SAFE_SCHEMES, url_scheme

#: The first line of a Kialo export.
TITLE = KIALO_TITLE
_CLAIM = re.compile(r"((?:\d+\.)+) (?:(Pro|Con): )?(.*)")
_SUSPECT = re.compile(r"(\d\S*)[ \t]+(?:Pro|Con):")
_SEE = re.compile(r"-> See ((?:\d+\.)+)")
_ESCAPED = re.compile(r"\\([\\`*_{}\[\]()#+\-.!|<>~])")


def looks_like_kialo(text: str) -> bool:
    """True when the first non-blank line is ``Discussion Title:`` (or ``Discussion Name:``)."""
    for line in text.lstrip("\ufeff").splitlines():
        if line.strip():
            return TITLE.match(line.strip()) is not None
    return False


def load_kialo(path: str | Path) -> Imported:
    """Read a Kialo export file.

    Raises:
        MapLoadError: unreadable file, or a problem named with its line.
    """
    return loads_kialo(read_text(path), str(path))


@dataclass
class _Entry:
    number: str
    stance: str | None
    line: int
    lines: list[str] = field(default_factory=list)

    @property
    def cid(self) -> str:
        return self.number[:-1]

    @property
    def parent(self) -> str:
        return self.number[: self.number[:-1].rfind(".") + 1]

    @property
    def text(self) -> str:
        return "\n".join(self.lines).strip()


def loads_kialo(text: str, path: str = "<string>") -> Imported:
    """Read Kialo export text; ``path`` names it in messages.

    Raises:
        MapLoadError: no ``Discussion Title:`` line, a line numbered wrongly
            (``1.2.x. Pro:``), a claim whose parent is missing, a number used
            twice, a cross-link to no claim (all with line numbers).
    """
    b = MapBuilder(path)
    lines = text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n").split("\n")
    start = next((n for n, line in enumerate(lines) if line.strip()), 0)
    title = TITLE.match(lines[start].strip()) if lines else None
    if title is None:
        b.error(
            Position(path, start + 1, 1),
            "a Kialo export starts with 'Discussion Title:'; "
            "export the discussion from Kialo as text, or name the format with --from",
        )
        b.fail_now()
    assert title is not None
    entries = _entries(b, lines, start + 1, path)
    b.fail_now()
    _Discussion(b, path).read(entries)
    indent = len(lines[start]) - len(lines[start].lstrip())
    where = Position(path, start + 1, indent + title.start(1) + 1)
    return b.build(title=b.title(title.group(1).strip(), where))


def _entries(b: MapBuilder, lines: list[str], start: int, path: str) -> list[_Entry]:
    entries: list[_Entry] = []
    for index in range(start, len(lines)):
        line = lines[index].rstrip()
        match = _CLAIM.fullmatch(line)
        if match:
            entries.append(_Entry(match.group(1), match.group(2), index + 1, [match.group(3)]))
            continue
        suspect = _SUSPECT.match(line)
        if suspect:
            b.error(
                Position(path, index + 1, 1),
                f"{suspect.group(1)!r} is not a claim number: "
                "number claims like 1.2.3. (digits, each followed by a dot)",
            )
        elif entries:
            entries[-1].lines.append(line)
        elif line.strip():
            b.error(
                Position(path, index + 1, 1),
                "text before claim 1.: a claim line starts with its number",
            )
    return entries


class _Discussion:
    """Turns numbered entries into claims and relations."""

    def __init__(self, b: MapBuilder, path: str):
        self.b = b
        self.path = path
        self.alias: dict[str, str] = {}

    def read(self, entries: list[_Entry]) -> None:
        known = {e.number for e in entries if not _SEE.fullmatch(e.text)}
        links = []
        for entry in entries:
            pos = Position(self.path, entry.line, 1)
            see = _SEE.fullmatch(entry.text)
            if not self._placed(entry, pos):
                continue
            if see:
                self.alias[entry.number] = see.group(1)
                links.append((entry, see.group(1), pos))
            else:
                self._claim(entry, pos)
        for entry, target, pos in links:
            if target not in known:
                self.b.error(pos, f"'-> See {target}' names no claim of this discussion")
            else:
                self._relate(target[:-1], entry, pos)

    def _placed(self, entry: _Entry, pos: Position) -> bool:
        if entry.number in self.alias or entry.cid in self.b.claims:
            self.b.error(pos, f"claim number {entry.number} is used twice")
            return False
        if entry.number.count(".") == 1 and entry.number != "1.":
            self.b.error(
                pos, f"claim {entry.number} has no parent: a discussion has one thesis, 1."
            )
            return False
        parent = self.alias.get(entry.parent, entry.parent)
        if entry.number != "1." and parent[:-1] not in self.b.claims:
            self.b.error(
                pos,
                f"claim {entry.number} has no parent {entry.parent}: "
                "the export is incomplete or a number is mistyped",
            )
            return False
        return True

    def _claim(self, entry: _Entry, pos: Position) -> None:
        text, sources = _links(entry.text)
        if sources:
            fields: ClaimFields = {"source": sources[0], "extra_sources": tuple(sources[1:])}
            self.b.add_claim(entry.cid, _unescape(text), pos, fields)
        else:
            self.b.add_claim(entry.cid, _unescape(text), pos)
        if entry.number == "1.":
            self.b.claims["1"]["kind"] = "thesis"
        else:
            self._relate(entry.cid, entry, pos)

    def _relate(self, cid: str, entry: _Entry, pos: Position) -> None:
        parent = self.alias.get(entry.parent, entry.parent)[:-1]
        if entry.stance == "Pro":
            self.b.add_inference([cid], parent, pos)
        elif entry.stance == "Con":
            self.b.add_attack(cid, parent, pos)
        else:
            self.b.note(pos, f"claim {entry.number} is neither Pro nor Con: it is kept unrelated")


def _links(text: str) -> tuple[str, list[str]]:
    """Replace every web link (http, https, mailto) by its text; return the text and
    the addresses in order, each once (other links stay as written)."""
    pieces: list[str] = []
    urls: list[str] = []
    done = 0
    for start, end, title, address in markdown_links(text):
        url = _unescape(address)
        if url_scheme(url) in SAFE_SCHEMES:
            pieces += [text[done:start], title]
            done = end
            urls.append(url)
    pieces.append(text[done:])
    return "".join(pieces), list(dict.fromkeys(urls))


def markdown_links(text: str) -> Iterator[tuple[int, int, str, str]]:
    """The Markdown links ``[title](address)`` in ``text``, left to right, as
    ``(start, end, title, address)`` (raw, escapes kept), in time linear in ``len(text)``.

    A link starts at a ``[`` not preceded by a backslash; its title runs to the
    first unescaped ``]`` on the same line; ``(`` follows at once, and the
    address (at least one character, no whitespace) runs to the first unescaped
    ``)``. Links do not overlap. Where each title and address scan stops is
    worked out once for every position (right to left), so a line of
    ``[a](`` repeated never scans again what it has scanned.
    """
    if "](" not in text:
        return
    title_end = _scan_ends(text, "]\n")
    address_end = _scan_ends(text, ")", stop_at_space=True)
    n = len(text)
    i = text.find("[")
    while i != -1:
        if i == 0 or text[i - 1] != "\\":
            close = title_end[i + 1]
            opening = close + 1
            if close < n and text[close] == "]" and opening < n and text[opening] == "(":
                end = address_end[opening + 1]
                if end > opening + 1 and end < n and text[end] == ")":
                    yield i, end + 1, text[i + 1 : close], text[opening + 1 : end]
                    i = text.find("[", end + 1)
                    continue
        i = text.find("[", i + 1)


def _scan_ends(text: str, stops: str, stop_at_space: bool = False) -> list[int]:
    """For each position p (and len(text)), where a scan from p of escape pairs
    (a backslash and any character but a line break) and characters other than
    ``stops``, backslashes (and whitespace with ``stop_at_space``) stops."""
    n = len(text)
    ends = [n] * (n + 2)
    for p in range(n - 1, -1, -1):
        char = text[p]
        if char == "\\":
            ends[p] = ends[p + 2] if p + 1 < n and text[p + 1] != "\n" else p
        elif char in stops or (stop_at_space and char.isspace()):
            ends[p] = p
        else:
            ends[p] = ends[p + 1]
    return ends


def _unescape(text: str) -> str:
    return _ESCAPED.sub(r"\1", text)
