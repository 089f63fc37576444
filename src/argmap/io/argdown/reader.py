"""Read Argdown (https://argdown.org, "The Syntax") into an argument map.

What is read (``docs/interchange.md`` lists what is left out):

* statements ``[Title]: text``, references ``[Title]``, untitled statements
  (ids ``s1``, ``s2``, …); a title referred to but never given a text becomes a
  claim whose text is its title, with a warning;
* arguments ``<Title>: description``: without a premise–conclusion structure an
  argument becomes a claim; with one (numbered ``(1)`` statements, ``----``
  inference lines, the conclusion last) each inference step becomes a linked
  inference named by the title (earlier steps ``Title (1)``, …);
* relations ``+`` ``<+`` ``+>`` (support), ``-`` ``<-`` ``->`` (attack), ``_``
  ``<_`` ``_>`` (undercut) and ``><`` (read as attacks both ways), nested by
  indentation; support and attack of a reconstructed argument go to its
  conclusion, undercuts to its (last) inference;
* ``#tags``, ``#(bracketed tags)``, ``{...}`` YAML data (argmap keeps ``kind``,
  ``para``, ``source``, ``tags``, ``score``, ``ignore``, ``span`` and ``id``),
  ``# headings`` (claims defined under one get the tag ``group:<heading>``),
  front matter (``title``, and an ``argmap`` block for the map's source and
  settings), comments and ``\\`` escapes;
* ``@include(file.argdown)`` on a line of its own, relative to the including
  file and confined to the main file's folder tree once links are resolved
  (:mod:`argmap.io.argdown.includes`); each file is read once, so files that
  include each other end.

Kinds come from ``{kind: ...}`` data when present, else they are guessed from
the structure (:mod:`argmap.io.kinds`).
"""

from __future__ import annotations

import re
from pathlib import Path

from argmap.errors import MapLoadError
from argmap.io.argdown.includes import include_refusal
from argmap.io.argdown.member import parse_member
from argmap.io.argdown.members import MemberReader
from argmap.io.argdown.model import ArgDraft, ClaimDraft, Ref, Relation, assemble
from argmap.io.argdown.syntax import (
    FRONT_MATTER,
    INCLUDE,
    ArgdownSyntaxError,
    Item,
    block_items,
    blocks,
    strip_comments,
)
from argmap.io.builder import MapBuilder, MapMeta
from argmap.io.exchange import Imported
from argmap.io.tree import Map, Node, Scalar
from argmap.io.yaml.parse import YamlError, compose
from argmap.model import Position
from argmap.util.files import read_text

#: How deep files may include files that include files.
MAX_INCLUDE_DEPTH = 64


def load_argdown(path: str | Path) -> Imported:
    """Read an Argdown file (and the files it includes).

    Raises:
        MapLoadError: unreadable file, syntax error, invalid data (with positions).
    """
    return loads_argdown(read_text(path), str(path))


def loads_argdown(text: str, path: str = "<string>") -> Imported:
    """Read Argdown text; ``path`` names it in messages and anchors ``@include``.

    Raises:
        MapLoadError: a syntax error (e.g. a relation with nothing before it),
            invalid YAML data, a missing included file (all with positions).
    """
    reader = _Reader(path)
    reader.read(text.lstrip("\ufeff").replace("\r\n", "\n").replace("\r", "\n"), path, main=True)
    return reader.finish()


def _misplaced(kinds: list[str]) -> int | None:
    """The index of the first misplaced line of a premise-conclusion structure, or None.

    ``kinds`` lists its lines, ``"pcs"`` (numbered statement) or ``"inference"``.
    The reference parser reports the same places: an inference line first, one
    inference line after another, one with no statement after it, or (no
    inference line at all) the last statement.
    """
    if kinds[0] == "inference":
        return 0
    for k in range(1, len(kinds)):
        if kinds[k] == "inference" and kinds[k - 1] == "inference":
            return k
    if kinds[-1] == "inference":
        return len(kinds) - 1
    return None if "inference" in kinds else len(kinds) - 1


class _Reader(MemberReader):
    """Reads Argdown files into a :class:`MapBuilder`."""

    def __init__(self, path: str):
        self.b = MapBuilder(path)
        self.claims: dict[str, ClaimDraft] = {}
        self.titles: dict[str, str] = {}
        self.args: dict[str, ArgDraft] = {}
        self.relations: list[Relation] = []
        self.seen: set[Path] = set()
        self.root = Path(path).parent.resolve()
        self.counter = 0
        self.anonymous = 0
        self.depth = 0
        self.heading: str | None = None
        self.last_arg: str | None = None
        self.steps = 0
        self.meta: MapMeta = {}

    def tick(self) -> tuple[int, int]:
        self.counter += 1
        return (0, self.counter)

    # -- files and blocks ----------------------------------------------------

    def read(self, text: str, file: str, main: bool = False) -> None:
        self.seen.add(Path(file).resolve())
        text = self._front_matter(text, file, main)
        try:
            stripped = strip_comments(text)
        except ArgdownSyntaxError as exc:
            self.b.error(Position(file, exc.line, exc.column), exc.message)
            self.b.fail_now()
        for block in blocks(stripped, text):
            try:
                self._block(block, file)
            except ArgdownSyntaxError as exc:
                self.b.error(Position(file, exc.line, exc.column), exc.message)
        self.b.fail_now()

    def _front_matter(self, text: str, file: str, main: bool) -> str:
        match = FRONT_MATTER.match(text)
        if not match:
            return text
        prefix = "\n" * text.count("\n", 0, match.start("body"))
        try:
            node = compose(prefix + match.group("body"), file)
        except YamlError as exc:
            self.b.errors.append(exc.finding)
            self.b.fail_now()
        if main and isinstance(node, Map):
            self._meta(node, file)
        return re.sub(r"[^\n]", " ", match.group(0)) + text[match.end() :]

    def _meta(self, node: Map, file: str) -> None:
        other = sorted(str(k) for k in node.pairs if k not in ("title", "argmap"))
        if other:
            self.b.note(
                Position(file, node.line, node.column),
                f"front matter keys {', '.join(other)} are Argdown settings: not kept",
            )
        pairs: dict[object, tuple[Scalar, Node]] = {
            k: v for k, v in node.pairs.items() if k == "title"
        }
        extra = node.pairs.get("argmap")
        if extra is not None and isinstance(extra[1], Map):
            pairs.update(extra[1].pairs)
        elif extra is not None:
            self.b.error(
                Position(file, extra[1].line, extra[1].column), "'argmap' must hold a mapping"
            )
        self.meta = self.b.map_meta(Map(pairs, node.line, node.column), Position(file))

    def _block(self, block: list[tuple[int, str]], file: str) -> None:
        number, first = block[0]
        include = INCLUDE.match(first)
        if include:
            self._include(include, number, file)
            return
        heading = re.match(r"(#+) (.*)", first)
        if heading:
            self.heading = parse_member(heading.group(2), Position(file, number, 1)).text or None
            self.last_arg = None
            if len(block) > 1:
                self._block(block[1:], file)
            return
        items = block_items(block, file)
        if items[0].kind == "pcs":
            self._pcs(items)
        else:
            self._tree(items)

    def _include(self, match: re.Match[str], line: int, file: str) -> None:
        for name in (n.strip() for n in match.group(1).split(",")):
            pos = Position(file, line, match.start(1) + 1)
            target = Path(file).parent / name
            refused = include_refusal(name, target, self.root)
            if refused:
                self.b.error(pos, f"@include({name}): {refused}")
            elif target.resolve() in self.seen:
                self.b.note(pos, f"@include({name}): already read, so not read again")
            elif self.depth >= MAX_INCLUDE_DEPTH:
                self.b.error(
                    pos,
                    f"@include({name}): includes nest deeper than "
                    f"{MAX_INCLUDE_DEPTH} files; include the files from one place",
                )
            else:
                self._read_included(target, pos, name)

    def _read_included(self, target: Path, pos: Position, name: str) -> None:
        try:
            text = read_text(target)
        except MapLoadError as exc:
            self.b.error(pos, f"@include({name}): {target}: {exc.findings[0].message}")
            return
        self.depth += 1
        self.read(text, str(target))
        self.depth -= 1

    # -- relation trees and premise–conclusion structures --------------------

    def _tree(self, items: list[Item]) -> None:
        wrong = next((i for i in items if i.kind in ("pcs", "inference")), None)
        if items[0].kind == "rel":
            raise ArgdownSyntaxError(
                items[0].pos.line,
                items[0].pos.column,
                f"a relation ({items[0].symbol}) with nothing before it: put the "
                "statement or argument it relates to on the line above",
            )
        if wrong is not None:
            raise ArgdownSyntaxError(
                wrong.pos.line,
                wrong.pos.column,
                "numbered statements and inference lines form a premise-conclusion "
                "structure, which starts after an empty line",
            )
        refs = [self._ref(item) for item in items]
        self.last_arg = refs[0].name if refs[0].kind == "arg" else None
        self._relations(items, refs)

    def _relations(self, items: list[Item], refs: list[Ref]) -> None:
        # Items that may still be a parent, with their levels (growing). As in the
        # Argdown lexer, a line indented between two open levels joins the lower one.
        above: list[tuple[int, int]] = []
        for k, item in enumerate(items):
            level = item.indent
            if above and level <= above[-1][1]:
                while above and above[-1][1] > level:
                    above.pop()
                level = above.pop()[1] if above else level
            parent = above[-1][0] if above else None
            above.append((k, level))
            if item.kind != "rel":
                continue
            if parent is None:
                self.b.error(
                    item.pos,
                    f"relation {item.symbol} has nothing above it that is "
                    "indented less: indent it under what it relates to",
                )
            else:
                self.relations.append((item.symbol, refs[parent], refs[k], item.pos))

    def _ref(self, item: Item) -> Ref:
        member = parse_member(item.text, item.start)
        if member.kind == "empty":
            raise ArgdownSyntaxError(
                item.pos.line,
                item.pos.column,
                f"{item.symbol or 'this line'} names no statement or argument",
            )
        if member.kind == "arg":
            return Ref("arg", self._argument(member).title)
        return Ref("stmt", self._statement(member).cid)

    def _pcs(self, items: list[Item]) -> None:
        title = self.last_arg
        if title is None:
            title = f"argument {len(self.args) + 1}"
            while title in self.args:
                title += "'"
            self.args[title] = ArgDraft(title, items[0].pos, order=self.tick())
        self.last_arg, self.steps = None, 0
        refs: list[Ref] = []
        for item in items:
            if item.kind == "pcs":
                refs.append(Ref("stmt", self._statement(parse_member(item.text, item.start)).cid))
            elif item.kind == "inference":
                refs.append(Ref("step", title, self.steps))
                self.steps += 1
            else:
                refs.append(self._ref(item))
        arg = self.args[title]
        if arg.steps:
            self.b.error(
                items[0].pos, f"argument <{title}> has a second premise-conclusion structure"
            )
            return
        arg.steps = self._steps(items, refs, title)
        self._relations(items, refs)

    def _steps(
        self, items: list[Item], refs: list[Ref], title: str
    ) -> list[tuple[list[str], str, Position]]:
        anchors = [
            (i, r) for i, r in zip(items, refs, strict=True) if i.kind in ("pcs", "inference")
        ]
        kinds = [i.kind for i, _ in anchors]
        wrong = _misplaced(kinds)
        if wrong is not None:
            self.b.error(
                anchors[wrong][0].pos,
                f"the premise-conclusion structure of <{title}> must start with a "
                "premise, have a numbered statement after each inference line (----) "
                "and end with an inference line and a conclusion",
            )
            return []
        numbered = {i.number: r.name for i, r in anchors if i.kind == "pcs"}
        steps: list[tuple[list[str], str, Position]] = []
        since: list[str] = []
        previous: str | None = None
        above: set[int] = set()  # numbers of the statements above
        for k, (item, ref) in enumerate(anchors):
            if item.kind == "pcs":
                above.add(item.number)
            if item.kind == "inference" or kinds[k - 1] != "inference":
                since += [ref.name] if item.kind == "pcs" else []
                continue
            inference = anchors[k - 1][0]
            uses = []
            for n in self._uses(inference):
                if n in above and n != item.number:
                    uses.append(numbered[n])
                else:
                    self.b.note(
                        inference.pos,
                        f"{{uses: ...}} names ({n}), which is no numbered statement above "
                        "this inference line: not used",
                    )
            premises = uses or ([previous] if previous else []) + since
            steps.append((premises, ref.name, inference.pos))
            since, previous = [], ref.name
        return steps

    def _uses(self, inference: Item) -> list[int]:
        data = self._data(parse_member(inference.text, inference.start))
        node = data.pairs.get("uses", (None, None))[1] if data is not None else None
        if node is None:
            return []
        numbers = []
        for item in getattr(node, "items", [node]):
            value = item.value if isinstance(item, Scalar) else None
            if isinstance(value, int) and not isinstance(value, bool):
                numbers.append(value)
            else:
                pos = Position(inference.pos.file, item.line, item.column)
                self.b.note(pos, "{uses: ...} holds statement numbers only: this item is not used")
        return numbers

    # -- statements and arguments ------------------------------------------------

    def finish(self) -> Imported:
        """Turn what was read into the map (:func:`argmap.io.argdown.model.assemble`)."""
        return assemble(self.b, self.claims, self.args, self.relations, self.meta)
