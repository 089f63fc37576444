"""The ICCMA 2023 framework format: ``p af N``, then one attack ``I J`` per line.

The International Competition on Computational Models of Argumentation 2023
(https://iccma2023.github.io/rules.html, "Input format") numbers the
arguments 1 to N: the first line that is not a comment is ``p af N``, every
other such line is an attack ``I J`` (argument I attacks argument J), and a
line starting with ``#`` is a comment. Competition files name nothing; argmap
reads (and writes) a comment ``# I NAME`` with I from 1 to N as the name of
argument I, which becomes the claim's id and text; without such comments,
exactly N comment lines after the ``p`` line name arguments 1 to N in order
(``# NAME``, as the ICCMA 2023 benchmark generators write them, e.g. the
admbuster instances). An argument without a name is claim ``I``. When two
arguments would get the same id, the names are noted and every argument keeps
its number. A missing or malformed ``p`` line, an
attack line that is not two numbers from 1 to N, or a second ``p`` line is an
error at its line and column.
"""

from __future__ import annotations

import json

from argmap.io.dung.framework import Framework, projection_losses
from argmap.io.dung.tgf import split_fields
from argmap.io.exchange import Exported, Imported
from argmap.model import ArgumentMap, Position
from argmap.util.limits import CLAIMS


def _number(text: str) -> int | None:
    return int(text) if text.isascii() and text.isdigit() and len(text) <= 18 else None


def _unquoted(name: str) -> str:
    """A name written as a JSON string (``"  spaced "``) decoded; any other name as is."""
    if len(name) >= 2 and name[0] == name[-1] == '"':
        try:
            value = json.loads(name)
        except ValueError:
            return name
        return value if isinstance(value, str) else name
    return name


def _quoted(cid: str) -> str:
    """``cid`` as a name comment writes it: quoted when spaces around it or a quote
    would change it on reading."""
    plain = cid == cid.strip() and not cid.startswith('"')
    return cid if plain else json.dumps(cid, ensure_ascii=False)


class _Reader:
    def __init__(self, path: str):
        self.fw = Framework(path)
        self.path = path
        self.size: int | None = None
        self.names: dict[int, tuple[str, Position]] = {}
        self.ordered: list[tuple[str, Position]] = []

    def pos(self, line: int, column: int) -> Position:
        return Position(self.path, line, column)

    def comment(self, number: int, line: str) -> None:
        """``# I NAME`` names argument I; after the ``p`` line, every comment is also
        kept in order (N of them, and no ``# I NAME``, name arguments 1 to N)."""
        offset = len(line) - len(line.lstrip()) + 1
        fields = split_fields(line.lstrip()[1:], 2)
        if len(fields) == 2 and (index := _number(fields[0][1])) is not None:
            name = _unquoted(fields[1][1])
            self.names.setdefault(index, (name, self.pos(number, offset + fields[1][0])))
        if self.size is not None and fields:
            rest = line.lstrip()[1:].strip()
            self.ordered.append((_unquoted(rest), self.pos(number, offset + fields[0][0])))

    def header(self, number: int, fields: list[tuple[int, str]]) -> None:
        words = [f for _, f in fields]
        size = _number(words[2]) if len(words) == 3 else None
        if words[:2] != ["p", "af"] or size is None:
            self.fw.builder.error(
                self.pos(number, fields[0][0]),
                "the first line must be 'p af N' (N: the number of arguments)",
            )
            self.size = 0
            return
        limit = CLAIMS.value()
        if size > limit:
            self.fw.builder.error(self.pos(number, fields[2][0]), CLAIMS.message(size, limit))
            size = 0
        self.size = size

    def attack(self, number: int, fields: list[tuple[int, str]]) -> None:
        if fields[0][1] == "p":
            self.fw.builder.error(self.pos(number, fields[0][0]), "a second 'p' line")
            return
        if len(fields) != 2:
            column = fields[2][0] if len(fields) > 2 else fields[0][0]
            self.fw.builder.error(self.pos(number, column), "an attack line is two numbers 'I J'")
            return
        if not self.size:
            return  # the 'p af N' line was refused or is missing: said once, there
        for column, word in fields:
            value = _number(word)
            if value is None or not 1 <= value <= self.size:
                self.fw.builder.error(
                    self.pos(number, column),
                    f"{word!r} is no argument: arguments are numbered 1 to {self.size}",
                )
                return
        self.fw.attack(fields[0][1], fields[1][1], self.pos(number, fields[0][0]))

    def finish(self) -> Imported:
        if self.size is None:
            self.fw.builder.error(self.pos(1, 1), "no 'p af N' line: this is no ICCMA framework")
        self.fw.builder.fail_now()
        size = self.size or 0
        named = {i: n for i, n in self.names.items() if 1 <= i <= size and n[0]}
        if not named and size and len(self.ordered) == size:
            named = dict(enumerate(self.ordered, 1))
        elif not named and self.ordered:
            self.fw.builder.note(
                self.ordered[0][1],
                f"the comments after 'p af {size}' name no argument: {size} comment "
                "lines there would name the arguments in order, '# I NAME' names argument I",
            )
        ids = [named[i][0] if i in named else str(i) for i in range(1, size + 1)]
        if len(set(ids)) < len(ids):
            for i, (name, pos) in sorted(named.items()):
                self.fw.builder.note(
                    pos,
                    f"argument {i} keeps its number: the name {name!r} "
                    "would give two arguments the same id",
                )
            ids = [str(i) for i in range(1, size + 1)]
        head = self.pos(1, 1)
        for i, cid in enumerate(ids, 1):
            self.fw.argument(str(i), named[i][1] if i in named else head, cid)
        return self._renamed(ids)

    def _renamed(self, ids: list[str]) -> Imported:
        """Build with claim ids from ``ids`` (argument I is ``ids[I-1]``)."""
        fw = self.fw
        fw.arguments = {ids[int(k) - 1]: v for k, v in fw.arguments.items()}
        fw.attacks = [(ids[int(a) - 1], ids[int(t) - 1], p) for a, t, p in fw.attacks]
        return fw.build()


def loads_iccma(text: str, path: str = "<string>") -> Imported:
    """Read an ICCMA 2023 framework (with ``# I NAME`` name comments).

    Returns:
        The map: claims named as above (text: the name), one attack per line.

    Raises:
        MapLoadError: no or a bad ``p af N`` line, or an attack line that is
            not two argument numbers (each with line and column).
    """
    reader = _Reader(path)
    for number, line in enumerate(text.lstrip("\ufeff").split("\n"), 1):
        if line.lstrip().startswith("#"):
            reader.comment(number, line)
            continue
        fields = split_fields(line, 4)
        if not fields:
            continue
        if reader.size is None:
            reader.header(number, fields)
        else:
            reader.attack(number, fields)
    return reader.finish()


def dump_iccma(amap: ArgumentMap) -> Exported:
    """The attack projection of ``amap`` in the ICCMA 2023 format.

    Claims are numbered 1 to N in map order; a ``# I ID`` comment names each
    claim whose id is not its number.

    Returns:
        The document; lost: supports, undercuts, texts, kinds not guessed
        back, other fields.
    """
    number = {cid: n for n, cid in enumerate(amap.claims, 1)}
    lines = [f"p af {len(number)}"]
    lines += [f"# {n} {_quoted(cid)}" for cid, n in number.items() if cid != str(n)]
    lines += [f"{number[a.attacker]} {number[a.target]}" for a in amap.attacks]
    return Exported("\n".join(lines) + "\n", tuple(projection_losses(amap, keep_text=False)))
