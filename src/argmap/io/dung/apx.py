"""ASPARTIX APX: ``arg(a).`` and ``att(a,b).`` facts.

The input format of the ASPARTIX system (Egly, Gaggl & Woltran 2010,
"Answer-set programming encodings for argumentation frameworks", Argument &
Computation 1(2)) and of the ICCMA competitions up to 2021: one fact per
argument and per attack, in answer-set-programming syntax. Names are
constants (``a1``, ``7``) or double-quoted strings with ``\\"`` and ``\\\\``
escapes; ``%`` starts a comment to the end of the line, ``%* ... *%`` a block
comment. Facts of other predicates (preferences, values) are left out with an
``import-note``. Anything else is a syntax error at its line and column.

The scanner reads each character once (no regular expression backtracks).
"""

from __future__ import annotations

import re

from argmap.io.dung.framework import Framework, Lines, projection_losses
from argmap.io.exchange import Exported, Imported
from argmap.model import ArgumentMap

_WORD = frozenset("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_")
_CONSTANT = re.compile(r"[a-z][A-Za-z0-9_]*|0|[1-9][0-9]*")


class _Syntax(Exception):
    def __init__(self, offset: int, message: str):
        self.offset = offset
        self.message = message


class _Scanner:
    """Facts ``name(term, ...).`` one by one, skipping space and comments."""

    def __init__(self, text: str):
        self.text = text
        self.i = 0

    def skip(self) -> None:
        text, n = self.text, len(self.text)
        while self.i < n:
            ch = text[self.i]
            if ch in " \t\r\n\ufeff":
                self.i += 1
            elif text.startswith("%*", self.i):
                end = text.find("*%", self.i + 2)
                if end < 0:
                    raise _Syntax(self.i, "a '%*' block comment is never closed with '*%'")
                self.i = end + 2
            elif ch == "%":
                end = text.find("\n", self.i)
                self.i = n if end < 0 else end + 1
            else:
                return

    def word(self, what: str) -> str:
        start = self.i
        while self.i < len(self.text) and self.text[self.i] in _WORD:
            self.i += 1
        if self.i == start:
            raise _Syntax(start, f"expected {what}, found {self._found()}")
        return self.text[start : self.i]

    def quoted(self) -> str:
        start, out = self.i, []
        self.i += 1
        text = self.text
        while self.i < len(text) and text[self.i] not in '"\n':
            if text[self.i] == "\\" and self.i + 1 < len(text):
                self.i += 1
                out.append("\n" if text[self.i] == "n" else text[self.i])
            else:
                out.append(text[self.i])
            self.i += 1
        if self.i >= len(text) or text[self.i] != '"':
            raise _Syntax(start, "a quoted name is not closed on its line")
        self.i += 1
        return "".join(out)

    def term(self) -> str:
        self.skip()
        if self.text.startswith('"', self.i):
            return self.quoted()
        return self.word("a name (a constant such as a1, or a quoted string)")

    def expect(self, ch: str) -> None:
        self.skip()
        if not self.text.startswith(ch, self.i):
            raise _Syntax(self.i, f"expected '{ch}', found {self._found()}")
        self.i += 1

    def _found(self) -> str:
        if self.i >= len(self.text):
            return "the end of the file"
        return repr(self.text[self.i])

    def fact(self) -> tuple[int, str, list[str]] | None:
        """``(offset, predicate, terms)`` of the next fact, or None at the end."""
        self.skip()
        if self.i >= len(self.text):
            return None
        start = self.i
        name = self.word("a fact such as arg(a). or att(a,b).")
        terms: list[str] = []
        self.skip()
        if self.text.startswith("(", self.i):
            self.i += 1
            terms.append(self.term())
            self.skip()
            while self.text.startswith(",", self.i):
                self.i += 1
                terms.append(self.term())
                self.skip()
            self.expect(")")
        self.expect(".")
        return start, name, terms


def loads_apx(text: str, path: str = "<string>") -> Imported:
    """Read an APX framework.

    Args:
        text: the file's text.
        path: the file named in messages.

    Returns:
        The map (a claim per ``arg``, an attack per ``att``) and notes for facts
        of other predicates.

    Raises:
        MapLoadError: a syntax error, an ``arg``/``att`` with the wrong number
            of names, or an attack naming an undeclared argument (each with
            line and column).
    """
    lines, fw, scanner = Lines(text, path), Framework(path), _Scanner(text)
    try:
        while (fact := scanner.fact()) is not None:
            offset, name, terms = fact
            pos = lines.at(offset)
            if (name, len(terms)) == ("arg", 1):
                fw.argument(terms[0], pos)
            elif (name, len(terms)) == ("att", 2):
                fw.attack(terms[0], terms[1], pos)
            elif name in ("arg", "att"):
                want = "one name" if name == "arg" else "two names"
                fw.builder.error(pos, f"{name}(...) takes {want}, not {len(terms)}")
            else:
                what = f"the fact {name}/{len(terms)}"
                fw.builder.note(pos, f"{what} is not part of a framework: left out")
    except _Syntax as exc:
        fw.builder.error(lines.at(exc.offset), exc.message)
    return fw.build()


def apx_name(cid: str) -> str:
    """``cid`` as an APX name: a constant when it is one, else a quoted string."""
    if _CONSTANT.fullmatch(cid):
        return cid
    return '"' + cid.replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n") + '"'


def dump_apx(amap: ArgumentMap) -> Exported:
    """The attack projection of ``amap`` as APX (:mod:`argmap.io.dung.framework`).

    Returns:
        ``arg`` facts in claim order, then ``att`` facts in attack order; lost:
        supports, undercuts, texts, kinds not guessed back, other fields.
    """
    lines = [f"arg({apx_name(cid)})." for cid in amap.claims]
    lines += [f"att({apx_name(a.attacker)},{apx_name(a.target)})." for a in amap.attacks]
    return Exported("\n".join(lines) + "\n", tuple(projection_losses(amap, keep_text=False)))
